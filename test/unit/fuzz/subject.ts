/**
 * The one place the fuzz test touches the code under test: how a variant is analyzed by the core
 * (as the editor does), how the checker is run on it, and how a finding's preferred fix turns into
 * text edits. When those APIs change (fixes rendered on demand per host), only this file changes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument, readJsonDocument } from '../../../src/core/hostDocument';
import { renderFix } from '../../../src/core/renderFix';
import type { Finding, TextEdit } from '../../../src/core/findings';
import { parseSpecDocument, type SpecDocument } from '../../../src/core/specDocument';
import { runCli } from '../../../src/cli/runCli';
import { loadApiModel } from '../../../src/node/loadApiModel';
import { loadAlgorithms } from '../../../src/node/loadAlgorithms';
import { loadCatalog, loadInstanceGpus } from '../../../src/node/loadCatalog';

/** The data the CLI loads, loaded the same way (src/node/load*.ts). */
const data = { catalog: loadCatalog(), apiModel: loadApiModel(), instanceGpus: loadInstanceGpus(), algorithms: loadAlgorithms() };

/** No region from the machine: the checker runs with this environment and the core with the same. */
const NO_AWS_CONFIG = path.join(os.tmpdir(), 'sagemaker-spec-fuzz-no-aws-config');
const ENV: Record<string, string> = { AWS_CONFIG_FILE: NO_AWS_CONFIG };

export interface CoreResult {
  spec: SpecDocument;
  findings: Finding[];
}

/**
 * The core's analysis of a file named `*.sagemaker.json(c)`: a spec whatever its content
 * (`forcedSpec`), default rule settings, no region from settings or the environment.
 */
export function analyzeVariant(text: string): CoreResult {
  // As the editor does: the JSON host document of a file matching sagemakerSpec.files.
  const document = readJsonDocument(text, true);
  const spec = document.requests[0] ?? parseSpecDocument(text);
  const { findings } = analyzeDocument(document, {
    ...data,
    regionInputs: { regionSetting: undefined, env: ENV, awsConfigText: undefined },
    rules: {},
    forcedSpec: true,
  });
  return { spec, findings };
}

/** A finding as the checker's `--format json` prints it. */
export interface CheckerFinding {
  code: string;
  severity: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface CheckerResult {
  exitCode: number;
  findings: CheckerFinding[];
  stderr: string;
}

/**
 * Runs the checker in-process (`runCli`, as dist/cli.js does) with `--format json` on `file`,
 * which the caller has written. Throws what the checker throws.
 */
export function checkVariantFile(file: string): CheckerResult {
  let stdout = '';
  let stderr = '';
  const exitCode = runCli(['check', '--format', 'json', file], {
    cwd: path.dirname(file),
    env: ENV,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  if (exitCode === 2) return { exitCode, findings: [], stderr };
  const results = JSON.parse(stdout) as { findings: CheckerFinding[] }[];
  return { exitCode, findings: results.flatMap((result) => result.findings), stderr };
}

/** The edits of the fix the editor applies with one keystroke, or undefined when there is none. */
export function preferredFixEdits(spec: SpecDocument, finding: Finding): TextEdit[] | undefined {
  const fix = finding.fixes.find((candidate) => candidate.preferred);
  return fix && renderFix(spec, fix)?.edits;
}

/** A scratch folder for the checker's input files; the caller removes it. */
export function makeScratchFolder(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-fuzz-')));
}
