/**
 * `algorithm-instance`: a GPU-only built-in algorithm on an instance type without GPUs, a CPU-only
 * one on a GPU instance type, an XGBoost version without GPU training on a GPU instance, and
 * `InstanceCount` above 1 for an algorithm that trains on one instance; for BlazingText, the same
 * per `mode` (batch_skipgram has no GPU training; skipgram, cbow and supervised train on one
 * instance; supervised uses one GPU). Instance GPUs come from the SDK's GPU table (see
 * processorRule.ts). A mode that is computed or absent gets the checks of every mode only.
 *
 * Severity follows what happens to the job, not only where the fact comes from: a GPU-only
 * algorithm on a CPU instance is refused by SageMaker itself at submission ("only GPU instances
 * are supported"), the strongest evidence there is, so it is an error whatever the source. A
 * limit the guide states as what the algorithm supports (LDA "supports single-instance CPU
 * training" only; "single instance only" in its table of algorithms; BlazingText's table of modes
 * per instance kind) is an error too: the job runs outside what the algorithm is built for. A
 * CPU-only image the guide only says gains nothing from GPUs (Random Cut Forest, XGBoost before
 * 1.2-1) runs and leaves the GPUs idle (wasted money, not a failed job): a warning, as are GPUs a
 * mode does not use.
 */
import type { Node } from 'jsonc-parser';
import type { AlgorithmJob } from '../../algorithms/algorithmJobs';
import { jobMode, type JobMode } from '../../algorithms/algorithmMode';
import type { InstanceGpuTable } from '../../catalog/instanceGpus';
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import { memberValue, stringValue } from '../../jsonTree';
import { staticReadingsOf } from '../../requestTree';
import { instanceHasGpus } from '../processorRule';
import { nodeRange, type RuleContext } from '../ruleContext';

export function checkInstances(context: RuleContext, job: AlgorithmJob, gpus: InstanceGpuTable): void {
  if (!context.isEnabled('algorithm-instance')) return;
  const { facts } = job;
  const { instances } = facts.data;
  const mode = jobMode(job);
  const modeFacts = mode ? instances.byMode?.[mode.value] : undefined;
  const modeLabel = () => (mode ? `${facts.label} ${mode.hyperparameter} "${mode.value}"` : facts.label); // for messages only
  let gpuInstance = false;
  for (const node of instanceTypeNodes(job)) {
    const instanceType = stringValue(node)!;
    const hasGpus = instanceHasGpus(gpus, instanceType);
    if (hasGpus === undefined) continue;
    gpuInstance ||= hasGpus;
    if (!hasGpus && !instances.cpu) {
      context.report('algorithm-instance', `${instanceType} has no GPU, and ${facts.label} trains on GPU instances only: SageMaker refuses the job at submission. Use a GPU instance type (ml.p3, ml.g5, …).`, nodeRange(node), [], 'error');
    } else if (hasGpus && instances.gpuUnsupported) {
      context.report('algorithm-instance', `${instanceType} has GPUs, and the developer guide states ${facts.label} supports CPU instances only for training. Use a CPU instance type (ml.m5, ml.c5, …).`, nodeRange(node), [], 'error');
    } else if (hasGpus && !instances.gpu) {
      context.report('algorithm-instance', `${instanceType} has GPUs, but ${facts.label} trains on CPU only: the job runs and the GPUs stay idle. Use a CPU instance type (ml.m5, ml.c5, …).`, nodeRange(node), [], 'warning');
    } else if (hasGpus && instances.gpuSinceVersion !== undefined && facts.version !== undefined && !facts.atLeast(instances.gpuSinceVersion)) {
      context.report('algorithm-instance', `${facts.label} has no GPU training (it starts with ${instances.gpuSinceVersion}): on ${instanceType} the job runs and the GPUs stay idle. Use a CPU instance type or a newer version.`, nodeRange(node), [], 'warning');
    } else if (hasGpus && modeFacts && !modeFacts.gpu) {
      const gpuModes = Object.entries(instances.byMode ?? {}).filter(([, entry]) => entry.gpu).map(([name]) => name);
      context.report('algorithm-instance', `${instanceType} has GPUs, and the developer guide lists ${modeLabel()} for CPU instances only (the modes that train on a GPU are ${gpuModes.join(', ')}). Use a CPU instance type (ml.m5, ml.c5, …).`, nodeRange(node), [], 'error');
    } else if (hasGpus && modeFacts?.gpusUsed !== undefined && (gpus.gpuCount(instanceType) ?? 0) > modeFacts.gpusUsed) {
      const count = gpus.gpuCount(instanceType)!;
      context.report('algorithm-instance', `${modeLabel()} trains on ${modeFacts.gpusUsed} GPU of an instance; ${instanceType} has ${count}, and ${count - modeFacts.gpusUsed} stay idle. Use an instance type with ${modeFacts.gpusUsed} GPU (ml.p3.2xlarge, ml.g5.xlarge, …).`, nodeRange(node), [], 'warning');
    }
  }
  const single = modeFacts ? !modeFacts.multiInstance : instances.multiInstance === false;
  const cap = instances.maxInstanceCount ?? (single ? 1 : undefined);
  if (cap === undefined) return;
  for (const node of instanceCountNodes(job)) {
    const count = node.value as number;
    if (count <= cap) continue;
    const fixes: QuickFix[] = [{ title: `Change to ${cap}`, intents: [intent.replaceValue(node, cap)], preferred: true, changesBehaviour: true }];
    const distributed = mode && modeFacts && !gpuInstance ? distributedMode(job, mode) : undefined;
    if (mode && distributed) fixes.push({ title: `Change ${mode.hyperparameter} to "${distributed}"`, intents: [intent.replaceValue(mode.node, distributed)], changesBehaviour: true });
    context.report(
      'algorithm-instance',
      modeFacts
        ? `The developer guide lists ${modeLabel()} for a single instance only; InstanceCount ${count} runs it outside what it supports.${distributed ? ` "${distributed}" is the mode of the same task that trains on several CPU instances.` : ''}`
        : `The developer guide states ${facts.label} trains on ${cap === 1 ? 'a single instance' : `at most ${cap} instances`} only; InstanceCount ${count} runs it outside what it supports.`,
      nodeRange(node),
      fixes,
      'error',
    );
  }
}

/**
 * A mode that trains on several instances and does the same task as `mode` (emits the same
 * metrics): BlazingText's batch_skipgram for skipgram and cbow; none for supervised.
 */
function distributedMode(job: AlgorithmJob, mode: JobMode): string | undefined {
  const { facts } = job;
  const task = (value: string) => facts.metricsOfMode(value).map((metric) => metric.name).join(',');
  return Object.entries(facts.data.instances.byMode ?? {}).find(([value, entry]) => value !== mode.value && entry.multiInstance && task(value) === task(mode.value))?.[0];
}

/** The members that hold a job's instances: a training job's ResourceConfig, a tuning job's own resource config. */
const RESOURCE_CONFIGS = ['ResourceConfig', 'HyperParameterTuningResourceConfig'];
/** The lists of instance groups or configs within a resource config. */
const INSTANCE_LISTS = ['InstanceGroups', 'InstanceConfigs'];

function instanceTypeNodes(job: AlgorithmJob): Node[] {
  const nodes: Node[] = [];
  for (const member of RESOURCE_CONFIGS) {
    const config = memberValue(job.definition, member);
    if (config?.type !== 'object') continue;
    addInstanceType(nodes, memberValue(config, 'InstanceType'));
    for (const list of INSTANCE_LISTS) {
      const items = memberValue(config, list);
      if (items?.type === 'array') for (const item of items.children ?? []) addInstanceType(nodes, memberValue(item, 'InstanceType'));
    }
  }
  return nodes;
}

/** Adds a static instance type string, or those a computed one reads (a parameter's default and allowed values); nothing else is judged. */
function addInstanceType(nodes: Node[], node: Node | undefined): void {
  for (const reading of staticReadingsOf(node)) if (stringValue(reading) !== undefined) nodes.push(reading);
}

function instanceCountNodes(job: AlgorithmJob): Node[] {
  const nodes: Node[] = [];
  for (const member of RESOURCE_CONFIGS) {
    const config = memberValue(job.definition, member);
    const written = config?.type === 'object' ? memberValue(config, 'InstanceCount') : undefined;
    for (const node of staticReadingsOf(written)) if (node.type === 'number' && typeof node.value === 'number') nodes.push(node);
  }
  return nodes;
}
