/**
 * Suppression directives a Dockerfile cannot hold: `#` starts a comment only at the beginning of
 * a line, so `FROM …:latest # sagemaker-spec-disable-line latest-tag` is no comment but more words
 * of the instruction (for FROM, words `docker build` refuses). Found here for `invalid-suppression`
 * (rules/suppressionRule.ts), which says where the directive belongs instead.
 */
import { DISABLE_LINE, DISABLE_NEXT_LINE, mayHoldDirective, type MisplacedDirective } from '../../suppressions';

const MARKER = /#[ \t]*(sagemaker-spec-disable-(?:next-)?line)(?![\w-])/g;

/** The misplaced directives of a Dockerfile's text, in order; none without a directive's name in it. */
export function misplacedDockerfileDirectives(text: string): MisplacedDirective[] {
  if (!mayHoldDirective(text)) return [];
  const found: MisplacedDirective[] = [];
  let continued = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indentation = /^[ \t]*/.exec(line)![0];
    const isComment = line.startsWith('#', indentation.length);
    // Docker drops a comment line inside a continued instruction; it does not end the instruction.
    if (!isComment && line.length > indentation.length) {
      if (line.includes('sagemaker-spec-disable-')) {
        MARKER.lastIndex = indentation.length;
        for (let match = MARKER.exec(line); match; match = MARKER.exec(line)) {
          const hash = match.index;
          // Only after a blank: `FROM x#y` is no comment-like text a user wrote.
          if (hash === indentation.length || !/[ \t]/.test(line[hash - 1])) continue;
          const directive = match[1];
          if (directive !== DISABLE_LINE && directive !== DISABLE_NEXT_LINE) continue;
          const written = line.slice(hash).replace(/\\?[ \t]*$/, '').trimEnd();
          const blanks = /[ \t]*$/.exec(line.slice(0, hash))![0].length;
          found.push({
            offset: lineStart + hash,
            text: written,
            directive,
            rest: written.slice(match[0].length),
            instruction: continued ? undefined : /^[A-Za-z]+/.exec(line.slice(indentation.length))?.[0],
            lineStart,
            indentation,
            blanksStart: lineStart + hash - blanks,
            startsInstruction: !continued,
          });
          break;
        }
      }
      continued = /\\[ \t]*$/.test(line);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return found;
}
