/**
 * Inline suppression, honoured by the editor and the checker alike, in each host's comments
 * (`//` in JSONC, `#` in YAML, Python and Dockerfiles):
 *
 *     // sagemaker-spec-disable-next-line latest-tag, digest-recommended -- pinned by the base image
 *     "TrainingImage": "…:latest",
 *     "TrainingInputMode": "Pipe", // sagemaker-spec-disable-line algorithm-input-mode
 *
 * drops the named codes (no codes: every code) from findings that START on the next line (or, for
 * `disable-line`, on the comment's own line). Comments are found by each host's parser (JSONC:
 * jsonc-parser's scanner), so a marker inside a string never counts. The codes of
 * UNSUPPRESSIBLE_CODES are never dropped.
 *
 * In YAML a finding in a value read through an alias is placed on the anchored value (one
 * finding for every place that reads it, fixed there): a directive on the alias's line
 * (`TrainingImage: *xgb`) covers it too, and the values an alias inside it reads in turn.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Finding } from './findings';
import type { AliasReading } from './hosts/yaml/yamlTree';
import type { OffsetRange } from './jsonTree';
import { LineIndex } from './textPositions';

export const DISABLE_NEXT_LINE = 'sagemaker-spec-disable-next-line';
/** The same directive at the end of the line it suppresses findings on (`"Image": "…:latest", // sagemaker-spec-disable-line latest-tag`). */
export const DISABLE_LINE = 'sagemaker-spec-disable-line';

/**
 * Codes no directive silences: `strict-json` reports the comments of a file whose reader takes
 * strict JSON, so the directive is itself what fails the deploy (`.sagemaker-spec.json`'s
 * `overrides` silence it instead).
 */
export const UNSUPPRESSIBLE_CODES: ReadonlySet<string> = new Set(['strict-json']);

/** True when `text` may hold a directive of either form: without it no comment is read. */
export function mayHoldDirective(text: string): boolean {
  return text.includes('sagemaker-spec-disable-');
}

/** For each 0-based line, the codes suppressed on it, or 'all'. */
export type LineSuppressions = Map<number, Set<string> | 'all'>;

/** A code named in a directive, where it is written (offset into the document, UTF-16 units). */
export interface DirectiveCode {
  code: string;
  offset: number;
}

/** What a document's directives say: the suppressed codes per line, and every code they name. */
export interface Suppressions {
  lines: LineSuppressions;
  codes: DirectiveCode[];
  /** YAML: the aliases and what each reads, so a directive on an alias's line covers the anchored value (absent: none). */
  aliasReadings?: readonly AliasReading[];
  /** Dockerfiles: directives written after an instruction, which are no comments (absent: none). */
  misplaced?: readonly MisplacedDirective[];
}

const DIRECTIVE = new RegExp(`^//\\s*(${DISABLE_NEXT_LINE}|${DISABLE_LINE})(?:\\s+(.*))?$`);
/** The same in a JSONC block comment, read without its closing `*\/` (`/* sagemaker-spec-disable-line latest-tag *\/`). */
const BLOCK_DIRECTIVE = new RegExp(`^/\\*\\s*(${DISABLE_NEXT_LINE}|${DISABLE_LINE})(?:\\s+([\\s\\S]*))?$`);
/** The same directives in a `#` comment (Python, YAML, Dockerfiles). */
const HASH_DIRECTIVE = new RegExp(`^#\\s*(${DISABLE_NEXT_LINE}|${DISABLE_LINE})(?:\\s+(.*))?$`);

/** A directive written after an instruction on a Dockerfile line, where it is no comment (hosts/dockerfile/misplacedDirectives.ts finds them). */
export interface MisplacedDirective {
  /** Where the `#` is, and the directive from it to the end of the line (trailing blanks and a line continuation's `\` left out). */
  offset: number;
  text: string;
  /** `sagemaker-spec-disable-line` or `sagemaker-spec-disable-next-line`. */
  directive: string;
  /** What follows the directive's name (its codes and reason), as written. */
  rest: string;
  /** The instruction's keyword as written on the line (`FROM`), when the line starts one. */
  instruction: string | undefined;
  /** Where the line starts, and its indentation; where the blanks before the `#` start. */
  lineStart: number;
  indentation: string;
  blanksStart: number;
  /** False when the line continues an instruction of the line before (`\`): no directive can go above it there. */
  startsInstruction: boolean;
}

/** A comment of a host's syntax: where it starts and its text, marker included (`# …`). */
export interface HostComment {
  offset: number;
  text: string;
}

/**
 * Suppressions from `#` comments a host's own parser found (so a `#` inside a string never counts).
 * A `disable-next-line` comment applies to the line after its own, a `disable-line` one to its own.
 */
export function findHashSuppressions(text: string, comments: readonly HostComment[], aliasReadings?: readonly AliasReading[]): Suppressions {
  const suppressions = findCommentSuppressions(text, comments, HASH_DIRECTIVE);
  if (aliasReadings && suppressions.lines.size > 0) suppressions.aliasReadings = aliasReadings;
  return suppressions;
}

/**
 * The same for the comments (`//` and `/* … *\/`) the JSON parse found, as ranges of `text`
 * (jsoncOnly.comments): each is read as written there; nothing is copied while there are none.
 */
export function findJsoncCommentSuppressions(text: string, comments: readonly OffsetRange[]): Suppressions {
  const written = comments.length === 0 ? NO_COMMENTS : comments.map(({ offset, length }) => ({ offset, text: text.slice(offset, offset + length) }));
  return findCommentSuppressions(text, written, DIRECTIVE);
}

const NO_COMMENTS: readonly HostComment[] = [];

function findCommentSuppressions(text: string, comments: readonly HostComment[], directive: RegExp): Suppressions {
  const suppressions: Suppressions = { lines: new Map(), codes: [] };
  // Most documents have no comment, or none that is a directive: the text is not searched then.
  if (comments.length === 0 || !comments.some((comment) => mayHoldDirective(comment.text))) return suppressions;
  const lines = new LineIndex(text);
  for (const comment of comments) {
    const leading = comment.text.length - comment.text.trimStart().length;
    const trimmed = comment.text.trim();
    const line = lines.positionAt(comment.offset).line;
    if (directive === DIRECTIVE && trimmed.startsWith('/*')) addBlockDirective(suppressions, trimmed, comment.offset + leading, line);
    else addDirective(suppressions, directive, trimmed, comment.offset + leading, line);
  }
  return suppressions;
}

/** A JSONC block comment's directive (`/* sagemaker-spec-disable-line latest-tag *\/`), read on the line it starts on. */
function addBlockDirective(suppressions: Suppressions, comment: string, offset: number, line: number): void {
  const body = comment.endsWith('*/') ? comment.slice(0, -2).trimEnd() : comment;
  addDirective(suppressions, BLOCK_DIRECTIVE, body, offset, line);
}

/** Suppressions from the `//` comments of a JSONC text (found with jsonc-parser's scanner: `//` inside a string never counts). */
export function findSuppressions(text: string): Suppressions {
  const suppressions: Suppressions = { lines: new Map(), codes: [] };
  // Most files have none: skip the scan unless a directive appears somewhere.
  if (!mayHoldDirective(text)) return suppressions;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) continue;
    const raw = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
    const leading = raw.length - raw.trimStart().length;
    if (token === SyntaxKind.BlockCommentTrivia) addBlockDirective(suppressions, raw.trim(), scanner.getTokenOffset() + leading, scanner.getTokenStartLine());
    else addDirective(suppressions, DIRECTIVE, raw.trim(), scanner.getTokenOffset() + leading, scanner.getTokenStartLine());
  }
  return suppressions;
}

/** Reads one comment (trimmed, starting at `offset`, on 0-based line `line`) into `suppressions` when it is a directive. */
function addDirective(suppressions: Suppressions, pattern: RegExp, comment: string, offset: number, line: number): void {
  const match = pattern.exec(comment);
  if (!match) return;
  const target = match[1] === DISABLE_LINE ? line : line + 1;
  const listStart = match[2] === undefined ? comment.length : comment.length - match[2].length;
  const named = parseCodes(match[2] ?? '', offset + listStart);
  const previous = suppressions.lines.get(target);
  if (named.length === 0 || previous === 'all') suppressions.lines.set(target, 'all');
  else suppressions.lines.set(target, new Set([...(previous ?? []), ...named.map(({ code }) => code)]));
  suppressions.codes.push(...named);
}

/** `a, b -- why` → a and b with their offsets (the list starting at `offset`); nothing (or only a reason) → none, which means every code. */
function parseCodes(list: string, offset: number): DirectiveCode[] {
  const withoutReason = list.split(/(?:^|\s)--(?:\s|$)/)[0];
  const codes: DirectiveCode[] = [];
  for (const match of withoutReason.matchAll(/[^\s,]+/g)) codes.push({ code: match[0], offset: offset + match.index! });
  return codes;
}

/** The findings not suppressed by a directive on their first line (or the line before it); UNSUPPRESSIBLE_CODES always stay. */
export function withoutSuppressed(text: string, findings: Finding[], given?: Suppressions): Finding[] {
  // Without findings the text is not read for directives (a default parameter would read it first).
  if (findings.length === 0) return findings;
  const { lines: suppressions, aliasReadings } = given ?? findSuppressions(text);
  if (suppressions.size === 0) return findings;
  const lines = new LineIndex(text);
  const throughAliases = aliasReadings ? coveredThroughAliases(lines, suppressions, aliasReadings) : [];
  return findings.filter((finding) => {
    if (UNSUPPRESSIBLE_CODES.has(finding.code)) return true;
    const suppressed = suppressions.get(lines.positionAt(finding.offset).line);
    if (suppressed === 'all' || suppressed?.has(finding.code)) return false;
    return !throughAliases.some(({ range, codes }) => range.offset <= finding.offset && finding.offset < range.offset + range.length && (codes === 'all' || codes.has(finding.code)));
  });
}

/**
 * The anchored values a directive covers through an alias on its line, each with the codes it
 * covers there; an alias inside a covered value passes them on to the value it reads in turn
 * (`a: &a {Image: *img}` read as `*a`).
 */
function coveredThroughAliases(lines: LineIndex, suppressions: LineSuppressions, readings: readonly AliasReading[]): { range: OffsetRange; codes: Set<string> | 'all' }[] {
  const covered = new Map<AliasReading, Set<string> | 'all'>();
  const pending: AliasReading[] = [];
  const cover = (reading: AliasReading, codes: Set<string> | 'all') => {
    const before = covered.get(reading);
    const after = before === 'all' || codes === 'all' ? 'all' : new Set([...(before ?? []), ...codes]);
    if (before !== undefined && (before === 'all' || (after !== 'all' && after.size === before.size))) return;
    covered.set(reading, after);
    pending.push(reading);
  };
  for (const reading of readings) {
    const codes = suppressions.get(lines.positionAt(reading.alias.offset).line);
    if (codes) cover(reading, codes);
  }
  for (let reading = pending.pop(); reading; reading = pending.pop()) {
    const { anchored } = reading;
    const codes = covered.get(reading)!;
    for (const inner of readings) if (inner !== reading && anchored.offset <= inner.alias.offset && inner.alias.offset < anchored.offset + anchored.length) cover(inner, codes);
  }
  return [...covered].map(([reading, codes]) => ({ range: reading.anchored, codes }));
}
