/**
 * `invalid-yaml`: a YAML spec or template that does not parse cannot be sent or deployed, and the
 * parser's recovery may drop members (so findings that need the whole document are held back:
 * see SpecDocument.incomplete). Shown in the editor too: VS Code has no YAML support of its own.
 * Only the first few errors are reported: later ones usually follow from the first.
 */
import type { Finding } from '../findings';
import type { HostSyntaxError } from '../specDocument';
import type { RuleContext } from './ruleContext';

const MAX_REPORTED = 3;

export function checkYamlSyntax(context: RuleContext): void {
  for (const error of (context.spec.syntaxErrors ?? []).slice(0, MAX_REPORTED)) {
    const message = error.finding ?? `Not valid YAML here: ${sentence(error.message)}. Nothing can read the request until it is fixed; members that look missing are not reported meanwhile.`;
    context.report('invalid-yaml', message, { offset: error.offset, length: error.length }, error.fixes ? [...error.fixes] : []);
  }
}

/**
 * `findings` without those on text a syntax error runs through (a value an unterminated quote
 * swallowed, a key the parser made of a line without its `:`): that text is not what was meant.
 */
export function withoutFindingsOnErrors(findings: Finding[], errors: readonly HostSyntaxError[]): Finding[] {
  const touches = (finding: Finding, error: HostSyntaxError) => {
    const { offset, length } = error.damaged ?? error;
    return finding.offset <= offset + length && offset <= finding.offset + finding.length;
  };
  return findings.filter((finding) => finding.code === 'invalid-yaml' || !errors.some((error) => touches(finding, error)));
}

/** The parser's message as a clause: its first line, starting in lower case, without a closing `.` or `:`. */
function sentence(message: string): string {
  const line = message.split('\n')[0].trim().replace(/[.:]+$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}
