import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { intent, type QuickFix } from '../../src/core/edits/editIntent';
import { applyPreferredFixes, unambiguousFix, type FixableAnalysis } from '../../src/core/fixAll';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readPythonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { boto3Script } from './pythonTestKit';
import { algorithms, apiModel, catalog, instanceGpus, trainingSpec } from './specTestKit';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const XGBOOST_US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

function analyzeJson(text: string): FixableAnalysis {
  const findings = analyzeDocument(readJsonDocument(text, true), { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings;
  return { document: { text, host: 'json' }, findings };
}

function analyzePythonText(text: string): FixableAnalysis {
  const findings = analyzeDocument(readPythonDocument(text), { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings;
  return { document: { text, host: 'python' }, findings };
}

function analyzeJsonWorkflow(text: string): FixableAnalysis {
  const findings = analyzeDocument(readJsonDocument(text), { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings;
  return { document: { text, host: 'json' }, findings };
}

function finding(fixes: QuickFix[]): Finding {
  return { code: 'x', message: 'm', severity: 'error', offset: 0, length: 1, fixes };
}

describe('applyPreferredFixes (fix everything at once)', () => {
  it('applies every unambiguous preferred fix in a JSON spec, re-analysing until a fix reveals no more', () => {
    // The wrong DNS suffix hides the wrong account: fixing the first reveals the second.
    const before = trainingSpec('246618743249.dkr.ecr.us-east-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1', {}, { TrainingInputMode: 'Fil' });
    const result = applyPreferredFixes(before, analyzeJson);
    assert.equal(result.text, trainingSpec(XGBOOST_US_EAST_1, {}, { TrainingInputMode: 'File' }));
    assert.deepEqual(result.applied, [
      { code: 'unknown-region', title: 'Use amazonaws.com', line: 5, column: 54 },
      { code: 'invalid-enum-value', title: 'Use "File"', line: 6, column: 27 },
      { code: 'registry-account-mismatch', title: 'Use account 683313688378', line: 5, column: 23 },
    ]);
    assert.deepEqual(analyzeJson(result.text).findings, []);
  });

  it('applies Python fixes in Python syntax', () => {
    const request = { TrainingJobName: 'job', RoleArn: 'arn:aws:iam::123456789012:role/R', AlgorithmSpecification: { TrainingImage: XGBOOST_US_EAST_1.replace('683313688378', '246618743249'), TrainingInputMode: 'File' } };
    const before = boto3Script('CreateTrainingJob', request);
    const result = applyPreferredFixes(before, analyzePythonText);
    assert.equal(result.text, before.replace('246618743249', '683313688378'));
    assert.deepEqual(result.applied.map((fix) => fix.code), ['registry-account-mismatch']);
  });

  it('never applies a fix that leaves a blank to fill (Add VpcConfig), and reports nothing applied', () => {
    const before = fs.readFileSync(path.join(EXAMPLES, 'broken-missing-vpc-config.sagemaker.json'), 'utf8');
    assert.ok(analyzeJson(before).findings.some((found) => found.code === 'missing-vpc-config'));
    assert.deepEqual(applyPreferredFixes(before, analyzeJson), { text: before, applied: [] });
  });

  it('never applies a fix that changes what the job runs: a newer XGBoost for ":1", VPC access for a private registry', () => {
    const unpinned = trainingSpec('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1');
    assert.ok(analyzeJson(unpinned).findings.some((found) => found.code === 'xgboost-unpinned' && found.fixes.some((fix) => fix.preferred)));
    assert.deepEqual(applyPreferredFixes(unpinned, analyzeJson), { text: unpinned, applied: [] });
    const privateRegistry = trainingSpec('registry.example.com/team/train:1.0');
    assert.ok(analyzeJson(privateRegistry).findings.some((found) => found.code === 'private-registry-needs-vpc-access'));
    assert.deepEqual(applyPreferredFixes(privateRegistry, analyzeJson).applied.filter((fix) => fix.code === 'private-registry-needs-vpc-access'), []);
  });

  it('takes one of two overlapping fixes per round and analyses again before the other', () => {
    const text = '{"TrainingInputMode": "Fil"}';
    const value = parseTree(text)!.children![0].children![1];
    const toFile: QuickFix = { title: 'Use "File"', preferred: true, intents: [intent.replaceValue(value, 'File')] };
    const toPipe: QuickFix = { title: 'Use "Pipe"', preferred: true, intents: [intent.replaceValue(value, 'Pipe')] };
    const rounds: string[] = [];
    const result = applyPreferredFixes(text, (current) => {
      rounds.push(current);
      // The second round's text no longer has the problem: the waiting fix is not applied.
      return { document: { text: current }, findings: rounds.length === 1 ? [finding([toFile]), finding([toPipe])] : [] };
    });
    assert.equal(result.text, '{"TrainingInputMode": "File"}');
    assert.deepEqual(rounds, [text, result.text]);
    assert.deepEqual(result.applied.map((fix) => fix.title), ['Use "File"']);
  });

  it('applies none of the fixes that undo each other, so a second run leaves the text as the first did', () => {
    const flip = (text: string): FixableAnalysis => {
      const value = parseTree(text)!.children![0].children![1];
      const other = value.value === 'a' ? 'b' : 'a';
      return { document: { text }, findings: [finding([{ title: `Use ${other}`, preferred: true, intents: [intent.replaceValue(value, other)] }])] };
    };
    const result = applyPreferredFixes('{"k": "a"}', flip);
    assert.equal(result.text, '{"k": "a"}');
    assert.deepEqual(result.applied, []);
    assert.equal(result.rounds, undefined);
    assert.equal(result.undone, 2);
    // Fixes applied before the cycle began stay: a cycle of two after a fix that settles.
    const settleThenFlip = (text: string): FixableAnalysis => {
      const [first, second] = parseTree(text)!.children!.map((property) => property.children![1]);
      const [node, value] = first.value === 'typo' ? [first, 'fixed'] : [second, second.value === 'a' ? 'b' : 'a'];
      return { document: { text }, findings: [finding([{ title: `Use ${value}`, preferred: true, intents: [intent.replaceValue(node, value)] }])] };
    };
    const settled = applyPreferredFixes('{"j": "typo", "k": "a"}', settleThenFlip);
    assert.equal(settled.text, '{"j": "fixed", "k": "a"}');
    assert.deepEqual(settled.applied.map((fix) => fix.title), ['Use fixed']);
    assert.equal(settled.rounds?.length, 1);
    assert.equal(settled.undone, 2);
  });

  describe('leaves numbers outside their limits to the user (moving one to its limit changes cost or run time)', () => {
    it('a pipeline parameter\'s DefaultValue: "Use 21600" stays preferred, marked as changing behaviour, and is not applied', () => {
      const pipeline = JSON.stringify(
        {
          Version: '2020-12-01',
          Parameters: [{ Name: 'KeepAlive', Type: 'Integer', DefaultValue: 86400 }],
          Steps: [
            {
              Name: 'Train',
              Type: 'Training',
              Arguments: {
                AlgorithmSpecification: { TrainingImage: XGBOOST_US_EAST_1, TrainingInputMode: 'File' },
                OutputDataConfig: { S3OutputPath: 's3://b/o/' },
                ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: { Get: 'Parameters.KeepAlive' } },
                RoleArn: 'arn:aws:iam::123456789012:role/R',
                StoppingCondition: { MaxRuntimeInSeconds: 3600 },
              },
            },
          ],
        },
        null,
        2,
      );
      const analysis = analyzeJsonWorkflow(pipeline);
      const range = analysis.findings.find((found) => found.code === 'value-out-of-range')!;
      assert.deepEqual(range.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Use 21600', true, true]]);
      assert.deepEqual(applyPreferredFixes(pipeline, analyzeJsonWorkflow), { text: pipeline, applied: [] });
    });

    it('a Step Functions task in YAML: InitialInstanceCount 0 is not turned into 1', () => {
      const machine = [
        'StartAt: CreateEndpointConfig',
        'States:',
        '  CreateEndpointConfig:',
        '    Type: Task',
        '    Resource: arn:aws:states:::sagemaker:createEndpointConfig',
        '    Parameters:',
        '      EndpointConfigName.$: $.name',
        '      ProductionVariants:',
        '        - VariantName: AllTraffic',
        '          ModelName.$: $.name',
        '          InstanceType: ml.g5.xlarge',
        '          InitialInstanceCount: 0',
        '    End: true',
        '',
      ].join('\n');
      const analyze = (text: string): FixableAnalysis => ({
        document: { text, host: 'yaml' },
        findings: analyzeDocument(readYamlDocument(text), { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings,
      });
      const range = analyze(machine).findings.find((found) => found.code === 'value-out-of-range')!;
      assert.deepEqual(range.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Use 1', true, true]]);
      assert.deepEqual(applyPreferredFixes(machine, analyze), { text: machine, applied: [] });
    });

    it('a built-in algorithm hyperparameter above its bound gets no replacement at all (only spellings of the same number are fixed)', () => {
      const hyperparameters = (eta: string, round: string) => trainingSpec(XGBOOST_US_EAST_1, {
        HyperParameters: { num_round: round, eta },
        InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t/' } } }],
      });
      const analyze = (text: string): FixableAnalysis => ({
        document: { text },
        findings: analyzeDocument(readJsonDocument(text, true), { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} } }).findings,
      });
      // eta is in [0, 1]: 2 is not moved to 1. "100.0" for an integer is the same number, written as int() reads it.
      const before = hyperparameters('2', '100.0');
      const invalid = analyze(before).findings.filter((found) => found.code === 'algorithm-invalid-hyperparameter');
      assert.deepEqual(invalid.map((found) => [before.slice(found.offset, found.offset + found.length), found.fixes.map((fix) => fix.title)]), [['100.0', ['Change to "100"']], ['2', []]]);
      const result = applyPreferredFixes(before, analyze);
      assert.equal(result.text, hyperparameters('2', '100'));
      assert.deepEqual(result.applied.map((fix) => fix.title), ['Change to "100"']);
    });
  });

  it('never applies a rename onto a member its object has, whichever rule offers it', () => {
    const text = '{"S3OutputPath": "s3://b/o/", "S3OutputUri": "s3://b/o2/"}';
    const key = parseTree(text)!.children![1].children![0];
    const rename: QuickFix = { title: 'Change to "S3OutputPath"', preferred: true, intents: [intent.renameMember(key, 'S3OutputPath')] };
    assert.deepEqual(applyPreferredFixes(text, (current) => ({ document: { text: current }, findings: current === text ? [finding([rename])] : [] })), { text, applied: [] });
  });

  it('a member added by setMember and a rename to that name in the same object are not both applied in one round', () => {
    const text = '{"rows": {"eu-wset-2": 1}}';
    const rows = parseTree(text)!.children![0].children![1];
    const key = rows.children![0].children![0];
    const add: QuickFix = { title: 'Add eu-west-2', preferred: true, intents: [intent.setMember(rows, ['eu-west-2'], 2)] };
    const rename: QuickFix = { title: 'Rename eu-wset-2', preferred: true, intents: [intent.renameMember(key, 'eu-west-2')] };
    // The re-analysis of the first round's text finds nothing left: one eu-west-2, never two.
    const result = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'json' }, findings: current === text ? [finding([add]), finding([rename])] : [] }));
    assert.deepEqual(result.applied.map((fix) => fix.title), ['Add eu-west-2']);
    assert.deepEqual(JSON.parse(result.text), { rows: { 'eu-wset-2': 1, 'eu-west-2': 2 } });
  });

  describe('lists only fixes whose edits are in the final text', () => {
    /** Round 1 writes "b" over "a"; round 2 writes over `second` of the round-2 text. */
    function twoRounds(second: { from: number; to: number; text: string }) {
      return (text: string): FixableAnalysis => {
        const value = parseTree(text)!.children![0].children![1];
        if (value.value === 'a') return { document: { text }, findings: [finding([{ title: 'Use b', preferred: true, intents: [intent.replaceValue(value, 'b')] }])] };
        if (text.includes(second.text)) return { document: { text }, findings: [] };
        const node = { ...value, offset: second.from, length: second.to - second.from, value: text.slice(second.from + 1, second.to - 1) };
        return { document: { text }, findings: [finding([{ title: `Use ${second.text}`, preferred: true, intents: [intent.replaceValue(node, second.text)] }])] };
      };
    }

    it('leaves out a fix a later round rewrote', () => {
      // '{"k": "b"}': round 2 rewrites the whole string round 1 wrote.
      const result = applyPreferredFixes('{"k": "a"}', twoRounds({ from: 6, to: 9, text: 'c' }));
      assert.equal(result.text, '{"k": "c"}');
      assert.deepEqual(result.applied.map((fix) => fix.title), ['Use c']);
    });

    it('keeps a fix whose text a later round only moved', () => {
      // Round 2 rewrites the key, before round 1's value: the value moves and stays.
      const result = applyPreferredFixes('{"k": "a"}', twoRounds({ from: 1, to: 4, text: 'key' }));
      assert.equal(result.text, '{"key": "b"}');
      assert.deepEqual(result.applied.map((fix) => fix.title), ['Use b', 'Use key']);
    });
  });

  it('moves an image SageMaker pulls from another region with one fix, never fixing its account for the old region first', () => {
    // An image in eu-west-1 under us-east-1's XGBoost account, checked for us-east-1: both wrong.
    const before = `\r\n${trainingSpec('683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1').replace(/\n/g, '\r\n')}`;
    const analyze = (text: string): FixableAnalysis => ({
      document: { text },
      findings: analyzeDocument(readJsonDocument(text, true), { catalog, apiModel, instanceGpus, regionInputs: { regionSetting: 'us-east-1', env: {} } }).findings,
    });
    assert.deepEqual(analyze(before).findings.map((found) => [found.code, found.fixes.map((fix) => fix.title)]), [
      ['image-region-mismatch', ['Use the us-east-1 registry (683313688378.dkr.ecr.us-east-1.amazonaws.com)']],
    ]);
    const result = applyPreferredFixes(before, analyze);
    assert.equal(result.text, before.replace('eu-west-1', 'us-east-1'));
    assert.deepEqual(result.applied.map((fix) => fix.code), ['image-region-mismatch']);
    assert.deepEqual(analyze(result.text).findings, []);
  });

  it('counts a fix unambiguous only when it is the single preferred one and leaves no placeholder', () => {
    const value = parseTree('{"k": 1}')!.children![0].children![1];
    const fix = (title: string, extra: Partial<QuickFix> = {}): QuickFix => ({ title, intents: [intent.replaceValue(value, 2)], ...extra });
    assert.equal(unambiguousFix(finding([fix('a', { preferred: true }), fix('b')]))?.title, 'a');
    assert.equal(unambiguousFix(finding([fix('a'), fix('b')])), undefined);
    assert.equal(unambiguousFix(finding([fix('a', { preferred: true }), fix('b', { preferred: true })])), undefined);
    assert.equal(unambiguousFix(finding([fix('a', { preferred: true, leavesPlaceholder: true })])), undefined);
    assert.equal(unambiguousFix(finding([fix('a', { preferred: true, changesBehaviour: true })])), undefined);
  });

  describe('the syntax check, once per round', () => {
    it('leaves out the one fix whose edit would break the text, and applies the rest', () => {
      const text = '{"a": "xy", "b": 1}';
      const root = parseTree(text)!;
      const b = root.children![1].children![1];
      // A node that covers half a string (`"x`): replacing it leaves a stray `y"`.
      const broken = { type: 'string', offset: text.indexOf('"xy"'), length: 2 } as typeof b;
      const fixes = [
        finding([{ title: 'break', intents: [intent.replaceValue(broken, 'z')], preferred: true }]),
        { ...finding([{ title: 'two', intents: [intent.replaceValue(b, 2)], preferred: true }]), offset: b.offset },
      ];
      const result = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'json' }, findings: current === text ? fixes : [] }));
      assert.equal(result.text, '{"a": "xy", "b": 2}');
      assert.deepEqual(result.applied.map((fix) => fix.title), ['two']);
    });

    it('applies hundreds of fixes of one round together', () => {
      const items = Array.from({ length: 300 }, (_, index) => `{"n": ${index}}`);
      const text = `[${items.join(', ')}]`;
      const nodes = parseTree(text)!.children!.map((item) => item.children![0].children![1]);
      const findings = nodes.map((node) => ({ ...finding([{ title: 'one more', intents: [intent.replaceValue(node, Number(node.value) + 1)], preferred: true }]), offset: node.offset }));
      const result = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'json' }, findings: current === text ? findings : [] }));
      assert.equal(result.text, `[${items.map((_, index) => `{"n": ${index + 1}}`).join(', ')}]`);
      assert.equal(result.applied.length, 300);
    });
  });
});
