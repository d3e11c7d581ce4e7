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

  it('honours # sagemaker-spec-disable-next-line in YAML', () => {
    const text = example('broken-invalid-enum-value.sagemaker.yaml').replace('  TrainingInputMode: Fil', '  # sagemaker-spec-disable-next-line invalid-enum-value -- fixed upstream\n  TrainingInputMode: Fil');
    const root = tempProject({ 'train.sagemaker.yml': text });
    const run = runCli(['check', '--format', 'json', 'train.sagemaker.yml'], { cwd: root });
    assert.equal(run.status, 0, run.stdout);
  });
});
