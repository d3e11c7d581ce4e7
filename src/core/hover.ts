/**
 * Hover on an image reference: what it is made of, what the catalog knows of it, and whether it
 * is pinned. Plain Markdown, our own words; every piece of spec text in it is escaped.
 */
import { hoverAlgorithm } from './algorithms/algorithmHover';
import type { AlgorithmTable } from './algorithms/algorithmTable';
import type { ApiModel } from './apiModel/apiModel';
import type { Catalog } from './catalog/catalog';
import { catalogSnapshotLabel } from './catalog/catalogAge';
import { aliasAt, type HostDocument } from './hostDocument';
import type { OffsetRange } from './jsonTree';
import { codeSpan, escapeMarkdown } from './markdown';
import { hoverMember, hoverSubstitutedValue } from './modelHover';
import type { RequestNode } from './requestTree';
import { nodeRange } from './rules/ruleContext';
import { hoverStandIn } from './standInHover';
import { isFloatingTag, isXgboostImage, xgboostFloatingTagSentence } from './rules/xgboost';
import type { SpecDocument } from './specDocument';
import { hoverTemplateImage } from './templateHover';
import type { TemplateRegions } from './mappingRowsHover';

export interface HoverResult {
  /** Untrusted-safe Markdown: spec text in it is escaped or in code spans, no HTML. */
  markdown: string;
  range: OffsetRange;
}

/**
 * The hover `hoverAtOffset` gives at `offset` of `document`; on a YAML alias of a scalar (`*img`),
 * the one it gives on the anchored value the alias reads, shown over the alias (the tree holds the
 * value at the anchor's offsets only, so the alias itself had none).
 */
export function hoverThroughAlias(document: HostDocument, offset: number, hoverAtOffset: (offset: number) => HoverResult | undefined): HoverResult | undefined {
  const reading = aliasAt(document, offset);
  if (!reading?.scalar) return hoverAtOffset(offset);
  const hover = hoverAtOffset(reading.anchored.offset);
  return hover && { ...hover, range: reading.alias };
}

/**
 * The hover at `offset` (UTF-16 code units into the spec's text): an image reference's parts and
 * catalog facts, a built-in algorithm hyperparameter's facts (with `algorithms`), else a member's
 * type and limits from `apiModel`; undefined elsewhere. `templateRegions`: the regions the user
 * listed for a template (templateRegions, --template-region), named when a Mappings table the
 * image reads by region lacks them.
 */
export function hoverAt(spec: SpecDocument, offset: number, catalog: Catalog, apiModel?: ApiModel, algorithms?: AlgorithmTable, templateRegions?: TemplateRegions): HoverResult | undefined {
  // A DefinitionSubstitutions entry that fills request members: which, and what they take.
  const substituted = spec.substitutedValues && apiModel ? hoverSubstitutedValue(spec, offset, apiModel) : undefined;
  if (substituted) return substituted;
  const algorithm = algorithms && hoverAlgorithm(spec, offset, catalog, algorithms);
  if (algorithm) return algorithm;
  const field = spec.images.find((image) => image.value.offset <= offset && offset < image.value.offset + image.value.length);
  // An image built from a template (`!Sub`, an f-string): its static parts, its placeholders said as such.
  const template = field && !field.parsed ? (field.value as RequestNode).template : undefined;
  const templateHover = template && hoverTemplateImage(spec.text, field!, template, catalog, templateRegions);
  if (templateHover) return templateHover;
  // Not an image: a value read from a parameter's default, else a member name, described from the API model (JSON and YAML; Python's keys are found by hoverInPython).
  if (!field?.parsed) return (spec.root && ['json', 'yaml'].includes(spec.host ?? 'json') && (hoverStandIn(spec, offset) ?? (apiModel ? hoverMember(spec, offset, apiModel) : undefined))) || undefined;
  const range = nodeRange(field.value);
  if (!field.parsed.ok) return { markdown: `**Not a valid image reference**: ${escapeMarkdown(field.parsed.problem)}.`, range };
  const reference = field.parsed.reference;
  const ecr = reference.ecr;
  const rows: [string, string][] = [];
  let title: string;
  if (ecr) {
    title = catalog.isAwsAccount(ecr.account.text) ? '**Amazon ECR image** (SageMaker registry)' : '**Amazon ECR image**';
    rows.push(['Registry', reference.host!.text], ['Account', ecr.account.text], ['Region', ecr.region.text]);
  } else {
    title = !reference.host ? '**Docker Hub image** (outside Amazon ECR)'
      : reference.host.text.toLowerCase() === 'public.ecr.aws' ? '**Amazon ECR Public image** (not a private ECR repository)'
      : '**Private registry image** (outside Amazon ECR)';
    rows.push(['Registry', reference.host?.text ?? 'docker.io']);
  }
  rows.push(['Repository', reference.repository.text]);
  if (reference.tag) rows.push(['Tag', reference.tag.text]);
  if (reference.digest) rows.push(['Digest', reference.digest.text]);
  const found = ecr && reference.tag ? catalog.findImage(reference.repository.text, reference.tag.text, ecr.region.text) : undefined;
  if (found) {
    const processors = found.processors?.length ? ` · ${found.processors.join('/')}` : '';
    rows.push(['Catalog', `${found.title} ${found.version} · ${found.scopes.join(', ')}${processors}`]);
  }
  const lines = [title, '', '| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${codeSpan(value, { inTable: true })} |`)];
  // The catalog is a snapshot: say which, so "unknown tag" can be weighed against its age.
  if (ecr && catalog.isAwsAccount(ecr.account.text)) lines.push('', `${escapeMarkdown(catalogSnapshotLabel(catalog.source))}.`);
  lines.push('', pinningSentence(reference.tag?.text, Boolean(reference.digest), ecr && isXgboostImage(catalog, reference) ? reference.repository.text : undefined));
  // Text the host substituted (a Dockerfile's ARG default): say what was read, a build may differ.
  const substitutions = (field.value as RequestNode).substitutions ?? [];
  if (substitutions.length > 0) {
    const replacedBy = substitutions[0].replacedBy ?? 'a build argument';
    lines.push('', `Read with ${substitutions.map((substitution) => escapeMarkdown(substitution.note)).join(' and ')}; ${escapeMarkdown(replacedBy)} may replace it.`);
  }
  return { markdown: lines.join('\n'), range };
}

/** `xgboostRepository`: the image's repository when it is an XGBoost algorithm image. */
function pinningSentence(tag: string | undefined, hasDigest: boolean, xgboostRepository: string | undefined): string {
  if (hasDigest) return 'Pinned by digest: always exactly this image.';
  if (tag === undefined || tag === 'latest') return 'Not pinned: `latest` moves with every push.';
  if (xgboostRepository !== undefined && isFloatingTag(tag)) return xgboostFloatingTagSentence(tag, xgboostRepository);
  if (tag === '1') return 'Stable tag `1` of a built-in algorithm.';
  return `Pinned by tag ${codeSpan(tag)} (a tag can be moved; a digest cannot).`;
}
