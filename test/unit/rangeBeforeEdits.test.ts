// rangeBeforeEdits: a range of a fixed text back in the text before the fixes (--fix-dry-run reports on the file on disk).
import * as assert from 'node:assert/strict';
import { rangeBeforeEdits } from '../../src/core/edits/rangeBeforeEdits';
import { applyEdits, type TextEdit } from '../../src/core/findings';

/** The text under `range` of `text`. */
function under(text: string, range: { offset: number; length: number }): string {
  return text.slice(range.offset, range.offset + range.length);
}

describe('rangeBeforeEdits', () => {
  const before = 'a: 1\nb: xx\nc: bad\n';

  it('moves a range after the edits by what they inserted and deleted, lines included', () => {
    const round: TextEdit[] = [{ offset: 5, length: 0, newText: 'z: 0\nw: 9\n' }, { offset: 8, length: 2, newText: 'x' }];
    const after = applyEdits(before, round);
    const bad = { offset: after.indexOf('bad'), length: 3 };
    assert.deepEqual(rangeBeforeEdits(bad, [round]), { offset: before.indexOf('bad'), length: 3 });
    // Before every edit: unchanged.
    assert.deepEqual(rangeBeforeEdits({ offset: 0, length: 1 }, [round]), { offset: 0, length: 1 });
  });

  it('maps a range on written text to the whole span its edit replaced; one ending at an insertion stays before it', () => {
    const round: TextEdit[] = [{ offset: 8, length: 2, newText: 'yyyy' }];
    const after = applyEdits(before, round);
    assert.equal(under(before, rangeBeforeEdits({ offset: after.indexOf('yy') + 1, length: 2 }, [round])), 'xx');
    assert.equal(under(before, rangeBeforeEdits({ offset: 5, length: 3 }, [round])), 'b: ');
    const insertion: TextEdit[] = [{ offset: 5, length: 0, newText: 'new\n' }];
    assert.deepEqual(rangeBeforeEdits({ offset: 0, length: 5 }, [insertion]), { offset: 0, length: 5 }, 'the line before the inserted one');
    assert.equal(under(before, rangeBeforeEdits({ offset: 9, length: 5 }, [insertion])), 'b: xx');
  });

  it('maps through a deletion: a range starting where text was removed starts after it', () => {
    const round: TextEdit[] = [{ offset: 5, length: 6, newText: '' }];
    const after = applyEdits(before, round);
    assert.equal(after, 'a: 1\nc: bad\n');
    assert.equal(under(before, rangeBeforeEdits({ offset: 5, length: 6 }, [round])), 'c: bad');
    assert.deepEqual(rangeBeforeEdits({ offset: 5, length: 0 }, [round]), { offset: 11, length: 0 });
  });

  it('goes back through several rounds, last first', () => {
    const first: TextEdit[] = [{ offset: 0, length: 0, newText: '# head\n' }];
    const middle = applyEdits(before, first);
    const second: TextEdit[] = [{ offset: middle.indexOf('xx'), length: 2, newText: 'x' }];
    const after = applyEdits(middle, second);
    assert.equal(under(before, rangeBeforeEdits({ offset: after.indexOf('bad'), length: 3 }, [first, second])), 'bad');
    assert.equal(under(before, rangeBeforeEdits({ offset: after.indexOf('b: x'), length: 4 }, [first, second])), 'b: xx');
  });
});
