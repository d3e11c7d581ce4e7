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
import type { PythonScopes } from './pythonScopes';
import { decodeString, segmentOf } from './pythonStrings';
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/**
 * The bodies of the clauses of `ifStatements` (lezer `IfStatement` nodes of `text`) that cannot
 * run, as source ranges; empty when no test is decided.
 */
export function deadBranches(text: string, scopes: PythonScopes, ifStatements: readonly SyntaxNode[]): OffsetRange[] {
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
      const outcome = test && testOutcome(text, scopes, test);
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
function testOutcome(text: string, scopes: PythonScopes, test: SyntaxNode): boolean | undefined {
  if (test.name !== 'BinaryExpression') return undefined;
  const [left, operator, right, extra] = childrenOf(test);
  if (extra || operator?.name !== 'CompareOp') return undefined;
  const op = sourceOf(text, operator);
  if (op !== '==' && op !== '!=') return undefined;
  const a = stringOf(text, scopes, left);
  const b = stringOf(text, scopes, right);
  if (a === undefined || b === undefined) return undefined;
  return (a === b) === (op === '==');
}

/** A plain string literal's value, in place or through a name bound once to one. */
function stringOf(text: string, scopes: PythonScopes, node: SyntaxNode | undefined): string | undefined {
  const literal = node?.name === 'VariableName' ? scopes.resolve(node) : node;
  if (literal?.name !== 'String') return undefined;
  return decodeString(text, [segmentOf(text, literal.from, literal.to)])?.value;
}
