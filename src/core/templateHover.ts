/**
 * Hover on an image built from a template (`!Sub`, `!Join`, a Python f-string, a Dockerfile FROM
 * with a build argument): what its static parts tell — registry, account, region, repository,
 * tag, and the regions where a static account serves the repository — with each placeholder
 * said as one (its text, and what the host knows fills it in: "the stack's region", a mapping's
 * rows). Plain Markdown; every piece of document text in it is escaped or in a code span.
 */
import type { Catalog } from './catalog/catalog';
import { catalogSnapshotLabel } from './catalog/catalogAge';
import type { OffsetRange } from './jsonTree';
import { codeSpan, escapeMarkdown } from './markdown';
import type { PlaceholderFiller, RequestNode, TemplatePart } from './requestTree';
import { isFloatingTag, XGBOOST_FRAMEWORK, xgboostFloatingTagSentence } from './rules/xgboost';
import type { ImageField } from './specDocument';
import { mappingRowLines, type TemplateRegions } from './mappingRowsHover';
import { pseudoParameterDescription } from './hosts/cloudFormation/pseudoParameterFacts';
import { HOLE, hasHole, parseTemplateReference, type PlaceholderPart, type TemplateReference } from './templateReference';

/** Regions named in the "Served in" row before "and N more". */
const LISTED_REGIONS = 8;

/**
 * The hover of a template image field (`parts`: its template), over `range`; undefined when the
 * template has no registry and path to show (`{uri}`).
 */
export function hoverTemplateImage(
  text: string,
  field: ImageField,
  parts: readonly TemplatePart[],
  catalog: Catalog,
  listed?: TemplateRegions,
): { markdown: string; range: OffsetRange } | undefined {
  const reference = parseTemplateReference(parts);
  if (!reference) return undefined;
  const node = field.value as RequestNode;
  const range = node.content ?? { offset: node.offset, length: node.length };
  const shown = (start: number, end: number) => shownText(text, reference, start, end);
  const { ecr } = reference;
  const account = ecr && ecr.account !== HOLE ? ecr.account : undefined;
  const awsAccount = account !== undefined && catalog.isAwsAccount(account);
  // `${Repo.RepositoryUri}:latest`: one placeholder is registry and repository.
  const rows: [string, string][] = reference.pathStart === 0 ? [['Registry and repository', shown(0, reference.repositoryEnd)]] : [['Registry', shown(0, reference.pathStart - 1)]];
  if (ecr) rows.push(['Account', shown(0, ecr.account.length)], ['Region', shown(ecr.regionStart, ecr.regionStart + ecr.region.length)]);
  if (reference.pathStart > 0) rows.push(['Repository', shown(reference.pathStart, reference.repositoryEnd)]);
  if (reference.tag !== undefined) rows.push(['Tag', shown(reference.repositoryEnd + 1, reference.repositoryEnd + 1 + reference.tag.length)]);
  const repository = hasHole(reference.repository) ? undefined : reference.repository;
  const tag = reference.tag !== undefined && !hasHole(reference.tag) ? reference.tag : undefined;
  if (account !== undefined && awsAccount && repository !== undefined && ecr?.region === HOLE) rows.push(['Served in', servedIn(catalog, account, repository)]);
  const found = repository !== undefined && tag !== undefined ? catalog.findImage(repository, tag) : undefined;
  if (found) rows.push(['Catalog', `${found.title} ${found.version} · ${found.scopes.join(', ')}`]);

  const title = ecr ? (awsAccount ? '**Amazon ECR image** (SageMaker registry), with placeholders' : '**Amazon ECR image**, with placeholders') : '**Image**, with placeholders';
  const lines = [title, '', '| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${codeSpan(value, { inTable: true })} |`)];
  // A mapping that fills in the account of a SageMaker repository: its rows are judged against the catalog.
  const servedRepository = ecr && awsAccountTable(catalog, reference) ? repository : undefined;
  // No spread into push: an image may be built of more placeholders than a call takes arguments.
  for (const [filler, placeholders] of placeholderLines(text, reference, catalog, servedRepository, listed)) {
    lines.push('', FILLERS[filler].heading, '');
    for (const line of placeholders) lines.push(line);
  }
  if (awsAccount) lines.push('', `${escapeMarkdown(catalogSnapshotLabel(catalog.source))}.`);
  lines.push('', pinning(reference, tag, repository !== undefined && isXgboost(catalog, repository) ? repository : undefined, tagFiller(reference)));
  const substitutions = node.substitutions ?? [];
  if (substitutions.length > 0) {
    lines.push('', `Read with ${substitutions.map((substitution) => escapeMarkdown(substitution.note)).join(' and ')}; ${escapeMarkdown(substitutions[0].replacedBy ?? 'a build argument')} may replace it.`);
  }
  return { markdown: lines.join('\n'), range };
}

/** `text[start, end)` of the reference with each placeholder written as in the document (`${AWS::Region}`). */
function shownText(documentText: string, reference: TemplateReference, start: number, end: number): string {
  let shown = '';
  for (let index = start; index < end; index++) {
    const placeholder = reference.text[index] === HOLE ? reference.placeholderAt(index) : undefined;
    shown += placeholder ? oneLine(documentText.slice(placeholder.offset, placeholder.offset + placeholder.length)) : reference.text[index];
  }
  return shown;
}

/** Who fills a placeholder in (PlaceholderFiller, or `unfilled`/`unknown`): the heading of its bullets, when, and what it is when the host says no more. */
const FILLERS: Record<PlaceholderFiller | 'unfilled' | 'unknown', { heading: string; when: string; value: string }> = {
  deployment: { heading: 'Filled in at deployment:', when: 'at deployment', value: 'a value given at deployment' },
  stateRun: { heading: 'Filled in at run time, when the state runs:', when: 'when the state runs', value: 'a value computed when the state runs' },
  pipelineRun: { heading: 'Filled in at run time, when the pipeline runs:', when: 'when the pipeline runs', value: 'a value given when the pipeline runs' },
  programRun: { heading: 'Filled in at run time, when the program runs:', when: 'when the program runs', value: 'a value computed when the program runs' },
  build: { heading: 'Filled in at build time (`docker build`):', when: 'at build time', value: 'a build argument' },
  unfilled: { heading: 'Not filled in:', when: 'by the text as written', value: 'nothing fills it in: sent as written' },
  unknown: { heading: 'Placeholders:', when: 'when it is filled in', value: 'a value given when the request is made' },
};

type Filler = keyof typeof FILLERS;

function fillerOf(placeholder: PlaceholderPart): Filler {
  return placeholder.filledBy ?? (placeholder.facts?.unfilled ? 'unfilled' : 'unknown');
}

/** Who fills in the tag's first placeholder (the tag's pinning is decided then); `unknown` without one. */
function tagFiller(reference: TemplateReference): Filler {
  if (reference.tag === undefined) return 'unknown';
  const start = reference.repositoryEnd + 1;
  const at = reference.text.indexOf(HOLE, start);
  const placeholder = at >= 0 && at < start + reference.tag.length ? reference.placeholderAt(at) : undefined;
  return placeholder ? fillerOf(placeholder) : 'unknown';
}

/**
 * One bullet per placeholder, grouped by who fills it in and when (a CloudFormation `${…}` at
 * deployment, a `States.Format` `{}` when the state runs; one image may hold both), in the order
 * each group's first placeholder comes: its text, and what fills it in when the host knows; a
 * table read by region with its rows beneath (mappingRowLines), judged when it fills in the
 * account of `servedRepository`.
 */
function placeholderLines(documentText: string, reference: TemplateReference, catalog: Catalog, servedRepository: string | undefined, listed: TemplateRegions | undefined): Map<Filler, string[]> {
  const groups = new Map<Filler, string[]>();
  const accountEnd = reference.ecr ? reference.ecr.account.length : 0;
  for (let index = 0; index < reference.text.length; index++) {
    const placeholder = reference.text[index] === HOLE ? reference.placeholderAt(index) : undefined;
    if (!placeholder) continue;
    const filler = fillerOf(placeholder);
    let lines = groups.get(filler);
    if (!lines) groups.set(filler, (lines = []));
    const written = codeSpan(oneLine(documentText.slice(placeholder.offset, placeholder.offset + placeholder.length)));
    const table = placeholder.facts?.perRegion;
    if (table) {
      const [head, ...rows] = mappingRowLines(table, catalog, index < accountEnd ? servedRepository : undefined, listed);
      lines.push(`- ${written}: ${head}`, ...rows);
    } else {
      // A pseudo parameter the host gave no facts (a `${AWS::Region}` in an Fn::Sub'd JSON string) is still the stack's.
      const text = oneLine(documentText.slice(placeholder.offset, placeholder.offset + placeholder.length));
      lines.push(`- ${written}: ${escapeMarkdown(placeholder.facts?.description ?? pseudoParameterDescription(text) ?? FILLERS[filler].value)}`);
    }
  }
  return groups;
}

/** True when the account is one placeholder read from a table by region, whose rows hold SageMaker accounts (any of them). */
function awsAccountTable(catalog: Catalog, reference: TemplateReference): boolean {
  const account = reference.ecr?.account;
  if (account !== HOLE) return false;
  const rows = reference.factsAt(0)?.perRegion?.values ?? [];
  return rows.some((row) => row.text !== undefined && catalog.isAwsAccount(row.text));
}

/** The regions where `account` serves `repository`, by the catalog. */
function servedIn(catalog: Catalog, account: string, repository: string): string {
  const regions = catalog.regionsForRepository(repository).filter((region) => catalog.accountsForRepository(repository, region).includes(account));
  if (regions.length === 0) return `no region (account ${account} does not serve ${repository})`;
  const more = regions.length > LISTED_REGIONS ? ` and ${regions.length - LISTED_REGIONS} more` : '';
  return `${regions.slice(0, LISTED_REGIONS).join(', ')}${more}`;
}

/**
 * `xgboostRepository`: the repository when it is an XGBoost algorithm's; `tagFilledBy`: who fills
 * in the tag's placeholder, when it has one.
 */
function pinning(reference: TemplateReference, tag: string | undefined, xgboostRepository: string | undefined, tagFilledBy: Filler): string {
  if (reference.digest) return 'Pinned by digest.';
  if (reference.tag !== undefined && tag === undefined) return `The tag is a placeholder: whether the image is pinned is decided ${FILLERS[tagFilledBy].when}.`;
  if (reference.tag === undefined && hasHole(reference.nameAndTag)) return 'A placeholder ends the reference: it may hold the tag.';
  if (tag === undefined || tag === 'latest') return 'Not pinned: `latest` moves with every push.';
  if (xgboostRepository !== undefined && isFloatingTag(tag)) return xgboostFloatingTagSentence(tag, xgboostRepository);
  return `Pinned by tag ${codeSpan(tag)} (a tag can be moved; a digest cannot).`;
}

function isXgboost(catalog: Catalog, repository: string): boolean {
  return catalog.imagesForRepository(repository).some((image) => image.framework === XGBOOST_FRAMEWORK);
}

/** A placeholder written over several lines (a `!FindInMap` in a `!Join`), on one. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, ' ');
}
