/**
 * What a string member's pattern asks for, in plain words with an example ("an S3 URI such as
 * s3://bucket/prefix"), for the patterns users meet most: S3 URIs, resource names, role and other
 * ARNs, KMS keys, ids, image references, environment variable names, MIME types. Keyed by the API
 * model's shape name first (the same loose pattern means a subnet id in one shape and a security
 * group id in another), then by the pattern itself. Patterns with no words here are shown raw
 * (the last resort); hover shows the raw pattern beside the words. Our own wording, from the
 * model's facts and the formats the services document.
 */
import { isInstanceTypeEnum, type StringShape } from './apiModel';

/** A value that a pattern asks for: a noun phrase and an example value. */
interface Wanted {
  /** With its article: "an S3 URI". */
  readonly what: string;
  /** A value that matches, or one made from the shape's name (`TrainingJobName` → `my-training-job`); none where any text would do. */
  readonly example?: string | ((shape: StringShape) => string);
  /** The characters or forms allowed, said after the example in parentheses. */
  readonly rule?: string;
}

/** `TrainingJobName` → `my-training-job`; `VariantName` → `my-variant`. */
function exampleName(shape: StringShape): string {
  const words = shape.name.replace(/Name$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return `my-${words || 'name'}`;
}

const IMAGE_EXAMPLE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-image:1.0';
const NAME: Wanted = { what: 'a name', example: exampleName, rule: 'letters, digits and hyphens; a letter or digit first and last' };
const S3_URI: Wanted = { what: 'an S3 URI', example: 's3://bucket/prefix' };
const MIME_TYPE: Wanted = { what: 'a MIME type', example: 'text/csv' };
const ENVIRONMENT_NAME: Wanted = { what: 'an environment variable name', example: 'MY_SETTING', rule: 'letters, digits and underscores; not a digit first' };
const NAME_OR_ARN: Wanted = { what: 'a name or its SageMaker ARN', example: 'my-model-package-group', rule: 'letters, digits and hyphens; a letter or digit first and last' };
const CHANNEL_NAME: Wanted = { what: 'a channel name', example: 'train', rule: 'letters, digits, dots, hyphens and underscores' };
const SAGEMAKER_ARN = (resource: string, example: string): Wanted => ({ what: `a SageMaker ${resource} ARN`, example: `arn:aws:sagemaker:us-east-1:123456789012:${example}` });
// Java's `.`, like JavaScript's, matches anything but a line break.
const ONE_LINE: Wanted = { what: 'a single line of text (no line breaks)' };
const ONE_LINE_NOT_EMPTY: Wanted = { what: 'a single line of text, not empty' };
const ONE_LINE_NOT_BLANK: Wanted = { what: 'a single line of text, not blank' };

/** Shapes whose pattern alone does not say what the value is. */
const BY_SHAPE: Readonly<Record<string, Wanted>> = {
  SecurityGroupId: { what: 'a security group id', example: 'sg-0123456789abcdef0' },
  SubnetId: { what: 'a subnet id', example: 'subnet-0123456789abcdef0' },
  KmsKeyId: { what: 'an AWS KMS key', example: 'alias/my-key', rule: 'a key id, key ARN, alias or alias ARN' },
  ContainerImage: { what: 'an image reference', example: IMAGE_EXAMPLE, rule: 'no spaces' },
  AlgorithmImage: { what: 'an image reference', example: IMAGE_EXAMPLE, rule: 'on one line' },
  ImageUri: { what: 'an image reference', example: IMAGE_EXAMPLE, rule: 'on one line' },
  JsonContentType: { what: 'a MIME type', example: 'application/json' },
  ModelPackageArn: SAGEMAKER_ARN('model package', 'model-package/my-package/1'),
  ModelPackageGroupArn: SAGEMAKER_ARN('model package group', 'model-package-group/my-group'),
  MlFlowResourceArn: SAGEMAKER_ARN('MLflow tracking server', 'mlflow-tracking-server/my-server'),
  TrainingPlanArn: SAGEMAKER_ARN('training plan', 'training-plan/my-plan'),
  MlReservationArn: SAGEMAKER_ARN('ML reservation', 'ml-reservation/my-reservation'),
  HubDataSetArn: SAGEMAKER_ARN('hub data set', 'hub-content/my-hub/DataSet/my-data-set'),
  ServerlessJobBaseModelArn: SAGEMAKER_ARN('hub model', 'hub-content/my-hub/Model/my-model'),
  ChannelName: CHANNEL_NAME,
  AdditionalModelChannelName: CHANNEL_NAME,
};

/** The model's patterns, as written in the model (Java syntax, unanchored). */
const BY_PATTERN: Readonly<Record<string, Wanted>> = {
  '(https|s3)://([^/]+)/?(.*)': S3_URI,
  '(https|s3)://([^/])/?(.*)': S3_URI,
  '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}': NAME,
  '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}': NAME,
  '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}': NAME,
  '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}': NAME,
  '[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?': NAME,
  '[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*': { what: 'a version name', example: 'al2-ami-sagemaker-batch-gpu-535', rule: 'letters and digits in groups joined by single hyphens' },
  '[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}': { what: 'a name', example: exampleName, rule: 'letters, digits, hyphens and underscores; a letter or digit first and last' },
  'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+': { what: 'an IAM role ARN', example: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole' },
  'arn:aws[a-z\\-]*:sns:[a-z0-9\\-]*:[0-9]{12}:[a-zA-Z0-9_.-]+': { what: 'an Amazon SNS topic ARN', example: 'arn:aws:sns:us-east-1:123456789012:my-topic' },
  'arn:[\\p{Alnum}\\-]+:lambda:[\\p{Alnum}\\-]+:[0-9]{12}:function:.*': { what: 'an AWS Lambda function ARN', example: 'arn:aws:lambda:us-east-1:123456789012:function:my-function' },
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)': NAME_OR_ARN,
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?': NAME_OR_ARN,
  '(fs-[0-9a-f]{8,})': { what: 'a file system id', example: 'fs-0123456789abcdef0' },
  '[a-zA-Z_][a-zA-Z0-9_]*': ENVIRONMENT_NAME,
  '[a-zA-Z_][a-zA-Z0-9_]{0,1023}': ENVIRONMENT_NAME,
  '[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*': MIME_TYPE,
  '[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9+.])*': MIME_TYPE,
  '[\\S]+': { what: 'a value without spaces' },
  '.*': ONE_LINE,
  '.+': ONE_LINE_NOT_EMPTY,
  '(?!\\s*$).+': ONE_LINE_NOT_BLANK,
  '[\\s\\S]+': { what: 'a text, not empty' },
  '[A-Za-z0-9\\.\\-_]+': { what: 'a name', example: 'train', rule: 'letters, digits, dots, hyphens and underscores' },
  '[a-zA-Z0-9._-]+': { what: 'a name', example: 'primary', rule: 'letters, digits, dots, hyphens and underscores' },
  '[-0-9a-zA-Z]+': { what: 'an id', example: 'my-id', rule: 'letters, digits and hyphens' },
  '/(?!.*\\.\\.)[a-zA-Z0-9/_.\\-]+': { what: 'a path starting with /', example: '/metrics' },
  '\\d+K': { what: 'a number of thousands followed by K', example: '4K' },
  '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)': { what: 'a tag text', example: 'team:ml-platform', rule: 'letters, digits, spaces and _ . : / = + - @' },
};

/**
 * What `shape`'s pattern wants: `{ what: 'an S3 URI', example: 's3://bucket/prefix' }` (the
 * example matches the pattern). Undefined for a shape without a pattern or one we have no words for.
 */
export function patternWanted(shape: StringShape): { what: string; example?: string; rule?: string } | undefined {
  if (!shape.pattern) return undefined;
  const wanted = (Object.hasOwn(BY_SHAPE, shape.name) ? BY_SHAPE[shape.name] : undefined) ?? (Object.hasOwn(BY_PATTERN, shape.pattern) ? BY_PATTERN[shape.pattern] : undefined);
  if (!wanted) return undefined;
  return { what: wanted.what, example: typeof wanted.example === 'function' ? wanted.example(shape) : wanted.example, rule: wanted.rule };
}

/** `<what> such as <example> (<rule>)`, each part only where there is one. */
function phrase(shape: StringShape, quote: (text: string) => string): string | undefined {
  const wanted = patternWanted(shape);
  if (!wanted) return undefined;
  const example = wanted.example === undefined ? '' : ` such as ${quote(wanted.example)}`;
  return `${wanted.what}${example}${wanted.rule ? ` (${wanted.rule})` : ''}`;
}

/** `patternWanted` as a phrase for "<member> must be …": `an S3 URI such as s3://bucket/prefix`. */
export function patternInWords(shape: StringShape): string | undefined {
  return phrase(shape, (text) => text);
}

/** The same phrase for Markdown (hover): the example as a code span. */
export function patternInMarkdown(shape: StringShape): string | undefined {
  return phrase(shape, (text) => `\`${text}\``);
}

/** The instance type offered as an example where one is allowed (the new spec's default). */
const EXAMPLE_INSTANCE_TYPE = 'ml.m5.xlarge';

/**
 * What a long enum of instance types wants, in words: `an ML instance type such as ml.m5.xlarge`.
 * Undefined for every other enum (those list their values).
 */
export function enumInWords(shape: StringShape): string | undefined {
  if (!isInstanceTypeEnum(shape)) return undefined;
  const example = shape.enum!.includes(EXAMPLE_INSTANCE_TYPE) ? EXAMPLE_INSTANCE_TYPE : shape.enum![0];
  return `an ML instance type such as ${example}`;
}

/** What the values of an enum are called in a message: `ML instance types` for an instance type enum, else `values`. */
export function enumValuesNoun(shape: StringShape): string {
  return isInstanceTypeEnum(shape) ? 'ML instance types' : 'values';
}
