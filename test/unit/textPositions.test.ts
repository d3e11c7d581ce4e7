import * as assert from 'node:assert/strict';
import { LineIndex, lineStartAt, lineStarts } from '../../src/core/textPositions';

describe('text positions', () => {
  it('starts lines after \\n, \\r\\n and a lone \\r', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  });

  it('finds the start of the line holding an offset, 0 at the start of a text that begins with a line break', () => {
    assert.deepEqual([0, 1, 2, 3].map((offset) => lineStartAt('\nab\n', offset)), [0, 1, 1, 1]);
    assert.equal(lineStartAt('\nab\n', 4), 4);
  });

  it('converts offsets to 0-based line and UTF-16 column', () => {
    const lines = new LineIndex('ab\n"é😀x"\n');
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 1, character: 4 }); // the emoji is two code units
    assert.deepEqual(lines.positionAt(10), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 2, character: 0 });
  });
});
