/**
 * No fix names something after a member, hyperparameter, channel, keyword argument, map key or
 * tuning range that is already there: the object would hold the name twice and only one of the
 * two would be sent (JSON and YAML readers keep the last; Python refuses a repeated keyword). The
 * message still says which name is near, and that it is taken. Fix-all also gives one name in one
 * place at most once per round, so two misspellings of one member never both become it.
 */
import * as assert from 'node:assert/strict';
import { applyPreferredFixes, type FixableAnalysis } from '../../src/core/fixAll';
import { analyzeDocument, readJsonDocument, readPythonDocument, readYamlDocument } from '../../src/core/hostDocument';
import type { HostLanguage } from '../../src/core/specDocument';
import { analyzePython } from './pythonTestKit';
import { analyzeOptions, analyzeText, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeYaml } from './yamlTestKit';

const IMAGE = `${XGBOOST_US_EAST_1}:1.7-1`;
const ROLE = 'arn:aws:iam::123456789012:role/R';

/** The fix-all of a text read by `host` as the checker reads a spec file, built-in algorithm rules on. */
function fixAll(text: string, host: HostLanguage = 'json'): { text: string; titles: string[] } {
  const analyze = (current: string): FixableAnalysis => {
    const document = host === 'python' ? readPythonDocument(current) : host === 'yaml' ? readYamlDocument(current, true) : readJsonDocument(current, true);
    return { document: { text: current, host }, findings: analyzeDocument(document, analyzeOptions({ algorithms: true })).findings };
  };
  const result = applyPreferredFixes(text, analyze);
  return { text: result.text, titles: result.applied.map((fix) => `${fix.code} ${fix.title}`) };
}

/** An XGBoost training job with `hyperparameters`, `channels` and output members, as JSON. */
function xgboostJob(hyperparameters: Record<string, string>, channels: string[] = ['train'], output: Record<string, string> = { S3OutputPath: 's3://b/o/' }): string {
  return JSON.stringify(
    {
      TrainingJobName: 'churn',
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
      HyperParameters: hyperparameters,
      InputDataConfig: channels.map((name) => ({ ChannelName: name, DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://b/${name}/` } } })),
      OutputDataConfig: output,
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    null,
    2,
  );
}

describe('fixes never give a name that is already there', () => {
  describe('unknown-property', () => {
    it('offers no rename to a member the object has, says it is there, and fix-all leaves the file alone', () => {
      const text = xgboostJob({ num_round: '100' }, ['train'], { S3OutputPath: 's3://b/o/', S3OutputUri: 's3://b/o2/' });
      const finding = only(analyzeText(text), 'unknown-property');
      assert.equal(textAt(text, finding), 'S3OutputUri');
      assert.deepEqual(finding.fixes.map((fix) => fix.title), []);
      assert.match(finding.message, /Did you mean "S3OutputPath"\? It is in this object already\.$/);
      assert.deepEqual(fixAll(text), { text, titles: [] });
    });

    it('still renames to the nearest member when the object lacks it', () => {
      const text = xgboostJob({ num_round: '100' }, ['train'], { S3OutputPth: 's3://b/o/' });
      assert.deepEqual(fixAll(text), { text: text.replace('S3OutputPth', 'S3OutputPath'), titles: ['unknown-property Change to "S3OutputPath"'] });
    });

    it('keeps the farther names on offer, none preferred, when the nearest is taken', () => {
      // "TrainingJobNam" is nearest "TrainingJobName" (there already); farther names are no sure fix.
      const text = trainingSpec(IMAGE, { TrainingJobNam: 'other' });
      const finding = only(analyzeText(text), 'unknown-property');
      assert.ok(!finding.fixes.some((fix) => fix.title === 'Change to "TrainingJobName"'));
      assert.ok(!finding.fixes.some((fix) => fix.preferred));
    });

    it('renames only one of two misspellings of one member in a fix-all, and reports the other as taken', () => {
      const text = xgboostJob({ num_round: '100' }, ['train'], { S3OutputPth: 's3://b/o/', S3OutputPat: 's3://b/o2/' });
      const fixed = fixAll(text);
      assert.deepEqual(fixed.titles, ['unknown-property Change to "S3OutputPath"']);
      assert.equal(fixed.text, text.replace('S3OutputPth', 'S3OutputPath'));
      const left = only(analyzeText(fixed.text), 'unknown-property');
      assert.equal(textAt(fixed.text, left), 'S3OutputPat');
      assert.match(left.message, /It is in this object already/);
    });

    it('never repeats a Python keyword argument (Python refuses "keyword argument repeated")', () => {
      const text = `import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(\n    ModelName="churn",\n    ExecutionRoleArn="${ROLE}",\n    ExecutionRoleARN="${ROLE}x",\n    PrimaryContainer={"Image": "${IMAGE}"},\n)\n`;
      const finding = only(analyzePython(text), 'unknown-property');
      assert.equal(textAt(text, finding), 'ExecutionRoleARN');
      assert.deepEqual(finding.fixes, []);
      assert.deepEqual(fixAll(text, 'python'), { text, titles: [] });
    });

    it('never repeats a YAML key', () => {
      const text = `TrainingJobName: churn\nRoleArn: ${ROLE}\nAlgorithmSpecification:\n  TrainingImage: ${IMAGE}\n  TrainingInputMode: File\nHyperParameters:\n  num_round: "100"\nInputDataConfig:\n  - ChannelName: train\n    DataSource:\n      S3DataSource:\n        S3DataType: S3Prefix\n        S3Uri: s3://b/t/\nOutputDataConfig:\n  S3OutputPath: s3://b/o/\n  S3OutputUri: s3://b/o2/\nResourceConfig:\n  InstanceType: ml.m5.xlarge\n  InstanceCount: 1\n  VolumeSizeInGB: 10\nStoppingCondition:\n  MaxRuntimeInSeconds: 3600\n`;
      const finding = only(analyzeYaml(text, { forced: true }), 'unknown-property');
      assert.deepEqual(finding.fixes, []);
      assert.deepEqual(fixAll(text, 'yaml'), { text, titles: [] });
    });
  });

  describe('map keys (pattern-mismatch)', () => {
    it('offers no key its map has already: "MY-VAR" beside "MY_VAR"', () => {
      const text = trainingSpec(IMAGE, { Environment: { MY_VAR: '1', 'MY-VAR': '2' } });
      const finding = only(analyzeText(text), 'pattern-mismatch');
      assert.equal(textAt(text, finding), 'MY-VAR');
      assert.deepEqual(finding.fixes, []);
      assert.match(finding.message, /"MY_VAR", its nearest valid form, is a key of this map already/);
    });

    it('still offers the valid form when the map lacks it', () => {
      const text = trainingSpec(IMAGE, { Environment: { 'MY-VAR': '2' } });
      assert.deepEqual(only(analyzeText(text), 'pattern-mismatch').fixes.map((fix) => [fix.title, fix.preferred]), [['Use "MY_VAR"', true]]);
    });
  });

  describe('built-in algorithm hyperparameters', () => {
    it('offers no hyperparameter the map sets already, by its name or an alias ("learning_rat" beside "learning_rate", an alias of eta)', () => {
      const text = xgboostJob({ num_round: '100', learning_rate: '0.3', learning_rat: '0.2' });
      const finding = only(analyzeText(text, { algorithms: true }), 'algorithm-unknown-hyperparameter');
      assert.equal(textAt(text, finding), 'learning_rat');
      assert.ok(!finding.fixes.some((fix) => fix.preferred), JSON.stringify(finding.fixes.map((fix) => fix.title)));
      assert.deepEqual(fixAll(text), { text, titles: [] });
    });

    it('offers no rename onto a hyperparameter written later in the map', () => {
      const text = xgboostJob({ num_rounds: '50', num_round: '100' });
      const finding = only(analyzeText(text, { algorithms: true }), 'algorithm-unknown-hyperparameter');
      assert.ok(!finding.fixes.some((fix) => fix.title === 'Change to "num_round"'));
      assert.match(finding.message, /Did you mean "num_round"\? It is set already\./);
    });

    it('offers no rename onto a hyperparameter a tuning range sets, and says so (found by a fresh user)', () => {
      const tuning = JSON.stringify({
        HyperParameterTuningJobName: 't',
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          HyperParameterTuningJobObjective: { MetricName: 'validation:auc', Type: 'Maximize' },
          ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
          ParameterRanges: { IntegerParameterRanges: [{ Name: 'num_round', MinValue: '10', MaxValue: '100' }] },
        },
        TrainingJobDefinition: {
          AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
          RoleArn: ROLE,
          StaticHyperParameters: { objective: 'binary:logistic', num_rounds: '5' },
          InputDataConfig: ['train', 'validation'].map((name) => ({ ChannelName: name, DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://b/${name}` } } })),
          OutputDataConfig: { S3OutputPath: 's3://b/o' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      }, null, 2);
      const finding = only(analyzeText(tuning, { algorithms: true }), 'algorithm-unknown-hyperparameter');
      assert.ok(!finding.fixes.some((fix) => fix.title === 'Change to "num_round"'));
      assert.match(finding.message, /Did you mean "num_round"\? It has a tuning range already\.$/);
      assert.deepEqual(fixAll(tuning).titles, []);
    });

    it('still renames a misspelt hyperparameter the map lacks', () => {
      const text = xgboostJob({ num_rounds: '100' });
      assert.deepEqual(fixAll(text), { text: text.replace('num_rounds', 'num_round'), titles: ['algorithm-unknown-hyperparameter Change to "num_round"'] });
    });
  });

  describe('built-in algorithm channels', () => {
    it('offers no channel name another channel has, and says so', () => {
      const text = xgboostJob({ num_round: '100' }, ['train', 'trian']);
      const finding = only(analyzeText(text, { algorithms: true }), 'algorithm-channel');
      assert.equal(textAt(text, finding), 'trian');
      assert.ok(!finding.fixes.some((fix) => fix.title === 'Change to "train"'));
      assert.ok(!finding.fixes.some((fix) => fix.preferred));
      assert.match(finding.message, /The nearest, "train", is another channel of this job already\./);
      assert.deepEqual(fixAll(text), { text, titles: [] });
    });

    it('renames one of two misspellings of one channel in a fix-all', () => {
      const text = xgboostJob({ num_round: '100' }, ['trian', 'trainn']);
      const fixed = fixAll(text);
      assert.deepEqual(fixed.titles, ['algorithm-channel Change to "train"']);
      assert.equal((fixed.text.match(/"ChannelName": "train"/g) ?? []).length, 1);
    });
  });

  describe('tuning ranges', () => {
    it('gives one range name once in a fix-all when two misspellings are nearest it', () => {
      const text = JSON.stringify(
        {
          HyperParameterTuningJobName: 'tune',
          HyperParameterTuningJobConfig: {
            Strategy: 'Bayesian',
            HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:rmse' },
            ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
            ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_dept', MinValue: '2', MaxValue: '8' }, { Name: 'max_deptth', MinValue: '3', MaxValue: '9' }] },
          },
          TrainingJobDefinition: {
            AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
            RoleArn: ROLE,
            StaticHyperParameters: { num_round: '100' },
            InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t/' } } }, { ChannelName: 'validation', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/v/' } } }],
            OutputDataConfig: { S3OutputPath: 's3://b/o/' },
            ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
        },
        null,
        2,
      );
      const fixed = fixAll(text);
      assert.deepEqual(fixed.titles, ['algorithm-parameter-range Change to "max_depth"']);
      assert.equal((fixed.text.match(/"Name": "max_depth"/g) ?? []).length, 1);
    });
  });
});

describe('fix-all after a fresh user tried to break it', () => {
  const model = (extra: Record<string, unknown>) =>
    JSON.stringify({ ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, ...extra } }, null, 2);

  it('gives a map key once per round: "A-B" and "A.B" do not both become "A_B"', () => {
    const text = model({ Environment: { 'A-B': '3', 'A.B': '4' } });
    const fixed = fixAll(text);
    const keys = Object.keys((JSON.parse(fixed.text) as { PrimaryContainer: { Environment: Record<string, string> } }).PrimaryContainer.Environment);
    assert.equal(new Set(keys).size, keys.length, `no key twice: ${keys.join(', ')}`);
    assert.ok(keys.includes('A_B'), keys.join(', '));
  });

  it('applies no rename that is only a guess (an unknown key far from every member)', () => {
    const text = model({}).replace('"ModelName": "m",', '"ModelName": "m",\n  "base": {},');
    const finding = only(analyzeText(text), 'unknown-property');
    assert.ok(finding.fixes.every((fix) => !fix.preferred), finding.fixes.map((fix) => fix.title).join(', '));
    assert.deepEqual(fixAll(text).titles.filter((title) => title.startsWith('unknown-property')), []);
  });

  it('applies no enum value far from what was written ("File # …" is not "FastFile")', () => {
    const text = trainingSpec(IMAGE, {}, { TrainingInputMode: 'File # sagemaker-spec-disable-line invalid-enum-value' });
    const finding = only(analyzeText(text), 'invalid-enum-value');
    assert.ok(finding.fixes.every((fix) => !fix.preferred));
    // A shortened value is still a clear fix.
    const shortened = model({ Mode: 'Single' });
    assert.equal(only(analyzeText(shortened), 'invalid-enum-value').fixes.find((fix) => fix.preferred)?.title, 'Use "SingleModel"');
  });
});
