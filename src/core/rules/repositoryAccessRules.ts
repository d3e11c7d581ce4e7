/**
 * Pulling from a registry outside Amazon ECR: the Vpc repository access mode, the VpcConfig it
 * needs, and the Lambda function that hands SageMaker the registry's credentials.
 */
import type { Node } from 'jsonc-parser';
import { intent, type QuickFix } from '../edits/editIntent';
import type { ImageReference } from '../imageReference';
import { keyOfValue, memberValue, stringValue, valueOffsetMapper, type OffsetRange } from '../jsonTree';
import { hasOpenMembers, isDynamic } from '../requestTree';
import { holderKey, topLevelObject, type ImageField } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

/** Member names differ between training jobs and model containers; the logic does not. */
interface AccessMembers {
  config: string;
  mode: string;
  auth: string;
  arn: string;
}

const TRAINING: AccessMembers = {
  config: 'TrainingImageConfig',
  mode: 'TrainingRepositoryAccessMode',
  auth: 'TrainingRepositoryAuthConfig',
  arn: 'TrainingRepositoryCredentialsProviderArn',
};
const INFERENCE: AccessMembers = {
  config: 'ImageConfig',
  mode: 'RepositoryAccessMode',
  auth: 'RepositoryAuthConfig',
  arn: 'RepositoryCredentialsProviderArn',
};

const LAMBDA_FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:function:[a-zA-Z0-9_-]{1,64}(?::(?:\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;

export function checkRepositoryAccess(context: RuleContext): void {
  const vpcModeValues: Node[] = [];
  for (const field of context.spec.images) {
    const members = field.usage === 'training' ? TRAINING : field.usage === 'inference' ? INFERENCE : undefined;
    if (!members) {
      checkUnsupportedRegistry(context, field);
      continue;
    }
    const config = memberValue(field.holder, members.config);
    const modeNode = memberValue(config, members.mode);
    // A mode the host computes later (or one hidden in unresolved **kwargs) may well be "Vpc".
    if (isDynamic(config) || isDynamic(modeNode) || (!config && hasOpenMembers(field.holder)) || (config && !modeNode && hasOpenMembers(config))) continue;
    const mode = stringValue(modeNode);
    if (mode === 'Vpc' && modeNode) vpcModeValues.push(modeNode);
    const reference = field.parsed?.ok ? field.parsed.reference : undefined;
    // A document the parser did not read whole (a YAML syntax error) may set the mode after all.
    const modeUnknown = !modeNode && context.spec.incomplete === true;
    // An ECR host with a malformed account is invalid-account-id, not a private registry.
    if (reference && !reference.ecr && !reference.malformedEcrAccount && mode !== 'Vpc' && !modeUnknown) {
      if (isDockerHub(reference)) reportDockerHub(context, field, reference, setVpcModeFix(field, members, false));
      else if (isEcrPublic(reference)) reportEcrPublic(context, field, reference, 'private-registry-needs-vpc-access', members);
      else reportNeedsVpcAccess(context, field, members, config, modeNode);
    }
    checkCredentialsProvider(context, field, members, config, mode);
  }
  if (vpcModeValues.length > 0) checkVpcConfig(context, vpcModeValues[0]);
}

/**
 * `docker-hub-image` for the image of a request an SDK writes from a call (`Estimator(image_uri=…)`,
 * `Model(…)`, `Processor(…)`): a Docker Hub image where SageMaker pulls. Not for a training job
 * or model whose call may set a repository access mode (see SdkRequest.accessModeOpen): a mirror
 * in the VPC may serve it; nor in local mode (SdkRequest.localMode). No fix: no member of the call
 * names an ECR repository to use.
 */
export function checkSdkDockerHub(context: RuleContext): void {
  // Local mode: Docker on this machine runs the image (one built with `docker build -t …`, or
  // pulled from Docker Hub); SageMaker pulls nothing.
  if (context.spec.sdkRequest?.localMode) return;
  const accessModeOpen = context.spec.sdkRequest?.accessModeOpen === true;
  for (const field of context.spec.images) {
    if (field.usage !== 'training' && field.usage !== 'inference' && field.usage !== 'processing') continue;
    if (field.usage !== 'processing' && accessModeOpen) continue;
    const reference = field.parsed?.ok ? field.parsed.reference : undefined;
    if (reference && !reference.ecr && !reference.malformedEcrAccount && isDockerHub(reference)) reportDockerHub(context, field, reference, []);
  }
}

function setVpcModeFix(field: ImageField, members: AccessMembers, preferred = true): QuickFix[] {
  return [{ title: `Set ${members.mode} to "Vpc"`, intents: [intent.setMember(field.holder, [members.config, members.mode], 'Vpc')], preferred, changesBehaviour: true }];
}

/** Docker Hub's own registry hosts: naming one is Docker Hub as surely as naming none. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** True for a Docker Hub image: no registry host (`my-trainer:opt`, `pytorch/pytorch:2.3.0`) or Docker Hub's. */
function isDockerHub(reference: ImageReference): boolean {
  return !reference.host || DOCKER_HUB_HOSTS.has(reference.host.text.toLowerCase());
}

/** The full name Docker gives a Docker Hub reference: `my-trainer:opt` → `docker.io/library/my-trainer:opt`. */
function dockerHubName(reference: ImageReference): string {
  const repository = reference.repository.text.includes('/') ? reference.repository.text : `library/${reference.repository.text}`;
  const tag = reference.tag ? `:${reference.tag.text}` : '';
  const digest = reference.digest ? `@${reference.digest.text}` : '';
  return `docker.io/${repository}${tag}${digest}`;
}

/**
 * A Docker Hub image where SageMaker pulls: it needs Amazon ECR, or (training jobs and models) a
 * private registry it reaches through the VPC. The Vpc fix stays on offer for a Docker Hub
 * mirror inside the VPC, but is not the likely meaning.
 */
function reportDockerHub(context: RuleContext, field: ImageField, reference: ImageReference, fixes: QuickFix[]): void {
  const name = dockerHubName(reference);
  const shown = name.length > 80 ? `${name.slice(0, 77)}…` : name;
  const named = reference.host ? `is on Docker Hub (${shown})` : `names no registry, so it is Docker Hub's ${shown}`;
  const where = field.usage === 'training' || field.usage === 'inference'
    ? 'SageMaker pulls images from Amazon ECR, or from a private registry it reaches through your VPC'
    : `${field.usage === 'processing' ? 'Processing jobs' : 'Hyperparameter tuning jobs'} pull images from Amazon ECR only`;
  const span = reference.host ?? { start: 0, end: reference.raw.length };
  const toOffset = valueOffsetMapper(context.spec.text, field.value);
  context.report(
    'docker-hub-image',
    `The image ${named}; ${where}: push it to an ECR repository in the job's region.`,
    { offset: toOffset(span.start), length: toOffset(span.end) - toOffset(span.start) },
    fixes,
  );
}

/** Amazon ECR Public's registry host. */
const ECR_PUBLIC_HOST = 'public.ecr.aws';

/** True for an image on Amazon ECR Public (`public.ecr.aws/<alias>/<repository>`). */
function isEcrPublic(reference: ImageReference): boolean {
  return reference.host?.text.toLowerCase() === ECR_PUBLIC_HOST;
}

/**
 * An Amazon ECR Public image where SageMaker pulls: Amazon's registry, but not one SageMaker pulls
 * from (it reads private ECR repositories, or a registry reached through the VPC). The way is a
 * private ECR repository in the job's region, by hand or through a pull through cache rule whose
 * upstream is public.ecr.aws; the Vpc fix (training jobs and models) stays on offer, not preferred.
 * On the host, as `docker-hub-image` is.
 */
function reportEcrPublic(
  context: RuleContext,
  field: ImageField,
  reference: ImageReference,
  code: 'private-registry-needs-vpc-access' | 'private-registry-unsupported',
  members?: AccessMembers,
): void {
  const who = field.usage === 'training' ? 'a training job pulls'
    : field.usage === 'inference' ? 'a model pulls'
    : field.usage === 'processing' ? 'processing jobs pull' : 'hyperparameter tuning jobs pull';
  const region = field.usage === 'inference' ? "the model's region" : "the job's region";
  const copy = `copy it into one in ${region} (an ECR pull through cache rule for ${ECR_PUBLIC_HOST} keeps the copy in step)`;
  const message = members
    ? `The image is on Amazon ECR Public (${ECR_PUBLIC_HOST}); ${who} from private ECR repositories, not ECR Public: ${copy}, or pull it through your VPC by setting ${members.config}.${members.mode} to "Vpc".`
    : `The image is on Amazon ECR Public (${ECR_PUBLIC_HOST}); ${who} only from private ECR repositories: ${copy}.`;
  const host = reference.host!;
  const toOffset = valueOffsetMapper(context.spec.text, field.value);
  context.report(
    code,
    message,
    { offset: toOffset(host.start), length: toOffset(host.end) - toOffset(host.start) },
    members ? setVpcModeFix(field, members, false) : [],
  );
}

/** The key of the object where a missing member belongs (an array element has none: its image). */
function placeOfMissing(field: ImageField, config: Node | undefined): OffsetRange {
  const key = (config && keyOfValue(config)) ?? holderKey(field.holder) ?? keyOfValue(field.value) ?? field.value;
  return nodeRange(key);
}

function reportNeedsVpcAccess(context: RuleContext, field: ImageField, members: AccessMembers, config: Node | undefined, modeNode: Node | undefined): void {
  const range = modeNode ? nodeRange(modeNode) : placeOfMissing(field, config);
  const where = field.usage === 'training' ? 'a training job' : 'a model';
  context.report(
    'private-registry-needs-vpc-access',
    `The image is outside Amazon ECR, so ${where} must pull it through your VPC: set ${members.config}.${members.mode} to "Vpc".`,
    range,
    setVpcModeFix(field, members),
  );
}

function checkUnsupportedRegistry(context: RuleContext, field: ImageField): void {
  const reference = field.parsed?.ok ? field.parsed.reference : undefined;
  if (!reference || reference.ecr) return;
  if (isDockerHub(reference)) return reportDockerHub(context, field, reference, []);
  if (isEcrPublic(reference)) return reportEcrPublic(context, field, reference, 'private-registry-unsupported');
  const job = field.usage === 'processing' ? 'Processing jobs' : 'Hyperparameter tuning jobs';
  const span = reference.host ?? { start: 0, end: reference.raw.length };
  const toOffset = valueOffsetMapper(context.spec.text, field.value);
  context.report(
    'private-registry-unsupported',
    `${job} can only pull images from Amazon ECR; push this image to an ECR repository in the job's region.`,
    { offset: toOffset(span.start), length: toOffset(span.end) - toOffset(span.start) },
  );
}

function checkCredentialsProvider(context: RuleContext, field: ImageField, members: AccessMembers, config: Node | undefined, mode: string | undefined): void {
  const auth = memberValue(config, members.auth);
  if (!auth) return;
  const arnNode = memberValue(auth, members.arn);
  const arn = stringValue(arnNode);
  if (arnNode && !isDynamic(arnNode) && (arn === undefined || !LAMBDA_FUNCTION_ARN.test(arn))) {
    context.report(
      'invalid-credentials-provider-arn',
      `${members.arn} must name an AWS Lambda function: arn:aws:lambda:<region>:<account>:function:<name>.`,
      nodeRange(arnNode),
    );
  }
  if (mode !== 'Vpc') {
    context.report(
      'credentials-provider-without-vpc-access',
      `${members.auth} is only used with ${members.mode} "Vpc"; as it stands it has no effect.`,
      nodeRange(keyOfValue(auth) ?? auth),
      setVpcModeFix(field, members),
    );
  }
}

const PLACEHOLDERS = { SecurityGroupIds: ['sg-'], Subnets: ['subnet-'] } as const;

function checkVpcConfig(context: RuleContext, firstVpcMode: Node): void {
  const root = topLevelObject(context.spec);
  if (!root) return;
  const vpc = memberValue(root, 'VpcConfig');
  if (isDynamic(vpc) || (!vpc && hasOpenMembers(root)) || context.spec.incomplete) return;
  const vpcKey = vpc && keyOfValue(vpc);
  const lacking = (['SecurityGroupIds', 'Subnets'] as const).filter((name) => {
    const list = memberValue(vpc, name);
    if (isDynamic(list) || (!list && hasOpenMembers(vpc))) return false;
    return !list || list.type !== 'array' || (list.children?.length ?? 0) === 0;
  });
  if (vpc && lacking.length === 0) return;
  if (!context.isEnabled('missing-vpc-config')) return;

  let range: OffsetRange;
  let message: string;
  if (!vpc || !vpcKey || vpc.type !== 'object') {
    range = nodeRange(firstVpcMode);
    message = '"Vpc" access needs a VpcConfig with SecurityGroupIds and Subnets that can reach the registry.';
  } else {
    const missing = lacking.filter((name) => !memberValue(vpc, name));
    const firstEmpty = lacking.find((name) => memberValue(vpc, name));
    range = missing.length > 0 || !firstEmpty ? nodeRange(vpcKey) : nodeRange(keyOfValue(memberValue(vpc, firstEmpty)!)!);
    message = `VpcConfig needs at least one entry in ${lacking.join(' and ')} for "Vpc" access to reach the registry.`;
  }
  const intents = vpc?.type === 'object'
    ? lacking.map((name) => intent.setMember(vpc, [name], [...PLACEHOLDERS[name]]))
    : [intent.setMember(root, ['VpcConfig'], { SecurityGroupIds: [...PLACEHOLDERS.SecurityGroupIds], Subnets: [...PLACEHOLDERS.Subnets] })];
  // The placeholders are id prefixes: the cursor lands after the first, where the user types the id.
  const fixes: QuickFix[] = [{ title: vpc ? 'Complete VpcConfig' : 'Add VpcConfig', intents, preferred: true, leavesPlaceholder: true }];
  context.report('missing-vpc-config', message, range, fixes);
}
