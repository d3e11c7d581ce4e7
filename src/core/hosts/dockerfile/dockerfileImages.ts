/**
 * The images a Dockerfile builds on: each `FROM` whose image names an Amazon ECR registry
 * (`<account>.dkr.ecr.<region>.<suffix>/…`) becomes an image-only document, checked by the image
 * rules with usage `reference` (the account, DNS suffix, region, tag, `latest` and XGBoost rules;
 * not `image-region-mismatch`: `docker build` pulls from any region).
 *
 * Variables in the image are read as BuildKit expands a FROM line, from the global ARGs (those
 * before the first FROM):
 * - an ARG with a default is replaced by it (`--build-arg` may still override it, so a finding on
 *   that text says which default it read: "With ARG TAG's default 1.7-1: …");
 * - `$VAR` of an ARG without a default, a predefined one (`$TARGETARCH`, `$BUILDPLATFORM`, …) and
 *   anything not understood are dynamic: the static rest is checked as a template, the variable never;
 * - `${VAR:-word}` is `word` when VAR has no value: undeclared, an empty default, or an ARG without
 *   a default (empty unless `--build-arg` sets it, so a finding there says so);
 *   `${VAR:+word}` is `word` when VAR's default is non-empty, nothing when VAR is undeclared, its
 *   default empty or absent (again saying that `--build-arg` may change it).
 * A FROM naming an earlier build stage (`FROM builder`) is not an image.
 */
import type { From, Variable } from 'dockerfile-ast';
import { parseImageReference } from '../../imageReference';
import type { OffsetRange } from '../../jsonTree';
import type { RequestNode, Substitution, TemplatePart } from '../../requestTree';
import type { ImageField, SpecDocument } from '../../specDocument';
import type { HostComment } from '../../suppressions';
import { DockerfileOffsets, type Dockerfile } from './dockerfileSyntax';
import { possessive } from '../../possessive';

/** A piece of a FROM image's value, in value indices `[start, end)`. */
export type ImagePiece =
  /** Text written in the file, one source character per value character from `source` on. */
  | { kind: 'text'; start: number; end: number; source: number }
  /** The default of global ARG `name`, read for the variable written at `token`. */
  | {
      kind: 'default';
      start: number;
      end: number;
      token: OffsetRange;
      name: string;
      /** Where the default is written character for character (inside its quotes), when it is. */
      written?: OffsetRange;
      /** How a finding on it tells where the value came from, when not `ARG <name>'s default <value>`. */
      note?: string;
    }
  /** A value known only at build time (`--build-arg`, the platform). */
  | { kind: 'dynamic'; start: number; end: number; token: OffsetRange };

/** A FROM image's string node: the request tree's string with the pieces the fix renderer reads. */
export interface DockerfileImageNode extends RequestNode {
  dockerfile: { pieces: readonly ImagePiece[] };
}

export interface DockerfileImages {
  /** One image-only document per FROM that names an Amazon ECR image, in file order. */
  documents: SpecDocument[];
  /** Every comment, for `# sagemaker-spec-disable-next-line` (see `suppressionComments`). */
  comments: HostComment[];
}

/** Build arguments BuildKit sets on its own: never read from a default. */
const PREDEFINED_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

/** A global ARG as the FROM lines see it: its default (undefined: none) and where that is written. */
interface GlobalArg {
  value: string | undefined;
  written?: OffsetRange;
}

export function findDockerfileImages(text: string, dockerfile: Dockerfile): DockerfileImages {
  const offsets = new DockerfileOffsets(text);
  const globals = globalArgs(text, dockerfile, offsets);
  const inStages = stageArgNames(dockerfile);
  const documents: SpecDocument[] = [];
  const stages = new Set<string>();
  const imageLines: { instructionLine: number; imageLine: number }[] = [];
  for (const from of dockerfile.getFROMs()) {
    const range = from.getImageRange();
    const raw = from.getImage();
    if (range && raw !== null && !stages.has(raw.toLowerCase())) {
      const node = imageNode(text, from, offsets.range(range), globals, offsets, inStages);
      const field = node && imageField(node);
      if (field) {
        documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [field], host: 'dockerfile', imagesOnly: true });
        imageLines.push({ instructionLine: from.getRange().start.line, imageLine: range.start.line });
      }
    }
    const stage = from.getBuildStage();
    if (stage) stages.add(stage.toLowerCase());
  }
  return { documents, comments: suppressionComments(text, dockerfile, offsets, imageLines) };
}

/** The global ARGs: the last declaration of each name before the first FROM wins. */
function globalArgs(text: string, dockerfile: Dockerfile, offsets: DockerfileOffsets): Map<string, GlobalArg> {
  const globals = new Map<string, GlobalArg>();
  for (const arg of dockerfile.getInitialARGs()) {
    for (const property of arg.getProperties()) {
      const value = property.getValue();
      const valueRange = property.getValueRange();
      // No default (a bare `ARG TAG`, even after `ARG TAG=1.7-1`: never guess which wins), or one
      // built from other variables: known only at build time.
      if (value === null || !valueRange || value.includes('$')) {
        globals.set(property.getName(), { value: undefined });
        continue;
      }
      globals.set(property.getName(), { value, written: writtenAt(text, offsets.range(valueRange), value) });
    }
  }
  return globals;
}

/** Where `value` is written verbatim in `range` (itself, or inside one pair of quotes), else undefined. */
function writtenAt(text: string, range: OffsetRange, value: string): OffsetRange | undefined {
  const source = text.slice(range.offset, range.offset + range.length);
  if (source === value) return range;
  const quote = source[0];
  if ((quote === '"' || quote === "'") && source.length >= 2 && source.endsWith(quote) && source.slice(1, -1) === value) {
    return { offset: range.offset + 1, length: value.length };
  }
  return undefined;
}

/**
 * The FROM image as a string node, or undefined when it cannot be an Amazon ECR image (no
 * `.dkr.ecr` in what is known of it, or written across lines).
 */
function imageNode(text: string, from: From, image: OffsetRange, globals: Map<string, GlobalArg>, offsets: DockerfileOffsets, inStages: ReadonlySet<string>): DockerfileImageNode | undefined {
  const source = text.slice(image.offset, image.offset + image.length);
  if (/[\r\n]/.test(source)) return undefined;
  const pieces: ImagePiece[] = [];
  const notes: Substitution[] = [];
  let value = '';
  let dynamic = false;
  let written = image.offset;
  const addText = (start: number, end: number) => {
    if (end <= start) return;
    pieces.push({ kind: 'text', start: value.length, end: value.length + end - start, source: start });
    value += text.slice(start, end);
  };
  for (const variable of from.getVariables()) {
    const token = offsets.range(variable.getRange());
    if (token.offset < image.offset || token.offset + token.length > image.offset + image.length) continue;
    addText(written, token.offset);
    written = token.offset + token.length;
    const expansion = expand(text, variable, offsets, globals, inStages);
    if (expansion.kind === 'dynamic') {
      dynamic = true;
      pieces.push({ kind: 'dynamic', start: value.length, end: value.length, token });
    } else if (expansion.kind === 'nothing') {
      continue;
    } else if (expansion.kind === 'word') {
      addText(expansion.range.offset, expansion.range.offset + expansion.range.length);
      // The word is text of the FROM line (fixes edit it there); the note goes on the word.
      if (expansion.note) notes.push({ range: expansion.range, note: expansion.note, replacedBy: '--build-arg' });
    } else {
      pieces.push({ kind: 'default', start: value.length, end: value.length + expansion.value.length, token, name: variable.getName(), written: expansion.written, note: expansion.note });
      value += expansion.value;
    }
  }
  addText(written, image.offset + image.length);
  // An escaped character or `$` left in the text: not a reference we can read.
  if (pieces.some((piece) => piece.kind === 'text' && /[\\`$]/.test(text.slice(piece.source, piece.source + piece.end - piece.start)))) return undefined;
  if (!value.includes('.dkr.ecr')) return undefined;
  const substitutions: Substitution[] = [
    ...pieces.flatMap((piece) =>
      piece.kind === 'default'
        ? [{ range: piece.token, note: piece.note ?? `ARG ${possessive(piece.name)} default ${value.slice(piece.start, piece.end) || '(empty)'}`, empty: piece.end === piece.start }]
        : [],
    ),
    ...notes,
  ].sort((a, b) => a.range.offset - b.range.offset);
  const node: DockerfileImageNode = {
    type: 'string',
    value: dynamic ? undefined : value,
    offset: image.offset,
    length: image.length,
    content: image,
    dockerfile: { pieces },
    substitutions,
    offsetOfIndex: (index) => sourceOffset(pieces, index, image),
    valueRange: (start, end) => sourceRange(pieces, start, end, image),
  };
  if (dynamic) {
    node.dynamic = true;
    node.template = templateParts(pieces, value);
  }
  // The whole image is one ARG's default (`FROM ${BASE_IMAGE}`): completion writes in the ARG line.
  const [only] = pieces;
  if (pieces.length === 1 && only.kind === 'default' && only.written && only.end - only.start === value.length) {
    node.writtenAt = { type: 'string', value, offset: only.written.offset, length: only.written.length, content: only.written } as RequestNode;
  }
  return node;
}

type Expansion =
  | { kind: 'dynamic' }
  /** No text, for certain (`${VAR:+word}` of an undeclared VAR). */
  | { kind: 'nothing' }
  /** The `word` of `${VAR:-word}`, written in the FROM line itself; `note` when `--build-arg` may change it. */
  | { kind: 'word'; range: OffsetRange; note?: string }
  | { kind: 'default'; value: string; written?: OffsetRange; note?: string };

/** Why a value read from an ARG without a default may differ at build time. */
function unsetNote(name: string): string {
  return `ARG ${name} has no value unless --build-arg gives one`;
}

/**
 * The names ARG declares inside build stages (after the first FROM): FROM lines never see them,
 * whatever `--build-arg` says — a slip BuildKit's own check calls UndefinedArgInFrom.
 */
function stageArgNames(dockerfile: Dockerfile): Set<string> {
  const initial = new Set(dockerfile.getInitialARGs());
  const names = new Set<string>();
  for (const arg of dockerfile.getARGs()) if (!initial.has(arg)) for (const property of arg.getProperties()) names.add(property.getName());
  return names;
}

/** Why an undeclared variable in a FROM line is empty: the note its findings start with. */
function undeclaredNote(name: string, inStages: ReadonlySet<string>): string {
  return inStages.has(name)
    ? `${name} empty (ARG ${name} is declared inside a build stage, which FROM lines do not see: declare it before the first FROM)`
    : `${name} empty (no ARG before the first FROM declares it, so FROM reads it empty and --build-arg cannot set it)`;
}

/** What one `$VAR` / `${VAR…}` of a FROM line stands for (see the header). */
function expand(text: string, variable: Variable, offsets: DockerfileOffsets, globals: Map<string, GlobalArg>, inStages: ReadonlySet<string>): Expansion {
  const name = variable.getName();
  const modifier = variable.getModifier();
  // Set by BuildKit itself (the platform) or from the environment (proxies): never guessed.
  if (PREDEFINED_ARGS.has(name)) return { kind: 'dynamic' };
  const declared = globals.get(name);
  const wordRange = variable.getSubstitutionRange();
  const word = wordRange ? offsets.range(wordRange) : undefined;
  const wordText = word ? text.slice(word.offset, word.offset + word.length) : '';
  const plainWord = word && !/[\\`$]/.test(wordText) ? word : undefined;
  if (modifier === null || modifier === '') {
    // Undeclared: empty in every build (BuildKit reads FROM lines with the global ARGs only).
    if (declared === undefined) return { kind: 'default', value: '', note: undeclaredNote(name, inStages) };
    // A bare `$TAG` of an ARG without a default is the usual "pass --build-arg" form: dynamic.
    return declared.value !== undefined ? { kind: 'default', value: declared.value, written: declared.written } : { kind: 'dynamic' };
  }
  if (modifier === '-') {
    if (declared === undefined || declared.value === '') return plainWord ? { kind: 'word', range: plainWord } : { kind: 'dynamic' };
    if (declared.value !== undefined) return { kind: 'default', value: declared.value, written: declared.written };
    // `ARG TAG` without a default: empty in a plain `docker build`, so the word is what is pulled.
    return plainWord ? { kind: 'word', range: plainWord, note: `the ":-" default ${wordText} (${unsetNote(name)})` } : { kind: 'dynamic' };
  }
  if (modifier === '+') {
    // Undeclared: no --build-arg reaches a FROM line, so the word is never used.
    if (declared === undefined) return { kind: 'nothing' };
    if (declared.value === '') return { kind: 'default', value: '' };
    if (declared.value === undefined) return { kind: 'default', value: '', note: `"${wordText}" left out, as ${'$'}{${name}:+…} is empty (${unsetNote(name)})` };
    return plainWord ? { kind: 'word', range: plainWord } : { kind: 'dynamic' };
  }
  return { kind: 'dynamic' };
}

/** The image-only field for a FROM image: only the image rules read it, so it is its own holder. */
function imageField(node: DockerfileImageNode): ImageField | undefined {
  if (node.template) return { value: node, usage: 'reference', holder: node, holderPath: [] };
  const parsed = parseImageReference(node.value as string);
  // Parsed but not on an Amazon ECR host (`my.dkr.ecr.example/x`): nothing of ours to say.
  if (parsed.ok && !parsed.reference.ecr) return undefined;
  return { value: node, usage: 'reference', holder: node, holderPath: [], parsed };
}

/** The source offset of value index `index` (a substituted character: its variable's start; the end: the image's end). */
function sourceOffset(pieces: readonly ImagePiece[], index: number, image: OffsetRange): number {
  for (const piece of pieces) {
    if (index < piece.start || index >= piece.end) continue;
    return piece.kind === 'text' ? piece.source + index - piece.start : piece.token.offset;
  }
  const next = pieces.find((piece) => piece.start >= index);
  if (next) return next.kind === 'text' ? next.source : next.token.offset;
  return image.offset + image.length;
}

/** The source range of value `[start, end)`: substituted text is shown on its whole variable. */
function sourceRange(pieces: readonly ImagePiece[], start: number, end: number, image: OffsetRange): OffsetRange {
  if (end <= start) return { offset: sourceOffset(pieces, start, image), length: 0 };
  let from = Number.MAX_SAFE_INTEGER;
  let to = -1;
  for (const piece of pieces) {
    if (piece.end <= start || piece.start >= end) continue;
    const range = piece.kind === 'text'
      ? { offset: piece.source + Math.max(start, piece.start) - piece.start, length: Math.min(end, piece.end) - Math.max(start, piece.start) }
      : piece.token;
    from = Math.min(from, range.offset);
    to = Math.max(to, range.offset + range.length);
  }
  if (to < 0) return { offset: sourceOffset(pieces, start, image), length: 0 };
  return { offset: from, length: to - from };
}

/** The template of an image with a dynamic part; substituted text maps to its variable's start. */
function templateParts(pieces: readonly ImagePiece[], value: string): TemplatePart[] {
  return pieces.map((piece): TemplatePart => {
    const part = value.slice(piece.start, piece.end);
    if (piece.kind === 'dynamic') return { kind: 'placeholder', offset: piece.token.offset, length: piece.token.length, filledBy: 'build' };
    if (piece.kind === 'text') return { kind: 'text', value: part, offsets: Array.from({ length: part.length + 1 }, (_, i) => piece.source + i) };
    const offsets = Array.from({ length: part.length }, () => piece.token.offset);
    offsets.push(piece.token.offset + piece.token.length);
    return { kind: 'text', value: part, offsets };
  });
}

/**
 * Every comment of the file. A directive comment right above a FROM whose image is on a later
 * line (`FROM --platform=… \` then the image) is also given on the line above the image, so it
 * covers the image as it covers a one-line FROM.
 */
function suppressionComments(text: string, dockerfile: Dockerfile, offsets: DockerfileOffsets, imageLines: { instructionLine: number; imageLine: number }[]): HostComment[] {
  const comments: HostComment[] = dockerfile.getComments().map((comment) => {
    const range = offsets.range(comment.getRange());
    return { offset: range.offset, text: text.slice(range.offset, range.offset + range.length) };
  });
  if (imageLines.every(({ instructionLine, imageLine }) => instructionLine === imageLine)) return comments;
  const byLine = new Map(dockerfile.getComments().map((comment, index) => [comment.getRange().start.line, comments[index]]));
  const extra: HostComment[] = [];
  for (const { instructionLine, imageLine } of imageLines) {
    const above = byLine.get(instructionLine - 1);
    if (imageLine > instructionLine && above) extra.push({ offset: offsets.lineStart(imageLine - 1), text: above.text });
  }
  return [...comments, ...extra];
}
