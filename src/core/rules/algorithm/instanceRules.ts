/**
 * `algorithm-instance`: a GPU-only built-in algorithm on an instance type without GPUs, a CPU-only
 * one on a GPU instance type, an XGBoost version without GPU training on a GPU instance, and
 * `InstanceCount` above 1 for an algorithm that trains on one instance. Instance GPUs come from
 * the SDK's GPU table (see processorRule.ts).
 *
 * Severity follows what happens to the job, not only where the fact comes from: a GPU-only
 * algorithm on a CPU instance is refused by SageMaker itself at submission ("only GPU instances
 * are supported"), the strongest evidence there is, so it is an error whatever the source; a
 * CPU-only image on a GPU instance runs and only leaves the GPUs idle (wasted money, not a failed
 * job), so it is a warning even where the container is the source (XGBoost before 1.2-1).
 */
import type { Node } from 'jsonc-parser';
import type { AlgorithmJob } from '../../algorithms/algorithmJobs';
import type { InstanceGpuTable } from '../../catalog/instanceGpus';
import { intent } from '../../edits/editIntent';
import { memberValue, stringValue } from '../../jsonTree';
import { isDynamic } from '../../requestTree';
import { instanceHasGpus } from '../processorRule';
import { nodeRange, type RuleContext } from '../ruleContext';
import { severityOf } from './algorithmSeverity';

export function checkInstances(context: RuleContext, job: AlgorithmJob, gpus: InstanceGpuTable): void {
  if (!context.isEnabled('algorithm-instance')) return;
  const { facts } = job;
  const { instances } = facts.data;
  for (const node of instanceTypeNodes(job)) {
    const instanceType = stringValue(node)!;
    const hasGpus = instanceHasGpus(gpus, instanceType);
    if (hasGpus === undefined) continue;
    if (!hasGpus && !instances.cpu) {
      context.report('algorithm-instance', `${instanceType} has no GPU, and ${facts.label} trains on GPU instances only: SageMaker refuses the job at submission. Use a GPU instance type (ml.p3, ml.g5, …).`, nodeRange(node), [], 'error');
    } else if (hasGpus && !instances.gpu) {
      context.report('algorithm-instance', `${instanceType} has GPUs, but ${facts.label} trains on CPU only: the job runs and the GPUs stay idle. Use a CPU instance type (ml.m5, ml.c5, …).`, nodeRange(node), [], 'warning');
    } else if (hasGpus && instances.gpuSinceVersion !== undefined && facts.version !== undefined && !facts.atLeast(instances.gpuSinceVersion)) {
      context.report('algorithm-instance', `${facts.label} has no GPU training (it starts with ${instances.gpuSinceVersion}): on ${instanceType} the job runs and the GPUs stay idle. Use a CPU instance type or a newer version.`, nodeRange(node), [], 'warning');
    }
  }
  const single = instances.multiInstance === false;
  const cap = instances.maxInstanceCount ?? (single ? 1 : undefined);
  if (cap === undefined) return;
  for (const node of instanceCountNodes(job)) {
    const count = node.value as number;
    if (count <= cap) continue;
    context.report(
      'algorithm-instance',
      `${facts.label} trains on ${cap === 1 ? 'a single instance' : `at most ${cap} instances`}; InstanceCount ${count} starts instances it does not use, and the job may fail inside the container.`,
      nodeRange(node),
      [{ title: `Change to ${cap}`, intents: [intent.replaceValue(node, cap)], preferred: true, changesBehaviour: true }],
      severityOf(facts.data.evidence),
    );
  }
}

function resourceConfigs(job: AlgorithmJob): Node[] {
  const configs: Node[] = [];
  for (const member of ['ResourceConfig', 'HyperParameterTuningResourceConfig']) {
    const config = memberValue(job.definition, member);
    if (config?.type === 'object') configs.push(config);
  }
  return configs;
}

function instanceTypeNodes(job: AlgorithmJob): Node[] {
  const nodes: Node[] = [];
  const add = (node: Node | undefined) => {
    if (node && !isDynamic(node) && stringValue(node) !== undefined) nodes.push(node);
  };
  for (const config of resourceConfigs(job)) {
    add(memberValue(config, 'InstanceType'));
    for (const list of ['InstanceGroups', 'InstanceConfigs']) {
      const items = memberValue(config, list);
      for (const item of items?.type === 'array' ? (items.children ?? []) : []) add(memberValue(item, 'InstanceType'));
    }
  }
  return nodes;
}

function instanceCountNodes(job: AlgorithmJob): Node[] {
  const nodes: Node[] = [];
  for (const config of resourceConfigs(job)) {
    const node = memberValue(config, 'InstanceCount');
    if (node?.type === 'number' && !isDynamic(node) && typeof node.value === 'number') nodes.push(node);
  }
  return nodes;
}
