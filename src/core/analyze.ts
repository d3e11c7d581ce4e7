/**
 * Runs every rule over one parsed spec. The registry and tag rules look only at the image fields
 * and a few known members, never at the whole tree, so a 1 MB spec costs little beyond its parse.
 */
import type { Catalog } from './catalog/catalog';
import type { Finding } from './findings';
import type { LiveLookup } from './registry/liveLookup';
import { chosenRegion, implicitRegion, regionsReadingDefault, resolveProfile, resolveRegion, templateRegion, workflowRegion, type RegionInputs, type ResolvedRegion } from './region';
import { checkAlgorithms } from './rules/algorithm/algorithmRules';
import { checkUnfilledPartition, reportUnfilledPlaceholders } from './rules/unfilledPlaceholderRule';
import { checkIntegrationAction } from './rules/integrationActionRule';
import { checkIntegrationArn } from './rules/integrationArnRule';
import { checkIntegrationPattern } from './rules/integrationPatternRule';
import { checkSubstitutedValues } from './rules/substitutedValueRule';
import { checkUndefinedSubstitutions } from './rules/undefinedSubstitutionRule';
import { checkUnescapedSubstitutions } from './rules/unescapedSubstitutionRule';
import { checkUndefinedPipelineVariables } from './rules/undefinedPipelineVariableRule';
import { checkMalformedDependsOn } from './rules/malformedDependsOnRule';
import { checkSpotTraining } from './rules/spotTrainingRule';
import { checkUndefinedPipelineSteps } from './rules/undefinedPipelineStepRule';
import { checkDefinitionFile } from './rules/definitionFileRule';
import { checkJsonSyntax } from './rules/jsonSyntaxRule';
import { checkEmptyStateMachine } from './rules/emptyStateMachineRule';
import { checkPathKeyConstants } from './rules/pathKeyConstantRule';
import { checkQueryLanguage } from './rules/queryLanguageRule';
import { checkRepositoryAccess } from './rules/repositoryAccessRules';
import { checkRequest, type RequestRuleData } from './rules/requestRules';
import type { RuleSettings } from './rules/ruleCodes';
import { createRuleContext, type RuleContext } from './rules/ruleContext';
import { ruleRunner } from './rules/ruleRunner';
import { checkImageField } from './rules/imageFieldRules';
import { sayChoice, sayStandInRegion, withImageChoices } from './rules/imageChoices';
import { checkSdkRequest } from './rules/sdkRequestRules';
import { checkCodeRegion } from './rules/codeRegionRule';
import { checkStrictJson } from './rules/strictJsonRule';
import { checkSubDefinition } from './rules/subDefinitionRule';
import { withoutDigestHintOnDockerHub } from './rules/dockerHubDigest';
import { checkYamlSyntax, withoutFindingsOnErrors } from './rules/yamlSyntaxRule';
import { specImageRegions, type SpecDocument } from './specDocument';
import { findJsoncCommentSuppressions, findSuppressions, withoutSuppressed, type Suppressions } from './suppressions';
import { checkMisplacedDirectives, checkSuppressionCodes } from './rules/suppressionRule';
import { KIND_SIGNATURES } from './specKind';
import type { Node } from 'jsonc-parser';
import { isDynamic, standInOf, type RequestNode } from './requestTree';

export interface AnalyzeOptions extends RequestRuleData {
  catalog: Catalog;
  /** Everything the region resolution needs except the spec's own images, which come from `spec`. */
  regionInputs: Omit<RegionInputs, 'specImageRegions'>;
  rules?: RuleSettings;
  /** True when the file matches `sagemakerSpec.files`: a spec even when its kind cannot be told. */
  forcedSpec?: boolean;
  /**
   * True when the file is a stack's template that the CDK manifest beside it lists
   * (core/cdkManifest.ts): `cdk synth` wrote it, whether or not it says so itself (see
   * SpecDocument.templateResource).
   */
  cdkStackTemplate?: boolean;
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
  const chosen = chosenRegion(regionInputs);
  if (chosen) return chosen;
  const profile = resolveProfile(regionInputs.profileSetting, regionInputs.env);
  if (spec.workflowImages && !spec.anyRegion) return workflowRegion(spec.workflowImages.regions, spec.workflowImages.workflow, profile);
  return implicitRegion(specImageRegions(spec), profile);
}

export function analyzeSpec(spec: SpecDocument, options: AnalyzeOptions): Analysis {
  const findings: Finding[] = [];
  const resolved = regionForSpec(spec, options.regionInputs);
  // A table's DefaultValue is read only in the deployed regions without a row.
  const region = spec.tableDefault ? regionsReadingDefault(resolved, spec.tableDefault.rowRegions) : resolved;
  if (!region) return { findings, region: resolved };
  // A table row under a key that is no region is never read by a stack: unknown-region on the key says so.
  if (spec.codeRegion?.tableKey && spec.codeRegion.region !== undefined && !options.catalog.region(spec.codeRegion.region)) return { findings, region };
  const context = createRuleContext(spec, options.catalog, region, options.rules, findings);
  const run = ruleRunner(findings, options.onInternalError);
  // A workflow or template whose errors hid its requests carries them in a request without a kind;
  // so does a workflow's first task, whether or not it is a request of ours.
  // (A pipeline's undefined variables and DependsOn names may come on a request of no kind that carries its syntax errors too,
  // and a workflow or template too deep to read comes as one.)
  if (spec.kind || options.forcedSpec || spec.hidRequests || spec.embedding || spec.undefinedPipelineVariables || spec.undefinedPipelineSteps || spec.malformedDependsOn || (spec.tooDeepAt !== undefined && spec.jsonFile)) run('invalid-json', checkJsonSyntax, context);
  if (spec.syntaxErrors) run('invalid-yaml', checkYamlSyntax, context);
  if (spec.emptyStateMachine) run('empty-state-machine', checkEmptyStateMachine, context);
  if (spec.codeRegion?.node) run('unknown-region', checkCodeRegion, context, spec.codeRegion);
  if (spec.strictJson) run('strict-json', checkStrictJson, context, spec.strictJson);
  if (spec.subDefinition) run('invalid-type', checkSubDefinition, context, spec.subDefinition);
  // A task's Resource and keys are checked even when its action is unknown (a task of no kind).
  const integration = spec.embedding?.integration;
  if (integration) {
    run('invalid-integration-arn', checkIntegrationArn, context, integration);
    run('unknown-integration-action', checkIntegrationAction, context, integration);
    run('unfilled-placeholder', checkUnfilledPartition, context, integration);
    run('unsupported-integration-pattern', checkIntegrationPattern, context, integration);
  }
  if (spec.unfilledPlaceholders) run('unfilled-placeholder', reportUnfilledPlaceholders, context, spec.unfilledPlaceholders, options.apiModel);
  if (spec.embedding?.misplacedRequest) run('query-language-mismatch', checkQueryLanguage, context, spec.embedding.misplacedRequest);
  // Names the map does not define: not while the template does not parse (its map may be cut short).
  if (spec.undefinedSubstitutions && !spec.incomplete) run('unfilled-placeholder', checkUndefinedSubstitutions, context, spec.undefinedSubstitutions);
  if (spec.unescapedSubstitutions) run('unfilled-placeholder', checkUnescapedSubstitutions, context, spec.unescapedSubstitutions);
  // Not while the definition does not parse whole (its Parameters may be cut short), nor where a computed value may supply a name.
  if (spec.undefinedPipelineVariables && !spec.incomplete) run('undefined-pipeline-variable', checkUndefinedPipelineVariables, context, spec.undefinedPipelineVariables);
  if (spec.undefinedPipelineSteps && !spec.incomplete) run('undefined-pipeline-step', checkUndefinedPipelineSteps, context, spec.undefinedPipelineSteps);
  if (spec.malformedDependsOn) run('invalid-type', checkMalformedDependsOn, context, spec.malformedDependsOn);
  if (spec.missingDefinitionFile) run('definition-file-not-found', checkDefinitionFile, context, spec.missingDefinitionFile);
  if (spec.substitutedValues && options.apiModel) run('api-model', checkSubstitutedValues, context, spec.substitutedValues, options.apiModel);
  if (!spec.kind && !spec.imagesOnly) {
    // A document that did not parse whole may have lost the members that tell its kind.
    if (options.forcedSpec && spec.tooDeepAt === undefined && !spec.incomplete) run('unknown-spec-kind', reportUnknownKind, context, spec);
    // A map value read through a parameter's Default (substitutedValueRequests): its findings say so.
    if (spec.standInNotes?.length) noteStandIns(findings, spec.standInNotes);
    return { findings: suppressed(spec, findings, options, region), region };
  }
  for (const field of withImageChoices(spec.images)) {
    const before = findings.length;
    checkImageField(run, context, spec, field, options);
    if (field.choice) sayChoice(spec.text, findings, before, field.choice, spec.embedding?.notes);
    else sayStandInRegion(spec.text, findings, before, field, spec.embedding?.notes);
  }
  if (spec.kind) {
    // A request built from SDK calls is partial (the SDK writes the rest): the API model cannot judge it.
    if (!spec.sdkRequest) run('repository-access', checkRepositoryAccess, context);
    if (!spec.sdkRequest) run('api-model', checkRequest, context, options);
    if (!spec.sdkRequest) run('spot-training-wait', checkSpotTraining, context);
    const algorithms = options.algorithms;
    const before = findings.length;
    if (algorithms) run('algorithms', checkAlgorithms, context, algorithms, options.instanceGpus);
    // A job known by the image its deploying template gives (`${TrainingImage}`), or by a parameter's
    // Default (`!Ref XgbImage`): its findings say so (those on the Default itself say it below).
    const deployed: { note: string; on?: Node } | undefined = spec.images.find((field) => field.deployedAs)?.deployedAs ?? imageStandIn(spec);
    for (let index = before; deployed && index < findings.length; index++) {
      if (!deployed.on || !within(findings[index], deployed.on)) findings[index] = { ...findings[index], message: `${findings[index].message} (${deployed.note}.)` };
    }
  }
  // What holds of a request the SDK writes from a call: the arguments it sends as they are, its image.
  if (spec.sdkRequest) run('sdk-request', checkSdkRequest, context, options);
  // Last: whether a constant under a `.$` key is valid for its member is told by the other rules' findings on it.
  if (spec.embedding?.pathKeyConstants) run('path-key-constant', checkPathKeyConstants, context, spec.embedding.pathKeyConstants, [...findings]);
  const notes = spec.standInNotes ?? spec.embedding?.notes ?? spec.sdkRequest?.arguments?.flatMap((argument) => argument.notes ?? []);
  if (notes?.length) noteStandIns(findings, notes);
  const reported = withoutDigestHintOnDockerHub(findings, spec.images);
  const kept = spec.syntaxErrors ? withoutFindingsOnErrors(spec.text, reported, spec.syntaxErrors) : reported;
  return { findings: suppressed(spec, kept, options, region), region };
}

/**
 * The training image read from a value written elsewhere, with the note its algorithm findings
 * get: a template's `TrainingImage: !Ref XgbImage` read through the parameter's Default
 * (`The image is parameter XgbImage's default "…"`), or a Pipelines parameter's DefaultValue (a
 * stand-in: `The image is the DefaultValue of …, "…"`). `on`: the image as the rules read it,
 * whose own findings say where it came from already (withSubstitutionNotes, noteStandIns).
 */
function imageStandIn(spec: SpecDocument): { note: string; on: Node } | undefined {
  for (const field of spec.images) {
    const value = field.value as RequestNode;
    const whole = value.writtenAt && value.substitutions?.length === 1 ? value.substitutions[0] : undefined;
    if (whole) return { note: `The image is ${whole.note}`, on: value };
    const standIn = isDynamic(value) ? standInOf(value) : undefined;
    const note = standIn && spec.standInNotes?.find((entry) => entry.node === standIn)?.note;
    if (standIn && note && typeof standIn.value === 'string') return { note: `The image is ${note}, "${standIn.value}"`, on: standIn };
  }
  return undefined;
}

function within(finding: Finding, node: Node): boolean {
  return node.offset <= finding.offset && finding.offset + finding.length <= node.offset + node.length;
}

/** A finding on a stand-in (a pipeline parameter's DefaultValue, a template parameter's Default) says so: the value it judges is written elsewhere. */
function noteStandIns(findings: Finding[], notes: NonNullable<SpecDocument['embedding']>['notes']): void {
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index];
    const on = notes.find(({ node }) => within(finding, node));
    if (on) findings[index] = { ...finding, message: `${finding.message} (Reported on ${on.note}.)` };
  }
}

/** JSON specs' `//` directives are read here; other hosts and workflows are read once per document (see analyzeDocument). */
function suppressed(spec: SpecDocument, findings: Finding[], options: AnalyzeOptions, region: ResolvedRegion): Finding[] {
  // An embedded request (or a template's) shares its document with others: analyzeDocument reads the comments once.
  if ((spec.host !== undefined && spec.host !== 'json') || spec.embedding || spec.inTemplate) return findings;
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
  if (suppressions.codes.length === 0 && !suppressions.misplaced?.length) return kept;
  const reported: Finding[] = [];
  const context = createRuleContext(document, options.catalog, region, options.rules, reported);
  checkSuppressionCodes(context, suppressions.codes);
  if (suppressions.misplaced) checkMisplacedDirectives(context, suppressions.misplaced);
  return reported.length === 0 ? kept : [...kept, ...reported];
}

function reportUnknownKind(context: RuleContext, spec: SpecDocument): void {
  const kinds = Object.entries(KIND_SIGNATURES).map(([kind, members]) => `${kind}: ${members}`).join('; ');
  const range = spec.root ? { offset: spec.root.offset, length: spec.root.type === 'object' ? 1 : spec.root.length } : { offset: 0, length: 0 };
  context.report('unknown-spec-kind', `Cannot tell which SageMaker request this is. The members that identify each: ${kinds}.`, range);
}
