/**
 * `sagemaker-spec check --fix` and `--fix-dry-run` as users run them (dist/cli.js in a temporary
 * folder): which fixes are written, what stderr says about them and about files it leaves alone,
 * and the report and exit code of what is left.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { example, REPOSITORY_ROOT, removeTempProjects, runCli, tempProject } from './cliTestKit';

/** A training spec whose image names the wrong account (error: **Use account 683313688378**, at 5:23). */
const ACCOUNT_MISMATCH = example('broken-registry-account-mismatch.sagemaker.json');
const ACCOUNT_FIXED = ACCOUNT_MISMATCH.replace('246618743249', '683313688378');
/** One `missing-vpc-config`, whose fix leaves blanks: never applied. */
const MISSING_VPC = example('broken-missing-vpc-config.sagemaker.json');
const NOTEBOOK = fs.readFileSync(path.join(REPOSITORY_ROOT, 'test/fixtures/notebooks/training-two-cells.ipynb'), 'utf8');

function codesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFileResult[]).flatMap((result) => result.findings.map((finding) => finding.code)).sort();
}

function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** The user to run the checker as so that a mode-444 file cannot be written: root writes anything. */
function otherUser(): { uid?: number; gid?: number } | undefined {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  return process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};
}

describe('sagemaker-spec check --fix / --fix-dry-run (dist/cli.js)', () => {
  after(removeTempProjects);

  describe('--quiet --fix', () => {
    it('applies only the fixes of errors, the findings --quiet reports', () => {
      // Two fixable findings: the account (an error) and "Fil" (made a warning here).
      const spec = ACCOUNT_MISMATCH.replace('"TrainingInputMode": "File"', '"TrainingInputMode": "Fil"');
      const root = tempProject({ 'a.sagemaker.json': spec });
      const quiet = runCli(['check', '--quiet', '--fix', '--rule', 'invalid-enum-value=warning', 'a.sagemaker.json'], { cwd: root });
      assert.equal(read(root, 'a.sagemaker.json'), spec.replace('246618743249', '683313688378'), 'the warning\'s "Use "File"" is not applied');
      assert.equal(quiet.stderr, 'fixed a.sagemaker.json:5:23  registry-account-mismatch  Use account 683313688378\nsagemaker-spec: applied 1 fix in 1 file\n');
      assert.equal(quiet.status, 0);
      // Without --quiet the warning's fix is applied too.
      const loud = runCli(['check', '--fix', '--rule', 'invalid-enum-value=warning', 'a.sagemaker.json'], { cwd: root });
      assert.equal(read(root, 'a.sagemaker.json'), ACCOUNT_FIXED);
      assert.equal(loud.stderr, 'fixed a.sagemaker.json:6:27  invalid-enum-value  Use "File"\nsagemaker-spec: applied 1 fix in 1 file\n');
    });
  });

  describe('--fix-dry-run', () => {
    it('writes nothing, lists what --fix would apply, and reports and exits as --fix would', () => {
      const files = { 'a.sagemaker.json': ACCOUNT_MISMATCH, 'vpc.sagemaker.json': MISSING_VPC };
      const dry = tempProject(files);
      const dryRun = runCli(['check', '--fix-dry-run', '--format', 'json', '.'], { cwd: dry });
      assert.equal(read(dry, 'a.sagemaker.json'), ACCOUNT_MISMATCH);
      assert.equal(read(dry, 'vpc.sagemaker.json'), MISSING_VPC);
      assert.equal(dryRun.stderr, [
        'would fix a.sagemaker.json:5:23  registry-account-mismatch  Use account 683313688378',
        'sagemaker-spec: would apply 1 fix in 1 file (dry run: nothing written)',
        '',
      ].join('\n'));
      assert.deepEqual(codesOf(dryRun.stdout), ['missing-vpc-config'], 'the account finding is fixed in memory');
      assert.equal(dryRun.status, 1);

      const wet = tempProject(files);
      const fixRun = runCli(['check', '--fix', '--format', 'json', '.'], { cwd: wet });
      assert.equal(read(wet, 'a.sagemaker.json'), ACCOUNT_FIXED);
      assert.equal(fixRun.stderr, dryRun.stderr.replace('would fix', 'fixed').replace('would apply', 'applied').replace(' (dry run: nothing written)', ''));
      assert.equal(fixRun.stdout.split(wet).join('<root>'), dryRun.stdout.split(dry).join('<root>'), 'the same report');
      assert.equal(fixRun.status, dryRun.status);
    });

    it('exits 0 when every error would be fixed, where a plain check exits 1', () => {
      const root = tempProject({ 'a.sagemaker.json': `\uFEFF${ACCOUNT_MISMATCH}` });
      assert.equal(runCli(['check', 'a.sagemaker.json'], { cwd: root }).status, 1);
      const run = runCli(['check', '--fix-dry-run', 'a.sagemaker.json'], { cwd: root });
      assert.deepEqual([run.status, run.stdout], [0, '']);
      assert.equal(read(root, 'a.sagemaker.json'), `\uFEFF${ACCOUNT_MISMATCH}`);
    });

    it('reports what --fix would leave at positions in the file on disk, which it does not rewrite (found by a fresh user)', () => {
      // Two rounds shorten the line (the instance type's typo, then the ".$" of its key) before the count of 0, which stays.
      const machine = [
        '{',
        '  "StartAt": "M",',
        '  "States": {',
        '    "M": {',
        '      "Type": "Task",',
        '      "Resource": "arn:aws:states:::sagemaker:createEndpointConfig",',
        '      "Parameters": {',
        '        "EndpointConfigName": "c",',
        '        "ProductionVariants": [ { "VariantName": "a", "ModelName": "m", "InstanceType.$": "ml.m5.xlaarge", "InitialInstanceCount": 0 } ]',
        '      },',
        '      "End": true',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const root = tempProject({ 'a.asl.json': machine });
      const findingsOf = (args: string[]) => (JSON.parse(runCli(['check', '--format', 'json', ...args, 'a.asl.json'], { cwd: root }).stdout) as JsonFileResult[])[0].findings;
      const dryRun = findingsOf(['--fix-dry-run']);
      assert.equal(read(root, 'a.asl.json'), machine);
      assert.deepEqual(dryRun.map((finding) => finding.code), ['value-out-of-range']);
      const [left] = dryRun;
      assert.equal(machine.slice(left.offset, left.offset + left.length), '0');
      const plain = findingsOf([]).find((finding) => finding.code === 'value-out-of-range')!;
      assert.deepEqual([left.line, left.column, left.endLine, left.endColumn], [plain.line, plain.column, plain.endLine, plain.endColumn]);
      assert.deepEqual([left.line, left.column], [9, machine.split('\n')[8].indexOf(': 0 }') + 3]);
    });

    it('cannot be combined with --fix', () => {
      const root = tempProject({ 'a.sagemaker.json': ACCOUNT_MISMATCH });
      const run = runCli(['check', '--fix', '--fix-dry-run', 'a.sagemaker.json'], { cwd: root });
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'sagemaker-spec: --fix and --fix-dry-run cannot be used together\n' });
      assert.equal(read(root, 'a.sagemaker.json'), ACCOUNT_MISMATCH);
    });
  });

  describe('what --fix leaves alone', () => {
    it('says how many fixes it leaves in a notebook, and why', () => {
      const fixable = NOTEBOOK.replace('\\"TrainingInputMode\\": \\"File\\"', '\\"TrainingInputMode\\": \\"Fil\\"');
      assert.notEqual(fixable, NOTEBOOK);
      const root = tempProject({ 'explore.ipynb': fixable });
      const run = runCli(['check', '--fix', 'explore.ipynb'], { cwd: root });
      assert.equal(read(root, 'explore.ipynb'), fixable);
      assert.deepEqual(run.stderr.split('\n').slice(0, 2), [
        'left explore.ipynb as it is: 1 fix to apply, but --fix does not edit notebooks; apply their quick fixes in the editor',
        'sagemaker-spec: applied no fixes; 1 left for the editor (see above)',
      ]);
    });

    it('says nothing of a notebook without fixes to apply', () => {
      // Its findings' fixes need a choice (which XGBoost) or a blank filled (RoleArn): none would be applied.
      const root = tempProject({ 'explore.ipynb': NOTEBOOK });
      const run = runCli(['check', '--fix', 'explore.ipynb'], { cwd: root });
      assert.equal(run.stderr, 'sagemaker-spec: no unambiguous fixes to apply\n');
      assert.equal(run.status, 1);
    });

    it('says it leaves a UTF-16 file with a fix to apply as it is; says nothing of one without', () => {
      const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const root = tempProject({});
      fs.writeFileSync(path.join(root, 'a.sagemaker.json'), utf16(ACCOUNT_MISMATCH));
      fs.writeFileSync(path.join(root, 'good.sagemaker.json'), utf16(ACCOUNT_FIXED));
      const run = runCli(['check', '--fix', '--format', 'json', 'a.sagemaker.json', 'good.sagemaker.json'], { cwd: root });
      assert.deepEqual(fs.readFileSync(path.join(root, 'a.sagemaker.json')), utf16(ACCOUNT_MISMATCH));
      assert.equal(run.stderr, [
        'left a.sagemaker.json as it is: 1 fix to apply, but --fix writes UTF-8 only and this file is UTF-16; apply the fixes in the editor, or save the file as UTF-8',
        'sagemaker-spec: applied no fixes; 1 left for the editor (see above)',
        '',
      ].join('\n'));
      assert.deepEqual(codesOf(run.stdout), ['registry-account-mismatch']);
    });

    it('leaves a value whose fixes undo each other as it is, run after run (a YAML anchor two members need as different types)', () => {
      const yaml = [
        'TrainingJobName: conflict',
        'RoleArn: arn:aws:iam::123456789012:role/R',
        'AlgorithmSpecification: {TrainingImage: "382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1", TrainingInputMode: File}',
        'HyperParameters: {k: &n 10, feature_dim: "4"}',
        'OutputDataConfig: {S3OutputPath: "s3://b/o"}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: *n}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
        '',
      ].join('\n');
      const root = tempProject({ 'anchor.sagemaker.yaml': yaml });
      for (let run = 0; run < 2; run++) {
        const result = runCli(['check', '--fix', '--format', 'json', 'anchor.sagemaker.yaml'], { cwd: root });
        assert.equal(fs.readFileSync(path.join(root, 'anchor.sagemaker.yaml'), 'utf8'), yaml);
        assert.equal(result.stderr, [
          'left anchor.sagemaker.yaml as it is: 2 fixes to apply, but they undo each other (a value two members read, through a YAML anchor say, needs what one of them refuses); choose in the editor',
          'sagemaker-spec: applied no fixes; 2 left for the editor (see above)',
          '',
        ].join('\n'));
        assert.deepEqual(codesOf(result.stdout), ['algorithm-channel', 'invalid-type']);
      }
    });
  });

  describe('a Pipelines DependsOn naming no step', () => {
    it('is reported (exit 1) on the name, fixed to the step it misspells by --fix, then clean (exit 0)', () => {
      const broken = example('broken-undefined-pipeline-step.pipeline.json');
      const root = tempProject({ 'churn.pipeline.json': broken });
      const run = runCli(['check', '--format', 'json', 'churn.pipeline.json'], { cwd: root });
      assert.equal(run.status, 1);
      const [finding] = (JSON.parse(run.stdout) as JsonFileResult[])[0].findings;
      assert.deepEqual([finding.code, finding.severity, finding.line, finding.column, finding.endColumn], ['undefined-pipeline-step', 'error', 54, 22, 33]);
      assert.match(finding.message, /^"Preparedata" is not a step of this pipeline \(its steps are PrepareData, TrainModel, CheckAccuracy, CreateModel and Stop\): step "TrainModel" cannot wait for it\. Did you mean "PrepareData"\?$/);

      const fix = runCli(['check', '--fix', 'churn.pipeline.json'], { cwd: root });
      assert.equal(fix.stderr, 'fixed churn.pipeline.json:54:22  undefined-pipeline-step  Change to "PrepareData"\nsagemaker-spec: applied 1 fix in 1 file\n');
      assert.deepEqual([fix.status, fix.stdout], [0, '']);
      assert.equal(read(root, 'churn.pipeline.json'), broken.replace('"DependsOn": ["Preparedata"]', '"DependsOn": ["PrepareData"]'));
    });
  });

  describe('a Step Functions Resource with a region and account written in', () => {
    it('is reported (exit 1) on "states:…:", fixed to the integration ARN by --fix, then clean (exit 0)', () => {
      const broken = example('broken-invalid-integration-arn.asl.json');
      const root = tempProject({ 'deploy.asl.json': broken });
      const run = runCli(['check', '--format', 'json', 'deploy.asl.json'], { cwd: root });
      assert.equal(run.status, 1);
      const [finding] = (JSON.parse(run.stdout) as JsonFileResult[])[0].findings;
      assert.deepEqual([finding.code, finding.severity, finding.line, finding.column, finding.endColumn], ['invalid-integration-arn', 'error', 21, 28, 58]);
      assert.match(finding.message, /^Step Functions' service-integration ARNs have no region or account \(a task runs in its state machine's\): with "states:us-east-1:123456789012:" the Resource names no integration, and Step Functions rejects the state machine\. Write arn:aws:states:::sagemaker:createEndpointConfig\.$/);

      const fix = runCli(['check', '--fix', 'deploy.asl.json'], { cwd: root });
      assert.equal(fix.stderr, 'fixed deploy.asl.json:21:28  invalid-integration-arn  Write arn:aws:states:::sagemaker:createEndpointConfig\nsagemaker-spec: applied 1 fix in 1 file\n');
      assert.deepEqual([fix.status, fix.stdout], [0, '']);
      assert.equal(read(root, 'deploy.asl.json'), broken.replace('arn:aws:states:us-east-1:123456789012:sagemaker:', 'arn:aws:states:::sagemaker:'));
    });
  });

  describe('a file that is not UTF-8', () => {
    /** A Latin-1 Python file (PEP 263 declares it) with one fixable typo on line 5: "ml.m5.xlarg". */
    const LATIN1_SCRIPT = [
      '# -*- coding: latin-1 -*-',
      '# Entra\u00eenement caf\u00e9',
      'from sagemaker.xgboost import XGBoost',
      '',
      'est = XGBoost(entry_point="t.py", framework_version="1.7-1", role="arn:aws:iam::123456789012:role/R", instance_type="ml.m5.xlarg", instance_count=1)',
      '',
    ].join('\n');

    it('leaves it as it is, byte for byte, saying why: its invalid bytes would be written as U+FFFD (found by a CI user)', () => {
      const root = tempProject({});
      const bytes = Buffer.from(LATIN1_SCRIPT, 'latin1');
      fs.writeFileSync(path.join(root, 'train.py'), bytes);
      const run = runCli(['check', '--fix', '--format', 'json', 'train.py'], { cwd: root });
      assert.deepEqual(fs.readFileSync(path.join(root, 'train.py')), bytes);
      assert.equal(run.stderr, [
        'left train.py as it is: 1 fix to apply, but --fix writes UTF-8 only and this file is not valid UTF-8 (first invalid byte: 0xEE on line 2, at byte offset 33), so writing it would change more than the fixes; apply the fixes in the editor, or save the file as UTF-8',
        'sagemaker-spec: applied no fixes; 1 left for the editor (see above)',
        '',
      ].join('\n'));
      assert.deepEqual(codesOf(run.stdout), ['invalid-enum-value'], 'checked as it is, its finding left');
      assert.equal(run.status, 1);
      // A dry run says the same: --fix would not write it either.
      const dry = runCli(['check', '--fix-dry-run', 'train.py'], { cwd: root });
      assert.match(dry.stderr, /^left train\.py as it is: 1 fix to apply, but --fix writes UTF-8 only/);
      assert.equal(dry.status, 1);
    });

    it('fixes the same file saved as UTF-8, its other characters kept', () => {
      const root = tempProject({ 'train.py': LATIN1_SCRIPT });
      const run = runCli(['check', '--fix', 'train.py'], { cwd: root });
      assert.equal(read(root, 'train.py'), LATIN1_SCRIPT.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
      assert.equal(run.status, 0, run.stderr);
    });
  });

  describe('a file it cannot write', () => {
    it('says so (no internal error), counts its fixes as not written, reports the file as it is, and exits 2 (found by a CI user)', function () {
      const runner = otherUser();
      if (!runner) this.skip(); // Windows has no mode 444 for this
      const root = tempProject({ 'a.sagemaker.json': ACCOUNT_MISMATCH, 'b.sagemaker.json': ACCOUNT_MISMATCH });
      fs.chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must enter it
      fs.chmodSync(path.join(root, 'a.sagemaker.json'), 0o444);
      fs.chmodSync(path.join(root, 'b.sagemaker.json'), 0o666);
      const run = runCli(['check', '--fix', 'a.sagemaker.json', 'b.sagemaker.json'], { cwd: root, ...runner });
      assert.equal(read(root, 'a.sagemaker.json'), ACCOUNT_MISMATCH);
      assert.equal(read(root, 'b.sagemaker.json'), ACCOUNT_FIXED, 'the other file is fixed');
      assert.equal(run.stderr, [
        'sagemaker-spec: cannot write a.sagemaker.json: it is not writable (permission denied); 1 fix not applied',
        'fixed b.sagemaker.json:5:23  registry-account-mismatch  Use account 683313688378',
        'sagemaker-spec: applied 1 fix in 1 file; 1 not written (see above)',
        '',
      ].join('\n'));
      assert.match(run.stdout, /^\na\.sagemaker\.json\n {2}5:23 {2}error .* registry-account-mismatch\n/, 'the file is reported as it is');
      assert.equal(run.status, 2);

      const json = runCli(['check', '--fix', '--format', 'json', 'a.sagemaker.json'], { cwd: root, ...runner });
      const [result] = JSON.parse(json.stdout) as JsonFileResult[];
      assert.deepEqual([result.writeError, result.findings.map((finding) => finding.code)], ['is not writable (permission denied)', ['registry-account-mismatch']]);
      assert.equal(json.status, 2);

      const sarif = runCli(['check', '--fix', '--format', 'sarif', 'a.sagemaker.json'], { cwd: root, ...runner });
      const invocation = (JSON.parse(sarif.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { descriptor: { id: string }; level: string; message: { text: string } }[] }[] }[] }).runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications.map((note) => `${note.level} ${note.descriptor.id}: ${note.message.text}`), ["error fix-not-written: cannot write this file's fixes: it is not writable (permission denied)"]);
      assert.equal(sarif.status, 2);

      // A dry run writes nothing, so nothing fails.
      const dry = runCli(['check', '--fix-dry-run', 'a.sagemaker.json'], { cwd: root, ...runner });
      assert.deepEqual([dry.status, dry.stdout], [0, '']);
    });
  });

  it('lists only the fixes that stay: an image to move to the target region, in a file with a byte-order mark and CRLF line ends', () => {
    // In eu-west-1 the XGBoost account is another; the target region is us-east-1: one move fixes both.
    const spec = `\uFEFF${ACCOUNT_FIXED.replace('us-east-1', 'eu-west-1').replace(/\n/g, '\r\n')}`;
    const root = tempProject({ '.sagemaker-spec.json': '{"region": "us-east-1"}', 'a.sagemaker.json': spec });
    const run = runCli(['check', '--fix', 'a.sagemaker.json'], { cwd: root });
    assert.equal(run.stderr, [
      'fixed a.sagemaker.json:5:44  image-region-mismatch  Use the us-east-1 registry (683313688378.dkr.ecr.us-east-1.amazonaws.com)',
      'sagemaker-spec: applied 1 fix in 1 file',
      '',
    ].join('\n'));
    assert.equal(read(root, 'a.sagemaker.json'), `\uFEFF${ACCOUNT_FIXED.replace(/\n/g, '\r\n')}`);
    assert.deepEqual([run.status, run.stdout], [0, '']);
  });
});
