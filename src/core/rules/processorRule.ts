/**
 * `image-processor-mismatch`: a GPU image on an instance type without GPUs (the job fails or never
 * uses the GPU code), or a CPU-only image on a GPU instance type (paying for idle GPUs).
 *
 * An image's processor comes from its tag (`-gpu-`, `-cpu-`, `cu124`) or, when the tag does not
 * say, from the catalog when it lists exactly one processor. An instance type has GPUs when the
 * SDK's GPU table lists it; types the table lacks are judged by family (`g*`, `p*` have GPUs,
 * `m*`, `c*`, `r*`, `t*` do not). Anything else (Trainium, Inferentia) is not judged.
 *
 * In a template, an endpoint config's variant is judged by the images of the model resource its
 * `ModelName` names (`!GetAtt Model.ModelName`), on the variant's instance type.
 *
 * An image built from a template (`f"…ecr.{region}…/pytorch-training:2.6.0-gpu-py312"`) is judged
 * by its static tag, as the tag rules judge it (templateImageRule.ts); a placeholder in the tag
 * hides what it says. Such a finding has no fix: the template's tag is not a reference to rewrite.
 */
import type { Node } from 'jsonc-parser';
import type { InstanceGpuTable } from '../catalog/instanceGpus';
import type { QuickFix } from '../findings';
import type { ImageReference } from '../imageReference';
import { memberValue, stringValue } from '../jsonTree';
import { isDynamic, standInOf, type RequestNode } from '../requestTree';
import { hasHole, HOLE, parseTemplateReference } from '../templateReference';
import { topLevelObject, type ImageField } from '../specDocument';
import { parseInstanceType } from '../instanceTypeName';
import { imageOccurrence } from './imageOccurrence';
import { nodeRange, type RuleContext } from './ruleContext';

type Processor = 'gpu' | 'cpu';

export function checkImageProcessors(context: RuleContext, gpus: InstanceGpuTable): void {
  if (!context.isEnabled('image-processor-mismatch')) return;
  for (const field of context.spec.images) {
    const reference = field.parsed?.ok ? field.parsed.reference : undefined;
    const processor = reference ? imageProcessor(context, reference) : templateProcessor(context, field);
    if (!processor) continue;
    for (const instanceNode of instanceTypeValues(context, field)) {
      const instanceType = stringValue(instanceNode)!;
      const hasGpus = instanceHasGpus(gpus, instanceType);
      if (hasGpus === undefined || hasGpus === (processor === 'gpu')) continue;
      const message =
        processor === 'gpu'
          ? `${instanceType} has no GPU, but the image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image's CPU variant.`
          : `${instanceType} has GPUs, but the image is built for CPUs only; use a CPU instance type or the image's GPU variant.`;
      context.report('image-processor-mismatch', message, nodeRange(instanceNode), reference ? counterpartFix(context, field, reference, processor) : []);
    }
  }
  // A template's endpoint config: each variant runs the images of the model resource it names.
  for (const { variant, model, images } of context.spec.servedModels ?? []) {
    const instanceNode = literalOrDefault(memberValue(variant, 'InstanceType'));
    const instanceType = instanceNode && stringValue(instanceNode);
    const hasGpus = instanceType !== undefined ? instanceHasGpus(gpus, instanceType) : undefined;
    if (hasGpus === undefined) continue;
    for (const field of images) {
      const reference = field.parsed?.ok ? field.parsed.reference : undefined;
      const processor = reference ? imageProcessor(context, reference) : templateProcessor(context, field);
      if (!processor || hasGpus === (processor === 'gpu')) continue;
      const message =
        processor === 'gpu'
          ? `${instanceType} has no GPU, but model ${model}'s image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image's CPU variant in ${model}.`
          : `${instanceType} has GPUs, but model ${model}'s image is built for CPUs only; use a CPU instance type or the image's GPU variant in ${model}.`;
      context.report('image-processor-mismatch', message, nodeRange(instanceNode!));
      break;
    }
  }
}

/** A written instance type, or, for a dynamic one, the known default it is judged by (a parameter's); undefined otherwise. */
function literalOrDefault(written: Node | undefined): Node | undefined {
  const node = written && isDynamic(written) ? standInOf(written) : written;
  return node && !isDynamic(node) && stringValue(node) !== undefined ? node : undefined;
}

/** A `-`-separated token of the tag, in any case: `gpu`, `cu` and digits, or one starting `cuda`. */
const GPU_TAG = /(?:^|-)(?:(?:gpu|cu\d+)(?=-|$)|cuda)/i;
/** The token `cpu`, in any case. */
const CPU_TAG = /(?:^|-)cpu(?=-|$)/i;

/** The processor an image is built for, or undefined when neither its tag nor the catalog tells. */
export function imageProcessor(context: RuleContext, reference: ImageReference): Processor | undefined {
  const tag = reference.tag?.text;
  if (!tag) return undefined;
  return tagProcessor(tag) ?? (reference.ecr ? catalogProcessor(context, reference.repository.text, tag, reference.ecr.region.text) : undefined);
}

/**
 * The processor of an image built from a template, read from its static tag (or, with a static
 * repository on an Amazon ECR host, from the catalog); undefined for a literal or unknown value,
 * and when a placeholder is in the tag or the repository.
 */
function templateProcessor(context: RuleContext, field: ImageField): Processor | undefined {
  const parts = field.parsed ? undefined : (field.value as RequestNode).template;
  const reference = parts && parseTemplateReference(parts);
  if (!reference || reference.tag === undefined || reference.tag === '' || hasHole(reference.tag)) return undefined;
  const tagged = tagProcessor(reference.tag);
  if (tagged || !reference.ecr || hasHole(reference.repository)) return tagged;
  // The same image has the same processors in every region: a region placeholder asks any region.
  return catalogProcessor(context, reference.repository, reference.tag, reference.ecr.region !== HOLE ? reference.ecr.region : undefined);
}

/** What the tag's tokens say (`-gpu-`, `cu124`, `-cpu-`), if anything. */
function tagProcessor(tag: string): Processor | undefined {
  if (GPU_TAG.test(tag)) return 'gpu';
  if (CPU_TAG.test(tag)) return 'cpu';
  return undefined;
}

/** The one processor the catalog lists for the image (in `region`, or in any region when undefined). */
function catalogProcessor(context: RuleContext, repository: string, tag: string, region: string | undefined): Processor | undefined {
  const processors = context.catalog.findImage(repository, tag, region)?.processors;
  return processors?.length === 1 && (processors[0] === 'gpu' || processors[0] === 'cpu') ? processors[0] : undefined;
}

/**
 * True/false when we know whether the instance type has GPUs; undefined for other accelerators
 * and for names that are no instance type (`ml.m5.xlarg`: invalid-enum-value's to report, not
 * a CPU instance to judge an image by).
 */
export function instanceHasGpus(gpus: InstanceGpuTable, instanceType: string): boolean | undefined {
  const count = gpus.gpuCount(instanceType);
  if (count !== undefined) return count > 0;
  const family = parseInstanceType(instanceType)?.family;
  if (family === 'g' || family === 'p') return true;
  if (family === 'm' || family === 'c' || family === 'r' || family === 't') return false;
  return undefined;
}

/** The instance-type values that run the image in `field`, per request kind. */
function instanceTypeValues(context: RuleContext, field: ImageField): Node[] {
  const root = topLevelObject(context.spec);
  const values: Node[] = [];
  const add = (written: Node | undefined) => {
    const node = literalOrDefault(written);
    if (node) values.push(node);
  };
  // A request an SDK writes from a call: its instance type is the call's argument.
  const sdkArguments = context.spec.sdkRequest?.arguments;
  if (sdkArguments) {
    for (const argument of sdkArguments) if (argument.path[argument.path.length - 1] === 'InstanceType') add(argument.value);
    return values;
  }
  const addResourceConfig = (config: Node | undefined) => {
    add(memberValue(config, 'InstanceType'));
    for (const group of listItems(memberValue(config, 'InstanceGroups'))) add(memberValue(group, 'InstanceType'));
  };
  switch (field.usage) {
    case 'training':
      addResourceConfig(memberValue(root, 'ResourceConfig'));
      break;
    case 'processing':
      add(memberValue(memberValue(memberValue(root, 'ProcessingResources'), 'ClusterConfig'), 'InstanceType'));
      break;
    case 'tuning': {
      // The training job definition that holds this image: its path minus `AlgorithmSpecification`.
      let definition: Node | undefined = root;
      for (const segment of field.holderPath.slice(0, -1)) {
        definition = typeof segment === 'number' ? definition?.children?.[segment] : memberValue(definition, segment);
      }
      addResourceConfig(memberValue(definition, 'ResourceConfig'));
      const tuningResources = memberValue(definition, 'HyperParameterTuningResourceConfig');
      add(memberValue(tuningResources, 'InstanceType'));
      for (const config of listItems(memberValue(tuningResources, 'InstanceConfigs'))) add(memberValue(config, 'InstanceType'));
      break;
    }
    default:
      break; // a model carries no instance type; the endpoint config does, per variant
  }
  return values;
}

function listItems(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** Swap the processor in the tag (`2.6.0-gpu-py312` → `2.6.0-cpu-py312`) when the catalog has that image. */
function counterpartFix(context: RuleContext, field: ImageField, reference: ImageReference, processor: Processor): QuickFix[] {
  const tag = reference.tag;
  if (!tag || !reference.ecr) return [];
  const other: Processor = processor === 'gpu' ? 'cpu' : 'gpu';
  const tokens = tag.text.split('-');
  if (!tokens.includes(processor)) return [];
  const swapped = tokens.map((token) => (token === processor ? other : token)).filter((token) => other === 'gpu' || !/^cu\d+$/.test(token)).join('-');
  if (!context.catalog.findImage(reference.repository.text, swapped, reference.ecr.region.text)) return [];
  const image = imageOccurrence(context.spec.text, field, reference);
  // The other way out is the other instance type: which one was meant is the user's call, and the
  // swap changes what runs, so fix-all leaves it (the editor still offers it first).
  return [{ title: `Use the ${other.toUpperCase()} image (:${swapped})`, intents: [image.replacePart(tag, swapped)], preferred: true, changesBehaviour: true }];
}
