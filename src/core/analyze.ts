/**
 * Runs every rule over one parsed spec. The registry and tag rules look only at the image fields
 * and a few known members, never at the whole tree, so a 1 MB spec costs little beyond its parse.
 */
import type { Node } from 'jsonc-parser';
import type { Catalog } from './catalog/catalog';
import type { Finding } from './findings';
import type { LiveLookup } from './registry/liveLookup';
import { chosenRegion, implicitRegion, resolveProfile, resolveRegion, templateRegion, type RegionInputs, type ResolvedRegion } from './region';
import { imageOccurrence } from './rules/imageOccurrence';
import { checkAlgorithms } from './rules/algorithm/algorithmRules';
import { checkUnfilledImage, checkUnfilledPartition, checkUnfilledTemplateImage, reportUnfilledPlaceholders } from './rules/unfilledPlaceholderRule';
import { checkIntegrationAction } from './rules/integrationActionRule';
import { checkIntegrationPattern } from './rules/integrationPatternRule';
import { checkJsonSyntax } from './rules/jsonSyntaxRule';
import { checkPathKeyConstants } from './rules/pathKeyConstantRule';
import { checkQueryLanguage } from './rules/queryLanguageRule';
import { checkLiveTag } from './rules/liveTagRule';
import { checkRegistry } from './rules/registryRules';
import { checkRepositoryAccess } from './rules/repositoryAccessRules';
import { checkRequest, type RequestRuleData } from './rules/requestRules';
import type { RuleSettings } from './rules/ruleCodes';
import { createRuleContext, nodeRange, type RuleContext } from './rules/ruleContext';
import { checkScope } from './rules/scopeRule';
import { checkSdkRequest } from './rules/sdkRequestRules';
import { checkTags } from './rules/tagRules';
import { checkTemplateImage, reportUnsubstituted } from './rules/templateImageRule';
import { checkCodeRegion } from './rules/codeRegionRule';
import { checkStrictJson } from './rules/strictJsonRule';
import { checkSubDefinition } from './rules/subDefinitionRule';
import { checkYamlSyntax, withoutFindingsOnErrors } from './rules/yamlSyntaxRule';
import { isDynamic, type RequestNode } from './requestTree';
import { specImageRegions, type ImageField, type SpecDocument } from './specDocument';
import { parseImageReference, type ParseResult } from './imageReference';
import { findJsoncCommentSuppressions, findSuppressions, withoutSuppressed, type Suppressions } from './suppressions';
import { checkSuppressionCodes } from './rules/suppressionRule';
import { KIND_SIGNATURES } from './specKind';

export interface AnalyzeOptions extends RequestRuleData {
  catalog: Catalog;
  /** Everything the region resolution needs except the spec's own images, which come from `spec`. */
  regionInputs: Omit<RegionInputs, 'specImageRegions'>;
  rules?: RuleSettings;
  /** True when the file matches `sagemakerSpec.files`: a spec even when its kind cannot be told. */
  forcedSpec?: boolean;
  /** Cached answers of live registries (the editor's); absent in the checker. */
  live?: LiveLookup;
  /**
   * Told of a rule that threw (a bug of ours): that rule's findings for this spec are lost, the
   * others are kept. `rule` names the rule family. The editor logs it, the checker prints it.
   */
  onInternalError?: (rule: string, error: unknown) => void;
}

export interface Analysis {
  findings: Finding[];
  region: ResolvedRegion;
}

/** The region `spec` targets (see resolveRegion); the user's own choice is read once per `regionInputs` object. */
export function regionForSpec(spec: SpecDocument, regionInputs: AnalyzeOptions['regionInputs']): ResolvedRegion {
  // A template's listed regions (templateRegions) win over any one region for it.
  const listed = spec.anyRegion ? templateRegion(regionInputs) : undefined;
  if (listed) return listed;
  if (spec.codeRegion) return resolveRegion({ ...regionInputs, specImageRegions: specImageRegions(spec), codeRegion: spec.codeRegion });
  return chosenRegion(regionInputs) ?? implicitRegion(specImageRegions(spec), resolveProfile(regionInputs.profileSetting, regionInputs.env));
}

export function analyzeSpec(spec: SpecDocument, options: AnalyzeOptions): Analysis {
  const findings: Finding[] = [];
  const region = regionForSpec(spec, options.regionInputs);
  // A table row under a key that is no region is never read by a stack: unknown-region on the key says so.
  if (spec.codeRegion?.tableKey && spec.codeRegion.region !== undefined && !options.catalog.region(spec.codeRegion.region)) return { findings, region };
  const context = createRuleContext(spec, options.catalog, region, options.rules, findings);
  const run = ruleRunner(findings, options.onInternalError);
  // A workflow or template whose errors hid its requests carries them in a request without a kind;
  // so does a workflow's first task, whether or not it is a request of ours.
  if (spec.kind || options.forcedSpec || spec.hidRequests || spec.embedding) run('invalid-json', checkJsonSyntax, context);
  if (spec.syntaxErrors) run('invalid-yaml', checkYamlSyntax, context);
  if (spec.codeRegion?.node) run('unknown-region', checkCodeRegion, context, spec.codeRegion);
  if (spec.strictJson) run('strict-json', checkStrictJson, context, spec.strictJson);
  if (spec.subDefinition) run('invalid-type', checkSubDefinition, context, spec.subDefinition);
  // A task's Resource and keys are checked even when its action is unknown (a task of no kind).
  const integration = spec.embedding?.integration;
  if (integration) {
    run('unknown-integration-action', checkIntegrationAction, context, integration);
    run('unfilled-placeholder', checkUnfilledPartition, context, integration);
    run('unsupported-integration-pattern', checkIntegrationPattern, context, integration);
  }
  const unfilled = spec.embedding?.unfilledPlaceholders;
  if (unfilled) run('unfilled-placeholder', reportUnfilledPlaceholders, context, unfilled);
  if (spec.embedding?.misplacedRequest) run('query-language-mismatch', checkQueryLanguage, context, spec.embedding.misplacedRequest);
  if (!spec.kind && !spec.imagesOnly) {
    // A document that did not parse whole may have lost the members that tell its kind.
    if (options.forcedSpec && spec.tooDeepAt === undefined && !spec.incomplete) run('unknown-spec-kind', reportUnknownKind, context, spec);
    return { findings: suppressed(spec, findings, options, region), region };
  }
  for (const field of withImageChoices(spec.images)) {
    const before = findings.length;
    checkImageField(run, context, spec, field, options);
    if (field.choice) sayChoice(spec.text, findings, before, field.choice, spec.embedding?.notes);
  }
  if (spec.kind) {
    // A request built from SDK calls is partial (the SDK writes the rest): the API model cannot judge it.
    if (!spec.sdkRequest) run('repository-access', checkRepositoryAccess, context);
    if (!spec.sdkRequest) run('api-model', checkRequest, context, options);
    const algorithms = options.algorithms;
    if (algorithms) run('algorithms', checkAlgorithms, context, algorithms, options.instanceGpus);
  }
  // What holds of a request the SDK writes from a call: the arguments it sends as they are, its image.
  if (spec.sdkRequest) run('sdk-request', checkSdkRequest, context, options);
  // Last: whether a constant under a `.$` key is valid for its member is told by the other rules' findings on it.
  if (spec.embedding?.pathKeyConstants) run('path-key-constant', checkPathKeyConstants, context, spec.embedding.pathKeyConstants, [...findings]);
  if (spec.embedding?.notes.length) noteStandIns(findings, spec.embedding.notes);
  const kept = spec.syntaxErrors ? withoutFindingsOnErrors(findings, spec.syntaxErrors) : findings;
  return { findings: suppressed(spec, kept, options, region), region };
}

/** An image field, or one judged for another value its written value may take (`choice`, see withImageChoices). */
type ChoiceField = ImageField & { choice?: Node };

/**
 * `images`, each followed by the other values its written value may take (a Pipelines parameter's
 * EnumValues besides its default; a `Std:Join` of such a parameter once per item), as fields of
 * their own for the image rules, each with its `choice`; `images` itself when there are none (no
 * copy per analysis).
 */
function withImageChoices(images: readonly ImageField[]): readonly ChoiceField[] {
  if (!images.some((field) => (field.written as RequestNode | undefined)?.choices || (field.value as RequestNode).templateChoices)) return images;
  return images.flatMap((field): ChoiceField[] => {
    const choices = (field.written as RequestNode | undefined)?.choices ?? [];
    const others = choices.filter((choice) => choice !== field.value && choice.type === 'string' && !isDynamic(choice));
    // A joined choice reads as the Join with the item's text in its part: a node of its own for the template rules.
    const joined = (field.value as RequestNode).templateChoices ?? [];
    return [
      field,
      ...others.map((choice) => ({ ...field, value: choice, parsed: parseImageReference(choice.value as string), choice })),
      ...joined.map(({ choice, template }) => ({ ...field, value: { ...field.value, template, templateChoices: undefined } as RequestNode, choice })),
    ];
  });
}

/**
 * Findings `[from, …)` of `findings` were found with `choice` in the value's place: one the value
 * already got (the same code, range and message, on a part the choice does not touch) is dropped,
 * and one outside the choice's own text says which choice it is about (inside it, noteStandIns
 * says so).
 */
function sayChoice(text: string, findings: Finding[], from: number, choice: Node, notes: NonNullable<SpecDocument['embedding']>['notes'] | undefined): void {
  if (findings.length === from) return;
  const inside = (finding: Finding) => choice.offset <= finding.offset && finding.offset + finding.length <= choice.offset + choice.length;
  const earlier = new Set(findings.slice(0, from).map((finding) => `${finding.code} ${finding.offset} ${finding.length} ${finding.message}`));
  const note = notes?.find(({ node }) => node === choice)?.note;
  const kept: Finding[] = [];
  for (const finding of findings.slice(from)) {
    if (earlier.has(`${finding.code} ${finding.offset} ${finding.length} ${finding.message}`)) continue;
    kept.push(inside(finding) || !note ? finding : { ...finding, message: `${finding.message} (With ${text.slice(choice.offset, choice.offset + choice.length)}, ${note}.)` });
  }
  findings.splice(from, findings.length - from, ...kept);
}

/** The image rules on one image field (a literal reference, or a template's static parts). */
function checkImageField(run: ReturnType<typeof ruleRunner>, context: RuleContext, spec: SpecDocument, field: ImageField, options: AnalyzeOptions): void {
  if (field.unsubstituted) {
    // The image holds `${Name}` as written: invalid, and nothing else about it is what was meant.
    run('invalid-image-reference', reportUnsubstituted, context, field.unsubstituted);
    return;
  }
  const parsed = field.parsed;
  if (!parsed) {
    const template = (field.value as RequestNode).template;
    if (template) run('template-image', checkTemplateOrUnfilledImage, context, field, template, options.algorithms);
    return;
  }
  if (!parsed.ok) {
    // `${…}` that nothing filled: said as such, and the text around it checked (not "the port must be a number").
    run('invalid-image-reference', reportInvalidOrUnfilled, context, spec, field, parsed);
    return;
  }
  const image = imageOccurrence(spec.text, field, parsed.reference);
  run('registry', checkRegistry, context, image);
  run('tags', checkTags, context, image, options.algorithms);
  run('image-scope-mismatch', checkScope, context, image);
  if (field.usage !== 'reference') run('tag-not-found', checkLiveTag, context, image, options.live);
}

/**
 * Runs one rule family, `check(...args)`; a throw costs only its own findings, never the others'.
 * The arguments are passed, not captured: a closure per family per request was a fifth of the
 * analysis's garbage on a 200-request state machine.
 */
function ruleRunner(findings: Finding[], onInternalError: AnalyzeOptions['onInternalError']) {
  return <Args extends unknown[]>(rule: string, check: (...args: Args) => void, ...args: Args): void => {
    const before = findings.length;
    try {
      check(...args);
    } catch (error) {
      findings.length = before;
      onInternalError?.(rule, error);
    }
  };
}

/** A finding on a stand-in (a pipeline parameter's DefaultValue) says so: the value it judges is written elsewhere. */
function noteStandIns(findings: Finding[], notes: NonNullable<SpecDocument['embedding']>['notes']): void {
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index];
    const on = notes.find(({ node }) => node.offset <= finding.offset && finding.offset + finding.length <= node.offset + node.length);
    if (on) findings[index] = { ...finding, message: `${finding.message} (Reported on ${on.note}.)` };
  }
}

/** JSON specs' `//` directives are read here; other hosts and workflows are read once per document (see analyzeDocument). */
function suppressed(spec: SpecDocument, findings: Finding[], options: AnalyzeOptions, region: ResolvedRegion): Finding[] {
  // An embedded request shares its document with others: analyzeDocument reads the comments once.
  if ((spec.host !== undefined && spec.host !== 'json') || spec.embedding) return findings;
  // The parse's comments, when it kept them: no second scan of the text for a directive.
  const suppressions = spec.comments ? findJsoncCommentSuppressions(spec.text, spec.comments) : findSuppressions(spec.text);
  return withDirectivesApplied(spec, findings, suppressions, options, region);
}

/**
 * `findings` without those the directives suppress, and with `invalid-suppression` for each code
 * a directive names that is no rule code (under `options.rules`; a misspelt code is not
 * suppressed by itself). `document` is the text the directives are in, as a spec (its host).
 */
export function withDirectivesApplied(document: SpecDocument, findings: Finding[], suppressions: Suppressions, options: AnalyzeOptions, region: ResolvedRegion): Finding[] {
  const kept = withoutSuppressed(document.text, findings, suppressions);
  if (suppressions.codes.length === 0) return kept;
  const reported: Finding[] = [];
  checkSuppressionCodes(createRuleContext(document, options.catalog, region, options.rules, reported), suppressions.codes);
  return reported.length === 0 ? kept : [...kept, ...reported];
}

function reportUnknownKind(context: RuleContext, spec: SpecDocument): void {
  const kinds = Object.entries(KIND_SIGNATURES).map(([kind, members]) => `${kind}: ${members}`).join('; ');
  const range = spec.root ? { offset: spec.root.offset, length: spec.root.type === 'object' ? 1 : spec.root.length } : { offset: 0, length: 0 };
  context.report('unknown-spec-kind', `Cannot tell which SageMaker request this is. The members that identify each: ${kinds}.`, range);
}

function checkTemplateOrUnfilledImage(context: RuleContext, field: ImageField, template: NonNullable<RequestNode['template']>, algorithms: AnalyzeOptions['algorithms']): void {
  if (!checkUnfilledTemplateImage(context, field, template)) checkTemplateImage(context, field, template, algorithms);
}

function reportInvalidOrUnfilled(context: RuleContext, spec: SpecDocument, field: ImageField, parsed: Extract<ParseResult, { ok: false }>): void {
  if (!checkUnfilledImage(context, field)) reportInvalidReference(context, spec, field, parsed);
}

function reportInvalidReference(context: RuleContext, spec: SpecDocument, field: ImageField, parsed: Extract<ParseResult, { ok: false }>): void {
  const occurrenceRange = nodeRange(field.value);
  // Point at the offending part when it is known, else the whole value.
  const start = Math.min(parsed.span.start, occurrenceRange.length);
  const end = Math.min(Math.max(parsed.span.end, start), occurrenceRange.length);
  const image = imageOccurrence(spec.text, field, { raw: String(field.value.value), repository: { start: 0, end: 0, text: '' } });
  const range = end > start ? image.rangeOf({ start, end }) : occurrenceRange;
  // A plain repair (a pasted scheme, a stray space, credentials) is the fix to apply.
  const { repair } = parsed;
  const fixes = repair ? [{ title: repair.title, intents: [image.replacePart(repair.span, repair.text)], preferred: true }] : [];
  context.report('invalid-image-reference', `Not a valid image reference: ${parsed.problem}.`, range, fixes);
}
