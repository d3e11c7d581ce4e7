import * as assert from 'node:assert/strict';
import { bracketNestingExceeds, MAX_BRACKET_NESTING } from '../../src/core/hosts/python/pythonNesting';
import { readPythonDocument } from '../../src/core/hostDocument';

describe('Python bracket nesting pre-scan', () => {
  const nested = (levels: number) => `${'('.repeat(levels)}1${')'.repeat(levels)}`;

  it('allows CPython\'s limit of 200 nested brackets and refuses one more', () => {
    assert.equal(bracketNestingExceeds(`x = ${nested(MAX_BRACKET_NESTING)}\n`), false);
    assert.equal(bracketNestingExceeds(`x = ${nested(MAX_BRACKET_NESTING + 1)}\n`), true);
  });

  it('counts every bracket kind together', () => {
    assert.equal(bracketNestingExceeds('x = [{(1)}]', 2), true);
    assert.equal(bracketNestingExceeds('x = [{(1)}]', 3), false);
  });

  it('does not count brackets inside strings, triple-quoted strings or comments', () => {
    const inside = '['.repeat(500);
    assert.equal(bracketNestingExceeds(`a = "${inside}"\nb = '${inside}'\n`), false);
    assert.equal(bracketNestingExceeds(`doc = """\n${inside}\n"""\n# ${inside}\n`), false);
    assert.equal(bracketNestingExceeds(`s = "\\"${inside}"`), false, 'an escaped quote does not end the string');
  });

  it('a one-line string left open ends at its line, so code below is still scanned', () => {
    assert.equal(bracketNestingExceeds(`s = "open\nx = ${nested(300)}\n`), true);
  });

  it('a SageMaker request in ordinary Python is still read', () => {
    const text = 'import boto3\nboto3.client("sagemaker").create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::111122223333:role/r", PrimaryContainer={"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"})\n';
    assert.equal(readPythonDocument(text).requests.length, 1);
  });

  it('Python nested past the limit yields nothing (the parser never sees it)', () => {
    const text = `import boto3\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    assert.deepEqual(readPythonDocument(text).requests, []);
  });
});
