/**
 * Inline suppression in JSONC files, honoured by the editor and the checker alike:
 *
 *     // sagemaker-spec-disable-next-line latest-tag, digest-recommended -- pinned by the base image
 *     "TrainingImage": "…:latest",
 *
 * drops the named codes (no codes: every code) from findings that START on the next line. Comments
 * are found with jsonc-parser's scanner, so `//` inside a string never counts.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Finding } from './findings';
import { LineIndex } from './textPositions';

export const DISABLE_NEXT_LINE = 'sagemaker-spec-disable-next-line';

/** For each 0-based line, the codes suppressed on it, or 'all'. */
export type LineSuppressions = Map<number, Set<string> | 'all'>;

const DIRECTIVE = new RegExp(`^//\\s*${DISABLE_NEXT_LINE}(?:\\s+(.*))?$`);
/** The same directive in a `#` comment (Python, YAML, Dockerfiles). */
const HASH_DIRECTIVE = new RegExp(`^#\\s*${DISABLE_NEXT_LINE}(?:\\s+(.*))?$`);

/** A comment of a host's syntax: where it starts and its text, marker included (`# …`). */
export interface HostComment {
  offset: number;
  text: string;
}

/**
 * Suppressions from comments a host's own parser found (so a `#` inside a string never counts).
 * Each applies to the line after the comment's line.
 */
export function findHashSuppressions(text: string, comments: readonly HostComment[]): LineSuppressions {
  const suppressions: LineSuppressions = new Map();
  if (!text.includes(DISABLE_NEXT_LINE)) return suppressions;
  const lines = new LineIndex(text);
  for (const comment of comments) {
    const match = HASH_DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const line = lines.positionAt(comment.offset).line + 1;
    const codes = parseCodes(match[1]);
    const previous = suppressions.get(line);
    if (codes === 'all' || previous === 'all') suppressions.set(line, 'all');
    else suppressions.set(line, new Set([...(previous ?? []), ...codes]));
  }
  return suppressions;
}

export function findSuppressions(text: string): LineSuppressions {
  const suppressions: LineSuppressions = new Map();
  // Most files have none: skip the scan unless the directive appears somewhere.
  if (!text.includes(DISABLE_NEXT_LINE)) return suppressions;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineCommentTrivia) continue;
    const comment = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()).trim();
    const match = DIRECTIVE.exec(comment);
    if (!match) continue;
    const line = scanner.getTokenStartLine() + 1;
    const codes = parseCodes(match[1]);
    const previous = suppressions.get(line);
    if (codes === 'all' || previous === 'all') suppressions.set(line, 'all');
    else suppressions.set(line, new Set([...(previous ?? []), ...codes]));
  }
  return suppressions;
}

/** `a, b -- why` → {a, b}; nothing (or only a reason) → 'all'. */
function parseCodes(list: string | undefined): Set<string> | 'all' {
  const withoutReason = (list ?? '').split(/(?:^|\s)--(?:\s|$)/)[0];
  const codes = withoutReason.split(/[\s,]+/).filter((code) => code.length > 0);
  return codes.length > 0 ? new Set(codes) : 'all';
}

/** The findings not suppressed by a comment on the line before the one they start on. */
export function withoutSuppressed(text: string, findings: Finding[], given?: LineSuppressions): Finding[] {
  // Without findings the text is not read for directives (a default parameter would read it first).
  if (findings.length === 0) return findings;
  const suppressions = given ?? findSuppressions(text);
  if (suppressions.size === 0) return findings;
  const lines = new LineIndex(text);
  return findings.filter((finding) => {
    const suppressed = suppressions.get(lines.positionAt(finding.offset).line);
    return !(suppressed === 'all' || suppressed?.has(finding.code));
  });
}
