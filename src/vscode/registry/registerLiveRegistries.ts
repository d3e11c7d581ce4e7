/**
 * Wires live registries into the editor: completion and diagnostics read their cache, "Pin to
 * digest" and "SageMaker: Sign in to Registry…" use them, settings changes reset them.
 */
import * as vscode from 'vscode';
import type { DiagnosticsController } from '../diagnostics';
import type { LaunchServices } from '../launch/services';
import type { SpecAnalysis } from '../specAnalysis';
import { LiveRegistries } from './liveRegistries';
import { PinToDigestProvider } from './pinToDigestAction';
import { RegistryCredentialStore, signInToRegistry } from './registryCredentials';

export const SIGN_IN_COMMAND = 'sagemakerSpec.signInToRegistry';

export function registerLiveRegistries(
  context: vscode.ExtensionContext,
  analysis: SpecAnalysis,
  diagnostics: DiagnosticsController,
  services: LaunchServices,
  selector: vscode.DocumentSelector,
): LiveRegistries {
  const credentials = new RegistryCredentialStore(context.secrets);
  const prompter = () => services.prompter;
  const live = new LiveRegistries(() => analysis.catalog, services.access, credentials, services.output, prompter);
  analysis.live = live;
  context.subscriptions.push(
    live,
    live.onDidChange(() => {
      analysis.invalidateAll();
      diagnostics.refreshAll();
    }),
    vscode.languages.registerCodeActionsProvider(selector, new PinToDigestProvider(analysis, live, prompter), PinToDigestProvider.metadata),
    vscode.commands.registerCommand(SIGN_IN_COMMAND, async () => {
      const host = await signInToRegistry(credentials, services.prompter);
      if (!host) return undefined;
      live.reset(host);
      services.output.line(`Signed in to ${host}; its credentials are kept in VS Code's secret storage.`);
      await services.prompter.info(`Signed in to ${host}.`);
      return host;
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sagemakerSpec.liveEcrLookups') || event.affectsConfiguration('sagemakerSpec.liveEcrAccounts')) live.settingsChanged();
      else if (event.affectsConfiguration('sagemakerSpec.registries') || event.affectsConfiguration('sagemakerSpec.profile') || event.affectsConfiguration('sagemakerSpec.endpointUrl')) live.reset();
    }),
  );
  return live;
}
