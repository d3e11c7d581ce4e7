/**
 * What a call's callee stands for by the file's own bindings, so a function or class the file
 * defines, receives or imports from elsewhere is never read as the SageMaker Python SDK's. The
 * callee's first name (`retrieve` in `retrieve(…)`, `iu` in `iu.retrieve(…)`) is looked up where
 * the call reads it (PythonScopes.bindingsOf, Python's local-then-enclosing-then-module order):
 * - bound only by imports: the callee is the dotted path each import names with the rest of the
 *   callee appended (`from sagemaker import image_uris as iu` makes `iu.retrieve` the path
 *   `sagemaker.image_uris.retrieve`);
 * - bound by the file otherwise too (`def retrieve(…)`, `class XGBoost:`, a parameter, `image_uris
 *   = MyThing()`): the file's own, whatever it imports under the name as well;
 * - bound nowhere in the file (a snippet, a notebook whose import cell is elsewhere): as written.
 */
import type { PythonScopes } from './pythonScopes';
import { dottedName, type SyntaxNode } from './pythonSyntax';

export type CalleeOrigin =
  /** `paths`: one per import of the first name (`try: from a import f` / `except: from b import f` gives two). */
  | { kind: 'imported'; paths: string[] }
  | { kind: 'own' }
  /** `written`: the dotted callee as the source spells it. */
  | { kind: 'unbound'; written: string };

/** The origin of `callee` (see calleeName); undefined when it is no dotted name (`f()(…)`, `x[0].m(…)`). */
export function calleeOrigin(text: string, scopes: PythonScopes, callee: { name: string; node: SyntaxNode; receiver?: SyntaxNode }): CalleeOrigin | undefined {
  const receiver = callee.receiver ? dottedName(text, callee.receiver) : undefined;
  if (callee.receiver && receiver === undefined) return undefined;
  const written = receiver !== undefined ? `${receiver}.${callee.name}` : callee.name;
  const dot = written.indexOf('.');
  const head = dot < 0 ? written : written.slice(0, dot);
  const rest = dot < 0 ? '' : written.slice(dot);
  const origins = scopes.bindingsOf(head, (callee.receiver ?? callee.node).from);
  if (origins === undefined) return { kind: 'unbound', written };
  const paths: string[] = [];
  for (const origin of origins) {
    if (origin === 'own') return { kind: 'own' };
    paths.push(origin.imported + rest);
  }
  // Only `name = None` bindings: nothing callable is bound, the call fails whatever it names.
  return paths.length > 0 ? { kind: 'imported', paths } : { kind: 'own' };
}

/** A dotted path inside the SageMaker Python SDK's package (v2's `sagemaker.…`, v3's `sagemaker.core.…`, `sagemaker.train.…`). */
export function isSdkPath(path: string): boolean {
  return path === 'sagemaker' || path.startsWith('sagemaker.');
}

/**
 * False when the file's bindings make the callee something other than the SDK's: its own
 * binding, or an import from another package (`from mylib.models import XGBoost`). True when it
 * is imported from `sagemaker`, bound nowhere in the file, or no dotted name: what the callee's
 * name alone says then decides.
 */
export function mayBeSdkCallee(origin: CalleeOrigin | undefined): boolean {
  if (origin === undefined || origin.kind === 'unbound') return true;
  return origin.kind === 'imported' && origin.paths.every(isSdkPath);
}
