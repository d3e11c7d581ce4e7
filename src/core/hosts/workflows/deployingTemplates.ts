/**
 * A state machine file read on its own, and the templates that deploy it: SAM's `DefinitionUri`
 * (the `sam init` layout) or a local `DefinitionS3Location`, each with `DefinitionSubstitutions`.
 * The file alone cannot tell what fills its `${TrainingImage}`, nor that it is deployed to every
 * region its template is; once the caller has found the templates that name it (the core reads
 * no files), its tasks are read as deployed by them:
 * - deployed to many regions, as the template's own requests are (`anyRegion`: `templateRegions`
 *   and the region placeholders' rules apply, not one target region);
 * - an image field written as one `${Name}` that every such template fills with text (a literal,
 *   or a `!Sub` whose static parts name the image: `${Account}.dkr.ecr.${AWS::Region}
 *   .amazonaws.com/sagemaker-xgboost:1.7-1`) has that image for the built-in algorithm checks
 *   (ImageField.deployedAs; templates that give different images: the task is read once per
 *   image, each reading's findings naming its templates): the job's
 *   hyperparameters, channels and instances are judged for that algorithm. The image rules leave
 *   it alone: the template checks it, where its map writes it (substitutionChecks.ts);
 * - a template that deploys it as an Express state machine (`Type: EXPRESS`, `StateMachineType:
 *   EXPRESS`) makes its tasks outside a Distributed Map run in an Express workflow
 *   (TaskIntegration.express, naming the first such template; expressWorkflows.ts).
 */
import type { Node } from 'jsonc-parser';
import type { HostDocument } from '../../hostDocument';
import type { ExpressWorkflow, SpecDocument } from '../../specDocument';
import { hasHole, parseTemplateReference } from '../../templateReference';
import { parseJson } from '../../jsonParse';
import { memberValue, stringValue } from '../../jsonTree';
import type { RequestNode, TemplatePart } from '../../requestTree';
import { isCloudFormationTemplate } from '../cloudFormation/cloudFormationRequests';
import { DEFINITION_FILE_PROPERTY } from '../cloudFormation/definitionFile';
import { intrinsicCall, subParts } from '../cloudFormation/intrinsics';
import { wholePlaceholderName } from '../cloudFormation/substitutionChecks';
import { listText } from '../../rules/algorithm/algorithmSeverity';
import { parseYaml } from '../yaml/yamlSyntax';
import { yamlDocumentTree } from '../yaml/yamlTree';
import { expressStateMachine } from './expressWorkflows';

/** A template found to deploy a state machine file. */
export interface DeployingTemplate {
  /** The template as messages name it (its path relative to the state machine file's folder). */
  template: string;
  /** Its `DefinitionSubstitutions` entries whose value is a string or a `!Sub` of one, by name. */
  substitutions: ReadonlyMap<string, SubstitutedText>;
  /** Set when the template deploys it as an Express state machine (its type property, no template named). */
  express?: ExpressWorkflow;
}

/**
 * A map value as text: `written` as the template writes it (a literal, or a `!Sub`'s string), and
 * as a template of parts (a `!Sub`'s `${…}` a placeholder) whose static parts may name an image.
 */
export interface SubstitutedText {
  written: string;
  parts: readonly TemplatePart[];
}

/** A local state machine file a template names, and the values its map gives. */
export interface StateMachineFileUse {
  /** The path as written, relative to the template's folder. */
  path: string;
  substitutions: ReadonlyMap<string, SubstitutedText>;
  /** Set when the resource is an Express state machine (a literal `EXPRESS`). */
  express?: ExpressWorkflow;
}

/** True when `text` may name a state machine file: the words come before any parse. */
export function mayNameStateMachineFile(text: string): boolean {
  return text.includes('DefinitionUri') || text.includes('DefinitionS3Location');
}

/**
 * The local state machine files the template `text` (JSON, or YAML when `yaml`) names, each with
 * its map's literal values; empty for text that is no template. Never throws on bad text.
 */
export function stateMachineFilesOf(text: string, yaml: boolean): StateMachineFileUse[] {
  if (!mayNameStateMachineFile(text)) return [];
  const roots: (Node | undefined)[] = yaml ? parseYaml(text).documents.map((document) => yamlDocumentTree(text, document).root) : [parseJson(text).root];
  const uses: StateMachineFileUse[] = [];
  for (const root of roots) {
    if (!isCloudFormationTemplate(root)) continue;
    for (const property of memberValue(root, 'Resources')?.children ?? []) {
      const resource = property.children?.[1];
      const type = stringValue(memberValue(resource, 'Type')) ?? '';
      const fileProperty = DEFINITION_FILE_PROPERTY[type];
      const properties = memberValue(resource, 'Properties');
      const path = fileProperty === undefined ? undefined : stringValue(memberValue(properties, fileProperty));
      if (path === undefined || path.trim() === '' || /^s3:\/\//i.test(path)) continue;
      const substitutions = new Map<string, SubstitutedText>();
      for (const entry of memberValue(properties, 'DefinitionSubstitutions')?.children ?? []) {
        const [key, value] = entry.children ?? [];
        const text = value && substitutedText(value);
        if (typeof key?.value === 'string' && text) substitutions.set(key.value, text);
      }
      const express = expressStateMachine(type, properties);
      uses.push({ path, substitutions, ...(express && { express }) });
    }
  }
  return uses;
}

/** A map value as text: a literal string, or `!Sub` (`Fn::Sub`) of a string (with or without its variable map); else undefined. */
function substitutedText(value: Node): SubstitutedText | undefined {
  if (value.type === 'string' && typeof value.value === 'string' && !(value as RequestNode).dynamic) return { written: value.value, parts: [{ kind: 'text', value: value.value, offsets: [] }] };
  const call = intrinsicCall(value);
  const source = call?.name !== 'Fn::Sub' ? undefined : call.argument?.type === 'array' ? call.argument.children?.[0] : call.argument;
  if (source?.type !== 'string' || typeof source.value !== 'string') return undefined;
  // Offsets into the template are not needed: only the text of the parts is read.
  return { written: source.value, parts: subParts(source.value, () => 0) };
}

/**
 * Reads the state machine tasks of `document` (a state machine file) as deployed by `deployedBy`
 * (see above). In place; nothing when the list is empty.
 */
export function applyDeployingTemplates(document: HostDocument, deployedBy: readonly DeployingTemplate[]): void {
  if (deployedBy.length === 0) return;
  const readings: SpecDocument[] = [];
  const expressBy = deployedBy.find((template) => template.express);
  const express = expressBy && { ...expressBy.express!, template: expressBy.template };
  for (const request of document.requests) {
    if (request.embedding?.container !== 'state-machine-task') continue;
    request.anyRegion = true;
    request.deployedBy = deployedBy[0].template;
    // Before the readings below are copied from it: they share its embedding.
    const integration = request.embedding.integration;
    if (express && integration && !integration.express && integration.distributedMap === undefined) request.embedding = { ...request.embedding, integration: { ...integration, express } };
    for (const field of request.images) {
      const name = wholePlaceholderName(field.value);
      const images = name === undefined ? [] : imagesByText(name, deployedBy);
      // Each image the templates give, with the templates that give it: the first on the request,
      // each other on a reading of its own (their common findings are reported once).
      images.forEach(({ image, templates }, index) => {
        const deployedAs = { parts: image.parts, note: `\${${name}} is ${image.written} in ${listText(templates.map((template) => `${template}'s`))} DefinitionSubstitutions` };
        if (index === 0) field.deployedAs = deployedAs;
        else readings.push({ ...request, images: request.images.map((other) => (other === field ? { ...field, deployedAs } : other)) });
      });
    }
  }
  document.requests.push(...readings);
}

/** The images the templates give `${name}` (by repository and tag), each with the templates that give it, in the templates' order; none when one of them gives none. */
function imagesByText(name: string, deployedBy: readonly DeployingTemplate[]): { image: SubstitutedText; templates: string[] }[] {
  const byText = new Map<string, { image: SubstitutedText; templates: string[] }>();
  for (const { template, substitutions } of deployedBy) {
    const image = substitutions.get(name);
    // A template that fills it otherwise (a parameter, an attribute): which image runs is not known.
    if (!image) return [];
    // Written differently, the same repository and static tag is the same image to the algorithm checks.
    const key = imageKey(image);
    const entry = byText.get(key) ?? { image, templates: [] };
    entry.templates.push(template);
    byText.set(key, entry);
  }
  return [...byText.values()];
}

/** The static repository and tag an image's text names (`sagemaker-xgboost:1.7-1`), else the text as written. */
function imageKey(image: SubstitutedText): string {
  const reference = parseTemplateReference(image.parts);
  return reference && !hasHole(reference.repository) && reference.tag !== undefined && !hasHole(reference.tag) ? `${reference.repository}:${reference.tag}` : image.written;
}

