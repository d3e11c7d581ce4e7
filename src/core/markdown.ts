/**
 * Putting text from a spec (tags, digests, map keys, member names) into Markdown as plain text.
 * A spec is untrusted: without escaping, `[x](command:…)`, `![](http://…)` or `<img>` in a tag
 * would render as a live link, an image or HTML in a hover.
 */

/** Line breaks and other control characters: they could start a new block (a heading, a table row). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Every ASCII punctuation character: CommonMark lets each be escaped with a backslash. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * `text` as literal Markdown inline text: each ASCII punctuation character backslash-escaped (so
 * no link, image, emphasis, HTML tag, entity, autolink or table cell boundary can form) and each
 * run of control characters, line breaks included, replaced by one space.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROL, ' ').replace(PUNCTUATION, '\\$&');
}

/**
 * `text` as a Markdown code span, shown verbatim. The fence is one backtick longer than the
 * longest backtick run inside, and padded with spaces when the text starts or ends with a backtick
 * or a space (CommonMark strips one space from each side). Control characters become spaces.
 *
 * In a GFM table cell (`inTable`) a `|` ends the cell even inside a code span, and renderers
 * disagree on `\|` after other backslashes; text with `|` or `\` is then escaped as plain text.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  if (options.inTable && /[|\\]/.test(text)) return escapeMarkdown(text);
  const content = text.replace(CONTROL, ' ');
  if (content.length === 0) return '';
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
