/**
 * The other values an image's written value may take (a Pipelines parameter's EnumValues, a
 * `Std:Join` of one), judged as images of their own, and their findings told apart from the
 * written value's.
 */
import type { Node } from 'jsonc-parser';
import type { Finding } from '../findings';
import { parseImageReference } from '../imageReference';
import { isDynamic, type RequestNode } from '../requestTree';
import type { ImageField, SpecDocument } from '../specDocument';
import { hasHole, parseTemplateReference } from '../templateReference';

/** An image field, or one judged for another value its written value may take (`choice`, see withImageChoices). */
export type ChoiceField = ImageField & { choice?: Node };

/**
 * `images`, each followed by the other values its written value may take (a Pipelines parameter's
 * EnumValues besides its default; a `Std:Join` of such a parameter once per item), as fields of
 * their own for the image rules, each with its `choice`; `images` itself when there are none (no
 * copy per analysis).
 */
export function withImageChoices(images: readonly ImageField[]): readonly ChoiceField[] {
  if (!images.some((field) => (field.written as RequestNode | undefined)?.choices || (field.value as RequestNode).templateChoices)) return images;
  return images.flatMap((field): ChoiceField[] => {
    const choices = (field.written as RequestNode | undefined)?.choices ?? [];
    const others = choices.filter((choice) => choice !== field.value && choice.type === 'string' && !isDynamic(choice));
    // A joined choice reads as the Join with the item's text in its part: a node of its own for the template rules.
    const joined = (field.value as RequestNode).templateChoices ?? [];
    return [
      field,
      ...others.map((choice) => ({ ...field, value: choice, parsed: parseImageReference(choice.value as string), choice })),
      ...joined.map(({ choice, template }) => ({ ...field, value: { ...field.value, template, templateChoices: undefined } as RequestNode, choice })),
    ];
  });
}

/**
 * Findings `[from, …)` of `findings` were found with `choice` in the value's place: one the value
 * already got (the same code, range and message, on a part the choice does not touch) is dropped,
 * and one outside the choice's own text says which choice it is about (inside it, noteStandIns
 * says so).
 */
export function sayChoice(text: string, findings: Finding[], from: number, choice: Node, notes: NonNullable<SpecDocument['embedding']>['notes'] | undefined): void {
  if (findings.length === from) return;
  const inside = (finding: Finding) => choice.offset <= finding.offset && finding.offset + finding.length <= choice.offset + choice.length;
  const earlier = new Set(findings.slice(0, from).map((finding) => `${finding.code} ${finding.offset} ${finding.length} ${finding.message}`));
  const note = notes?.find(({ node }) => node === choice)?.note;
  const kept: Finding[] = [];
  for (const finding of findings.slice(from)) {
    if (earlier.has(`${finding.code} ${finding.offset} ${finding.length} ${finding.message}`)) continue;
    kept.push(inside(finding) || !note ? finding : { ...finding, message: `${finding.message} (With ${text.slice(choice.offset, choice.offset + choice.length)}, ${note}.)` });
  }
  findings.splice(from, findings.length - from, ...kept);
}

/** The codes whose finding is about the registry's region, wherever it is reported. */
const REGION_CODES = new Set(['registry-account-mismatch', 'image-region-mismatch']);

/**
 * Findings `[from, …)` on `field`, whose template takes its region from a value written elsewhere
 * (a `Std:Join` item `{"Get": "Parameters.Region"}` read through its DefaultValue): those about
 * the region (an account another region's, an image in another region) reported outside that
 * value say where the region came from — `(The region is the DefaultValue of pipeline parameter
 * "Region", "eu-west-1".)` — since nothing in the text they are on names it.
 */
export function sayStandInRegion(text: string, findings: Finding[], from: number, field: ChoiceField, notes: NonNullable<SpecDocument['embedding']>['notes'] | undefined): void {
  const template = (field.value as RequestNode).template;
  if (field.choice || !template || !notes?.length || findings.length === from) return;
  const reference = parseTemplateReference(template);
  const ecr = reference?.ecr;
  if (!reference || !ecr || hasHole(ecr.region)) return;
  const region = reference.range(ecr.regionStart, ecr.regionStart + ecr.region.length);
  const source = notes.find(({ node }) => node.offset <= region.offset && region.offset + region.length <= node.offset + node.length);
  if (!source) return;
  const { node, note } = source;
  for (let index = from; index < findings.length; index++) {
    const finding = findings[index];
    const inside = node.offset <= finding.offset && finding.offset + finding.length <= node.offset + node.length;
    if (!REGION_CODES.has(finding.code) || inside) continue;
    findings[index] = { ...finding, message: `${finding.message} (The region is ${note}, ${text.slice(node.offset, node.offset + node.length)}.)` };
  }
}
