import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { RULE_CODES, RULES, ruleDocsUrl } from '../../src/core/rules/ruleCodes';
import { REPOSITORY_ROOT, runCli } from './cliTestKit';

// The official SARIF 2.1.0 JSON Schema (draft-07); see test/fixtures/sarif/README.md for its source.
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

describe('sarif output', () => {
  const args = ['check', 'examples/'];
  let validate: ReturnType<Ajv['compile']>;
  let sarifRun: ReturnType<typeof runCli>;
  let log: SarifLog;

  before(() => {
    validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SCHEMA);
    sarifRun = runCli([...args, '--format', 'sarif']);
    log = JSON.parse(sarifRun.stdout) as SarifLog;
  });

  it('is valid against the SARIF 2.1.0 JSON Schema', () => {
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(sarifRun.status, 1);
  });

  it('is checked by a schema that does reject invalid SARIF', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'information';
    assert.equal(validate(broken), false);
  });

  it('describes every rule with its summary, help URI and default level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'sagemaker-spec');
    assert.deepEqual(driver.rules.map((rule) => rule.id), RULE_CODES);
    for (const rule of driver.rules) {
      const code = rule.id as keyof typeof RULES;
      assert.equal(rule.helpUri, ruleDocsUrl(code));
      assert.equal(rule.shortDescription.text, RULES[code].summary);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[RULES[code].severity]);
    }
  });

  it('locates each result like the json output, relative to %SRCROOT%', () => {
    const fromJson = (JSON.parse(runCli([...args, '--format', 'json']).stdout) as JsonFileResult[]).flatMap((file) =>
      file.findings.map((finding) => ({
        ruleId: finding.code,
        uri: path.relative(REPOSITORY_ROOT, file.filePath).split(path.sep).join('/'),
        region: [finding.line, finding.column, finding.endLine, finding.endColumn],
      })),
    );
    const run = log.runs[0];
    const fromSarif = run.results.map((result) => {
      const location = result.locations[0].physicalLocation;
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      const { startLine, startColumn, endLine, endColumn } = location.region;
      return { ruleId: result.ruleId, uri: location.artifactLocation.uri, region: [startLine, startColumn, endLine, endColumn] };
    });
    assert.ok(fromSarif.length >= 6);
    assert.deepEqual(fromSarif, fromJson);
  });
});
