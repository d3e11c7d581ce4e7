/**
 * `.sagemaker-spec.json`: the project's own settings, read by the command-line checker and the
 * editor alike, so CI and the editor show the same findings. Members mean what the
 * `sagemakerSpec.*` settings mean:
 *
 *     { "region": "eu-west-1", "rules": { "latest-tag": "error" }, "files": ["jobs/*.json"] }
 *
 * `files` globs are relative to the folder holding the file. Parsing and merging are pure; finding
 * the file on disk is src/node/projectConfigFiles.ts.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SeveritySetting } from './findings';
import { RULES, type RuleSettings } from './rules/ruleCodes';
import { LineIndex } from './textPositions';

export const PROJECT_CONFIG_FILE = '.sagemaker-spec.json';

/** Files that are always specs when neither the settings nor a config file say otherwise. */
export const DEFAULT_SPEC_GLOBS: readonly string[] = ['**/*.sagemaker.json', '**/*.sagemaker.jsonc'];

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface ProjectConfig {
  /** Target region, as `sagemakerSpec.region` (or the checker's `--region`). */
  region?: string;
  /** Severity per code, as `sagemakerSpec.rules`. */
  rules?: RuleSettings;
  /** Globs of files that are always specs, as `sagemakerSpec.files`. */
  files?: string[];
}

export type ParsedProjectConfig = { ok: true; config: ProjectConfig } | { ok: false; problem: string };

const MEMBERS = ['region', 'rules', 'files'];

/** Reads the text of a config file; JSONC (comments, trailing commas) like VS Code's settings. */
export function parseProjectConfig(text: string): ParsedProjectConfig {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const position = new LineIndex(text).positionAt(errors[0].offset);
    return invalid(`${printParseErrorCode(errors[0].error)} at line ${position.line + 1}, column ${position.character + 1}`);
  }
  if (!isPlainObject(value)) return invalid('expected an object like {"region": …, "rules": {…}, "files": […]}');
  const config: ProjectConfig = {};
  for (const [member, memberValue] of Object.entries(value)) {
    switch (member) {
      case 'region':
        if (typeof memberValue !== 'string' || memberValue.trim() === '') return invalid('"region" must be a non-empty string such as "us-east-1"');
        config.region = memberValue.trim();
        break;
      case 'rules': {
        if (!isPlainObject(memberValue)) return invalid('"rules" must be an object of code → severity');
        const rules: Record<string, SeveritySetting> = {};
        for (const [code, severity] of Object.entries(memberValue)) {
          const problem = ruleSettingProblem(code, severity);
          if (problem) return invalid(`"rules": ${problem}`);
          rules[code] = severity as SeveritySetting;
        }
        config.rules = rules;
        break;
      }
      case 'files':
        if (!Array.isArray(memberValue) || !memberValue.every((glob) => typeof glob === 'string' && glob.trim() !== '')) {
          return invalid('"files" must be an array of glob strings');
        }
        config.files = memberValue as string[];
        break;
      default:
        return invalid(`unknown member "${member}" (expected ${MEMBERS.map((name) => `"${name}"`).join(', ')})`);
    }
  }
  return { ok: true, config };
}

/** Why `code: severity` is not a valid rule setting, or undefined when it is. */
export function ruleSettingProblem(code: string, severity: unknown): string | undefined {
  if (!Object.hasOwn(RULES, code)) return `unknown rule code "${code}"`;
  if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    return `"${code}": ${JSON.stringify(severity)} is not one of ${SEVERITY_SETTINGS.join(', ')}`;
  }
  return undefined;
}

/**
 * Layers settings, later layers winning: a region or `files` replaces the earlier one, `rules`
 * merge code by code. The checker layers defaults < config file < command line; the editor
 * layers workspace settings < config file.
 */
export function mergeProjectConfigs(...layers: (ProjectConfig | undefined)[]): ProjectConfig {
  const merged: ProjectConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.region !== undefined) merged.region = layer.region;
    if (layer.files !== undefined) merged.files = layer.files;
    if (layer.rules !== undefined) merged.rules = { ...merged.rules, ...layer.rules };
  }
  return merged;
}

function invalid(problem: string): ParsedProjectConfig {
  return { ok: false, problem };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
