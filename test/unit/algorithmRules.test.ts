/**
 * The built-in algorithm rules, table-driven from data/algorithms.json: for every algorithm and
 * every kind of fact it has (required and required-when hyperparameters, bounds with their
 * inclusiveness, allowed values, booleans, list formats, per-version names, channels, content
 * types, Pipe support, instances, metrics, tuning ranges), one request that breaks the fact and
 * one that keeps it. The passing request starts from a base request built from the facts (every
 * required hyperparameter and channel with a valid value), which itself must raise nothing.
 */
import * as assert from 'node:assert/strict';
import type { AlgorithmData, HyperparameterData, HyperparameterRuleData } from '../../src/core/algorithms/algorithmData';
import type { AlgorithmFacts } from '../../src/core/algorithms/algorithmTable';
import { valueProblem } from '../../src/core/algorithms/hyperparameterValue';
import type { Finding } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';
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

const CONFLICT = 'algorithm-hyperparameter-conflict';

/**
 * One request for a cross-hyperparameter rule: `hyperparameters` are added to the base request,
 * and `code` (or nothing, when undefined) is the only algorithm finding, on the text `at`; a fix
 * that adds a hyperparameter leaves `"<fix>": ""`.
 */
interface RuleCase {
  hyperparameters: Record<string, string>;
  code?: string;
  at?: string;
  fix?: string;
  message?: RegExp;
}

/**
 * Requests that break `rule` of hyperparameter `name` and requests that keep it, built from the
 * facts (the values every rule names, the allowed values of the version). A rule kind without a
 * case here throws, so a new kind in the data cannot go untested.
 */
function ruleCases(facts: AlgorithmFacts, name: string, rule: HyperparameterRuleData): { broken: RuleCase[]; kept: RuleCase[] } {
  const hyperparameter = facts.hyperparameter(name)!;
  const objectives = facts.offeredValues(facts.hyperparameter('objective')!);
  const items = (hyperparameter.list?.itemAllowedValues ?? []).filter((item) => facts.valueInVersion(hyperparameter, item));
  const objective = validValue(facts, facts.hyperparameter('objective')!);
  switch (rule.rule) {
    case 'requires-parameter': {
      const value = validValue(facts, hyperparameter);
      return {
        broken: [{ hyperparameters: { [name]: value }, code: CONFLICT, at: value, fix: rule.parameter }],
        kept: [{ hyperparameters: { [name]: value, [rule.parameter]: validValue(facts, facts.hyperparameter(rule.parameter)!) } }],
      };
    }
    case 'requires-parameter-value': {
      const value = validValue(facts, hyperparameter);
      const other = facts.offeredValues(facts.hyperparameter(rule.parameter)!).find((candidate) => !rule.in.includes(candidate))!;
      return {
        broken: [
          { hyperparameters: { [name]: value }, code: CONFLICT, at: value, fix: rule.parameter },
          { hyperparameters: { [name]: value, [rule.parameter]: other }, code: CONFLICT, at: value, message: new RegExp(`not "${other}"`) },
        ],
        kept: rule.in.map((allowed) => ({ hyperparameters: { [name]: value, [rule.parameter]: allowed } })),
      };
    }
    case 'metric-needs-objective-prefix':
    case 'metric-needs-objective': {
      const fits = (candidate: string) => (rule.rule === 'metric-needs-objective' ? rule.objectives.includes(candidate) : rule.objectivePrefixes.some((prefix) => candidate.startsWith(prefix)));
      const other = objectives.find((candidate) => !fits(candidate))!;
      const value = `${items.find((item) => item !== rule.metric)},${rule.metric}`;
      return {
        broken: [{ hyperparameters: { [name]: value, objective: other }, code: CONFLICT, at: value, message: new RegExp(`"${rule.metric}" needs .* not "${other}"`) }],
        kept: objectives.filter(fits).map((fitting) => ({ hyperparameters: { [name]: value, objective: fitting } })),
      };
    }
    case 'threshold-form': {
      const other = items.find((item) => !rule.metrics.includes(item))!;
      return {
        broken: [
          { hyperparameters: { [name]: `${rule.metrics[0]}@high`, objective }, code: 'algorithm-invalid-hyperparameter', at: `${rule.metrics[0]}@high`, message: /threshold "high" .* is not a number/ },
          { hyperparameters: { [name]: `${rule.metrics[0]}@`, objective }, code: 'algorithm-invalid-hyperparameter', at: `${rule.metrics[0]}@` },
          { hyperparameters: { [name]: `${other}@0.5`, objective }, code: 'algorithm-invalid-hyperparameter', at: `${other}@0.5`, message: /accepts only after/ },
        ],
        kept: rule.metrics.flatMap((metric) => [`${metric}@0.7`, `${metric}@3`, `${items[0]},${metric}@1e-3`].map((value) => ({ hyperparameters: { [name]: value, objective } }))),
      };
    }
    case 'no-callables':
      return {
        broken: [{ hyperparameters: { [name]: '<function my_metric at 0x7f3a>', objective }, code: 'algorithm-invalid-hyperparameter', at: '<function my_metric at 0x7f3a>', message: /Python function/ }],
        kept: [{ hyperparameters: { [name]: items[0], objective } }],
      };
    case 'gblinear-single-linear-updater':
      return {
        broken: [
          { hyperparameters: { [name]: rule.plugins.join(','), [rule.when.parameter]: rule.when.equals }, code: CONFLICT, at: rule.plugins.join(',') },
          { hyperparameters: { [name]: 'grow_colmaker', [rule.when.parameter]: rule.when.equals }, code: CONFLICT, at: 'grow_colmaker' },
        ],
        kept: rule.plugins.map((plugin) => ({ hyperparameters: { [name]: plugin, [rule.when.parameter]: rule.when.equals } })),
      };
    case 'process-update-plugins':
      return {
        broken: [{ hyperparameters: { [name]: `${rule.plugins[0]},grow_colmaker`, [rule.when.parameter]: rule.when.equals }, code: CONFLICT, at: `${rule.plugins[0]},grow_colmaker`, message: /not "grow_colmaker"/ }],
        kept: [{ hyperparameters: { [name]: rule.plugins.join(','), [rule.when.parameter]: rule.when.equals } }],
      };
    case 'single-tree-grow-plugin': {
      const grow = rule.growPlugins.filter((plugin) => items.includes(plugin));
      return {
        broken: [
          { hyperparameters: { [name]: grow.slice(0, 2).join(',') }, code: CONFLICT, at: grow.slice(0, 2).join(','), message: /at most one/ },
          { hyperparameters: { [name]: rule.rejectedPlugins[0] }, code: CONFLICT, at: rule.rejectedPlugins[0], message: /unless "booster" is gblinear/ },
        ],
        kept: grow.map((plugin) => ({ hyperparameters: { [name]: `${plugin},prune` } })),
      };
    }
    default:
      throw new Error(`no test case for the rule ${JSON.stringify(rule)}`);
  }
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
          // Required in every request: an error whatever the source, unless the sources dispute it.
          const disputed = facts.hyperparameter(name)!.disputed?.includes('required') === true;
          assert.equal(missing[0].severity, disputed ? 'warning' : 'error');
          if (!disputed) assert.match(missing[0].message, /SageMaker accepts the job, and it fails inside the container when it starts\.$/);
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
        for (const rule of hyperparameter.rules ?? []) {
          const { broken, kept } = ruleCases(facts, name, rule);
          it(`checks "${name}" with the container's ${rule.rule} rule: ${broken.length} request(s) refused, ${kept.length} kept`, () => {
            assert.ok(!('since' in rule) || facts.atLeast(rule.since), 'the table runs on a version every rule holds for');
            for (const request of broken) {
              const job = base();
              Object.assign(job.hyperparameters, request.hyperparameters);
              const text = trainingRequest(job);
              const found = algorithmFindings(text);
              // The range is the value inside its quotes, JSON escapes and all.
              assert.deepEqual(found.map((finding) => [finding.code, JSON.parse(`"${textAt(text, finding)}"`)]), [[request.code, request.at]], JSON.stringify(request.hyperparameters));
              assert.equal(found[0].severity, 'error');
              assert.match(found[0].message, /fails inside the container/);
              if (request.message) assert.match(found[0].message, request.message);
              if (request.code !== CONFLICT) continue;
              assert.deepEqual(found[0].fixes.map((fix) => fix.title), request.fix ? [`Add hyperparameter "${request.fix}"`] : []);
              if (!request.fix) continue;
              assert.equal(found[0].fixes[0].leavesPlaceholder, true);
              const fixed = applyFix(text, found[0]);
              assert.match(fixed, new RegExp(`"${request.fix}": ""`));
              // The placeholder is reported (as an empty value) until filled, and the conflict is gone.
              assert.deepEqual(algorithmFindings(fixed).map((finding) => [finding.code, textAt(fixed, finding)]), [['algorithm-invalid-hyperparameter', '']]);
            }
            for (const request of kept) {
              const job = base();
              Object.assign(job.hyperparameters, request.hyperparameters);
              assert.deepEqual(algorithmFindings(trainingRequest(job)).map((finding) => finding.message), [], JSON.stringify(request.hyperparameters));
            }
          });
        }
      }

      it(`reports an unknown hyperparameter name (${data.unknownHyperparameters === 'rejected' ? 'error' : 'warning'}) with a did-you-mean fix`, () => {
        const job = base();
        // A name the job does not set: a rename onto one it sets would write it twice.
        const unset = facts.hyperparameterNames.filter((name) => job.hyperparameters[name] === undefined);
        const target = unset.find((name) => name.length >= 6) ?? unset[0];
        const typo = `${target}s`;
        job.hyperparameters[typo] = validValue(facts, facts.hyperparameter(target)!);
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
            const found = findingsAt(trainingRequest(job), 'algorithm-channel', 'InputDataConfig').filter((finding) => finding.message.includes(`"${channel}"`));
            assert.equal(found.length, 1);
            // Required in every request (no mode condition): an error whatever the source.
            assert.equal(found[0].severity, channelData.modes ? (channelData.evidence === 'container' ? 'error' : 'warning') : 'error');
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
          // Refused at submission (GPU-only on CPU) and a stated CPU-only limit are errors; idle GPUs (CPU-only on GPU) a warning.
          assert.equal(found[0].severity, data.instances.cpu && !data.instances.gpuUnsupported ? 'warning' : 'error');
          if (!data.instances.cpu) assert.match(found[0].message, /refuses the job at submission/);
          else if (data.instances.gpuUnsupported) assert.match(found[0].message, /supports CPU instances only for training/);
          else assert.match(found[0].message, /the job runs and the GPUs stay idle/);
        });
      }
      if (data.instances.multiInstance === false) {
        it('trains on one instance: InstanceCount 2 is an error, with a fix to 1', () => {
          const job = base();
          job.instanceCount = 2;
          const text = trainingRequest(job);
          const found = findingsAt(text, 'algorithm-instance', '2');
          assert.equal(found.length, 1);
          assert.equal(found[0].severity, 'error');
          assert.equal(found[0].message, `The developer guide states ${facts.label} trains on a single instance only; InstanceCount 2 runs it outside what it supports.`);
          assert.ok(applyFix(text, found[0]).includes('"InstanceCount": 1'));
        });
      } else if (data.instances.multiInstance === true) {
        it('trains on several instances: InstanceCount 2 is not reported', () => {
          const job = base();
          job.instanceCount = 2;
          assert.equal(findingsAt(trainingRequest(job), 'algorithm-instance', '2').length, 0);
        });
      }

      // With a mode hyperparameter, the base job's mode (its first allowed value) decides the metrics.
      const modeHyperparameter = data.modeHyperparameter;
      const baseMode = modeHyperparameter === undefined ? undefined : base().hyperparameters[modeHyperparameter];
      const metrics = baseMode === undefined ? facts.metrics() : facts.metricsOfMode(baseMode);
      it(`reports an objective metric it does not emit${metrics.length > 0 ? ', and accepts its own' : ''}`, () => {
        const found = findingsAt(tuningRequest(base(), { MetricName: 'validation:not_a_metric', Type: 'Maximize' }, {}), 'algorithm-objective-metric', 'validation:not_a_metric');
        assert.equal(found.length, 1);
        for (const metric of metrics) {
          const type = facts.metricDirection(metric) ?? metric.type;
          assert.equal(algorithmFindings(tuningRequest(base(), { MetricName: metric.name, Type: type }, {})).filter((finding) => finding.code === 'algorithm-objective-metric').length, 0, metric.name);
        }
      });

      if (modeHyperparameter !== undefined) {
        const modes = facts.hyperparameter(modeHyperparameter)!.allowedValues!;
        for (const mode of modes) {
          const emitted = facts.metricsOfMode(mode);
          const others = facts.metrics().filter((metric) => !emitted.includes(metric));
          it(`${modeHyperparameter} "${mode}": accepts ${emitted.map((metric) => metric.name).join(', ')}; reports the ${others.length} metric(s) of other modes, fixing to one of its own`, () => {
            assert.ok(emitted.length > 0, 'every mode emits a metric');
            const job = () => ({ ...base(), hyperparameters: { ...base().hyperparameters, [modeHyperparameter]: mode } });
            for (const metric of emitted) {
              const text = tuningRequest(job(), { MetricName: metric.name, Type: metric.type }, {});
              assert.deepEqual(algorithmFindings(text).filter((finding) => finding.code === 'algorithm-objective-metric'), [], metric.name);
            }
            for (const metric of others) {
              const text = tuningRequest(job(), { MetricName: metric.name, Type: metric.type }, {});
              const found = findingsAt(text, 'algorithm-objective-metric', metric.name);
              assert.equal(found.length, 1, metric.name);
              assert.equal(found[0].severity, 'warning');
              const names = emitted.map((entry) => entry.name);
              assert.ok(found[0].message.startsWith(`${facts.label} with ${modeHyperparameter} "${mode}" emits ${names.length === 1 ? 'only ' : ''}`), found[0].message);
              for (const name of names) assert.ok(found[0].message.includes(name), `${found[0].message} names ${name}`);
              assert.match(found[0].message, /training jobs never report that metric/);
              // The fix lands on a metric of the mode, with that metric's direction; fix-all takes it only when the choice is forced.
              assert.ok(found[0].fixes.length > 0);
              assert.equal(found[0].fixes[0].preferred, names.length === 1);
              const fixed = JSON.parse(applyFix(text, found[0], found[0].fixes[0].title)).HyperParameterTuningJobConfig.HyperParameterTuningJobObjective as { MetricName: string; Type: string };
              const target = emitted.find((entry) => entry.name === fixed.MetricName);
              assert.ok(target, `${fixed.MetricName} is a metric of ${mode}`);
              assert.equal(fixed.Type, target.type);
            }
          });
        }

        // A computed mode is covered per host in algorithmModes.test.ts (a JSON spec has no computed values).
        it(`accepts every metric when ${modeHyperparameter} is absent (a tuning range, say)`, () => {
          const hyperparameters = Object.fromEntries(Object.entries(base().hyperparameters).filter(([name]) => name !== modeHyperparameter));
          for (const metric of facts.metrics()) {
            const text = tuningRequest({ ...base(), hyperparameters }, { MetricName: metric.name, Type: metric.type }, { CategoricalParameterRanges: [{ Name: modeHyperparameter, Values: modes }] });
            assert.deepEqual(algorithmFindings(text).filter((finding) => finding.code === 'algorithm-objective-metric'), [], metric.name);
          }
        });
      }

      for (const [mode, modeInstances] of Object.entries(data.instances.byMode ?? {})) {
        const job = (instanceType: string, instanceCount: number) => ({ ...base(), hyperparameters: { ...base().hyperparameters, [modeHyperparameter!]: mode }, instanceType, instanceCount });
        it(`${modeHyperparameter} "${mode}": ${modeInstances.gpu ? 'trains on GPU instances' : 'GPU instances are an error'}; ${modeInstances.multiInstance ? 'several instances pass' : 'InstanceCount 2 is an error, with a fix to 1'}`, () => {
          const gpu = findingsAt(trainingRequest(job('ml.p3.2xlarge', 1)), 'algorithm-instance', 'ml.p3.2xlarge');
          assert.deepEqual(gpu.map((finding) => finding.severity), modeInstances.gpu ? [] : ['error']);
          const text = trainingRequest(job('ml.m5.xlarge', 2));
          const count = findingsAt(text, 'algorithm-instance', '2');
          assert.deepEqual(count.map((finding) => finding.severity), modeInstances.multiInstance ? [] : ['error']);
          if (!modeInstances.multiInstance) {
            assert.match(count[0].message, new RegExp(`lists ${facts.label} ${modeHyperparameter} "${mode}" for a single instance only; InstanceCount 2`));
            assert.ok(applyFix(text, count[0]).includes('"InstanceCount": 1'));
          }
        });
      }

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
    // "csv" and "libsvm", as AWS's own tutorials passed them to the legacy image, besides the MIME types; others are still reported.
    const channel = (contentType: string) => trainingRequest({ image: legacy, hyperparameters: { num_round: '10' }, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: contentType }], instanceType: 'ml.m5.xlarge', instanceCount: 1 });
    for (const accepted of ['csv', 'libsvm', 'text/csv', 'text/libsvm']) assert.deepEqual(algorithmFindings(channel(accepted)), [], accepted);
    assert.equal(findingsAt(channel('parquet'), 'algorithm-content-type', 'parquet').length, 1);
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

  it('a channel whose name is the missing required one misspelt (`training` for train) is one finding, on the name, with the rename (found by a fresh user)', () => {
    const withChannels = (...names: string[]) => trainingRequest({ image: xgboost('1.7-1'), hyperparameters: { num_round: '10' }, channels: names.map((name) => ({ ChannelName: name, DataSource: S3, ContentType: 'text/csv' })), instanceType: 'ml.m5.xlarge', instanceCount: 1 });
    const text = withChannels('training', 'validation');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, textAt(text, finding)]), [['algorithm-channel', 'error', 'training']]);
    const [finding] = findings;
    assert.equal(
      finding.message,
      'XGBoost 1.7-1 has no channel "training" (it reads code, train and validation): SageMaker accepts the job, and it fails inside the container when it starts. It needs a "train" channel, which the job lacks: this one looks meant as "train".',
    );
    assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Change to "train"']);
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace('"ChannelName": "training"', '"ChannelName": "train"'));
    assert.deepEqual(algorithmFindings(fixed), []);
    // With train there, the extra name is only unknown; a name that is no clear misspelling leaves train missing, said on its own.
    assert.doesNotMatch(findingsAt(withChannels('train', 'training'), 'algorithm-channel', 'training')[0].message, /needs/);
    assert.deepEqual(algorithmFindings(withChannels('data')).map((found) => found.message.replace(/ \(it reads.*|\. SageMaker.*/, '')), ['XGBoost 1.7-1 has no channel "data"', 'XGBoost 1.7-1 needs a "train" channel in InputDataConfig']);
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

describe('XGBoost cross-hyperparameter rules: versions, tuning ranges, computed values, script mode', () => {
  const xgboost = (tag: string) => `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${tag}`;
  const channels = [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }];
  const job = (tag: string, hyperparameters: Record<string, string>): string =>
    trainingRequest({ image: xgboost(tag), hyperparameters: { num_round: '10', ...hyperparameters }, channels, instanceType: 'ml.m5.xlarge', instanceCount: 1 });
  const tuning = (hyperparameters: Record<string, string>, ranges: Json): string =>
    tuningRequest({ image: xgboost('1.7-1'), hyperparameters: { num_round: '10', ...hyperparameters }, channels, instanceType: 'ml.m5.xlarge', instanceCount: 1 }, { MetricName: 'validation:rmse', Type: 'Minimize' }, ranges);
  const conflicts = (text: string) => algorithmFindings(text).filter((finding) => finding.code === CONFLICT);

  it('eval_metric without objective fails from 1.2-1 on; before, only with auc', () => {
    assert.deepEqual(conflicts(job('1.0-1-cpu-py3', { eval_metric: 'rmse' })), []);
    const before = conflicts(job('1.0-1-cpu-py3', { eval_metric: 'rmse,auc' }));
    assert.deepEqual(before.map((finding) => finding.message), [
      'XGBoost 1.0-1 hyperparameter "eval_metric": the metric "auc" needs an objective starting with binary: or rank:, and "objective" is not set. SageMaker accepts the job, and it fails inside the container when it starts.',
    ]);
    assert.deepEqual(before[0].fixes.map((fix) => fix.title), ['Add hyperparameter "objective"']);
    // From 1.2-1 one finding says it, not one per metric rule.
    const after = conflicts(job('1.2-1', { eval_metric: 'rmse,auc' }));
    assert.deepEqual(after.map((finding) => finding.message), [
      'XGBoost 1.2-1 hyperparameter "eval_metric": "objective" must be set as well: the container reads it while checking "eval_metric", and stops with an error when it is missing. SageMaker accepts the job, and it fails inside the container when it starts.',
    ]);
  });

  it('gives a floating tag only the rules of every version', () => {
    assert.deepEqual(conflicts(job('latest', { eval_metric: 'rmse' })), []);
    assert.equal(conflicts(job('latest', { eval_metric: 'auc' })).length, 1);
    assert.equal(conflicts(job('latest', { eval_metric: 'auc', objective: 'binary:logistic' })).length, 0);
    assert.equal(conflicts(job('latest', { updater: 'grow_colmaker,grow_histmaker' })).length, 1);
  });

  it('accepts grow_local_histmaker up to 1.5-1 only', () => {
    assert.deepEqual(algorithmFindings(job('1.5-1', { updater: 'grow_local_histmaker,prune' })), []);
    assert.equal(conflicts(job('1.5-1', { updater: 'grow_local_histmaker,grow_colmaker' })).length, 1);
    assert.equal(findingsAt(job('1.7-1', { updater: 'grow_local_histmaker' }), 'algorithm-invalid-hyperparameter', 'grow_local_histmaker').length, 1);
  });

  it('counts a hyperparameter given as a tuning range as set, to a value not known', () => {
    const objective = { CategoricalParameterRanges: [{ Name: 'objective', Values: ['reg:squarederror', 'binary:logistic'] }] };
    assert.deepEqual(conflicts(tuning({ eval_metric: 'auc' }, objective)), []);
    assert.deepEqual(conflicts(tuning({ monotone_constraints: '(1,0)' }, { CategoricalParameterRanges: [{ Name: 'tree_method', Values: ['exact', 'approx'] }] })), []);
    assert.deepEqual(conflicts(tuning({ updater: 'shotgun' }, { CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'gblinear'] }] })), []);
    // Without the range, the same static hyperparameters are reported.
    assert.equal(conflicts(tuning({ eval_metric: 'auc' }, {})).length, 1);
    assert.equal(conflicts(tuning({ updater: 'shotgun' }, {})).length, 1);
  });

  it('leaves to algorithm-invalid-hyperparameter a value refused on its own, and what depends on it', () => {
    const refused = job('1.7-1', { eval_metric: 'auc,foo', objective: 'reg:squarederror' });
    assert.deepEqual(algorithmFindings(refused).map((finding) => [finding.code, textAt(refused, finding)]), [['algorithm-invalid-hyperparameter', 'auc,foo']]);
    const typo = job('1.7-1', { monotone_constraints: '(1,0)', tree_method: 'exct' });
    assert.deepEqual(algorithmFindings(typo).map((finding) => [finding.code, textAt(typo, finding)]), [['algorithm-invalid-hyperparameter', 'exct']]);
  });

  it('leaves script mode (sagemaker_program) alone', () => {
    assert.deepEqual(algorithmFindings(job('1.7-1', { eval_metric: 'auc', objective: 'reg:squarederror', sagemaker_program: 'train.py' })), []);
  });

  it('judges boto3 calls in Python, never a computed value or a map with computed members', () => {
    const boto3 = (hyperparameters: string) => `import boto3

boto3.client("sagemaker").create_training_job(
    TrainingJobName="churn",
    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification={"TrainingImage": "${xgboost('1.7-1')}", "TrainingInputMode": "File"},
    HyperParameters=${hyperparameters},
    InputDataConfig=[{"ChannelName": "train", "ContentType": "text/csv", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    const pythonConflicts = (text: string) => analyzePython(text, { algorithms: true }).filter((finding) => finding.code === CONFLICT);
    const text = boto3('{"num_round": "10", "eval_metric": "rmse"}');
    const [found, ...rest] = pythonConflicts(text);
    assert.deepEqual(rest, []);
    assert.equal(text.slice(found.offset, found.offset + found.length), 'rmse');
    assert.ok(applyPythonFix(text, found).includes('{"num_round": "10", "eval_metric": "rmse", "objective": ""}'));
    assert.deepEqual(pythonConflicts(boto3('{"num_round": "10", "eval_metric": "auc", "objective": objective}')), []);
    assert.deepEqual(pythonConflicts(boto3('{"num_round": "10", "eval_metric": "rmse", **extra}')), []);
    assert.deepEqual(pythonConflicts(boto3('{"num_round": "10", "eval_metric": metrics}')), []);
  });

  it('judges the SDK Estimator, adding the missing hyperparameter to set_hyperparameters(…)', () => {
    const text = `from sagemaker.estimator import Estimator

xgb = Estimator(image_uri="${xgboost('1.7-1')}", role=role, instance_count=1, instance_type="ml.m5.xlarge")
xgb.set_hyperparameters(num_round=10, eval_metric="rmse")
`;
    const found = analyzePython(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
    assert.deepEqual(found.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]), [[CONFLICT, 'rmse']]);
    assert.ok(applyPythonFix(text, found[0]).includes('xgb.set_hyperparameters(num_round=10, eval_metric="rmse", objective="")'));
  });

  it('is turned off like any code', () => {
    assert.deepEqual(analyzeText(job('1.7-1', { eval_metric: 'rmse' }), { algorithms: true, rules: { [CONFLICT]: 'off' } }).filter((finding) => finding.code === CONFLICT), []);
  });
});
