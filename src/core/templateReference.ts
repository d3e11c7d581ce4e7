/**
 * An image reference built from a template (a Python f-string, CloudFormation's `!Sub`, a state
 * machine's DefinitionSubstitutions, …; see TemplatePart), split into the positions of a
 * reference: host (an Amazon ECR host's account and region), repository, tag and digest. Each
 * position is the joined text, with HOLE where a placeholder stands, so a rule can tell which
 * positions are static. Shared by the template image rule and the built-in algorithm jobs.
 */
import type { Node } from 'jsonc-parser';
import { changedSpan } from './edits/changedSpan';
import { intent, type HostIntent } from './edits/editIntent';
import type { OffsetRange } from './jsonTree';
import type { PlaceholderFacts, TemplatePart } from './requestTree';

/** Stands for a placeholder in the joined text; it cannot occur in an image reference. */
export const HOLE = '*';

/** An ECR host whose account and region may each be a placeholder (`*`). */
const ECR_HOST = /^(\d{12}|\*)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+|\*)\.(.+)$/;

export interface TemplateReference {
  /** The parts joined, one HOLE per placeholder. */
  text: string;
  /** `text` before the first `/`. */
  host: string;
  /** The account and region of an Amazon ECR host, each the static text or HOLE; undefined when the host is not one. */
  ecr?: {
    account: string;
    region: string;
    /** Index of the region in `text`. */
    regionStart: number;
    /** The DNS suffix after the region (`amazonaws.com`, `amazonaws.com.cn`, HOLE), and its index in `text`. */
    dnsSuffix: string;
    dnsSuffixStart: number;
  };
  /** Index in `text` where the path (repository, tag, digest) starts. */
  pathStart: number;
  /** The repository: the path up to the tag or digest. */
  repository: string;
  /** Index in `text` just past the repository. */
  repositoryEnd: number;
  /** The last path segment, up to a digest: the repository's last name and its tag. */
  nameAndTag: string;
  /** The text after `:` in `nameAndTag`, undefined without one. */
  tag: string | undefined;
  /** True when the reference ends in `@…` (pinned by digest). */
  digest: boolean;
  /** The source range of `text`'s indices `[start, end)` (a placeholder's index stands for the whole placeholder's start). */
  range(start: number, end: number): OffsetRange;
  /** What the host knows of the placeholder whose HOLE is at `text[index]`; undefined for text, or a placeholder it knows nothing of. */
  factsAt(index: number): PlaceholderFacts | undefined;
  /** The placeholder whose HOLE is at `text[index]`, undefined for text. */
  placeholderAt(index: number): PlaceholderPart | undefined;
  /**
   * The intent making `text[start, end)` read `replacement`, in the string its changed characters
   * are written in (see TemplatePart.written): only when they all lie in one such part, never
   * across parts (an item and a parameter's default, a separator) nor in a placeholder. An
   * insertion at a part's edge goes at the end of the part before, else the start of the part
   * after. Undefined when no part can take it, or nothing changes.
   */
  editAt(start: number, end: number, replacement: string): HostIntent | undefined;
  /** The string node `text[index]` is written in (TemplatePart.written), undefined for a part without one or a placeholder. */
  writtenAt(index: number): Node | undefined;
}

/** A placeholder part of a template. */
export type PlaceholderPart = Extract<TemplatePart, { kind: 'placeholder' }>;

/** A placeholder, then `:tag` (not a port's digits) and/or `@digest`: the placeholder is the host and repository. */
const WHOLE_REPOSITORY_THEN_TAG = /^\*(?=[:@])(?::(?!\d+(?:@|$))[^:@/*]+)?(?:@[^/*]+)?$/;

/** True when the text holds a placeholder. */
export function hasHole(text: string): boolean {
  return text.includes(HOLE);
}

/**
 * The template's reference positions, or undefined when it has no host and path (`{uri}`,
 * `my-model:latest`). `${Repo.RepositoryUri}:latest` (one placeholder, then a static tag or
 * digest) has the placeholder as host and repository, so the tag rules judge its tag.
 */
export function parseTemplateReference(parts: readonly TemplatePart[]): TemplateReference | undefined {
  const joined = joinParts(parts);
  const text = joined.text;
  const slash = text.indexOf('/');
  // `${Repo.RepositoryUri}:latest`: one placeholder for host and repository, then a static tag
  // or digest (a port would be digits alone, and a path would follow it).
  const wholeRepository = slash < 0 && WHOLE_REPOSITORY_THEN_TAG.test(text);
  if (slash <= 0 && !wholeRepository) return undefined;
  const host = wholeRepository ? HOLE : text.slice(0, slash);
  const pathStart = wholeRepository ? 0 : slash + 1;
  const path = text.slice(pathStart);
  const lastSlash = path.lastIndexOf('/');
  const lastSegment = path.slice(lastSlash + 1);
  const at = lastSegment.indexOf('@');
  const nameAndTag = at >= 0 ? lastSegment.slice(0, at) : lastSegment;
  const colon = nameAndTag.indexOf(':');
  const repositoryEnd = pathStart + (lastSlash + 1) + (colon >= 0 ? colon : nameAndTag.length);
  const match = ECR_HOST.exec(host);
  return {
    text,
    host,
    ...(match && { ecr: ecrHost(host, match) }),
    pathStart,
    repository: text.slice(pathStart, repositoryEnd),
    repositoryEnd,
    nameAndTag,
    tag: colon >= 0 ? nameAndTag.slice(colon + 1) : undefined,
    digest: at >= 0,
    range: joined.range,
    factsAt: (index) => joined.placeholders.get(index)?.facts,
    placeholderAt: (index) => joined.placeholders.get(index),
    editAt: (start, end, replacement) => editInPart(joined.spans, text, start, end, replacement),
    writtenAt: (index) => joined.spans.find((span) => span.start <= index && index < span.end)?.written,
  };
}

/** The account, region and DNS suffix of a matched Amazon ECR host, with where each starts. */
function ecrHost(host: string, match: RegExpExecArray): NonNullable<TemplateReference['ecr']> {
  const regionStart = host.indexOf(match[2], match[1].length);
  return { account: match[1], region: match[2], regionStart, dnsSuffix: match[3], dnsSuffixStart: host.length - match[3].length };
}

/** Where a part lies in the joined text, `[start, end)` (a placeholder's one HOLE), and the string its text is written in (TemplatePart.written). */
interface PartSpan {
  start: number;
  end: number;
  written: Node | undefined;
  /** The index in `written`'s value where the part starts. */
  writtenStart: number;
}

/** The parts joined with one HOLE per placeholder, where each lies, and a map from joined indices to source ranges. */
function joinParts(parts: readonly TemplatePart[]): { text: string; placeholders: Map<number, PlaceholderPart>; spans: PartSpan[]; range(start: number, end: number): OffsetRange } {
  let text = '';
  const spans: PartSpan[] = [];
  const offsets: number[] = [];
  // Where each character's source ends: a range ends with its last character, not where the next part starts (a Std:Join's next item).
  const ends: number[] = [];
  const placeholders = new Map<number, PlaceholderPart>();
  for (const part of parts) {
    spans.push({ start: text.length, end: text.length + (part.kind === 'text' ? part.value.length : HOLE.length), written: part.kind === 'text' ? part.written : undefined, writtenStart: part.kind === 'text' ? (part.writtenStart ?? 0) : 0 });
    if (part.kind === 'text') {
      text += part.value;
      for (let i = 0; i < part.value.length; i++) {
        offsets.push(part.offsets[i]);
        ends.push(part.offsets[i + 1]);
      }
    } else {
      placeholders.set(text.length, part);
      text += HOLE;
      offsets.push(part.offset);
      ends.push(part.offset + part.length);
    }
  }
  const last = parts[parts.length - 1];
  const end = last ? (last.kind === 'text' ? last.offsets[last.offsets.length - 1] : last.offset + last.length) : 0;
  offsets.push(end);
  return {
    text,
    placeholders,
    spans,
    range(start, finish) {
      const from = offsets[Math.min(start, offsets.length - 1)];
      const to = finish > start ? ends[Math.min(finish, text.length) - 1] : from;
      return { offset: from, length: Math.max(0, to - from) };
    },
  };
}

/** See TemplateReference.editAt: only the characters that differ, edited in the one written part that holds them. */
function editInPart(spans: readonly PartSpan[], text: string, start: number, end: number, replacement: string): HostIntent | undefined {
  // `:1` → `:1.7-1` adds `.7-1` at the end of the default: the part that holds `1` takes it.
  const changed = changedSpan(text, start, end, replacement);
  if (!changed) return undefined;
  const { from, to, newText } = changed;
  const holding =
    from < to
      ? [spans.find((span) => span.start <= from && to <= span.end)]
      : // An insertion inside a part, else at the end of the part before, else at the start of the part after.
        [spans.find((span) => span.start < from && from < span.end), spans.filter((span) => span.end === from && span.end > span.start).pop(), spans.find((span) => span.start === from && span.end > span.start)];
  const span = holding.find((candidate) => candidate?.written !== undefined);
  return span?.written ? intent.replaceInString(span.written, span.writtenStart + from - span.start, span.writtenStart + to - span.start, newText) : undefined;
}
