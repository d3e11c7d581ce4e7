// Updates the in-repository copy of the SageMaker Python SDK's image configs (reference/) from a
// local clone of aws/sagemaker-python-sdk, records the clone's HEAD commit and date, and
// regenerates the data files (what `npm run generate` writes).
//
//   node scripts/refresh-reference.mjs <sdk-clone> [--root <repository root>]
//
// The configs are read from the SDK's v3 layout (sagemaker-core/src/sagemaker/core/image_uri_config/)
// or, in an older clone, the v2 one (src/sagemaker/image_uri_config/). Nothing in the repository is
// touched until the new configs have gone through both generators: a layout the generator does not
// know throws first, and the reference copy and data/ stay as they were.
// .github/workflows/refresh-catalog.yml runs this weekly and opens a pull request with the result.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApiModel } from './generate-api-model.mjs';
import { generateAlgorithms } from './generate-algorithms.mjs';
import { generateAll } from './generate-catalog.mjs';
import { invokedDirectly } from './lib/invoked-directly.mjs';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const defaultRoot = path.resolve(scriptDir, '..');

/** Config folders inside the SDK repository, newest layout first. */
export const SDK_CONFIG_DIRS = ['sagemaker-core/src/sagemaker/core/image_uri_config', 'src/sagemaker/image_uri_config'];

/** Generator inputs that do not come from the SDK; carried over into the staging folder as they are. */
const OTHER_INPUTS = ['docs-registry-paths.csv', 'sagemaker-api', 'builtin-algorithms'];

function git(dir, ...args) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

/** `aws/sagemaker-python-sdk` from a GitHub remote URL (https or ssh); the default otherwise. */
function repositoryOf(sdkDir) {
  let url = '';
  try {
    url = git(sdkDir, 'remote', 'get-url', 'origin');
  } catch {
    // a clone without an `origin` remote (as in the tests): keep the default
  }
  const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url);
  return match ? match[1] : 'aws/sagemaker-python-sdk';
}

/**
 * Copies the SDK clone's image configs into `<root>/reference/image_uri_config/` (files that the
 * SDK no longer has are removed), writes `<root>/reference/sdk-source.json` (repository, branch,
 * HEAD commit, its ISO 8601 committer date, config folder) and rewrites `<root>/data/catalog.json`,
 * `instance-gpus.json`, `api-model.json` and (when reference/builtin-algorithms is there) `algorithms.json`. Throws, leaving `<root>` untouched, when `sdkDir` is not
 * a git work tree with one of SDK_CONFIG_DIRS, or when a generator rejects the new configs.
 * @param {{ sdkDir: string, root?: string }} options
 * @returns {{ repository: string, branch: string, commit: string, commitDate: string, configDir: string, files: string[] }}
 */
export function refreshReference({ sdkDir, root = defaultRoot }) {
  const sdk = path.resolve(sdkDir);
  const configRel = SDK_CONFIG_DIRS.find((dir) => fs.existsSync(path.join(sdk, dir)));
  if (!configRel) throw new Error(`refresh-reference: ${sdk} has none of ${SDK_CONFIG_DIRS.join(', ')}`);
  const files = fs.readdirSync(path.join(sdk, configRel)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`refresh-reference: ${path.join(sdk, configRel)} has no .json files`);
  const source = {
    repository: repositoryOf(sdk),
    branch: git(sdk, 'rev-parse', '--abbrev-ref', 'HEAD'),
    commit: git(sdk, 'rev-parse', 'HEAD'),
    commitDate: git(sdk, 'log', '-1', '--format=%cI', 'HEAD'),
    configDir: `${configRel}/`,
  };

  const reference = path.join(root, 'reference');
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-reference-'));
  try {
    // Build everything from a staging copy first, so a failing generator leaves the repository as it was.
    fs.mkdirSync(path.join(staging, 'image_uri_config'));
    for (const name of files) fs.copyFileSync(path.join(sdk, configRel, name), path.join(staging, 'image_uri_config', name));
    fs.writeFileSync(path.join(staging, 'sdk-source.json'), `${JSON.stringify(source, null, 2)}\n`);
    for (const name of OTHER_INPUTS) {
      if (fs.existsSync(path.join(reference, name))) fs.cpSync(path.join(reference, name), path.join(staging, name), { recursive: true });
    }
    const { catalog, instanceGpus } = generateAll(staging);
    const apiModel = generateApiModel(staging);
    const algorithms = fs.existsSync(path.join(staging, 'builtin-algorithms')) ? generateAlgorithms(staging) : undefined;

    fs.rmSync(path.join(reference, 'image_uri_config'), { recursive: true, force: true });
    fs.cpSync(path.join(staging, 'image_uri_config'), path.join(reference, 'image_uri_config'), { recursive: true });
    fs.copyFileSync(path.join(staging, 'sdk-source.json'), path.join(reference, 'sdk-source.json'));
    fs.mkdirSync(path.join(root, 'data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'data', 'catalog.json'), catalog);
    fs.writeFileSync(path.join(root, 'data', 'instance-gpus.json'), instanceGpus);
    fs.writeFileSync(path.join(root, 'data', 'api-model.json'), apiModel);
    if (algorithms !== undefined) fs.writeFileSync(path.join(root, 'data', 'algorithms.json'), algorithms);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { ...source, files };
}

function main() {
  let parsed;
  try {
    parsed = parseArgs({ options: { root: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    parsed = { positionals: [], error };
  }
  const root = parsed.values?.root ? path.resolve(parsed.values.root) : defaultRoot;
  if (parsed.error || parsed.positionals.length !== 1) {
    console.error('usage: node scripts/refresh-reference.mjs <sagemaker-python-sdk clone> [--root <repository root>]');
    process.exitCode = 2;
    return;
  }
  try {
    const result = refreshReference({ sdkDir: parsed.positionals[0], root });
    console.log(`reference/image_uri_config: ${result.files.length} files from ${result.repository} ${result.configDir}`);
    console.log(`SDK commit ${result.commit} (${result.commitDate}, ${result.branch}); data/ regenerated in ${root}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

if (invokedDirectly(import.meta.url)) main();
