/**
 * The SageMaker Python SDK's generic `Estimator(image_uri=…, hyperparameters={…}, instance_type=…,
 * instance_count=…, input_mode=…)` and later `<name>.set_hyperparameters(k=v, …)` calls on the name
 * it is bound to, as a partial CreateTrainingJob: `AlgorithmSpecification` (image, input mode),
 * `HyperParameters` (every source merged, values as the strings the SDK sends), `ResourceConfig`.
 * The SDK writes the rest of the request, so the document is marked `sdkRequest`: only the image
 * and built-in algorithm rules run on it (see analyze.ts).
 *
 * Script mode is not algorithm mode: an estimator given `entry_point=` runs the user's script and
 * gets no request here (a `sagemaker_program` hyperparameter is left to algorithmJobs).
 */
import type { Node } from 'jsonc-parser';
import type { ImageField, SpecDocument } from '../../specDocument';
import type { PythonScopes } from './pythonScopes';
import { calleeName, childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';
import { argumentsInfo, type PythonNode, type PythonNodeInfo, type PythonValues } from './pythonValues';

/** A `set_hyperparameters(…)` or `fit(…)` call of the file: its receiver and argument list. */
export interface EstimatorMethodCall {
  callee: SyntaxNode;
  receiver: SyntaxNode | undefined;
  argList: SyntaxNode;
}

/** The SDK class this module reads (`sagemaker.estimator.Estimator`, v2). */
export const GENERIC_ESTIMATOR = 'Estimator';

/** The keyword that makes an estimator script mode. */
const SCRIPT_KEYWORD = 'entry_point';

/** True when the estimator runs the user's script (`entry_point=`): no algorithm rules. */
export function isScriptModeEstimator(keywords: ReadonlyMap<string, SyntaxNode>): boolean {
  return keywords.has(SCRIPT_KEYWORD);
}

interface HyperparameterSource {
  object: PythonNode;
  /** The name that introduces the source (`hyperparameters`, `set_hyperparameters`): missing-hyperparameter findings go there. */
  nameNode: SyntaxNode;
}

/**
 * The partial request of one `Estimator(…)` call (`call`, with its arguments by parameter name
 * `keywords`, positional ones included; `unmapped` when some parameter may be set where it cannot
 * be read, which may be `hyperparameters`: a positional argument, or `**kwargs`) whose image is `image` (a literal or template field, or a dynamic node for `retrieve` with its `retrieved`). `methodCalls`
 * are all the file's `set_hyperparameters` and `fit` calls: those on the name bound to this call
 * join its hyperparameters (and give its channels); one on anything we cannot follow (`self.est`,
 * a name bound twice) leaves them open, and so does an estimator not bound to a name (it may be
 * given more elsewhere).
 */
export function estimatorRequest(
  values: PythonValues,
  scopes: PythonScopes,
  call: SyntaxNode,
  keywords: ReadonlyMap<string, SyntaxNode>,
  unmapped: boolean,
  image: ImageField,
  methodCalls: ReadonlyMap<string, readonly EstimatorMethodCall[]>,
): SpecDocument {
  const text = values.text;
  const root = syntheticObject(call.from, call.to - call.from, undefined);
  const callee = calleeName(text, call);
  if (callee) root.anchor = { offset: callee.node.from, length: callee.node.to - callee.node.from };

  const specification = syntheticObject(call.from, call.to - call.from, undefined);
  addMember(specification, 'TrainingImage', image.value as PythonNode);
  const inputMode = keywords.get('input_mode');
  if (inputMode) addMember(specification, 'TrainingInputMode', values.node(inputMode, undefined));
  addMember(root, 'AlgorithmSpecification', specification);
  image.holder = specification;
  image.holderPath = ['AlgorithmSpecification'];

  const sources: HyperparameterSource[] = [];
  let open = false;
  const hyperparameters = keywords.get('hyperparameters');
  if (hyperparameters) {
    const node = values.node(hyperparameters, undefined);
    const keyword = previousKeyword(call, hyperparameters);
    if (node.type === 'object' && !node.dynamic && keyword) sources.push({ object: node, nameNode: keyword });
    else if (node.type !== 'null' || node.dynamic) open = true; // `hyperparameters=None` is none at all
  } else if (unmapped) {
    open = true; // perhaps given by position, or in `**kwargs`
  }
  const boundName = boundNameOf(text, call);
  if (!boundName) open = true;
  const callsOn = (method: string) => methodCallsOn(text, scopes, call, boundName, methodCalls.get(method) ?? []);
  const sets = callsOn('set_hyperparameters');
  if (sets.unknown) open = true;
  for (const setCall of sets.own) sources.push({ object: values.keywordObject(setCall.argList, undefined, 0, 'call'), nameNode: setCall.callee });
  // The member holding the map is named where its last source is introduced (with none, the
  // class name): missing-hyperparameter findings go there.
  const named = sources[sources.length - 1]?.nameNode ?? callee?.node;
  const merged = mergedHyperparameters(text, sources, open, call);
  openForTuners(merged, tunersTaking(callsOn), open);
  if (sources.length === 0) {
    // None written: a fix adds `hyperparameters={…}` to the estimator's arguments. Where they
    // are is read only when a fix is rendered (most estimators get none).
    let info: PythonNodeInfo | undefined;
    Object.defineProperty(merged, 'python', {
      get: () => (info ??= { ...argumentsInfo(call.getChild('ArgList')!, 'call'), keyword: 'hyperparameters' }),
      enumerable: true,
      configurable: true,
    });
  }
  addMember(root, 'HyperParameters', merged, named && { offset: named.from, length: named.to - named.from });

  const resources = syntheticObject(call.from, call.to - call.from, undefined);
  for (const [keyword, member] of [['instance_type', 'InstanceType'], ['instance_count', 'InstanceCount']] as const) {
    const syntax = keywords.get(keyword);
    if (syntax) addMember(resources, member, values.node(syntax, undefined));
  }
  addMember(root, 'ResourceConfig', resources);
  const fits = callsOn('fit');
  const channels = boundName && !fits.unknown && fits.own.length === 1 ? fitChannels(values, scopes, fits.own[0], 'inputs') : undefined;
  if (channels) {
    addMember(root, 'InputDataConfig', channels, { offset: fits.own[0].callee.from, length: fits.own[0].callee.to - fits.own[0].callee.from });
  } else {
    // Channels not known from one `fit(…)` with literal inputs: unknown, never missing.
    addMember(root, 'InputDataConfig', { type: 'null', value: null, offset: call.from, length: 0, dynamic: true });
  }

  return { text, root, parseErrors: [], kind: 'CreateTrainingJob', images: [image], host: 'python', sdkRequest: {} };
}

/**
 * The calls among `calls` (of one method) made on the estimator `call` bound to `boundName`;
 * `unknown` when one may be on it but cannot be followed (`self.est.fit(…)`, a name bound twice).
 */
/** The key under which the file's `HyperparameterTuner(estimator, …)` calls are listed with the method calls (pythonRequests.ts). */
export const TUNED = 'tuned';

/**
 * The `HyperparameterTuner`s that take the estimator: a tuner sets some hyperparameters from
 * ranges (a required one given as a range is present). `unknown` when one may take it but cannot
 * be followed: then none is ever reported missing.
 */
export function tunersTaking(callsOn: (method: string) => { own: readonly EstimatorMethodCall[]; unknown: boolean }): { count: number; unknown: boolean } {
  const tuners = callsOn(TUNED);
  return { count: tuners.own.length, unknown: tuners.unknown };
}

/**
 * Opens `hyperparameters` for the tuners that take the estimator (see tunersTaking): for good
 * when one cannot be followed, else marked `openedByTuners` so that reading every tuner's ranges
 * closes it again.
 */
export function openForTuners(hyperparameters: PythonNode, tuners: { count: number; unknown: boolean }, openOtherwise: boolean): void {
  if (tuners.count === 0 && !tuners.unknown) return;
  hyperparameters.openMembers = true;
  if (!openOtherwise && !tuners.unknown) hyperparameters.openedByTuners = tuners.count;
}

export function methodCallsOn(
  text: string,
  scopes: PythonScopes,
  call: SyntaxNode,
  boundName: string | undefined,
  calls: readonly EstimatorMethodCall[],
): { own: EstimatorMethodCall[]; unknown: boolean } {
  const own: EstimatorMethodCall[] = [];
  let unknown = false;
  for (const methodCall of calls) {
    const receiver = methodCall.receiver;
    const target = receiver?.name === 'VariableName' ? scopes.resolveBinding(receiver) : undefined;
    if (target && target.from === call.from && target.to === call.to) own.push(methodCall);
    else if (!target && (receiver?.name !== 'VariableName' || sourceOf(text, receiver) === boundName)) unknown = true;
  }
  return { own, unknown };
}

/** `TrainingInput(s3_data, distribution, compression, content_type, …)`: positional arguments past `compression` hide the content type. */
const TRAINING_INPUT_POSITIONAL_BEFORE_CONTENT_TYPE = 3;

/** The channel the SDK names a single `fit(…)` input (`_Job._format_inputs_to_input_config`). */
export const SINGLE_INPUT_CHANNEL = 'training';

/** The channel a `RecordSet` is bound to unless its `channel=` says otherwise. */
const RECORD_SET_CHANNEL = 'train';

/**
 * Where `RecordSet(s3_data, num_records, feature_dim, s3_data_type, channel)` and
 * `<estimator>.record_set(train, labels, channel)` take the channel name, by position.
 */
const RECORD_SET_CHANNEL_POSITION: Readonly<Record<string, number>> = { RecordSet: 4, record_set: 2 };

/**
 * The channels of `fit(…)` as an `InputDataConfig` array, from its first argument or the keyword
 * `parameter` (`inputs` for the generic Estimator, `records` for the Amazon estimators), as
 * `_Job._format_inputs_to_input_config` makes them:
 * - `{"train": …, "validation": …}` (a dict literal or a name bound once to one) names each channel;
 * - a single S3 URI string or `TrainingInput(…)` is the channel `training` (a name the source does
 *   not write: findings on it go on the input, and a rename writes `{"<name>": <input>}`);
 * - a `RecordSet(…)` or `<estimator>.record_set(…)`, or a list of them, is the channel its
 *   `channel=` names (default `train`), without a ContentType (the SDK sends none).
 * An input is an S3 URI string (no ContentType) or `TrainingInput(…)` (in place or through a
 * name bound once) whose `content_type=` and `input_mode=` are read; anything else leaves the
 * channel's ContentType unknown. Undefined when the channels themselves are not known.
 */
export function fitChannels(values: PythonValues, scopes: PythonScopes, fit: EstimatorMethodCall, parameter: 'inputs' | 'records'): PythonNode | undefined {
  const fitArguments = callArguments(values.text, fit.argList);
  if (fitArguments.unpacked) return undefined;
  const inputs = fitArguments.keywords.get(parameter) ?? fitArguments.positional[0];
  if (!inputs) return undefined;
  const array: PythonNode = { type: 'array', offset: fit.argList.from, length: fit.argList.to - fit.argList.from, children: [] };
  const expression = resolved(scopes, inputs);
  if (expression.name === 'DictionaryExpression') {
    const children = childrenOf(expression);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '{' || child.name === '}' || child.name === ',') continue;
      if (child.name !== 'String' || children[i + 1]?.name !== ':' || !children[i + 2]) return undefined; // `**more`, a computed key
      const name = values.string(child, undefined);
      if (name.dynamic) return undefined;
      array.children!.push(channelNode(values, scopes, name, children[i + 2], array));
      i += 2;
    }
    return array;
  }
  const recordSets = expression.name === 'ArrayExpression' ? childrenOf(expression).filter((child) => !['[', ']', ','].includes(child.name)) : [expression];
  const named = recordSets.map((recordSet) => recordSetChannel(values, scopes, recordSet));
  if (named.every((name) => name !== undefined) && (expression.name === 'ArrayExpression' || named.length === 1)) {
    for (const name of named) {
      const channel: PythonNode = { type: 'object', offset: name!.offset, length: name!.length, parent: array, children: [] };
      addMember(channel, 'ChannelName', name!);
      array.children!.push(channel);
    }
    return array;
  }
  if (expression.name === 'String' || trainingInputArguments(values.text, expression)) {
    const range = { offset: inputs.from, length: inputs.to - inputs.from };
    const name: PythonNode = { type: 'string', value: SINGLE_INPUT_CHANNEL, ...range, content: range, python: { kind: 'singleInputChannel' } };
    array.children!.push(channelNode(values, scopes, name, inputs, array));
    return array;
  }
  return undefined;
}

/**
 * The channel name node of a `RecordSet(…)` / `….record_set(…)` call (in place or through a name
 * bound once): its literal `channel=` argument, or a node for the default `train` on the call.
 * Undefined for anything else, or a channel that is not a literal.
 */
function recordSetChannel(values: PythonValues, scopes: PythonScopes, syntax: SyntaxNode): PythonNode | undefined {
  const call = resolved(scopes, syntax);
  const callee = call.name === 'CallExpression' ? calleeName(values.text, call) : undefined;
  const argList = call.getChild('ArgList');
  const position = callee && Object.hasOwn(RECORD_SET_CHANNEL_POSITION, callee.name) ? RECORD_SET_CHANNEL_POSITION[callee.name] : undefined;
  if (!callee || !argList || position === undefined || (callee.name === 'record_set') !== (callee.receiver !== undefined)) return undefined;
  const recordArguments = callArguments(values.text, argList);
  if (recordArguments.unpacked) return undefined;
  const channel = recordArguments.keywords.get('channel') ?? recordArguments.positional[position];
  const range = { offset: syntax.from, length: syntax.to - syntax.from };
  if (!channel) return { type: 'string', value: RECORD_SET_CHANNEL, ...range, content: range, python: { kind: 'sdkWritten' } };
  const name = values.node(channel, undefined);
  return name.type === 'string' && !name.dynamic ? name : undefined;
}

/** The arguments of `TrainingInput(…)` when `expression` is that call. */
function trainingInputArguments(text: string, expression: SyntaxNode): SyntaxNode | undefined {
  const callee = expression.name === 'CallExpression' ? calleeName(text, expression) : undefined;
  return callee?.name === 'TrainingInput' ? (expression.getChild('ArgList') ?? undefined) : undefined;
}

/** One channel object: ChannelName (the dict key), ContentType and InputMode from a `TrainingInput(…)`. */
function channelNode(values: PythonValues, scopes: PythonScopes, name: PythonNode, input: SyntaxNode, parent: PythonNode): PythonNode {
  const channel: PythonNode = { type: 'object', offset: name.offset, length: input.to - name.offset, parent, children: [] };
  addMember(channel, 'ChannelName', name);
  const unknownContentType = () => addMember(channel, 'ContentType', { type: 'null', value: null, offset: input.from, length: input.to - input.from, dynamic: true });
  const expression = resolved(scopes, input);
  if (expression.name === 'String') return channel; // an S3 URI: no ContentType sent
  const argList = trainingInputArguments(values.text, expression);
  if (!argList) {
    unknownContentType();
    return channel;
  }
  const inputArguments = callArguments(values.text, argList);
  const contentType = inputArguments.keywords.get('content_type');
  if (inputArguments.unpacked || inputArguments.positional.length > TRAINING_INPUT_POSITIONAL_BEFORE_CONTENT_TYPE) unknownContentType();
  else if (contentType) addMember(channel, 'ContentType', values.node(contentType, undefined));
  const inputMode = inputArguments.keywords.get('input_mode');
  if (inputMode) addMember(channel, 'InputMode', values.node(inputMode, undefined));
  return channel;
}

/** A name bound once stands for its expression. */
export function resolved(scopes: PythonScopes, syntax: SyntaxNode): SyntaxNode {
  return syntax.name === 'VariableName' ? (scopes.resolve(syntax) ?? syntax) : syntax;
}

/** A call's arguments: keyword values by name, positional values, and whether `*`/`**` hides some. */
export function callArguments(text: string, argList: SyntaxNode): { keywords: Map<string, SyntaxNode>; positional: SyntaxNode[]; unpacked: boolean } {
  const keywords = new Map<string, SyntaxNode>();
  const positional: SyntaxNode[] = [];
  let unpacked = false;
  const children = childrenOf(argList).filter((child) => child.name !== '(' && child.name !== ')' && child.name !== ',');
  for (let i = 0; i < children.length; i++) {
    if (children[i].name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
      keywords.set(sourceOf(text, children[i]), children[i + 2]);
      i += 2;
    } else if (children[i].name === '*' || children[i].name === '**') {
      unpacked = true;
      i += 1;
    } else {
      positional.push(children[i]);
    }
  }
  return { keywords, positional, unpacked };
}

/**
 * One object holding every source's members, in source order, each value as the string the SDK
 * sends (`str(value)`). Fixes that add a member go to the last source (a `set_hyperparameters`
 * call, else the dict), written in its syntax; with no source, the object has nowhere to insert.
 */
function mergedHyperparameters(text: string, sources: readonly HyperparameterSource[], open: boolean, call: SyntaxNode): PythonNode {
  const from = Math.min(call.from, ...sources.map((source) => source.object.offset));
  const to = Math.max(call.to, ...sources.map((source) => source.object.offset + source.object.length));
  const merged = syntheticObject(from, to - from, undefined);
  if (open) merged.openMembers = true;
  for (const source of sources) {
    if (source.object.openMembers) merged.openMembers = true;
    for (const property of source.object.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const sent = sentValue(text, value as PythonNode);
      const member: PythonNode = { type: 'property', offset: property.offset, length: property.length, parent: merged, colonOffset: property.colonOffset, children: [key, sent] };
      (key as { parent?: Node }).parent = member;
      (sent as { parent?: Node }).parent = member;
      merged.children!.push(member);
    }
  }
  const target = sources[sources.length - 1];
  if (target) merged.python = target.object.python;
  return merged;
}

/**
 * The value the SDK sends for a Python value: `str(value)`. Strings are themselves; ints, floats,
 * `True`/`False` and `None` their `str()` forms (a string node on the literal, so fixes replace
 * it with a quoted string); anything else (a list, a dict, a call) is dynamic: never judged.
 */
export function sentValue(text: string, value: PythonNode): PythonNode {
  if (value.dynamic || value.type === 'string') return value;
  const literal = text.slice(value.offset, value.offset + value.length);
  let sent: string | undefined;
  if (value.type === 'number' && typeof value.value === 'number') sent = pythonNumberText(literal, value.value);
  else if (value.type === 'boolean') sent = value.value ? 'True' : 'False';
  else if (value.type === 'null') sent = 'None';
  const range = { offset: value.offset, length: value.length };
  if (sent === undefined) return { type: 'null', value: null, ...range, dynamic: true };
  return { type: 'string', value: sent, ...range, content: range };
}

/**
 * `str()` of a Python int or float literal whose value is `value`: `100`, `0.3`, `100.0`,
 * `1e-05`, `1e+16`. Undefined for an int too large to hold exactly.
 */
export function pythonNumberText(literal: string, value: number): string | undefined {
  const body = literal.replace(/[\s_+-]/g, '').toLowerCase();
  const float = !/^0[xob]/.test(body) && /[.e]/.test(body);
  if (!float) return Number.isSafeInteger(value) ? String(value) : undefined;
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // toExponential() without digits gives the shortest digits that read back as `value`, as repr does.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const digits = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const power = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${mantissa}e${power}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
}

/** The name a call is bound to (`est = Estimator(…)`), or undefined when it is used some other way. */
export function boundNameOf(text: string, call: SyntaxNode): string | undefined {
  const statement = call.parent;
  if (statement?.name !== 'AssignStatement') return undefined;
  const target = statement.firstChild;
  const op = target?.nextSibling;
  return target?.name === 'VariableName' && op?.name === 'AssignOp' && op.nextSibling?.from === call.from ? sourceOf(text, target) : undefined;
}

/** The keyword's name node before the value `argument` in `call`'s argument list. */
function previousKeyword(call: SyntaxNode, argument: SyntaxNode): SyntaxNode | undefined {
  const op = argument.prevSibling;
  const name = op?.name === 'AssignOp' ? op.prevSibling : undefined;
  return name?.name === 'VariableName' && name.parent?.parent?.from === call.from ? name : undefined;
}

export function syntheticObject(offset: number, length: number, parent: Node | undefined): PythonNode {
  return { type: 'object', offset, length, parent, children: [] };
}

/**
 * Adds `name: value` to a synthetic object. The key lies at `keyRange` (the source text that
 * stands for the member), else empty at the value's start, so ranges stay inside the source.
 */
export function addMember(object: PythonNode, name: string, value: PythonNode, keyRange = { offset: value.offset, length: 0 }): void {
  const property: PythonNode = { type: 'property', offset: value.offset, length: value.length, parent: object, children: [] };
  const key: PythonNode = { type: 'string', value: name, ...keyRange, parent: property, content: keyRange };
  (value as { parent?: Node }).parent = property;
  property.children!.push(key, value);
  object.children!.push(property);
}
