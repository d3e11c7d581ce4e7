import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, codes } from './specTestKit';

// out/test/unit → the repository's examples/.
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** `broken-<code>.sagemaker.json[c]` shows exactly that code; every other example is clean. */
describe('examples/', () => {
  const files = fs.readdirSync(EXAMPLES).filter((file) => /\.sagemaker\.jsonc?$/.test(file)).sort();

  it('has good and deliberately broken specs', () => {
    assert.ok(files.filter((file) => file.startsWith('broken-')).length >= 4);
    assert.ok(files.filter((file) => !file.startsWith('broken-')).length >= 5);
  });

  for (const file of files) {
    const expected = /^broken-(.+)\.sagemaker\.jsonc?$/.exec(file)?.[1];
    it(`${file} → ${expected ?? 'no findings'}`, () => {
      const findings = analyzeText(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'), { forced: true });
      assert.deepEqual(codes(findings), expected ? [expected] : []);
    });
  }
});
