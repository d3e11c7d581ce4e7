import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { renderFix } from '../../src/core/renderFix';
import { stringValueEdits } from '../../src/core/hosts/python/pythonStringEdit';
import { segmentOf } from '../../src/core/hosts/python/pythonStrings';
import { applyEdits } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1.0';
const estimator = (instanceType: string) =>
  `from sagemaker.estimator import Estimator\nest = Estimator(image_uri="${IMAGE}", role="r", instance_count=1,\n    instance_type=${instanceType},\n)\n`;

/** The one invalid-enum-value finding of `text`. */
function typo(text: string): Finding {
  const found = analyzePython(text).filter((finding) => finding.code === 'invalid-enum-value');
  assert.equal(found.length, 1, JSON.stringify(analyzePython(text).map((finding) => finding.code)));
  return found[0];
}

/** `literal` (the segments at the start of `text`) changed to `after` by stringValueEdits; undefined when it gives no edit. */
function edited(text: string, pieces: readonly [number, number][], before: string, after: string): string | undefined {
  const edits = stringValueEdits(text, pieces.map(([from, to]) => segmentOf(text, from, to)), before, after);
  return edits && applyEdits(text, edits);
}

describe('Python fixes keep a string literal as written', () => {
  it('keeps the comment between the pieces of a string split across lines (trial 6, f3)', () => {
    const text = estimator('("ml.m5."  # family\n                   "xlarg")  # size');
    const finding = typo(text);
    assert.equal(finding.offset, text.indexOf('"ml.m5."') + 1);
    assert.equal(finding.message.startsWith('"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType)'), true);
    assert.equal(applyPythonFix(text, finding), estimator('("ml.m5."  # family\n                   "xlarge")  # size'));
  });

  it('keeps a u prefix and the literal\'s own quotes', () => {
    const text = estimator("u'ml.c5.2xlarg'");
    const finding = typo(text);
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), 'ml.c5.2xlarg');
    assert.equal(applyPythonFix(text, finding), estimator("u'ml.c5.2xlarge'"));
  });

  it('keeps triple quotes and a raw prefix', () => {
    const triple = estimator('"""ml.m5.xlarg"""');
    assert.equal(applyPythonFix(triple, typo(triple)), estimator('"""ml.m5.xlarge"""'));
    const raw = estimator('R"ml.m5.xlarg"');
    assert.equal(applyPythonFix(raw, typo(raw)), estimator('R"ml.m5.xlarge"'));
  });

  it('reads an f-string without replacement fields as its text and keeps its f prefix (trial 6, 9-11)', () => {
    const text = estimator('f"ml.m5.xlarg"');
    const finding = typo(text);
    assert.equal(finding.offset, text.indexOf('f"ml.m5.xlarg"') + 2);
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), 'ml.m5.xlarg');
    assert.equal(finding.message, '"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".');
    assert.equal(applyPythonFix(text, finding), estimator('f"ml.m5.xlarge"'));
    // A piece of a concatenation too; one with a replacement field is a template, never judged.
    const pieces = estimator("('ml.m5.' f'xlarg')");
    assert.equal(applyPythonFix(pieces, typo(pieces)), estimator("('ml.m5.' f'xlarge')"));
    assert.deepEqual(analyzePython(estimator('f"ml.m5.{size}"')).map((finding) => finding.code), []);
  });

  it('offers no fix when the change crosses a comment between pieces, rather than deleting it', () => {
    const text = estimator('("ml.g5."  # family\n    "2xlarg")');
    const finding = typo(text);
    const fix = finding.fixes.find((candidate) => candidate.title === 'Use "ml.m5.2xlarge"');
    assert.ok(fix, JSON.stringify(finding.fixes.map((candidate) => candidate.title)));
    assert.equal(renderFix({ text, host: 'python' }, fix), undefined);
    // The nearest one only adds to the second piece: offered, and the comment stays.
    assert.equal(applyPythonFix(text, finding, 'Use "ml.g5.2xlarge"'), estimator('("ml.g5."  # family\n    "2xlarge")'));
  });

  describe('stringValueEdits', () => {
    it('changes only the differing characters, inside the segment that holds them', () => {
      const text = `'ab' "cd"`;
      assert.deepEqual(stringValueEdits(text, [segmentOf(text, 0, 4), segmentOf(text, 5, 9)], 'abcd', 'abXd'), [{ offset: 6, length: 1, newText: 'X' }]);
    });

    it('escapes the new text for the segment\'s quote', () => {
      const text = `u'ab'`;
      assert.equal(edited(text, [[0, 5]], 'ab', "a'b"), `u'a\\'b'`);
    });

    it('rewrites pieces joined by spacing only as one literal in the first piece\'s prefix and quotes', () => {
      const text = `u'ab' "cd"`;
      assert.equal(edited(text, [[0, 5], [6, 10]], 'abcd', 'aXYd'), `u'aXYd'`);
    });

    it('drops a raw prefix only when a raw literal cannot hold the new value', () => {
      const text = `r'a\\b' 'cd'`;
      assert.equal(edited(text, [[0, 6], [7, 11]], 'a\\bcd', 'a\\XYd'), `r'a\\XYd'`);
      assert.equal(edited(text, [[0, 6], [7, 11]], 'a\\bcd', "a'XYd"), `'a\\'XYd'`);
    });

    it('writes braces doubled in an f-string and keeps the doubled ones it does not change', () => {
      const text = `f'a{{b}}'`;
      assert.equal(edited(text, [[0, text.length]], 'a{b}', 'a{c}'), `f'a{{c}}'`);
      assert.equal(edited(text, [[0, text.length]], 'a{b}', 'x{b}}'), `f'x{{b}}}}'`);
      assert.equal(edited(`f'a' 'b'`, [[0, 4], [5, 8]], 'ab', '{X}'), `f'{{X}}'`);
      assert.equal(edited(`'a' f'b'`, [[0, 3], [4, 8]], 'ab', '{X}'), `'{X}'`);
    });

    it('rewrites an escape decoding to two characters whole when the change cuts it', () => {
      const text = `'a\\U0001F600b'`;
      // U+1F601 shares the first UTF-16 unit of U+1F600: the change starts inside the escape.
      assert.equal(edited(text, [[0, text.length]], 'a\u{1F600}b', 'a\u{1F601}b'), `'a\u{1F601}b'`);
      assert.equal(edited(text, [[0, text.length]], 'a\u{1F600}b', 'a\u{1F600}bc'), `'a\\U0001F600bc'`);
    });
  });
});
