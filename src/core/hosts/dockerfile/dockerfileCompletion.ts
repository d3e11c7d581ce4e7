/**
 * Completion in a Dockerfile: image references in a FROM line, after `FROM ` (and its flags) or
 * inside the image typed so far, from the same catalog completion JSON specs use (usage
 * `reference`: every tag is offered, whatever job the image serves); and in the default of a global
 * ARG that a FROM line reads as its whole image (`ARG BASE_IMAGE=…` for `FROM ${BASE_IMAGE}`).
 */
import { completeImage, type CompletionOptions, type CompletionResult } from '../../completion';
import { completeDocumentImage } from '../../documentImageCompletion';
import { readDockerfileDocument } from '../../hostDocument';
import { resolveRegion } from '../../region';
import { DockerfileOffsets, parseDockerfile } from './dockerfileSyntax';
import { lineStartAt } from '../../textPositions';

/** Items for the FROM image (or the ARG default it reads) at `offset` (UTF-16 units into `text`), or undefined elsewhere. */
export function completeInDockerfile(text: string, offset: number, options: CompletionOptions): CompletionResult | undefined {
  // Cheap first: most positions (RUN lines, comments) are not in a FROM, and need no parse. A FROM
  // starts the cursor's line, or the line above ends in a line continuation (`\`, or `` ` ``).
  const lineStart = lineStartAt(text, offset);
  // An ARG line: its default, where a FROM line reads it whole (`FROM ${BASE_IMAGE}`).
  if (/^[ \t]*arg[ \t]/i.test(text.slice(lineStart, offset))) return completeDocumentImage(readDockerfileDocument(text), offset, options);
  const continued = /[\\`][ \t]*\r?\n$/.test(text.slice(Math.max(0, lineStart - 8), lineStart));
  if (!continued && !/^[ \t]*from[ \t]/i.test(text.slice(lineStart, offset))) return undefined;
  const dockerfile = parseDockerfile(text);
  const offsets = new DockerfileOffsets(text);
  const from = dockerfile.getFROMs().find((instruction) => {
    const range = offsets.range(instruction.getRange());
    return range.offset <= offset && offset <= range.offset + range.length;
  });
  if (!from) return undefined;
  const keyword = offsets.range(from.getInstructionRange());
  if (offset <= keyword.offset + keyword.length) return undefined;
  const region = resolveRegion({ ...options.regionInputs, specImageRegions: [] });
  const [image] = from.getArguments();
  if (image) {
    const range = offsets.range(image.getRange());
    if (offset < range.offset || offset > range.offset + range.length) return undefined;
    const typed = text.slice(range.offset, offset);
    if (/[$\\`]/.test(text.slice(range.offset, range.offset + range.length))) return undefined; // variables: what they hold is not ours to complete
    return completeImage(typed, { offset: range.offset, length: range.length, newText: '' }, region, options, 'reference');
  }
  // No image yet: right after `FROM ` or a flag, not inside one.
  const inFlag = from.getFlags().some((flag) => {
    const range = offsets.range(flag.getRange());
    return range.offset <= offset && offset <= range.offset + range.length;
  });
  if (inFlag || !/\s/.test(text[offset - 1] ?? '')) return undefined;
  return completeImage('', { offset, length: 0, newText: '' }, region, options, 'reference');
}
