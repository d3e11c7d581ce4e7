/**
 * Which names resolve to a literal. A module (or a notebook's code cells in order) is one scope,
 * and so is each function or class body. A name bound exactly once in its scope, to an
 * expression, resolves to that expression; bound more than once, deleted, augmented, stored into
 * (`cfg['X'] = …`, `cfg.x = …`) or mutated by a method (`.update()`, `.append()`, …) anywhere in
 * the file, it resolves to nothing: we never guess a value that may change.
 */
import type { TreeCursor } from '@lezer/common';
import { childrenOf, sourceOf, type SyntaxNode, type Tree } from './pythonSyntax';

/** The node kinds walk() reads; every other kind only holds them. */
const WALKED = new Set([
  'FunctionDefinition', 'ClassDefinition', 'LambdaExpression', 'AssignStatement', 'UpdateStatement', 'DeleteStatement', 'ScopeStatement',
  'NamedExpression', 'ForStatement', 'WithStatement', 'TryStatement', 'ImportStatement', 'CallExpression',
]);

const MUTATING_METHODS = new Set(['update', 'append', 'extend', 'insert', 'pop', 'popitem', 'setdefault', 'clear', 'remove', 'sort', 'reverse', '__setitem__', '__delitem__', 'discard', 'add']);

interface Binding {
  count: number;
  /** The assigned expression when the binding is a plain `name = expression`. */
  value?: SyntaxNode;
}

interface Scope {
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
  /** Names changed in place somewhere in the file: never resolved. */
  private readonly mutated = new Set<string>();
  /**
   * Names that may refer to the same object as others (`b = a`, `for v in [a]`): target → the
   * expressions it was bound to, whose names are read only if the target is mutated (most never are).
   */
  private readonly aliases = new Map<string, SyntaxNode[]>();

  constructor(private readonly text: string, tree: Tree) {
    const module: Scope = { from: 0, to: text.length, depth: 0, bindings: new Map() };
    this.scopes.push(module);
    this.walk(tree.topNode, module);
    this.propagateMutations();
  }

  /** A change made through an alias changes what it aliases: `variants = lst; variants[0]["X"] = …` makes `lst` unknown. */
  private propagateMutations(): void {
    const pending = [...this.mutated];
    while (pending.length > 0) {
      for (const value of this.aliases.get(pending.pop()!) ?? []) {
        const cursor = value.cursor();
        do {
          if (cursor.name !== 'VariableName') continue;
          const source = this.text.slice(cursor.from, cursor.to);
          if (this.mutated.has(source)) continue;
          this.mutated.add(source);
          pending.push(source);
        } while (cursor.next() && cursor.from < value.to);
      }
    }
  }

  private alias(target: SyntaxNode, value: SyntaxNode): void {
    const name = sourceOf(this.text, target);
    const values = this.aliases.get(name);
    if (values) values.push(value);
    else this.aliases.set(name, [value]);
  }

  /** The expression `name` (a VariableName node) is bound to, when exactly one binding reaches it. */
  resolve(name: SyntaxNode): SyntaxNode | undefined {
    const identifier = sourceOf(this.text, name);
    if (this.mutated.has(identifier)) return undefined;
    for (let scope: Scope | undefined = this.scopeAt(name.from); scope; scope = scope.parent) {
      const binding = scope.bindings.get(identifier);
      if (!binding) continue;
      // A use before its only binding does not see it; later ones do (top-down code).
      return binding.count === 1 && binding.value && binding.value.to <= name.from ? binding.value : undefined;
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

  private bind(scope: Scope, name: string, value?: SyntaxNode): void {
    const binding = scope.bindings.get(name);
    if (binding) {
      binding.count++;
      binding.value = undefined;
    } else {
      scope.bindings.set(name, { count: 1, value });
    }
  }

  /** Binds every plain name in a target (`a`, `a, b`, `[a, *b]`); a stored-into target marks its base mutated. */
  private bindTarget(scope: Scope, target: SyntaxNode, value?: SyntaxNode): void {
    switch (target.name) {
      case 'VariableName':
        this.bind(scope, sourceOf(this.text, target), value);
        return;
      case 'MemberExpression':
        this.markMutated(target);
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

  private markMutated(expression: SyntaxNode): void {
    let base: SyntaxNode | null = expression;
    while (base && base.name === 'MemberExpression') base = base.firstChild;
    if (base?.name === 'VariableName') this.mutated.add(sourceOf(this.text, base));
  }

  private walk(node: SyntaxNode, scope: Scope, depth = 0): void {
    if (depth > MAX_SYNTAX_DEPTH) throw new PythonTooDeepError();
    switch (node.name) {
      case 'FunctionDefinition':
      case 'ClassDefinition':
      case 'LambdaExpression': {
        const name = node.getChild('VariableName');
        if (name && node.name !== 'LambdaExpression') this.bind(scope, sourceOf(this.text, name));
        const inner: Scope = { from: node.from, to: node.to, depth: scope.depth + 1, bindings: new Map(), parent: scope };
        this.scopes.push(inner);
        const parameters = node.getChild('ParamList');
        if (parameters) for (const parameter of parameters.getChildren('VariableName')) this.bind(inner, sourceOf(this.text, parameter));
        for (const child of childrenOf(node)) if (child.name !== 'ParamList' && child !== name) this.walk(child, inner, depth + 1);
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
          if (child.name === 'VariableName') this.mutated.add(sourceOf(this.text, child));
          else if (child.name === 'MemberExpression') this.markMutated(child);
          else this.walk(child, scope, depth + 1);
        }
        return;
      case 'ScopeStatement':
        for (const child of node.getChildren('VariableName')) this.mutated.add(sourceOf(this.text, child));
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
        if (callee && method?.name === 'PropertyName' && MUTATING_METHODS.has(sourceOf(this.text, method))) this.markMutated(callee.firstChild ?? callee);
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

  /** `for a in`, `with … as a`, `except E as a`, `import a as b`: names bound to values we cannot know. */
  /**
   * The names an import binds, as Python binds them: `from a.b import c as d, e` binds `d` and
   * `e`; `import a.b, c.d as e` binds `a` and `e`. The module path's names are not bound here: a
   * `from sagemaker.estimator import Estimator` leaves `estimator = Estimator(…)` bound once.
   */
  private bindImported(children: readonly SyntaxNode[], scope: Scope): void {
    const importAt = children.findIndex((child) => child.name === 'import');
    const names = children.slice(importAt + 1);
    const from = children[0]?.name === 'from';
    let first = true; // at the start of an `import` clause's module path
    for (let i = 0; i < names.length; i++) {
      const child = names[i];
      if (child.name === ',') first = true;
      if (child.name !== 'VariableName') continue;
      const alias = names[i + 1]?.name === 'as' ? names[i + 2] : undefined;
      if (alias) {
        this.bind(scope, sourceOf(this.text, alias));
        i += 2;
      } else if (from) {
        this.bind(scope, sourceOf(this.text, child));
      } else if (first) {
        // `import a.b.c` binds `a`, unless the clause ends `as e` (then `e`, bound above).
        const end = names.findIndex((next, at) => at > i && next.name === ',');
        const clause = names.slice(i, end < 0 ? undefined : end);
        if (!clause.some((token) => token.name === 'as')) this.bind(scope, sourceOf(this.text, child));
      }
      first = false;
    }
  }

  private bindIntroducedNames(node: SyntaxNode, scope: Scope): void {
    const children = childrenOf(node);
    if (node.name === 'ImportStatement') {
      this.bindImported(children, scope);
      return;
    }
    if (node.name === 'ForStatement') {
      const inAt = children.findIndex((child) => child.name === 'in');
      const iterable = inAt >= 0 ? children[inAt + 1] : undefined;
      for (const target of children.slice(1, inAt < 0 ? 1 : inAt)) {
        this.bindTarget(scope, target);
        if (iterable && target.name === 'VariableName') this.alias(target, iterable);
      }
      return;
    }
    for (let i = 0; i + 1 < children.length; i++) {
      if (children[i].name === 'as') this.bindTarget(scope, children[i + 1]);
    }
  }
}
