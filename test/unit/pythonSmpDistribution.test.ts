import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython } from './pythonTestKit';
import { textAt } from './specTestKit';

/** Each framework finding as `code @ offset "text it points at": message`. */
function framework(text: string): string[] {
  return analyzePython(text)
    .filter((finding: Finding) => ['unknown-framework-version', 'image-scope-unavailable', 'py-version-mismatch', 'image-processor-mismatch'].includes(finding.code))
    .map((finding) => `${finding.code} @ ${finding.offset} "${textAt(text, finding)}": ${finding.message}`);
}

const HEAD = 'from sagemaker.pytorch import PyTorch\nrole = "arn:aws:iam::123456789012:role/R"\n';
const SMP = '{"torch_distributed": {"enabled": True}, "smdistributed": {"modelparallel": {"enabled": True, "parameters": {"tensor_parallel_degree": 8}}}}';

/** A PyTorch estimator on ml.p4d with `distribution` and `framework_version` as written, py311. */
function estimator(distribution: string, version: string, more = ''): string {
  return `${HEAD}est = PyTorch(entry_point="train.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=2, distribution=${distribution}, py_version="py311", framework_version="${version}"${more})\n`;
}

describe('Python: a PyTorch estimator with SMP v2 (torch_distributed + smdistributed modelparallel) trains on pytorch-smp, as get_training_image_uri switches it', () => {
  it('accepts pytorch-smp\'s versions and aliases that PyTorch lacks: 2.4.1 and 2.3.1 (21 false errors in amazon-sagemaker-examples)', () => {
    assert.deepEqual(framework(estimator(SMP, '2.4.1')), []);
    assert.deepEqual(framework(estimator(SMP, '2.3.1')), []);
  });

  it('reads the distribution through a name bound once, and without "enabled" (the SDK\'s .get("enabled", True))', () => {
    const bound = `${HEAD}smp = {"torch_distributed": {"enabled": True}, "smdistributed": {"modelparallel": {"parameters": {}}}}\nest = PyTorch(entry_point="t.py", role=role, instance_type="ml.p5.48xlarge", instance_count=1, distribution=smp, py_version="py311", framework_version="2.4.1")\n`;
    assert.deepEqual(framework(bound), []);
  });

  it('reports a version pytorch-smp lacks in PyTorch SMP\'s words, with its versions as the nearest', () => {
    const text = estimator(SMP, '2.9.9');
    assert.deepEqual(framework(text), [
      `unknown-framework-version @ ${text.indexOf('2.9.9')} "2.9.9": PyTorch SMP has no version "2.9.9" for training. Nearest: 2.8.0, 2.7.0, 2.5.0.`,
    ]);
    const finding = analyzePython(text).find((found) => found.code === 'unknown-framework-version')!;
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Use version 2.8.0', 'Use version 2.7.0', 'Use version 2.5.0']);
  });

  it('judges py_version and the instance\'s processor against the pytorch-smp image the alias resolves to', () => {
    const py = `${HEAD}est = PyTorch(entry_point="t.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=1, distribution=${SMP}, py_version="py310", framework_version="2.4.1")\n`;
    assert.deepEqual(framework(py), [`py-version-mismatch @ ${py.indexOf('py310')} "py310": PyTorch SMP 2.7.0 (training) is built for py311, not "py310".`]);
    const cpu = estimator(SMP, '2.4.1').replace('ml.p4d.24xlarge', 'ml.m5.xlarge');
    assert.deepEqual(framework(cpu), [
      `image-processor-mismatch @ ${cpu.indexOf('ml.m5.xlarge')} "ml.m5.xlarge": ml.m5.xlarge has no GPU, but PyTorch SMP 2.7.0 (training) is built for GPUs only; use a GPU instance type (ml.g*, ml.p*).`,
    ]);
  });

  it('keeps PyTorch\'s config when the distribution does not enable SMP v2: enabled False, no torch_distributed, data parallel, None', () => {
    const plain = [
      '{"torch_distributed": {"enabled": True}, "smdistributed": {"modelparallel": {"enabled": False}}}',
      '{"smdistributed": {"modelparallel": {"enabled": True}}}',
      '{"torch_distributed": {"enabled": True}, "smdistributed": {"dataparallel": {"enabled": True}}}',
      'None',
    ];
    for (const distribution of plain) {
      const text = estimator(distribution, '2.4.1');
      assert.deepEqual(framework(text), [
        `unknown-framework-version @ ${text.indexOf('2.4.1')} "2.4.1": PyTorch has no version "2.4.1" for training. Nearest: 2.4.0, 2.5.1, 2.3.0.`,
      ], distribution);
    }
  });

  it('does not claim a version unknown when the distribution cannot be read and pytorch-smp has it: a call, a name bound twice, **kwargs, a computed flag', () => {
    const unread = [
      estimator('get_distribution()', '2.4.1'),
      `${HEAD}d = {}\nd = load()\nest = PyTorch(entry_point="t.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=1, distribution=d, py_version="py311", framework_version="2.4.1")\n`,
      `${HEAD}est = PyTorch(entry_point="t.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=1, py_version="py311", framework_version="2.4.1", **settings)\n`,
      estimator('{"torch_distributed": {"enabled": True}, "smdistributed": {"modelparallel": {"enabled": use_smp}}}', '2.4.1'),
    ];
    for (const text of unread) assert.deepEqual(framework(text), [], text);
  });

  it('still reports, in PyTorch\'s words, a version neither PyTorch nor pytorch-smp has when the distribution cannot be read', () => {
    const text = estimator('get_distribution()', '9.9.9');
    const found = framework(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.ok(found[0].startsWith(`unknown-framework-version @ ${text.indexOf('9.9.9')} "9.9.9": PyTorch has no version "9.9.9" for training. Nearest: `), found[0]);
  });

  it('judges the SMP v2 estimator\'s deploy against PyTorch\'s inference images: create_model builds a PyTorchModel with the same version', () => {
    const text = `${estimator(SMP, '2.4.1')}est.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n`;
    assert.deepEqual(framework(text), [
      `unknown-framework-version @ ${text.indexOf('2.4.1')} "2.4.1": PyTorch has no version "2.4.1" for inference on ml.g5.xlarge. Nearest: 2.4.0, 2.5.1, 2.3.0.`,
    ]);
  });

  it('still reports a misspelt instance type next to it', () => {
    const text = estimator(SMP, '2.4.1').replace('ml.p4d.24xlarge', 'ml.p4d.24xlarg');
    const codes = analyzePython(text).map((finding) => `${finding.code} @ ${textAt(text, finding)}`);
    assert.deepEqual(codes, ['invalid-enum-value @ ml.p4d.24xlarg']);
  });
});
