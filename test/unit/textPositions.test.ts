import * as assert from 'node:assert/strict';
import { LineIndex, lineStarts } from '../../src/core/textPositions';

describe('text positions', () => {
  it('starts lines after \\n, \\r\\n and a lone \\r', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
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
