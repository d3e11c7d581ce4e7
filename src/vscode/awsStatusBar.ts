/**
 * A status-bar item showing the AWS profile and region a spec would go to; clicking it picks
 * either, from the profiles of the AWS config and credentials files and the catalog's regions.
 */
import * as vscode from 'vscode';
import { listProfiles } from '../core/awsConfigFile';
import { redactSecrets } from '../core/launch/redact';
import { awsConfigPath, awsCredentialsPath, readTextIfPresent } from '../node/awsConfigFiles';
import type { AwsAccess } from './awsAccess';
import type { Prompter } from './prompter';
import { SECTION } from './settings';
import type { SpecAnalysis } from './specAnalysis';

export const PICK_PROFILE_OR_REGION_COMMAND = 'sagemakerSpec.pickProfileOrRegion';

export class AwsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sagemakerSpec.awsTarget', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly analysis: SpecAnalysis, private readonly access: AwsAccess) {
    this.item.name = 'SageMaker profile and region';
    this.item.command = PICK_PROFILE_OR_REGION_COMMAND;
  }

  /** Shown only while a spec is the active editor. */
  update(editor: vscode.TextEditor | undefined): void {
    const served = editor && this.analysis.documents.get(editor.document);
    if (!editor || !served?.spec.kind) {
      this.item.hide();
      return;
    }
    const target = this.access.targetForSpec(editor.document, served.spec);
    this.item.text = `$(cloud) ${target.profile} · ${target.region}`;
    this.item.tooltip = `SageMaker Spec sends this ${served.spec.kind} with profile "${target.profile}" to ${target.region}${target.endpointUrl ? ` via ${redactSecrets(target.endpointUrl)}` : ''}. Click to change.`;
    this.item.show();
  }

  /** The item's text, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

export async function pickProfileOrRegion(prompter: Prompter, analysis: SpecAnalysis): Promise<void> {
  const what = await prompter.pick(
    [
      { label: '$(account) Change AWS profile…', value: 'profile' as const },
      { label: '$(globe) Change region…', value: 'region' as const },
    ],
    'SageMaker Spec: profile and region (user settings)',
  );
  const config = vscode.workspace.getConfiguration(SECTION);
  if (what === 'profile') {
    const profiles = listProfiles(readTextIfPresent(awsConfigPath()), readTextIfPresent(awsCredentialsPath()));
    const names = profiles.length > 0 ? profiles : ['default'];
    const picked = await prompter.pick(names.map((name) => ({ label: name, value: name })), 'AWS profile for SageMaker Spec');
    if (picked) await config.update('profile', picked, vscode.ConfigurationTarget.Global);
  } else if (what === 'region') {
    const regions = analysis.catalog.regions().map((region) => ({ label: region.name, description: region.partition, value: region.name }));
    const picked = await prompter.pick([{ label: 'Automatic', description: 'environment, profile, then the spec', value: '' }, ...regions], 'Target region for SageMaker Spec');
    if (picked !== undefined) await config.update('region', picked, vscode.ConfigurationTarget.Global);
  }
}
