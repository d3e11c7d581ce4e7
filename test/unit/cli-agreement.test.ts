import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { analyzeSpec } from '../../src/core/analyze';
import { parseSpecDocument } from '../../src/core/specDocument';
import { LineIndex } from '../../src/core/textPositions';
import { example, EXAMPLES, removeTempProjects, runCli, tempProject } from './cliTestKit';
import { algorithms, apiModel, catalog, instanceGpus } from './specTestKit';

/** What the editor computes for a `*.sagemaker.json(c)` file with default settings and no AWS region. */
function editorFindings(text: string) {
  const { findings } = analyzeSpec(parseSpecDocument(text), { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} }, forcedSpec: true });
  return findings.map(({ code, severity, message, offset, length }) => ({ code, severity, message, offset, length })).sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
}

describe('the checker and the editor agree', () => {
  after(removeTempProjects);

  const files = fs.readdirSync(EXAMPLES).filter((file) => /\.sagemaker\.jsonc?$/.test(file)).sort();
  // Beyond the examples: CRLF line ends, characters outside the BMP before a finding, a suppression.
  const extra: Record<string, string> = {
    'crlf-and-emoji.sagemaker.json': example('broken-latest-tag.sagemaker.json').replace('"broken-latest-tag"', '"😀-job"').replace(/\n/g, '\r\n'),
    'suppressed.sagemaker.jsonc': example('broken-xgboost-unpinned.sagemaker.json').replace('    "TrainingImage"', '    // sagemaker-spec-disable-next-line\n    "TrainingImage"'),
    'with-bom.sagemaker.json': `\uFEFF${example('broken-unknown-region.sagemaker.json')}`,
  };

  it('on codes, severities, messages and ranges of every example and edge case', () => {
    const root = tempProject(Object.fromEntries([...files.map((file) => [file, example(file)]), ...Object.entries(extra)]));
    const run = runCli(['check', '--format', 'json', '.'], { cwd: root });
    const results = JSON.parse(run.stdout) as JsonFileResult[];
    assert.equal(results.length, files.length + Object.keys(extra).length);
    let compared = 0;
    for (const result of results) {
      // The editor sees the text without a byte-order mark.
      const text = fs.readFileSync(result.filePath, 'utf8').replace(/^\uFEFF/, '');
      const fromCli = result.findings.map(({ code, severity, message, offset, length }) => ({ code, severity, message, offset, length }));
      assert.deepEqual(fromCli, editorFindings(text), path.basename(result.filePath));
      const lines = new LineIndex(text);
      for (const finding of result.findings) {
        const start = lines.positionAt(finding.offset);
        const end = lines.positionAt(finding.offset + finding.length);
        assert.deepEqual(
          [finding.line, finding.column, finding.endLine, finding.endColumn],
          [start.line + 1, start.character + 1, end.line + 1, end.character + 1],
        );
        compared++;
      }
    }
    assert.ok(compared >= 7, `compared ${compared} findings`);
    const byName = new Map(results.map((result) => [path.basename(result.filePath), result]));
    assert.deepEqual(byName.get('suppressed.sagemaker.jsonc')?.findings, []);
    assert.ok(byName.get('crlf-and-emoji.sagemaker.json')?.findings.some((finding) => finding.code === 'latest-tag'));
  });
});
