/**
 * What Python's import statements bind, read off their syntax: the one reading behind each
 * module that looks for SageMaker names (the tuner classes, the Amazon estimators) and behind
 * PythonScopes' bindings, which tell `retrieve` and the SDK classes from the file's own.
 */
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/**
 * One name an import statement binds:
 * - `from a.b import c as d`: `{ from: 'a.b', imported: 'c', bound: 'd' }` (`bound` is `c` without `as`);
 * - `import a.b`: `{ module: 'a.b', bound: 'a', aliased: false }` (Python binds the first name);
 * - `import a.b as x`: `{ module: 'a.b', bound: 'x', aliased: true }`.
 */
export type ImportBinding = { from: string; imported: string; bound: string } | { module: string; bound: string; aliased: boolean };

/** The names `imports` (import statements, in functions and blocks too) bind, in order. */
export function importBindings(text: string, imports: readonly SyntaxNode[]): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of imports) {
    const children = childrenOf(statement);
    const importAt = children.findIndex((child) => child.name === 'import');
    if (children[0]?.name === 'from') {
      const from = children.slice(1, importAt).map((child) => sourceOf(text, child)).join('');
      for (let i = importAt + 1; i < children.length; i++) {
        if (children[i].name !== 'VariableName') continue;
        const hasAs = children[i + 1]?.name === 'as';
        const alias = hasAs && children[i + 2]?.name === 'VariableName' ? children[i + 2] : undefined;
        bindings.push({ from, imported: sourceOf(text, children[i]), bound: sourceOf(text, alias ?? children[i]) });
        if (hasAs) i += 2;
      }
    } else {
      // `import a.b as c, d.e`: each clause between commas binds its own name.
      let start = importAt + 1;
      for (let end = start; end <= children.length; end++) {
        if (end < children.length && children[end].name !== ',') continue;
        const clause = children.slice(start, end);
        start = end + 1;
        const asAt = clause.findIndex((child) => child.name === 'as');
        const module = clause.slice(0, asAt < 0 ? undefined : asAt).map((child) => sourceOf(text, child)).join('');
        // A half-typed `import a as` binds nothing yet under an alias: read as `import a`.
        const alias = asAt >= 0 && clause[asAt + 1]?.name === 'VariableName' ? clause[asAt + 1] : undefined;
        if (module !== '') bindings.push(alias ? { module, bound: sourceOf(text, alias), aliased: true } : { module, bound: module.split('.')[0], aliased: false });
      }
    }
  }
  return bindings;
}

/**
 * The dotted path the name a binding binds stands for: `from a.b import c` → `a.b.c`,
 * `import a.b as x` → `a.b`, `import a.b` → `a` (Python binds the package). A relative import
 * keeps its dots (`from .m import c` → `.m.c`): never a path of an installed package.
 */
export function importedPath(binding: ImportBinding): string {
  if ('from' in binding) return `${binding.from}.${binding.imported}`;
  return binding.aliased ? binding.module : binding.bound;
}
