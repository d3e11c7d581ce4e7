/**
 * `image-region-mismatch` for a template deployed to several listed regions (`templateRegions`,
 * `--template-region`): an image whose region is written out (`….dkr.ecr.us-east-1.…`) is pulled
 * by SageMaker in every region the stack is created in, and SageMaker never pulls across regions,
 * so the stack fails in each listed region other than the image's. One finding names them all.
 * No fix: the image's one-region literal is wrong for all but one region whatever it is changed
 * to; the message says how to write it for each (`${AWS::Region}`, a mapping where the accounts
 * differ).
 */
import type { ResolvedRegion } from '../region';
import type { ImageRegion } from './registryRules';
import type { RuleContext } from './ruleContext';
import { listText } from './algorithm/algorithmSeverity';

/** Regions named in the advice on accounts before "and N more". */
const NAMED_ACCOUNTS = 4;

/**
 * Reports `image` (a request's image with a static region) when `target` lists several regions
 * and some differ from the image's. `partition`: the one the request's own ARNs name, if any — a
 * listed region of another partition is not where this request runs. True when reported.
 */
export function checkImageListedRegions(context: RuleContext, image: ImageRegion, target: ResolvedRegion, partition: string | undefined): boolean {
  const { catalog } = context;
  const listed = target.regions ?? [];
  const elsewhere = listed.filter((region) => region !== image.region && (!partition || catalog.partition(region) === partition));
  if (elsewhere.length === 0) return false;
  const also = listed.includes(image.region) ? 'also ' : '';
  const source = target.settingName ?? 'templateRegions';
  const deployed = context.spec.deployedBy ? `this state machine (deployed by ${context.spec.deployedBy})` : 'this template';
  context.report(
    'image-region-mismatch',
    `The image is in ${image.region}, but ${deployed} is ${also}deployed to ${listText(elsewhere)} (from ${source}); SageMaker pulls images from its own region, so the stack fails there. ${everyRegionAdvice(context, image, elsewhere)}`,
    image.regionRange,
  );
  return true;
}

/**
 * How to write the image for every region of a template: `${AWS::Region}`, with the accounts the
 * catalog names in `regions` (the target regions other than the image's) where they differ. One
 * sentence or two, each ending in `.`. Also said on the one-target-region finding of a template
 * (registryRules.ts checkImageTargetRegion).
 */
export function everyRegionAdvice(context: RuleContext, image: ImageRegion, regions: readonly string[]): string {
  const { catalog } = context;
  const { account, repository } = image;
  // A template the AWS CDK synthesized is fixed in the CDK code: its tokens, not the template's intrinsics.
  const { deployedBy } = context.spec;
  const words = context.spec.cdkSynthesized ? CDK_WORDS : deployedBy ? { ...TEMPLATE_WORDS, within: `in a !Sub in ${deployedBy}'s DefinitionSubstitutions, and the image here as its \${Name} placeholder` } : TEMPLATE_WORDS;
  const parts = [`the region as ${words.region}`];
  // A China region's registries end in amazonaws.com.cn.
  const imageSuffix = catalog.region(image.region)?.dnsSuffix;
  if (regions.some((region) => catalog.region(region)?.dnsSuffix !== imageSuffix)) parts.push(`the domain as ${words.domain}`);
  if (account === undefined || repository === undefined || !catalog.isAwsAccount(account)) return `Write ${listText(parts)} ${words.within}, with the image in each region's registry.`;
  // The account that serves this image (its tag, else the repository) in each listed region.
  const accounts = regions.map((region) => {
    const sameImage = image.tag ? catalog.findImage(repository, image.tag, region) : undefined;
    return { region, account: sameImage ? catalog.accountFor(sameImage, region) : catalog.accountsForRepository(repository, region)[0] };
  });
  const differing = accounts.filter((entry) => entry.account !== undefined && entry.account !== account);
  const missing = accounts.filter((entry) => entry.account === undefined).map((entry) => entry.region);
  const unserved = missing.length > 0 ? ` The catalog has no "${repository}" in ${listText(missing)}.` : '';
  if (differing.length === 0) return `Write ${listText(parts)} ${words.within}: account ${account} serves "${repository}" there too.${unserved}`;
  parts.push(`the account from a mapping by region (${words.mapping})`);
  const named = differing.slice(0, NAMED_ACCOUNTS).map((entry) => `${entry.region} ${entry.account}`).join(', ');
  const more = differing.length > NAMED_ACCOUNTS ? ` and ${differing.length - NAMED_ACCOUNTS} more` : '';
  return `Write ${listText(parts)} ${words.within}: SageMaker serves "${repository}" from other accounts there (${named}${more}).${unserved}`;
}

/** How everyRegionAdvice names the per-region pieces: in a template's intrinsics, or in AWS CDK code (aws-cdk-lib's tokens). */
const TEMPLATE_WORDS = { region: '${AWS::Region}', domain: '${AWS::URLSuffix}', mapping: '!FindInMap [Table, !Ref AWS::Region, Account]', within: 'in a !Sub' };
const CDK_WORDS = { region: 'Aws.REGION', domain: 'Aws.URL_SUFFIX', mapping: "a CfnMapping's findInMap(Aws.REGION, 'account')", within: 'in your CDK code (Fn.sub, or a string built from those tokens)' };
