// Spec texts for scripts/bench.mjs: a realistic ~2 KB CreateTrainingJob request, the same request
// padded to exactly 1 MiB with 16,000 HyperParameters entries, and the slow shapes of issue 9.
// Pure functions, no I/O.

export const XGBOOST_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
export const ONE_MIB = 1024 * 1024;
export const PADDING_ENTRIES = 16_000;

/** The request as an object; `hyperParameters` replaces the ten usual XGBoost ones when given. */
function trainingJob(image, hyperParameters) {
  return {
    TrainingJobName: 'churn-xgboost-2025-06-01-12-00-00',
    RoleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20250601T120000',
    AlgorithmSpecification: {
      TrainingImage: image,
      TrainingInputMode: 'File',
    },
    HyperParameters: hyperParameters ?? {
      objective: 'binary:logistic',
      num_round: '200',
      max_depth: '6',
      eta: '0.2',
      gamma: '4',
      min_child_weight: '6',
      subsample: '0.8',
      colsample_bytree: '0.8',
      eval_metric: 'auc',
      verbosity: '1',
    },
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://example-ml-bucket/churn/train/',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
        ContentType: 'text/csv',
        CompressionType: 'None',
      },
      {
        ChannelName: 'validation',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://example-ml-bucket/churn/validation/',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
        ContentType: 'text/csv',
        CompressionType: 'None',
      },
    ],
    OutputDataConfig: { S3OutputPath: 's3://example-ml-bucket/churn/output/' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
    EnableManagedSpotTraining: true,
    CheckpointConfig: { S3Uri: 's3://example-ml-bucket/churn/checkpoints/' },
    Tags: [
      { Key: 'project', Value: 'churn' },
      { Key: 'team', Value: 'ml-platform' },
      { Key: 'cost-center', Value: 'cc-1234' },
      { Key: 'environment', Value: 'staging' },
    ],
  };
}

const pretty = (value) => JSON.stringify(value, null, 2) + '\n';

/** The ~2 KB spec, pretty-printed. */
export function smallSpec(image = XGBOOST_IMAGE) {
  return pretty(trainingJob(image));
}

/**
 * The same spec with PADDING_ENTRIES HyperParameters entries whose values are lengthened so that
 * the whole text is exactly `targetBytes` (all ASCII, so bytes = characters).
 */
export function largeSpec(image = XGBOOST_IMAGE, targetBytes = ONE_MIB) {
  const build = (extraEach, extraFirst) => {
    const params = {};
    for (let i = 0; i < PADDING_ENTRIES; i++) {
      const pad = extraEach + (i < extraFirst ? 1 : 0);
      params[`feature_weight_${String(i).padStart(5, '0')}`] = '0.' + String((i * 7919) % 100000).padStart(5, '0') + '7'.repeat(pad);
    }
    return pretty(trainingJob(image, params));
  };
  const base = build(0, 0);
  const deficit = Math.max(0, targetBytes - base.length);
  return build(Math.floor(deficit / PADDING_ENTRIES), deficit % PADDING_ENTRIES);
}

/**
 * A spec whose TrainingImage is `typed` (as if the user had just typed it), and the offset right
 * after it, where the editor asks for completions.
 */
export function withTypedImage(makeSpec, typed = 'xgb') {
  const text = makeSpec(typed);
  const marker = `"TrainingImage": "${typed}`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('TrainingImage not found in the fixture');
  return { text, offset: at + marker.length };
}

// ---------------------------------------------------------------------------------------------
// The slow shapes of issue 9: inputs whose analysis cost grew with findings × file size, or
// crashed. Each is a CreateTrainingJob the rules find problems in, so fixes would be offered.

/**
 * A one-line spec whose InputDataConfig is `[{},{},…]`: empty channels, each missing its required
 * ChannelName and DataSource, as many as fit in about `arrayBytes` (3 bytes each).
 */
export function incompleteChannelsSpec(arrayBytes) {
  const channels = Math.max(1, Math.round((arrayBytes + 1) / 3));
  return JSON.stringify({ ...trainingJob(XGBOOST_IMAGE), InputDataConfig: Array.from({ length: channels }, () => ({})) });
}

/**
 * A minified (one-line) spec of about `targetBytes` with `channels` empty channels and no other
 * problem: the size comes from members within the API's limits (100 HyperParameters with keys of
 * 256 and values of up to 2,500 characters, then up to 100 Environment variables of 512 and 512).
 */
export function minifiedSpecWithIncompleteChannels(targetBytes = 343 * 1024, channels = 20) {
  const job = { ...trainingJob(XGBOOST_IMAGE), HyperParameters: {}, Environment: {}, InputDataConfig: Array.from({ length: channels }, () => ({})) };
  const limits = [
    { map: job.HyperParameters, prefix: 'hp_', maxEntries: 100, maxKey: 256, maxValue: 2500 },
    { map: job.Environment, prefix: 'ENV_', maxEntries: 100, maxKey: 512, maxValue: 512 },
  ];
  for (const { map, prefix, maxEntries, maxKey, maxValue } of limits) {
    for (let i = 0; i < maxEntries; i++) {
      const key = `${prefix}${String(i).padStart(3, '0')}_`.padEnd(maxKey, 'k');
      const missing = targetBytes - JSON.stringify(job).length - `,"${key}":""`.length;
      if (missing <= 0) return JSON.stringify(job);
      map[key] = 'v'.repeat(Math.min(maxValue, missing));
    }
  }
  return JSON.stringify(job);
}

/** The ~2 KB spec with an InstanceType that is not one: `ml.` followed by x's, `length` characters in all. */
export function longInstanceTypeSpec(length = ONE_MIB) {
  const job = trainingJob(XGBOOST_IMAGE);
  job.ResourceConfig.InstanceType = 'ml.' + 'x'.repeat(length - 3);
  return pretty(job);
}

/**
 * The ~2 KB spec whose OutputDataConfig lacks the required S3OutputPath (so a fix inserts it
 * there) and holds `depth` levels of nested arrays on the same line.
 */
export function deepAtFixSpec(depth = 100) {
  const job = trainingJob(XGBOOST_IMAGE);
  job.OutputDataConfig = { KmsKeyId: '@NESTED@' };
  return pretty(job).replace('"@NESTED@"', '['.repeat(depth) + ']'.repeat(depth));
}

/** The issue 9 shapes by name, as scripts/bench.mjs prints them (the name selects one in a child process). */
export const SLOW_SHAPES = {
  '2,000 empty channels, one line (6 KB)': () => incompleteChannelsSpec(6 * 1000),
  '4,000 empty channels, one line (12 KB)': () => incompleteChannelsSpec(12 * 1000),
  '343 KB minified, 20 empty channels': () => minifiedSpecWithIncompleteChannels(),
  '1 MiB invalid InstanceType': () => longInstanceTypeSpec(),
  '100 levels where a fix inserts': () => deepAtFixSpec(),
};
