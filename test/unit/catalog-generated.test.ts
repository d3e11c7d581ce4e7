import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Catalog, compareVersions, DNS_SUFFIX_OVERRIDES } from '../../src/core/catalog';
import type { CatalogData } from '../../src/core/catalog';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const referenceDir = process.env.SAGEMAKER_SPEC_REFERENCE_DIR
  ? path.resolve(process.env.SAGEMAKER_SPEC_REFERENCE_DIR)
  : path.resolve(repoRoot, 'reference');

interface GeneratorModule {
  generateCatalog(referenceDir: string): string;
  generateInstanceGpus(referenceDir: string): string;
  compareVersions(a: string, b: string): number;
  DNS_SUFFIX_OVERRIDES: Record<string, string>;
}

interface ReferenceImage {
  framework: string;
  kind: string;
  scope: string | null;
  version: string;
  repository: string | string[];
  registries: string;
  tags: string[];
  aliases?: string[];
}

interface AlgorithmRegistries {
  dnsSuffixOverrides: Record<string, string>;
  defaultDnsSuffix: string;
  registryMaps: Record<string, Record<string, string>>;
  images: ReferenceImage[];
}

// tsc compiles this file to CommonJS, which rewrites `import(x)` into `require(x)`, and require()
// cannot load the generator's ES module (.mjs) on Node 20. A Function body is not seen by tsc, so
// the import() inside stays a real dynamic import; it needs an absolute file URL.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

describe('catalog generator (scripts/generate-catalog.mjs)', function () {
  let generator: GeneratorModule;

  before(async () => {
    // The generator's inputs are committed under reference/ (test/unit/reference-copy.test.ts
    // checks them against ../shared/reference), so these checks run on a plain clone too.
    generator = (await importEsm(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-catalog.mjs')).href)) as GeneratorModule;
  });

  it('reproduces the committed data/catalog.json byte for byte', () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'data', 'catalog.json'), 'utf8');
    assert.ok(generator.generateCatalog(referenceDir) === committed, 'data/catalog.json is stale: run npm run generate');
  });

  it('reproduces the committed data/instance-gpus.json byte for byte', () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'data', 'instance-gpus.json'), 'utf8');
    assert.ok(generator.generateInstanceGpus(referenceDir) === committed, 'data/instance-gpus.json is stale: run npm run generate');
  });

  it('keeps one framework per image config file', () => {
    const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'catalog.json'), 'utf8')) as CatalogData;
    const files = fs
      .readdirSync(path.join(referenceDir, 'image_uri_config'))
      .filter((f) => f.endsWith('.json') && f !== 'instance_gpu_info.json')
      .map((f) => f.slice(0, -5))
      .sort();
    assert.deepEqual([...new Set(data.images.map((i) => i.framework))].sort(), files);
  });

  it('orders versions like src/core/catalog/versions.ts', () => {
    const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'catalog.json'), 'utf8')) as CatalogData;
    const versions = [...new Set(data.images.flatMap((i) => [i.version, i.tagPrefix ?? i.version, ...(i.aliases ?? [])]))];
    versions.push('v1.0', '1.x', '0.10', '0.9', 'latest', '');
    for (const a of versions) {
      for (const b of versions) {
        assert.equal(Math.sign(generator.compareVersions(a, b)), Math.sign(compareVersions(a, b)), `${a} vs ${b}`);
      }
    }
  });

  describe('agrees with algorithm-registries.json', () => {
    let reference: AlgorithmRegistries;
    let catalog: Catalog;

    before(() => {
      const file = path.join(referenceDir, 'algorithm-registries.json');
      reference = JSON.parse(fs.readFileSync(file, 'utf8')) as AlgorithmRegistries;
      catalog = new Catalog(JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'catalog.json'), 'utf8')) as CatalogData);
    });

    it('uses the same DNS suffixes', () => {
      assert.deepEqual(generator.DNS_SUFFIX_OVERRIDES, reference.dnsSuffixOverrides);
      assert.deepEqual({ ...DNS_SUFFIX_OVERRIDES }, reference.dnsSuffixOverrides);
      for (const r of catalog.regions()) {
        assert.equal(r.dnsSuffix, reference.dnsSuffixOverrides[r.name] ?? reference.defaultDnsSuffix, r.name);
      }
    });

    it('has the same repository, tags, aliases and accounts for every image it lists', () => {
      assert.ok(reference.images.length >= 90);
      let checked = 0;
      for (const ref of reference.images) {
        const repositories = Array.isArray(ref.repository) ? ref.repository : [ref.repository];
        const expectedAccounts = reference.registryMaps[ref.registries];
        for (const repository of repositories) {
          const label = `${ref.framework} ${ref.scope} ${ref.version} ${repository}`;
          const matches = catalog
            .imagesForFramework(ref.framework)
            .filter((i) => i.version === ref.version && i.repository === repository && (ref.scope === null ? i.scopes.length === 0 : i.scopes.includes(ref.scope)));
          assert.equal(matches.length, 1, `${label}: ${matches.length} images`);
          const image = matches[0];
          // The reference lists the tags with a py version; the SDK also emits Spark's `3.1-cpu`
          // when no py version is given (image_uris._validate_py_version_and_set_if_needed).
          const sdkOnly = ref.framework === 'spark' ? [`${ref.version}-cpu`] : [];
          assert.deepEqual([...image.tags], [...ref.tags, ...sdkOnly], `${label}: tags`);
          assert.deepEqual([...(image.aliases ?? [])], ref.aliases ?? [], `${label}: aliases`);
          assert.deepEqual(Object.fromEntries(catalog.accountsOf(image)), expectedAccounts, `${label}: accounts`);
          assert.equal(image.kind, ref.kind === 'built-in-algorithm' ? 'built-in-algorithm' : 'first-party', `${label}: kind`);
          assert.equal(image.tagMatch, 'exact', `${label}: tagMatch`);
          checked++;
        }
      }
      assert.equal(checked, reference.images.length + 1); // sagemaker-base-python lists two repositories
    });

    it('lists exactly the built-in and first-party images of the reference', () => {
      const expected = reference.images.flatMap((ref) =>
        (Array.isArray(ref.repository) ? ref.repository : [ref.repository]).map((repo) => `${ref.framework}|${ref.scope ?? ''}|${ref.version}|${repo}`),
      );
      const actual = catalog
        .images()
        .filter((i) => i.kind !== 'deep-learning-container')
        .flatMap((i) => (i.scopes.length === 0 ? [''] : i.scopes).map((scope) => `${i.framework}|${scope}|${i.version}|${i.repository}`));
      assert.deepEqual(actual.sort(), expected.sort());
    });
  });
});
