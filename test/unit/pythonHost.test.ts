// What only the Python host has to get right: string literal forms, unknown values, name
// resolution and scopes, dict(…) and **kwargs, suppression comments, and what is not a boto3 call.
import * as assert from 'node:assert/strict';
import { readPythonDocument } from '../../src/core/hostDocument';
import { analyzePython, applyPythonFix, DYNAMIC, pythonRequestValues, requestValue } from './pythonTestKit';
import { codes, KMEANS_US_EAST_1, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const KMEANS_HOST = '382416733822.dkr.ecr.us-east-1.amazonaws.com/';

/** The members of a valid CreateTrainingJob call, as Python source. */
const VALID: Record<string, string> = {
  TrainingJobName: "'demo-job'",
  RoleArn: `'${ROLE}'`,
  AlgorithmSpecification: `{'TrainingImage': '${KMEANS_US_EAST_1}:1', 'TrainingInputMode': 'File'}`,
  OutputDataConfig: "{'S3OutputPath': 's3://bucket/output'}",
  ResourceConfig: "{'InstanceType': 'ml.m5.xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 10}",
  StoppingCondition: "{'MaxRuntimeInSeconds': 3600}",
};

/**
 * A script with a boto3 client and one create_training_job call: VALID with `members` replaced
 * (undefined removes one), `before` above the call and `extra` raw arguments appended (`**kw`).
 */
function script(members: Record<string, string | undefined> = {}, before = '', extra: string[] = []): string {
  const merged = { ...VALID, ...members };
  const args = [...Object.entries(merged).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${value}`), ...extra];
  return `import boto3\n\nsm = boto3.client('sagemaker')\n${before}sm.create_training_job(\n    ${args.join(',\n    ')}\n)\n`;
}

/** A finding as [code, the text it covers, message]. */
const shownFinding = (text: string) => (finding: { code: string; offset: number; length: number; message: string }) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message];

/** The AlgorithmSpecification source around an image literal written as `imageSource`. */
const algorithm = (imageSource: string) => `{'TrainingImage': ${imageSource}, 'TrainingInputMode': 'File'}`;

describe('Python host', () => {
  it('finds nothing in a valid call, and reads it as the request it is', () => {
    const text = script();
    assert.deepEqual(analyzePython(text), []);
    const [request] = pythonRequestValues(text);
    assert.equal(request.kind, 'CreateTrainingJob');
    assert.deepEqual(request.value, {
      TrainingJobName: 'demo-job',
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: `${KMEANS_US_EAST_1}:1`, TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    });
  });

  describe('string literals', () => {
    for (const [label, source] of [
      ['double quotes', `"${KMEANS_US_EAST_1}:latest"`],
      ['an r prefix', `r'${KMEANS_US_EAST_1}:latest'`],
      ['a u prefix', `U"${KMEANS_US_EAST_1}:latest"`],
      ['triple single quotes', `'''${KMEANS_US_EAST_1}:latest'''`],
      ['triple double quotes with a prefix', `R"""${KMEANS_US_EAST_1}:latest"""`],
      ['an f prefix without replacement fields', `f'${KMEANS_US_EAST_1}:latest'`],
    ]) {
      it(`maps the tag's range through ${label}`, () => {
        const text = script({ AlgorithmSpecification: algorithm(source) });
        const finding = only(analyzePython(text), 'latest-tag');
        assert.equal(textAt(text, finding), 'latest');
        const fixed = applyPythonFix(text, finding);
        assert.deepEqual(pythonRequestValues(fixed)[0].value, pythonRequestValues(script())[0].value);
        assert.deepEqual(analyzePython(fixed), []);
      });
    }

    it('edits a plain literal in place, keeping its quotes', () => {
      const text = script({ AlgorithmSpecification: algorithm(`"${KMEANS_US_EAST_1}:latest"`) });
      assert.equal(applyPythonFix(text, only(analyzePython(text), 'latest-tag')), script({ AlgorithmSpecification: algorithm(`"${KMEANS_US_EAST_1}:1"`) }));
    });

    it('keeps a prefixed or triple-quoted literal as written, changing only the tag', () => {
      const raw = script({ AlgorithmSpecification: algorithm(`r'${KMEANS_US_EAST_1}:latest'`) });
      assert.equal(applyPythonFix(raw, only(analyzePython(raw), 'latest-tag')), script({ AlgorithmSpecification: algorithm(`r'${KMEANS_US_EAST_1}:1'`) }));
      const triple = script({ AlgorithmSpecification: algorithm(`'''${KMEANS_US_EAST_1}:latest'''`) });
      assert.equal(applyPythonFix(triple, only(analyzePython(triple), 'latest-tag')), script({ AlgorithmSpecification: algorithm(`'''${KMEANS_US_EAST_1}:1'''`) }));
    });

    it('maps ranges through escapes and keeps the escapes the fix does not touch', () => {
      const text = script({ AlgorithmSpecification: algorithm(`'382416733822.dkr.ecr.us-east-1.amazonaws.com\\x2fkmeans:lat\\u0065st'`) });
      const finding = only(analyzePython(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'lat\\u0065st');
      assert.equal(applyPythonFix(text, finding), script({ AlgorithmSpecification: algorithm(`'382416733822.dkr.ecr.us-east-1.amazonaws.com\\x2fkmeans:1'`) }));
    });

    it('maps a tag inside the second segment of an implicit concatenation and changes that segment only', () => {
      const text = script({ AlgorithmSpecification: algorithm(`"${XGBOOST_US_EAST_1.split('/')[0]}/" "sagemaker-xgboost:latest"`) });
      const finding = only(analyzePython(text), 'xgboost-unpinned');
      assert.equal(textAt(text, finding), 'latest');
      assert.ok(finding.offset > text.indexOf('" "'), 'the range lies in the second segment');
      const fixed = applyPythonFix(text, finding, 'Pin XGBoost 1.7-1');
      assert.equal(fixed, script({ AlgorithmSpecification: algorithm(`"${XGBOOST_US_EAST_1.split('/')[0]}/" "sagemaker-xgboost:1.7-1"`) }));
    });

    it('maps an account in the first segment of a group written over two lines', () => {
      const text = script({ AlgorithmSpecification: `{'TrainingImage': ('246618743249.dkr.ecr.us-east-1.amazonaws.com/'\n        'sagemaker-xgboost:1.7-1'), 'TrainingInputMode': 'File'}` });
      const finding = only(analyzePython(text), 'registry-account-mismatch');
      assert.equal(textAt(text, finding), '246618743249');
      const fixed = applyPythonFix(text, finding);
      assert.equal(pythonRequestValues(fixed)[0].value && (pythonRequestValues(fixed)[0].value as { AlgorithmSpecification: { TrainingImage: string } }).AlgorithmSpecification.TrainingImage, `${XGBOOST_US_EAST_1}:1.7-1`);
      assert.deepEqual(analyzePython(fixed), []);
    });

    it('reads an f-string without replacement fields as a plain string in a boto3 request, and fixes it keeping its f', () => {
      const text = script({ ResourceConfig: "{'InstanceType': f'ml.m5.xlarg', 'InstanceCount': 1, 'VolumeSizeInGB': 10}", TrainingJobName: "f'job-{{a}}'" });
      const value = pythonRequestValues(text)[0].value as { TrainingJobName: unknown };
      assert.equal(value.TrainingJobName, 'job-{a}');
      const finding = only(analyzePython(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), 'ml.m5.xlarg');
      assert.equal(applyPythonFix(text, finding), text.replace("f'ml.m5.xlarg'", "f'ml.m5.xlarge'"));
    });

    it('checks an image in an f-string without replacement fields outside any request, as a plain string is', () => {
      const text = `import boto3\nBASE = f"763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:latest"\n`;
      const finding = only(analyzePython(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
      const plain = text.replace('= f"', '= "');
      assert.equal(applyPythonFix(text, finding), applyPythonFix(plain, only(analyzePython(plain), 'latest-tag')).replace('= "', '= f"'));
    });

    it('treats a bytes literal as unknown: not judged, but present', () => {
      const text = script({ AlgorithmSpecification: algorithm(`b'${KMEANS_US_EAST_1}:latest'`), RoleArn: `b'not an arn'` });
      assert.deepEqual(analyzePython(text), []);
      const value = pythonRequestValues(text)[0].value as { AlgorithmSpecification: { TrainingImage: unknown }; RoleArn: unknown };
      assert.equal(value.AlgorithmSpecification.TrainingImage, DYNAMIC);
      assert.equal(value.RoleArn, DYNAMIC);
    });
  });

  describe('unknown values are never reported', () => {
    // Wrong only to request rules (a constant outside Amazon ECR gets no image rules of its own).
    const BAD = "{'TrainingImage': 'registry.example.com/team/trainer:2.1', 'TrainingInputMode': 'file'}";
    const BAD_CODES = ['digest-recommended', 'invalid-enum-value', 'private-registry-needs-vpc-access'];

    it('the same dict bound once is checked (the control for the cases below)', () => {
      assert.deepEqual(codes(analyzePython(script({ AlgorithmSpecification: 'algorithm_specification' }, `algorithm_specification = ${BAD}\n`))), BAD_CODES);
      assert.deepEqual(codes(analyzePython(script({ AlgorithmSpecification: BAD }))), BAD_CODES);
    });

    const cases: [string, string, string][] = [
      ['a call', '', 'make_algorithm()'],
      ['an undefined name', '', 'algorithm_specification'],
      ['a name bound twice', `algorithm_specification = ${BAD}\nalgorithm_specification = ${BAD}\n`, 'algorithm_specification'],
      ['a name bound twice, once in a branch', `algorithm_specification = ${BAD}\nif fast:\n    algorithm_specification = other\n`, 'algorithm_specification'],
      ['a conditional', '', `${BAD} if fast else {}`],
      ['a comprehension', '', `{key: value for key, value in ${BAD}.items()}`],
      ['a name stored into', `algorithm_specification = ${BAD}\nalgorithm_specification['TrainingInputMode'] = mode\n`, 'algorithm_specification'],
      ['a name updated by a method', `algorithm_specification = ${BAD}\nalgorithm_specification.update(overrides)\n`, 'algorithm_specification'],
      ['a name mutated inside a function', `algorithm_specification = ${BAD}\ndef tune():\n    algorithm_specification.setdefault('X', 1)\n`, 'algorithm_specification'],
      ['an augmented name', `algorithm_specification = ${BAD}\nalgorithm_specification |= overrides\n`, 'algorithm_specification'],
      ['a deleted name', `algorithm_specification = ${BAD}\ndel algorithm_specification\nalgorithm_specification = get()\n`, 'algorithm_specification'],
      ['a name bound in a loop', `for algorithm_specification in [${BAD}]:\n    pass\n`, 'algorithm_specification'],
      ['a name bound by with … as', `with open('x') as algorithm_specification:\n    pass\n`, 'algorithm_specification'],
      ['a walrus', '', `(algorithm_specification := ${BAD})`],
      ['a name bound by a tuple assignment', `algorithm_specification, other = ${BAD}, 1\n`, 'algorithm_specification'],
    ];
    for (const [label, before, source] of cases) {
      it(`${label}: AlgorithmSpecification counts as present and nothing in it is judged`, () => {
        const text = script({ AlgorithmSpecification: source }, before);
        assert.deepEqual(codes(analyzePython(text)), []);
      });
    }

    it('unknown scalars inside a literal dict are not judged, the known ones are', () => {
      const text = script({ ResourceConfig: "{'InstanceType': instance_type, 'InstanceCount': count(), 'VolumeSizeInGB': '10'}", RoleArn: 'role' });
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['invalid-type']);
      assert.equal(textAt(text, findings[0]), '10');
    });

    it('a list built by a comprehension is unknown', () => {
      const text = script({ Tags: "[{'Key': key} for key in keys]" });
      assert.deepEqual(analyzePython(text), []);
    });
  });

  describe('names bound once', () => {
    it('checks a dict passed by name, and its fix edits the dict literal where it is defined', () => {
      const before = `algorithm_specification = {\n    'TrainingImage': '${KMEANS_HOST}kmeans:latest',\n    'TrainingInputMode': 'File',\n}\n`;
      const text = script({ AlgorithmSpecification: 'algorithm_specification' }, before);
      const finding = only(analyzePython(text), 'latest-tag');
      assert.ok(finding.offset < text.indexOf('sm.create_training_job'), 'the range lies in the definition');
      assert.equal(textAt(text, finding), 'latest');
      assert.equal(applyPythonFix(text, finding), text.replace('kmeans:latest', 'kmeans:1'));
    });

    it('inserts a missing member into the named dict, in its own indentation', () => {
      const before = `output_data_config = {\n    'KmsKeyId': 'alias/output',\n}\n`;
      const text = script({ OutputDataConfig: 'output_data_config' }, before);
      const finding = only(analyzePython(text), 'missing-required-property');
      assert.equal(textAt(text, finding), 'OutputDataConfig');
      assert.equal(applyPythonFix(text, finding), text.replace("    'KmsKeyId': 'alias/output',\n", "    'KmsKeyId': 'alias/output',\n    'S3OutputPath': '',\n"));
    });

    it('resolves names through names and nested literals', () => {
      const before = `mode = 'file'\nspec = {'TrainingImage': '${KMEANS_US_EAST_1}:1', 'TrainingInputMode': mode}\n`;
      const text = script({ AlgorithmSpecification: 'spec' }, before);
      const finding = only(analyzePython(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), 'file');
      assert.equal(finding.offset, text.indexOf("'file'") + 1);
      assert.equal(applyPythonFix(text, finding), text.replace("mode = 'file'", "mode = 'File'"));
    });

    it('does not see a binding that comes after the call', () => {
      const text = `${script({ AlgorithmSpecification: 'spec' })}spec = {'TrainingImage': '${KMEANS_US_EAST_1}:1', 'TrainingInputMode': 'file'}\n`;
      assert.deepEqual(codes(analyzePython(text)), []);
    });

    it('reads dict(Key=literal) as a dict: checks it, renames and inserts keywords', () => {
      const text = script({ AlgorithmSpecification: `dict(TrainingImge='${KMEANS_US_EAST_1}:1', TrainingInputMode='File')`, OutputDataConfig: "dict(KmsKeyId='alias/output')" });
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['missing-required-property', 'unknown-property']);
      const unknown = only(findings, 'unknown-property');
      assert.equal(textAt(text, unknown), 'TrainingImge');
      assert.equal(applyPythonFix(text, unknown), text.replace('TrainingImge=', 'TrainingImage='));
      const missing = only(findings, 'missing-required-property');
      assert.equal(textAt(text, missing), 'OutputDataConfig');
      assert.equal(applyPythonFix(text, missing), text.replace("KmsKeyId='alias/output')", "KmsKeyId='alias/output', S3OutputPath='')"));
    });
    it('a list item written as dict(…) without a required member is reported on `dict`, as a dict literal is on `{`', () => {
      const text = `import boto3\nsm.create_endpoint(EndpointName='e', EndpointConfigName='c', Tags=[dict(Key='k')])\n`;
      const finding = only(analyzePython(text), 'missing-required-property');
      assert.equal(applyPythonFix(text, finding), text.replace("dict(Key='k')", "dict(Key='k', Value='')"));
      assert.equal(textAt(text, finding), 'dict');
    });
  });

  describe('**kwargs', () => {
    it('merges a dict that resolves: its members count and are checked', () => {
      const before = `common = {'RoleArn': '${ROLE}', 'StoppingCondition': {'MaxRuntimeInSeconds': 0}}\n`;
      const text = script({ RoleArn: undefined, StoppingCondition: undefined }, before, ['**common']);
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['value-out-of-range']);
      assert.equal(findings[0].offset, text.indexOf("'MaxRuntimeInSeconds': 0") + "'MaxRuntimeInSeconds': ".length);
      assert.equal(applyPythonFix(text, findings[0]), text.replace("'MaxRuntimeInSeconds': 0", "'MaxRuntimeInSeconds': 1"));
    });

    it('an unresolvable **kwargs silences missing and unknown members but keeps explicit keys checked', () => {
      const text = script({ RoleArn: undefined, RoleARN: `'${ROLE}'`, ResourceConfig: "{'InstanceType': 'ml.m5.xlarg', 'InstanceCount': 1, 'VolumeSizeInGB': 10}" }, '', ['**settings']);
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['invalid-enum-value']);
      assert.equal(textAt(text, findings[0]), 'ml.m5.xlarg');
    });

    it('without the **kwargs the same call gets the unknown member, a typo of the required one it lacks (one finding)', () => {
      const text = script({ RoleArn: undefined, RoleARN: `'${ROLE}'` });
      assert.deepEqual(codes(analyzePython(text)), ['unknown-property']);
      assert.deepEqual(codes(analyzePython(script({ RoleArn: undefined, IamRole: `'${ROLE}'` }))), ['missing-required-property', 'unknown-property']);
    });

    it('a call keyword that **kwargs passes again is a duplicate-key (a TypeError in Python)', () => {
      const text = script({}, `common = {'RoleArn': '${ROLE}'}\n`, ['**common']);
      const findings = analyzePython(text);
      assert.deepEqual(findings.map(shownFinding(text)), [['duplicate-key', 'RoleArn', '"RoleArn" appears more than once in this object; only one of them can take effect.']]);
      // Reported on the later one, where `common` writes it.
      assert.equal(findings[0].offset, text.indexOf("'RoleArn'") + 1);
    });
  });

  describe('a dict literal with **spread: the later member replaces the earlier one, as in Python', () => {
    const DEFAULTS = "defaults = {'InstanceType': 'ml.m5.xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 30}\n";
    const resourceConfig = (text: string) => (pythonRequestValues(text)[0].value as Record<string, unknown>).ResourceConfig;

    it('{**defaults, key: value} overrides a default: no duplicate-key, and the written value is the one sent (trial 24)', () => {
      const text = script({ ResourceConfig: "{**defaults, 'InstanceType': 'ml.g5.xlarge'}" }, DEFAULTS);
      assert.deepEqual(analyzePython(text), []);
      assert.deepEqual(resourceConfig(text), { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 });
      // The default replaced is not sent, so not judged; the override is.
      const typoDefault = text.replace("'ml.m5.xlarge'", "'ml.m5.xlarg'");
      assert.deepEqual(analyzePython(typoDefault), []);
      const typoOverride = text.replace("'ml.g5.xlarge'", "'ml.g5.xlarg'");
      assert.deepEqual(analyzePython(typoOverride).map(shownFinding(typoOverride)).map(([code, covered]) => [code, covered]), [['invalid-enum-value', 'ml.g5.xlarg']]);
    });

    it('{key: value, **overrides} is a default the spread replaces: nothing reported, the spread value is sent and judged where written', () => {
      const text = script({ ResourceConfig: "{'InstanceType': 'ml.g5.xlarge', **defaults}" }, DEFAULTS);
      assert.deepEqual(analyzePython(text), []);
      assert.deepEqual(resourceConfig(text), { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 });
      const typo = text.replace("'ml.m5.xlarge'", "'ml.m5.xlarg'");
      const [finding] = analyzePython(typo);
      assert.deepEqual(codes(analyzePython(typo)), ['invalid-enum-value']);
      assert.equal(finding.offset, typo.indexOf('ml.m5.xlarg'));
    });

    it('two spreads of one key, and a dict(…) spread, merge without findings', () => {
      const before = `${DEFAULTS}bigger = dict(VolumeSizeInGB=100)\n`;
      const text = script({ ResourceConfig: '{**defaults, **bigger}' }, before);
      assert.deepEqual(analyzePython(text), []);
      assert.deepEqual(resourceConfig(text), { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 100 });
    });

    it('a key written twice is still a duplicate-key, next to a spread or inside the dict spread (reported where it is written)', () => {
      const twice = script({ ResourceConfig: "{**defaults, 'VolumeSizeInGB': 5, 'VolumeSizeInGB': 6}" }, DEFAULTS);
      const findings = analyzePython(twice);
      assert.deepEqual(findings.map(shownFinding(twice)), [['duplicate-key', 'VolumeSizeInGB', '"VolumeSizeInGB" appears more than once in this object; only one of them can take effect.']]);
      assert.equal(findings[0].offset, twice.indexOf("'VolumeSizeInGB': 6") + 1);
      const inside = script({ ResourceConfig: "{**defaults, 'InstanceType': 'ml.g5.xlarge'}" }, DEFAULTS.replace("'InstanceCount': 1", "'InstanceCount': 1, 'InstanceCount': 2"));
      const [duplicate] = analyzePython(inside);
      assert.deepEqual(codes(analyzePython(inside)), ['duplicate-key']);
      assert.equal(duplicate.offset, inside.indexOf("'InstanceCount': 2") + 1);
    });
  });

  describe('dict(mapping, **kwargs): the mapping\'s members count, the keywords override them', () => {
    const COMMON = `common = {'RoleArn': '${ROLE}', 'OutputDataConfig': {'S3OutputPath': 's3://bucket/output'}}\n`;
    const REST = Object.entries(VALID)
      .filter(([key]) => key !== 'RoleArn' && key !== 'OutputDataConfig')
      .map(([key, value]) => `${key}=${value}`)
      .join(', ');
    /** A call passing `**request`, bound to `request` after COMMON and `rest` (the members COMMON lacks, as a dict). */
    const call = (request: string) => `import boto3\nsm = boto3.client('sagemaker')\n${COMMON}rest = dict(${REST})\nrequest = ${request}\nsm.create_training_job(**request)\n`;

    it('dict(common, Key=…) keeps the mapping\'s members (trial 24: no missing RoleArn or OutputDataConfig)', () => {
      const text = call(`dict(common, ${REST})`);
      assert.deepEqual(analyzePython(text), []);
      assert.deepEqual(Object.keys(pythonRequestValues(text)[0].value as object).sort(), Object.keys(VALID).sort());
    });

    it('a keyword replaces the mapping\'s member: no duplicate-key, and the keyword\'s value is judged', () => {
      const text = call(`dict(common, RoleArn='role', ${REST})`);
      assert.deepEqual(codes(analyzePython(text)), ['pattern-mismatch', 'value-out-of-range']);
      for (const finding of analyzePython(text)) assert.equal(textAt(text, finding), 'role');
    });

    it('dict(**a, **b) and dict(a) merge as written', () => {
      for (const request of ['dict(**common, **rest)', 'dict(common, **rest)', '{**dict(common), **rest}']) {
        assert.deepEqual(analyzePython(call(request)), [], request);
      }
    });

    it('a mapping that cannot be read (pairs, a call, an unknown name, *args, two of them) leaves the members unknown: no missing member', () => {
      for (const mapping of [`[('RoleArn', '${ROLE}')]`, 'zip(keys, values)', 'settings', '*pairs', 'common, settings']) {
        assert.deepEqual(analyzePython(call(`dict(${mapping}, **rest)`)), [], mapping);
      }
    });

    it('a real missing member is still reported: dict(rest) alone lacks what common has', () => {
      const text = call('dict(rest)');
      const findings = analyzePython(text);
      assert.deepEqual(findings.map(shownFinding(text)), [
        ['missing-required-property', 'create_training_job', 'The CreateTrainingJob request needs "RoleArn" (a string).'],
        ['missing-required-property', 'create_training_job', 'The CreateTrainingJob request needs "OutputDataConfig" (an object).'],
      ]);
    });
  });

  describe('scopes', () => {
    /** A complete training call whose TrainingInputMode is the name `mode`. */
    const call = (indent: string, role = `'${ROLE}'`) =>
      `${indent}sm.create_training_job(TrainingJobName='demo-job', RoleArn=${role}, AlgorithmSpecification={'TrainingImage': '${KMEANS_US_EAST_1}:1', 'TrainingInputMode': mode}, OutputDataConfig={'S3OutputPath': 's3://b/o'}, ResourceConfig={'InstanceType': 'ml.m5.xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 10}, StoppingCondition={'MaxRuntimeInSeconds': 60})\n`;

    it('a function body is its own scope: its binding shadows the module one', () => {
      const text = `import boto3\nmode = 'File'\ndef train(sm):\n    mode = 'file'\n${call('    ')}${call('')}`;
      const finding = only(analyzePython(text), 'invalid-enum-value');
      assert.equal(finding.offset, text.indexOf("'file'") + 1);
      assert.equal(pythonRequestValues(text).length, 2);
    });

    it('a name bound once in the module resolves inside a function; a parameter does not', () => {
      const text = `import boto3\nmode = 'file'\n\ndef train(sm, role):\n${call('    ', 'role')}`;
      assert.deepEqual(codes(analyzePython(text)), ['invalid-enum-value']);
      const value = pythonRequestValues(text)[0].value as { RoleArn: unknown };
      assert.equal(value.RoleArn, DYNAMIC);
    });

    it('the same name bound once in each of two functions resolves in each', () => {
      const text = `import boto3\ndef a(sm):\n    mode = 'File'\n${call('    ')}def b(sm):\n    mode = 'file'\n${call('    ')}`;
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['invalid-enum-value']);
      assert.ok(findings[0].offset > text.indexOf('def b'));
    });

    it('code after a nested function (or a lambda) ends is in the enclosing function again', () => {
      const text = `import boto3\nmode = 'File'\ndef outer(sm):\n    mode = 'file'\n    key = lambda mode: mode\n    def inner():\n        mode = 'File'\n        return mode\n${call('    ')}`;
      const finding = only(analyzePython(text), 'invalid-enum-value');
      assert.equal(finding.offset, text.indexOf("'file'") + 1);
    });

    it('a name bound twice in a function is unknown there, while the module binding stays known', () => {
      const text = `import boto3\nmode = 'file'\ndef train(sm):\n    mode = 'File'\n    mode = 'file'\n${call('    ')}${call('')}`;
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['invalid-enum-value']);
      assert.equal(findings[0].offset, text.indexOf("'file'") + 1);
    });

    it('an import binds the names Python binds, not the names of its module path', () => {
      // `mode` in a module path is no binding: `mode = 'file'` stays bound once.
      for (const imports of ['from settings.mode import defaults\n', 'import settings.mode\n', 'import mode.x as y\n']) {
        assert.deepEqual(codes(analyzePython(`import boto3\n${imports}mode = 'file'\n${call('')}`)), ['invalid-enum-value'], imports);
      }
      // Each of these binds `mode` as well: bound twice, it is unknown.
      for (const imports of ['import mode\n', 'from settings import mode\n', 'from settings import x as mode\n', 'import a.b as mode, c\n', 'import a, mode.b\n']) {
        assert.deepEqual(codes(analyzePython(`import boto3\n${imports}mode = 'file'\n${call('')}`)), [], imports);
      }
    });
  });

  describe('comments inside calls, dicts and lists', () => {
    it('a comment in a list is no item', () => {
      const text = `import boto3\nsm.create_endpoint(\n    EndpointName='e',\n    EndpointConfigName='c',\n    Tags=[\n        # who pays\n        {'Key': 'team', 'Value': 'x'},  # the team\n        {'Key': 'k2', 'Value': 'v'},\n    ],\n)\n`;
      assert.deepEqual(pythonRequestValues(text)[0].value, { EndpointName: 'e', EndpointConfigName: 'c', Tags: [{ Key: 'team', Value: 'x' }, { Key: 'k2', Value: 'v' }] });
      assert.deepEqual(analyzePython(text), []);
    });

    it('a comment in a dict leaves it closed: unknown and missing members are still reported', () => {
      const text = `import boto3\nsm.create_endpoint(EndpointName='e', EndpointConfigName='c', Tags=[{'Key': 'k2',  # second\n 'Valu': 'v'}])\n`;
      assert.deepEqual(codes(analyzePython(text)), ['unknown-property']);
      assert.match(only(analyzePython(text), 'unknown-property').message, /Did you mean "Value"\? It is required\.$/);
    });

    it('a comment between a key or keyword and its value is not the value', () => {
      const text = `import boto3\nsm.create_endpoint(\n    EndpointName=  # set by CI\n        'a_b',\n    EndpointConfigName='c',\n    Tags=[{'Key':  # the key\n        'k', 'Value': 'v'}],\n)\n`;
      assert.deepEqual(pythonRequestValues(text)[0].value, { EndpointName: 'a_b', EndpointConfigName: 'c', Tags: [{ Key: 'k', Value: 'v' }] });
      assert.equal(textAt(text, only(analyzePython(text), 'pattern-mismatch')), 'a_b');
    });

    it('a comment between retrieve arguments does not shift the positional parameters', () => {
      const text = "from sagemaker import image_uris\nimage_uris.retrieve('xgboost',  # the framework\n    'us-east-1', 'latest')\n";
      const finding = only(analyzePython(text), 'xgboost-unpinned');
      assert.equal(textAt(text, finding), 'latest');
    });

    it('a fix adding a member keeps the last entry’s comment on its line, with or without a trailing comma', () => {
      const withComma = `import boto3\nsm.create_endpoint(\n    EndpointName='e',  # the name\n)\n`;
      assert.equal(applyPythonFix(withComma, only(analyzePython(withComma), 'missing-required-property')), `import boto3\nsm.create_endpoint(\n    EndpointName='e',  # the name\n    EndpointConfigName='',\n)\n`);
      const withoutComma = `import boto3\nsm.create_endpoint(\n    EndpointName='e'  # the name\n)\n`;
      assert.equal(applyPythonFix(withoutComma, only(analyzePython(withoutComma), 'missing-required-property')), `import boto3\nsm.create_endpoint(\n    EndpointName='e',  # the name\n    EndpointConfigName=''\n)\n`);
      const dict = `import boto3\nsm.create_endpoint(EndpointName='e', EndpointConfigName='c', Tags=[{\n    'Key': 'k'  # only the key\n}])\n`;
      assert.equal(applyPythonFix(dict, only(analyzePython(dict), 'missing-required-property')), `import boto3\nsm.create_endpoint(EndpointName='e', EndpointConfigName='c', Tags=[{\n    'Key': 'k',  # only the key\n    'Value': ''\n}])\n`);
    });
  });

  describe('suppression comments', () => {
    it('# sagemaker-spec-disable-next-line <code> silences that code on the next line only', () => {
      const image = `'${KMEANS_HOST}kmeans:latest'`;
      const text = `import boto3\nsm = boto3.client('sagemaker')\nsm.create_model(\n    ModelName='m',\n    ExecutionRoleArn='${ROLE}',\n    # sagemaker-spec-disable-next-line latest-tag -- pinned by the base image\n    PrimaryContainer={'Image': ${image}},\n)\nsm.create_model(\n    ModelName='n',\n    ExecutionRoleArn='${ROLE}',\n    PrimaryContainer={'Image': ${image}},\n)\n`;
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['latest-tag']);
      assert.ok(findings[0].offset > text.indexOf("ModelName='n'"));
    });

    it('another code on the line is still reported', () => {
      const text = `import boto3\nsm = boto3.client('sagemaker')\n# sagemaker-spec-disable-next-line xgboost-unpinned\nsm.create_model(ModelName='m', ExecutionRoleArn='${ROLE}', PrimaryContainer={'Image': '${KMEANS_HOST}kmeans:latest'})\n`;
      assert.deepEqual(codes(analyzePython(text)), ['latest-tag']);
    });

    it('accepts a comma-separated list with a reason, and CRLF line ends', () => {
      const text = `import boto3\r\nsm = boto3.client('sagemaker')\r\n# sagemaker-spec-disable-next-line unknown-property, latest-tag -- legacy job\r\nsm.create_model(ModelName='m', ExecutionRoleArn='${ROLE}', PrimaryContainer={'Image': '${KMEANS_HOST}kmeans:latest'}, Bogus=1)\r\n`;
      assert.deepEqual(analyzePython(text), []);
    });

    it('a directive inside a string is no comment', () => {
      // The line after the directive holds the call, but the directive is string content.
      const text = `import boto3\nsm = boto3.client('sagemaker')\nnote = '''\n# sagemaker-spec-disable-next-line\n'''; sm.create_model(ModelName='m', ExecutionRoleArn='${ROLE}', PrimaryContainer={'Image': '${KMEANS_HOST}kmeans:latest'})\n`;
      assert.deepEqual(codes(analyzePython(text)), ['latest-tag']);
    });

    it('a bare directive silences every code on the next line', () => {
      const text = `import boto3\nsm = boto3.client('sagemaker')\n# sagemaker-spec-disable-next-line\nsm.create_model(ModelName='m', ExecutionRoleArn='${ROLE}', PrimaryContainer={'Image': '${KMEANS_HOST}kmeans:latest'}, Bogus=1)\n`;
      assert.deepEqual(analyzePython(text), []);
    });
  });

  describe('what is a boto3 call', () => {
    it('a literal receiver is not a boto3 client', () => {
      for (const receiver of ["'text'", '{}', '[]', '42', 'None']) {
        const text = `${receiver}.create_model(ModelName=1)\n`;
        assert.deepEqual(readPythonDocument(`import boto3\n${text}`).requests, [], receiver);
      }
    });

    it('any other receiver is, and the method names the kind', () => {
      const text = `import boto3\nself.clients['sm'].create_endpoint(EndpointName='e')\nget_client().create_endpoint_config(EndpointConfigName='c', ProductionVariants=[])\n`;
      const requests = readPythonDocument(text).requests;
      assert.deepEqual(requests.map((request) => request.kind), ['CreateEndpoint', 'CreateEndpointConfig']);
      const findings = analyzePython(text);
      assert.deepEqual(codes(findings), ['missing-required-property', 'value-out-of-range']);
      assert.equal(textAt(text, only(findings, 'missing-required-property')), 'create_endpoint');
    });

    it('a bare function of the same name is not a boto3 call', () => {
      assert.deepEqual(readPythonDocument('import boto3\ncreate_model(ModelName=1)\n').requests, []);
    });

    it('positional arguments are not members', () => {
      const text = `import boto3\nsm.create_endpoint('e', EndpointName='n', EndpointConfigName='c')\n`;
      const [request] = readPythonDocument(text).requests;
      assert.deepEqual(requestValue(request.root), { EndpointName: 'n', EndpointConfigName: 'c' });
    });

    it('a change made through an alias makes the original unknown (assignment and for-loop)', () => {
      const variant = `{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.m5.lage", "InitialInstanceCount": 1}`;
      for (const text of [
        `import boto3\nlst = [${variant}]\nvariants = lst\nvariants[0]["InstanceType"] = "ml.m5.large"\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=lst)\n`,
        `import boto3\nv4 = ${variant}\nfor v in [v4]:\n    v["InstanceType"] = "ml.m5.large"\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[v4])\n`,
      ]) {
        assert.deepEqual(codes(analyzePython(text)), [], text);
      }
    });

    it('a change of a new object built from a value leaves the value known (a list appended to, a predictor configured)', () => {
      const resourceConfig = 'resource_config = {"InstanceType": "ml.m5.xlarg", "InstanceCount": 1, "VolumeSizeInGB": 10}\n';
      const call = 'sm.create_training_job(TrainingJobName="j", ResourceConfig=resource_config)\n';
      for (const after of ['log = [resource_config]\nlog.append("done")\n', 'log = [resource_config]\nlog += ["done"]\n', 'box = Box(resource_config)\nbox.note = "x"\n']) {
        const text = `import boto3\n${resourceConfig}${call}${after}`;
        assert.deepEqual(analyzePython(text).filter((finding) => finding.code === 'invalid-enum-value').map((finding) => textAt(text, finding)), ['ml.m5.xlarg'], after);
      }
      // What the deploy returns is configured afterwards: the deploy's own arguments are still checked.
      const deploy = [
        'import sagemaker',
        `est = sagemaker.estimator.Estimator("${KMEANS_US_EAST_1}:1", "arn:aws:iam::123456789012:role/R", instance_count=1, instance_type="ml.c4.xlarge")`,
        'predictor = est.deploy(initial_instance_count=1, instance_type="ml.m4.xlarg")',
        'predictor.serializer = CSVSerializer()',
        '',
      ].join('\n');
      assert.deepEqual(analyzePython(deploy).filter((finding) => finding.code === 'invalid-enum-value').map((finding) => textAt(deploy, finding)), ['ml.m4.xlarg']);
    });

    it('a change of a function\'s own variable of the same name leaves the module\'s value known; of the module\'s own, not', () => {
      const module = 'import boto3\nresource_config = {"InstanceType": "ml.m5.xlarg", "InstanceCount": 1, "VolumeSizeInGB": 10}\nsm.create_training_job(TrainingJobName="j", ResourceConfig=resource_config)\n';
      const typo = (text: string) => analyzePython(text).filter((finding) => finding.code === 'invalid-enum-value').map((finding) => textAt(text, finding));
      for (const own of ['def tag(resource_config):\n    resource_config["Tags"] = []\n', 'def build():\n    resource_config = {}\n    resource_config["X"] = 1\n', 'def nest():\n    def inner(resource_config):\n        resource_config.update(a=1)\n']) {
        assert.deepEqual(typo(`${module}${own}`), ['ml.m5.xlarg'], own);
      }
      for (const modules of ['def tune():\n    resource_config.setdefault("X", 1)\n', 'def reset():\n    global resource_config\n    resource_config = {}\n']) {
        assert.deepEqual(typo(`${module}${modules}`), [], modules);
      }
    });

    it('a change reaching into a value makes it unknown: through an item, an attribute, a dict accessor, a conditional', () => {
      const resourceConfig = 'resource_config = {"InstanceType": "ml.m5.xlarg", "InstanceCount": 1, "VolumeSizeInGB": 10}\n';
      const call = 'sm.create_training_job(TrainingJobName="j", ResourceConfig=resource_config)\n';
      for (const after of [
        'log = [resource_config]\nlog[0]["InstanceType"] = "ml.m5.large"\n',
        'log = [resource_config]\nlog[0].update(InstanceType="ml.m5.large")\n',
        'same = resource_config\nsame["InstanceType"] = "ml.m5.large"\n',
        'either = resource_config if fast else {}\neither["InstanceType"] = "ml.m5.large"\n',
        'request = {"ResourceConfig": resource_config}\ninner = request.get("ResourceConfig")\ninner["InstanceType"] = "ml.m5.large"\n',
        'request = {"ResourceConfig": resource_config}\ninner = request["ResourceConfig"]\ninner["InstanceType"] = "ml.m5.large"\n',
      ]) {
        const text = `import boto3\n${resourceConfig}${call}${after}`;
        assert.deepEqual(codes(analyzePython(text)).filter((code) => code === 'invalid-enum-value'), [], after);
      }
    });

    it('a client of another service, or a call without the request name member, is not SageMaker', () => {
      const other = [
        `import boto3\nboto3.client("comprehend").create_endpoint(EndpointName="ep", ModelArn="arn:x", DesiredInferenceUnits=1)\n`,
        `import boto3\nlv = boto3.client('lookoutvision')\nlv.create_model(ProjectName='p', OutputConfig={})\n`,
        `import boto3\ndb.create_model(name="x")\n`,
        // The SDK's Session has create_model(name=…, role=…) of its own, also through **dict(…).
        `import sagemaker\nsession = sagemaker.Session()\nargs = dict(name="m", role="r", primary_container={"Image": "x"})\nsession.create_model(**args)\n`,
        `import sagemaker\nsagemaker.Session().create_model(**dict(name="m", role="r"))\n`,
        `import sagemaker\nself.sagemaker_session.create_model(**dict(ModelName="m", role="r"))\n`,
        `import boto3\ndb.create_model(**dict(name="x"))\n`,
      ];
      for (const text of other) assert.deepEqual(readPythonDocument(text).requests, [], text);
      const ours = [
        `import boto3\nboto3.client("sagemaker").create_endpoint(EndpointName="ep", EndpointConfigName="c")\n`,
        `import boto3\nsm = boto3.Session().client(service_name='sagemaker')\nsm.create_model(ModelName='m')\n`,
        `import boto3\nsm.create_model(**request)\n`,
        `import boto3\nsm.create_model(**dict(ModelName="m", ExecutionRoleArn="r"))\n`,
        `import boto3\nsm = boto3.Session().client("sagemaker")\nsm.create_model(**dict(name="m"))\n`,
        // A SageMaker client's call is a request before its name member is written (completion while typing).
        `import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(AlgorithmSpecification={"TrainingImage": ""})\n`,
      ];
      for (const text of ours) assert.equal(readPythonDocument(text).requests.length, 1, text);
    });
  });
});
