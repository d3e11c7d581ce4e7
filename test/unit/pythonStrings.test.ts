import * as assert from 'node:assert/strict';
import { decodeContent, decodeString, segmentOf } from '../../src/core/hosts/python/pythonStrings';

/** Decodes the one literal written in `source`, as the Python host reads it. */
function decodeLiteral(source: string) {
  return decodeString(source, [segmentOf(source, 0, source.length)]);
}

describe('Python string literals (decodeContent, decodeString)', () => {
  it('reads a literal with nothing to decode as its source text, each index at its own offset', () => {
    const decoded = decodeLiteral('"ml.m5.xlarge"');
    assert.equal(decoded?.value, 'ml.m5.xlarge');
    assert.deepEqual(decoded?.offsets, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.equal(decoded?.plain, true);
  });

  it('decodes escapes whatever precedes them, offsets on the backslash', () => {
    const decoded = decodeLiteral('"ab\\ncd"');
    assert.equal(decoded?.value, 'ab\ncd');
    assert.deepEqual(decoded?.offsets, [1, 2, 3, 5, 6, 7]);
    assert.equal(decoded?.plain, false);
  });

  it('keeps a backslash of a raw literal, and a single brace outside f-strings', () => {
    const raw = 'r"a\\d{2}"';
    const segment = segmentOf(raw, 0, raw.length);
    assert.deepEqual(decodeContent(raw, segment.contentFrom, segment.contentTo, true, false), { value: 'a\\d{2}', offsets: [2, 3, 4, 5, 6, 7], escaped: false });
  });

  it('undoubles the braces of f-string text', () => {
    const text = '{{x}}';
    assert.deepEqual(decodeContent(text, 0, text.length, false, true), { value: '{x}', offsets: [0, 2, 3], escaped: true });
  });

  it('reads an f-string without replacement fields as the constant it spells, its doubled braces as one', () => {
    const decoded = decodeLiteral('f"a{{b}}c"');
    assert.equal(decoded?.value, 'a{b}c');
    assert.deepEqual(decoded?.offsets, [2, 3, 5, 6, 8, 9]);
    assert.equal(decoded?.plain, false);
    assert.equal(decodeLiteral('rf"a\\d"')?.value, 'a\\d');
  });

  it('does not read an f-string with a replacement field, nor one whose brace is left open', () => {
    assert.equal(decodeLiteral('f"ml.{size}"'), undefined);
    assert.equal(decodeLiteral('f"ml.{"'), undefined);
    assert.equal(decodeLiteral('f"ml.}}}"'), undefined);
  });

  it('reads an empty literal as an empty value ending where its content ends', () => {
    assert.deepEqual(decodeLiteral("''"), { value: '', segments: [segmentOf("''", 0, 2)], offsets: [1], plain: true });
  });
});
