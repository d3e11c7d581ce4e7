/**
 * CloudFormation and SAM templates (JSON or YAML with `Resources`): the SageMaker resources whose
 * properties are API requests — `AWS::SageMaker::Model` (CreateModel), `…::EndpointConfig`,
 * `…::Endpoint` and `…::ProcessingJob` — each yielded as that request, with intrinsic functions
 * dynamic (intrinsics.ts) — their images read through the template's `Parameters` defaults and
 * `Mappings` by region (templateImages.ts; a whole image read by region also yields each row as an
 * image of its own, checked in its row's region). Their property names are the API's members; where a resource has
 * properties of its own (`RetainAllVariantProperties`, …) the request rules say nothing, since
 * CloudFormation validates the resource as a whole (cfn-lint does too): the requests are
 * `valuesOnly` — no missing or unknown members, no limits (some differ from the API's), numbers
 * and booleans written as strings accepted.
 *
 * The model monitoring resources (`AWS::SageMaker::MonitoringSchedule`, `…::DataQualityJobDefinition`,
 * …) yield their images alone, read through the template the same way (monitoringResources.ts).
 *
 * `AWS::SageMaker::Pipeline` (its PipelineDefinition) and `AWS::StepFunctions::StateMachine` /
 * `AWS::Serverless::StateMachine` (their Definition) embed other hosts' documents: callers pass
 * finders for them as `hooks`, keyed by resource type.
 *
 * A template the AWS CDK synthesized (a resource's `aws:cdk:path` metadata, or the default
 * synthesizer's `BootstrapVersion` parameter) marks every request found in it
 * (SpecDocument.cdkSynthesized): the findings then name the construct to fix. Any other
 * template's requests carry what that mark would be (SpecDocument.templateResource): a template
 * a CDK manifest lists as a stack's is synthesized all the same, which only its file's
 * settings tell (AnalyzeOptions.cdkStackTemplate).
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue, type OffsetRange } from '../../jsonTree';
import { isCdkRegionFactTable } from '../../cdkRegionFacts';
import { findImageFields, type CdkSynthesized, type HostLanguage, type ImageField, type ServedModel, type SpecDocument } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import type { RequestNode } from '../../requestTree';
import { intrinsicCall, intrinsicOf, intrinsicView, viewCount } from './intrinsics';
import { isMonitoringResource, monitoringImageFields } from './monitoringResources';
import { markParameterStandIns } from './parameterStandIns';
import { imageTableRows, readImageThroughTemplate } from './templateImages';
import { templateScope, type TemplateScope } from './templateScope';

/** Resource types whose `Properties` are a SageMaker request. */
export const CLOUDFORMATION_REQUESTS: Readonly<Record<string, SpecKind>> = {
  'AWS::SageMaker::Model': 'CreateModel',
  'AWS::SageMaker::EndpointConfig': 'CreateEndpointConfig',
  'AWS::SageMaker::Endpoint': 'CreateEndpoint',
  'AWS::SageMaker::ProcessingJob': 'CreateProcessingJob',
};

/**
 * One resource of a template, for a hook: its logical id, type and properties (offsets into the
 * template text, intrinsics as written), and the template's parameters and mappings (`scope`).
 */
export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Node;
  text: string;
  host: HostLanguage;
  scope: TemplateScope;
}

/**
 * Finds the requests embedded in one resource of a type the SageMaker resources do not cover
 * (`AWS::SageMaker::Pipeline`, `AWS::StepFunctions::StateMachine`, …); the workflows host
 * provides them.
 */
export type ResourceRequestFinder = (resource: TemplateResource) => SpecDocument[];

export type CloudFormationHooks = Readonly<Partial<Record<string, ResourceRequestFinder>>>;

/** True when `root` (a document's top-level value) is a template: an object whose `Resources` is an object. */
export function isCloudFormationTemplate(root: Node | undefined): boolean {
  return root?.type === 'object' && memberValue(root, 'Resources')?.type === 'object';
}

/**
 * The requests of every SageMaker resource in the template `root` (from the JSON or YAML tree of
 * `text`), in document order. A resource with `Fn::If` is yielded twice, once per side of its
 * conditions, so each literal branch is analysed (findings of both are merged by analyzeDocument).
 */
export function findCloudFormationRequests(text: string, root: Node, host: HostLanguage, hooks: CloudFormationHooks = {}): SpecDocument[] {
  const requests: SpecDocument[] = [];
  const resources = memberValue(root, 'Resources');
  const scope = templateScope(text, root);
  const synthesizedByCdk = isCdkBootstrapped(root);
  const factTables = regionFactTables(scope);
  // The logical id of each resource's request, for the endpoint configs that name a model (linkServedModels).
  const logicalIds = new Map<SpecDocument, string>();
  for (const property of resources?.type === 'object' ? resources.children ?? [] : []) {
    const [key, resource] = property.children ?? [];
    const type = stringValue(memberValue(resource, 'Type'));
    const properties = memberValue(resource, 'Properties');
    if (!type || properties?.type !== 'object') continue;
    const kind = Object.hasOwn(CLOUDFORMATION_REQUESTS, type) ? CLOUDFORMATION_REQUESTS[type] : undefined;
    const first = requests.length;
    if (!kind && isMonitoringResource(type)) {
      // Images only: the request is none of ours (monitoringResources.ts).
      for (const side of conditionSides(text, properties)) {
        for (const field of monitoringImageFields(type, side)) {
          const image = readImageThroughTemplate(field, scope);
          requests.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [image], host, imagesOnly: true, anyRegion: true });
          requests.push(...imageTableRows(image, host, text));
        }
      }
    } else if (!kind) {
      const hook = Object.hasOwn(hooks, type) ? hooks[type] : undefined;
      if (hook) requests.push(...hook({ logicalId: String(key?.value), type, properties, text, host, scope }));
    } else {
      for (const root of conditionSides(text, properties)) {
        // The resource's logical id is where findings about the request as a whole go.
        if (key) root.anchor = { offset: key.offset, length: key.length };
        // Images are read through the template's parameters and mappings (templateImages.ts).
        const images = findImageFields(kind, root).map((field) => readImageThroughTemplate(field, scope));
        // Other members written `!Ref Parameter` are checked through its Default and AllowedValues.
        const standInNotes = markParameterStandIns(root, scope);
        requests.push({ text, root, parseErrors: [], kind, images, host, valuesOnly: true, anyRegion: true, ...(standInNotes.length > 0 && { standInNotes }) });
        for (const field of images) requests.push(...imageTableRows(field, host, text));
      }
    }
    if (kind) for (let index = first; index < requests.length; index++) if (requests[index].kind) logicalIds.set(requests[index], String(key?.value));
    const constructPath = stringValue(memberValue(memberValue(resource, 'Metadata'), 'aws:cdk:path'));
    const synthesized = constructPath !== undefined || synthesizedByCdk;
    const cdkSynthesized: CdkSynthesized = { logicalId: String(key?.value), ...(constructPath !== undefined && { constructPath }), ...(factTables.length > 0 && { regionFactTables: factTables }) };
    for (let index = first; index < requests.length; index++) {
      // A mapping's row is written by its CfnMapping, not by the resource that reads it.
      const mapping = requests[index].codeRegion?.table;
      const source = mapping !== undefined ? { ...cdkSynthesized, mapping } : cdkSynthesized;
      // Not marked here, the template may still be a stack's that a CDK manifest lists (AnalyzeOptions.cdkStackTemplate).
      if (synthesized) requests[index].cdkSynthesized = source;
      else requests[index].templateResource = source;
    }
  }
  linkServedModels(requests, logicalIds);
  return requests;
}

/**
 * Gives each endpoint config request the models of the same template its variants serve (see
 * SpecDocument.servedModels): a `ModelName` written `!GetAtt Model.ModelName` or `!Ref Model`
 * of an `AWS::SageMaker::Model` resource, with that model's images (every view's).
 */
function linkServedModels(requests: SpecDocument[], logicalIds: ReadonlyMap<SpecDocument, string>): void {
  const modelImages = new Map<string, ImageField[]>();
  for (const request of requests) {
    const id = logicalIds.get(request);
    if (request.kind === 'CreateModel' && id !== undefined) modelImages.set(id, [...(modelImages.get(id) ?? []), ...request.images]);
  }
  if (modelImages.size === 0) return;
  for (const request of requests) {
    if (request.kind !== 'CreateEndpointConfig') continue;
    const served: ServedModel[] = [];
    for (const variant of memberValue(request.root, 'ProductionVariants')?.children ?? []) {
      const model = modelOf(memberValue(variant, 'ModelName'));
      const images = model !== undefined ? modelImages.get(model) : undefined;
      if (images?.length) served.push({ variant, model: model!, images });
    }
    if (served.length > 0) request.servedModels = served;
  }
}

/** The logical id a `ModelName` names (`!GetAtt Model.ModelName`, `!GetAtt [Model, ModelName]`, `!Ref Model`), else undefined. */
function modelOf(value: Node | undefined): string | undefined {
  const written = value && (value as RequestNode).dynamic ? intrinsicOf(value) : undefined;
  const call = intrinsicCall(written);
  if (call?.name === 'Ref') return stringValue(call.argument);
  if (call?.name !== 'Fn::GetAtt') return undefined;
  const [id, attribute] = call.argument?.type === 'array' ? (call.argument.children ?? []).map(stringValue) : (stringValue(call.argument)?.split('.') ?? []);
  return attribute === 'ModelName' ? id : undefined;
}

/**
 * True for a template the AWS CDK's default synthesizer wrote: its `BootstrapVersion` parameter
 * reads the bootstrap stack's version from `/cdk-bootstrap/…` (its resources may lack path
 * metadata: `app.synth()` without the CDK CLI writes none).
 */
function isCdkBootstrapped(root: Node): boolean {
  const parameter = memberValue(memberValue(root, 'Parameters'), 'BootstrapVersion');
  return stringValue(memberValue(parameter, 'Default'))?.startsWith('/cdk-bootstrap/') === true;
}

/** The ranges of the template's `Mappings` members that the CDK writes from its region facts (cdkRegionFacts.ts). */
function regionFactTables(scope: TemplateScope): OffsetRange[] {
  return (scope.mappings?.children ?? []).flatMap((member) => {
    const name = stringValue(member.children?.[0]);
    return name !== undefined && isCdkRegionFactTable(name, undefined) ? [{ offset: member.offset, length: member.length }] : [];
  });
}

/**
 * `properties` (of the template `text`) as the rules read them (intrinsicView): one view when no
 * `Fn::If` is met, else one per branch of the conditions (viewCount), so each literal branch is
 * analysed, nested ones too. Lazily: the other views are built only when the first met a condition.
 */
export function* conditionSides(text: string, properties: Node): Generator<RequestNode> {
  const first = intrinsicView(text, properties, 0);
  yield first.root;
  if (!first.hasConditions) return;
  const views = viewCount(properties);
  for (let index = 1; index < views; index++) yield intrinsicView(text, properties, index).root;
}

/** A cheap pre-filter: a template without this text has no resource of ours. */
export function mayHoldCloudFormationRequests(text: string): boolean {
  // One search answers most texts: without `AWS::` none of the three is there.
  return text.includes('AWS::') && (text.includes('AWS::SageMaker::') || text.includes('AWS::StepFunctions::') || text.includes('AWS::Serverless::StateMachine'));
}
