/**
 * Typed access to the `sagemakerSpec.*` settings, with the defaults declared in package.json,
 * merged with the nearest `.sagemaker-spec.json` (the command-line checker's config file): where
 * both set a value, the file wins, so the editor and CI report the same findings.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { redactSecrets } from '../core/launch/redact';
import { mergeProjectConfigs, PROJECT_CONFIG_FILE } from '../core/projectConfig';
import type { RuleSettings } from '../core/rules/ruleCodes';
import { ProjectConfigFiles, type FoundProjectConfig } from '../node/projectConfigFiles';

export const SECTION = 'sagemakerSpec';
export const DEFAULT_SPEC_GLOBS = ['**/*.sagemaker.json', '**/*.sagemaker.jsonc'];

export interface Settings {
  region: string | undefined;
  profile: string | undefined;
  /** Strings match anywhere (as in settings); a config file's globs are relative to its folder. */
  files: vscode.GlobPattern[];
  rules: RuleSettings;
}

/** Config files by folder, shared by every document; cleared when one changes. */
const projectConfigFiles = new ProjectConfigFiles();
const warnedInvalidConfigs = new Set<string>();

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const text = (key: string) => {
    const value = config.get<string>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const files = config.get<unknown>('files');
  const rules = config.get<unknown>('rules');
  const settings: Settings = {
    region: text('region'),
    profile: text('profile'),
    files: Array.isArray(files) ? files.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_SPEC_GLOBS,
    rules: rules && typeof rules === 'object' ? (rules as RuleSettings) : {},
  };
  return scope instanceof vscode.Uri && scope.scheme === 'file' ? withProjectConfig(settings, scope) : settings;
}

/** The settings for a file with its `.sagemaker-spec.json` layered on top: the file wins. */
function withProjectConfig(settings: Settings, file: vscode.Uri): Settings {
  const found = projectConfigFiles.nearest(path.dirname(file.fsPath));
  if (!found) return settings;
  if (!found.parsed.ok) {
    warnInvalidConfig(found, found.parsed.problem);
    return settings;
  }
  const config = found.parsed.config;
  const merged = mergeProjectConfigs({ region: settings.region, rules: settings.rules }, config);
  return {
    ...settings,
    region: merged.region,
    rules: merged.rules ?? {},
    files: config.files ? config.files.map((glob) => new vscode.RelativePattern(found.dir, glob)) : settings.files,
  };
}

/** Once per file (until it changes): an invalid config is ignored, not silently. */
function warnInvalidConfig(found: FoundProjectConfig, problem: string): void {
  if (warnedInvalidConfigs.has(found.file)) return;
  warnedInvalidConfigs.add(found.file);
  void vscode.window.showWarningMessage(redactSecrets(`SageMaker Spec: ignoring ${found.file}: ${problem}`));
}

/** Re-reads config files when one in the workspace is created, changed or deleted. */
export function watchProjectConfigs(onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_CONFIG_FILE}`);
  const changed = () => {
    projectConfigFiles.clear();
    warnedInvalidConfigs.clear();
    onChange();
  };
  return vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
