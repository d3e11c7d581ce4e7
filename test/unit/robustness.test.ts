/**
 * Hostile and half-typed input (issue 9): each kind of input that crashed, hung or edited the
 * wrong text, with its right outcome.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { runCli as runCliInProcess } from '../../src/cli/runCli';
import { analyzeSpec } from '../../src/core/analyze';
import type { Catalog } from '../../src/core/catalog/catalog';
import { completeAt } from '../../src/core/completion';
import { MAX_NESTING_DEPTH } from '../../src/core/jsonScan';
import { fixRenderCount } from '../../src/core/renderFix';
import { identifySpec, parseSpecDocument } from '../../src/core/specDocument';
import { readPythonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { completeDocumentImage } from '../../src/core/documentImageCompletion';
import { IpynbFile } from '../../src/core/hosts/notebook/ipynbFile';
import { EXAMPLES } from './cliTestKit';
import { analyzeText, apiModel, applyFix, catalog, codes, instanceGpus, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeYaml, completeYaml } from './yamlTestKit';
import { analyzeWorkflow } from './workflowTestKit';
import { completeTaskResource, completeTaskResourceInYaml } from '../../src/core/hosts/workflows/resourceCompletion';

const KMEANS = '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1';
const PRIVATE = 'registry.example.com/team/trainer:1';
const XGBOOST_LATEST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest';

function parseErrors(text: string): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  return errors.length;
}

describe('hostile and half-typed input', () => {
  describe('a non-object where an object is expected, next to a rule that builds an edit there', () => {
    for (const value of ['"x"', '""', '0', 'true', 'null', '[]']) {
      it(`TrainingImageConfig: ${value} — reported, and "Set … to Vpc" replaces the value with an object`, () => {
        const text = `{"AlgorithmSpecification": {"TrainingImage": "${PRIVATE}", "TrainingImageConfig": ${value}}}`;
        const findings = analyzeText(text);
        assert.ok(codes(findings).includes('invalid-type'));
        const fixed = applyFix(text, only(findings, 'private-registry-needs-vpc-access'));
        // Written in the document's one-line style, {"Name": …} (no spaces inside the braces).
        assert.equal(fixed, `{"AlgorithmSpecification": {"TrainingImage": "${PRIVATE}", "TrainingImageConfig": {"TrainingRepositoryAccessMode": "Vpc"}}}`);
      });

      it(`a model's ImageConfig: ${value} — the same`, () => {
        const text = `{"ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r", "PrimaryContainer": {"Image": "${PRIVATE}", "ImageConfig": ${value}}}`;
        const fixed = applyFix(text, only(analyzeText(text), 'private-registry-needs-vpc-access'));
        assert.equal(JSON.parse(fixed).PrimaryContainer.ImageConfig.RepositoryAccessMode, 'Vpc');
      });
    }
  });

  describe('duplicate keys', () => {
    const text = `{"AlgorithmSpecification": {"TrainingImage": "${KMEANS}", "TrainingInputMode": "File"}, "OutputDataConfig": "x", "OutputDataConfig": {}}`;

    it('a wrong-typed first occurrence and an incomplete second: both reported, nothing thrown', () => {
      const findings = analyzeText(text);
      assert.equal(textAt(text, only(findings, 'invalid-type')), 'x');
      assert.equal(textAt(text, only(findings, 'duplicate-key')), 'OutputDataConfig');
    });

    it('"Add S3OutputPath" edits the flagged (second) object, never the first', () => {
      const finding = analyzeText(text).find((candidate) => candidate.code === 'missing-required-property' && candidate.message.includes('S3OutputPath'))!;
      assert.equal(applyFix(text, finding), text.replace('"OutputDataConfig": {}', '"OutputDataConfig": {"S3OutputPath": ""}'));
    });

    it('rules read the last occurrence, the one JSON readers keep and the CLI sends', () => {
      const twice = trainingSpec(KMEANS).replace(`"TrainingImage": "${KMEANS}"`, `"TrainingImage": "${KMEANS}", "TrainingImage": "${KMEANS.replace(':1', ':latest')}"`);
      assert.ok(codes(analyzeText(twice)).includes('latest-tag'));
    });
  });

  describe('deep nesting', () => {
    it(`a spec nested deeper than ${MAX_NESTING_DEPTH} levels is one invalid-json finding at the bracket that went too deep`, () => {
      const prefix = '{"AlgorithmSpecification": {"TrainingImage": "x"}, "HyperParameters": ';
      const text = prefix + '['.repeat(7000) + ']'.repeat(7000) + '}';
      const finding = only(analyzeText(text), 'invalid-json');
      assert.match(finding.message, new RegExp(`nested deeper than ${MAX_NESTING_DEPTH} levels`));
      assert.equal(finding.offset, prefix.length + MAX_NESTING_DEPTH - 1);
      assert.equal(analyzeText(text).length, 1);
    });

    it('another JSON file nested 7,000 levels deep is skipped silently, without building a tree', () => {
      const text = '{"data": ' + '['.repeat(7000) + ']'.repeat(7000) + '}';
      assert.equal(identifySpec(text).kind, undefined);
      assert.deepEqual(analyzeText(text), []);
    });

    describe('a state machine, pipeline or template with a value nested deeper elsewhere (found by a fresh user: it was skipped in silence)', () => {
      const deepValue = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
      const modelTask = (image: string) => ({ Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: image } }, End: true });
      const machine = (levels: number) => JSON.stringify({ StartAt: 'Seed', States: { Seed: { Type: 'Pass', Result: 'DEEP', Next: 'Model' }, Model: modelTask(XGBOOST_LATEST) } }).replace('"DEEP"', deepValue(levels));

      it(`reads the requests of a state machine whose Pass Result nests ${MAX_NESTING_DEPTH + 6} levels`, () => {
        const text = machine(MAX_NESTING_DEPTH + 6);
        const finding = only(analyzeWorkflow(text), 'xgboost-unpinned');
        assert.equal(textAt(text, finding), 'latest');
      });

      it('reads the resources of a JSON template whose Metadata nests deeper', () => {
        const template = JSON.stringify({ Metadata: { Deep: 'DEEP' }, Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: XGBOOST_LATEST } } } } }).replace('"DEEP"', deepValue(100));
        assert.deepEqual(analyzeWorkflow(template).map((finding) => finding.code), ['xgboost-unpinned']);
      });

      it('says a file too deep for the parser\'s stack is not analysed, naming what it is', () => {
        const text = machine(200_000);
        const finding = only(analyzeWorkflow(text), 'invalid-json');
        assert.equal(finding.message, 'The state machine nests thousands of levels deep, past what the parser can read; it is not analysed.');
        const template = JSON.stringify({ Resources: { Model: { Type: 'AWS::SageMaker::Model', Metadata: 'DEEP' } } }).replace('"DEEP"', deepValue(200_000));
        assert.match(only(analyzeWorkflow(template), 'invalid-json').message, /^The template nests thousands of levels deep/);
      });
    });

    it('a file forced to be a spec (sagemakerSpec.files) gets the depth finding too', () => {
      const text = '['.repeat(100) + ']'.repeat(100);
      assert.deepEqual(codes(analyzeText(text, { forced: true })), ['invalid-json']);
    });

    it('a fix inserting next to a value nested to the limit still renders and parses', () => {
      const depth = MAX_NESTING_DEPTH - 2;
      const text = `{"AlgorithmSpecification": {"TrainingImage": "${KMEANS}", "TrainingInputMode": "File"}, "Environment": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`;
      const finding = analyzeText(text).find((candidate) => candidate.code === 'missing-required-property' && candidate.message.includes('RoleArn'))!;
      const fixed = applyFix(text, finding);
      assert.equal(parseErrors(fixed), 0);
      assert.equal(JSON.parse(fixed).RoleArn, '');
    });
  });

  it('completion inside a Docker Hub namespace/repository offers nothing and throws nowhere', () => {
    for (const image of ['team/trainer', 'pytorch/pytorch:2.1.0']) {
      const text = `{"AlgorithmSpecification": {"TrainingImage": "${image}"}}`;
      const spec = parseSpecDocument(text);
      for (let offset = 0; offset <= text.length; offset++) completeAt(spec, offset, { catalog, apiModel, regionInputs: { env: {} } });
      const inside = text.indexOf(image) + image.length;
      assert.deepEqual(completeAt(spec, inside, { catalog, apiModel, regionInputs: { env: {} } })?.items ?? [], []);
    }
  });

  it('every range lies inside the document: an unclosed comment at the end', () => {
    const text = '{"TrainingJobName": "a", /* unclosed';
    for (const finding of analyzeText(text)) assert.ok(finding.offset + finding.length <= text.length, `${finding.code} ends at ${finding.offset + finding.length} > ${text.length}`);
  });

  describe('a rule that throws costs only its own findings', () => {
    it('the others are reported, and the error is passed on once per rule family', () => {
      const broken = new Proxy(catalog, {
        get(target, property, receiver) {
          if (property === 'region') return () => { throw new Error('catalog exploded'); };
          return Reflect.get(target, property, receiver);
        },
      }) as Catalog;
      const errors: string[] = [];
      const text = trainingSpec(KMEANS, { RoleArn: undefined });
      const { findings } = analyzeSpec(parseSpecDocument(text), {
        catalog: broken,
        apiModel,
        instanceGpus,
        regionInputs: { env: {} },
        onInternalError: (rule, error) => errors.push(`${rule}: ${(error as Error).message}`),
      });
      assert.deepEqual(errors, ['registry: catalog exploded']);
      assert.ok(codes(findings).includes('missing-required-property'));
    });
  });

  describe('findings × file size', () => {
    it('analysis renders no fix, however many findings have fixes (core and checker)', () => {
      const before = fixRenderCount.value;
      let withFixes = 0;
      for (const name of fs.readdirSync(EXAMPLES)) {
        const findings = analyzeText(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
        withFixes += findings.filter((finding) => finding.fixes.length > 0).length;
      }
      const channels = `{"TrainingJobName": "j", "InputDataConfig": [${Array(500).fill('{}').join(', ')}]}`;
      withFixes += analyzeText(channels).filter((finding) => finding.fixes.length > 0).length;
      let printed = '';
      const exit = runCliInProcess(['check', '--format', 'json', EXAMPLES], { cwd: EXAMPLES, env: {}, stdout: (text) => (printed += text), stderr: () => undefined });
      assert.equal(exit, 1);
      assert.ok(printed.includes('"fixes"'));
      assert.ok(withFixes > 500, `only ${withFixes} findings with fixes`);
      assert.equal(fixRenderCount.value, before, 'an edit builder was called during analysis');
    });

    it('2,000 incomplete channels on one line: every finding, and each fix still renders on request', () => {
      const text = `{"TrainingJobName": "j", "RoleArn": "arn:aws:iam::123456789012:role/r", "OutputDataConfig": {"S3OutputPath": "s3://b/o"}, "InputDataConfig": [${Array(2000).fill('{}').join(', ')}]}`;
      const findings = analyzeText(text).filter((finding) => finding.code === 'missing-required-property');
      assert.equal(findings.length, 2 * 2000); // ChannelName and DataSource in each channel
      const last = findings[findings.length - 1];
      assert.equal(parseErrors(applyFix(text, last)), 0);
    });

    it('an invalid 1 MiB InstanceType: reported with a short message and no suggestions', () => {
      const value = 'x'.repeat(1024 * 1024);
      const text = trainingSpec(KMEANS, {}, {}).replace('"InstanceType": "ml.m5.xlarge"', `"InstanceType": "${value}"`);
      const finding = only(analyzeText(text), 'invalid-enum-value');
      assert.ok(finding.message.length < 400, `message of ${finding.message.length} characters`);
      assert.deepEqual(finding.fixes, []);
    });

    it('a 10 MB name is counted in place (no copy into an array); surrogate pairs count once', () => {
      const text = trainingSpec(KMEANS, { TrainingJobName: 'a'.repeat(10 * 1024 * 1024) });
      assert.match(only(analyzeText(text), 'value-out-of-range').message, /it has 10485760\./);
      const emoji = trainingSpec(KMEANS, { TrainingJobName: '😀'.repeat(64) });
      assert.match(only(analyzeText(emoji), 'value-out-of-range').message, /it has 64\./);
    });
  });

  describe('integers the service cannot hold', () => {
    it('an integer member beyond 32 bits is out of range, with the bound as its fix', () => {
      const text = trainingSpec(KMEANS, { StoppingCondition: { MaxRuntimeInSeconds: 4294967296 } });
      const finding = only(analyzeText(text), 'value-out-of-range');
      assert.match(finding.message, /from 1 to 2147483647 \(a 32-bit integer\); it is 4294967296\./);
      assert.equal(JSON.parse(applyFix(text, finding)).StoppingCondition.MaxRuntimeInSeconds, 2147483647);
    });
  });
});

describe('hostile Python and notebooks', () => {
  it('Python nested 100,000 levels deep yields nothing, without overflowing the stack', () => {
    const text = `import boto3\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    assert.deepEqual(readPythonDocument(text).requests, []);
  });

  it('an .ipynb nested 100,000 levels deep is not a notebook (not a stack overflow)', () => {
    assert.equal(IpynbFile.parse(`{"nbformat": 4, "cells": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), undefined);
  });

  it('a notebook code cell in another language (VS Code cell metadata) is not Python', () => {
    const ipynb = JSON.stringify({
      nbformat: 4,
      metadata: { language_info: { name: 'python' } },
      cells: [{ cell_type: 'code', metadata: { vscode: { languageId: 'sql' } }, source: ["u = sagemaker.image_uris.retrieve('xgboost', 'us-east-1', '1')"] }],
    });
    assert.deepEqual(IpynbFile.parse(ipynb)!.notebook.codeCells, []);
  });
});

describe('hostile YAML (found by typing every host)', () => {
  // `- - - … x` nests one block sequence per `- `; the line after closes them all at once.
  const deep = `${'- '.repeat(10_000)}x`;

  it('a line closing 10,000 block sequences at once is one invalid-yaml finding on the deep line, not a stack overflow', () => {
    const text = `TrainingJobName: j\nTags:\n  ${deep}\nRoleArn: r\n`;
    const findings = analyzeYaml(text, { forced: true });
    assert.deepEqual(codes(findings), ['invalid-yaml']);
    assert.match(findings[0].message, /^The YAML nests too deeply here to be read/);
    assert.ok(findings[0].offset >= text.indexOf('- ') && findings[0].offset < text.indexOf('RoleArn'), `at ${findings[0].offset}`);
  });

  it('the same nesting left open to the end (the composer\'s own overflow) gets the same words', () => {
    const findings = analyzeYaml(`TrainingJobName: j\nTags:\n  ${deep}\n`, { forced: true });
    assert.deepEqual(codes(findings), ['invalid-yaml']);
    assert.match(findings[0].message, /^The YAML nests too deeply here to be read/);
  });

  it('completion reads such a text without throwing: a member name after it, a task Resource after it', () => {
    assert.doesNotThrow(() => completeYaml(`TrainingJobName: j\nTags:\n  ${deep}\nRole|`, true));
    const stateMachine = `StartAt: a\nStates:\n  a:\n    Type: Task\n    Parameters:\n      ${deep}\n    Resource: arn:aws:states:::sagemaker:cr`;
    assert.equal(completeTaskResourceInYaml(stateMachine, stateMachine.length), undefined);
  });

  it('completion among 5,000 aliases of one image resolves the request\'s region once at most, not once per image', () => {
    // Per image, each resolution reading all 5,000: 50,000 aliases took 13 s.
    const text = `Resources:\n  M:\n    Type: AWS::SageMaker::Model\n    Properties:\n      PrimaryContainer:\n        Image: &img ${XGBOOST_US_EAST_1}:1.7-1\n      Containers:\n${'        - Image: *img\n'.repeat(5000)}`;
    const document = readYamlDocument(text);
    assert.equal(document.requests[0].images.length, 5001);
    let resolutions = 0;
    const regionInputs = {
      env: {},
      get templateRegions() {
        resolutions++;
        return undefined;
      },
    };
    assert.equal(completeDocumentImage(document, text.indexOf('Containers'), { catalog, regionInputs }), undefined);
    assert.ok(resolutions <= 1, `${resolutions} resolutions`);
    const tag = text.indexOf(':1.7-1') + 1;
    assert.ok(completeDocumentImage(document, tag, { catalog, regionInputs })?.items.some((item) => item.label === '1.7-1'));
  });
});

describe('hostile state machines and templates (found by typing every host)', () => {
  it('a task Resource typed after 100,000 nested `[` completes nothing, without overflowing the stack', () => {
    // Too deep for the JSON host to read as a state machine, so completion takes the unserved path.
    const machine = (parameters: string) => `{"StartAt": "a", "States": {"a": {"Type": "Task", "Parameters": ${parameters}, "Resource": "arn:aws:states:::sagemaker:cr"}}}`;
    const text = machine(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(completeTaskResource(text, text.indexOf(':cr"') + 3), undefined);
    // The same Resource without the nesting still completes.
    const shallow = machine('[[]]');
    assert.ok(completeTaskResource(shallow, shallow.indexOf(':cr"') + 3)?.items.some((item) => item.label.endsWith('createTrainingJob.sync')));
  });
});
