/**
 * What a run that found nothing says about the AWS CDK's output: folders and globs skip
 * `cdk.out` (it repeats the app's assets), yet for a CDK app its synthesized templates are the
 * only files that spell out its SageMaker requests. When a skipped cdk.out would have held
 * matches, the error says how to name it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { IGNORED_FOLDER_NAMES } from '../core/filesToCheck';
import { toPosix } from './paths';

/** The AWS CDK's output folder. */
const CDK_OUTPUT = 'cdk.out';

/** How deep below a folder the hint looks for a cdk.out to name (a monorepo's `infra/cdk.out`). */
const SEARCH_DEPTH = 3;

/** The skipped folders other than cdk.out, as glob ignore patterns. */
const OTHER_SKIPPED = IGNORED_FOLDER_NAMES.filter((name) => name !== CDK_OUTPUT).map((name) => `**/${name}/**`);

/**
 * For a folder where a run found nothing: `; cdk.out … check its templates with sagemaker-spec
 * check '<path>/**\/*.template.json'` when `folder` holds a cdk.out (within SEARCH_DEPTH levels),
 * named as from `cwd`; else ''. A cdk.out named itself was walked: then .gitignore (where
 * `cdk init` puts it) or an exclude pattern skipped its files, which a glob does not filter.
 */
export function folderCdkOutputHint(folder: string, cwd: string): string {
  const named = path.basename(folder) === CDK_OUTPUT;
  return cdkOutputHint(folder, cwd, named ? 'its templates are skipped by .gitignore or an exclude pattern (cdk init puts cdk.out in .gitignore): check them with a glob,' : undefined);
}

/**
 * The hint naming the cdk.out folders at or below `folder` that hold templates (an empty one,
 * before the first synth, has nothing to name): `reason` before the command, else that folders
 * and globs skip cdk.out. `**` takes the templates of Stages too (`cdk.out/assembly-Prod/…`).
 */
function cdkOutputHint(folder: string, cwd: string, reason: string | undefined): string {
  const outputs = cdkOutputsIn(folder, SEARCH_DEPTH).filter(holdsTemplates);
  if (outputs.length === 0) return '';
  const [first, ...others] = outputs.map((output) => {
    const relative = path.relative(cwd, output);
    return toPosix(relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? output : relative);
  });
  const more = others.length > 0 ? ` (and ${others.join(', ')})` : '';
  return `; ${reason ?? `${CDK_OUTPUT} (the AWS CDK's output) is skipped unless named: check its templates with`} sagemaker-spec check '${first}/**/*.template.json'${more}`;
}

/** True when `output` holds a synthesized template, its Stages' included. */
function holdsTemplates(output: string): boolean {
  return globSync(['**/*.template.json', '**/*.template.yaml'], { cwd: output, onlyFiles: true, dot: true, followSymbolicLinks: false, ignore: OTHER_SKIPPED }).length > 0;
}

/**
 * For a glob (`rest`, relative to its static folder `base`) that matched nothing: the hint when
 * the glob would have matched in a skipped cdk.out below `base`, or — a glob into a cdk.out
 * (`cdk.out/*.template.json`) — in its Stages' folders below; else ''.
 */
export function globCdkOutputHint(base: string, rest: string, cwd: string): string {
  const output = enclosingCdkOutput(base);
  const searched = output ? `**/${rest.replace(/^(\*\*\/)+/, '')}` : rest;
  if (globSync([searched], { cwd: base, onlyFiles: true, dot: true, followSymbolicLinks: false, ignore: OTHER_SKIPPED }).length === 0) return '';
  // A glob into a cdk.out found nothing where it looked, and matches further down: the Stages' assemblies.
  return cdkOutputHint(output ?? base, cwd, output ? "its Stages' templates are in folders below (assembly-*): check them with" : undefined);
}

/** The cdk.out folder `folder` is (or is in), if any. */
function enclosingCdkOutput(folder: string): string | undefined {
  for (let current = folder; path.dirname(current) !== current; current = path.dirname(current)) if (path.basename(current) === CDK_OUTPUT) return current;
  return undefined;
}

/** The cdk.out folders at or below `folder`, `depth` levels down at most, without entering other skipped or hidden folders. */
function cdkOutputsIn(folder: string, depth: number): string[] {
  if (path.basename(folder) === CDK_OUTPUT) return [folder];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (entry.name === CDK_OUTPUT) found.push(path.join(folder, entry.name));
    else if (depth > 1 && !IGNORED_FOLDER_NAMES.includes(entry.name) && !entry.name.startsWith('.')) found.push(...cdkOutputsIn(path.join(folder, entry.name), depth - 1));
  }
  return found.sort();
}
