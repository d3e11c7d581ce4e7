// A deployed framework estimator is judged for training and for each deploy's inference image: a
// scope that accepts the value written keeps it. A fix is preferred only when every judged scope
// takes it; the others are labelled with the scopes they suit (scopedMisses.ts, scopedFixes).
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { Catalog } from '../../src/core/catalog/catalog';
import type { CatalogData, ImageData } from '../../src/core/catalog/catalogData';
import { applyPreferredFixes } from '../../src/core/fixAll';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import type { FrameworkArgument } from '../../src/core/frameworkRequest';
import { scopedPass } from '../../src/core/rules/framework/scopedMisses';
import { mergeVersionMisses, versionMissFinding, type VersionMiss } from '../../src/core/rules/framework/unknownVersions';
import { analyzePython } from './pythonTestKit';
import { analyzeOptions, textAt } from './specTestKit';

const PT = 'from sagemaker.pytorch import PyTorch, PyTorchModel\nrole = "r"\n';
const HF = 'from sagemaker.huggingface import HuggingFace, HuggingFaceModel\nrole = "r"\n';
const ptEstimator = (version: string, py: string) => `${PT}est = PyTorch(entry_point="t.py", role=role, framework_version="${version}", py_version="${py}", instance_type="ml.g5.xlarge", instance_count=1)\nest.fit()\n`;
const ptModel = (version: string, py: string) => `${PT}est = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="${version}", py_version="${py}")\n`;
/** Transformers 4.49.0 trains on pytorch 2.5.1 with py311; its inference image is pytorch 2.6.0 with py312 (data/catalog.json). */
const HF_449 = `${HF}est = HuggingFace(entry_point="train.py", role=role, transformers_version="4.49.0", pytorch_version="2.5.1", py_version="py311", instance_type="ml.g5.xlarge", instance_count=1)\n`;
const HF_449_MODEL = `${HF}est = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role, transformers_version="4.49.0", pytorch_version="2.5.1", py_version="py311")\n`;
const deploy = (instanceType: string) => `est.deploy(initial_instance_count=1, instance_type="${instanceType}")\n`;

/** Each finding of `code` as `the text it points at: message [fix titles, * preferred]`. */
function onToken(findings: readonly Finding[], text: string, code: string): string[] {
  return findings
    .filter((finding) => finding.code === code)
    .map((finding) => `${textAt(text, finding)}: ${finding.message} [${finding.fixes.map((fix) => `${fix.preferred ? '*' : ''}${fix.title}`).join(' | ')}]`);
}
const python = (text: string, code: string, region?: string) => onToken(analyzePython(text, region ? { region } : undefined), text, code);

describe('scoped framework findings weigh the scopes that accepted the value written', () => {
  describe('py-version-mismatch', () => {
    it('a PyTorch 2.6.0 estimator trains on py312; its ml.inf2 deploy\'s py38 is offered for that deploy only, not preferred', () => {
      const text = ptEstimator('2.6.0', 'py312') + deploy('ml.inf2.xlarge');
      assert.deepEqual(python(text, 'py-version-mismatch'), ['py312: PyTorch Neuron 1.11.0 (training on ml.inf2.xlarge) is built for py38, not "py312". [Use py38 (training on ml.inf2.xlarge only)]']);
      // A model has no training scope: the deploy's py_version is the clear fix there.
      const model = ptModel('2.6.0', 'py312') + deploy('ml.inf2.xlarge');
      assert.deepEqual(python(model, 'py-version-mismatch'), ['py312: PyTorch Neuron 1.11.0 (training on ml.inf2.xlarge) is built for py38, not "py312". [*Use py38]']);
    });

    it('keeps the preferred fix when training takes it too: PyTorch 1.4.0 trains on py2, py3 and py36, its inference image on py3 and py36', () => {
      const text = ptEstimator('1.4.0', 'py2').replace('ml.g5.xlarge', 'ml.m5.xlarge') + deploy('ml.m5.large');
      assert.deepEqual(python(text, 'py-version-mismatch'), ['py2: PyTorch 1.4.0 (inference on ml.m5.large) is built for py36 or py3, not "py2". [*Use py36 | Use py3]']);
    });

    it('fix-all leaves the estimator as written: no fix is preferred, and none would change what runs without asking', () => {
      const text = ptEstimator('2.6.0', 'py312') + deploy('ml.inf2.xlarge');
      const result = applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'python' }, findings: analyzePython(current) }));
      assert.equal(result.text, text);
      assert.deepEqual(result.applied, []);
    });
  });

  describe('unknown-framework-version', () => {
    it('a Hugging Face pytorch_version that trains but the inference image lacks: its pytorch 2.6.0 is for the deploy only', () => {
      assert.deepEqual(python(HF_449 + deploy('ml.g5.xlarge'), 'unknown-framework-version'), [
        '2.5.1: Hugging Face 4.49.0 (inference on ml.g5.xlarge) comes with pytorch 2.6.0, not pytorch 2.5.1. [Use pytorch 2.6.0 (inference on ml.g5.xlarge only)]',
      ]);
      assert.deepEqual(python(HF_449_MODEL + deploy('ml.g5.xlarge'), 'unknown-framework-version'), [
        '2.5.1: Hugging Face 4.49.0 (inference on ml.g5.xlarge) comes with pytorch 2.6.0, not pytorch 2.5.1. [*Use pytorch 2.6.0]',
      ]);
    });

    it('a transformers version that trains but Neuron inference lacks: the NeuronX versions nearest are for the deploy only', () => {
      assert.deepEqual(python(HF_449 + deploy('ml.inf2.xlarge'), 'unknown-framework-version'), [
        '4.49.0: Hugging Face NeuronX has no version "4.49.0" for inference on ml.inf2.xlarge. Nearest: 4.51.3, 4.55.4, 4.43.2. [Use version 4.51.3 (inference on ml.inf2.xlarge only) | Use version 4.55.4 (inference on ml.inf2.xlarge only) | Use version 4.43.2 (inference on ml.inf2.xlarge only)]',
      ]);
      assert.deepEqual(python(HF_449_MODEL + deploy('ml.inf2.xlarge'), 'unknown-framework-version'), [
        '4.49.0: Hugging Face NeuronX has no version "4.49.0" for inference on ml.inf2.xlarge. Nearest: 4.51.3, 4.55.4, 4.43.2. [*Use version 4.51.3 | Use version 4.55.4 | Use version 4.43.2]',
      ]);
    });

    it('merged misses with a pass: the versions every scope takes first, the first preferred; the rest labelled', () => {
      const node = parseTree('{"framework_version": "9.9"}')!.children![0].children![1];
      const argument: FrameworkArgument = { value: '9.9', node, range: { offset: node.offset + 1, length: 3 } };
      const miss = (where: string): VersionMiss => ({ title: 'PyTorch', typed: '9.9', where, candidates: ['2.6.0', '2.5.1', '2.4.0'], argument });
      const training = scopedPass('unknown-framework-version', argument.range, { where: 'training', accepts: (value) => ['2.5.1', '2.4.0'].includes(value) });
      const [merged] = mergeVersionMisses([versionMissFinding(miss('inference on ml.m5.large')), training, versionMissFinding(miss('inference on ml.g5.xlarge'))]);
      assert.equal(merged.message, 'PyTorch has no version "9.9" for inference on ml.m5.large, nor for inference on ml.g5.xlarge. Nearest for both: 2.6.0, 2.5.1, 2.4.0.');
      assert.deepEqual((merged.fixes ?? []).map((fix) => [fix.title, fix.preferred]), [
        ['Use version 2.5.1', true],
        ['Use version 2.4.0', false],
        ['Use version 2.6.0 (inference on ml.m5.large and inference on ml.g5.xlarge only)', false],
      ]);
      // A pass alone is never said.
      assert.deepEqual(mergeVersionMisses([training]), []);
    });
  });

  describe('framework-not-in-region (no real catalog case: an in-memory catalog)', () => {
    // The catalog's training and inference images of one version are in the same regions, bar the
    // ISO regions whose nearest inference versions train there too; here inference 2.3.0 is in
    // us-east-1 only, and eu-west-1 has inference 2.1.0, which does not train.
    const image = (scope: 'training' | 'inference', version: string, accounts: string): ImageData => ({
      framework: 'pytorch',
      title: 'PyTorch',
      kind: 'deep-learning-container',
      scopes: [scope],
      version,
      repository: `pytorch-${scope}`,
      accounts,
      processors: ['cpu', 'gpu'],
      pyVersions: ['py311'],
      tags: [`${version}-cpu-py311`, `${version}-gpu-py311`],
      tagMatch: 'version-prefix',
    });
    const data: CatalogData = {
      source: { repository: 'test', commit: '0'.repeat(40), configDir: 'x' },
      regions: { 'us-east-1': { dnsSuffix: 'amazonaws.com', partition: 'aws' }, 'eu-west-1': { dnsSuffix: 'amazonaws.com', partition: 'aws' } },
      accountMaps: { both: { 'us-east-1': '111111111111', 'eu-west-1': '111111111111' }, east: { 'us-east-1': '222222222222' } },
      images: [image('training', '2.3.0', 'both'), image('training', '2.2.0', 'both'), image('inference', '2.3.0', 'east'), image('inference', '2.2.0', 'east'), image('inference', '2.1.0', 'both')],
    };
    const catalog = new Catalog(data);
    const inRegion = (text: string) => onToken(analyzeDocument(readPythonDocument(text), { ...analyzeOptions({ region: 'eu-west-1' }), catalog }).findings, text, 'framework-not-in-region');

    it('training has 2.3.0 in eu-west-1 and inference does not: the 2.1.0 eu-west-1 has for inference is for the deploy only', () => {
      assert.deepEqual(inRegion(ptEstimator('2.3.0', 'py311') + deploy('ml.m5.large')), [
        '2.3.0: PyTorch 2.3.0 (inference on ml.m5.large) has no image in the target region eu-west-1. Regions that have it include us-east-1. [Use version 2.1.0 (inference on ml.m5.large only)]',
      ]);
      assert.deepEqual(inRegion(ptModel('2.3.0', 'py311') + deploy('ml.m5.large')), [
        '2.3.0: PyTorch 2.3.0 (inference on ml.m5.large) has no image in the target region eu-west-1. Regions that have it include us-east-1. [*Use version 2.1.0]',
      ]);
    });
  });
});
