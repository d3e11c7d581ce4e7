import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readDockerfileDocument, readJsonDocument, readPythonDocument } from '../../src/core/hostDocument';
import { IpynbFile } from '../../src/core/hosts/notebook/ipynbFile';
import { algorithms, analyzeText, apiModel, catalog, codes, instanceGpus } from './specTestKit';
import { analyzeYaml } from './yamlTestKit';

// out/test/unit → the repository's examples/.
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** A notebook's findings, as the checker finds them; it must hold requests (a clean notebook is not an empty one). */
function analyzeNotebook(text: string): Finding[] {
  const document = readPythonDocument(IpynbFile.parse(text)!.notebook.text);
  assert.ok(document.requests.length + document.frameworkRequests.length > 0, 'the notebook holds SageMaker requests');
  return analyzeDocument(document, { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} } }).findings;
}

/** A Dockerfile's findings, as the checker finds them; it must name images we check (a clean Dockerfile is not an empty one). */
function analyzeDockerfile(text: string): Finding[] {
  const document = readDockerfileDocument(text);
  assert.ok(document.requests.length > 0, 'the Dockerfile builds on an Amazon ECR image');
  return analyzeDocument(document, { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} } }).findings;
}

/** A Pipelines definition's or state machine's findings, as the checker finds them; it must hold requests. */
function analyzeWorkflow(text: string): Finding[] {
  const document = readJsonDocument(text);
  assert.ok(document.requests.length > 0 && document.requests.every((request) => request.embedding), 'the workflow holds SageMaker requests');
  return analyzeDocument(document, { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} } }).findings;
}

/** `broken-<code>.sagemaker.json[c]` (or `.ipynb`, `.Dockerfile`, `.pipeline.json`, `.asl.json`, `.sagemaker.yaml`, `.template.yaml`) shows exactly that code; every other example is clean. */
describe('examples/', () => {
  const files = fs.readdirSync(EXAMPLES).filter((file) => /\.(sagemaker\.jsonc?|ipynb|Dockerfile|pipeline\.json|asl\.json|sagemaker\.yaml|template\.yaml)$/.test(file)).sort();

  it('has good and deliberately broken specs', () => {
    assert.ok(files.filter((file) => file.startsWith('broken-')).length >= 4);
    assert.ok(files.filter((file) => !file.startsWith('broken-')).length >= 5);
  });

  for (const file of files) {
    const expected = /^broken-(.+?)\.(sagemaker\.jsonc?|ipynb|Dockerfile|pipeline\.json|asl\.json|sagemaker\.yaml|template\.yaml)$/.exec(file)?.[1];
    it(`${file} → ${expected ?? 'no findings'}`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const workflow = /\.(pipeline|asl)\.json$/.test(file);
      const findings = file.endsWith('.ipynb') ? analyzeNotebook(text) : file.endsWith('.yaml') ? analyzeYaml(text, { forced: file.endsWith('.sagemaker.yaml'), algorithms: true }) : workflow ? analyzeWorkflow(text) : file.endsWith('.Dockerfile') ? analyzeDockerfile(text) : analyzeText(text, { forced: true, algorithms: true });
      assert.deepEqual(codes(findings), expected ? [expected] : []);
    });
  }
});
