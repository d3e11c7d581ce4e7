import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { catalogSnapshotLabel, newerThanCatalog, unlistedVersion } from '../../src/core/catalog/catalogAge';
import type { CatalogData, ImageData } from '../../src/core/catalog/catalogData';
import { hoverAt } from '../../src/core/hover';
import { RULES } from '../../src/core/rules/ruleCodes';
import { parseSpecDocument } from '../../src/core/specDocument';
import { analyzeText, catalog, codes, KMEANS_US_EAST_1, modelSpec, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function dlc(repository: string, version: string, tagPrefix?: string): ImageData {
  const base = tagPrefix ?? version;
  return { framework: repository, title: repository, kind: 'deep-learning-container', scopes: ['training'], version, repository, accounts: 'm1', ...(tagPrefix ? { tagPrefix } : {}), tags: [`${base}-gpu-py312`], tagMatch: 'version-prefix' };
}

/** A small catalog whose newest versions the assertions below name exactly. */
const small = new Catalog({
  source: { repository: 'aws/sagemaker-python-sdk', commit: COMMIT, date: '2026-01-02', configDir: 'x/' },
  regions: { 'us-east-1': { dnsSuffix: 'amazonaws.com', partition: 'aws' } },
  accountMaps: { m1: { 'us-east-1': '763104351884' } },
  images: [
    dlc('pytorch-training', '2.8.0'),
    dlc('pytorch-training', '2.10.1'),
    dlc('huggingface-pytorch-training', '4.56.2', '2.8.0-transformers4.56.2'),
    dlc('huggingface-pytorch-training', '5.3.0', '2.9.0-transformers5.3.0'),
    dlc('djl-inference', '0.36.0', '0.36.0-lmi27.0.0-cu130'),
    dlc('djl-inference', '0.33.0', '0.33.0-tensorrtllm0.21.0-cu128'),
    { ...dlc('sagemaker-xgboost', '3.2-0'), kind: 'first-party', tagMatch: 'exact', tags: ['3.2-0'] },
  ],
} satisfies CatalogData);

describe('catalog age', () => {
  describe('catalogSnapshotLabel', () => {
    it('names the date and the short SDK commit', () => {
      assert.equal(catalogSnapshotLabel(small.source), 'Catalog of 2026-01-02 (SDK commit 0123456)');
      assert.equal(catalogSnapshotLabel({ repository: 'r', commit: COMMIT, configDir: 'x/' }), 'Catalog of SDK commit 0123456');
    });

    it('reads the date and commit the generator recorded in data/catalog.json', () => {
      assert.match(catalog.source.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.match(catalog.source.commit, /^[0-9a-f]{40}$/);
    });
  });

  describe('newerThanCatalog', () => {
    it('compares the leading version numerically with the newest of the repository', () => {
      assert.deepEqual(newerThanCatalog(small, 'pytorch-training', '2.11.0-gpu-py312-cu130'), { tagVersion: '2.11.0', newestKnown: '2.10.1' });
      assert.deepEqual(newerThanCatalog(small, 'pytorch-training', '3.0-gpu'), { tagVersion: '3.0', newestKnown: '2.10.1' });
      assert.equal(newerThanCatalog(small, 'pytorch-training', '2.9.0-gpu-py312'), undefined); // older than 2.10.1
      assert.equal(newerThanCatalog(small, 'pytorch-training', '2.10.1-gpu'), undefined); // not newer: the same version
      assert.equal(newerThanCatalog(small, 'pytorch-training', 'nightly-gpu'), undefined); // no version to compare
    });

    it('reads every version of a composite tag form in order, the most specific form first', () => {
      const hf = 'huggingface-pytorch-training';
      assert.deepEqual(newerThanCatalog(small, hf, '2.9.0-transformers5.4.0-gpu-py312'), { tagVersion: '2.9.0-transformers5.4.0', newestKnown: '2.9.0-transformers5.3.0' });
      assert.deepEqual(newerThanCatalog(small, hf, '2.10.0-transformers4.0.0-gpu'), { tagVersion: '2.10.0-transformers4.0.0', newestKnown: '2.9.0-transformers5.3.0' });
      assert.equal(newerThanCatalog(small, hf, '2.9.0-transformers5.2.9-gpu'), undefined);
      assert.equal(newerThanCatalog(small, hf, '2.10.0-gpu'), undefined); // not the repository's form
    });

    it('keeps the tag families of one repository apart (DJL LMI and TensorRT-LLM)', () => {
      assert.deepEqual(newerThanCatalog(small, 'djl-inference', '0.34.0-tensorrtllm0.22.0-cu128'), { tagVersion: '0.34.0-tensorrtllm0.22.0-cu128', newestKnown: '0.33.0-tensorrtllm0.21.0-cu128' });
      assert.deepEqual(newerThanCatalog(small, 'djl-inference', '0.36.0-lmi27.0.0-cu131'), { tagVersion: '0.36.0-lmi27.0.0-cu131', newestKnown: '0.36.0-lmi27.0.0-cu130' });
      assert.equal(newerThanCatalog(small, 'djl-inference', '0.35.0-lmi99.0.0-cu130'), undefined);
    });

    it('never applies to exact-tag images or unknown repositories', () => {
      assert.equal(newerThanCatalog(small, 'sagemaker-xgboost', '9.9-1'), undefined);
      assert.equal(newerThanCatalog(small, 'my-trainer', '9.0'), undefined);
    });
  });

  describe('unlistedVersion', () => {
    it('names a newer framework version, and an older one that is a patch of a listed minor version in a build that version had', () => {
      assert.deepEqual(unlistedVersion(small, 'pytorch-training', '2.8.1-gpu-py312'), { tagVersion: '2.8.1', newestKnown: '2.10.1', newer: false });
      assert.deepEqual(unlistedVersion(small, 'pytorch-training', '2.8.1-gpu-py312-cu124-ubuntu22.04-sagemaker'), { tagVersion: '2.8.1', newestKnown: '2.10.1', newer: false });
      assert.deepEqual(unlistedVersion(small, 'pytorch-training', '2.11.0-gpu'), { tagVersion: '2.11.0', newestKnown: '2.10.1', newer: true });
    });

    it('an older version with no listed build of its minor version in that form is no patch release (found by a fresh user)', () => {
      for (const tag of ['2.9.0-gpu-py312', '2.8.1-gpu-py311', '2.8.1-tpu-py312', '2.8.00-gpu-py312', '2.8.1', '2.8.1-gpu-py3123', '0.4.0-gpu-py312']) {
        assert.equal(unlistedVersion(small, 'pytorch-training', tag), undefined, tag);
      }
    });

    it('leaves a listed framework version with another rest, other forms and exact-tag images alone', () => {
      assert.equal(unlistedVersion(small, 'pytorch-training', '2.8.0-gpu-py399'), undefined); // 2.8.0 is listed: a typo after it
      assert.equal(unlistedVersion(small, 'pytorch-training', 'v2.9-gpu'), undefined);
      assert.equal(unlistedVersion(small, 'sagemaker-xgboost', '3.1-0'), undefined);
      assert.equal(unlistedVersion(small, 'my-trainer', '1.0'), undefined);
    });
  });

  describe('newer-than-catalog', () => {
    const pytorch = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';
    const onGpus = { ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 } };
    const host = (repository: string) => {
      const account = catalog.accountsForRepository(repository, 'us-east-1')[0];
      return `${account}.dkr.ecr.us-east-1.amazonaws.com/${repository}`;
    };
    const label = `catalog of ${catalog.source.date} (SDK commit ${catalog.source.commit.slice(0, 7)})`;

    it('is an information-level code, reported instead of unknown-image-tag', () => {
      assert.equal(RULES['newer-than-catalog'].severity, 'information');
      const text = trainingSpec(`${pytorch}:99.0.0-gpu-py312-cu130-ubuntu22.04-sagemaker`, onGpus);
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['newer-than-catalog']);
      const finding = only(findings, 'newer-than-catalog');
      assert.equal(finding.severity, 'information');
      assert.equal(textAt(text, finding), '99.0.0-gpu-py312-cu130-ubuntu22.04-sagemaker');
      assert.ok(finding.message.includes(`is newer than the ${label}, whose newest "pytorch-training" version is `), finding.message);
      assert.deepEqual(finding.fixes, []);
    });

    it('covers the other Deep Learning Container forms: Hugging Face, DJL, Triton', () => {
      const images = [
        [host('huggingface-pytorch-inference'), '99.0.0-transformers4.0.0-gpu-py312-cu130-ubuntu22.04'],
        [host('djl-inference'), '99.0.0-lmi99.0.0-cu130'],
        [host('sagemaker-tritonserver'), '99.01-py3'],
      ];
      for (const [repository, tag] of images) {
        const text = modelSpec(`${repository}:${tag}`);
        assert.equal(textAt(text, only(analyzeText(text), 'newer-than-catalog')), tag, repository);
      }
    });

    it('leaves older unknown versions, unknown forms and exact-tag images to unknown-image-tag', () => {
      for (const image of [`${pytorch}:2.7.9-gpu-py312`, `${pytorch}:v99-gpu`, `${XGBOOST_US_EAST_1}:99.0-1`, `${KMEANS_US_EAST_1}:99`]) {
        const text = trainingSpec(image);
        const found = codes(analyzeText(text));
        assert.ok(found.includes('unknown-image-tag') && !found.includes('newer-than-catalog'), `${image}: ${found.join(', ')}`);
      }
    });

    it('an older version the catalog does not list (a Deep Learning Container patch release): unknown-image-tag as information, saying why, with no version preferred', () => {
      const text = trainingSpec(`${pytorch}:1.5.1-cpu-py36-ubuntu16.04`);
      const finding = only(analyzeText(text), 'unknown-image-tag');
      assert.equal(finding.severity, 'information');
      assert.equal(textAt(text, finding), '1.5.1-cpu-py36-ubuntu16.04');
      assert.equal(
        finding.message,
        'The SageMaker catalog has no tag "1.5.1-cpu-py36-ubuntu16.04" for "pytorch-training" in us-east-1. The Deep Learning Containers publish versions the SageMaker Python SDK does not list (patch releases among them), so 1.5.1 may exist: check that the tag is in the registry.',
      );
      assert.ok(finding.fixes.length > 0 && finding.fixes.every((fix) => !fix.preferred), JSON.stringify(finding.fixes.map((fix) => fix.title)));
      // A tag of no Deep Learning Container form stays a warning, and so does one configured so.
      assert.equal(only(analyzeText(trainingSpec(`${pytorch}:v99-gpu`)), 'unknown-image-tag').severity, 'warning');
      assert.equal(only(analyzeText(text, { rules: { 'unknown-image-tag': 'warning' } }), 'unknown-image-tag').severity, 'warning');
    });

    it('can be turned off without unknown-image-tag taking its place', () => {
      const text = trainingSpec(`${pytorch}:99.0.0-cpu-py312`);
      assert.deepEqual(analyzeText(text, { rules: { 'newer-than-catalog': 'off' } }), []);
      assert.equal(only(analyzeText(text, { rules: { 'newer-than-catalog': 'warning' } }), 'newer-than-catalog').severity, 'warning');
    });
  });

  describe('hover', () => {
    const hover = (image: string) => {
      const text = trainingSpec(image);
      return hoverAt(parseSpecDocument(text), text.indexOf(image) + 1, catalog)!.markdown;
    };

    it('shows the catalog date and SDK commit on SageMaker registry images, escaped', () => {
      const expected = `Catalog of ${catalog.source.date!.replace(/-/g, '\\-')} \\(SDK commit ${catalog.source.commit.slice(0, 7)}\\).`;
      assert.ok(hover(`${XGBOOST_US_EAST_1}:1.7-1`).split('\n').includes(expected), hover(`${XGBOOST_US_EAST_1}:1.7-1`));
      assert.ok(hover(`${XGBOOST_US_EAST_1}:99.0-1`).includes(expected));
    });

    it('leaves it out for registries the catalog does not describe', () => {
      assert.doesNotMatch(hover('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/trainer:1'), /Catalog of/);
      assert.doesNotMatch(hover('registry.example.com/team/trainer:1'), /Catalog of/);
    });
  });
});
