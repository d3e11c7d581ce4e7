/**
 * Pipe input, for the advice that pins an image: whether the request that runs an image reads
 * some channel in Pipe mode, and whether a built-in algorithm image version reads Pipe at all
 * (XGBoost 3.2-0 dropped it). Suggesting a version that cannot read the request's input would
 * trade one finding for another (`algorithm-input-mode`).
 */
import type { Node } from 'jsonc-parser';
import type { AlgorithmTable } from '../algorithms/algorithmTable';
import { memberValue, stringValue } from '../jsonTree';
import { isDynamic } from '../requestTree';
import { topLevelObject, type ImageField, type SpecDocument } from '../specDocument';

/**
 * True when the training job (or tuning job's training job definition) that runs `field` reads a
 * channel in Pipe mode: its `TrainingInputMode`, or a channel's `InputMode`, is the literal
 * `Pipe`. False for other images and for computed modes (not known to be Pipe).
 */
export function readsPipeInput(spec: SpecDocument, field: ImageField): boolean {
  if (field.usage !== 'training' && field.usage !== 'tuning') return false;
  if (isPipe(memberValue(field.holder, 'TrainingInputMode'))) return true;
  const definition = definitionOf(spec, field);
  const channels = memberValue(definition, 'InputDataConfig');
  return (channels?.type === 'array' ? (channels.children ?? []) : []).some((channel) => isPipe(memberValue(channel, 'InputMode')));
}

/**
 * True unless the facts say the algorithm image `repository` at `version` (a catalog version,
 * `1.7-1`) reads no Pipe input: the algorithm has no Pipe mode, or the version dropped it. An
 * image the facts do not know is not judged (true).
 */
export function versionReadsPipe(algorithms: AlgorithmTable, repository: string, version: string): boolean {
  if (!algorithms.has(repository)) return true;
  const data = algorithms.data.algorithms[repository];
  if (!data.inputModes.includes('Pipe')) return false;
  const known = data.versions.find((candidate) => version === candidate || version.startsWith(`${candidate}-`));
  return known === undefined || !(data.pipeRemovedInVersions ?? []).includes(known);
}

function isPipe(node: Node | undefined): boolean {
  return node !== undefined && !isDynamic(node) && stringValue(node) === 'Pipe';
}

/** The object that holds the image's `AlgorithmSpecification`: its holder path minus that member. */
function definitionOf(spec: SpecDocument, field: ImageField): Node | undefined {
  let node: Node | undefined = topLevelObject(spec);
  for (const segment of field.holderPath.slice(0, -1)) {
    node = typeof segment === 'number' ? (node?.type === 'array' ? node.children?.[segment] : undefined) : memberValue(node, segment);
  }
  return node?.type === 'object' ? node : undefined;
}
