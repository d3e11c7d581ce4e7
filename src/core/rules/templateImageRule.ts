/**
 * Image references built from a template (a Python f-string or `.format`, CloudFormation's
 * `!Sub` and `!Join`): the static parts are checked wherever they decide a rule alone, the
 * placeholders never.
 * - A static tag gets the tag rules: `latest` (or no tag at all) is `latest-tag`, and an XGBoost
 *   repository on `latest` or `1` is `xgboost-unpinned`.
 * - A static Amazon ECR host with a static region gets `unknown-region`; a placeholder there means
 *   the target region, so nothing is said about it.
 * - A placeholder in the account means the image may be anyone's: no account rule — unless the
 *   host knows it is read from a table by the stack's region (a CloudFormation mapping): each
 *   row's account is then checked in its region, and reported (and fixed) on the row
 *   (accountTableRule.ts).
 * - With a static account, the repository must be one that account serves in the static (or
 *   explicit target) region — `registry-account-mismatch` otherwise. With a region placeholder
 *   in a request deployed to many regions (`anyRegion`: a template), it must serve it in every
 *   region listed for it (templateRegions, an error), else — no region chosen — in every catalog
 *   region that has the repository (a warning naming those where it does not).
 * - A static region other than the explicit target region is `image-region-mismatch`, and a
 *   static repository a typo away from one the static account serves is `unknown-repository`,
 *   as for literal references.
 * The two families are independent, as for literal references: an account/region finding never
 * hides a tag finding. Fixes rewrite only static text written as it reads (the registry host, the
 * repository): what the placeholders hold is unknown; a mapping row is data, and gets one. Where
 * the host says which string each part is written in (a Pipelines `Std:Join` item, a parameter's
 * `DefaultValue`: TemplatePart.written), the account, tag and XGBoost pin get the literal rules'
 * fixes too, each change made in the one string that holds it (see templateRewrite).
 */
import type { OffsetRange } from '../jsonTree';
import type { TemplatePart } from '../requestTree';
import { digestSyntaxProblem, parseImageReference, repositoryComponentProblem, tagSyntaxProblem } from '../imageReference';
import type { ImageField } from '../specDocument';
import { HOLE, hasHole, parseTemplateReference, type TemplateReference } from '../templateReference';
import { intent, type EditIntent, type QuickFix } from '../edits/editIntent';
import { checkAccountTable } from './accountTableRule';
import { checkImageTargetRegion } from './registryRules';
import { servedInEveryRegion } from './servedInEveryRegion';
import { checkUnknownRepository } from './repositoryRule';
import { checkRegionTable, type RegionTable } from './regionTableRule';
import type { RuleContext } from './ruleContext';
import { describeRegion } from '../region';
import { requestPartition } from './requestPartition';
import type { AlgorithmTable } from '../algorithms/algorithmTable';
import { LATEST_TAG_MESSAGE, NO_TAG_MESSAGE, unversionedRepositoryMessage, xgboostUnpinnedMessage } from './tagRules';
import { XGBOOST_FRAMEWORK } from './xgboost';
import { pinTitle, xgboostPins } from './xgboostPins';

/** `algorithms`, when loaded, keeps the XGBoost pinning advice to versions that read the job's input mode (as for literal images). */
export function checkTemplateImage(context: RuleContext, field: ImageField, parts: readonly TemplatePart[], algorithms?: AlgorithmTable): void {
  // A whole image read from a table by the stack's region: each row is checked as an image of its own (the host's row documents); the table's keys here.
  const table = parts.length === 1 && parts[0].kind === 'placeholder' ? parts[0].facts?.perRegion : undefined;
  if (table) return checkRegionTable(context, table, true, (region) => imageForRow(context, table, region));
  const reference = parseTemplateReference(parts);
  if (!reference) return;
  // A static repository or tag no registry accepts: the other rules have nothing to say about it.
  if (checkTemplateSyntax(context, reference)) return;
  // Two families, as for literal references (registryRules, tagRules): one never hides the other.
  checkTemplateRegistry(context, field, reference);
  checkTemplateTag(context, field, reference, algorithms);
}

/**
 * The static parts of the path that the reference grammar judges alone — each repository
 * component and the tag with no placeholder in them — as `invalid-image-reference` on the part,
 * as for a literal reference. True when reported.
 */
function checkTemplateSyntax(context: RuleContext, reference: TemplateReference): boolean {
  let start = reference.pathStart;
  for (const component of reference.repository.split('/')) {
    const problem = component.length === 0 ? 'the repository path has an empty component ("//" or a trailing "/")' : !hasHole(component) ? repositoryComponentProblem(component) : undefined;
    if (problem) {
      context.report('invalid-image-reference', `Not a valid image reference: ${problem}.`, reference.range(start, start + component.length));
      return true;
    }
    start += component.length + 1;
  }
  const tag = reference.tag;
  const tagStart = reference.repositoryEnd + 1;
  const tagProblem = tag === undefined || hasHole(tag) ? undefined : tag.length === 0 ? 'the tag after ":" is empty' : tagSyntaxProblem(tag);
  if (tagProblem) {
    // An empty tag is shown on its ":".
    context.report('invalid-image-reference', `Not a valid image reference: ${tagProblem}.`, tag!.length > 0 ? reference.range(tagStart, tagStart + tag!.length) : reference.range(tagStart - 1, tagStart));
    return true;
  }
  const at = reference.digest ? reference.text.indexOf('@', reference.repositoryEnd) : -1;
  const digest = at >= 0 ? reference.text.slice(at + 1) : undefined;
  const digestProblem = digest !== undefined && !hasHole(digest) ? digestSyntaxProblem(digest) : undefined;
  if (!digestProblem) return false;
  context.report('invalid-image-reference', `Not a valid image reference: ${digestProblem}.`, reference.range(at + 1, reference.text.length));
  return true;
}

/**
 * `${Name}` written in a literal part of CloudFormation's `Fn::Join` (ImageField.unsubstituted):
 * Join substitutes nothing, so the image would hold the text itself — not a valid reference.
 * No fix: turning the Join into a `!Sub` rewrites the user's expression.
 */
export function reportUnsubstituted(context: RuleContext, names: NonNullable<ImageField['unsubstituted']>): void {
  for (const { name, range } of names) {
    const item = name.includes('.') ? `!GetAtt ${name}` : `!Ref ${name}`;
    context.report('invalid-image-reference', `Fn::Join does not substitute "\${${name}}": the image would hold it as written. Write the image with !Sub (Fn::Sub), which does, or make this item ${item}.`, range);
  }
}

/**
 * The image a new row of a table of whole images holds for `region`: the one image (repository
 * and tag) every readable row names, from the catalog's registry there. Undefined when the rows
 * name different images, one is not a tagged Amazon ECR image, or the catalog lacks it there.
 */
function imageForRow(context: RuleContext, table: RegionTable, region: string): string | undefined {
  const { catalog } = context;
  let named: { repository: string; tag: string } | undefined;
  for (const row of table.values) {
    if (!catalog.region(row.region)) continue;
    const parsed = row.text !== undefined ? parseImageReference(row.text) : undefined;
    const reference = parsed?.ok ? parsed.reference : undefined;
    if (!reference?.ecr || !reference.tag || reference.digest) return undefined;
    const repository = reference.repository.text;
    const tag = reference.tag.text;
    if (named && (named.repository !== repository || named.tag !== tag)) return undefined;
    named = { repository, tag };
  }
  const image = named && catalog.findImage(named.repository, named.tag, region);
  return image && named ? catalog.imageUri(image, region, named.tag) : undefined;
}

/** The account/region family: unknown-region, else registry-account-mismatch. */
function checkTemplateRegistry(context: RuleContext, field: ImageField, reference: TemplateReference): void {
  const { ecr } = reference;
  if (!ecr) return;
  if (ecr.region !== HOLE && !context.catalog.region(ecr.region)) {
    context.report('unknown-region', `"${ecr.region}" is not a region with SageMaker registries.`, reference.range(ecr.regionStart, ecr.regionStart + ecr.region.length));
    return;
  }
  // The region is a placeholder, but the domain is written out: it must be each target region's.
  if (ecr.region === HOLE && !hasHole(ecr.dnsSuffix)) checkWrittenDnsSuffix(context, reference, ecr.dnsSuffix, ecr.dnsSuffixStart);
  const repository = hasHole(reference.repository) ? undefined : reference.repository;
  if (ecr.account !== HOLE && ecr.region !== HOLE && repository !== undefined) {
    const rename = (name: string) => staticTextEdit(context, reference, reference.pathStart, reference.repositoryEnd, name);
    if (checkUnknownRepository(context, { account: ecr.account, region: ecr.region, repository, range: reference.range(reference.pathStart, reference.repositoryEnd), rename })) return;
  }
  // A static region against the explicit target region, as for a literal image; the fix rewrites the static host.
  if (ecr.region !== HOLE) {
    const tag = reference.tag !== undefined && !hasHole(reference.tag) ? reference.tag : undefined;
    const mismatch = checkImageTargetRegion(context, {
      region: ecr.region,
      account: ecr.account !== HOLE ? ecr.account : undefined,
      repository,
      tag,
      usage: field.usage,
      regionRange: reference.range(ecr.regionStart, ecr.regionStart + ecr.region.length),
      replaceHost: (text) => staticTextEdit(context, reference, 0, reference.host.length, text),
    });
    if (mismatch) return;
  }
  if (ecr.account === HOLE) {
    if (reference.factsAt(0)?.deploymentAccount && repository !== undefined) checkStackAccount(context, reference, repository);
    const table = reference.factsAt(0)?.perRegion;
    // The table's rows are for the stack's region; a region placeholder of another kind is unknown.
    const deployed = ecr.region === HOLE && reference.factsAt(ecr.regionStart)?.deploymentRegion === true;
    if (table) checkAccountTable(context, reference, table, ecr.region !== HOLE ? ecr.region : undefined, ecr.region !== HOLE || deployed);
    return;
  }
  if (repository === undefined || !context.catalog.isAwsAccount(ecr.account)) return;
  // A reference outside a request (a Dockerfile's FROM) may be pulled anywhere: no target region stands in for it.
  const region = ecr.region !== HOLE ? ecr.region : context.region.explicit && field.usage !== 'reference' ? context.region.region : undefined;
  if (region) {
    if (ecr.region === HOLE) {
      const rename = (name: string) => staticTextEdit(context, reference, reference.pathStart, reference.repositoryEnd, name);
      if (checkUnknownRepository(context, { account: ecr.account, region, repository, range: reference.range(reference.pathStart, reference.repositoryEnd), rename })) return;
    }
    const expected = context.catalog.accountsForRepository(repository, region);
    if (expected.length > 0 && !expected.includes(ecr.account)) reportAccount(context, reference, region, repository, expected);
    return;
  }
  if (!context.spec.anyRegion) return;
  const rename = (name: string) => staticTextEdit(context, reference, reference.pathStart, reference.repositoryEnd, name);
  if (checkUnknownRepository(context, { account: ecr.account, region: undefined, repository, range: reference.range(reference.pathStart, reference.repositoryEnd), rename })) return;
  const listed = context.region.regions;
  if (listed) checkListedRegions(context, ecr.account, repository, reference.range(0, 12), listed, context.region.settingName ?? 'templateRegions');
  else checkEveryRegion(context, ecr.account, repository, reference.range(0, 12));
}

/**
 * A region placeholder beside a domain written out (`${AWS::Region}.amazonaws.com`): right in
 * the target regions whose Amazon ECR hosts end that way, wrong in the others (China's end in
 * `amazonaws.com.cn`). Judged against the regions chosen for the request — the one explicit
 * region, or a template's listed regions — as `unknown-region`, the literal host's code; with no
 * region chosen nothing is said (most stacks never go to another partition), nor of a region of
 * another partition than the request's own ARNs (it does not run there). No fix: the
 * placeholder's own spelling (`${AWS::URLSuffix}`, a Python variable) is the host's.
 */
function checkWrittenDnsSuffix(context: RuleContext, reference: TemplateReference, written: string, start: number): void {
  const { region, catalog } = context;
  // A target of another partition than the request's own ARNs is not where it runs (as for every region rule).
  const partition = requestPartition(context.spec);
  const targets = (region.regions ?? (region.explicit ? [region.region] : [])).filter((name) => !partition || catalog.partition(name) === partition);
  const wrong = targets.flatMap((name) => {
    const suffix = catalog.region(name)?.dnsSuffix;
    return suffix !== undefined && suffix !== written ? [{ name, suffix }] : [];
  });
  if (wrong.length === 0) return;
  const where = region.regions ? `${wrong.map(({ name }) => name).join(', ')} (listed in ${region.settingName ?? 'templateRegions'})` : describeRegion(region);
  const hosts = [...new Set(wrong.map(({ suffix }) => `"${suffix}"`))].join(' or ');
  const suffixToken = context.spec.cdkSynthesized ? 'Aws.URL_SUFFIX in your CDK code' : '${AWS::URLSuffix}';
  const advice = context.spec.anyRegion ? `Write the domain as ${suffixToken}, which is each region's own` : `Write ${hosts}`;
  context.report('unknown-region', `The region is a placeholder, but the domain is written "${written}": Amazon ECR hosts in ${where} end in ${hosts}, so the image cannot be pulled there. ${advice}.`, reference.range(start, start + written.length));
}

/** The tag family: xgboost-unpinned, else latest-tag; only on a static tag (or a static end without one). */
function checkTemplateTag(context: RuleContext, field: ImageField, reference: TemplateReference, algorithms: AlgorithmTable | undefined): void {
  const { ecr, tag, text } = reference;
  if (reference.digest) return; // pinned by digest
  // A placeholder in the last segment could hold a tag; one in the tag hides what it says.
  if (tag === undefined ? hasHole(reference.nameAndTag) : hasHole(tag)) return;
  const repository = hasHole(reference.repository) ? undefined : reference.repository;
  const isAwsAccount = ecr !== undefined && ecr.account !== HOLE && context.catalog.isAwsAccount(ecr.account);
  const xgboost = repository !== undefined && (ecr === undefined || ecr.account === HOLE || isAwsAccount) && isXgboostRepository(context, repository);
  const tagRange = tag !== undefined ? reference.range(reference.repositoryEnd + 1, text.length) : reference.range(reference.pathStart, text.length);
  if (xgboost && (tag === undefined || tag === 'latest' || tag === '1')) {
    // The version suggested as for a literal image: the newest in the static (or explicit target) region, else in any.
    const region = ecr !== undefined && ecr.region !== HOLE ? ecr.region : context.region.explicit ? context.region.region : undefined;
    // The stack's region (`${AWS::Region}`): a version every deployed region serves, the tag alone rewritten (the account is each region's).
    const stackRegion = region === undefined && ecr?.region === HOLE;
    const { pinned, example, why, forPipe } = xgboostPins(context, field, algorithms, region, stackRegion);
    // As for a literal image (tagRules): the whole reference of each pinned version, written where each change lies.
    const fixes: QuickFix[] = pinned.flatMap((entry, index) => {
      // The account too where it can be changed with the tag; else the tag alone (a wrong account read from a default has its own finding).
      const intents = stackRegion
        ? templateRewrite(reference, { tag: entry.tag })
        : (templateRewrite(reference, { account: entry.account, repository: entry.repository, tag: entry.tag }) ?? templateRewrite(reference, { repository: entry.repository, tag: entry.tag }));
      return intents ? [{ title: pinTitle(entry, index === 0 ? forPipe : ''), intents, preferred: index === 0, changesBehaviour: true }] : [];
    });
    context.report('xgboost-unpinned', xgboostUnpinnedMessage(tag === undefined ? 'An untagged reference' : `":${tag}"`, example, why, repository), tagRange, fixes);
  } else if (!xgboost && (tag === undefined || tag === 'latest') && (field.usage !== 'reference' || isAwsAccount)) {
    // As for literal references (tagRules): outside a request, advice only for SageMaker's own images.
    const unversioned = repository !== undefined && (isAwsAccount || ecr?.account === HOLE) ? unversionedRepositoryMessage(context.catalog, repository) : undefined;
    if (unversioned) context.report('latest-tag', unversioned, tagRange, [], 'hint');
    else context.report('latest-tag', tag === undefined ? NO_TAG_MESSAGE : LATEST_TAG_MESSAGE, tagRange, latestTagFixes(context, reference, isAwsAccount));
  }
}

/**
 * `${AWS::AccountId}` (the account deploying the stack) as the registry of a repository SageMaker
 * serves from its own accounts (`sagemaker-xgboost`, `pytorch-training`): the stack's account holds
 * it only if you copied the image there, so a warning (`registry-account-mismatch`), naming the
 * accounts that serve it and the usual way to write them (a mapping by region; in a template the
 * CDK synthesized, `Aws.ACCOUNT_ID` and a CfnMapping). No fix.
 */
function checkStackAccount(context: RuleContext, reference: TemplateReference, repository: string): void {
  const { catalog } = context;
  const regions = catalog.regionsForRepository(repository);
  if (regions.length === 0) return;
  const accounts = [...new Set(regions.flatMap((region) => catalog.accountsForRepository(repository, region)))];
  const example = regions.includes('us-east-1') ? 'us-east-1' : regions[0];
  const named = `${catalog.accountsForRepository(repository, example)[0]} in ${example}${accounts.length > 1 ? ` and ${accounts.length - 1} other account${accounts.length === 2 ? '' : 's'} elsewhere` : ''}`;
  // In the CDK's terms for a template it synthesized: the token and the mapping the CDK code writes.
  const [account, mapping] = context.spec.cdkSynthesized ? ['Aws.ACCOUNT_ID', "in your CDK code (a CfnMapping's findInMap(Aws.REGION, 'account'))"] : ['${AWS::AccountId}', '(!FindInMap [Table, !Ref AWS::Region, Account])'];
  context.report(
    'registry-account-mismatch',
    `${account} is the account that deploys the stack, but SageMaker serves "${repository}" from its own accounts (${named}): the pull fails unless you copied the image into your account. Read the account from a mapping by region ${mapping}.`,
    reference.range(0, 1),
    [],
    'warning',
  );
}

/**
 * `registry-account-mismatch` on a static account, with the literal rule's fixes (registryRules):
 * the account serving the tag's image first, preferred when it (or the only account) decides.
 */
function reportAccount(context: RuleContext, reference: TemplateReference, region: string, repository: string, expected: readonly string[]): void {
  const { catalog } = context;
  const tag = reference.tag !== undefined && !hasHole(reference.tag) ? reference.tag : undefined;
  const tagImage = tag !== undefined ? catalog.findImage(repository, tag, region) : undefined;
  const preferred = tagImage ? catalog.accountFor(tagImage, region) : undefined;
  const ordered = preferred ? [preferred, ...expected.filter((other) => other !== preferred)] : expected;
  const fixes: QuickFix[] = ordered.flatMap((right, index) => {
    const intents = templateRewrite(reference, { account: right });
    return intents ? [{ title: `Use account ${right}`, intents, preferred: index === 0 && (preferred !== undefined || ordered.length === 1) }] : [];
  });
  context.report('registry-account-mismatch', `In ${region}, SageMaker serves "${repository}" from account ${ordered[0]}, not ${reference.ecr!.account}.`, reference.range(0, 12), fixes);
}

/** `latest-tag`'s fixes, as for a literal image (tagRules): three of the catalog's tags of a SageMaker image in its static region. */
function latestTagFixes(context: RuleContext, reference: TemplateReference, isAwsAccount: boolean): QuickFix[] {
  const { ecr } = reference;
  if (!isAwsAccount || !ecr || hasHole(reference.repository)) return [];
  // The stack's region (`${AWS::Region}`): the explicit target's tags, else those every region serving the repository serves (the tag alone is rewritten).
  const tags = ecr.region !== HOLE ? tagsIn(context, reference.repository, ecr.region) : context.region.explicit ? tagsIn(context, reference.repository, context.region.region) : tagsInEveryRegion(context, reference.repository);
  return tags
    .filter((tag) => tag !== 'latest')
    .slice(0, 3)
    .flatMap((tag, index) => {
      const intents = templateRewrite(reference, { tag });
      return intents ? [{ title: `Use tag ${tag}`, intents, preferred: index === 0, changesBehaviour: true }] : [];
    });
}

/** The catalog's tags of `repository` in `region`, in the catalog's order (newest first), each once. */
function tagsIn(context: RuleContext, repository: string, region: string): string[] {
  return [...new Set(context.catalog.tagsFor(repository, region).map((entry) => entry.tag))];
}

/** The tags of `repository` that every region a template is deployed to serves (servedInEveryRegion). */
function tagsInEveryRegion(context: RuleContext, repository: string): string[] {
  return servedInEveryRegion(context, (region) => tagsIn(context, repository, region), (tag) => tag);
}

/**
 * The intents making the template's static reference read `target`'s account, repository and
 * tag (those given), each change made in the one string it lies in (TemplateReference.editAt:
 * a `Std:Join` item, a parameter's DefaultValue, never across them nor in a placeholder or a
 * separator). An account changes only where the region beside it is written in the same string:
 * judged in a region read from elsewhere (a parameter's default), the right account is right for
 * that value alone. Undefined when a change cannot be made so, or nothing changes.
 */
function templateRewrite(reference: TemplateReference, target: { account?: string; repository?: string; tag?: string }): EditIntent[] | undefined {
  const intents: EditIntent[] = [];
  const change = (start: number, end: number, text: string): boolean => {
    if (reference.text.slice(start, end) === text) return true;
    const edit = reference.editAt(start, end, text);
    if (edit) intents.push(edit);
    return edit !== undefined;
  };
  const { ecr } = reference;
  if (target.account !== undefined && ecr && ecr.account !== HOLE && ecr.account !== target.account) {
    const account = reference.writtenAt(0);
    if (ecr.region === HOLE || account === undefined || reference.writtenAt(ecr.regionStart + ecr.region.length - 1) !== account) return undefined;
    if (!change(0, ecr.account.length, target.account)) return undefined;
  }
  if (target.repository !== undefined && (hasHole(reference.repository) || !change(reference.pathStart, reference.repositoryEnd, target.repository))) return undefined;
  if (target.tag !== undefined) {
    const { tag, text } = reference;
    if (tag === undefined ? !change(text.length, text.length, `:${target.tag}`) : hasHole(tag) || !change(reference.repositoryEnd + 1, text.length, target.tag)) return undefined;
  }
  return intents.length > 0 ? intents : undefined;
}

/** The ways out of checkEveryRegion's warning, for a template written by hand and for one the AWS CDK synthesized. */
const EVERY_REGION_ADVICE = 'Set the account per region (a mapping, or a placeholder), list the regions you deploy to (templateRegions, --template-region), or name the one region you deploy to (sagemakerSpec.region, --region).';
const EVERY_REGION_CDK_ADVICE = "Set the account per region in your CDK code (a CfnMapping's findInMap(Aws.REGION, 'account')), pin the stack to its region (env: { region }), or list the regions you deploy to (templateRegions, --template-region).";

/** Names listed in a message before "and N more". */
const LISTED_REGIONS = 6;

/**
 * A region placeholder and no explicit target region: the template may be deployed to any
 * region, so the static account must serve the repository in every region that has it. A
 * warning, as the issue asks: a stack deployed to one region is right as it is.
 */
function checkEveryRegion(context: RuleContext, account: string, repository: string, range: OffsetRange): void {
  const elsewhere = context.catalog.regionsForRepository(repository).filter((region) => {
    const accounts = context.catalog.accountsForRepository(repository, region);
    return accounts.length > 0 && !accounts.includes(account);
  });
  if (elsewhere.length === 0) return;
  const listed = elsewhere.slice(0, LISTED_REGIONS).join(', ');
  const more = elsewhere.length > LISTED_REGIONS ? ` and ${elsewhere.length - LISTED_REGIONS} more` : '';
  // A warning: the template may never be deployed there (templateRegions, or the one region, say where it is).
  context.report(
    'registry-account-mismatch',
    `The region is a placeholder, and account ${account} does not serve "${repository}" in ${listed}${more}: deployed there, the image cannot be pulled. ${context.spec.cdkSynthesized ? EVERY_REGION_CDK_ADVICE : EVERY_REGION_ADVICE}`,
    range,
    [],
    'warning',
  );
}

/**
 * A region placeholder in a request deployed to the regions the user listed (templateRegions):
 * the static account must serve the repository in each of them. An error, as for one explicit
 * region: the template is deployed there.
 */
function checkListedRegions(context: RuleContext, account: string, repository: string, range: OffsetRange, regions: readonly string[], settingName: string): void {
  const wrong = regions.flatMap((region) => {
    const accounts = context.catalog.accountsForRepository(repository, region);
    return accounts.length > 0 && !accounts.includes(account) ? [`${region} (account ${accounts[0]})`] : [];
  });
  if (wrong.length === 0) return;
  context.report(
    'registry-account-mismatch',
    `The region is a placeholder, and account ${account} does not serve "${repository}" in ${wrong.join(', ')}, where this template is deployed (${settingName}): the image cannot be pulled there. Set the account per region with a mapping (${context.spec.cdkSynthesized ? "a CfnMapping's findInMap(Aws.REGION, 'account') in your CDK code" : '!FindInMap [Table, !Ref AWS::Region, Account]'}).`,
    range,
  );
}

/**
 * The intent of writing `text` in place of the template's static `[start, end)`, as written in
 * the source: only when that text is written there as it reads (one piece, no escapes, no
 * placeholder), so a plain replacement is exact in any host. Undefined otherwise.
 */
function staticTextEdit(context: RuleContext, reference: TemplateReference, start: number, end: number, text: string): EditIntent | undefined {
  const written = reference.text.slice(start, end);
  if (written.length === 0 || hasHole(written)) return undefined;
  const range = reference.range(start, end);
  if (context.spec.text.slice(range.offset, range.offset + range.length) !== written) return undefined;
  return intent.replaceText(range.offset, range.length, text);
}

function isXgboostRepository(context: RuleContext, repository: string): boolean {
  return context.catalog.imagesForRepository(repository).some((image) => image.framework === XGBOOST_FRAMEWORK);
}
