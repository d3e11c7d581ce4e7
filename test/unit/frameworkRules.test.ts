import * as assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import type { CatalogImage } from '../../src/core/catalog/catalog';
import type { Finding } from '../../src/core/findings';
import type { FrameworkArgument, FrameworkRequest } from '../../src/core/frameworkRequest';
import type { ResolvedRegion } from '../../src/core/region';
import { nearestVersions } from '../../src/core/rules/framework/nearestVersions';
import { checkFrameworkRequest } from '../../src/core/rules/frameworkRules';
import { createRuleContext, nodeRange } from '../../src/core/rules/ruleContext';
import type { RuleSettings } from '../../src/core/rules/ruleCodes';
import { parseSpecDocument } from '../../src/core/specDocument';
import { applyFix, catalog, instanceGpus, textAt } from './specTestKit';

/**
 * A request is written as a JSON object of its arguments, so every argument has a real string
 * node (fixes render against it) and a range; `null` stands for a dynamic value (a name, a call).
 * `callee` is a member that only marks where findings on the call as a whole go.
 */
type Arguments = Partial<Record<'framework' | 'version' | 'pyVersion' | 'region' | 'instanceType' | 'inferenceTool' | 'imageScope' | 'baseFrameworkVersion', string | null>>;

interface Extra {
  impliedFramework?: string;
  impliedScope?: FrameworkRequest['impliedScope'];
  baseFramework?: 'pytorch' | 'tensorflow';
  /** An explicit target region (sagemakerSpec.region). */
  targetRegion?: string;
  rules?: RuleSettings;
  /** Judge instance types without the SDK's GPU table. */
  noGpuTable?: boolean;
}

interface Checked {
  text: string;
  findings: Finding[];
}

function check(args: Arguments, extra: Extra = {}): Checked {
  const text = JSON.stringify({ callee: 'retrieve', ...args });
  const root = parseTree(text)!;
  const member = (name: string): Node | undefined => root.children!.find((property) => property.children![0].value === name)?.children![1];
  const argument = (name: keyof Arguments): FrameworkArgument | undefined => {
    const node = member(name);
    if (!node) return undefined;
    return { value: node.type === 'string' ? node.value : undefined, node, range: nodeRange(node) };
  };
  const base = argument('baseFrameworkVersion');
  const request: FrameworkRequest = {
    framework: argument('framework'),
    impliedFramework: extra.impliedFramework,
    version: argument('version'),
    pyVersion: argument('pyVersion'),
    region: argument('region'),
    instanceType: argument('instanceType'),
    inferenceTool: argument('inferenceTool'),
    imageScope: argument('imageScope'),
    baseFrameworkVersion: base && { ...base, baseFramework: extra.baseFramework ?? 'pytorch' },
    impliedScope: extra.impliedScope,
    calleeRange: nodeRange(member('callee')!),
  };
  const region: ResolvedRegion = extra.targetRegion
    ? { region: extra.targetRegion, source: 'setting', explicit: true, profile: 'default' }
    : { region: 'us-east-1', source: 'default', explicit: false, profile: 'default' };
  const findings: Finding[] = [];
  checkFrameworkRequest(createRuleContext(parseSpecDocument(text), catalog, region, extra.rules, findings), request, extra.noGpuTable ? undefined : instanceGpus);
  return { text, findings };
}

function codesOf(checked: Checked): string[] {
  return checked.findings.map((finding) => finding.code);
}

/** The single finding, with the text it points at and its fix titles. */
function single(checked: Checked, code: string): { finding: Finding; at: string; fixes: string[] } {
  assert.deepEqual(codesOf(checked), [code], JSON.stringify(checked.findings.map((finding) => finding.message)));
  const finding = checked.findings[0];
  return { finding, at: textAt(checked.text, finding), fixes: finding.fixes.map((fix) => fix.title) };
}

function fixValue(finding: Finding, title: string): unknown {
  const fix = finding.fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix ${title}`);
  const only = fix.intents[0];
  assert.equal(only.kind, 'replaceValue');
  return only.kind === 'replaceValue' ? only.value : undefined;
}

describe('framework rules (image_uris.retrieve and framework classes)', () => {
  describe('passing cases', () => {
    const cases: Array<[string, Arguments, Extra?]> = [
      ['xgboost pinned', { framework: 'xgboost', region: 'us-east-1', version: '1.7-1' }],
      ['sklearn as the SDK test calls it', { framework: 'sklearn', region: 'us-west-2', version: '1.2-1', pyVersion: 'py3', instanceType: 'ml.c4.xlarge' }],
      ['pytorch training on a GPU', { framework: 'pytorch', region: 'us-west-2', version: '2.8.0', pyVersion: 'py312', instanceType: 'ml.g5.xlarge', imageScope: 'training' }],
      ['pytorch version alias 2.8', { framework: 'pytorch', region: 'eu-west-1', version: '2.8', pyVersion: 'py312', instanceType: 'ml.m5.xlarge', imageScope: 'training' }],
      ['tensorflow inference without py_versions', { framework: 'tensorflow', region: 'us-east-1', version: '2.3.0', pyVersion: 'py37', instanceType: 'ml.c5.xlarge', imageScope: 'inference' }],
      ['huggingface training', { framework: 'huggingface', region: 'us-east-1', version: '4.49.0', baseFrameworkVersion: '2.5.1', pyVersion: 'py311', instanceType: 'ml.p4d.24xlarge', imageScope: 'training' }],
      ['huggingface base framework alias (pytorch2.5)', { version: '4.49', baseFrameworkVersion: '2.5', instanceType: 'ml.g5.2xlarge' }, { impliedFramework: 'huggingface', impliedScope: 'training' }],
      ['huggingface tensorflow base', { version: '4.4.2', baseFrameworkVersion: '2.4.1', pyVersion: 'py37' }, { impliedFramework: 'huggingface', impliedScope: 'training', baseFramework: 'tensorflow' }],
      ['kmeans (one version, SDK test_algos)', { framework: 'kmeans', region: 'us-west-2' }],
      ['autogluon inference', { framework: 'autogluon', region: 'us-east-1', version: '1.5.0', pyVersion: 'py311', instanceType: 'ml.g5.xlarge', imageScope: 'inference' }],
      ['one-scope config ignores image_scope (SDK test_retrieve_default_image_scope)', { framework: 'huggingface-llm', region: 'us-east-1', imageScope: 'ignorable-scope' }],
      ['xgboost on Graviton (SDK test_graviton_xgboost_instance_type_specified)', { framework: 'xgboost', region: 'us-west-2', version: '1.5-1', instanceType: 'ml.c6g.xlarge' }],
      ['xgboost graviton scope (SDK test_graviton_xgboost_image_scope_specified)', { framework: 'xgboost', region: 'us-west-2', version: '1.3-1', imageScope: 'inference_graviton' }],
      ['sklearn on Graviton (SDK test_graviton_sklearn_instance_type_specified)', { framework: 'sklearn', region: 'us-west-2', version: '1.0-1', instanceType: 'ml.m6g.large' }],
      ['local mode on CPU', { framework: 'sklearn', region: 'us-west-2', version: '1.2-1', instanceType: 'local' }],
      ['framework processor (implied processing scope) runs the training image', { version: '1.2-1' }, { impliedFramework: 'sklearn', impliedScope: 'processing' }],
      ['spark processor keeps the processing scope', { version: '3.5', pyVersion: 'py39' }, { impliedFramework: 'spark', impliedScope: 'processing' }],
      ['estimator class with implied framework', { version: '2.6.0', pyVersion: 'py312', instanceType: 'ml.m5.large' }, { impliedFramework: 'pytorch', impliedScope: 'inference' }],
    ];
    for (const [name, args, extra] of cases) {
      it(name, () => assert.deepEqual(checkMessages(check(args, extra)), []));
    }

    // The SDK's own loops (test_xgboost_uris, test_sklearn_uris, test_graviton_framework_uris):
    // every version × py_version × region of the config retrieves an image.
    const sdkLoops: Array<[string, string]> = [
      ['xgboost', 'training'],
      ['xgboost', 'inference'],
      ['sklearn', 'training'],
      ['pytorch', 'inference_graviton'],
      ['tensorflow', 'inference_graviton'],
      ['huggingface', 'inference'],
      ['huggingface', 'training'],
      ['pytorch', 'training'],
      ['tensorflow', 'training'],
      ['mxnet', 'eia'],
      ['chainer', 'training'],
    ];
    for (const [framework, scope] of sdkLoops) {
      it(`every ${framework} ${scope} version, py_version and region of the catalog (as the SDK tests loop)`, () => {
        const images = catalog.imagesForFramework(framework).filter((image: CatalogImage) => image.scopes.includes(scope));
        assert.ok(images.length > 0);
        for (const image of images) {
          if (catalog.isFloating(image)) continue; // XGBoost's 1: xgboost-unpinned, tested below
          for (const py of image.pyVersions ?? [undefined]) {
            for (const region of catalog.accountsOf(image).keys()) {
              const args: Arguments = { framework, region, version: image.version, imageScope: scope };
              if (py) args.pyVersion = py;
              const extra: Extra = {};
              if (image.baseFramework) {
                const kind = image.baseFramework.startsWith('pytorch') ? 'pytorch' : 'tensorflow';
                args.baseFrameworkVersion = image.baseFramework.slice(kind.length);
                extra.baseFramework = kind;
              }
              assert.deepEqual(checkMessages(check(args, extra)), [], `${framework} ${image.version} ${py} ${region}`);
            }
          }
        }
      });
    }
  });

  describe('unknown-framework', () => {
    it('offers the nearest framework names', () => {
      const { finding, at, fixes } = single(check({ framework: 'xgbost', region: 'us-east-1', version: '1.7-1' }), 'unknown-framework');
      assert.equal(at, 'xgbost');
      assert.equal(fixes[0], 'Change to "xgboost"');
      assert.equal(fixValue(finding, 'Change to "xgboost"'), 'xgboost');
      assert.ok(finding.fixes[0].preferred);
    });

    it('renders the fix into the argument', () => {
      const checked = check({ framework: 'pytorh', version: '2.8.0' });
      assert.equal(applyFix(checked.text, single(checked, 'unknown-framework').finding), checked.text.replace('"pytorh"', '"pytorch"'));
    });

    it('never reports a dynamic framework, nor an implied one the catalog lacks', () => {
      assert.deepEqual(codesOf(check({ framework: null, version: 'nonsense', pyVersion: 'py1' })), []);
      assert.deepEqual(codesOf(check({ version: '1.0' }, { impliedFramework: 'not-a-framework' })), []);
    });
  });

  describe('unknown-framework-version', () => {
    it('offers the nearest versions of the same major.minor first', () => {
      const { finding, at, fixes } = single(
        check({ framework: 'pytorch', region: 'us-east-1', version: '2.8.5', imageScope: 'training', pyVersion: 'py312' }),
        'unknown-framework-version',
      );
      assert.equal(at, '2.8.5');
      assert.equal(fixes[0], 'Use version 2.8.0');
      assert.equal(fixValue(finding, 'Use version 2.8.0'), '2.8.0');
      assert.match(finding.message, /PyTorch has no version "2\.8\.5" for training/);
    });

    it('suggests XGBoost versions without the floating 1', () => {
      const { fixes } = single(check({ framework: 'xgboost', region: 'us-east-1', version: '1.7-2' }), 'unknown-framework-version');
      assert.equal(fixes[0], 'Use version 1.7-1');
      assert.ok(!fixes.includes('Use version 1'));
    });

    it('reports a Hugging Face base framework version the transformers version does not ship with', () => {
      const { finding, at, fixes } = single(
        check({ version: '4.49.0', baseFrameworkVersion: '2.6.0', instanceType: 'ml.g5.xlarge' }, { impliedFramework: 'huggingface', impliedScope: 'training' }),
        'unknown-framework-version',
      );
      assert.equal(at, '2.6.0');
      assert.deepEqual(fixes, ['Use pytorch 2.5.1']);
      assert.equal(fixValue(finding, 'Use pytorch 2.5.1'), '2.5.1');
    });

    it('keeps the base_framework_version form (pytorch2.5.1) in its fix', () => {
      const { finding } = single(check({ framework: 'huggingface', version: '4.49.0', baseFrameworkVersion: 'pytorch2.6.0', imageScope: 'training' }), 'unknown-framework-version');
      assert.equal(fixValue(finding, 'Use pytorch 2.5.1'), 'pytorch2.5.1');
    });

    it('reports tensorflow for a transformers version that only ships with pytorch, without a fix it cannot write', () => {
      const { finding, fixes } = single(
        check({ version: '4.49.0', baseFrameworkVersion: '2.4.1' }, { impliedFramework: 'huggingface', impliedScope: 'training', baseFramework: 'tensorflow' }),
        'unknown-framework-version',
      );
      assert.deepEqual(fixes, []);
      assert.match(finding.message, /comes with pytorch 2\.5\.1, not tensorflow 2\.4\.1/);
    });

    it('follows the SDK when the scope has a single version: any version string retrieves it', () => {
      assert.deepEqual(codesOf(check({ framework: 'kmeans', region: 'us-east-1', version: '7' })), []);
    });

    it('never reports a dynamic version, and still checks what does not need it', () => {
      assert.deepEqual(codesOf(check({ framework: 'pytorch', region: 'us-east-1', version: null, imageScope: 'training', pyVersion: 'py27' })), ['py-version-mismatch']);
      assert.deepEqual(codesOf(check({ framework: 'pytorch', region: 'us-east-1', version: null, imageScope: 'training', pyVersion: 'py312' })), []);
    });

    it('reads the pytorch-neuron config on Trainium, as the SDK does (its one version is used whatever is asked)', () => {
      const neuron = catalog.imagesForFramework('pytorch-neuron');
      assert.equal(new Set(neuron.map((image) => image.version)).size, 1, 'precondition: one pytorch-neuron version');
      const { finding, at } = single(check({ framework: 'pytorch', version: '2.8.0', pyVersion: 'py312', instanceType: 'ml.trn1.2xlarge', imageScope: 'training' }), 'py-version-mismatch');
      assert.equal(at, 'py312');
      assert.ok(finding.message.startsWith(`PyTorch Neuron ${neuron[0].version} (training) is built for ${neuron[0].pyVersions![0]},`), finding.message);
      assert.deepEqual(codesOf(check({ framework: 'pytorch', version: '2.8.0', pyVersion: 'py312', instanceType: 'ml.m5.xlarge', imageScope: 'training' })), []);
    });
  });

  describe('instance types that pick the config (Neuron, Graviton)', () => {
    const neuronx = { framework: 'huggingface', version: '4.36.2', baseFrameworkVersion: '2.1.2', pyVersion: 'py310', instanceType: 'ml.inf2.xlarge', imageScope: 'inference' };

    it('reads huggingface-neuronx when retrieve names inference_tool="neuronx" (the tool wins over the instance type)', () => {
      assert.deepEqual(checkMessages(check({ ...neuronx, inferenceTool: 'neuronx' })), []);
    });

    it('reads huggingface-neuron on ml.inf2 without a tool, as retrieve does: its one version, on pytorch 1.9.1', () => {
      const { at, finding } = single(check(neuronx), 'unknown-framework-version');
      assert.equal(at, '2.1.2');
      assert.equal(finding.message, 'Hugging Face Neuron 4.12.3 (inference) comes with pytorch 1.9.1, not pytorch 2.1.2.');
    });

    it('with a dynamic instance type or tool, leaves alone what a Neuron config has', () => {
      assert.deepEqual(checkMessages(check({ ...neuronx, instanceType: null })), []);
      assert.deepEqual(checkMessages(check({ ...neuronx, inferenceTool: null })), []);
    });

    it('with a dynamic instance type, a config\'s fallback to its only version clears nothing: PyTorch 9.9.9 is still reported', () => {
      const { at, finding } = single(check({ framework: 'pytorch', version: '9.9.9', instanceType: null, imageScope: 'training' }), 'unknown-framework-version');
      assert.equal(at, '9.9.9');
      assert.match(finding.message, /^PyTorch has no version "9\.9\.9" for training\. Nearest: /);
    });

    it('with a dynamic instance type, an inference version only Graviton has is left alone (PyTorch 2.2.1)', () => {
      assert.deepEqual(checkMessages(check({ framework: 'pytorch', version: '2.2.1', pyVersion: 'py310', instanceType: null, imageScope: 'inference' })), []);
      assert.deepEqual(codesOf(check({ framework: 'pytorch', version: '2.2.1', pyVersion: 'py310', imageScope: 'inference' })), ['image-scope-unavailable']);
    });

    it('reports TensorFlow asked for on Trainium on the instance type, as the SDK refuses it', () => {
      const { at, finding } = single(check({ framework: 'tensorflow', version: '2.14.1', instanceType: 'ml.trn1.2xlarge', imageScope: 'training' }), 'image-scope-unavailable');
      assert.equal(at, 'ml.trn1.2xlarge');
      assert.equal(finding.message, 'The SageMaker Python SDK resolves only PyTorch images on Trainium (ml.trn1.2xlarge) and refuses TensorFlow there; use PyTorch, or pass image_uri.');
    });
  });

  describe('xgboost-unpinned', () => {
    for (const version of ['latest', '1']) {
      it(`reports "${version}" on the version argument with pinned versions as fixes`, () => {
        const { finding, at, fixes } = single(check({ framework: 'xgboost', region: 'us-east-1', version }), 'xgboost-unpinned');
        assert.equal(at, version);
        const newest = catalog.pinnedVersions('xgboost', 'us-east-1', 'training')[0].version;
        assert.equal(fixes[0], `Pin XGBoost ${newest}`);
        assert.ok(finding.fixes[0].preferred);
        assert.equal(fixValue(finding, `Pin XGBoost ${newest}`), newest);
      });
    }

    it('is silent for a pinned version', () => {
      assert.deepEqual(codesOf(check({ framework: 'xgboost', region: 'us-east-1', version: '3.0-5' })), []);
    });

    for (const scope of ['training', 'inference']) {
      it(`reports a ${scope} retrieve without a version (the SDK takes the scope's "latest", the legacy 1) on the framework`, () => {
        const { finding, at } = single(check({ framework: 'xgboost', region: 'us-east-1', imageScope: scope }), 'xgboost-unpinned');
        assert.equal(at, 'xgboost');
        const newest = catalog.pinnedVersions('xgboost', 'us-east-1', scope)[0].version;
        assert.equal(finding.message, `Without a version, the SageMaker Python SDK retrieves XGBoost's "latest" ${scope} image, which is "1": the legacy image, not a pinned version. Pass version="${newest}" (or another pinned version).`);
      });
    }

    it('says a processor runs the training image when its version has none', () => {
      const { finding } = single(check({ version: '0.23-9' }, { impliedFramework: 'sklearn', impliedScope: 'processing' }), 'unknown-framework-version');
      assert.match(finding.message, /^Scikit-learn has no version "0\.23-9" for training \(a processor runs the training image\)\. Nearest: /);
    });

    it('is silent for a framework without such an alias, and for a version that is dynamic', () => {
      assert.deepEqual(codesOf(check({ framework: 'pytorch', region: 'us-east-1', imageScope: 'training' })), []);
      assert.deepEqual(codesOf(check({ framework: 'xgboost', region: 'us-east-1', version: null, imageScope: 'training' })), []);
    });
  });

  describe('image-scope-unavailable', () => {
    it('reports a scope the framework does not have on image_scope, with its scopes as fixes', () => {
      const { finding, at, fixes } = single(check({ framework: 'pytorch', version: '2.8.0', imageScope: 'serving' }), 'image-scope-unavailable');
      assert.equal(at, 'serving');
      assert.ok(fixes.includes('Use scope training') && fixes.includes('Use scope inference'));
      assert.equal(fixValue(finding, 'Use scope inference'), 'inference');
    });

    it('reports a version that exists only in other scopes on image_scope', () => {
      const { finding, at, fixes } = single(check({ framework: 'huggingface', version: '4.46.1', imageScope: 'inference' }), 'image-scope-unavailable');
      assert.equal(at, 'inference');
      assert.deepEqual(fixes, ['Use scope training']);
      assert.match(finding.message, /4\.46\.1 has no inference image/);
    });

    it('reports a version missing from the implied scope on the version, with versions of that scope', () => {
      const { at, fixes } = single(check({ version: '4.46.1' }, { impliedFramework: 'huggingface', impliedScope: 'inference' }), 'image-scope-unavailable');
      assert.equal(at, '4.46.1');
      assert.ok(fixes.length > 0 && fixes.every((title) => title.startsWith('Use version ')));
    });

    it('reports a call without image_scope where the SDK needs one, on the callee', () => {
      const { at, finding } = single(check({ framework: 'pytorch', region: 'us-east-1', version: '2.8.0' }), 'image-scope-unavailable');
      assert.equal(at, 'retrieve');
      assert.match(finding.message, /needs an image_scope/);
    });

    it('defaults like the SDK: xgboost and sklearn to training, shared configs to training', () => {
      assert.deepEqual(codesOf(check({ framework: 'sklearn', region: 'us-east-1', version: '1.4-2' })), []);
      assert.deepEqual(codesOf(check({ framework: 'chainer', region: 'us-east-1', version: '5.0.0', pyVersion: 'py3' })), []);
    });

    it('looks for a Graviton image on Graviton instances (SDK test_graviton_xgboost_unsupported_version)', () => {
      const { at, finding } = single(check({ framework: 'xgboost', region: 'us-west-2', version: '1.7-1', instanceType: 'ml.c6g.xlarge' }), 'image-scope-unavailable');
      assert.equal(at, '1.7-1');
      assert.match(finding.message, /1\.7-1 has no inference_graviton image/);
    });

    it('never reports a dynamic image_scope', () => {
      assert.deepEqual(codesOf(check({ framework: 'pytorch', version: '99.0', imageScope: null })), []);
    });
  });

  describe('py-version-mismatch', () => {
    it('reports a py_version the version is not built for (SDK test_py2_sklearn)', () => {
      const { finding, at, fixes } = single(check({ framework: 'sklearn', region: 'us-west-2', version: '1.2-1', pyVersion: 'py2', instanceType: 'ml.c4.xlarge' }), 'py-version-mismatch');
      assert.equal(at, 'py2');
      assert.deepEqual(fixes, ['Use py3']);
      assert.equal(fixValue(finding, 'Use py3'), 'py3');
    });

    it('offers every py_version of the version, newest first', () => {
      const { fixes } = single(check({ framework: 'tensorflow', version: '1.15.2', pyVersion: 'py38', imageScope: 'training' }), 'py-version-mismatch');
      assert.deepEqual(fixes, ['Use py37', 'Use py3', 'Use py2']);
    });

    it('ignores py_version for versions without py_versions, as the SDK does', () => {
      assert.deepEqual(codesOf(check({ framework: 'xgboost', region: 'us-east-1', version: '1.7-1', pyVersion: 'py2' })), []);
    });

    it('never reports a dynamic py_version', () => {
      assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', pyVersion: null })), []);
    });
  });

  describe('regions', () => {
    it('reports an unknown region as unknown-region with did-you-mean', () => {
      const { finding, at, fixes } = single(check({ framework: 'xgboost', region: 'us-est-1', version: '1.7-1' }), 'unknown-region');
      assert.equal(at, 'us-est-1');
      assert.equal(fixes[0], 'Change the region to us-east-1');
      assert.equal(fixValue(finding, 'Change the region to us-east-1'), 'us-east-1');
    });

    it('reports a region without the image and names regions that have it', () => {
      const regions = catalog.regions().map((region) => region.name);
      const image = catalog.imagesForFramework('pytorch').find((candidate) => candidate.scopes.includes('training') && regions.some((name) => catalog.accountFor(candidate, name) === undefined))!;
      const missing = regions.find((name) => catalog.accountFor(image, name) === undefined)!;
      const { finding, at } = single(check({ framework: 'pytorch', region: missing, version: image.version, imageScope: 'training' }), 'framework-not-in-region');
      assert.equal(at, missing);
      assert.match(finding.message, new RegExp(`has no image in ${missing}\\. Regions that have it include [a-z]`));
    });

    it('judges an explicit target region when the call has no region argument, on the version', () => {
      const { at, finding } = single(check({ version: '0.4.0', pyVersion: 'py3' }, { impliedFramework: 'pytorch', impliedScope: 'training', targetRegion: 'il-central-1' }), 'framework-not-in-region');
      assert.equal(at, '0.4.0');
      assert.match(finding.message, /target region il-central-1/);
      assert.ok(finding.fixes.length > 0, 'versions offered in il-central-1');
      assert.equal(codesOf(check({ version: '2.8.0', pyVersion: 'py312' }, { impliedFramework: 'pytorch', impliedScope: 'training', targetRegion: 'il-central-1' })).length, 0);
    });

    it('never reports a dynamic region', () => {
      assert.deepEqual(codesOf(check({ framework: 'pytorch', region: null, version: '0.4.0', imageScope: 'training', pyVersion: 'py3' }, { targetRegion: 'il-central-1' })), []);
    });
  });

  describe('image-processor-mismatch', () => {
    it('reports a CPU-only image on a GPU instance (SDK test_gpu_error_sklearn)', () => {
      const { finding, at } = single(check({ framework: 'sklearn', region: 'us-west-2', version: '1.2-1', instanceType: 'ml.p2.xlarge' }), 'image-processor-mismatch');
      assert.equal(at, 'ml.p2.xlarge');
      assert.match(finding.message, /has GPUs, but Scikit-learn 1\.2-1 \(training\) is built for CPUs only/);
    });

    it('reports a GPU-only image on a CPU instance', () => {
      const { at, finding } = single(
        check({ version: '4.49.0', baseFrameworkVersion: '2.5.1', instanceType: 'ml.m5.xlarge' }, { impliedFramework: 'huggingface', impliedScope: 'training' }),
        'image-processor-mismatch',
      );
      assert.equal(at, 'ml.m5.xlarge');
      assert.match(finding.message, /has no GPU/);
    });

    it('judges by family without the GPU table, and not at all for Inferentia or unknown names', () => {
      assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', instanceType: 'ml.g5.xlarge' }, { noGpuTable: true })), ['image-processor-mismatch']);
      assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', instanceType: 'ml.inf1.xlarge' })), []);
      assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', instanceType: 'local_gpu' })), ['image-processor-mismatch']);
    });

    it('ignores the instance type for images without processors (XGBoost 1.7-1)', () => {
      assert.deepEqual(codesOf(check({ framework: 'xgboost', version: '1.7-1', instanceType: 'ml.p3.2xlarge' })), []);
    });

    it('never reports a dynamic instance type', () => {
      assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', instanceType: null })), []);
    });
  });

  it('does not compute a code the user turned off', () => {
    assert.deepEqual(codesOf(check({ framework: 'xgbost' }, { rules: { 'unknown-framework': 'off' } })), []);
    assert.deepEqual(codesOf(check({ framework: 'sklearn', version: '1.2-1', pyVersion: 'py2' }, { rules: { 'py-version-mismatch': 'off' } })), []);
  });
});

describe('nearestVersions', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['2.8.5', ['2.9.0', '2.8.0', '2.7.1', '1.13.1'], ['2.8.0', '2.9.0', '2.7.1']],
    ['2.1', ['2.9.0', '2.3.0', '2.2.0', '2.0.1'], ['2.2.0', '2.0.1', '2.3.0']],
    ['1.7-2', ['3.2-0', '1.7-1', '1.5-1'], ['1.7-1', '1.5-1', '3.2-0']],
    ['9', ['1.0', '2.0'], ['2.0', '1.0']],
  ];
  for (const [typed, candidates, expected] of cases) {
    it(`${typed} → ${expected.join(', ')}`, () => assert.deepEqual(nearestVersions(typed, candidates), expected));
  }
});

function checkMessages(checked: Checked): string[] {
  return checked.findings.map((finding) => `${finding.code}: ${finding.message}`);
}
