/**
 * The quick fix that silences one finding with a suppression comment (suppressions.ts): a
 * `sagemaker-spec-disable-next-line <code>` line above the line the finding starts on, indented
 * as that line, in the host's comment syntax — or the code added to such a line already there.
 * Offered only where a comment line is valid and read back as a directive: YAML, Python and
 * Dockerfiles (`#`) and JSON with comments (`.jsonc` specs, `//`); never where the reader takes
 * strict JSON (a plain `.json` spec, a workflow, a template: the comment itself would fail it),
 * inside a YAML scalar that began on a line above (block, quoted or plain) or a template string
 * (the comment would be text), inside a Python triple-quoted string, on a line continued from the
 * one above (`\`, a Dockerfile's escape), nor for a code no directive silences.
 */
import { findNodeAtOffset } from 'jsonc-parser';
import { intent, type QuickFix } from './edits/editIntent';
import type { Finding } from './findings';
import type { HostDocument } from './hostDocument';
import { DISABLE_NEXT_LINE, UNSUPPRESSIBLE_CODES } from './suppressions';
import { lineStartAt } from './textPositions';

/** A directive line already there: its indentation and marker, then the codes it names (none: every code), maybe ` -- why`. */
const DIRECTIVE_LINE = new RegExp(`^([ \\t]*)(#|//)[ \\t]*${DISABLE_NEXT_LINE}(?:[ \\t]+([^\\r\\n]*?))?[ \\t]*\\r?$`);

/**
 * "Disable <code> for this line": the fix for `finding` of `document` (as analysed), or
 * undefined where no comment may go (see above). Never preferred, never applied by fix-all.
 */
export function suppressionFix(document: HostDocument, finding: Finding): QuickFix | undefined {
  if (UNSUPPRESSIBLE_CODES.has(finding.code)) return undefined;
  const marker = commentMarker(document, finding.offset);
  if (!marker) return undefined;
  const { text } = document;
  const lineStart = lineStartAt(text, finding.offset);
  // A line continued from the one above (`\` before its break: Python, a YAML double-quoted string, a Dockerfile) is inside what that line began.
  if (/\\\r?$/.test(text.slice(Math.max(0, lineStart - 3), Math.max(0, lineStart - 1)))) return undefined;
  const title = `Disable ${finding.code} for this line`;
  const above = lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1) : undefined;
  const existing = above !== undefined ? DIRECTIVE_LINE.exec(above) : null;
  if (existing && existing[2] === marker) {
    const codes = existing[3] ?? '';
    // No codes: the line above silences every code already (the finding would not be here).
    if (codes.trim() === '') return undefined;
    const reason = codes.indexOf(' --');
    const namedEnd = reason >= 0 ? codes.slice(0, reason).trimEnd().length : codes.length;
    // The codes end the line (before spaces and a carriage return): they are its last occurrence.
    const codesStart = lineStart - 1 - above!.length + above!.lastIndexOf(codes);
    return { title, intents: [intent.replaceText(codesStart + namedEnd, 0, `, ${finding.code}`)] };
  }
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, finding.offset + 1))![0];
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  return { title, intents: [intent.replaceText(lineStart, 0, `${indentation}${marker} ${DISABLE_NEXT_LINE} ${finding.code}${lineBreak}`)] };
}

/** The comment marker valid on a line of its own above `offset` in `document`, else undefined. */
function commentMarker(document: HostDocument, offset: number): '#' | '//' | undefined {
  const { text } = document;
  switch (document.host) {
    case 'json':
      // Comments are the writer's choice only in JSON with Comments, and only in a spec (a workflow or template is read strictly).
      return document.dialect === 'jsonc' && document.requests.length === 1 && !document.requests[0].embedding && !document.requests[0].inTemplate ? '//' : undefined;
    case 'yaml':
      return inYamlText(document, offset) || insideBlockScalar(text, lineStartAt(text, offset)) ? undefined : '#';
    case 'dockerfile': {
      const lineStart = lineStartAt(text, offset);
      // A line continued from the one above (`\` or the escape directive's `` ` ``) is inside its instruction.
      return /[\\`][ \t]*\r?$/.test(text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(0, lineStart - 1))) ? undefined : '#';
    }
    default:
      // Python: not inside a triple-quoted string (an odd count of one kind of triple quote before the line).
      return insideTripleQuotes(text, lineStartAt(text, offset)) ? undefined : '#';
  }
}

/**
 * True when `lineStart` lies inside a Python triple-quoted string: the text before it read as
 * Python reads quotes — a `#` outside strings starts a comment to the line's end, a string ends
 * at its own quote (`\\` escapes one), a one-quote string at the line's end.
 */
function insideTripleQuotes(text: string, lineStart: number): boolean {
  let quote = '';
  for (let at = 0; at < lineStart; at++) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at++;
      else if (quote.length === 3 ? text.startsWith(quote, at) : char === quote) {
        at += quote.length - 1;
        quote = '';
      } else if (char === '\n' && quote.length === 1) quote = '';
    } else if (char === '#') {
      const end = text.indexOf('\n', at);
      at = end < 0 ? lineStart : end;
    } else if (char === '"' || char === "'") {
      quote = text.startsWith(char.repeat(3), at) ? char.repeat(3) : char;
      at += quote.length - 1;
    }
  }
  return quote.length === 3;
}

/**
 * True when the line at `lineStart` is inside a YAML block scalar: the nearest line above it that
 * is indented less (blank lines aside) ends its value with `|` or `>` (and their indicators). Any
 * value, in a request or not (a parameter's `Default: >-`, a map entry, a `DefinitionString: |`).
 */
function insideBlockScalar(text: string, lineStart: number): boolean {
  const indentation = (line: string) => /^[ \t]*/.exec(line)![0].length;
  const own = indentation(text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart)));
  let end = lineStart - 1;
  while (end > 0) {
    const start = lineStartAt(text, end);
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.trim() === '') continue;
    if (indentation(line) < own) return BLOCK_SCALAR_HEADER.test(line);
  }
  return false;
}

/** A line whose value starts a block scalar: `Key: |`, `- >-`, `Key: !Sub |`, maybe a comment after. */
const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** True when `offset` is inside text a comment line would join: a block scalar (`|`, `>`), or a request read from a template string. */
function inYamlText(document: HostDocument, offset: number): boolean {
  for (const request of document.requests) {
    if (request.inString && request.jsonString && request.jsonString.range.offset <= offset && offset <= request.jsonString.range.offset + request.jsonString.range.length) return true;
    // A request read from a template string (JSON in a `DefinitionString`): its tree lies inside that string.
    if (request.inString && request.root && request.root.offset <= offset && offset <= request.root.offset + request.root.length) return true;
    if (request.inString) continue;
    const node = request.root && findNodeAtOffset(request.root, offset, true);
    if (!node || (node.type !== 'string' && node.type !== 'null')) continue;
    // A block scalar, or a scalar that began on a line above (a quoted or plain scalar over several lines).
    if (/^[|>]/.test(document.text.slice(node.offset, node.offset + 1)) || document.text.lastIndexOf('\n', offset - 1) >= node.offset) return true;
  }
  return false;
}
