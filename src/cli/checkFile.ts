/**
 * Checks one file exactly as the editor does: the same host (JSON, Python for `.py`, Dockerfile), the same
 * parse and kind detection, the same `analyzeDocument` (rules, suppression comments), the same
 * region resolution — `--region` or the
 * config file in the role of `sagemakerSpec.region`, then AWS_REGION/AWS_DEFAULT_REGION, then the
 * profile's region in the AWS config file.
 */
import type { ApiModel } from '../core/apiModel/apiModel';
import type { Catalog } from '../core/catalog/catalog';
import type { AlgorithmTable } from '../core/algorithms/algorithmTable';
import type { InstanceGpuTable } from '../core/catalog/instanceGpus';
import type { Finding } from '../core/findings';
import { hostOfFileName, readFileDocument, type FileDocument, type FileHost } from '../core/fileHost';
import { analyzeDocument, holdsRequests, type HostDocument } from '../core/hostDocument';
import type { DefinitionFileReader } from '../core/hosts/cloudFormation/definitionFile';
import { DefinitionFiles } from '../node/definitionFiles';
import { DeployingTemplates, readAsDeployed } from '../node/deployingTemplates';
import { readSpecFile } from '../node/readSpecFile';
import * as path from 'node:path';
import { checkNotebook, isNotebookFile, type CellPosition } from './checkNotebook';
import type { FileSettings, FileSettingsResolver } from './fileSettings';

/** The data the editor's analysis uses too (data/ beside the bundle), loaded once per run. */
export interface CheckContext {
  catalog: Catalog;
  apiModel: ApiModel;
  instanceGpus: InstanceGpuTable;
  algorithms?: AlgorithmTable;
  settings: FileSettingsResolver;
  env: Readonly<Record<string, string | undefined>>;
  /** Text of the AWS config file, read once per run. */
  awsConfigText: string | undefined;
  /** The analysis; tests replace it to prove that one file's failure costs only that file. */
  analyze?: typeof analyzeDocument;
}

export interface CheckedFile {
  /** Absolute path. */
  file: string;
  text: string;
  /** False for a file with nothing of ours (JSON that is not a request, Python without SageMaker calls): no findings. */
  isSpec: boolean;
  findings: Finding[];
  /** Notebooks: where each finding (offsets into the `.ipynb` text) is in its cell. */
  cellPositions?: ReadonlyMap<Finding, CellPosition>;
}

/**
 * Reads and analyzes one file; `text`, when given, is analyzed in place of the file's own (decoded)
 * text (`--fix-dry-run`'s fixed text, standard input); `host`, when given, reads it in place of
 * the one the file's name picks (standard input told by its content).
 * @throws UnreadableFileError when the file cannot be read (see readSpecFile) or a notebook is not
 * one; CliError (exit 2) when its config file is invalid; any other error is a fault in the
 * analysis, which the caller reports per file.
 */
export function checkFile(file: string, context: CheckContext, text: string = readSpecFile(file), host?: FileHost): CheckedFile {
  const settings = context.settings.forFile(file);
  if (host === 'notebook' || (host === undefined && isNotebookFile(file))) return checkNotebook(file, text, context, settings);
  const { document, forcedSpec } = readDocument(file, text, settings.forcedSpec, host);
  if (!holdsRequests(document)) return { file, text, isSpec: false, findings: [] };
  return { file, text, isSpec: true, findings: analyzeFile(document, context, { ...settings, forcedSpec }) };
}

/** The findings of one file's document, with the run's data and the file's settings (through `context.analyze` in tests). */
export function analyzeFile(document: HostDocument, context: CheckContext, settings: FileSettings): Finding[] {
  const analyze = context.analyze ?? analyzeDocument;
  return analyze(document, {
    catalog: context.catalog,
    apiModel: context.apiModel,
    instanceGpus: context.instanceGpus,
    algorithms: context.algorithms,
    regionInputs: { regionSetting: settings.region, regionSettingName: settings.regionSettingName, templateRegions: settings.templateRegions, templateRegionsName: settings.templateRegionsName, env: context.env, awsConfigText: context.awsConfigText },
    rules: settings.rules,
    forcedSpec: settings.forcedSpec,
    cdkStackTemplate: settings.cdkStackTemplate,
  }).findings;
}

/**
 * A (non-notebook) file's text read by the host its name picks (see core/fileHost.ts) unless `host` is given, a
 * template's state machine files with it; `forcedSpec`: the file's settings matched it as a spec.
 */
export function readDocument(file: string, text: string, forcedSpec: boolean, host: FileHost = hostOfFileName(file)): FileDocument {
  const read = readFileDocument(host, file, text, forcedSpec, definitionFileReader(file));
  // A state machine file: read as deployed by the templates near it that name it.
  readAsDeployed(read.document, path.resolve(file), deployingTemplates);
  return read;
}

/** The templates that deploy state machine files, found near each and read once per change for the whole run. */
const deployingTemplates = new DeployingTemplates();

/** The state machine files templates name (`DefinitionUri`), read from disk once per change for the whole run. */
const definitionFiles = new DefinitionFiles();

/** How the template `file` reads the state machine files it names: from disk, relative to its folder. */
export function definitionFileReader(file: string): DefinitionFileReader {
  return definitionFiles.readerFor(path.resolve(file));
}
