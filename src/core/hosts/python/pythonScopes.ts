/**
 * Which names resolve to a literal. A module (or a notebook's code cells in order) is one scope,
 * and so is each function or class body. A name bound exactly once in its scope, to an
 * expression, resolves to that expression; bound more than once, deleted, augmented, stored into
 * (`cfg['X'] = …`, `cfg.x = …`) or mutated by a method (`.update()`, `.append()`, …) anywhere in
 * the file, it resolves to nothing: we never guess a value that may change.
 *
 * A change reaches the names an object may be, or hold: `b = a; b["X"] = 1` changes `a`, and so
 * does `lst = [a]; lst[0]["X"] = 1`. A change of a new object's own contents does not reach what
 * it was built from: `steps = [step]; steps += [other]` leaves `step` known, and
 * `predictor = model.deploy(instance_type=kind); predictor.serializer = …` leaves `kind` known.
 */
import type { TreeCursor } from '@lezer/common';
import { importBindings, importedPath } from './pythonImports';
import { childrenOf, sourceOf, withTarget, type SyntaxNode, type Tree } from './pythonSyntax';

/** The node kinds walk() reads; every other kind only holds them. */
const WALKED = new Set([
  'FunctionDefinition', 'ClassDefinition', 'LambdaExpression', 'AssignStatement', 'UpdateStatement', 'DeleteStatement', 'ScopeStatement',
  'NamedExpression', 'ForStatement', 'WithStatement', 'TryStatement', 'ImportStatement', 'CallExpression',
  'ArrayComprehensionExpression', 'DictionaryComprehensionExpression', 'SetComprehensionExpression', 'ComprehensionExpression',
]);

const MUTATING_METHODS = new Set(['update', 'append', 'extend', 'insert', 'pop', 'popitem', 'setdefault', 'clear', 'remove', 'sort', 'reverse', '__setitem__', '__delitem__', 'discard', 'add']);

/** Methods that return an object their receiver holds (`cfg.get("ResourceConfig")`): a change of it is a change inside the receiver. */
const ACCESSOR_METHODS = new Set(['get', 'setdefault', 'pop', 'popitem', 'values', 'items', '__getitem__']);

/**
 * How far a change goes: `own` changes the object itself (`x.append(…)`, `x["K"] = …`, `x += …`,
 * `x.a = …`); `inside` changes an object it holds (`x[0]["K"] = …`, `x.a.update(…)`), or may.
 */
type Change = 'own' | 'inside';

/** What a name was bound to: the expression, and whether the name is one element of it (`for v in …`). */
interface Alias {
  value: SyntaxNode;
  element: boolean;
}

/** A name as it occurs in the source: its text and where (which scope it is read or bound in follows). */
type NameAt = [name: string, offset: number];

/**
 * What one binding of a name made it: an import, with the dotted path it names (`from
 * sagemaker.image_uris import retrieve` → `sagemaker.image_uris.retrieve`, see importedPath), or
 * the file's own (a def, a class, a parameter, an assignment, a loop, `with` or `except` target).
 */
export type BindingOrigin = { imported: string } | 'own';

interface Binding {
  count: number;
  /** The assigned expression when the binding is a plain `name = expression`. */
  value?: SyntaxNode;
  /** Each binding's origin, in the order they were walked; `name = None` gives none (nothing is called through it). */
  origins: BindingOrigin[];
}

interface Scope {
  /** Its place in PythonScopes.scopes: part of the key of each name it binds (see nameKey). */
  index: number;
  from: number;
  to: number;
  depth: number;
  bindings: Map<string, Binding>;
  parent?: Scope;
}

/** Deeper syntax than this is no script a person wrote; the walk stops rather than overflow the stack. */
export const MAX_SYNTAX_DEPTH = 1000;

/** Thrown for a file nested deeper than MAX_SYNTAX_DEPTH: the host then reads nothing from it. */
export class PythonTooDeepError extends Error {
  constructor() {
    super(`Python nested deeper than ${MAX_SYNTAX_DEPTH} levels`);
  }
}

export class PythonScopes {
  private readonly scopes: Scope[] = [];
  /**
   * Variables deleted, augmented or declared global/nonlocal somewhere in the file: not even their
   * object is known. Keyed by nameKey (the scope that binds the name, and the name), as are the two below.
   */
  private readonly rebound = new Set<string>();
  /** Variables changed in place somewhere in the file (never resolved), with how far the change goes. */
  private readonly mutated = new Map<string, Change>();
  /**
   * Variables that may refer to the same object as others (`b = a`, `for v in [a]`): target → the
   * expressions it was bound to, whose names are read only if the target is mutated (most never are).
   */
  private readonly aliases = new Map<string, Alias[]>();
  /**
   * What the walk saw, tied to variables once every scope's bindings are known (a function may
   * bind a name after a line that changes it): changes, rebinds and aliases, each with the offset
   * of the name, which tells the scope it is read in.
   */
  private readonly seen: { changes: [...NameAt, Change][]; rebinds: NameAt[]; aliases: [...NameAt, Alias][] } = { changes: [], rebinds: [], aliases: [] };

  constructor(private readonly text: string, tree: Tree) {
    const module: Scope = { index: 0, from: 0, to: text.length, depth: 0, bindings: new Map() };
    this.scopes.push(module);
    this.walk(tree.topNode, module);
    for (const [name, offset, change] of this.seen.changes) this.change(this.nameKey(name, offset), change);
    for (const [name, offset] of this.seen.rebinds) this.rebound.add(this.nameKey(name, offset));
    for (const [name, offset, alias] of this.seen.aliases) {
      const key = this.nameKey(name, offset);
      const values = this.aliases.get(key);
      if (values) values.push(alias);
      else this.aliases.set(key, [alias]);
    }
    this.propagateMutations();
  }

  /**
   * The variable `name` read or bound at `offset` is: the innermost scope around it that binds the
   * name (a function's parameter or local is its own, not the module's), else the module's.
   */
  private nameKey(name: string, offset: number): string {
    let scope: Scope | undefined = this.scopeAt(offset);
    while (scope && !scope.bindings.has(name)) scope = scope.parent;
    return `${scope?.index ?? 0}:${name}`;
  }

  /** A change made through an alias changes what it aliases: `variants = lst; variants[0]["X"] = …` makes `lst` unknown. */
  private propagateMutations(): void {
    const pending = [...this.mutated];
    while (pending.length > 0) {
      const [key, change] = pending.pop()!;
      for (const alias of this.aliases.get(key) ?? []) {
        for (const [name, offset, reachedChange] of this.reachedBy(alias, change)) {
          const reached = this.nameKey(name, offset);
          if (this.change(reached, reachedChange)) pending.push([reached, reachedChange]);
        }
      }
    }
  }

  /**
   * The names a change of an alias reaches, and how far. An element's change (`for v in …`), or
   * a change inside, may be a change of any name in the expression; a change of the alias's own
   * object reaches only what it may be (see sameObjects).
   */
  private reachedBy(alias: Alias, change: Change): [...NameAt, Change][] {
    if (alias.element || change === 'inside') return this.namesIn(alias.value).map(([name, offset]) => [name, offset, 'inside']);
    return this.sameObjects(alias.value);
  }

  /**
   * The names whose object a value may be (`a`, `a or b`, `a if c else b`: that object's own
   * change) or be inside of (`a.b`, `a[0]`, `a.get("K")`: a change inside `a`). A new object —
   * a list, dict or set display, a comprehension, another call — is none of them.
   */
  private sameObjects(value: SyntaxNode): [...NameAt, Change][] {
    switch (value.name) {
      case 'VariableName':
        return [[sourceOf(this.text, value), value.from, 'own']];
      case 'ParenthesizedExpression':
        return childrenOf(value).flatMap((child) => this.sameObjects(child));
      case 'ConditionalExpression': {
        // `a if condition else b`: the object is `a` or `b`, never the condition's.
        const [whenTrue, , , , whenFalse] = childrenOf(value);
        return [whenTrue, whenFalse].flatMap((branch) => (branch ? this.sameObjects(branch) : []));
      }
      case 'BinaryExpression': {
        const [left, operator, right] = childrenOf(value);
        const either = operator && ['or', 'and'].includes(sourceOf(this.text, operator));
        return either ? [left, right].flatMap((side) => this.sameObjects(side)) : [];
      }
      case 'MemberExpression':
        return this.insideOf(value.firstChild);
      case 'CallExpression': {
        const callee = value.firstChild;
        const method = callee?.name === 'MemberExpression' ? callee.lastChild : undefined;
        return method?.name === 'PropertyName' && ACCESSOR_METHODS.has(sourceOf(this.text, method)) ? this.insideOf(callee!.firstChild) : [];
      }
      default:
        return [];
    }
  }

  /** The base name of `a`, `a.b`, `a[0].c`: a change inside it. */
  private insideOf(expression: SyntaxNode | null): [...NameAt, Change][] {
    let base = expression;
    while (base && base.name === 'MemberExpression') base = base.firstChild;
    return base?.name === 'VariableName' ? [[sourceOf(this.text, base), base.from, 'inside']] : [];
  }

  /** Every name read in `value`, with its offset. */
  private namesIn(value: SyntaxNode): NameAt[] {
    const names: NameAt[] = [];
    const cursor = value.cursor();
    do {
      if (cursor.name === 'VariableName') names.push([this.text.slice(cursor.from, cursor.to), cursor.from]);
    } while (cursor.next() && cursor.from < value.to);
    return names;
  }

  /** Records a change of `name`; true when it is new or goes further than the one known. */
  private change(name: string, change: Change): boolean {
    const known = this.mutated.get(name);
    if (known === 'inside' || known === change) return false;
    this.mutated.set(name, change);
    return true;
  }

  private alias(target: SyntaxNode, value: SyntaxNode, element = false): void {
    this.seen.aliases.push([sourceOf(this.text, target), target.from, { value, element }]);
  }

  /** The expression `name` (a VariableName node) is bound to, when exactly one binding reaches it and nothing changes it in place. */
  resolve(name: SyntaxNode): SyntaxNode | undefined {
    return this.boundValue(name, true);
  }

  /**
   * The expression `name` is bound to, when exactly one binding reaches it, whatever is changed
   * inside its object afterwards: which object a name holds — an estimator, a model, a client —
   * does not change when its attributes or contents do (`predictor.serializer = …`). A name
   * deleted, augmented (`+=` may bind it anew) or declared `global`/`nonlocal` is unknown.
   */
  resolveBinding(name: SyntaxNode): SyntaxNode | undefined {
    return this.boundValue(name, false);
  }

  /** The one binding's value of the variable `name` reads (one walk up its scopes); `unchanged`: none if it is changed in place. */
  private boundValue(name: SyntaxNode, unchanged: boolean): SyntaxNode | undefined {
    const identifier = sourceOf(this.text, name);
    for (let scope: Scope | undefined = this.scopeAt(name.from); scope; scope = scope.parent) {
      const binding = scope.bindings.get(identifier);
      if (!binding) continue;
      const key = `${scope.index}:${identifier}`; // as nameKey gives it
      if (this.rebound.has(key) || (unchanged && this.mutated.has(key))) return undefined;
      // A use before its only binding does not see it; later ones do (top-down code).
      return binding.count === 1 && binding.value && binding.value.to <= name.from ? binding.value : undefined;
    }
    return undefined;
  }

  /**
   * How the file binds `name` where `offset` reads it: the origins of the bindings of the innermost
   * scope around it that binds the name (Python's local scope: a function's parameter or local is
   * its own throughout the function), or undefined when no scope binds it (a builtin, a name the
   * file never binds). Every binding of that scope counts, wherever it stands in it.
   */
  bindingsOf(name: string, offset: number): readonly BindingOrigin[] | undefined {
    for (let scope: Scope | undefined = this.scopeAt(offset); scope; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding) return binding.origins;
    }
    return undefined;
  }

  /**
   * The innermost scope holding `offset`. Scopes are listed in the walk's order (by `from`, an
   * outer one before those inside it): the last one starting at or before `offset`, or the first
   * of its enclosing scopes that still holds it. A binary search, not a scan: a file has a scope
   * per function, and every name resolved asks.
   */
  private scopeAt(offset: number): Scope {
    let low = 0;
    let high = this.scopes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.scopes[middle].from <= offset) low = middle;
      else high = middle - 1;
    }
    for (let scope: Scope | undefined = this.scopes[low]; scope; scope = scope.parent) if (offset < scope.to) return scope;
    return this.scopes[0];
  }

  private bind(scope: Scope, name: string, value?: SyntaxNode, origin: BindingOrigin = 'own'): void {
    const origins = value?.name === 'None' ? [] : [origin];
    const binding = scope.bindings.get(name);
    if (binding) {
      binding.count++;
      binding.value = undefined;
      binding.origins.push(...origins);
    } else {
      scope.bindings.set(name, { count: 1, value, origins });
    }
  }

  /** Binds every plain name in a target (`a`, `a, b`, `[a, *b]`); a stored-into target marks its base mutated. */
  private bindTarget(scope: Scope, target: SyntaxNode, value?: SyntaxNode): void {
    switch (target.name) {
      case 'VariableName':
        this.bind(scope, sourceOf(this.text, target), value);
        return;
      case 'MemberExpression':
        // `x.a = …`, `x["K"] = …`: the object before the last `.a` or `[…]` changes.
        this.markChanged(target.firstChild);
        return;
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'ParenthesizedExpression':
        for (const child of childrenOf(target)) this.bindTarget(scope, child);
        return;
      default:
        return;
    }
  }

  /**
   * Records a change of the object `changed` evaluates to: its own change when it is a name
   * (`x` in `x.a = …`, `x.append(…)`), a change inside its base otherwise (`x[0]` in `x[0]["K"] = …`).
   */
  private markChanged(changed: SyntaxNode | null): void {
    if (changed?.name === 'VariableName') this.seen.changes.push([sourceOf(this.text, changed), changed.from, 'own']);
    else this.seen.changes.push(...this.insideOf(changed));
  }

  private walk(node: SyntaxNode, scope: Scope, depth = 0): void {
    if (depth > MAX_SYNTAX_DEPTH) throw new PythonTooDeepError();
    switch (node.name) {
      case 'FunctionDefinition':
      case 'ClassDefinition':
      case 'LambdaExpression': {
        const name = node.getChild('VariableName');
        if (name && node.name !== 'LambdaExpression') this.bind(scope, sourceOf(this.text, name));
        const inner: Scope = { index: this.scopes.length, from: node.from, to: node.to, depth: scope.depth + 1, bindings: new Map(), parent: scope };
        this.scopes.push(inner);
        const parameters = node.getChild('ParamList');
        if (parameters) for (const parameter of parameters.getChildren('VariableName')) this.bind(inner, sourceOf(this.text, parameter));
        for (const child of childrenOf(node)) if (child.name !== 'ParamList' && child !== name) this.walk(child, inner, depth + 1);
        return;
      }
      case 'ArrayComprehensionExpression':
      case 'DictionaryComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'ComprehensionExpression': {
        // A comprehension is a scope of its own (Python 3): `[retrieve(x) for retrieve in fns]`
        // binds `retrieve` inside it only. Its targets are the names between each `for` and `in`.
        const inner: Scope = { index: this.scopes.length, from: node.from, to: node.to, depth: scope.depth + 1, bindings: new Map(), parent: scope };
        this.scopes.push(inner);
        const children = childrenOf(node);
        for (let index = 0; index < children.length; index++) {
          if (children[index].name !== 'for') continue;
          for (let target = index + 1; target < children.length && children[target].name !== 'in'; target++) this.bindTarget(inner, children[target]);
        }
        for (const child of children) this.walk(child, inner, depth + 1);
        return;
      }
      case 'AssignStatement': {
        const children = childrenOf(node);
        const operators = children.filter((child) => child.name === 'AssignOp');
        const value = children[children.length - 1];
        const targets = children.filter((child) => child.name !== 'AssignOp' && child.to <= operators[operators.length - 1]?.from);
        // `x: int = 1` parses with a TypeDef; only names before `=` are targets.
        for (const target of targets) if (target.name !== 'TypeDef') this.bindTarget(scope, target, targets.length === 1 && operators.length === 1 ? value : undefined);
        for (const target of targets) if (target.name === 'VariableName') this.alias(target, value);
        this.walk(value, scope, depth + 1);
        return;
      }
      case 'UpdateStatement':
      case 'DeleteStatement':
        for (const child of childrenOf(node)) {
          if (child.name === 'VariableName') {
            this.seen.changes.push([sourceOf(this.text, child), child.from, 'own']);
            this.seen.rebinds.push([sourceOf(this.text, child), child.from]);
          } else if (child.name === 'MemberExpression') this.markChanged(child.firstChild);
          else this.walk(child, scope, depth + 1);
        }
        return;
      case 'ScopeStatement':
        // `global x`: changed wherever else, in any way.
        // `global x`: the module's `x` (any scope's, to be safe), changed wherever else, in any way.
        for (const child of node.getChildren('VariableName')) {
          const name = sourceOf(this.text, child);
          for (const scope of this.scopes) {
            this.change(`${scope.index}:${name}`, 'inside');
            this.rebound.add(`${scope.index}:${name}`);
          }
        }
        return;
      case 'NamedExpression': {
        const target = node.firstChild;
        if (target?.name === 'VariableName') this.bind(scope, sourceOf(this.text, target));
        break;
      }
      case 'ForStatement':
      case 'WithStatement':
      case 'TryStatement':
      case 'ImportStatement': {
        this.bindIntroducedNames(node, scope);
        break;
      }
      case 'CallExpression': {
        const callee = node.firstChild;
        const method = callee?.name === 'MemberExpression' ? callee.lastChild : undefined;
        if (callee && method?.name === 'PropertyName' && MUTATING_METHODS.has(sourceOf(this.text, method))) this.markChanged(callee.firstChild);
        break;
      }
      default:
        break;
    }
    this.descend(node.cursor(), scope, depth);
  }

  /**
   * Walks the children of the cursor's node, leaving the cursor where it was. Most nodes bind
   * nothing: they are passed through the cursor, which makes no node objects; only the kinds
   * walk() reads become nodes.
   */
  private descend(cursor: TreeCursor, scope: Scope, depth: number): void {
    if (!cursor.firstChild()) return;
    if (depth + 1 > MAX_SYNTAX_DEPTH) throw new PythonTooDeepError();
    do {
      if (WALKED.has(cursor.name)) this.walk(cursor.node, scope, depth + 1);
      else this.descend(cursor, scope, depth + 1);
    } while (cursor.nextSibling());
    cursor.parent();
  }

  /**
   * The names an import binds, as Python binds them (see importBindings): `from a.b import c as d,
   * e` binds `d` and `e`; `import a.b, c.d as e` binds `a` and `e`, each with the path it names.
   * The module path's names are not bound here: a `from sagemaker.estimator import Estimator`
   * leaves `estimator = Estimator(…)` bound once.
   */
  private bindImported(statement: SyntaxNode, scope: Scope): void {
    for (const binding of importBindings(this.text, [statement])) this.bind(scope, binding.bound, undefined, { imported: importedPath(binding) });
  }

  /** `for a in`, `with … as a`, `except E as a`, `import a as b`: names bound to values we cannot know. */
  private bindIntroducedNames(node: SyntaxNode, scope: Scope): void {
    if (node.name === 'ImportStatement') {
      this.bindImported(node, scope);
      return;
    }
    const children = childrenOf(node);
    if (node.name === 'ForStatement') {
      const inAt = children.findIndex((child) => child.name === 'in');
      const iterable = inAt >= 0 ? children[inAt + 1] : undefined;
      for (const target of children.slice(1, inAt < 0 ? 1 : inAt)) {
        this.bindTarget(scope, target);
        if (iterable && target.name === 'VariableName') this.alias(target, iterable, true);
      }
      return;
    }
    for (let i = 0; i + 1 < children.length; i++) {
      if (children[i].name === 'as') this.bindTarget(scope, children[i + 1]);
    }
    // `with f() as (a, b):`, read by the parser as `f() in (a, b)` (see parsePython).
    for (const item of children) {
      const target = withTarget(this.text, item);
      if (target) this.bindTarget(scope, target);
    }
  }
}
