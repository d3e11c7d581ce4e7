/**
 * The region a boto3 client sends its requests to, as the code names it: `region_name=` on
 * `boto3.client("sagemaker", …)` (or `<session>.client(…)`), else on the `boto3.Session(…)` the
 * client is made from; each call in place or through a name bound once, the region a literal or
 * a name bound once to one. boto3 uses that region wherever the code runs, so it is the target
 * region of the client's requests (see resolveRegion).
 */
import type { CodeRegion } from '../../region';
import { callArguments, resolved } from './pythonEstimators';
import type { PythonScopes } from './pythonScopes';
import { calleeName, dottedName, sourceOf, type SyntaxNode } from './pythonSyntax';
import type { PythonValues } from './pythonValues';

/** `Session.client(service_name, region_name, …)`, which `boto3.client(…)` calls with its arguments. */
const CLIENT_PARAMETERS = ['service_name', 'region_name'];
/** `boto3.session.Session(aws_access_key_id, aws_secret_access_key, aws_session_token, region_name, …)`. */
const SESSION_PARAMETERS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region_name'];

/** Longer region expressions are shortened in messages. */
const MAX_SHOWN = 40;

/**
 * The region the client `receiver` (the `sm` of `sm.create_training_job(…)`) names, or undefined
 * when the code names none (boto3 then takes the environment's or the profile's). A region the
 * code gives but we cannot read (`region_name=args.region`, `**kwargs`) is a CodeRegion without
 * a region.
 */
export function clientRegion(values: PythonValues, scopes: PythonScopes, receiver: SyntaxNode): CodeRegion | undefined {
  const client = resolved(scopes, receiver);
  const callee = client.name === 'CallExpression' ? calleeName(values.text, client) : undefined;
  if (callee?.name !== 'client') return undefined;
  const fromClient = regionArgument(values, client, CLIENT_PARAMETERS);
  if (fromClient !== 'none') return fromClient;
  // `region_name=None` or none at all: the session's region, when the client comes from one.
  const session = callee.receiver && resolved(scopes, callee.receiver);
  if (session?.name !== 'CallExpression' || calleeName(values.text, session)?.name !== 'Session') return undefined;
  const fromSession = regionArgument(values, session, SESSION_PARAMETERS);
  return fromSession === 'none' ? undefined : fromSession;
}

/** The `region_name` that `call` (with `parameters` in positional order) is given; `none` when absent or None. */
function regionArgument(values: PythonValues, call: SyntaxNode, parameters: readonly string[]): CodeRegion | 'none' {
  const text = values.text;
  const argList = call.getChild('ArgList');
  if (!argList) return 'none';
  const { keywords, positional, unpacked } = callArguments(text, argList);
  const argument = keywords.get('region_name') ?? positional[parameters.indexOf('region_name')];
  const made = `${dottedName(text, call.firstChild ?? undefined) ?? `….${calleeName(text, call)?.name}`}(…)`;
  if (!argument) return unpacked ? { region: undefined, origin: `the arguments of ${made}` } : 'none';
  const node = values.node(argument, undefined);
  if (node.type === 'null' && !node.dynamic) return 'none';
  const written = sourceOf(text, argument);
  const origin = `region_name=${written.length > MAX_SHOWN ? '…' : written} in ${made}`;
  const literal = node.type === 'string' && !node.dynamic && typeof node.value === 'string';
  return literal ? { region: node.value as string, origin, node } : { region: undefined, origin };
}
