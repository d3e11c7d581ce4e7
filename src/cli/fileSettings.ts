/**
 * The settings that apply to one file: command-line flags over the nearest `.sagemaker-spec.json`
 * over the defaults — the same layering the editor does with its settings and that file.
 *
 * `files` globs from a config file are relative to its folder; the default globs (`**` first)
 * match anywhere, as `sagemakerSpec.files` does in the editor. Globs are matched by
 * core/specGlobs (VS Code's glob syntax, in linear time), as a config file comes with the
 * repository and must not be able to stall the run.
 *
 * What folders and globs skip comes from the same layers: `--exclude` patterns (relative to the
 * working folder), then the `exclude` patterns of the config file nearest to the path asked about
 * (relative to that file's folder); see core/excludePatterns.ts.
 */
import * as path from 'node:path';
import { compileExcludePatterns, type ExcludeMatcher } from '../core/excludePatterns';
import { configForFile, DEFAULT_SPEC_GLOBS, mergeProjectConfigs, overrideEntryName, type ProjectConfig } from '../core/projectConfig';
import type { RuleSettings } from '../core/rules/ruleCodes';
import { compileGlobs, type PathMatcher } from '../core/specGlobs';
import { CdkManifests } from '../node/cdkManifests';
import { ConfigExcludes, excludedBelow } from '../node/configExcludes';
import { ProjectConfigFiles, type FoundProjectConfig } from '../node/projectConfigFiles';
import { CliError } from './cliError';
import { pathInside, toPosix } from './paths';

export interface FileSettings {
  /** The explicit target region (`--region`, else the config file's `overrides` entry or `region`), as `sagemakerSpec.region`. */
  region: string | undefined;
  /** Where `region` came from, for messages: `--region` or the config file (`.sagemaker-spec.json "region"`). */
  regionSettingName?: string;
  /**
   * The regions its templates are deployed to (`--template-region`s, else the config file's
   * `templateRegions`); see templateRegion. For a CDK stack pinned to a region (its
   * `manifest.json` beside it), that region alone.
   */
  templateRegions?: readonly string[];
  /** Where `templateRegions` came from, for messages: `--template-region` or the config file. */
  templateRegionsName?: string;
  rules: RuleSettings;
  /** The file matches the `files` globs: a spec even when its kind cannot be told. */
  forcedSpec: boolean;
  /** The file is a stack's template that the CDK manifest beside it lists (AnalyzeOptions.cdkStackTemplate). */
  cdkStackTemplate?: boolean;
}

type Matcher = PathMatcher;

export class FileSettingsResolver {
  private readonly configs: ProjectConfigFiles;
  private readonly defaultMatcher = anywhereMatcher(DEFAULT_SPEC_GLOBS);
  /** Each config file's compiled `files` globs. */
  private readonly configMatchers = new Map<string, Matcher>();
  /** The config files' `exclude` patterns (shared with the editor's Check Workspace). */
  private readonly configExcludes: ConfigExcludes;
  private readonly commandLineExcludes: { matches: ExcludeMatcher; cwd: string };
  private readonly cdkManifests = new CdkManifests();
  /** Notes already given (each once per run). */
  private readonly noted = new Set<string>();

  /**
   * `knownRegions`: the catalog's regions; a config file's `region` must be one of them.
   * `exclude`: the `--exclude` patterns, relative to `cwd` (checked by the argument parser).
   * `onNote`: told, once each, of what the user should know about the settings a file gets (a
   * CDK manifest that cannot be read).
   */
  constructor(
    private readonly overrides: ProjectConfig,
    knownRegions: readonly string[],
    exclude: { patterns: readonly string[]; cwd: string } = { patterns: [], cwd: '/' },
    private readonly onNote: (note: string) => void = () => undefined,
  ) {
    this.configs = new ProjectConfigFiles({ knownRegions });
    this.configExcludes = new ConfigExcludes(this.configs);
    this.commandLineExcludes = { matches: compileExcludePatterns(exclude.patterns), cwd: exclude.cwd };
  }

  /** Throws CliError when the config file that applies is invalid. */
  forFile(file: string): FileSettings {
    const found = this.validConfigIn(path.dirname(file));
    const fromFile = found?.parsed.ok ? found.parsed.config : undefined;
    // The file's `overrides` entries set its region and rules; `--region` and `--rule` still win.
    const relative = found && fromFile?.overrides ? pathInside(found.dir, file) : undefined;
    const forThisFile = fromFile && configForFile(fromFile, relative);
    const override = forThisFile?.regionOverride;
    const listOverride = forThisFile?.templateRegionsOverride;
    const merged = mergeProjectConfigs(forThisFile?.config, this.overrides);
    const isSpecFile = found && fromFile?.files ? this.configMatcher(found, fromFile.files) : this.defaultMatcher;
    const configName = found && path.basename(found.file);
    const regionSettingName = this.overrides.region
      ? '--region'
      : override
        ? overrideEntryName(configName!, override)
        : merged.region && configName
          ? `${configName} "region"`
          : undefined;
    const templateRegionsName = this.overrides.templateRegions ? '--template-region' : listOverride ? overrideEntryName(configName!, listOverride) : `${configName} "templateRegions"`;
    // A CDK stack pinned to a region is deployed there, whatever the flags and the config say (see core/cdkManifest.ts).
    const pinned = this.cdkManifests.stackOf(file);
    if (!pinned) this.noteOnce(this.cdkManifests.problemOf(file));
    const templateRegions = pinned
      ? { templateRegions: [pinned.stack.region], templateRegionsName: pinned.regionName }
      : merged.templateRegions && { templateRegions: merged.templateRegions, templateRegionsName };
    // Listed in the manifest, pinned or not: what `cdk synth` wrote, whatever the template says of itself.
    const cdkStackTemplate = this.cdkManifests.listsTemplate(file);
    return { region: merged.region, regionSettingName, ...templateRegions, rules: merged.rules ?? {}, forcedSpec: isSpecFile(file), ...(cdkStackTemplate && { cdkStackTemplate }) };
  }

  private noteOnce(note: string | undefined): void {
    if (note === undefined || this.noted.has(note)) return;
    this.noted.add(note);
    this.onNote(note);
  }

  /**
   * The config file that applies to files in `folder`, if any. Every config file the run reads,
   * for a file's settings or for what folders and globs skip, is validated here: one that is
   * invalid ends the run (CliError, exit 2), never silently excludes nothing or applies nothing.
   */
  private validConfigIn(folder: string): FoundProjectConfig | undefined {
    const found = this.configs.nearest(folder);
    if (found && !found.parsed.ok) throw new CliError(`invalid config ${found.file}: ${found.parsed.problem}`);
    return found;
  }

  /**
   * True when `file` matches the spec globs that apply to it, for folder expansion.
   * @throws CliError when its config file is invalid.
   */
  isSpecFile(file: string): boolean {
    const found = this.validConfigIn(path.dirname(file));
    const files = found?.parsed.ok ? found.parsed.config.files : undefined;
    return found && files ? this.configMatcher(found, files)(file) : this.defaultMatcher(file);
  }

  /**
   * True when folders and globs skip the file or folder at `file` (absolute): `--exclude`
   * matches it, or the `exclude` of the config file nearest to it (for a folder: nearest to the
   * folder holding it).
   * @throws CliError when that config file is invalid: its `exclude` cannot be told (a typo in
   * the root config, say, while every checked file sits under a nested one).
   */
  isExcluded(file: string, isFolder: boolean): boolean {
    if (excludedBelow(this.commandLineExcludes.cwd, this.commandLineExcludes.matches, file, isFolder)) return true;
    this.validConfigIn(path.dirname(file));
    return this.configExcludes.isExcluded(file, isFolder);
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
  const isMatch = compileGlobs(globs);
  return (file) => {
    const relative = pathInside(base, file);
    return relative !== undefined && isMatch(relative);
  };
}

/** Globs matched against the whole path, so the default `**` globs match in any folder. */
function anywhereMatcher(globs: readonly string[]): Matcher {
  const isMatch = compileGlobs(globs);
  return (file) => isMatch(toPosix(path.resolve(file)));
}
