import * as assert from 'node:assert/strict';
import { unambiguousFix } from '../../src/core/fixAll';
import { applyEdits } from '../../src/core/findings';
import { hostOfFileName, readFileDocument } from '../../src/core/fileHost';
import { analyzeDocument, readDockerfileDocument, readJsonDocument } from '../../src/core/hostDocument';
import { renderFix } from '../../src/core/renderFix';
import { suppressionFix } from '../../src/core/suppressionFix';
import { parseJson } from '../../src/core/jsonParse';
import { findJsoncCommentSuppressions, findSuppressions, type Suppressions } from '../../src/core/suppressions';
import { example } from './cliTestKit';
import { analyzeOptions, analyzeText, applyFix, catalog, codes, KMEANS_US_EAST_1, only, textAt, trainingSpec } from './specTestKit';
import { analyzeYaml, applyHostFix } from './yamlTestKit';

/** A complete training spec (JSONC) on `:latest`, with `comment` on the line above the image. */
function jsoncTrainingSpec(comment: string): string {
  const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`);
  return comment ? text.replace('    "TrainingImage"', `    ${comment}\n    "TrainingImage"`) : text;
}

/** The codes found, without those of other rule families (these tests are about `latest-tag`). */
function latestTag(text: string): string[] {
  return codes(analyzeText(text)).filter((code) => code === 'latest-tag');
}

/** The suppressed codes per 0-based line, in the order found (`all` for a directive naming none). */
function byLine(suppressions: Suppressions): [number, string[] | 'all'][] {
  return [...suppressions.lines.entries()].map(([line, suppressed]) => [line, suppressed === 'all' ? 'all' : [...suppressed]]);
}

describe('suppression comments (// sagemaker-spec-disable-next-line)', () => {
  it('reports the finding without a comment', () => {
    assert.equal(textAt(jsoncTrainingSpec(''), only(analyzeText(jsoncTrainingSpec('')), 'latest-tag')), 'latest');
  });

  it('drops the named code on the next line', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line latest-tag')), []);
  });

  it('drops every code when none is named, and accepts a reason after --', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line')), []);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line -- base image decides')), []);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line latest-tag -- base image decides')), []);
  });

  it('accepts a comma-separated list of codes', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line digest-recommended, latest-tag')), []);
  });

  it('keeps codes it does not name', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line digest-recommended')), ['latest-tag']);
  });

  it('applies to the next line only', () => {
    const text = jsoncTrainingSpec('').replace('"TrainingJobName": "demo-job",', '// sagemaker-spec-disable-next-line latest-tag\n  "TrainingJobName": "demo-job",');
    assert.deepEqual(latestTag(text), ['latest-tag']);
  });

  it('takes the same directives in a block comment, on its line or the next (found by a fresh user)', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('/* sagemaker-spec-disable-next-line latest-tag */')), []);
    assert.deepEqual(latestTag(jsoncTrainingSpec('/* sagemaker-spec-disable-next-line digest-recommended -- a reason */')), ['latest-tag']);
    const endOfLine = jsoncTrainingSpec('').replace(':latest",', ':latest", /* sagemaker-spec-disable-line latest-tag */');
    assert.deepEqual(latestTag(endOfLine), []);
    // The scanner's reading (for texts read without their parse) gives the same lines and codes.
    const scanned = findSuppressions('{\n  /* sagemaker-spec-disable-next-line latest-tag */\n  "a": 1\n}');
    assert.deepEqual([...scanned.lines].map(([line, codes]) => [line, codes === 'all' ? 'all' : [...codes]]), [[2, ['latest-tag']]]);
    assert.deepEqual(scanned.codes.map((code) => code.code), ['latest-tag']);
  });

  it('does not count "//" inside a string', () => {
    const text = [
      '{',
      '  "TrainingJobName": "demo-job",',
      '  "Tags": [{"Key": "note", "Value": "// sagemaker-spec-disable-next-line"}],',
      `  "AlgorithmSpecification": {"TrainingImage": "${KMEANS_US_EAST_1}:latest", "TrainingInputMode": "File"}`,
      '}',
    ].join('\n');
    assert.deepEqual([...findSuppressions(text).lines.keys()], []);
    assert.deepEqual(latestTag(text), ['latest-tag']);
  });

  it('ignores comments that only mention a directive', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('/* see sagemaker-spec-disable-next-line */')), ['latest-tag']);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// see sagemaker-spec-disable-next-line')), ['latest-tag']);
  });

  it('works with CRLF line ends and a trailing comment on the line before', () => {
    const text = jsoncTrainingSpec('').replace('"AlgorithmSpecification": {', '"AlgorithmSpecification": { // sagemaker-spec-disable-next-line latest-tag').replace(/\n/g, '\r\n');
    assert.deepEqual(latestTag(text), []);
  });

  it('finds directives by line', () => {
    const suppressions = findSuppressions('{\n// sagemaker-spec-disable-next-line a, b\n"x": 1,\n// sagemaker-spec-disable-next-line\n"y": 2}');
    assert.deepEqual(byLine(suppressions), [
      [2, ['a', 'b']],
      [4, 'all'],
    ]);
  });

  it('reads the same directives from the comment ranges the JSON parse found as from a scan of the text', () => {
    const text = '{\n/* sagemaker-spec-disable-line a */ "x": 1,\n// sagemaker-spec-disable-next-line b, c\n"y": 2, // a comment\n"z": "// sagemaker-spec-disable-line d"}';
    const fromParse = findJsoncCommentSuppressions(text, parseJson(text).jsoncOnly.comments);
    assert.deepEqual(byLine(fromParse), [
      [1, ['a']],
      [3, ['b', 'c']],
    ]);
    assert.deepEqual(byLine(fromParse), byLine(findSuppressions(text)));
    assert.deepEqual(byLine(findJsoncCommentSuppressions(text, [])), []);
  });

  it('keeps one list of a JSON file\'s comments: the host document\'s is its spec\'s, as the parse found it', () => {
    const text = jsoncTrainingSpec('/* sagemaker-spec-disable-next-line latest-tag */');
    const document = readJsonDocument(text);
    assert.equal(document.host, 'json');
    assert.equal(document.comments, document.requests[0].comments);
    assert.deepEqual(document.comments.map(({ offset, length }) => text.slice(offset, offset + length)), ['/* sagemaker-spec-disable-next-line latest-tag */']);
    assert.deepEqual(latestTag(text), []);
  });
});

describe('sagemaker-spec-disable-line and invalid-suppression', () => {
  it('drops the named code on the comment\'s own line (JSONC)', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`).replace(/("TrainingImage": "[^"]*",)/, '$1 // sagemaker-spec-disable-line latest-tag');
    assert.notEqual(text, trainingSpec(`${KMEANS_US_EAST_1}:latest`));
    assert.deepEqual(latestTag(text), []);
    // On another line it suppresses nothing there.
    assert.deepEqual(latestTag(text.replace('"TrainingImage"', '"TrainingImage"').replace(/ \/\/ sagemaker-spec-disable-line latest-tag/, '').replace('"TrainingInputMode": "File"', '"TrainingInputMode": "File" // sagemaker-spec-disable-line latest-tag')), ['latest-tag']);
  });

  it('drops the named code on the comment\'s own line (YAML)', () => {
    const text = example('broken-invalid-enum-value.sagemaker.yaml');
    assert.ok(codes(analyzeYaml(text)).includes('invalid-enum-value'));
    const suppressed = text.replace('  TrainingInputMode: Fil', '  TrainingInputMode: Fil  # sagemaker-spec-disable-line invalid-enum-value');
    assert.deepEqual(codes(analyzeYaml(suppressed)).filter((code) => code === 'invalid-enum-value'), []);
  });

  it('reports a misspelt code on the code, keeps the finding it meant, and offers the nearest code (not applied by fix-all)', () => {
    const text = jsoncTrainingSpec('// sagemaker-spec-disable-next-line digest-recommended, latest-tags -- pinned upstream');
    const findings = analyzeText(text);
    assert.deepEqual(latestTag(text), ['latest-tag']);
    const invalid = only(findings, 'invalid-suppression');
    assert.equal(textAt(text, invalid), 'latest-tags');
    assert.equal(invalid.severity, 'warning');
    assert.match(invalid.message, /^"latest-tags" is not a SageMaker Spec code, so this comment suppresses nothing for it\. Did you mean latest-tag\?$/);
    assert.equal(unambiguousFix(invalid), undefined);
    const fixed = applyFix(text, invalid, 'Change to latest-tag');
    assert.equal(fixed, text.replace('latest-tags', 'latest-tag'));
    assert.deepEqual(codes(analyzeText(fixed)).filter((code) => code === 'latest-tag' || code === 'invalid-suppression'), []);
  });

  it('reports a misspelt code in a # comment (YAML, Dockerfile) with the fix written into the comment', () => {
    const yaml = example('broken-invalid-enum-value.sagemaker.yaml').replace('  TrainingInputMode: Fil', '  # sagemaker-spec-disable-next-line invalid-enum-valu\n  TrainingInputMode: Fil');
    const invalid = only(analyzeYaml(yaml), 'invalid-suppression');
    assert.equal(textAt(yaml, invalid), 'invalid-enum-valu');
    assert.equal(applyHostFix(yaml, invalid), yaml.replace('invalid-enum-valu\n', 'invalid-enum-value\n'));
    const dockerfile = `# sagemaker-spec-disable-next-line xgboost-unpined\nFROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1\n`;
    const findings = analyzeDocument(readDockerfileDocument(dockerfile), { catalog, regionInputs: { env: {} } }).findings;
    assert.deepEqual(codes(findings).sort(), ['invalid-suppression', 'xgboost-unpinned']);
    assert.equal(textAt(dockerfile, only(findings, 'invalid-suppression')), 'xgboost-unpined');
  });

  it('leaves a word that is no code a typo away without a guess, and a rule turned off unreported', () => {
    const text = jsoncTrainingSpec('// sagemaker-spec-disable-next-line because-reasons');
    const invalid = only(analyzeText(text), 'invalid-suppression');
    assert.deepEqual(invalid.fixes, []);
    assert.doesNotMatch(invalid.message, /Did you mean/);
    assert.deepEqual(codes(analyzeText(text, { rules: { 'invalid-suppression': 'off' } })).filter((code) => code === 'invalid-suppression'), []);
  });
});

describe('YAML aliases: a directive on an alias\'s line covers the anchored value it reads (found by a fresh user)', () => {
  const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';
  /** A training job whose image is `*xgb`, anchored in `x-images`, with `comment` above the alias's line. */
  const spec = (comment: string, image = `${XGBOOST}:1`) =>
    [
      'x-images:',
      `  - &xgb ${image}`,
      'TrainingJobName: alias-disable',
      'RoleArn: arn:aws:iam::123456789012:role/R',
      'AlgorithmSpecification:',
      ...(comment ? [`  ${comment}`] : []),
      '  TrainingImage: *xgb',
      '  TrainingInputMode: File',
      '',
    ].join('\n');
  const found = (text: string) => codes(analyzeYaml(text, { forced: true })).filter((code) => code === 'xgboost-unpinned' || code === 'latest-tag');

  it('the finding is on the anchored text; a directive above the alias drops it, as one above the anchor does', () => {
    const text = spec('');
    const finding = only(analyzeYaml(text, { forced: true }), 'xgboost-unpinned');
    assert.equal(text.slice(0, finding.offset).split('\n').length, 2, 'on the anchor\'s line');
    assert.deepEqual(found(spec('# sagemaker-spec-disable-next-line xgboost-unpinned -- legacy job, pinned later')), []);
    assert.deepEqual(found(spec('# sagemaker-spec-disable-next-line')), []);
    assert.deepEqual(found(text.replace('  TrainingImage: *xgb', '  TrainingImage: *xgb # sagemaker-spec-disable-line xgboost-unpinned')), []);
    assert.deepEqual(found(text.replace('  - &xgb', '  # sagemaker-spec-disable-next-line xgboost-unpinned\n  - &xgb')), []);
  });

  it('drops only the codes it names, only in the value the alias reads', () => {
    assert.deepEqual(found(spec('# sagemaker-spec-disable-next-line latest-tag')), ['xgboost-unpinned']);
    assert.deepEqual(found(spec('# sagemaker-spec-disable-next-line xgboost-unpinned', `${KMEANS_US_EAST_1}:latest`)), ['latest-tag']);
    // A directive above another line reads no alias.
    assert.deepEqual(found(spec('').replace('  TrainingInputMode: File', '  # sagemaker-spec-disable-next-line xgboost-unpinned\n  TrainingInputMode: File')), ['xgboost-unpinned']);
  });

  it('passes through an alias inside the value (an anchored mapping holding *xgb)', () => {
    const text = [
      'x-images:',
      `  - &xgb ${XGBOOST}:1`,
      'x-algorithm: &algorithm {TrainingImage: *xgb, TrainingInputMode: File}',
      'TrainingJobName: alias-disable',
      'RoleArn: arn:aws:iam::123456789012:role/R',
      '# sagemaker-spec-disable-next-line xgboost-unpinned',
      'AlgorithmSpecification: *algorithm',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text.replace('# sagemaker-spec-disable-next-line xgboost-unpinned\n', '')), ['xgboost-unpinned']);
  });
});

describe('the quick fix that writes a suppression comment', () => {
  const options = analyzeOptions();

  /** The document of `text` read as the file `file`, its findings, and the text after the suppression fix of the finding of `code`. */
  function suppress(file: string, text: string, code: string): { fixed: string | undefined; before: string[]; after: string[] } {
    const read = (current: string) => readFileDocument(hostOfFileName(file), file, current, false).document;
    const document = read(text);
    const findings = analyzeDocument(document, options).findings;
    const finding = findings.find((candidate) => candidate.code === code);
    assert.ok(finding, `${code} among ${codes(findings).join(', ')}`);
    const fix = suppressionFix(document, finding);
    if (!fix) return { fixed: undefined, before: codes(findings), after: codes(findings) };
    assert.equal(fix.title, `Disable ${code} for this line`);
    assert.ok(!fix.preferred, 'never preferred: silencing is a choice');
    const fixed = applyEdits(text, renderFix(document, fix)!.edits);
    return { fixed, before: codes(findings), after: codes(analyzeDocument(read(fixed), options).findings) };
  }

  it('YAML: a # line above, with the line\'s indentation; the finding is gone and nothing else changes', () => {
    const text = ['TrainingJobName: demo', 'AlgorithmSpecification:', `  TrainingImage: ${KMEANS_US_EAST_1}:latest  # nightly`, '  TrainingInputMode: File', ''].join('\n');
    const { fixed, before, after } = suppress('/w/train.sagemaker.yaml', text, 'latest-tag');
    assert.equal(fixed, text.replace('  TrainingImage', '  # sagemaker-spec-disable-next-line latest-tag\n  TrainingImage'));
    assert.deepEqual(after, before.filter((code) => code !== 'latest-tag'));
  });

  it('adds the code to a directive already above (before its reason), keeping CRLF line breaks', () => {
    const text = ['TrainingJobName: demo', 'AlgorithmSpecification:', '  # sagemaker-spec-disable-next-line digest-recommended -- pinned upstream', `  TrainingImage: ${KMEANS_US_EAST_1}:latest`, '  TrainingInputMode: File', ''].join('\r\n');
    const { fixed, after } = suppress('/w/train.sagemaker.yaml', text, 'latest-tag');
    assert.equal(fixed, text.replace('digest-recommended -- pinned', 'digest-recommended, latest-tag -- pinned'));
    assert.ok(!after.includes('latest-tag'));
    const fresh = text.replace('  # sagemaker-spec-disable-next-line digest-recommended -- pinned upstream\r\n', '');
    assert.ok(suppress('/w/train.sagemaker.yaml', fresh, 'latest-tag').fixed!.includes('  # sagemaker-spec-disable-next-line latest-tag\r\n  TrainingImage'));
  });

  it('Python and Dockerfiles take a # line; a .jsonc spec a // line', () => {
    const python = `import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(\n    ModelName="m",\n    PrimaryContainer={"Image": "${KMEANS_US_EAST_1}:latest"},\n)\n`;
    const onPython = suppress('/w/deploy.py', python, 'latest-tag');
    assert.equal(onPython.fixed, python.replace('    PrimaryContainer', '    # sagemaker-spec-disable-next-line latest-tag\n    PrimaryContainer'));
    assert.ok(!onPython.after.includes('latest-tag'));
    const dockerfile = `FROM ${KMEANS_US_EAST_1}:latest\nRUN true\n`;
    const onDockerfile = suppress('/w/Dockerfile', dockerfile, 'latest-tag');
    assert.equal(onDockerfile.fixed, `# sagemaker-spec-disable-next-line latest-tag\n${dockerfile}`);
    assert.deepEqual(onDockerfile.after, []);
    const jsonc = jsoncTrainingSpec('');
    const onJsonc = suppress('/w/train.sagemaker.jsonc', jsonc, 'latest-tag');
    assert.equal(onJsonc.fixed, jsonc.replace('    "TrainingImage"', '    // sagemaker-spec-disable-next-line latest-tag\n    "TrainingImage"'));
    assert.ok(!onJsonc.after.includes('latest-tag'));
  });

  it('is not offered where the comment would break or not be read: strict JSON, a YAML block scalar, a continued Dockerfile line, strict-json', () => {
    assert.equal(suppress('/w/train.sagemaker.json', jsoncTrainingSpec(''), 'latest-tag').fixed, undefined);
    const block = ['TrainingJobName: demo', 'AlgorithmSpecification:', '  TrainingImage: >-', `    ${KMEANS_US_EAST_1}:latest`, '  TrainingInputMode: File', ''].join('\n');
    assert.equal(suppress('/w/train.sagemaker.yaml', block, 'latest-tag').fixed, undefined);
    const continued = `FROM --platform=linux/amd64 \\\n  ${KMEANS_US_EAST_1}:latest\n`;
    assert.equal(suppress('/w/Dockerfile', continued, 'latest-tag').fixed, undefined);
    const template = JSON.stringify({ Resources: { M: { Type: 'AWS::SageMaker::Model', Properties: { PrimaryContainer: { Image: `${KMEANS_US_EAST_1}:latest` } } } } }, null, 2);
    assert.equal(suppress('/w/template.json', template, 'latest-tag').fixed, undefined);
  });

  it('is not offered inside a YAML block scalar anywhere (a Default read by !Ref, a DefinitionString) and is offered past a Python comment quoting """ (found by a fresh user)', () => {
    const blockDefault = ['Parameters:', '  It:', '    Type: String', '    Default: >-', '      ml.m5.xlarg', 'Resources:', '  C:', '    Type: AWS::SageMaker::EndpointConfig', '    Properties:', '      ProductionVariants:', '        - {ModelName: m, VariantName: a, InstanceType: !Ref It, InitialInstanceCount: 1}', ''].join('\n');
    assert.equal(suppress('/w/template.yaml', blockDefault, 'invalid-enum-value').fixed, undefined);
    const definitionString = [
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: !Sub |',
      '        {"StartAt": "M", "States": {"M": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel",',
      `          "Parameters": {"ModelName": "m", "PrimaryContainer": {"Image": "${KMEANS_US_EAST_1}:latest"}}, "End": true}}}`,
      '',
    ].join('\n');
    assert.equal(suppress('/w/template.yaml', definitionString, 'latest-tag').fixed, undefined);
    const commented = `import boto3\nsm = boto3.client("sagemaker")\n# Docstrings here use """ quotes.\nsm.create_model(ModelName="m", PrimaryContainer={"Image": "${KMEANS_US_EAST_1}:latest"})\n`;
    assert.ok(suppress('/w/deploy.py', commented, 'latest-tag').fixed?.includes('# sagemaker-spec-disable-next-line latest-tag\nsm.create_model'));
  });

  it('is not offered inside what a line above began: a Python \\ continuation, a YAML quoted scalar over several lines (found by a fresh user)', () => {
    const [host, repository] = KMEANS_US_EAST_1.split('/');
    const continued = `import boto3\nsm = boto3.client("sagemaker")\nimage = \\\n    "${KMEANS_US_EAST_1}:latest"\nsm.create_model(ModelName="m", PrimaryContainer={"Image": image})\n`;
    const onContinued = suppress('/w/deploy.py', continued, 'latest-tag');
    assert.equal(onContinued.fixed, undefined, 'a comment after `image = \\` is a SyntaxError');
    const quoted = ['TrainingJobName: demo', 'AlgorithmSpecification:', `  TrainingImage: "${host}/\\`, `    ${repository}:latest"`, '  TrainingInputMode: File', ''].join('\n');
    assert.equal(suppress('/w/train.sagemaker.yaml', quoted, 'latest-tag').fixed, undefined);
  });
});
