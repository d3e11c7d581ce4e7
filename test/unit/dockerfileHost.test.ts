/**
 * Dockerfiles (issue 13): FROM images on Amazon ECR get the image rules, with ARG defaults
 * substituted and said so, fixes written where the text comes from (the FROM line or the ARG
 * default), suppression comments, completion after `FROM `, and hover.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { applyPreferredFixes } from '../../src/core/fixAll';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readDockerfileDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { completeInDockerfile } from '../../src/core/hosts/dockerfile/dockerfileCompletion';
import { isDockerfileName } from '../../src/core/hosts/dockerfile/dockerfileNames';
import { renderFix } from '../../src/core/renderFix';
import type { RequestNode } from '../../src/core/requestTree';
import { analyzeOptions, apiModel, catalog, instanceGpus, only, textAt, type AnalyzeInputs } from './specTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';
const PYTORCH = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';

function analyze(text: string, inputs: AnalyzeInputs = {}): Finding[] {
  return analyzeDocument(readDockerfileDocument(text), analyzeOptions(inputs)).findings;
}

/** `code text-under-the-finding` for each finding. */
function summary(text: string, inputs: AnalyzeInputs = {}): string[] {
  return analyze(text, inputs).map((finding) => `${finding.code} ${textAt(text, finding)}`);
}

/** `text` after the preferred fix of `finding` (or the one titled `title`), rendered as Dockerfile text. */
/** The titles of a finding's preferred fixes (those fix-all applies). */
function preferredTitles(finding: Finding): string[] {
  return finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title);
}

function applyDockerfileFix(text: string, finding: Finding, title?: string): string {
  const fix = title ? finding.fixes.find((candidate) => candidate.title === title) : finding.fixes.find((candidate) => candidate.preferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  const rendered = renderFix({ text, host: 'dockerfile' }, fix);
  if (!rendered) throw new Error(`fix "${fix.title}" did not render as Dockerfile text`);
  return applyEdits(text, rendered.edits);
}

/** The FROM images yielded: the source text each covers and the value read from it (undefined: dynamic). */
function images(text: string): { source: string; value: string | undefined }[] {
  return readDockerfileDocument(text).requests.map((request) => {
    const node = request.images[0].value as RequestNode;
    assert.equal(request.host, 'dockerfile');
    assert.equal(request.imagesOnly, true);
    assert.equal(request.images[0].usage, 'reference');
    return { source: text.slice(node.offset, node.offset + node.length), value: typeof node.value === 'string' ? node.value : undefined };
  });
}

describe('Dockerfile host: the FROM images', () => {
  it('yields each FROM image on Amazon ECR with its range, flags and stage names left out', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      `FROM --platform=linux/amd64 ${PYTORCH}:2.0.1-gpu-py310 AS train`,
      'FROM python:3.12-slim AS tools',
      `from ${XGBOOST}:1.7-1`,
      'FROM --platform=$BUILDPLATFORM \\',
      `    ${XGBOOST}:1.5-1 as serve`,
      'RUN echo 763104351884.dkr.ecr.us-east-1.amazonaws.com/not-a-from:latest',
    ].join('\n');
    assert.deepEqual(images(text), [
      { source: `${PYTORCH}:2.0.1-gpu-py310`, value: `${PYTORCH}:2.0.1-gpu-py310` },
      { source: `${XGBOOST}:1.7-1`, value: `${XGBOOST}:1.7-1` },
      { source: `${XGBOOST}:1.5-1`, value: `${XGBOOST}:1.5-1` },
    ]);
  });

  it('a FROM line inside a RUN heredoc is not an instruction', () => {
    assert.deepEqual(images(`FROM python:3.12\nRUN <<EOF\ncat > Dockerfile.inner\nFROM ${PYTORCH}:latest\nEOF\n`), []);
  });

  it('an earlier stage named in FROM is not an image', () => {
    // A stage name that would read as a broken ECR reference if it were taken for an image.
    const text = `FROM ${PYTORCH}:2.0.1-gpu-py310 AS Base.dkr.ecr.us-east-1\nFROM BASE.dkr.ecr.us-east-1\nFROM Other.dkr.ecr.us-east-1\n`;
    assert.deepEqual(summary(text), ['invalid-image-reference Other.dkr.ecr.us-east-1']);
  });

  it('a Dockerfile without an ECR host yields nothing, and never loads the parser', () => {
    assert.deepEqual(images('FROM python:3.12\nRUN pip install sagemaker\n'), []);
    // In a fresh process: reading such a Dockerfile must not require dockerfile-ast.
    const hostDocument = path.resolve(__dirname, '..', '..', 'src', 'core', 'hostDocument.js');
    const script = `const h = require(${JSON.stringify(hostDocument)}); h.readDockerfileDocument('FROM python:3.12\\nRUN pip install sagemaker\\n');
      const loaded = Object.keys(require.cache).some((file) => file.includes('dockerfile-ast'));
      h.readDockerfileDocument('FROM ${PYTORCH}:latest\\n');
      process.stdout.write(JSON.stringify([loaded, Object.keys(require.cache).some((file) => file.includes('dockerfile-ast'))]));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [false, true]);
  });

  it('knows Dockerfile names', () => {
    for (const name of ['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.gpu', 'train.Dockerfile', 'serve.dockerfile', 'x.containerfile', 'a/b/Dockerfile', 'C:\\src\\Dockerfile']) assert.ok(isDockerfileName(name), name);
    for (const name of ['Dockerfiles', 'my-dockerfile', 'train.py', 'dockerfile/spec.json', '.dockerignore']) assert.ok(!isDockerfileName(name), name);
  });
});

describe('Dockerfile host: ARG', () => {
  it('substitutes a global ARG default, and the finding says it read the default', () => {
    const text = `ARG XGB_TAG=1\nFROM ${XGBOOST}:\${XGB_TAG}\n`;
    assert.deepEqual(images(text), [{ source: `${XGBOOST}:\${XGB_TAG}`, value: `${XGBOOST}:1` }]);
    const finding = only(analyze(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), '${XGB_TAG}');
    assert.match(finding.message, /^With ARG XGB_TAG's default 1: /);
    // A name ending in s takes a bare apostrophe.
    assert.match(only(analyze(`ARG XGB_VERSIONS=1\nFROM ${XGBOOST}:\${XGB_VERSIONS}\n`), 'xgboost-unpinned').message, /^With ARG XGB_VERSIONS' default 1: /);
  });

  it('says the region came from an ARG default when the account is judged against it, and not for a tag finding', () => {
    const text = `ARG REGION=us-west-2\nFROM 683313688378.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:latest\n`;
    const findings = analyze(text);
    const account = only(findings, 'registry-account-mismatch');
    assert.equal(textAt(text, account), '683313688378');
    assert.match(account.message, /^With ARG REGION's default us-west-2: In us-west-2, SageMaker serves "sagemaker-xgboost" from account 246618743249/);
    assert.doesNotMatch(only(findings, 'xgboost-unpinned').message, /^With ARG/);
  });

  it('an account judged in a region from an ARG default: the fix is offered for that region only, never applied by fix-all (found by a fresh user)', () => {
    const text = 'ARG REGION=af-south-1\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n';
    const finding = only(analyze(text), 'registry-account-mismatch');
    assert.equal(textAt(text, finding), '763104351884');
    assert.equal(
      finding.message,
      'With ARG REGION\'s default af-south-1: In af-south-1, SageMaker serves "pytorch-training" from account 626614931356, not 763104351884. The account differs by region, so writing af-south-1\'s account fits only builds for af-south-1.',
    );
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Use account 626614931356 (builds for af-south-1 only)', true, true]]);
    assert.equal(applyDockerfileFix(text, finding), text.replace('763104351884', '626614931356'));
    // `check --fix` leaves the FROM as it is: the fix would break every --build-arg REGION=… build.
    const fixAll = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'dockerfile' }, findings: analyze(current) }));
    assert.deepEqual([fixAll.text, fixAll.applied], [text, []]);
    // The account from an ARG of its own, the region from another: the same.
    const accountArg = 'ARG ACCOUNT=763104351884\nARG REGION=af-south-1\nFROM ${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n';
    const argFinding = only(analyze(accountArg), 'registry-account-mismatch');
    assert.equal(textAt(accountArg, argFinding), '${ACCOUNT}');
    // The fix edits ARG ACCOUNT's default, so the message says what that means for other regions' builds (found by a fresh user).
    assert.equal(
      argFinding.message,
      'With ARG ACCOUNT\'s default 763104351884 and ARG REGION\'s default af-south-1: In af-south-1, SageMaker serves "pytorch-training" from account 626614931356, not 763104351884. The account differs by region, so with af-south-1\'s account as ARG ACCOUNT\'s default, a build for another region must pass its own account (--build-arg ACCOUNT=…).',
    );
    assert.deepEqual(argFinding.fixes.map((fix) => [fix.title, fix.changesBehaviour]), [['Use account 626614931356 (builds for af-south-1 only)', true]]);
    assert.equal(applyDockerfileFix(accountArg, argFinding), accountArg.replace('ARG ACCOUNT=763104351884', 'ARG ACCOUNT=626614931356'));
    // A region written out, or the whole registry in one ARG (a build argument replaces account and region together): fix-all applies it.
    for (const fixable of ['FROM 763104351884.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n', 'ARG REGISTRY=763104351884.dkr.ecr.af-south-1.amazonaws.com\nFROM ${REGISTRY}/pytorch-training:2.6.0-gpu-py312\n']) {
      const result = applyPreferredFixes(fixable, (current) => ({ document: { text: current, host: 'dockerfile' }, findings: analyze(current) }));
      assert.deepEqual([result.text, result.applied.map((fix) => fix.title)], [fixable.replace('763104351884', '626614931356'), ['Use account 626614931356']]);
    }
  });

  it('reads $VAR, quoted defaults and several ARGs on one line; the last declaration wins', () => {
    const text = `ARG REGION=us-east-1 ACCOUNT="683313688378"\nARG TAG=1.5-1\nARG TAG='1.7-1'\nFROM $ACCOUNT.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:$TAG\n`;
    assert.deepEqual(images(text).map((image) => image.value), [`${XGBOOST}:1.7-1`]);
    assert.deepEqual(summary(text), []);
  });

  it('an ARG without a default is dynamic: never reported, the static rest still checked', () => {
    const text = `ARG TAG\nARG REGION\nFROM ${XGBOOST}:\${TAG}\nFROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-training:latest\n`;
    assert.deepEqual(images(text).map((image) => image.value), [undefined, undefined]);
    assert.deepEqual(summary(text), ['latest-tag latest']);
  });

  it('a placeholder region is not the target region: docker build pulls anywhere', () => {
    // kmeans' account does not serve sagemaker-xgboost, but in which region is unknown.
    assert.deepEqual(summary('ARG REGION\nFROM 382416733822.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1\n', { region: 'us-east-1' }), []);
  });

  it('a redeclaration without a default, or a default built from variables, is dynamic', () => {
    assert.deepEqual(images(`ARG TAG=1\nARG TAG\nFROM ${XGBOOST}:\${TAG}\n`).map((image) => image.value), [undefined]);
    assert.deepEqual(images(`ARG V=1\nARG TAG=\${V}\nFROM ${XGBOOST}:\${TAG}\n`).map((image) => image.value), [undefined]);
  });

  it('only global ARGs (before the first FROM) reach a FROM line: one declared in a stage is empty there, and the finding says where to declare it', () => {
    // BuildKit reads FROM lines with the global ARGs only (its check UndefinedArgInFrom): the tag is empty (found by a fresh user).
    const text = `FROM python:3.12 AS tools\nARG TAG=1.7-1\nFROM ${XGBOOST}:\${TAG}\n`;
    assert.deepEqual(images(text).map((image) => image.value), [`${XGBOOST}:`]);
    const finding = only(analyze(text), 'invalid-image-reference');
    // On the `:` the empty tag follows (the rule's place for an empty tag), its note naming the variable.
    assert.equal(text.slice(finding.offset, finding.offset + finding.length + '${TAG}'.length), ':${TAG}');
    assert.equal(finding.message, 'With TAG empty (ARG TAG is declared inside a build stage, which FROM lines do not see: declare it before the first FROM): Not a valid image reference: the tag after ":" is empty.');
    // Declared nowhere: empty too, and --build-arg cannot set it.
    const undeclared = `FROM 683313688378.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1\n`;
    assert.match(only(analyze(undeclared), 'invalid-image-reference').message, /^With REGION empty \(no ARG before the first FROM declares it, so FROM reads it empty and --build-arg cannot set it\): /);
    // Declared before the first FROM as well: that global one is read.
    assert.deepEqual(images(`ARG TAG=1.7-1\nFROM python:3.12\nARG TAG\nFROM ${XGBOOST}:\${TAG}\n`).map((image) => image.value), [`${XGBOOST}:1.7-1`]);
  });

  it('${VAR:-word}: the word when VAR is undeclared or empty, the default otherwise; predefined ARGs are dynamic', () => {
    const undeclared = `FROM ${PYTORCH}:\${TAG:-latest}\n`;
    assert.deepEqual(images(undeclared).map((image) => image.value), [`${PYTORCH}:latest`]);
    // The word is written in the FROM line: the finding is on it, with nothing to add.
    const finding = only(analyze(undeclared), 'latest-tag');
    assert.equal(textAt(undeclared, finding), 'latest');
    assert.doesNotMatch(finding.message, /^With/);
    assert.deepEqual(images(`ARG TAG=\nFROM ${PYTORCH}:\${TAG:-2.0.1-gpu-py310}\n`).map((image) => image.value), [`${PYTORCH}:2.0.1-gpu-py310`]);
    assert.deepEqual(images(`ARG TAG=2.0.0-gpu-py310\nFROM ${PYTORCH}:\${TAG:-latest}\n`).map((image) => image.value), [`${PYTORCH}:2.0.0-gpu-py310`]);
    assert.deepEqual(images(`FROM ${PYTORCH}:\${TARGETARCH:-latest}\n`).map((image) => image.value), [undefined]);
  });

  it('${VAR:-word} of an ARG without a default is the word, and the finding says --build-arg may change it', () => {
    // A plain `docker build` leaves BASE_TAG empty, so it pulls :latest (found by a fresh user).
    const text = `ARG BASE_TAG\nFROM ${PYTORCH}:\${BASE_TAG:-latest} AS train\n`;
    assert.deepEqual(images(text).map((image) => image.value), [`${PYTORCH}:latest`]);
    const finding = only(analyze(text), 'latest-tag');
    assert.equal(textAt(text, finding), 'latest');
    assert.equal(finding.message, 'With the ":-" default latest (ARG BASE_TAG has no value unless --build-arg gives one): "latest" moves whenever a new image is pushed, so the same file can run different code. Pin a version tag or a digest.');
    // The word is written in the FROM line: the fix edits it there, not the ARG.
    assert.equal(applyDockerfileFix(text, finding, 'Use tag 2.8.0-gpu-py312'), `ARG BASE_TAG\nFROM ${PYTORCH}:\${BASE_TAG:-2.8.0-gpu-py312} AS train\n`);
    const xgboost = `ARG V\nFROM ${XGBOOST}:\${V:-1}\n`;
    assert.match(only(analyze(xgboost), 'xgboost-unpinned').message, /^With the ":-" default 1 \(ARG V has no value unless --build-arg gives one\): ":1" does not pin/);
    // A bare $V of such an ARG stays dynamic: that is how a required --build-arg is written.
    assert.deepEqual(images(`ARG V\nFROM ${XGBOOST}:$V\n`).map((image) => image.value), [undefined]);
  });

  it('${VAR:+word}: the word when the default is non-empty, nothing when it is empty, absent or VAR undeclared', () => {
    assert.deepEqual(images(`ARG GPU=yes\nFROM ${PYTORCH}:2.0.1\${GPU:+-gpu-py310}\n`).map((image) => image.value), [`${PYTORCH}:2.0.1-gpu-py310`]);
    assert.deepEqual(images(`ARG GPU=\nFROM ${PYTORCH}:2.0.1-cpu-py310\${GPU:+-gpu}\n`).map((image) => image.value), [`${PYTORCH}:2.0.1-cpu-py310`]);
    assert.deepEqual(images(`ARG GPU\nFROM ${PYTORCH}:2.0.1-cpu-py310\${GPU:+-gpu}\n`).map((image) => image.value), [`${PYTORCH}:2.0.1-cpu-py310`]);
    assert.deepEqual(images(`FROM ${PYTORCH}:2.0.1-cpu-py310\${GPU:+-gpu}\n`).map((image) => image.value), [`${PYTORCH}:2.0.1-cpu-py310`]);
    assert.deepEqual(images(`FROM ${PYTORCH}:2.0.1-cpu-py310\${TARGETARCH:+-gpu}\n`).map((image) => image.value), [undefined]);
  });

  it('${VAR:+:tag} left out: the untagged finding says why, unless VAR is undeclared (then it is certain)', () => {
    const noValue = `ARG T\nFROM ${PYTORCH}\${T:+:2.6.0-gpu-py312}\n`;
    const finding = only(analyze(noValue), 'latest-tag');
    assert.equal(textAt(noValue, finding), PYTORCH);
    assert.match(finding.message, /^With ":2\.6\.0-gpu-py312" left out, as \$\{T:\+…\} is empty \(ARG T has no value unless --build-arg gives one\): No tag means "latest"/);
    assert.match(only(analyze(`ARG T=\nFROM ${PYTORCH}\${T:+:2.6.0-gpu-py312}\n`), 'latest-tag').message, /^With ARG T's default \(empty\): No tag means/);
    assert.match(only(analyze(`FROM ${PYTORCH}\${T:+:2.6.0-gpu-py312}\n`), 'latest-tag').message, /^No tag means "latest"/);
  });

  it('a whole image from an ARG default: the finding covers ${BASE}, the fix edits the default', () => {
    const text = `ARG BASE=${XGBOOST}\nFROM \${BASE} AS model\nFROM model\n`;
    const finding = only(analyze(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), '${BASE}');
    assert.match(finding.message, new RegExp(`^With ARG BASE's default ${XGBOOST.replace(/\./g, '\\.')}: `));
    assert.equal(applyDockerfileFix(text, finding, 'Pin XGBoost 1.7-1'), `ARG BASE=${XGBOOST}:1.7-1\nFROM \${BASE} AS model\nFROM model\n`);
  });
});

describe('Dockerfile host: the image rules and their fixes', () => {
  it('unknown-region, in the FROM line and in an ARG default', () => {
    const written = `FROM 683313688378.dkr.ecr.us-east-9.amazonaws.com/sagemaker-xgboost:1.7-1\n`;
    const finding = only(analyze(written), 'unknown-region');
    assert.equal(textAt(written, finding), 'us-east-9');
    // us-east-9 is as near to us-east-1 as to us-east-2: offered, none preferred (fix-all leaves it).
    assert.deepEqual(preferredTitles(finding), []);
    assert.equal(applyDockerfileFix(written, finding, 'Change the region to us-east-1'), written.replace('us-east-9', 'us-east-1'));
    const typo = written.replace('us-east-9', 'us-eas-1');
    assert.deepEqual(preferredTitles(only(analyze(typo), 'unknown-region')), ['Change the region to us-east-1']);
    const fromArg = `ARG REGION=us-east-9\nFROM 683313688378.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1\n`;
    const argFinding = only(analyze(fromArg), 'unknown-region');
    assert.equal(textAt(fromArg, argFinding), '${REGION}');
    assert.match(argFinding.message, /^With ARG REGION's default us-east-9: /);
    assert.equal(applyDockerfileFix(fromArg, argFinding, 'Change the region to us-east-1'), fromArg.replace('REGION=us-east-9', 'REGION=us-east-1'));
  });

  it('unknown-region on a wrong DNS suffix', () => {
    const text = `FROM ${PYTORCH.replace('amazonaws.com', 'amazonaws.com.cn')}:2.0.1-gpu-py310\n`;
    const finding = only(analyze(text), 'unknown-region');
    assert.equal(textAt(text, finding), 'amazonaws.com.cn');
    assert.equal(applyDockerfileFix(text, finding), `FROM ${PYTORCH}:2.0.1-gpu-py310\n`);
  });

  it('registry-account-mismatch', () => {
    const text = `FROM --platform=linux/amd64 382416733822.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1 AS train\n`;
    const finding = only(analyze(text), 'registry-account-mismatch');
    assert.equal(textAt(text, finding), '382416733822');
    assert.equal(applyDockerfileFix(text, finding), `FROM --platform=linux/amd64 ${XGBOOST}:1.7-1 AS train\n`);
  });

  it('unknown-image-tag, and newer-than-catalog (no fix)', () => {
    const text = `FROM ${PYTORCH}:2.0.7-gpu-py310\n`;
    const finding = only(analyze(text), 'unknown-image-tag');
    assert.equal(textAt(text, finding), '2.0.7-gpu-py310');
    // Another version is the user's choice: offered, not preferred; a typo's correction is preferred.
    assert.deepEqual(preferredTitles(finding), []);
    assert.equal(applyDockerfileFix(text, finding, 'Use tag 2.0.1-gpu-py310'), `FROM ${PYTORCH}:2.0.1-gpu-py310\n`);
    const sklearn = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn';
    const typo = `FROM ${sklearn}:1.2-1-cpuu-py3\n`;
    assert.equal(applyDockerfileFix(typo, only(analyze(typo), 'unknown-image-tag')), `FROM ${sklearn}:1.2-1-cpu-py3\n`);
    const newer = `FROM ${PYTORCH}:9.0.0-gpu-py310\n`;
    const information = only(analyze(newer), 'newer-than-catalog');
    assert.equal(textAt(newer, information), '9.0.0-gpu-py310');
    assert.deepEqual(information.fixes, []);
  });

  it('latest-tag on a tag and on an untagged reference; the untagged fix adds the tag', () => {
    const tagged = `FROM ${PYTORCH}:latest\n`;
    const finding = only(analyze(tagged), 'latest-tag');
    assert.equal(textAt(tagged, finding), 'latest');
    const fixed = applyDockerfileFix(tagged, finding);
    assert.match(fixed, new RegExp(`^FROM ${PYTORCH.replace(/\./g, '\\.')}:\\d[\\w.-]+\\n$`));
    assert.deepEqual(summary(fixed), []);
    const untagged = `ARG REG=763104351884.dkr.ecr.us-east-1.amazonaws.com\nFROM \${REG}/pytorch-training\n`;
    const bare = only(analyze(untagged), 'latest-tag');
    assert.equal(textAt(untagged, bare), '${REG}/pytorch-training');
    assert.match(applyDockerfileFix(untagged, bare), /^ARG REG=763104351884\.dkr\.ecr\.us-east-1\.amazonaws\.com\nFROM \$\{REG\}\/pytorch-training:\d[\w.-]+\n$/);
  });

  it('xgboost-unpinned with its pinning fix, through a quoted ARG default', () => {
    const text = `ARG XGB_TAG="1"\nFROM ${XGBOOST}:\${XGB_TAG}\n`;
    const finding = only(analyze(text), 'xgboost-unpinned');
    assert.equal(applyDockerfileFix(text, finding, 'Pin XGBoost 1.7-1'), `ARG XGB_TAG="1.7-1"\nFROM ${XGBOOST}:\${XGB_TAG}\n`);
  });

  it('a change across a variable edge is written in the FROM line over the variable', () => {
    // The account fix changes "382416733822" to "683313688378": the first character is in the
    // default, the last in the FROM line, so the FROM line gets the whole changed text.
    const text = `ARG ACCOUNT=38241673382\nFROM \${ACCOUNT}2.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1\n`;
    const finding = only(analyze(text), 'registry-account-mismatch');
    assert.equal(textAt(text, finding), '${ACCOUNT}2');
    assert.equal(applyDockerfileFix(text, finding), `ARG ACCOUNT=38241673382\nFROM ${XGBOOST}:1.7-1\n`);
  });

  it('a default not written verbatim (an escape in it) is replaced in the FROM line', () => {
    // The region fix replaces "9" of the default us-east-9, written "us-east-\9".
    const text = `ARG REGION=us-east-\\9\nFROM 683313688378.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1\n`;
    const finding = only(analyze(text), 'unknown-region');
    assert.equal(applyDockerfileFix(text, finding, 'Change the region to us-east-1'), `ARG REGION=us-east-\\9\nFROM ${XGBOOST}:1.7-1\n`);
  });

  it('invalid-image-reference on an ECR image docker would refuse', () => {
    const text = `FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/PyTorch-Training:2.0.1\n`;
    assert.deepEqual(summary(text), ['invalid-image-reference PyTorch-Training']);
  });

  it('never image-region-mismatch, even with an explicit target region', () => {
    assert.deepEqual(summary(`FROM ${XGBOOST}:1.7-1\n`, { region: 'eu-west-1' }), []);
  });

  it('a digest pins: no tag advice; a private ECR account on latest is not ours to judge', () => {
    assert.deepEqual(summary(`FROM ${PYTORCH}@sha256:${'a'.repeat(64)}\n`), []);
    assert.deepEqual(summary('FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-team/trainer:latest\n'), []);
  });

  it('respects the rules setting', () => {
    assert.deepEqual(summary(`FROM ${PYTORCH}:latest\n`, { rules: { 'latest-tag': 'off' } }), []);
  });
});

describe('Dockerfile host: suppression comments', () => {
  const image = `${PYTORCH}:latest`;

  it('# sagemaker-spec-disable-next-line drops the named code on the next line only', () => {
    assert.deepEqual(summary(`# sagemaker-spec-disable-next-line latest-tag -- the base image decides\nFROM ${image}\nFROM ${image}\n`), ['latest-tag latest']);
    assert.deepEqual(summary(`# sagemaker-spec-disable-next-line digest-recommended\nFROM ${image}\n`), ['latest-tag latest']);
    assert.deepEqual(summary(`# sagemaker-spec-disable-next-line\nFROM ${image}\n`), []);
  });

  it('a directive above a FROM also covers its image on a continued line', () => {
    assert.deepEqual(summary(`# sagemaker-spec-disable-next-line latest-tag\nFROM --platform=linux/amd64 \\\n    ${image} AS train\n`), []);
  });

  it('a directive after an instruction is no comment: invalid-suppression on it, with a fix that moves it to a line of its own (fresh-user trial: silently ignored)', () => {
    const text = `FROM ${image} # sagemaker-spec-disable-line latest-tag -- the base image decides\nRUN true\n`;
    const findings = analyze(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['latest-tag', 'invalid-suppression']);
    const finding = only(findings, 'invalid-suppression');
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), '# sagemaker-spec-disable-line latest-tag -- the base image decides');
    assert.match(finding.message, /part of the FROM instruction/);
    assert.match(finding.message, /"# sagemaker-spec-disable-next-line latest-tag -- the base image decides" on its own line above it/);
    const fixed = applyDockerfileFix(text, finding);
    assert.equal(fixed, `# sagemaker-spec-disable-next-line latest-tag -- the base image decides\nFROM ${image}\nRUN true\n`);
    assert.deepEqual(summary(fixed), []);
    // Making a suppression work hides a finding: the user's choice, never fix-all's.
    assert.equal(finding.fixes[0].changesBehaviour, true);
  });

  it('a disable-next-line after an instruction is moved below it; one on a continued line gets no fix', () => {
    const text = `  FROM ${image} # sagemaker-spec-disable-next-line latest-tag\n  FROM ${image}\n`;
    const finding = only(analyze(text), 'invalid-suppression');
    assert.equal(applyDockerfileFix(text, finding), `  FROM ${image}\n  # sagemaker-spec-disable-next-line latest-tag\n  FROM ${image}\n`);
    const continued = `FROM --platform=linux/amd64 \\\n    ${image} # sagemaker-spec-disable-line latest-tag\n`;
    const onContinued = only(analyze(continued), 'invalid-suppression');
    assert.equal(textAt(continued, onContinued), '# sagemaker-spec-disable-line latest-tag');
    assert.match(onContinued.message, /part of the instruction, so it suppresses nothing\. Write .* on its own line above the instruction\./);
    assert.deepEqual(onContinued.fixes, []);
  });

  it('the directive in a RUN line is not a comment', () => {
    assert.deepEqual(summary(`RUN echo "# sagemaker-spec-disable-next-line"\nFROM ${image}\n`), ['latest-tag latest']);
  });
});

describe('Dockerfile host: completion and hover', () => {
  const options = { catalog, apiModel, regionInputs: { regionSetting: 'us-east-1', env: {} } };

  function complete(text: string): string[] | undefined {
    const offset = text.indexOf('|');
    const result = completeInDockerfile(text.slice(0, offset) + text.slice(offset + 1), offset, options);
    return result?.items.map((item) => item.edit.newText);
  }

  it('offers images right after FROM (and its flags), and tags inside a typed image', () => {
    assert.ok(complete('FROM |')!.length > 0);
    assert.ok(complete('FROM --platform=linux/amd64 |\n')!.length > 0);
    assert.ok(complete('FROM --platform=linux/amd64 \\\n  |\n')!.length > 0);
    const tags = complete(`RUN true\nFROM ${XGBOOST}:1.|7 AS train\n`)!;
    assert.ok(tags.includes(`${XGBOOST}:1.7-1`), tags.slice(0, 5).join(', '));
    assert.ok(!tags.some((tag) => tag.endsWith(':1') || tag.endsWith(':latest')), 'never a floating XGBoost tag');
  });

  it('the item replaces the whole image, not the stage name', () => {
    const text = `FROM ${XGBOOST}:1.7 AS train\n`;
    const offset = text.indexOf(':1.7') + 4;
    const item = completeInDockerfile(text, offset, options)!.items.find((candidate) => candidate.edit.newText === `${XGBOOST}:1.7-1`)!;
    assert.equal(applyEdits(text, [item.edit]), `FROM ${XGBOOST}:1.7-1 AS train\n`);
  });

  it('offers tags in the default of a global ARG a FROM line reads as its whole image, quoted or not', () => {
    for (const value of [`${XGBOOST}:1.`, `"${XGBOOST}:1."`]) {
      const text = `ARG BASE_IMAGE=${value}\nFROM \${BASE_IMAGE} AS train\n`;
      const offset = text.indexOf(':1.') + 3;
      const item = completeInDockerfile(text, offset, options)?.items.find((candidate) => candidate.edit.newText === `${XGBOOST}:1.7-1`);
      assert.ok(item, value);
      assert.equal(applyEdits(text, [item.edit]), text.replace(`${XGBOOST}:1.`, `${XGBOOST}:1.7-1`));
    }
    // An ARG that is only the tag, or that no FROM reads: nothing.
    assert.equal(complete(`ARG TAG=1.|\nFROM ${XGBOOST}:\${TAG}\n`), undefined);
    assert.equal(complete(`ARG UNUSED=${XGBOOST}:1.|\nFROM ${XGBOOST}:1.7-1\n`), undefined);
  });

  it('offers nothing outside a FROM image', () => {
    assert.equal(complete('RUN pip install |'), undefined);
    assert.equal(complete('FROM| '), undefined);
    assert.equal(complete('FROM --plat|form=linux/amd64'), undefined);
    assert.equal(complete(`FROM ${PYTORCH}:2.0.1 AS |`), undefined);
    assert.equal(complete(`ARG TAG=1\nFROM ${XGBOOST}:\${TAG|}`), undefined);
  });

  it('hover on a FROM image describes it, with its range', () => {
    const text = `FROM --platform=linux/amd64 ${XGBOOST}:1.7-1 AS train\n`;
    const document = readDockerfileDocument(text);
    const offset = text.indexOf('sagemaker-xgboost');
    const hover = hoverAt(requestAt(document, offset)!, offset, catalog, apiModel)!;
    assert.equal(text.slice(hover.range.offset, hover.range.offset + hover.range.length), `${XGBOOST}:1.7-1`);
    assert.match(hover.markdown, /Amazon ECR image/);
    assert.match(hover.markdown, /\| Tag \| `1\.7-1` \|/);
    assert.equal(requestAt(document, text.indexOf('train')), undefined);
  });

  it('hover on an image read through an ARG default says which default it read', () => {
    const text = `ARG XGB_TAG=1.7-1\nFROM ${XGBOOST}:\${XGB_TAG}\n`;
    const offset = text.indexOf('sagemaker-xgboost');
    const hover = hoverAt(requestAt(readDockerfileDocument(text), offset)!, offset, catalog, apiModel)!;
    assert.match(hover.markdown, /\| Tag \| `1\.7-1` \|/);
    // The note is escaped Markdown (it holds the user's text).
    assert.ok(hover.markdown.endsWith("\n\nRead with ARG XGB\\_TAG\\'s default 1\\.7\\-1; a build argument may replace it."), hover.markdown);
    // Without substitutions, no such sentence.
    const plain = `FROM ${XGBOOST}:1.7-1\n`;
    assert.doesNotMatch(hoverAt(requestAt(readDockerfileDocument(plain), 10)!, 10, catalog, apiModel)!.markdown, /Read with/);
  });
});

describe('Dockerfile host: robustness', () => {
  const sample = [
    '# escape=\\',
    'ARG REGION=us-east-1 TAG="1.7-1"',
    'ARG BASE',
    `FROM --platform=$BUILDPLATFORM 683313688378.dkr.ecr.\${REGION}.amazonaws.com/sagemaker-xgboost:\${TAG:-1} AS build`,
    'RUN <<EOF',
    'echo ${TAG}',
    'EOF',
    `FROM \${BASE:-${PYTORCH}}:latest`,
    'FROM build',
    'COPY --from=build /a /b',
  ].join('\r\n');

  it('every prefix of a Dockerfile reads, analyses, completes and renders its fixes without throwing', () => {
    for (let end = 0; end <= sample.length; end++) {
      const text = sample.slice(0, end);
      const document = readDockerfileDocument(text);
      const findings = analyzeDocument(document, { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings;
      for (const finding of findings) {
        assert.ok(finding.offset >= 0 && finding.offset + finding.length <= text.length, `${finding.code} in range at ${end}`);
        for (const fix of finding.fixes) renderFix(document, fix);
      }
      completeInDockerfile(text, end, { catalog, apiModel, regionInputs: { env: {} } });
    }
  });

  it('malformed FROM lines yield nothing and throw nothing', () => {
    for (const text of ['FROM', 'FROM ', 'FROM ${', 'FROM $', 'FROM ${X:-', 'FROM .dkr.ecr', 'FROM a.dkr.ecr.${', 'ARG\nFROM 1.dkr.ecr.x/${}', 'FROM \\\n', '\uFEFFFROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:latest']) {
      assert.doesNotThrow(() => analyze(text), text);
    }
    assert.deepEqual(images('FROM a.dkr.ecr.${'), []);
  });
});
