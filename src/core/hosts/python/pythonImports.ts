/**
 * What Python's import statements bind, read off their syntax: the one reading behind each
 * module that looks for SageMaker names (the tuner classes, the Amazon estimators, `retrieve`).
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
      const asAt = children.findIndex((child) => child.name === 'as');
      const module = children.slice(importAt + 1, asAt < 0 ? undefined : asAt).map((child) => sourceOf(text, child)).join('');
      // A half-typed `import a as` binds nothing yet under an alias: read as `import a`.
      const alias = asAt >= 0 && children[asAt + 1]?.name === 'VariableName' ? children[asAt + 1] : undefined;
      if (module !== '') bindings.push(alias ? { module, bound: sourceOf(text, alias), aliased: true } : { module, bound: module.split('.')[0], aliased: false });
    }
  }
  return bindings;
}
