/**
 * The framework rules: an image asked for by name and version (`image_uris.retrieve(...)`, a
 * framework estimator or model) checked against the catalog the way the SageMaker Python SDK's
 * `image_uris.retrieve` resolves it at run time, in the SDK's order: framework config, scope,
 * version (with the catalog's version aliases), Hugging Face base framework, py_version, region,
 * processor. Each step narrows the catalog images the call can still mean; a step whose input is
 * dynamic (`value === undefined`) narrows nothing and reports nothing, so later steps judge
 * against every image it could have meant and report only what none of them allows.
 *
 * Codes: `unknown-framework`, `image-scope-unavailable` (also a framework the SDK refuses on
 * Trainium or Graviton), `unknown-framework-version`,
 * `xgboost-unpinned`, `py-version-mismatch`, `unknown-region`, `framework-not-in-region`,
 * `image-processor-mismatch`.
 */
import { isFloatingImage, type CatalogImage } from '../catalog/catalog';
import { InstanceGpuTable } from '../catalog/instanceGpus';
import { compareVersions } from '../catalog/versions';
import { closestMatches, isClearNearest } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { FrameworkArgument, FrameworkRequest } from '../frameworkRequest';
import { isPlaceholderRegion, meantRegionNote, PLACEHOLDER_REGION_NOTE } from '../region';
import { nearestVersions } from './framework/nearestVersions';
import {
  configFramework,
  defaultScope,
  forcesGraviton,
  frameworkScopes,
  GRAVITON_FRAMEWORKS,
  INFERENCE_GRAVITON,
  instanceRunsGpu,
  instanceFamily,
  neuronConfigs,
  refusedInstanceKind,
} from './framework/sdkSelection';
import { bufferedContext, isBuffering, type BufferedFinding } from './framework/bufferedContext';
import { OPEN, targetsOf, type Target } from './framework/imageTargets';
import { baseFrameworkMissFinding } from './framework/baseFrameworkVersions';
import { pyVersionMissFinding } from './framework/pyVersions';
import { regionMissFinding } from './framework/regionMisses';
import { isPass, mergeScopedMisses, scopedPass, type ScopedFinding, type ScopedMiss, type ScopePass } from './framework/scopedMisses';
import { versionFixes, versionMissFinding } from './framework/unknownVersions';
import type { RuleContext } from './ruleContext';
import { XGBOOST_FRAMEWORK } from './xgboost';
import { newestXgboostVersion } from './xgboostPins';

const NO_GPUS = new InstanceGpuTable({ instances: {} });

/** Where the scope came from: its finding goes on that argument (or on the callee). */
interface ScopeChoice {
  scope: string;
  /** The argument that chose it (`image_scope`, or the Graviton instance type), if any. */
  argument?: FrameworkArgument;
}

/**
 * Checks one framework request against the catalog and reports through `context`. Pure: reads
 * only the request, the catalog, the target region (`context.region`, used when the request has
 * no region argument and the region is explicit) and `instanceGpus` (the SDK's GPU table; without
 * it, instance types are judged by family only). Findings go on the argument's range; a missing
 * image scope goes on `calleeRange`.
 *
 * The image is judged once per instance type it is resolved for (see `targetsOf`): a model once
 * per `deploy`, anything else on its own instance type. An instance type the file does not show
 * is judged against every config it could lead to (see `checkOpenTarget`).
 */
export function checkFrameworkRequest(context: RuleContext, request: FrameworkRequest, instanceGpus: InstanceGpuTable = NO_GPUS): void {
  const { catalog } = context;
  const frameworkArgument = request.framework;
  const framework = frameworkArgument ? frameworkArgument.value : request.impliedFramework;
  if (framework === undefined) return;
  if (catalog.imagesForFramework(framework).length === 0) {
    if (frameworkArgument) reportUnknownFramework(context, frameworkArgument);
    return;
  }
  const region = checkRegionName(context, request);
  const findings: BufferedFinding[] = [];
  // An estimator's deploy judges its constructor's arguments again, for inference, in the
  // framework of the model it builds (an SMP v2 estimator trains on pytorch-smp, serves on pytorch).
  for (const judged of request.served ? [request, request.served] : [request]) {
    findings.push(...checkAlternatives(context, judged, judged === request ? framework : (judged.impliedFramework ?? framework), region, instanceGpus));
  }
  // One fault on one token is said once, naming every scope that finds it (scopedMisses.ts).
  const said = new Set<string>();
  for (const finding of mergeScopedMisses(findings)) {
    const key = `${finding.code}|${finding.range.offset}|${finding.range.length}|${finding.message}`;
    if (said.has(key)) continue;
    said.add(key);
    context.report(finding.code, finding.message, finding.range, finding.fixes, finding.severity);
  }
}

/**
 * One request judged in `framework`'s config for each instance type it is resolved for. With
 * `alternativeFrameworks` (a config the SDK may read instead), a finding is kept only when every
 * alternative finds fault at the same range too, in `framework`'s words; its passes are kept as
 * they are, as checkOpenTarget keeps the plain config's.
 */
function checkAlternatives(context: RuleContext, request: FrameworkRequest, framework: string, region: string | undefined, gpus: InstanceGpuTable): BufferedFinding[] {
  const run = (config: string): BufferedFinding[] =>
    targetsOf(request).flatMap((target) => (target === OPEN ? checkOpenTarget(context, request, config, region, gpus) : checkKnownTarget(context, request, config, region, target, gpus)));
  const all = run(framework);
  const alternatives = (request.alternativeFrameworks ?? []).filter((config) => context.catalog.imagesForFramework(config).length > 0);
  if (alternatives.length === 0) return all;
  let kept = all.filter((finding) => !isPass(finding));
  for (const config of alternatives) {
    if (kept.length === 0) break;
    const found = run(config).filter((finding) => !isPass(finding));
    kept = kept.filter((finding) => found.some((other) => other.range.offset === finding.range.offset && other.range.length === finding.range.length));
  }
  return [...kept, ...all.filter(isPass)];
}

// ---- one target: a known instance type, or one the file does not show ----------------------

/** Which config and scope one judgement reads. */
interface Selection {
  config: string;
  /** The instance type forces `inference_graviton`. */
  graviton: boolean;
  /**
   * A version must be one the config lists: the SDK's fallback to a scope's only version (any
   * version asked gets it) does not count. For the other configs an open instance type may lead to.
   */
  strict: boolean;
  target: Target;
}

/** The SDK's one resolution for a known instance type (or none). */
function checkKnownTarget(context: RuleContext, request: FrameworkRequest, framework: string, region: string | undefined, target: Target, gpus: InstanceGpuTable): BufferedFinding[] {
  const buffer = bufferedContext(context);
  const instanceType = target.instanceType?.value;
  if (instanceType !== undefined) {
    const refused = refusedInstanceKind(framework, instanceType);
    if (refused) {
      reportRefusedInstance(buffer.context, request, framework, refused, target.instanceType!);
      return buffer.findings;
    }
  }
  const selection: Selection = {
    config: configFramework(framework, instanceType, target.inferenceTool),
    graviton: forcesGraviton(framework, instanceType),
    strict: false,
    target,
  };
  checkSelection(buffer.context, request, region, selection, gpus);
  return buffer.findings;
}

/**
 * An instance type the file does not show: the plain config is judged, and each other config the
 * instance type could lead to (Graviton for inference, Neuron) may clear it. An argument is
 * reported only when every config finds fault with it, with the plain config's words.
 */
function checkOpenTarget(context: RuleContext, request: FrameworkRequest, framework: string, region: string | undefined, gpus: InstanceGpuTable): BufferedFinding[] {
  const target: Target = {};
  const run = (selection: Selection) => {
    const buffer = bufferedContext(context);
    checkSelection(buffer.context, request, region, selection, gpus);
    return buffer.findings;
  };
  const all = run({ config: framework, graviton: false, strict: false, target });
  // The plain config's passes are kept as they are: a fix must suit the config whose words are said.
  const passes = all.filter(isPass);
  const plain = all.filter((finding) => !isPass(finding));
  if (plain.length === 0) return passes;
  const others: Selection[] = [];
  const training = request.impliedScope === 'training' || request.impliedScope === 'processing';
  if (GRAVITON_FRAMEWORKS.has(framework) && !training) others.push({ config: framework, graviton: true, strict: true, target });
  for (const config of neuronConfigs(framework)) {
    if (context.catalog.imagesForFramework(config).length > 0) others.push({ config, graviton: false, strict: true, target });
  }
  let kept = plain;
  for (const selection of others) {
    const found = run(selection).filter((finding) => !isPass(finding));
    kept = kept.filter((finding) => found.some((other) => other.range.offset === finding.range.offset && other.range.length === finding.range.length));
    if (kept.length === 0) break;
  }
  return [...kept, ...passes];
}

function reportRefusedInstance(context: RuleContext, request: FrameworkRequest, framework: string, kind: 'Trainium' | 'Graviton', argument: FrameworkArgument): void {
  if (!context.isEnabled('image-scope-unavailable')) return;
  const title = context.catalog.frameworkTitle(framework) ?? framework;
  const training = request.impliedScope === 'training' || request.imageScope?.value === 'training';
  let message: string;
  if (kind === 'Trainium') {
    const own = framework === 'huggingface'
      ? training
        ? ' or pass image_uri (a huggingface-pytorch-training-neuronx image)'
        : ' or pass image_uri (a huggingface-pytorch-inference-neuronx image), or deploy on ml.inf2'
      : ' or pass image_uri';
    message = `The SageMaker Python SDK resolves only PyTorch images on Trainium (${argument.value}) and refuses ${title} there; use PyTorch,${own}.`;
  } else {
    message = `The SageMaker Python SDK resolves only PyTorch, TensorFlow, XGBoost and scikit-learn images on Graviton (${argument.value}) and refuses ${title} there; use an x86 instance type or pass image_uri.`;
  }
  context.report('image-scope-unavailable', message, argument.range);
}

// ---- one config -----------------------------------------------------------------------------

/** The SDK's steps after the config is chosen: scope, version, base framework, py_version, region, processor. */
function checkSelection(context: RuleContext, request: FrameworkRequest, region: string | undefined, selection: Selection, gpus: InstanceGpuTable): void {
  const { catalog } = context;
  const configImages = catalog.imagesForFramework(selection.config);
  if (configImages.length === 0) return;
  const title = catalog.frameworkTitle(selection.config) ?? selection.config;
  const view: FrameworkRequest = { ...request, instanceType: selection.target.instanceType };

  const choice = chooseScope(context, view, selection, configImages);
  if (!choice) return;
  const { scope } = choice;
  // A deploy's instance type is named: the constructor's arguments are judged for it.
  // A framework processor runs the framework's training image (the SDK retrieves it with the training scope): say so.
  const processorNote = request.impliedScope === 'processing' && scope === 'training' ? ' (a processor runs the training image)' : '';
  const where = selection.target.deployed && selection.target.instanceType?.value ? `${scope} on ${selection.target.instanceType.value}` : `${scope}${processorNote}`;

  const scopeImages = configImages.filter((image) => image.scopes.includes(scope));
  const version = resolveVersion(context, view, selection, title, choice, where, scopeImages, configImages, region);
  let images = version === undefined ? scopeImages : scopeImages.filter((image) => image.version === version);
  if (version === undefined && request.version?.value !== undefined) return; // reported by resolveVersion
  const judged: Judged = { title: version === undefined ? title : `${title} ${version}`, where };
  const label = `${judged.title} (${where})`;

  images = checkBaseFramework(context, view, judged, images);
  if (images.length === 0) return;
  images = checkPyVersion(context, view, judged, images);
  if (images.length === 0) return;
  checkRegionOffered(context, view, judged, images, scopeImages, region);
  checkProcessor(context, view, label, images, gpus);
}

/** What one judgement judged, as its findings name it: `PyTorch 2.6.0` for `inference on ml.m5.large`. */
interface Judged {
  title: string;
  where: string;
}

/**
 * Reports a finding that names its scope: kept with its miss where the caller merges the
 * judgements of one token (scopedMisses.ts), said at once otherwise.
 */
function reportScoped<M extends ScopedMiss>(context: RuleContext, finding: ScopedFinding<M>): void {
  if (isBuffering(context)) context.keep(finding);
  else context.report(finding.code, finding.message, finding.range, finding.fixes);
}

/**
 * Keeps that one judgement accepted the literal `argument` for `code` (where the caller merges
 * judgements): the misses of other scopes on it then prefer only fixes this scope takes too.
 */
function keepPass(context: RuleContext, code: BufferedFinding['code'], range: BufferedFinding['range'], pass: ScopePass): void {
  if (isBuffering(context) && context.isEnabled(code)) context.keep(scopedPass(code, range, pass));
}

// ---- framework and region names ------------------------------------------------------------

function reportUnknownFramework(context: RuleContext, argument: FrameworkArgument): void {
  if (!context.isEnabled('unknown-framework')) return;
  const suggestions = closestMatches(argument.value!, context.catalog.frameworks(), 3);
  const fixes = suggestions.map((name, index) => ({
    title: `Change to "${name}"`,
    intents: [intent.replaceValue(argument.node, name)],
    preferred: index === 0 && isClearNearest(argument.value!, suggestions),
  }));
  context.report('unknown-framework', `"${argument.value}" is not a framework the SageMaker Python SDK has images for.`, argument.range, fixes);
}

/** The region to judge images in: the literal region argument, else an explicit target region. */
function checkRegionName(context: RuleContext, request: FrameworkRequest): string | undefined {
  const argument = request.region;
  if (!argument) return context.region.explicit && context.catalog.region(context.region.region) ? context.region.region : undefined;
  const name = argument.value;
  if (name === undefined || context.catalog.region(name)) return name;
  if (context.isEnabled('unknown-region')) {
    if (isPlaceholderRegion(name)) {
      context.report('unknown-region', `"${name}" is not a region with SageMaker images. ${PLACEHOLDER_REGION_NOTE}`, argument.range, []);
      return undefined;
    }
    const suggestions = closestMatches(name, context.catalog.regions().map((known) => known.name), 3);
    const clear = isClearNearest(name, suggestions);
    const fixes = suggestions.map((candidate, index) => ({
      title: `Change the region to ${candidate}`,
      intents: [intent.replaceValue(argument.node, candidate)],
      preferred: index === 0 && clear,
    }));
    context.report('unknown-region', `"${name}" is not a region with SageMaker images.${meantRegionNote(suggestions, clear)}`, argument.range, fixes);
  }
  return undefined;
}

// ---- scope ---------------------------------------------------------------------------------

/**
 * The scope the SDK reads (`_get_final_image_scope`, `_config_for_framework_and_scope`): a
 * Graviton instance forces `inference_graviton`; a config with one scope ignores what was asked;
 * otherwise `image_scope` (or the scope the class implies), else the default. Undefined when the
 * scope is unknown (dynamic) or reported.
 */
function chooseScope(context: RuleContext, request: FrameworkRequest, selection: Selection, images: readonly CatalogImage[]): ScopeChoice | undefined {
  const framework = selection.config;
  const scopes = frameworkScopes(images);
  const title = context.catalog.frameworkTitle(framework) ?? framework;
  let choice: ScopeChoice | undefined;
  if (scopes.length === 1) return { scope: scopes[0] };
  if (selection.graviton) choice = { scope: INFERENCE_GRAVITON, argument: request.instanceType };
  else if (request.imageScope) {
    if (request.imageScope.value === undefined) return undefined;
    choice = { scope: request.imageScope.value, argument: request.imageScope };
  } else if (request.impliedScope) {
    // Framework processors (SKLearnProcessor, FrameworkProcessor) run the training image.
    const implied = request.impliedScope === 'processing' && !scopes.includes('processing') ? 'training' : request.impliedScope;
    choice = { scope: implied };
  }
  else {
    const scope = defaultScope(framework, images);
    if (scope !== undefined) return { scope };
    context.report('image-scope-unavailable', `${title} needs an image_scope: ${listOf(scopes, 'or')}.`, request.calleeRange);
    return undefined;
  }
  if (scopes.includes(choice.scope)) return choice;
  if (context.isEnabled('image-scope-unavailable')) {
    const argument = choice.argument;
    const why = argument !== undefined && argument === request.instanceType ? ` (wanted on ${argument.value})` : '';
    const fixes = argument === request.imageScope && argument ? scopeFixes(argument, scopes) : [];
    context.report('image-scope-unavailable', `${title} has no ${choice.scope} images${why}; it has ${listOf(scopes, 'and')}.`, argument?.range ?? request.calleeRange, fixes);
  }
  return undefined;
}

function scopeFixes(argument: FrameworkArgument, scopes: readonly string[]): QuickFix[] {
  return scopes.map((scope, index) => ({ title: `Use scope ${scope}`, intents: [intent.replaceValue(argument.node, scope)], preferred: index === 0 }));
}

// ---- version -------------------------------------------------------------------------------

/**
 * The version key the SDK uses (`_validate_version_and_set_if_needed`, `_version_for_config`): an
 * alias maps to its version; a scope with exactly one version uses it whatever was asked. Reports
 * a version the scope lacks (`image-scope-unavailable` when another scope has it), and XGBoost's
 * floating `1`/`latest` (`xgboost-unpinned`). Undefined when the version is unknown or dynamic.
 */
function resolveVersion(
  context: RuleContext,
  request: FrameworkRequest,
  selection: Selection,
  title: string,
  choice: ScopeChoice,
  where: string,
  scopeImages: readonly CatalogImage[],
  configImages: readonly CatalogImage[],
  region: string | undefined,
): string | undefined {
  const argument = request.version;
  const typed = argument?.value;
  const versions = uniqueVersions(scopeImages);
  const framework = selection.config;
  const aliased = typed === undefined ? undefined : scopeImages.find((image) => image.aliases?.includes(typed));
  if (versions.length === 1 && !aliased && !(selection.strict && typed !== undefined && typed !== versions[0])) {
    // The SDK takes the scope's one version whatever is asked: any version written suits it.
    if (argument && typed !== undefined) keepPass(context, 'unknown-framework-version', argument.range, { where, accepts: () => true });
    return versions[0];
  }
  if (!argument && framework === XGBOOST_FRAMEWORK && request.framework && request.imageScope?.value !== undefined) {
    // No version: the SDK takes the scope's "latest" alias (`_fetch_latest_version_from_config`), XGBoost's legacy "1".
    const latest = scopeImages.find((image) => image.aliases?.includes('latest'));
    if (latest && context.catalog.isFloating(latest)) reportXgboostWithoutVersion(context, request, request.framework, choice.scope, scopeImages, region);
    return undefined;
  }
  if (!argument && request.defaultVersion && request.framework) {
    // `get_image_uri` passes its own default ("1"): XGBoost's legacy image, the only version of the others.
    const fallback = request.defaultVersion;
    const image = scopeImages.find((candidate) => candidate.version === fallback.value || candidate.aliases?.includes(fallback.value));
    if (!image) return undefined;
    if (framework === XGBOOST_FRAMEWORK && context.catalog.isFloating(image)) reportXgboostDefaultVersion(context, request, request.framework, fallback, choice.scope, scopeImages, region);
    return image.version;
  }
  if (typed === undefined || !argument) return undefined;
  const version = aliased?.version ?? (versions.includes(typed) ? typed : undefined);
  if (version !== undefined) {
    keepPass(context, 'unknown-framework-version', argument.range, { where, accepts: (value) => versions.includes(value) || scopeImages.some((image) => image.aliases?.includes(value)) });
    if (framework === XGBOOST_FRAMEWORK && context.catalog.isFloating(aliased ?? scopeImages.find((image) => image.version === version)!)) {
      reportUnpinnedXgboost(context, argument, choice.scope, scopeImages, region);
    }
    return version;
  }
  const otherScopes = frameworkScopes(configImages.filter((image) => image.version === typed || image.aliases?.includes(typed)));
  const inTargetRegion = pinnedCandidates(region === undefined ? scopeImages : inRegion(context, scopeImages, region));
  const candidates = inTargetRegion.length > 0 ? inTargetRegion : pinnedCandidates(scopeImages);
  const fixes = versionFixes(argument, nearestVersions(typed, candidates));
  if (otherScopes.length > 0) {
    // On image_scope when the call chose the scope there, else on the version.
    const scopeArgument = choice.argument !== undefined && choice.argument === request.imageScope ? choice.argument : undefined;
    const why = choice.argument !== undefined && choice.argument === request.instanceType ? ` (wanted on ${choice.argument.value})` : '';
    context.report(
      'image-scope-unavailable',
      `${title} ${typed} has no ${choice.scope} image${why}; it has ${listOf(otherScopes, 'and')}.`,
      scopeArgument?.range ?? argument.range,
      scopeArgument ? scopeFixes(scopeArgument, otherScopes) : fixes,
    );
    return undefined;
  }
  if (context.isEnabled('unknown-framework-version')) {
    reportScoped(context, versionMissFinding({ title, typed, where, candidates, argument }));
  }
  return undefined;
}

function reportUnpinnedXgboost(
  context: RuleContext,
  argument: FrameworkArgument,
  scope: string,
  scopeImages: readonly CatalogImage[],
  region: string | undefined,
): void {
  if (!context.isEnabled('xgboost-unpinned')) return;
  const pinned = pinnedNewestFirst(context, scopeImages, region).slice(0, 3);
  const fixes = pinFixes(pinned, argument.node);
  context.report(
    'xgboost-unpinned',
    `"${argument.value}" does not pin an XGBoost version: "1" and "latest" run the legacy image (XGBoost 0.72), not a version you chose. Pin a specific version such as ${pinned[0] ?? newestXgboostVersion(context.catalog, scope)} (${scope}).`,
    argument.range,
    fixes,
  );
}

/**
 * The fixes pinning XGBoost (at most the three newest of `pinned`, newest preferred): each writes
 * its version into `node`, the version argument or the call's slot for one (versionSlot). They
 * change the image the job runs, so only the user applies them.
 */
function pinFixes(pinned: readonly string[], node: FrameworkArgument['node']): QuickFix[] {
  return pinned.slice(0, 3).map((version, index) => ({ title: `Pin XGBoost ${version}`, intents: [intent.replaceValue(node, version)], preferred: index === 0, changesBehaviour: true }));
}

/**
 * `image_uris.retrieve("xgboost", …, image_scope=…)` without a version: the SDK gives the
 * scope's "latest", the legacy `1`. The fixes add `version=` (when the call has no `**kwargs`).
 */
function reportXgboostWithoutVersion(context: RuleContext, request: FrameworkRequest, framework: FrameworkArgument, scope: string, scopeImages: readonly CatalogImage[], region: string | undefined): void {
  if (!context.isEnabled('xgboost-unpinned')) return;
  const pinned = pinnedNewestFirst(context, scopeImages, region);
  const newest = pinned[0] ?? newestXgboostVersion(context.catalog, scope);
  context.report(
    'xgboost-unpinned',
    `Without a version, the SageMaker Python SDK retrieves XGBoost's "latest" ${scope} image, which is "1": the legacy image, not a pinned version. Pass version="${newest}" (or another pinned version).`,
    framework.range,
    request.versionSlot ? pinFixes(pinned, request.versionSlot) : [],
  );
}

/**
 * `get_image_uri(region, "xgboost")` without `repo_version`: the function passes its default "1",
 * the legacy image. The fixes add `repo_version=` to the call.
 */
function reportXgboostDefaultVersion(
  context: RuleContext,
  request: FrameworkRequest,
  framework: FrameworkArgument,
  fallback: NonNullable<FrameworkRequest['defaultVersion']>,
  scope: string,
  scopeImages: readonly CatalogImage[],
  region: string | undefined,
): void {
  if (!context.isEnabled('xgboost-unpinned')) return;
  const pinned = pinnedNewestFirst(context, scopeImages, region);
  const newest = pinned[0] ?? newestXgboostVersion(context.catalog, scope);
  context.report(
    'xgboost-unpinned',
    `Without ${fallback.parameter}, ${fallback.function} asks for XGBoost's "${fallback.value}" ${scope} image: the legacy image (XGBoost 0.72), not a pinned version. Pass ${fallback.parameter}="${newest}" (or another pinned version).`,
    framework.range,
    request.versionSlot ? pinFixes(pinned, request.versionSlot) : [],
  );
}

/** The pinned versions of `scopeImages` served in `region` (any region when unknown), newest first: what XGBoost pinning suggests. */
function pinnedNewestFirst(context: RuleContext, scopeImages: readonly CatalogImage[], region: string | undefined): string[] {
  const offered = region === undefined ? scopeImages : inRegion(context, scopeImages, region);
  return pinnedCandidates(offered).sort((a, b) => compareVersions(b, a));
}

/** Versions worth suggesting: never a floating one (XGBoost's `1`). */
function pinnedCandidates(images: readonly CatalogImage[]): string[] {
  return uniqueVersions(images.filter((image) => !isFloatingImage(image)));
}

// ---- Hugging Face base framework -----------------------------------------------------------

/**
 * Hugging Face nests each transformers version by base framework (`pytorch2.5.1`); the SDK maps
 * `pytorch2.5` to it through the version's own aliases, which the catalog does not keep: a
 * major.minor that names exactly one base version of the transformers version stands for it.
 */
function checkBaseFramework(context: RuleContext, request: FrameworkRequest, judged: Judged, images: CatalogImage[]): CatalogImage[] {
  const bases = [...new Set(images.map((image) => image.baseFramework).filter((base): base is string => base !== undefined))];
  const argument = request.baseFrameworkVersion;
  if (bases.length === 0 || !argument || argument.value === undefined) return images;
  const kind = argument.baseFramework;
  const typed = argument.value.startsWith(kind) ? argument.value.slice(kind.length) : argument.value;
  const full = `${kind}${typed}`;
  let match = bases.find((base) => base === full);
  if (!match && /^\d+\.\d+$/.test(typed)) {
    const expanded = bases.filter((base) => base.startsWith(`${full}.`));
    if (expanded.length === 1) match = expanded[0];
  }
  if (match) {
    keepPass(context, 'unknown-framework-version', argument.range, { where: judged.where, accepts: (value) => bases.includes(`${kind}${value}`) });
    return images.filter((image) => image.baseFramework === match);
  }
  if (context.isEnabled('unknown-framework-version')) {
    const sameKind = bases.filter((base) => base.startsWith(kind)).map((base) => base.slice(kind.length)).sort((a, b) => compareVersions(b, a));
    const offered = bases.map((base) => base.replace(/^(pytorch|tensorflow)/, '$1 ')).join(', ');
    // A fix writes the argument's own form: `2.5.1` for pytorch_version, `pytorch2.5.1` for base_framework_version.
    const written = argument.value.startsWith(kind) ? kind : '';
    reportScoped(context, baseFrameworkMissFinding({ ...judged, candidates: sameKind, kind, typed, offered, written, argument }));
  }
  return [];
}

// ---- py_version ----------------------------------------------------------------------------

/** `_validate_py_version_and_set_if_needed`: a version without py_versions ignores the argument. */
function checkPyVersion(context: RuleContext, request: FrameworkRequest, judged: Judged, images: CatalogImage[]): CatalogImage[] {
  const offered = [...new Set(images.flatMap((image) => image.pyVersions ?? []))].sort((a, b) => compareVersions(b, a));
  const argument = request.pyVersion;
  if (!argument || argument.value === undefined) return images;
  if (offered.length === 0) {
    keepPass(context, 'py-version-mismatch', argument.range, { where: judged.where, accepts: () => true });
    return images;
  }
  const typed = argument.value;
  if (offered.includes(typed)) {
    keepPass(context, 'py-version-mismatch', argument.range, { where: judged.where, accepts: (value) => offered.includes(value) });
    return images.filter((image) => image.pyVersions?.includes(typed) ?? true);
  }
  if (context.isEnabled('py-version-mismatch')) reportScoped(context, pyVersionMissFinding({ ...judged, candidates: offered, typed, argument }));
  return [];
}

// ---- region --------------------------------------------------------------------------------

function checkRegionOffered(
  context: RuleContext,
  request: FrameworkRequest,
  judged: Judged,
  images: readonly CatalogImage[],
  scopeImages: readonly CatalogImage[],
  region: string | undefined,
): void {
  if (region === undefined || !context.isEnabled('framework-not-in-region')) return;
  // The versions this region does have, as fixes on a literal version argument.
  const version = request.version?.value === undefined ? undefined : { ...request.version, value: request.version.value };
  const here = version ? pinnedCandidates(inRegion(context, scopeImages, region)) : [];
  const range = request.region?.range ?? version?.range ?? request.calleeRange;
  if (inRegion(context, images, region).length > 0) {
    keepPass(context, 'framework-not-in-region', range, { where: judged.where, accepts: (value) => here.includes(value) });
    return;
  }
  const elsewhere = [...new Set(images.flatMap((image) => [...context.catalog.accountsOf(image).keys()]))].sort();
  // Name regions of the same partition first: nobody moves a job from il-central-1 to cn-north-1.
  const partition = context.catalog.partition(region);
  const samePartition = elsewhere.filter((name) => context.catalog.partition(name) === partition);
  const place = request.region ? ` in ${region}` : ` in the target region ${region}`;
  reportScoped(context, regionMissFinding({
    ...judged,
    candidates: here,
    region,
    place,
    elsewhere: samePartition.length > 0 ? samePartition : elsewhere,
    version,
    range,
  }));
}

function inRegion(context: RuleContext, images: readonly CatalogImage[], region: string): CatalogImage[] {
  return images.filter((image) => context.catalog.accountFor(image, region) !== undefined);
}

// ---- processor -----------------------------------------------------------------------------

/**
 * `_processor`: the instance type asks for `gpu` or `cpu`, which the image must list. Only judged
 * when every image lists CPU/GPU processors only (Neuron images name their own) and the instance
 * type's family is not itself a processor of the image (`c5`-style optimised images).
 */
function checkProcessor(context: RuleContext, request: FrameworkRequest, label: string, images: readonly CatalogImage[], gpus: InstanceGpuTable): void {
  const argument = request.instanceType;
  const instanceType = argument?.value;
  if (!argument || instanceType === undefined || !context.isEnabled('image-processor-mismatch')) return;
  if (images.some((image) => !image.processors?.length)) return; // the SDK ignores the instance type
  const processors = [...new Set(images.flatMap((image) => image.processors ?? []))];
  if (processors.some((processor) => processor !== 'cpu' && processor !== 'gpu')) return;
  if (processors.includes(instanceFamily(instanceType))) return;
  const runsGpu = instanceRunsGpu(instanceType, gpus);
  if (runsGpu === undefined || processors.includes(runsGpu ? 'gpu' : 'cpu')) return;
  const message = runsGpu
    ? `${instanceType} has GPUs, but ${label} is built for CPUs only; use a CPU instance type (ml.m*, ml.c*).`
    : `${instanceType} has no GPU, but ${label} is built for GPUs only; use a GPU instance type (ml.g*, ml.p*).`;
  context.report('image-processor-mismatch', message, argument.range);
}

// ---- helpers -------------------------------------------------------------------------------

function uniqueVersions(images: readonly CatalogImage[]): string[] {
  return [...new Set(images.map((image) => image.version))];
}

/** `a, b or c` */
function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
