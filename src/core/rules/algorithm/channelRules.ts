/**
 * The channels of a built-in algorithm job (`InputDataConfig`): names the algorithm does not read
 * and required ones missing (`algorithm-channel`; one finding, on the name, when that name is
 * clearly the missing one misspelt: `training` for XGBoost's `train`), ContentTypes it does not accept in the
 * channel's input mode (`algorithm-content-type`; XGBoost compares them exactly, so `TEXT/CSV`
 * fails), and Pipe mode where the algorithm or channel has none (`algorithm-input-mode`).
 * `FastFile` mode is treated as `File`.
 */
import type { Node } from 'jsonc-parser';
import type { ChannelData, Evidence } from '../../algorithms/algorithmData';
import { staticString, type AlgorithmJob } from '../../algorithms/algorithmJobs';
import { closestMatches, isClearNearest } from '../../closestMatches';
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import { keyOfValue, memberValue } from '../../jsonTree';
import { isDynamic } from '../../requestTree';
import { nodeRange, type RuleContext } from '../ruleContext';
import { consequence, listText, REQUIRED_IN_EVERY_REQUEST, severityOf } from './algorithmSeverity';

export function checkChannels(context: RuleContext, job: AlgorithmJob): void {
  const { facts } = job;
  const config = memberValue(job.definition, 'InputDataConfig');
  if (config && (config.type !== 'array' || isDynamic(config))) return;
  const defaultModeNode = memberValue(job.image.holder, 'TrainingInputMode');
  const defaultMode = staticString(job.image.holder, 'TrainingInputMode');
  const names: string[] = []; // a job has a few channels: a list, not a Set per job
  let allNamesKnown = true;
  const pipeFromDefault: string[] = [];
  const unknown: { nameNode: Node; name: string }[] = [];
  // Every channel's name, for the unknown-channel fixes: read once per job, on the first unknown
  // channel (read per unknown channel, 4,000 of them took seconds).
  let present: ReadonlySet<string | undefined> | undefined;
  const presentNames = () => (present ??= new Set((config?.children ?? []).map((channel) => staticString(channel, 'ChannelName'))));
  for (const channel of config?.children ?? []) {
    const nameNode = memberValue(channel, 'ChannelName');
    const name = staticString(channel, 'ChannelName');
    if (name === undefined || !nameNode) {
      allNamesKnown = false;
      continue;
    }
    names.push(name);
    const data = facts.data.channels[name];
    if (!data) {
      unknown.push({ nameNode, name });
      continue;
    }
    const modeNode = memberValue(channel, 'InputMode') ?? defaultModeNode;
    const modeValue = memberValue(channel, 'InputMode') ? staticString(channel, 'InputMode') : defaultMode;
    if (modeValue === undefined && modeNode) continue; // dynamic mode: nothing to judge
    const mode = modeValue === 'Pipe' ? 'Pipe' : 'File';
    if (mode === 'Pipe' && !pipeSupported(job, data)) {
      if (modeNode && modeNode === defaultModeNode) pipeFromDefault.push(name);
      else if (modeNode) reportPipe(context, job, modeNode, [name]);
      continue;
    }
    checkContentType(context, job, channel, nameNode, name, data, mode);
  }
  if (pipeFromDefault.length > 0 && defaultModeNode) reportPipe(context, job, defaultModeNode, pipeFromDefault);
  const missing = allNamesKnown ? missingChannels(context, job, names) : [];
  // A missing channel an unknown name clearly stands for is said once, on that name (its rename gives it).
  const claimed = new Set<string>();
  // The channels the algorithm reads, and how a message lists them: once per job, not per unknown name.
  const known = Object.keys(facts.data.channels);
  const readable = { known, listed: listText(known) };
  for (const { nameNode, name } of unknown) {
    const meant = reportUnknownChannel(context, job, config!, nameNode, name, presentNames(), missing.filter(({ name: required }) => !claimed.has(required)), readable);
    if (meant) claimed.add(meant);
  }
  reportMissingChannels(context, job, config, missing.filter(({ name }) => !claimed.has(name)));
}

/** A required channel the job lacks, with the weight of its requirement. */
interface MissingChannel {
  name: string;
  evidence: Evidence;
}

function pipeSupported(job: AlgorithmJob, data: ChannelData): boolean {
  const { facts } = job;
  if (!facts.data.inputModes.includes('Pipe') || data.contentTypes.Pipe === undefined) return false;
  return facts.version === undefined || !(facts.data.pipeRemovedInVersions ?? []).includes(facts.version);
}

function reportPipe(context: RuleContext, job: AlgorithmJob, modeNode: Node, channels: string[]): void {
  if (!context.isEnabled('algorithm-input-mode')) return;
  const { facts } = job;
  const removed = facts.version !== undefined && (facts.data.pipeRemovedInVersions ?? []).includes(facts.version);
  const why = removed
    ? `${facts.label} no longer reads Pipe input`
    : facts.data.inputModes.includes('Pipe')
      ? `${facts.label} has no Pipe mode for ${channels.length === 1 ? 'channel' : 'channels'} ${listText(channels)}`
      : `${facts.label} has no Pipe mode`;
  const evidence = facts.data.evidence;
  context.report(
    'algorithm-input-mode',
    `${why}. ${consequence(evidence)}; use File (or FastFile).`,
    nodeRange(modeNode),
    [{ title: 'Change to File', intents: [intent.replaceValue(modeNode, 'File')], preferred: true, changesBehaviour: true }],
    severityOf(evidence),
  );
}

/**
 * `config`: the job's InputDataConfig list; `present`: its channels' names, which a fix must not
 * repeat; `missing`: required channels the job lacks, not yet said; `known`: the channels the
 * algorithm reads, `listed` in words. Returns the missing channel
 * this name clearly stands for (its preferred fix), which the finding then says is missing.
 */
function reportUnknownChannel(
  context: RuleContext,
  job: AlgorithmJob,
  config: Node,
  nameNode: Node,
  name: string,
  present: ReadonlySet<string | undefined>,
  missing: readonly MissingChannel[],
  { known, listed }: { known: readonly string[]; listed: string },
): string | undefined {
  if (!context.isEnabled('algorithm-channel')) return undefined;
  const { facts } = job;
  // A shortened name (`valid`, `val`) means the channel it begins.
  const prefixed = known.filter((candidate) => candidate.startsWith(name.toLowerCase()));
  const candidates = [...prefixed, ...closestMatches(name, known, 3).filter((candidate) => !prefixed.includes(candidate))].slice(0, 3);
  // A name another channel has is no fix: SageMaker refuses two channels of one name.
  const fixes: QuickFix[] = [];
  // Preferred when the name begins one channel alone, or is a clear typo of one.
  const clear = prefixed.length === 1 || (prefixed.length === 0 && isClearNearest(name, candidates));
  candidates.forEach((candidate, index) => {
    if (!present.has(candidate)) {
      fixes.push({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(nameNode, candidate)], preferred: index === 0 && clear, givesName: { within: config, name: candidate } });
    }
  });
  const taken = candidates.length > 0 && present.has(candidates[0]) ? ` The nearest, "${candidates[0]}", is another channel of this job already.` : '';
  const rejected = facts.data.unknownChannels === 'rejected';
  const meant = clear && !present.has(candidates[0]) ? missing.find((channel) => channel.name === candidates[0]) : undefined;
  const message = rejected
    ? `${facts.label} has no channel "${name}" (it reads ${listed}): ${consequence('container')}.${taken}`
    : `${facts.label} does not read a channel "${name}" (it reads ${listed}); the data is not used.${taken}`;
  const needs = meant ? ` It needs a "${meant.name}" channel, which the job lacks: this one looks meant as "${meant.name}".` : '';
  const severity = rejected || (meant && severityOf(meant.evidence) === 'error') ? 'error' : 'warning';
  context.report('algorithm-channel', `${message}${needs}`, nodeRange(nameNode), fixes, severity);
  return meant?.name;
}

/** The required channels not in `names`; none while the document did not parse whole (a YAML syntax error: the channel may be there). */
function missingChannels(context: RuleContext, job: AlgorithmJob, names: readonly string[]): MissingChannel[] {
  if (!context.isEnabled('algorithm-channel') || context.spec.incomplete) return [];
  const missing: MissingChannel[] = [];
  for (const { name, channel: data } of job.facts.requiredChannels) {
    if (names.includes(name)) continue;
    const mode = data.modes && staticString(memberValue(job.definition, 'HyperParameters') ?? memberValue(job.definition, 'StaticHyperParameters'), 'mode');
    if (data.modes && mode !== undefined && !data.modes.includes(mode)) continue;
    // Needed only in some modes: a condition, weighed by its source.
    missing.push({ name, evidence: data.modes ? data.evidence : REQUIRED_IN_EVERY_REQUEST });
  }
  return missing;
}

function reportMissingChannels(context: RuleContext, job: AlgorithmJob, config: Node | undefined, missing: readonly MissingChannel[]): void {
  const key = config ? keyOfValue(config) : undefined;
  for (const { name, evidence } of missing) {
    context.report(
      'algorithm-channel',
      `${job.facts.label} needs a "${name}" channel in InputDataConfig. ${consequence(evidence)}.`,
      nodeRange(key ?? job.image.written ?? job.image.value),
      [],
      severityOf(evidence),
    );
  }
}

/** Lower case without blanks, so `text/csv; label_size=0` and `text/csv;label_size=0` compare equal. */
function normalized(contentType: string): string {
  return contentType.toLowerCase().replace(/\s+/g, '');
}

function accepted(data: ChannelData, accepted: readonly string[], contentType: string): boolean {
  if (data.exactContentType) return accepted.includes(contentType);
  const wanted = normalized(contentType);
  const base = wanted.split(';')[0];
  return accepted.some((candidate) => {
    const known = normalized(candidate);
    return known === wanted || known.split(';')[0] === base;
  });
}

function checkContentType(context: RuleContext, job: AlgorithmJob, channel: Node, nameNode: Node, name: string, data: ChannelData, mode: 'File' | 'Pipe'): void {
  if (!context.isEnabled('algorithm-content-type')) return;
  const { facts } = job;
  const list = data.contentTypes[mode];
  if (!list || list.length === 0) return;
  const node = memberValue(channel, 'ContentType');
  const contentType = staticString(channel, 'ContentType');
  const exact = data.exactContentType ? ' (compared exactly, case included)' : '';
  if (!node) {
    // Without ContentType the algorithm reads its default, which Pipe mode may not accept.
    if (data.defaultContentType && !list.includes(data.defaultContentType)) {
      context.report(
        'algorithm-content-type',
        `Channel "${name}" has no ContentType, so ${facts.label} reads ${data.defaultContentType}, which it does not accept in ${mode} mode (it accepts ${listText(list, 'or')}). ${consequence(data.evidence)}.`,
        nodeRange(nameNode),
        [],
        severityOf(data.evidence),
      );
    }
    return;
  }
  if (contentType === undefined || accepted(data, list, contentType)) return;
  const candidates = closestMatches(contentType, list, 3);
  const fixes: QuickFix[] = candidates.map((candidate, index) => ({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(node, candidate)], preferred: index === 0 && isClearNearest(contentType, candidates) }));
  context.report(
    'algorithm-content-type',
    `${facts.label} does not accept ContentType "${contentType}" on channel "${name}" in ${mode} mode${exact}; it accepts ${listText(list, 'or')}. ${consequence(data.evidence)}.`,
    nodeRange(node),
    fixes,
    severityOf(data.evidence),
  );
}
