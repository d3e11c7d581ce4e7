// `sagemaker-spec check` on YAML (issue 13): AWS CLI YAML specs and CloudFormation templates,
// named or found in folders, with `#` suppression comments; other YAML files yield nothing.
import * as assert from 'node:assert/strict';
import { example, removeTempProjects, runCli, tempProject } from './cliTestKit';

interface JsonFinding {
  code: string;
  line: number;
  column: number;
}

function results(stdout: string): { filePath: string; findings: JsonFinding[] }[] {
  return JSON.parse(stdout) as { filePath: string; findings: JsonFinding[] }[];
}

describe('sagemaker-spec check on YAML', () => {
  after(removeTempProjects);

  it('checks the YAML files of a folder: specs and templates by content, other YAML left alone', () => {
    const root = tempProject({
      'jobs/train.sagemaker.yaml': example('broken-invalid-enum-value.sagemaker.yaml'),
      'infra/model.yml': example('broken-registry-account-mismatch.template.yaml'),
      '.github/workflows/ci.yaml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      'docker-compose.yaml': 'services:\n  web:\n    image: nginx:latest\n',
    });
    const run = runCli(['check', '--format', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const found = results(run.stdout).filter((result) => result.findings.length > 0).map((result) => [result.filePath.slice(root.length + 1), result.findings.map((finding) => finding.code)]);
    assert.deepEqual(found.sort(), [
      ['infra/model.yml', ['registry-account-mismatch']],
      ['jobs/train.sagemaker.yaml', ['invalid-enum-value']],
    ]);
  });

  it('an explicit region decides the region placeholder of a template', () => {
    const root = tempProject({ 'model.yaml': example('broken-registry-account-mismatch.template.yaml') });
    // The account in the example serves XGBoost in us-east-1.
    assert.equal(runCli(['check', '--region', 'us-east-1', 'model.yaml'], { cwd: root }).status, 0);
  });

  it('reports a YAML syntax error as invalid-yaml on its line, without the members it hid reported missing', () => {
    // The unterminated quote swallows AlgorithmSpecification and every member after it.
    const text = 'TrainingJobName: demo\nRoleArn: "arn:aws:iam::123456789012:role/R\nAlgorithmSpecification:\n  TrainingInputMode: File\n';
    const root = tempProject({ 'train.sagemaker.yaml': text });
    const run = runCli(['check', '--format', 'json', 'train.sagemaker.yaml'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const [result] = results(run.stdout);
    assert.deepEqual(result.findings.map((finding) => finding.code), ['invalid-yaml']);
    // At the quote that opens the string running to the end (where the parser's error, at the end of the text, cannot be seen).
    assert.deepEqual([result.findings[0].line, result.findings[0].column], [2, 10]);
  });

  it('fails an AWS CLI input the AWS CLI v2 refuses: `yes` and `on` for booleans, an empty value (its reading: YAML 1.2)', () => {
    const model = 'ModelName: m\nExecutionRoleArn: arn:aws:iam::123456789012:role/R\nPrimaryContainer:\n  Image: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1\nEnableNetworkIsolation: yes\n';
    const config = 'EndpointConfigName: c\nProductionVariants:\n  - {VariantName: all, ModelName: m, InstanceType: ml.c5.xlarge, InitialInstanceCount: 2}\nDataCaptureConfig:\n  EnableCapture: on\n  InitialSamplingPercentage: 20\n  DestinationS3Uri: s3://b/capture\n  CaptureOptions:\n    - CaptureMode: Input\n';
    const root = tempProject({ 'stack.sagemaker.yaml': `${model}---\n${config}`, 'model.sagemaker.yaml': model.replace('EnableNetworkIsolation: yes', 'EnableNetworkIsolation:') });
    const run = runCli(['check', '--region', 'us-east-1', '--format', 'json', 'stack.sagemaker.yaml', 'model.sagemaker.yaml'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      results(run.stdout).map((result) => result.findings.map((finding) => [finding.code, finding.line, finding.column])),
      [
        // The CLI loads one document: the stream's second `---` is refused too.
        [['invalid-type', 5, 25], ['invalid-yaml', 6, 1], ['invalid-type', 11, 18]],
        [['invalid-type', 5, 1]],
      ],
    );
    // The same values written as the CLI reads them, one request per file, pass.
    const fixed = tempProject({ 'model.sagemaker.yaml': model.replace(': yes', ': true'), 'config.sagemaker.yaml': config.replace(': on', ': true') });
    assert.equal(runCli(['check', '--region', 'us-east-1', 'model.sagemaker.yaml', 'config.sagemaker.yaml'], { cwd: fixed }).status, 0);
  });

  it('honours # sagemaker-spec-disable-next-line in YAML', () => {
    const text = example('broken-invalid-enum-value.sagemaker.yaml').replace('  TrainingInputMode: Fil', '  # sagemaker-spec-disable-next-line invalid-enum-value -- fixed upstream\n  TrainingInputMode: Fil');
    const root = tempProject({ 'train.sagemaker.yml': text });
    const run = runCli(['check', '--format', 'json', 'train.sagemaker.yml'], { cwd: root });
    assert.equal(run.status, 0, run.stdout);
  });
});
