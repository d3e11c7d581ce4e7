// `.sagemaker-spec.json` in the editor: it wins over the workspace settings (so the editor and the
// command-line checker agree), and creating, changing or deleting one updates open diagnostics.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, FIXTURE_WORKSPACE, openFixture, ourDiagnostics, waitForDiagnostics } from './helpers';

function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) => {
      const code = diagnostic.code;
      return `${typeof code === 'object' && code !== null ? String(code.value) : String(code)}:${vscode.DiagnosticSeverity[diagnostic.severity]}`;
    })
    .sort();
}

describe('.sagemaker-spec.json in the editor', () => {
  // A folder made by the test, so a config file can come and go without touching committed fixtures.
  const liveFolder = path.join(FIXTURE_WORKSPACE, 'project-config-live');

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(liveFolder, { recursive: true, force: true });
  });

  it('wins over the workspace settings: its region and its rule severity apply', async () => {
    // User settings say us-east-1 (no mismatch) and latest-tag is a warning by default.
    const { document } = await openFixture('project-config/latest-tag.sagemaker.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length === 2, { what: 'the config file\'s findings' });
    assert.deepEqual(summary(diagnostics), ['image-region-mismatch:Error', 'latest-tag:Error']);
  });

  it('takes the region of the last matching "overrides" entry', async () => {
    fs.mkdirSync(path.join(liveFolder, 'eu'), { recursive: true });
    // The spec's image is in us-east-1.
    const spec = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'project-config', 'latest-tag.sagemaker.json'), 'utf8');
    fs.writeFileSync(path.join(liveFolder, 'eu', 'override.sagemaker.json'), spec);
    const config = path.join(liveFolder, '.sagemaker-spec.json');
    fs.writeFileSync(config, '{"region": "us-east-1", "overrides": [{"files": ["eu/**"], "region": "eu-west-1"}]}');
    try {
      const { document } = await openFixture('project-config-live/eu/override.sagemaker.json');
      await waitForDiagnostics(document.uri, (found) => summary(found).join() === 'image-region-mismatch:Error,latest-tag:Warning', { what: 'the override region' });
      fs.writeFileSync(config, '{"region": "eu-west-1", "overrides": [{"files": ["eu/**"], "region": "eu-west-1"}, {"files": ["eu/override.*"], "region": "us-east-1"}]}');
      await waitForDiagnostics(document.uri, (found) => summary(found).join() === 'latest-tag:Warning', { what: 'the last matching override' });
    } finally {
      fs.rmSync(config, { force: true });
    }
  });

  it('applies a config file as soon as it is created, changed or deleted', async () => {
    fs.mkdirSync(liveFolder, { recursive: true });
    const spec = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'project-config', 'latest-tag.sagemaker.json'), 'utf8');
    fs.writeFileSync(path.join(liveFolder, 'job.sagemaker.json'), spec);
    const config = path.join(liveFolder, '.sagemaker-spec.json');
    const { document } = await openFixture('project-config-live/job.sagemaker.json');
    const uri = document.uri;

    await waitForDiagnostics(uri, (found) => summary(found).join() === 'latest-tag:Warning', { what: 'the default latest-tag warning' });
    fs.writeFileSync(config, '{"rules": {"latest-tag": "off"}}');
    await waitForDiagnostics(uri, (found) => found.length === 0, { what: 'latest-tag turned off by a new config file' });
    fs.writeFileSync(config, '{"rules": {"latest-tag": "error"}}');
    await waitForDiagnostics(uri, (found) => summary(found).join() === 'latest-tag:Error', { what: 'latest-tag raised by the changed config file' });
    fs.rmSync(config);
    await waitForDiagnostics(uri, (found) => summary(found).join() === 'latest-tag:Warning', { what: 'the default again after deleting the config file' });
    assert.deepEqual(summary(ourDiagnostics(uri)), ['latest-tag:Warning']);
  });
});
