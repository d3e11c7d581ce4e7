/**
 * `invalid-yaml`: a YAML spec or template that does not parse cannot be sent or deployed, and the
 * parser's recovery may drop members (so findings that need the whole document are held back:
 * see SpecDocument.incomplete). Shown in the editor too: VS Code has no YAML support of its own.
 * Only the first few errors are reported: later ones usually follow from the first.
 */
import type { Finding } from '../findings';
import type { OffsetRange } from '../jsonTree';
import type { HostSyntaxError } from '../specDocument';
import type { RuleContext } from './ruleContext';
import { lineStartAt } from '../textPositions';

const MAX_REPORTED = 3;

export function checkYamlSyntax(context: RuleContext): void {
  // One error per place: an unclosed `{… [` is two errors of the parser at the same character.
  const places = new Set<number>();
  const errors = (context.spec.syntaxErrors ?? []).filter((error) => !places.has(error.offset) && places.add(error.offset));
  for (const error of errors.slice(0, MAX_REPORTED)) {
    const file = context.spec.jsonFile;
    const stops = file ? `${file.consequence.replace(/\bit$/, `the ${file.what}`)} until it is fixed` : 'Nothing can read the request until it is fixed';
    const message = error.finding ?? `Not valid YAML here: ${sentence(error.message)}. ${stops}; members that look missing are not reported meanwhile.`;
    context.report('invalid-yaml', message, { offset: error.offset, length: error.length }, error.fixes ? [...error.fixes] : []);
  }
}

/**
 * `findings` without those on text a syntax error runs through (a value an unterminated quote
 * swallowed, a key the parser made of a line without its `:`): that text is not what was meant.
 * Whole lines count: a finding that starts on a line an error touches is held back (the line is
 * not read as written), and so is one on the line before when that line is a key waiting for its
 * block (`AlgorithmSpecification:` above tab-indented lines the parser dropped reads as null).
 */
export function withoutFindingsOnErrors(text: string, findings: Finding[], errors: readonly HostSyntaxError[]): Finding[] {
  const damagedLines = errors.map((error) => damagedLinesOf(text, error));
  const touches = (finding: Finding, error: HostSyntaxError, lines: OffsetRange) => {
    const { offset, length } = error.damaged ?? error;
    if (finding.offset <= offset + length && offset <= finding.offset + finding.length) return true;
    return finding.offset >= lines.offset && finding.offset <= lines.offset + lines.length;
  };
  return findings.filter((finding) => finding.code === 'invalid-yaml' || !errors.some((error, index) => touches(finding, error, damagedLines[index])));
}

/** A key alone on its line (`Key:`, maybe a comment after): its value is the block below. */
const KEY_AWAITING_BLOCK = /^[ \t]*(?:-[ \t]+)*[^\s#][^#]*:[ \t]*(?:#.*)?\r?$/;

/** The whole lines `error` touches, from the line before when that is a key awaiting its block. */
function damagedLinesOf(text: string, error: HostSyntaxError): OffsetRange {
  const { offset, length } = error.damaged ?? error;
  let start = lineStartAt(text, offset);
  const endBreak = text.indexOf('\n', offset + length);
  const end = endBreak < 0 ? text.length : endBreak;
  if (start > 0) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (KEY_AWAITING_BLOCK.test(text.slice(previousStart, start - 1))) start = previousStart;
  }
  return { offset: start, length: end - start };
}

/** The parser's message as a clause: its first line, starting in lower case, without a closing `.` or `:`. */
function sentence(message: string): string {
  const line = message.split('\n')[0].trim().replace(/[.:]+$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}
