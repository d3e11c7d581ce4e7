import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/core/catalog';
import { loadCatalog } from '../../src/node/loadCatalog';

/**
 * Expected URIs of the SageMaker Python SDK's own image-URI unit tests
 * (sagemaker-core/tests/unit/image_uris/, commit a24812666d25), computed with the tests'
 * expected_uris.py formulas for one or two versions per test file. Inputs outside the config are
 * fixed the way each test fixes them (instance type, py version); the SDK's tests iterate over every
 * region and version, this is a sample.
 */
const SDK_EXPECTED: readonly { file: string; framework: string; uri: string }[] = [
  // INSTANCE_TYPES gpu ml.p2.xlarge: no processor suffix; cpu ml.c4.xlarge: `-cpu`.
  { file: 'test_sagemaker_tritonserver.py', framework: 'sagemaker-tritonserver', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/sagemaker-tritonserver:25.09-py3' },
  { file: 'test_sagemaker_tritonserver.py', framework: 'sagemaker-tritonserver', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/sagemaker-tritonserver:25.09-py3-cpu' },
  { file: 'test_sagemaker_tritonserver.py', framework: 'sagemaker-tritonserver', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/sagemaker-tritonserver:25.04-py3' },
  { file: 'test_base_python.py', framework: 'sagemaker-base-python', uri: '936697816551.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-base-python-310:1.0' },
  { file: 'test_base_python.py', framework: 'sagemaker-base-python', uri: '936697816551.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-base-python-38:1.0' },
  { file: 'test_sparkml.py', framework: 'sparkml-serving', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-sparkml-serving:2.2' },
  { file: 'test_sklearn.py', framework: 'sklearn', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-py312-cpu-py3' },
  { file: 'test_graviton.py', framework: 'sklearn', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-scikit-learn:1.0-1-arm64-cpu-py3' },
  { file: 'test_graviton.py', framework: 'xgboost', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.5-1-arm64' },
  { file: 'test_graviton.py', framework: 'pytorch', uri: '763104351884.dkr.ecr.eu-central-1.amazonaws.com/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker' },
  { file: 'test_graviton.py', framework: 'tensorflow', uri: '763104351884.dkr.ecr.eu-central-1.amazonaws.com/tensorflow-inference-graviton:2.16.1-cpu-py310-ubuntu20.04-sagemaker' },
  { file: 'test_djl.py', framework: 'djl-lmi', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/djl-inference:0.36.0-lmi27.0.0-cu130' },
  { file: 'test_djl.py', framework: 'djl-deepspeed', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/djl-inference:0.27.0-deepspeed0.12.6-cu121' },
  { file: 'test_djl.py', framework: 'djl-neuronx', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/djl-inference:0.29.0-neuronx-sdk2.19.1' },
  { file: 'test_djl.py', framework: 'djl-tensorrtllm', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/djl-inference:0.33.0-tensorrtllm0.21.0-cu128' },
  { file: 'test_autogluon.py', framework: 'autogluon', uri: '763104351884.dkr.ecr.eu-central-1.amazonaws.com/autogluon-training:1.5.0-gpu-py311' },
  { file: 'test_autogluon.py', framework: 'autogluon', uri: '763104351884.dkr.ecr.eu-central-1.amazonaws.com/autogluon-inference:1.5.0-cpu-py311' },
  { file: 'test_data_wrangler.py', framework: 'data-wrangler', uri: '024640144536.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-data-wrangler-container:3.x' },
  { file: 'test_debugger.py', framework: 'debugger', uri: '482524230118.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-debugger-rules:latest' },
  { file: 'test_xgboost.py', framework: 'xgboost', uri: '813361260812.dkr.ecr.eu-central-1.amazonaws.com/xgboost:1' },
  { file: 'test_xgboost.py', framework: 'xgboost', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:0.90-1-cpu-py3' },
  // Versions without processors or py versions (1.7-1) are tagged with the version alone.
  { file: 'test_xgboost.py', framework: 'xgboost', uri: '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.7-1' },
  // NEO_FRAMEWORK_INSTANCE_TYPES ml_c5 / ml_p2; INFERNTIA ml_inf1 → processor `inf`.
  { file: 'test_neo.py', framework: 'neo-pytorch', uri: '746233611703.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-inference-pytorch:2.0-gpu-py3' },
  { file: 'test_neo.py', framework: 'inferentia-pytorch', uri: '746233611703.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-neo-pytorch:1.9-inf-py3' },
  { file: 'test_neo.py', framework: 'xgboost-neo', uri: '746233611703.dkr.ecr.eu-central-1.amazonaws.com/xgboost-neo:latest' },
  { file: 'test_rl.py', framework: 'coach-tensorflow', uri: '462105765813.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-rl-coach-container:coach-1.0.0-tf-gpu-py3' },
  { file: 'test_sagemaker_distribution.py', framework: 'sagemaker-distribution', uri: '542918446943.dkr.ecr.us-west-2.amazonaws.com/sagemaker-distribution-prod:3.2.0-gpu' },
  { file: 'test_sagemaker_geospatial.py', framework: 'sagemaker-geospatial', uri: '081189585635.dkr.ecr.us-west-2.amazonaws.com/sagemaker-geospatial-v1-0:latest' },
  { file: 'test_algos.py', framework: 'kmeans', uri: '664544806723.dkr.ecr.eu-central-1.amazonaws.com/kmeans:1' },
  { file: 'test_algos.py', framework: 'blazingtext', uri: '813361260812.dkr.ecr.eu-central-1.amazonaws.com/blazingtext:1' },
  // ml.trn1.xlarge: inference tool `neuron`, sdk2.4.0 before the container version.
  { file: 'test_trainium.py', framework: 'pytorch-neuron', uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training-neuron:1.11.0-neuron-py38-sdk2.4.0-ubuntu20.04' },
  // SMP v2: ml.p4d.24xlarge → cu118 unless the version names 2.1–2.4 (cu121) or 2.5 (cu124);
  // ml.p5.48xlarge → cu121. Alias 2.3.1 resolves to 2.5.0's config (py311).
  { file: 'test_smp_v2.py', framework: 'pytorch-smp', uri: '658645717510.dkr.ecr.eu-central-1.amazonaws.com/smdistributed-modelparallel:2.3.1-gpu-py311-cu121' },
  { file: 'test_smp_v2.py', framework: 'pytorch-smp', uri: '658645717510.dkr.ecr.eu-central-1.amazonaws.com/smdistributed-modelparallel:2.0.1-gpu-py310-cu118' },
  { file: 'test_smp_v2.py', framework: 'pytorch-smp', uri: '658645717510.dkr.ecr.eu-central-1.amazonaws.com/smdistributed-modelparallel:2.0.1-gpu-py310-cu121' },
  { file: 'test_smp_v2.py', framework: 'pytorch-smp', uri: '658645717510.dkr.ecr.eu-central-1.amazonaws.com/smdistributed-modelparallel:2.5.1-gpu-py311-cu124' },
  { file: 'test_smp_v2.py', framework: 'pytorch-smp', uri: '658645717510.dkr.ecr.eu-central-1.amazonaws.com/smdistributed-modelparallel:2.1.2-gpu-py310-cu121' },
];

function parts(uri: string): { account: string; region: string; repository: string; tag: string } {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:]+):(.+)$/.exec(uri);
  assert.ok(match, uri);
  return { account: match[1], region: match[2], repository: match[3], tag: match[4] };
}

describe("catalog tags against the SageMaker Python SDK's expected image URIs", () => {
  let catalog: Catalog;

  before(() => {
    catalog = loadCatalog();
  });

  for (const { file, framework, uri } of SDK_EXPECTED) {
    it(`${file}: ${uri.slice(uri.indexOf('/') + 1)} is known, offered and served by its account`, () => {
      const { account, region, repository, tag } = parts(uri);
      const image = catalog.findImage(repository, tag, region);
      assert.ok(image, `${uri} not found`);
      assert.equal(image.framework, framework);
      assert.equal(catalog.accountFor(image, region), account);
      // Offered: the tag is one of the repository's listed tags (xgboost `latest`/`1` excepted by design).
      if (tag !== 'latest') assert.ok(catalog.tagsFor(repository, region).some((entry) => entry.tag === tag), `${tag} is not offered`);
    });
  }

  it('lists no tag the SDK cannot emit for Triton GPU and SMP v2', () => {
    const triton = catalog.tagsFor('sagemaker-tritonserver').map((entry) => entry.tag);
    assert.ok(!triton.some((tag) => tag.endsWith('-gpu')), triton.filter((tag) => tag.endsWith('-gpu')).join(', '));
    const smp = catalog.tagsFor('smdistributed-modelparallel').map((entry) => entry.tag);
    assert.ok(smp.length >= 10);
    for (const tag of smp) assert.match(tag, /-cu\d{3}$/);
    assert.ok(!smp.includes('2.3.1-gpu-py310'));
    // SMP tags are exact: the bare form without CUDA suffix is not an SDK tag.
    assert.equal(catalog.findImage('smdistributed-modelparallel', '2.8.0-gpu-py311'), undefined);
  });

  it('offers the short-version tags the SDK emits for version aliases', () => {
    const pytorch = catalog.tagsFor('pytorch-training', 'us-east-1').map((entry) => entry.tag);
    assert.ok(pytorch.includes('2.8-gpu-py312'), 'pytorch 2.8 alias');
    // TensorFlow aliases 2.8 → 2.8.4 (inference, no py version) and 2.9 → 2.9.2 (training, py39).
    assert.ok(catalog.tagsFor('tensorflow-inference', 'us-east-1').some((entry) => entry.tag === '2.8-gpu'), 'tensorflow 2.8-gpu');
    assert.ok(catalog.tagsFor('tensorflow-training', 'us-east-1').some((entry) => entry.tag === '2.9-gpu-py39'), 'tensorflow 2.9-gpu-py39');
    const spark = catalog.tagsFor('sagemaker-spark-processing', 'eu-central-1').map((entry) => entry.tag);
    assert.ok(spark.includes('3.0-cpu') && spark.includes('3.1-cpu'), 'Spark without py version');
    const distribution = catalog.tagsFor('sagemaker-distribution-prod').map((entry) => entry.tag);
    assert.ok(distribution.includes('3.2-gpu'));
  });
});
