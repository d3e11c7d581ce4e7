/**
 * Typed access to the `sagemakerSpec.*` settings, with the defaults declared in package.json.
 */
import * as vscode from 'vscode';
import type { RuleSettings } from '../core/rules/ruleCodes';

export const SECTION = 'sagemakerSpec';
export const DEFAULT_SPEC_GLOBS = ['**/*.sagemaker.json', '**/*.sagemaker.jsonc'];

export interface Settings {
  region: string | undefined;
  profile: string | undefined;
  files: string[];
  rules: RuleSettings;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const text = (key: string) => {
    const value = config.get<string>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const files = config.get<unknown>('files');
  const rules = config.get<unknown>('rules');
  return {
    region: text('region'),
    profile: text('profile'),
    files: Array.isArray(files) ? files.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_SPEC_GLOBS,
    rules: rules && typeof rules === 'object' ? (rules as RuleSettings) : {},
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
