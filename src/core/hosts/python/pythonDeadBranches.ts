/**
 * The `if`/`elif`/`else` bodies that cannot run as the file is written: a test comparing a name
 * bound once to a string with another string (`algo == "linear-learner"` where `algo =
 * "xgboost"`). Notebooks switch between algorithms this way — one name picks the image, each
 * branch sets that algorithm's hyperparameters — and a method call in a branch that cannot run
 * (`model.set_hyperparameters(feature_dim=…)`) must not be judged with the image the name picks.
 *
 * Only `==` and `!=` between such a name and a string literal (either side), and two literals,
 * are decided; any other test leaves its clause and those after it open.
 */
import type { OffsetRange } from '../../jsonTree';
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';
import type { PythonValues } from './pythonValues';

/**
 * The bodies of the clauses of `ifStatements` (lezer `IfStatement` nodes of `text`) that cannot
 * run, as source ranges; empty when no test is decided.
 */
export function deadBranches(values: PythonValues, ifStatements: readonly SyntaxNode[]): OffsetRange[] {
  const dead: OffsetRange[] = [];
  for (const statement of ifStatements) {
    const children = childrenOf(statement);
    let decided = false; // an earlier clause's test is true: the rest cannot run
    for (let index = 0; index < children.length; index++) {
      const keyword = children[index].name;
      if (keyword !== 'if' && keyword !== 'elif' && keyword !== 'else') continue;
      const test = keyword === 'else' ? undefined : children[index + 1];
      const body = children[keyword === 'else' ? index + 1 : index + 2];
      if (body?.name !== 'Body') break;
      if (decided) {
        dead.push({ offset: body.from, length: body.to - body.from });
        continue;
      }
      if (keyword === 'else') break;
      const outcome = test && testOutcome(values, test);
      if (outcome === undefined) break;
      if (outcome) decided = true;
      else dead.push({ offset: body.from, length: body.to - body.from });
    }
  }
  return dead;
}

/** True when `offset` lies in one of `ranges`. */
export function isInDeadBranch(ranges: readonly OffsetRange[], offset: number): boolean {
  return ranges.some((range) => offset >= range.offset && offset < range.offset + range.length);
}

/** The value of `a == "x"` / `a != "x"` (names bound once to strings, or literals), else undefined. */
function testOutcome(values: PythonValues, test: SyntaxNode): boolean | undefined {
  if (test.name !== 'BinaryExpression') return undefined;
  const [left, operator, right, extra] = childrenOf(test);
  if (extra || operator?.name !== 'CompareOp' || !left || !right) return undefined;
  const op = sourceOf(values.text, operator);
  if (op !== '==' && op !== '!=') return undefined;
  const a = stringOf(values, left);
  const b = stringOf(values, right);
  if (a === undefined || b === undefined) return undefined;
  return (a === b) === (op === '==');
}

/** A string's value as the Python host reads it (in place, or through a name bound once to one), else undefined. */
function stringOf(values: PythonValues, node: SyntaxNode): string | undefined {
  const read = values.node(node, undefined);
  return read.type === 'string' && !read.dynamic && typeof read.value === 'string' ? read.value : undefined;
}
