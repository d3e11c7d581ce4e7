// Fix-all on Python: fixes are rendered without each one's own syntax check (two parses of the
// whole text per fix made `check --fix` quadratic), the round's edits are checked together, and a
// round that would add a syntax error is redone fix by fix, so none is ever left.
import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { intent, type QuickFix } from '../../src/core/edits/editIntent';
import { applyPreferredFixes, type FixableAnalysis } from '../../src/core/fixAll';
import { applyEdits, type Finding } from '../../src/core/findings';
import { errorNodeCount, pythonParseCount } from '../../src/core/hosts/python/pythonSyntax';
import { renderFix } from '../../src/core/renderFix';
import { analyzePython } from './pythonTestKit';

/** A CreateTrainingJob call with a misspelt instance type (`ml.m5.xlarg`: one preferred fix), named `name`. */
function trainingCall(name: string): string {
  return [
    `sm.create_training_job(`,
    `    TrainingJobName="${name}",`,
    `    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",`,
    `    AlgorithmSpecification={"TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1", "TrainingInputMode": "File"},`,
    `    OutputDataConfig={"S3OutputPath": "s3://bucket/out"},`,
    `    ResourceConfig={"InstanceType": "ml.m5.xlarg", "InstanceCount": 1, "VolumeSizeInGB": 10},`,
    `    StoppingCondition={"MaxRuntimeInSeconds": 3600},`,
    `)`,
  ].join('\n');
}

function module(calls: number): string {
  return ['import boto3', '', 'sm = boto3.client("sagemaker")', ...Array.from({ length: calls }, (_, index) => trainingCall(`job-${index}`)), ''].join('\n');
}

function analyzePythonText(text: string): FixableAnalysis {
  return { document: { text, host: 'python' }, findings: analyzePython(text) };
}

function finding(fixes: QuickFix[], offset = 0): Finding {
  return { code: 'x', message: 'm', severity: 'error', offset, length: 1, fixes };
}

/** How many times parsePython runs during `run`. */
function parsesDuring(run: () => void): number {
  const before = pythonParseCount.value;
  run();
  return pythonParseCount.value - before;
}

describe('Python fix rendering and fix-all: one syntax check per round, never a syntax error left', () => {
  it('renders a fix without parsing the text when told not to verify it, and with two parses when told to', () => {
    const text = module(1);
    const fix = analyzePython(text).find((candidate) => candidate.code === 'invalid-enum-value')!.fixes.find((candidate) => candidate.preferred)!;
    const document = { text, host: 'python' as const };
    let unverified: string | undefined;
    assert.equal(parsesDuring(() => (unverified = applyEdits(text, renderFix(document, fix, false)!.edits))), 0);
    assert.equal(unverified, text.replace('ml.m5.xlarg"', 'ml.m5.xlarge"'));
    let verified: string | undefined;
    assert.equal(parsesDuring(() => (verified = applyEdits(text, renderFix(document, fix)!.edits))), 2, 'the text and the text after the fix');
    assert.equal(verified, unverified);
  });

  it('fixes 40 calls with a few parses per round, not two per fix', () => {
    const text = module(40);
    let result: ReturnType<typeof applyPreferredFixes> | undefined;
    const parses = parsesDuring(() => (result = applyPreferredFixes(text, analyzePythonText)));
    assert.equal(result!.applied.length, 40);
    assert.equal(result!.text, text.replaceAll('ml.m5.xlarg"', 'ml.m5.xlarge"'));
    // Each round: one analysis, one check of its edits together (the text before and after).
    assert.ok(parses <= 3 * result!.rounds!.length + 3, `${parses} parses in ${result!.rounds!.length} rounds`);
    assert.equal(errorNodeCount(result!.text), 0);
  });

  it('leaves out the one fix whose edit would break the text, and applies the rest', () => {
    const text = 'x = {"a": "xy", "b": 1}\n';
    // A node that covers half a string (`"x`): replacing it leaves a stray `y"`.
    const broken = { type: 'string', offset: text.indexOf('"xy"'), length: 2 } as Node;
    const one = { type: 'number', offset: text.indexOf('1'), length: 1, value: 1 } as Node;
    const findings = [
      finding([{ title: 'break', intents: [intent.replaceValue(broken, 'z')], preferred: true }], broken.offset),
      finding([{ title: 'two', intents: [intent.replaceValue(one, 2)], preferred: true }], one.offset),
    ];
    // Rendered unverified, the break goes through: the round's check is what catches it.
    assert.ok(errorNodeCount(applyEdits(text, renderFix({ text, host: 'python' }, findings[0].fixes[0], false)!.edits)) > 0);
    const result = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'python' }, findings: current === text ? findings : [] }));
    assert.equal(result.text, 'x = {"a": "xy", "b": 2}\n');
    assert.deepEqual(result.applied.map((fix) => fix.title), ['two']);
    assert.equal(errorNodeCount(result.text), 0);
  });
});
