/**
 * The built-in algorithm rules, table-driven from data/algorithms.json: for every algorithm and
 * every kind of fact it has (required and required-when hyperparameters, bounds with their
 * inclusiveness, allowed values, booleans, list formats, per-version names, channels, content
 * types, Pipe support, instances, metrics, tuning ranges), one request that breaks the fact and
 * one that keeps it. The passing request starts from a base request built from the facts (every
 * required hyperparameter and channel with a valid value), which itself must raise nothing.
 */
import * as assert from 'node:assert/strict';
import type { AlgorithmData, HyperparameterData } from '../../src/core/algorithms/algorithmData';
import type { AlgorithmFacts } from '../../src/core/algorithms/algorithmTable';
import { valueProblem } from '../../src/core/algorithms/hyperparameterValue';
import type { Finding } from '../../src/core/findings';
import { algorithms, analyzeText, applyFix, catalog, textAt } from './specTestKit';

const REGION = 'us-east-1';
const S3 = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/data/' } };

type Json = Record<string, unknown>;

interface Job {
  image: string;
  hyperparameters: Record<string, string>;
  channels: Json[];
  instanceType: string;
  instanceCount: number;
  inputMode?: string;
}

/** The image URI of `repository` (at image `version`, else its newest) in us-east-1. */
function imageFor(repository: string, version?: string): string {
  const images = catalog.imagesForRepository(repository).filter((image) => image.scopes.includes('training') && (version === undefined || image.version === version));
  const image = images[0];
  if (!image) throw new Error(`no training image for ${repository} ${version ?? ''}`);
  return catalog.imageUri(image, REGION, image.tags[0])!;
}

function trainingRequest(job: Job): string {
  return JSON.stringify(
    {
      TrainingJobName: 'algorithm-job',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: job.image, TrainingInputMode: job.inputMode ?? 'File' },
      HyperParameters: job.hyperparameters,
      InputDataConfig: job.channels,
      OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
      ResourceConfig: { InstanceType: job.instanceType, InstanceCount: job.instanceCount, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    null,
    2,
  );
}

function tuningRequest(job: Job, objective: Json, ranges: Json): string {
  return JSON.stringify(
    {
      HyperParameterTuningJobName: 'algorithm-tuning',
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: objective,
        ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
        ParameterRanges: ranges,
      },
      TrainingJobDefinition: {
        AlgorithmSpecification: { TrainingImage: job.image, TrainingInputMode: 'File' },
        RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
        StaticHyperParameters: job.hyperparameters,
        InputDataConfig: job.channels,
        OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
        ResourceConfig: { InstanceType: job.instanceType, InstanceCount: job.instanceCount, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
    },
    null,
    2,
  );
}

function algorithmFindings(text: string): Finding[] {
  return analyzeText(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
}

/** Findings of `code` whose range is exactly the text `at` (a value or a name, without quotes). */
function findingsAt(text: string, code: string, at: string): Finding[] {
  return algorithmFindings(text).filter((finding) => finding.code === code && textAt(text, finding) === at);
}

/** A value the facts accept, preferring the documented default. */
function validValue(facts: AlgorithmFacts, hyperparameter: HyperparameterData): string {
  const candidates: string[] = [];
  if (hyperparameter.default !== undefined) candidates.push(hyperparameter.default);
  const low = hyperparameter.min === undefined ? 1 : hyperparameter.minInclusive === false ? hyperparameter.min + (hyperparameter.type === 'integer' ? 1 : 0.5) : hyperparameter.min;
  const number = hyperparameter.max !== undefined && low > hyperparameter.max ? hyperparameter.max : low;
  candidates.push(String(hyperparameter.type === 'float' && hyperparameter.max !== undefined && hyperparameter.min !== undefined ? (hyperparameter.min + hyperparameter.max) / 2 : number));
  candidates.push(...(hyperparameter.allowedValues ?? []));
  candidates.push('D', 'true', 'x');
  const list = hyperparameter.list;
  if (list) {
    const item = list.itemAllowedValues?.[0] ?? String(list.itemMin ?? 1);
    candidates.push(item, `[${JSON.stringify(item)}]`, `[${item}]`, `(${item},)`, `[[${item},${item}]]`);
  }
  const found = candidates.find((candidate) => valueProblem(facts, hyperparameter, candidate) === undefined);
  if (found === undefined) throw new Error(`no valid value for ${facts.label}`);
  return found;
}

/** A request every fact of `facts` accepts: required hyperparameters and channels, a fitting instance. */
function baseJob(repository: string, facts: AlgorithmFacts): Job {
  const data = facts.data;
  const hyperparameters: Record<string, string> = {};
  for (const name of facts.hyperparameterNames) {
    const hyperparameter = facts.hyperparameter(name)!;
    if (hyperparameter.required) hyperparameters[name] = validValue(facts, hyperparameter);
  }
  const channels = Object.entries(data.channels)
    .filter(([, channel]) => channel.required)
    .map(([name, channel]) => {
      const contentType = channel.contentTypes.File?.[0];
      return contentType === undefined ? { ChannelName: name, DataSource: S3 } : { ChannelName: name, DataSource: S3, ContentType: contentType };
    });
  return {
    image: imageFor(repository, facts.version),
    hyperparameters,
    channels,
    instanceType: data.instances.cpu ? 'ml.m5.xlarge' : 'ml.p3.2xlarge',
    instanceCount: 1,
  };
}

const entries = Object.entries(algorithms.data.algorithms) as [string, AlgorithmData][];
const XGBOOST_VERSION = '1.7-1';

describe('built-in algorithm rules, for every algorithm and kind of fact', () => {
  it('covers all 18 repositories of the facts', () => {
    assert.equal(entries.length, 18);
  });

  for (const [repository, data] of entries) {
    const version = data.versions.length > 1 ? XGBOOST_VERSION : data.versions[0];
    const facts = algorithms.facts(repository, version)!;
    const strength = data.evidence === 'container' ? 'error' : 'warning';

    describe(`${repository} (${facts.label})`, () => {
      const base = () => baseJob(repository, facts);

      it('raises nothing on a request built from its facts', () => {
        assert.deepEqual(algorithmFindings(trainingRequest(base())).map((finding) => finding.message), []);
      });

      const required = facts.hyperparameterNames.filter((name) => facts.hyperparameter(name)!.required);
      for (const name of required) {
        it(`reports required "${name}" missing, and inserts a placeholder that stays reported until filled`, () => {
          const job = base();
          delete job.hyperparameters[name];
          const text = trainingRequest(job);
          const missing = findingsAt(text, 'algorithm-missing-hyperparameter', 'HyperParameters').filter((finding) => finding.message.includes(`"${name}"`));
          assert.equal(missing.length, 1);
          assert.equal(missing[0].severity, facts.hyperparameter(name)!.evidence === 'container' ? 'error' : 'warning');
          assert.equal(missing[0].fixes[0].leavesPlaceholder, true);
          const fixed = applyFix(text, missing[0]);
          assert.match(fixed, new RegExp(`"${name}": ""`));
          assert.equal(findingsAt(fixed, 'algorithm-invalid-hyperparameter', '').length, 1);
        });
      }

      for (const name of facts.hyperparameterNames) {
        const hyperparameter = facts.hyperparameter(name)!;
        for (const condition of hyperparameter.requiredWhen ?? []) {
          it(`reports "${name}" missing when ${JSON.stringify(condition)}, not otherwise`, () => {
            const job = base();
            if ('channel' in condition) {
              const channel = job.channels.find((candidate) => candidate.ChannelName === condition.channel)!;
              channel.ContentType = condition.contentTypeIn[0];
            } else {
              const value = 'present' in condition ? validValue(facts, facts.hyperparameter(condition.parameter)!) : 'equals' in condition ? condition.equals : condition.in[0];
              job.hyperparameters[condition.parameter] = value;
            }
            const broken = trainingRequest(job);
            assert.equal(algorithmFindings(broken).filter((finding) => finding.code === 'algorithm-missing-hyperparameter' && finding.message.includes(`"${name}"`)).length, 1);
            job.hyperparameters[name] = validValue(facts, hyperparameter);
            assert.equal(algorithmFindings(trainingRequest(job)).filter((finding) => finding.code === 'algorithm-missing-hyperparameter').length, 0);
          });
        }

        const numeric = hyperparameter.type === 'integer' || hyperparameter.type === 'float';
        const step = hyperparameter.type === 'integer' ? 1 : 0.5;
        if (numeric && hyperparameter.min !== undefined && !hyperparameter.specialValues?.length) {
          const min = hyperparameter.min;
          it(`bounds "${name}" below by ${min} (${hyperparameter.minInclusive === false ? 'exclusive' : 'inclusive'})`, () => {
            const bad = String(hyperparameter.minInclusive === false ? min : min - step);
            const job = base();
            job.hyperparameters[name] = bad;
            const found = findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', bad);
            assert.equal(found.length, 1);
            assert.match(found[0].message, new RegExp(`below the lower bound ${min} \\(${hyperparameter.minInclusive === false ? 'exclusive' : 'inclusive'}`));
            job.hyperparameters[name] = validValue(facts, hyperparameter);
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', job.hyperparameters[name]).length, 0);
          });
        }
        if (numeric && hyperparameter.max !== undefined && !hyperparameter.specialValues?.length) {
          const max = hyperparameter.max;
          it(`bounds "${name}" above by ${max} (${hyperparameter.maxInclusive === false ? 'exclusive' : 'inclusive'})`, () => {
            const bad = String(hyperparameter.maxInclusive === false ? max : max + step);
            const job = base();
            job.hyperparameters[name] = bad;
            const found = findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', bad);
            assert.equal(found.length, 1);
            assert.match(found[0].message, new RegExp(`above the upper bound ${max} \\(${hyperparameter.maxInclusive === false ? 'exclusive' : 'inclusive'}`));
            job.hyperparameters[name] = String(hyperparameter.maxInclusive === false ? max - (hyperparameter.type === 'integer' ? 1 : 0.05) : max);
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', job.hyperparameters[name]).length, 0);
          });
        }
        if (hyperparameter.type === 'integer' && !hyperparameter.specialValues?.length) {
          it(`reads "${name}" as an integer: "2.0" is refused, with a fix to "2"`, () => {
            const job = base();
            job.hyperparameters[name] = '2.0';
            const found = findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', '2.0');
            assert.equal(found.length, 1);
            assert.equal(found[0].fixes[0].title, 'Change to "2"');
          });
        }
        if (hyperparameter.type === 'categorical') {
          it(`allows only the listed values of "${name}", fixing to the nearest`, () => {
            const allowed = hyperparameter.allowedValues!.filter((value) => facts.valueInVersion(hyperparameter, value));
            // What fixes offer (an entry that is a hyperparameter name, XGBoost's aft_loss_distribution, is accepted, never offered).
            const offered = facts.offeredValues(hyperparameter);
            const bad = `${offered[0]}x`;
            const job = base();
            job.hyperparameters[name] = bad;
            const text = trainingRequest(job);
            const found = findingsAt(text, 'algorithm-invalid-hyperparameter', bad);
            assert.equal(found.length, 1);
            assert.match(applyFix(text, found[0]), new RegExp(`"${name}": "${offered[0].replace(/[+]/g, '\\+')}"`));
            job.hyperparameters[name] = allowed[allowed.length - 1];
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', allowed[allowed.length - 1]).length, 0);
          });
        }
        if (hyperparameter.type === 'boolean-string') {
          it(`reads "${name}" as a boolean (${hyperparameter.allowedValues!.join('/')})`, () => {
            const job = base();
            job.hyperparameters[name] = 'yes';
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', 'yes').length, 1);
            const other = hyperparameter.allowedValues![0] === 'true' ? 'True' : 'true';
            job.hyperparameters[name] = other;
            // Only the XGBoost container is known to compare the spelling exactly.
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', other).length, hyperparameter.evidence === 'container' ? 1 : 0);
            job.hyperparameters[name] = hyperparameter.allowedValues![1];
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', hyperparameter.allowedValues![1]).length, 0);
          });
        }
        if (hyperparameter.list) {
          const list = hyperparameter.list;
          it(`reads "${name}" as ${list.format}`, () => {
            const bad = list.format === 'comma-separated' ? '[1, 2]' : list.format === 'comma-separated or json-array' ? '[1, ' : list.format === 'nested-list' ? '1,2' : list.format === 'python-tuple' ? '1 2' : 'a,b';
            const job = base();
            job.hyperparameters[name] = bad;
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', bad).length, 1);
            job.hyperparameters[name] = validValue(facts, hyperparameter);
            assert.equal(findingsAt(trainingRequest(job), 'algorithm-invalid-hyperparameter', job.hyperparameters[name]).length, 0);
          });
        }
        if (hyperparameter.versions && version !== undefined) {
          const without = data.versions.find((candidate) => !hyperparameter.versions!.includes(candidate))!;
          const within = hyperparameter.versions[hyperparameter.versions.length - 1];
          it(`knows "${name}" only in ${hyperparameter.versions.join(', ')}`, () => {
            const broken = baseJob(repository, algorithms.facts(repository, without)!);
            broken.hyperparameters[name] = validValue(facts, hyperparameter);
            const found = findingsAt(trainingRequest(broken), 'algorithm-hyperparameter-version', name);
            assert.equal(found.length, 1);
            assert.match(found[0].message, new RegExp(hyperparameter.versions!.join('|')));
            const kept = baseJob(repository, algorithms.facts(repository, within)!);
            kept.hyperparameters[name] = validValue(algorithms.facts(repository, within)!, hyperparameter);
            assert.equal(algorithmFindings(trainingRequest(kept)).filter((finding) => textAt(trainingRequest(kept), finding) === name).length, 0);
          });
        }
      }

      it(`reports an unknown hyperparameter name (${data.unknownHyperparameters === 'rejected' ? 'error' : 'warning'}) with a did-you-mean fix`, () => {
        const job = base();
        const target = facts.hyperparameterNames.find((name) => name.length >= 6) ?? facts.hyperparameterNames[0];
        const typo = `${target}s`;
        job.hyperparameters[typo] = job.hyperparameters[target] ?? validValue(facts, facts.hyperparameter(target)!);
        const text = trainingRequest(job);
        const found = findingsAt(text, 'algorithm-unknown-hyperparameter', typo);
        assert.equal(found.length, 1);
        assert.equal(found[0].severity, data.unknownHyperparameters === 'rejected' ? 'error' : 'warning');
        assert.equal(found[0].fixes[0].title, `Change to "${target}"`);
        assert.match(applyFix(text, found[0]), new RegExp(`"${target}":`));
      });

      it('reports a value wrapped in extra quotes, fixing it to the bare value', () => {
        const job = base();
        const name = facts.hyperparameterNames[0];
        const value = job.hyperparameters[name] ?? validValue(facts, facts.hyperparameter(name)!);
        job.hyperparameters[name] = `"${value}"`;
        const text = trainingRequest(job);
        const found = algorithmFindings(text).filter((finding) => finding.code === 'algorithm-invalid-hyperparameter' && /extra pair of quotes/.test(finding.message));
        assert.equal(found.length, 1);
        assert.ok(applyFix(text, found[0]).includes(`"${name}": ${JSON.stringify(value)}`));
      });

      for (const [channel, channelData] of Object.entries(data.channels)) {
        if (channelData.required) {
          it(`reports required channel "${channel}" missing`, () => {
            const job = base();
            job.channels = job.channels.filter((candidate) => candidate.ChannelName !== channel);
            const found = findingsAt(trainingRequest(job), 'algorithm-channel', 'InputDataConfig');
            assert.equal(found.filter((finding) => finding.message.includes(`"${channel}"`)).length, 1);
          });
        }
        const file = channelData.contentTypes.File ?? [];
        if (file.length > 0) {
          it(`accepts ${file.length} content type(s) on "${channel}" in File mode, and no other`, () => {
            const job = base();
            job.channels = [...job.channels.filter((candidate) => candidate.ChannelName !== channel), { ChannelName: channel, DataSource: S3, ContentType: 'application/x-unknown' }];
            const found = findingsAt(trainingRequest(job), 'algorithm-content-type', 'application/x-unknown');
            assert.equal(found.length, 1);
            assert.equal(found[0].severity, channelData.evidence === 'container' ? 'error' : 'warning');
            job.channels[job.channels.length - 1].ContentType = file[file.length - 1];
            assert.equal(algorithmFindings(trainingRequest(job)).filter((finding) => finding.code === 'algorithm-content-type').length, 0);
          });
        }
        const pipe = data.inputModes.includes('Pipe') && channelData.contentTypes.Pipe !== undefined;
        it(`${pipe ? 'accepts' : 'refuses'} Pipe mode on "${channel}"`, () => {
          const job = base();
          const contentType = channelData.contentTypes.Pipe?.[0] ?? channelData.contentTypes.File?.[0];
          job.channels = [
            ...job.channels.filter((candidate) => candidate.ChannelName !== channel),
            { ChannelName: channel, DataSource: S3, InputMode: 'Pipe', ...(contentType ? { ContentType: contentType } : {}) },
          ];
          const text = trainingRequest(job);
          const found = findingsAt(text, 'algorithm-input-mode', 'Pipe');
          assert.equal(found.length, pipe ? 0 : 1);
          if (!pipe) assert.ok(applyFix(text, found[0]).includes('"InputMode": "File"'));
          // FastFile is File.
          job.channels[job.channels.length - 1].InputMode = 'FastFile';
          assert.equal(findingsAt(trainingRequest(job), 'algorithm-input-mode', 'FastFile').length, 0);
        });
      }

      it(`reports a channel it does not read (${data.unknownChannels === 'rejected' ? 'error' : 'warning'})`, () => {
        const job = base();
        job.channels.push({ ChannelName: 'extra_data', DataSource: S3 });
        const found = findingsAt(trainingRequest(job), 'algorithm-channel', 'extra_data');
        assert.equal(found.length, 1);
        assert.equal(found[0].severity, data.unknownChannels === 'rejected' ? 'error' : 'warning');
      });

      if (!data.instances.cpu || !data.instances.gpu) {
        const wrong = data.instances.cpu ? 'ml.p3.2xlarge' : 'ml.m5.xlarge';
        it(`trains on ${data.instances.cpu ? 'CPU' : 'GPU'} instances only: ${wrong} is reported`, () => {
          const job = base();
          job.instanceType = wrong;
          const found = findingsAt(trainingRequest(job), 'algorithm-instance', wrong);
          assert.equal(found.length, 1);
          assert.equal(found[0].severity, strength);
          if (!data.instances.cpu) assert.match(found[0].message, /refuses the job at submission/);
        });
      }
      if (data.instances.multiInstance === false) {
        it('trains on one instance: InstanceCount 2 is reported, with a fix to 1', () => {
          const job = base();
          job.instanceCount = 2;
          const text = trainingRequest(job);
          const found = findingsAt(text, 'algorithm-instance', '2');
          assert.equal(found.length, 1);
          assert.ok(applyFix(text, found[0]).includes('"InstanceCount": 1'));
        });
      } else if (data.instances.multiInstance === true) {
        it('trains on several instances: InstanceCount 2 is not reported', () => {
          const job = base();
          job.instanceCount = 2;
          assert.equal(findingsAt(trainingRequest(job), 'algorithm-instance', '2').length, 0);
        });
      }

      const metrics = facts.metrics();
      it(`reports an objective metric it does not emit${metrics.length > 0 ? ', and accepts its own' : ''}`, () => {
        const found = findingsAt(tuningRequest(base(), { MetricName: 'validation:not_a_metric', Type: 'Maximize' }, {}), 'algorithm-objective-metric', 'validation:not_a_metric');
        assert.equal(found.length, 1);
        for (const metric of metrics) {
          const type = facts.metricDirection(metric) ?? metric.type;
          assert.equal(algorithmFindings(tuningRequest(base(), { MetricName: metric.name, Type: type }, {})).filter((finding) => finding.code === 'algorithm-objective-metric').length, 0, metric.name);
        }
      });

      if (metrics.length > 0) {
        const metric = metrics[0];
        it(`reports the wrong direction for ${metric.name}, with a fix`, () => {
          const type = facts.metricDirection(metric)!;
          const wrong = type === 'Maximize' ? 'Minimize' : 'Maximize';
          const text = tuningRequest(base(), { MetricName: metric.name, Type: wrong }, {});
          const found = findingsAt(text, 'algorithm-objective-metric', wrong);
          assert.equal(found.length, 1);
          assert.ok(applyFix(text, found[0]).includes(`"Type": "${type}"`));
        });
      }

      const tunable = facts.hyperparameterNames.find((name) => {
        const hyperparameter = facts.hyperparameter(name)!;
        return hyperparameter.tuning && (hyperparameter.type === 'integer' || hyperparameter.type === 'float') && hyperparameter.min !== undefined;
      });
      const untunable = facts.hyperparameterNames.find((name) => !facts.hyperparameter(name)!.tuning);
      it('reports tuning ranges for unknown, untunable and out-of-bounds hyperparameters, not for good ones', () => {
        const ranges: Json = { IntegerParameterRanges: [{ Name: 'not_a_hyperparameter', MinValue: '1', MaxValue: '2' }] };
        const expected = ['not_a_hyperparameter'];
        if (untunable) {
          ranges.CategoricalParameterRanges = [{ Name: untunable, Values: ['x'] }];
          expected.push(untunable);
        }
        if (tunable) {
          const hyperparameter = facts.hyperparameter(tunable)!;
          const kind = hyperparameter.type === 'integer' ? 'IntegerParameterRanges' : 'ContinuousParameterRanges';
          ranges[kind] = [...((ranges[kind] as Json[] | undefined) ?? []), { Name: tunable, MinValue: String(hyperparameter.min! - 1), MaxValue: validValue(facts, hyperparameter) }];
          expected.push(String(hyperparameter.min! - 1));
        }
        const text = tuningRequest(base(), { MetricName: metrics[0]?.name ?? 'x', Type: metrics[0]?.type ?? 'Maximize' }, ranges);
        const found = algorithmFindings(text).filter((finding) => finding.code === 'algorithm-parameter-range').map((finding) => textAt(text, finding));
        assert.deepEqual(found.sort(), expected.sort());
        if (tunable) {
          const hyperparameter = facts.hyperparameter(tunable)!;
          const kind = hyperparameter.type === 'integer' ? 'IntegerParameterRanges' : 'ContinuousParameterRanges';
          const good = tuningRequest(base(), { MetricName: metrics[0]?.name ?? 'x', Type: metrics[0]?.type ?? 'Maximize' }, { [kind]: [{ Name: tunable, MinValue: validValue(facts, hyperparameter), MaxValue: validValue(facts, hyperparameter) }] });
          assert.equal(algorithmFindings(good).filter((finding) => finding.code === 'algorithm-parameter-range').length, 0);
        }
      });

      it('counts a required hyperparameter given as a tuning range as present', () => {
        const name = required.find((candidate) => ['integer', 'float'].includes(facts.hyperparameter(candidate)!.type));
        if (!name) return assert.ok(required.length === 0 || required.every((candidate) => !['integer', 'float'].includes(facts.hyperparameter(candidate)!.type)));
        const job = base();
        const value = job.hyperparameters[name];
        delete job.hyperparameters[name];
        const kind = facts.hyperparameter(name)!.type === 'integer' ? 'IntegerParameterRanges' : 'ContinuousParameterRanges';
        const text = tuningRequest(job, { MetricName: metrics[0]?.name ?? 'x', Type: metrics[0]?.type ?? 'Maximize' }, { [kind]: [{ Name: name, MinValue: value, MaxValue: value }] });
        assert.equal(algorithmFindings(text).filter((finding) => finding.code === 'algorithm-missing-hyperparameter').length, 0);
      });
    });
  }
});

describe('built-in algorithm rules: versions, script mode and other images', () => {
  const xgboost = (tag: string) => `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${tag}`;
  const job = (image: string, hyperparameters: Record<string, string>): string =>
    trainingRequest({ image, hyperparameters, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }], instanceType: 'ml.m5.xlarge', instanceCount: 1 });

  it('leaves script mode (sagemaker_program) alone', () => {
    const broken = { num_rounds: '"10"', eta: '5', sagemaker_program: 'train.py', sagemaker_submit_directory: 's3://bucket/code.tar.gz' };
    assert.deepEqual(algorithmFindings(job(xgboost('1.7-1'), broken)), []);
    delete (broken as Partial<typeof broken>).sagemaker_program;
    assert.ok(algorithmFindings(job(xgboost('1.7-1'), broken)).length >= 3);
  });

  it('reads the legacy xgboost repository with the 0.72 facts (silent is fine there, no Pipe)', () => {
    const legacy = '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1';
    assert.deepEqual(algorithmFindings(job(legacy, { num_round: '10', silent: '1' })).map((finding) => finding.code), []);
  });

  it('gives a floating or unknown tag only the checks of every version', () => {
    // `silent` is in 0.90-x and 1.0-1 only: not judged without a version, judged with 1.7-1.
    assert.deepEqual(algorithmFindings(job(xgboost('latest'), { num_round: '10', silent: '1' })), []);
    assert.equal(findingsAt(job(xgboost('1.7-1'), { num_round: '10', silent: '1' }), 'algorithm-hyperparameter-version', 'silent').length, 1);
    assert.equal(findingsAt(job(xgboost('latest'), { num_round: '10', not_a_name: '1' }), 'algorithm-unknown-hyperparameter', 'not_a_name').length, 1);
  });

  it('takes the XGBoost version from tags with suffixes (1.0-1-cpu-py3)', () => {
    const text = job(xgboost('1.0-1-cpu-py3'), { num_round: '10', objective: 'reg:absoluteerror' });
    const found = findingsAt(text, 'algorithm-invalid-hyperparameter', 'reg:absoluteerror');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /1\.7-1 and later/);
  });

  it('accepts XGBoost aliases from 0.90-2 on (learning_rate)', () => {
    assert.deepEqual(algorithmFindings(job(xgboost('1.7-1'), { num_round: '10', learning_rate: '0.1' })), []);
    assert.equal(findingsAt(job(xgboost('0.90-1-cpu-py3'), { num_round: '10', learning_rate: '0.1' }), 'algorithm-unknown-hyperparameter', 'learning_rate').length, 1);
  });

  it('compares XGBoost content types exactly and refuses libsvm in Pipe mode, also as the default', () => {
    const text = (channel: Json) => trainingRequest({ image: xgboost('1.7-1'), hyperparameters: { num_round: '10' }, channels: [{ ChannelName: 'train', DataSource: S3, ...channel }], instanceType: 'ml.m5.xlarge', instanceCount: 1 });
    const upper = text({ ContentType: 'TEXT/CSV' });
    const found = findingsAt(upper, 'algorithm-content-type', 'TEXT/CSV');
    assert.equal(found.length, 1);
    assert.ok(applyFix(upper, found[0]).includes('"ContentType": "text/csv"'));
    assert.equal(findingsAt(text({ ContentType: 'text/libsvm', InputMode: 'Pipe' }), 'algorithm-content-type', 'text/libsvm').length, 1);
    assert.equal(findingsAt(text({ InputMode: 'Pipe' }), 'algorithm-content-type', 'train').length, 1);
    assert.equal(algorithmFindings(text({ ContentType: 'text/csv', InputMode: 'Pipe' })).length, 0);
  });

  it('refuses Pipe mode on XGBoost 3.2-0, whose container dropped it', () => {
    const text = trainingRequest({ image: xgboost('3.2-0'), hyperparameters: { num_round: '10' }, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }], instanceType: 'ml.m5.xlarge', instanceCount: 1, inputMode: 'Pipe' });
    assert.equal(findingsAt(text, 'algorithm-input-mode', 'Pipe').length, 1);
  });

  it('reports GPU instances for XGBoost versions without GPU training', () => {
    const text = trainingRequest({ image: xgboost('1.0-1-cpu-py3'), hyperparameters: { num_round: '10' }, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }], instanceType: 'ml.p3.2xlarge', instanceCount: 1 });
    assert.match(findingsAt(text, 'algorithm-instance', 'ml.p3.2xlarge')[0]?.message ?? '', /starts with 1\.2-1/);
  });

  it('says which versions have an XGBoost metric', () => {
    const text = tuningRequest(
      { image: xgboost('1.0-1-cpu-py3'), hyperparameters: { num_round: '10' }, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }], instanceType: 'ml.m5.xlarge', instanceCount: 1 },
      { MetricName: 'validation:r2', Type: 'Maximize' },
      {},
    );
    assert.match(findingsAt(text, 'algorithm-objective-metric', 'validation:r2')[0]?.message ?? '', /1\.2-1/);
  });

  it('uses the permissive bound where sources disagree: subsample 0 passes, as the guide allows', () => {
    assert.deepEqual(algorithmFindings(job(xgboost('1.7-1'), { num_round: '10', subsample: '0' })), []);
  });

  it('leaves images that are not built-in algorithms alone, and values that are not literals', () => {
    const pytorch = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-cpu-py312';
    assert.deepEqual(algorithmFindings(job(pytorch, { epochs: '"10"' })), []);
    const custom = '123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    assert.deepEqual(algorithmFindings(job(custom, {})), []);
  });

  it('lets a user severity override the evidence-based one', () => {
    const text = job(xgboost('1.7-1'), {});
    const found = analyzeText(text, { algorithms: true, rules: { 'algorithm-missing-hyperparameter': 'information' } }).filter((finding) => finding.code === 'algorithm-missing-hyperparameter');
    assert.deepEqual(found.map((finding) => finding.severity), ['information']);
    assert.equal(analyzeText(text, { algorithms: true, rules: { 'algorithm-missing-hyperparameter': 'off' } }).filter((finding) => finding.code === 'algorithm-missing-hyperparameter').length, 0);
  });
});
