import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Catalog, compareVersions, dnsSuffixOf, imageLabel, isFloatingTag, partitionOf } from '../../src/core/catalog';
import type { CatalogData, CatalogImage } from '../../src/core/catalog';
import { clearCatalogCache, findDataDir, loadCatalog, loadInstanceGpus } from '../../src/node/loadCatalog';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('catalog (data/catalog.json)', () => {
  let catalog: Catalog;

  before(() => {
    catalog = loadCatalog();
  });

  describe('loading', () => {
    it('finds data/ from out/src/node and caches the catalog', () => {
      assert.equal(findDataDir(path.join(repoRoot, 'out', 'src', 'node')), path.join(repoRoot, 'data'));
      assert.equal(findDataDir(path.join(repoRoot, 'dist')), path.join(repoRoot, 'data'));
      assert.equal(loadCatalog(), catalog);
      assert.equal(loadCatalog(path.join(repoRoot, 'data')), catalog);
    });

    it('rebuilds after clearCatalogCache()', () => {
      clearCatalogCache();
      const again = loadCatalog();
      assert.notEqual(again, catalog);
      assert.equal(again.images().length, catalog.images().length);
    });

    it('records the SDK commit it was generated from', () => {
      assert.equal(catalog.source.repository, 'aws/sagemaker-python-sdk');
      assert.match(catalog.source.commit, /^[0-9a-f]{40}$/);
    });
  });

  describe('regions', () => {
    it('lists every region of the configs with suffix and partition', () => {
      const names = catalog.regions().map((r) => r.name);
      assert.equal(names.length, 44);
      assert.deepEqual(names, [...names].sort());
      assert.deepEqual(catalog.region('us-east-1'), { name: 'us-east-1', dnsSuffix: 'amazonaws.com', partition: 'aws' });
      assert.deepEqual(catalog.region('cn-north-1'), { name: 'cn-north-1', dnsSuffix: 'amazonaws.com.cn', partition: 'aws-cn' });
      assert.equal(catalog.region('us-gov-west-1')?.partition, 'aws-us-gov');
      assert.deepEqual(catalog.region('us-iso-east-1'), { name: 'us-iso-east-1', dnsSuffix: 'c2s.ic.gov', partition: 'aws-iso' });
      assert.deepEqual(catalog.region('us-isob-east-1'), { name: 'us-isob-east-1', dnsSuffix: 'sc2s.sgov.gov', partition: 'aws-iso-b' });
      assert.deepEqual(catalog.region('us-isof-south-1'), { name: 'us-isof-south-1', dnsSuffix: 'csp.hci.ic.gov', partition: 'aws-iso-f' });
      assert.deepEqual(catalog.region('eu-isoe-west-1'), { name: 'eu-isoe-west-1', dnsSuffix: 'cloud.adc-e.uk', partition: 'aws-iso-e' });
      assert.deepEqual(catalog.region('eusc-de-east-1'), { name: 'eusc-de-east-1', dnsSuffix: 'amazonaws.eu', partition: 'aws-eusc' });
      assert.equal(catalog.region('xx-nowhere-1'), undefined);
    });

    it('builds registry hosts with the region suffix', () => {
      assert.equal(catalog.registryHost('450853457545', 'cn-north-1'), '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn');
      assert.equal(catalog.registryHost('683313688378', 'us-east-1'), '683313688378.dkr.ecr.us-east-1.amazonaws.com');
      // Not in any config, but the SDK knows its suffix.
      assert.equal(catalog.registryHost('123456789012', 'us-iso-west-1'), '123456789012.dkr.ecr.us-iso-west-1.c2s.ic.gov');
    });

    it('derives partition and suffix from the name for unknown regions', () => {
      assert.equal(partitionOf('us-isob-west-1'), 'aws-iso-b');
      assert.equal(partitionOf('us-iso-west-1'), 'aws-iso');
      assert.equal(partitionOf('cn-northwest-1'), 'aws-cn');
      assert.equal(partitionOf('eu-west-1'), 'aws');
      assert.equal(dnsSuffixOf('us-isob-west-1'), 'sc2s.sgov.gov');
      assert.equal(dnsSuffixOf('us-gov-east-1'), 'amazonaws.com');
    });
  });

  describe('accounts', () => {
    it('knows SageMaker accounts and rejects others', () => {
      assert.equal(catalog.isAwsAccount('123456789012'), false);
      assert.equal(catalog.isAwsAccount('683313688378'), true);
      assert.equal(catalog.isAwsAccount('763104351884'), true); // the DLC account
      assert.ok(catalog.regionsOfAccount('683313688378').includes('us-east-1'));
      assert.deepEqual(catalog.regionsOfAccount('123456789012'), []);
    });

    it('maps kmeans in us-west-2 to its account', () => {
      const kmeans = catalog.findImage('kmeans', '1', 'us-west-2');
      assert.ok(kmeans);
      assert.equal(kmeans.kind, 'built-in-algorithm');
      assert.deepEqual(kmeans.scopes, ['inference', 'training']);
      assert.equal(catalog.accountFor(kmeans, 'us-west-2'), '174872318107');
      assert.deepEqual(catalog.accountsForRepository('kmeans', 'us-west-2'), ['174872318107']);
      assert.equal(catalog.imageUri(kmeans, 'us-west-2'), '174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1');
    });

    it('answers findImage the same the second time, for each tag and region (its answers are remembered)', () => {
      clearCatalogCache();
      const cold = loadCatalog();
      const asks: [string, string, string | undefined][] = [
        ['sagemaker-xgboost', '1.7-1', 'us-east-1'],
        ['sagemaker-xgboost', '1.7-1', 'xx-nowhere-1'],
        ['sagemaker-xgboost', '1.7-1', undefined],
        ['sagemaker-xgboost', '1.7-1-cpu-py3', undefined],
        ['kmeans', '1', 'us-west-2'],
        ['kmeans', 'no-such-tag', 'us-west-2'],
        ['no-such-repository', '1', 'us-east-1'],
      ];
      const first = asks.map(([repository, tag, region]) => catalog.findImage(repository, tag, region));
      // Many other tags and regions in between: the remembered answers are bounded, and stay right past the bound.
      for (let index = 0; index < 600; index++) catalog.findImage('sagemaker-xgboost', `9.${index}-1`, index % 2 ? 'us-east-1' : `xx-r${index}-1`);
      asks.forEach(([repository, tag, region], index) => {
        const again = catalog.findImage(repository, tag, region);
        assert.equal(again, first[index], `${repository}:${tag} in ${region}`);
        assert.equal(cold.findImage(repository, tag, region)?.version, again?.version, `${repository}:${tag} in ${region}, fresh catalog`);
      });
      assert.equal(first[0]?.version, '1.7-1');
      assert.equal(first[1], undefined);
      assert.equal(first[5], undefined);
      assert.equal(first[6], undefined);
    });

    it('lists the repositories an account serves in a region', () => {
      const repos = catalog.repositoriesHostedBy('683313688378', 'us-east-1');
      assert.deepEqual(repos, [...repos].sort());
      assert.ok(repos.includes('sagemaker-xgboost'));
      assert.ok(repos.includes('sagemaker-scikit-learn'));
      assert.ok(!repos.includes('xgboost')); // the legacy repository lives in another account
      // The legacy xgboost account also serves the older built-in algorithms.
      assert.deepEqual(catalog.repositoriesHostedBy('811284229777', 'us-east-1'), [
        'blazingtext',
        'image-classification',
        'object-detection',
        'semantic-segmentation',
        'seq2seq',
        'xgboost',
      ]);
      assert.deepEqual(catalog.repositoriesHostedBy('683313688378', 'eu-west-1'), []);
      assert.deepEqual(catalog.repositoriesHostedBy('123456789012', 'us-east-1'), []);
    });

    it('uses the China account and suffix for cn-north-1', () => {
      const image = catalog.findImage('sagemaker-xgboost', '1.7-1', 'cn-north-1');
      assert.ok(image);
      assert.equal(catalog.imageUri(image, 'cn-north-1'), '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1');
    });
  });

  describe('images by region and repository', () => {
    it('returns only images offered in a region', () => {
      const images = catalog.imagesInRegion('eusc-de-east-1');
      assert.ok(images.length > 0);
      for (const image of images) assert.ok(catalog.accountFor(image, 'eusc-de-east-1'));
      assert.deepEqual(catalog.imagesInRegion('xx-nowhere-1'), []);
      // The legacy xgboost repository is not in il-central-1; sagemaker-xgboost is.
      const legacy = catalog.imagesForRepository('xgboost');
      assert.equal(legacy.length, 1);
      assert.equal(catalog.accountFor(legacy[0], 'il-central-1'), undefined);
      assert.ok(!catalog.imagesInRegion('il-central-1').includes(legacy[0]));
      assert.ok(!catalog.repositoriesInRegion('il-central-1').includes('xgboost'));
      assert.ok(catalog.repositoriesInRegion('il-central-1').includes('sagemaker-xgboost'));
      // The newest regions only have Deep Learning Containers so far.
      assert.ok(!catalog.repositoriesInRegion('mx-central-1').includes('sagemaker-xgboost'));
    });

    it('groups images by repository, newest first', () => {
      const versions = catalog.imagesForRepository('pytorch-training').map((i) => i.version);
      assert.equal(versions[0], '2.8.0');
      for (let i = 1; i < versions.length; i++) assert.ok(compareVersions(versions[i - 1], versions[i]) >= 0, `${versions[i - 1]} before ${versions[i]}`);
      assert.deepEqual(catalog.imagesForRepository('no-such-repo'), []);
      assert.ok(catalog.regionsForRepository('sagemaker-xgboost').includes('cn-north-1'));
    });

    it('has titles and kinds for frameworks', () => {
      assert.equal(catalog.frameworks().length, 71);
      assert.equal(catalog.frameworkTitle('kmeans'), 'K-Means');
      assert.equal(catalog.frameworkTitle('xgboost'), 'XGBoost');
      assert.equal(catalog.frameworkTitle('huggingface-llm'), 'Hugging Face TGI');
      assert.equal(catalog.frameworkTitle('nope'), undefined);
      assert.equal(catalog.imagesForFramework('pytorch')[0].kind, 'deep-learning-container');
      assert.equal(catalog.imagesForFramework('sklearn')[0].kind, 'first-party');
      const hf = catalog.findImage('huggingface-pytorch-training', '2.8.0-transformers4.56.2-gpu-py312-cu129-ubuntu22.04');
      assert.ok(hf);
      assert.equal(imageLabel(hf), 'Hugging Face 4.56.2 (pytorch2.8.0)');
    });
  });

  describe('tags', () => {
    it('lists xgboost tags newest first, never `latest`', () => {
      const tags = catalog.tagsFor('sagemaker-xgboost', 'us-east-1').map((t) => t.tag);
      assert.deepEqual(tags.slice(0, 3), ['3.2-0', '3.0-5', '1.7-1']);
      assert.ok(tags.includes('1.0-1-cpu-py3'));
      assert.ok(tags.includes('1.5-1-arm64'));
      assert.ok(!tags.includes('latest'));
      assert.equal(tags.at(-1), '0.90-1-cpu-py3');
      assert.equal(new Set(tags).size, tags.length);
      assert.deepEqual(catalog.tagsFor('xgboost').map((t) => t.tag), ['1']);
      assert.deepEqual(catalog.tagsFor('xgboost', 'il-central-1'), []);
    });

    it('keeps processor order within one version (cpu before gpu)', () => {
      const tags = catalog.tagsFor('pytorch-training', 'us-east-1').map((t) => t.tag);
      assert.deepEqual(tags.slice(0, 2), ['2.8.0-cpu-py312', '2.8.0-gpu-py312']);
    });

    it('matches exact tags for built-in algorithms and first-party images', () => {
      assert.equal(catalog.findImage('sagemaker-xgboost', '1.7-1')?.version, '1.7-1');
      assert.equal(catalog.findImage('sagemaker-xgboost', '1.7-1-cpu-py3'), undefined);
      assert.equal(catalog.findImage('sagemaker-xgboost', '0.90-1-cpu-py3')?.version, '0.90-1');
      assert.deepEqual(catalog.findImage('sagemaker-xgboost', '1.5-1-arm64')?.scopes, ['inference_graviton']);
      assert.deepEqual(catalog.findImage('sagemaker-xgboost', '1.5-1')?.scopes, ['inference', 'training']);
      assert.equal(catalog.findImage('sagemaker-scikit-learn', '1.2-1-cpu-py3')?.version, '1.2-1');
      assert.equal(catalog.findImage('sagemaker-scikit-learn', '1.2-1'), undefined);
      assert.deepEqual(catalog.findImage('sagemaker-scikit-learn', '1.0-1-arm64-cpu-py3')?.scopes, ['inference_graviton']);
      assert.equal(catalog.findImage('sagemaker-spark-processing', '3.5-cpu-py312')?.version, '3.5');
      assert.equal(catalog.findImage('sagemaker-rl-vw-container', 'vw-8.7.0-cpu')?.framework, 'vw');
      assert.equal(catalog.isKnownTag('kmeans', '2'), false);
    });

    it('accepts the xgboost alias `latest` on the legacy repository only', () => {
      const legacy = catalog.findImage('xgboost', 'latest');
      assert.equal(legacy?.version, '1');
      assert.deepEqual(legacy?.aliases, ['latest']);
      assert.equal(catalog.findImage('xgboost', '1'), legacy);
      assert.equal(catalog.isKnownTag('sagemaker-xgboost', 'latest'), false);
      assert.equal(catalog.isKnownTag('sagemaker-xgboost', '1'), false);
    });

    it('matches DLC tags by version prefix', () => {
      const pt = catalog.findImage('pytorch-training', '2.8.0-gpu-py312-cu130-ubuntu22.04-sagemaker');
      assert.equal(pt?.version, '2.8.0');
      assert.equal(pt?.tagMatch, 'version-prefix');
      assert.equal(catalog.isKnownTag('pytorch-training', '2.8.0-gpu-py312-cu130-ubuntu22.04-sagemaker'), true);
      assert.equal(catalog.isKnownTag('pytorch-training', '2.8.0'), true);
      assert.equal(catalog.isKnownTag('pytorch-training', '9.9.9-gpu'), false);
      assert.equal(catalog.isKnownTag('pytorch-training', '2.8.0x-gpu'), false);
      assert.equal(catalog.isKnownTag('pytorch-training', ''), false);
      assert.equal(catalog.isKnownTag('pytorch-inference', '2.8.0-gpu-py312'), false); // inference stops at 2.6.0
      // Floating DLC tags use the version alias.
      assert.equal(catalog.findImage('pytorch-training', '2.8-gpu-py312')?.version, '2.8.0');
    });

    it('prefers the longest prefix', () => {
      assert.equal(catalog.findImage('sagemaker-rl-tensorflow', 'coach0.11.0-cpu-py3')?.version, '0.11.0');
      assert.equal(catalog.findImage('sagemaker-rl-tensorflow', 'coach0.11-gpu-py3')?.version, '0.11');
      assert.equal(catalog.findImage('sagemaker-rl-tensorflow', 'ray0.6.5-cpu-py3')?.framework, 'ray-tensorflow');
      assert.equal(catalog.findImage('djl-inference', '0.36.0-lmi27.0.0-cu130')?.framework, 'djl-lmi');
      assert.equal(catalog.findImage('djl-inference', '0.29.0-neuronx-sdk2.19.1')?.framework, 'djl-neuronx');
      assert.equal(catalog.findImage('djl-inference', '0.36.0-lmi27.0.0'), undefined);
      const tgi = catalog.findImage('huggingface-pytorch-tgi-inference', '2.7.0-optimum3.3.6-neuronx-py310-ubuntu22.04');
      assert.equal(tgi?.framework, 'huggingface-llm-neuronx');
    });

    it('matches Hugging Face tags by their framework-transformers prefix', () => {
      const hf = catalog.findImage('huggingface-pytorch-inference', '1.8.1-transformers4.6.1-gpu-py36-cu111-ubuntu18.04');
      assert.equal(hf?.version, '4.6.1');
      assert.equal(hf?.baseFramework, 'pytorch1.8.1');
      assert.equal(catalog.findImage('huggingface-pytorch-inference', '1.7.1-transformers4.6.1-cpu-py36-ubuntu18.04')?.baseFramework, 'pytorch1.7.1');
      assert.equal(catalog.isKnownTag('huggingface-pytorch-inference', '4.6.1-gpu'), false);
    });

    it('restricts matches to a region', () => {
      assert.ok(catalog.findImage('xgboost', '1', 'us-east-1'));
      assert.equal(catalog.findImage('xgboost', '1', 'il-central-1'), undefined);
      assert.equal(catalog.findImage('pytorch-training', '2.8.0-gpu-py312', 'xx-nowhere-1'), undefined);
    });

    it('treats the tagless model-monitor image as `latest`', () => {
      const mm = catalog.findImage('sagemaker-model-monitor-analyzer', '');
      assert.equal(mm?.framework, 'model-monitor');
      assert.deepEqual(mm?.tags, []);
      assert.equal(catalog.findImage('sagemaker-model-monitor-analyzer', 'latest'), mm);
      assert.equal(catalog.imageUri(mm, 'us-east-1')?.endsWith('.amazonaws.com/sagemaker-model-monitor-analyzer'), true);
    });
  });

  describe('pinnedVersions', () => {
    it('lists pinned xgboost URIs in us-east-1, newest first', () => {
      const pinned = catalog.pinnedVersions('xgboost', 'us-east-1', 'training');
      assert.deepEqual(pinned.slice(0, 3).map((p) => p.uri), [
        '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0',
        '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5',
        '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
      ]);
      const p17 = pinned.find((p) => p.version === '1.7-1');
      assert.deepEqual(
        { account: p17?.account, repository: p17?.repository, tag: p17?.tag },
        { account: '683313688378', repository: 'sagemaker-xgboost', tag: '1.7-1' },
      );
      for (const p of pinned) {
        assert.notEqual(p.tag, 'latest');
        assert.notEqual(p.version, '1');
        assert.equal(p.repository, 'sagemaker-xgboost');
        assert.ok(!p.tag.endsWith('-arm64'));
      }
      assert.equal(pinned.at(-1)?.tag, '0.90-1-cpu-py3');
    });

    it('filters by scope and region', () => {
      const graviton = catalog.pinnedVersions('xgboost', 'us-east-1', 'inference_graviton').map((p) => p.tag);
      assert.deepEqual(graviton, ['1.5-1-arm64', '1.3-1-arm64']);
      assert.deepEqual(catalog.pinnedVersions('xgboost', 'xx-nowhere-1'), []);
      assert.deepEqual(catalog.pinnedVersions('kmeans', 'us-east-1'), []); // only the floating `1`
      assert.equal(catalog.pinnedVersions('xgboost', 'cn-north-1', 'training')[0].uri, '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:3.2-0');
    });

    it('knows floating tags', () => {
      for (const tag of ['', 'latest', '1', '3.x']) assert.equal(isFloatingTag(tag), true, tag);
      for (const tag of ['1.7-1', '2.2', '0.90-1-cpu-py3', 'vw-8.7.0-cpu']) assert.equal(isFloatingTag(tag), false, tag);
      const legacy = catalog.imagesForRepository('xgboost')[0];
      assert.equal(catalog.isFloating(legacy), true);
    });
  });

  describe('performance', () => {
    it('answers completion queries in well under a millisecond', () => {
      const rounds = 2000;
      const start = process.hrtime.bigint();
      for (let i = 0; i < rounds; i++) {
        catalog.findImage('pytorch-training', '2.8.0-gpu-py312-cu130-ubuntu22.04-sagemaker', 'us-east-1');
        catalog.tagsFor('tensorflow-training', 'eu-west-1');
        catalog.repositoriesHostedBy('763104351884', 'us-east-1');
        catalog.pinnedVersions('xgboost', 'us-east-1', 'training');
      }
      const perRoundMs = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
      assert.ok(perRoundMs < 0.5, `${perRoundMs.toFixed(4)} ms per round`);
    });
  });

  describe('instance GPUs', () => {
    it('maps instance types to GPU counts', () => {
      const gpus = loadInstanceGpus();
      assert.equal(gpus.gpuCount('ml.p4d.24xlarge'), 8);
      assert.equal(gpus.gpuCount('ml.g5.2xlarge'), 1);
      assert.equal(gpus.gpuCount('ml.g4dn.12xlarge'), 4);
      assert.equal(gpus.info('ml.p3.2xlarge')?.gpuMemoryMiB, 16384);
      assert.equal(gpus.gpuCount('ml.m5.xlarge'), undefined);
      assert.ok(gpus.instanceTypes().length >= 20);
    });
  });
});

describe('compareVersions', () => {
  it('orders SageMaker version keys numerically', () => {
    const ascending = ['', '0.90-1', '0.90-2', '1', '1.0-1', '1.2-1', '1.2-2', '1.7-1', '3.0-5', '3.2-0', 'latest'];
    const shuffled = [...ascending].reverse();
    shuffled.sort(compareVersions);
    assert.deepEqual(shuffled, ascending);
  });

  it('compares digit runs as numbers', () => {
    assert.ok(compareVersions('0.10', '0.9') > 0);
    assert.ok(compareVersions('1.13.1', '1.9.0') > 0);
    assert.ok(compareVersions('2.8.0', '2.8') > 0);
    assert.ok(compareVersions('25.09', '24.09') > 0);
    assert.ok(compareVersions('v1.0', '0.9') > 0);
    assert.ok(compareVersions('v1.0', '1.0') !== 0); // total order
    assert.ok(compareVersions('1.4-2-py312', '1.4-2') > 0);
    assert.ok(compareVersions('1.0', '1.x') > 0);
    assert.ok(compareVersions('2.x', '1.0') > 0);
    assert.ok(compareVersions('12345678901234567890', '9') > 0);
    assert.equal(compareVersions('2.8.0', '2.8.0'), 0);
  });

  it('sorts newest first with the arguments swapped', () => {
    const list = ['1.7-1', '0.90-1', '3.2-0', '1', '1.0-1'];
    list.sort((a, b) => compareVersions(b, a));
    assert.deepEqual(list, ['3.2-0', '1.7-1', '1.0-1', '1', '0.90-1']);
  });
});

describe('Catalog (in-memory data)', () => {
  // A tiny hand-made catalog: the core needs no file system.
  const image = (over: Partial<CatalogImage> & Pick<CatalogImage, 'version' | 'tags'>): CatalogImage => ({
    framework: 'fw',
    title: 'Fw',
    kind: 'deep-learning-container',
    scopes: ['training'],
    repository: 'fw-training',
    accounts: 'm1',
    tagMatch: 'version-prefix',
    ...over,
  });
  const data: CatalogData = {
    source: { repository: 'test', commit: '0'.repeat(40), configDir: 'x' },
    regions: {
      'us-east-1': { dnsSuffix: 'amazonaws.com', partition: 'aws' },
      'cn-north-1': { dnsSuffix: 'amazonaws.com.cn', partition: 'aws-cn' },
    },
    accountMaps: { m1: { 'us-east-1': '111111111111', 'cn-north-1': '222222222222' }, m2: { 'us-east-1': '333333333333' } },
    images: [
      image({ version: '2.0.0', tags: ['2.0.0-gpu-py3'], aliases: ['2.0'] }),
      image({ version: '2.0', tags: ['2.0-gpu-py3'] }),
      image({ version: '1.5.0', tags: ['1.5.0-cpu-py3', '1.5.0-gpu-py3'], accounts: 'm2', aliases: ['1.5'] }),
      image({ version: '1.5.0', tags: ['1.5.0-cpu-py3'], scopes: ['inference'] }),
    ],
  };
  const catalog = new Catalog(data);

  it('prefers a real version over an alias of the same text', () => {
    assert.equal(catalog.findImage('fw-training', '2.0-gpu-py3')?.version, '2.0');
    assert.equal(catalog.findImage('fw-training', '2.0.0-gpu-py3-cu121')?.version, '2.0.0');
    assert.equal(catalog.findImage('fw-training', '1.5-cpu')?.version, '1.5.0');
  });

  it('deduplicates tags and honours the region filter', () => {
    assert.deepEqual(catalog.tagsFor('fw-training').map((t) => t.tag), ['2.0.0-gpu-py3', '2.0-gpu-py3', '1.5.0-cpu-py3', '1.5.0-gpu-py3']);
    const cn = catalog.tagsFor('fw-training', 'cn-north-1');
    assert.deepEqual(cn.map((t) => t.tag), ['2.0.0-gpu-py3', '2.0-gpu-py3', '1.5.0-cpu-py3']);
    assert.deepEqual(cn[2].image.scopes, ['inference']);
    assert.deepEqual(catalog.findImage('fw-training', '1.5.0-cpu-py3', 'cn-north-1')?.scopes, ['inference']);
    assert.deepEqual(catalog.accountsForRepository('fw-training', 'us-east-1'), ['111111111111', '333333333333']);
  });

  it('rejects an image that names a missing account map', () => {
    assert.throws(() => new Catalog({ ...data, images: [image({ version: '1', tags: ['1'], accounts: 'nope' })] }), /unknown account map/);
  });
});
