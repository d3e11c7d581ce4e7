/**
 * The settings that apply to one file: command-line flags over the nearest `.sagemaker-spec.json`
 * over the defaults — the same layering the editor does with its settings and that file.
 *
 * `files` globs from a config file are relative to its folder; the default globs (`**` first)
 * match anywhere, as `sagemakerSpec.files` does in the editor. Globs are matched with picomatch,
 * the matcher fast-glob/tinyglobby use, so a glob means the same when expanding and when matching.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_SPEC_GLOBS, mergeProjectConfigs, type ProjectConfig } from '../core/projectConfig';
import type { RuleSettings } from '../core/rules/ruleCodes';
import { ProjectConfigFiles, type FoundProjectConfig } from '../node/projectConfigFiles';
import { CliError } from './cliError';
import { pathInside, toPosix } from './paths';

export interface FileSettings {
  /** The explicit target region (`--region` or the config file), as `sagemakerSpec.region`. */
  region: string | undefined;
  rules: RuleSettings;
  /** The file matches the `files` globs: a spec even when its kind cannot be told. */
  forcedSpec: boolean;
}

type Matcher = (file: string) => boolean;

export class FileSettingsResolver {
  private readonly configs = new ProjectConfigFiles();
  private readonly defaultMatcher = anywhereMatcher(DEFAULT_SPEC_GLOBS);
  /** Each config file's compiled `files` globs. */
  private readonly configMatchers = new Map<string, Matcher>();

  constructor(private readonly overrides: ProjectConfig) {}

  /** Throws CliError when the config file that applies is invalid. */
  forFile(file: string): FileSettings {
    const found = this.configs.nearest(path.dirname(file));
    if (found && !found.parsed.ok) {
      throw new CliError(`invalid config ${found.file}: ${found.parsed.problem}`);
    }
    const fromFile = found?.parsed.ok ? found.parsed.config : undefined;
    const merged = mergeProjectConfigs(fromFile, this.overrides);
    const isSpecFile = found && fromFile?.files ? this.configMatcher(found, fromFile.files) : this.defaultMatcher;
    return { region: merged.region, rules: merged.rules ?? {}, forcedSpec: isSpecFile(file) };
  }

  private configMatcher(config: FoundProjectConfig, globs: readonly string[]): Matcher {
    let matcher = this.configMatchers.get(config.file);
    if (!matcher) {
      matcher = relativeMatcher(globs, config.dir);
      this.configMatchers.set(config.file, matcher);
    }
    return matcher;
  }
}

/** Globs relative to `base`; files outside it never match. */
function relativeMatcher(globs: readonly string[], base: string): Matcher {
  const isMatch = picomatch([...globs], { dot: true });
  return (file) => {
    const relative = pathInside(base, file);
    return relative !== undefined && isMatch(relative);
  };
}

/** Globs matched against the whole path, so the default `**` globs match in any folder. */
function anywhereMatcher(globs: readonly string[]): Matcher {
  const isMatch = picomatch([...globs], { dot: true });
  return (file) => isMatch(toPosix(path.resolve(file)));
}
