// firstInvalidUtf8: where bytes stop being UTF-8, as the checker's `--fix` note says it (the
// first invalid byte, its offset and line), agreeing with Node's own validator on every input.
import * as assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../src/core/invalidUtf8';

const at = (bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));

describe('firstInvalidUtf8', () => {
  it('finds nothing in UTF-8, whatever its characters', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('plain\néàü\n€ 😀 \uFFFD\n')), undefined);
    assert.equal(firstInvalidUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), undefined, 'a byte-order mark');
    assert.equal(firstInvalidUtf8(new Uint8Array()), undefined);
  });

  it('gives the first invalid byte, its offset and its line (a Latin-1 file)', () => {
    const latin1 = Buffer.from('# -*- coding: latin-1 -*-\n# Entra\u00eenement caf\u00e9\n', 'latin1');
    assert.deepEqual(firstInvalidUtf8(latin1), { byte: 0xee, offset: 33, line: 2 });
  });

  it('refuses what UTF-8 forbids: stray continuation bytes, C0/C1 and F5–FF leads, overlong forms, surrogates, past U+10FFFF, cut sequences', () => {
    assert.deepEqual(at([0x41, 0x80]), { byte: 0x80, offset: 1, line: 1 });
    assert.deepEqual(at([0xc0, 0xaf]), { byte: 0xc0, offset: 0, line: 1 });
    assert.deepEqual(at([0xc1, 0xbf]), { byte: 0xc1, offset: 0, line: 1 });
    assert.deepEqual(at([0xe0, 0x80, 0xaf]), { byte: 0xe0, offset: 0, line: 1 }, 'overlong');
    assert.deepEqual(at([0xed, 0xa0, 0x80]), { byte: 0xed, offset: 0, line: 1 }, 'a surrogate');
    assert.deepEqual(at([0xf4, 0x90, 0x80, 0x80]), { byte: 0xf4, offset: 0, line: 1 }, 'past U+10FFFF');
    assert.deepEqual(at([0xf5, 0x80, 0x80, 0x80]), { byte: 0xf5, offset: 0, line: 1 });
    assert.deepEqual(at([0x0a, 0x0a, 0xe2, 0x82]), { byte: 0xe2, offset: 2, line: 3 }, 'cut short by the end');
    assert.deepEqual(at([0xe2, 0x0a, 0x82]), { byte: 0xe2, offset: 0, line: 1 }, 'a line feed inside a sequence ends it');
  });

  it('agrees with Node\'s isUtf8 on random bytes, and everything before the byte it names is UTF-8', () => {
    // A fixed seed (xorshift32): the same inputs every run.
    let seed = 0x2545f491;
    const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), seed >>> 0);
    // Mostly the bytes that lead or continue sequences, so valid ones come up too.
    const pool = [0x41, 0x0a, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let run = 0; run < 20000; run++) {
      const bytes = Buffer.from(Array.from({ length: next() % 8 }, () => pool[next() % pool.length]));
      const found = firstInvalidUtf8(bytes);
      assert.equal(found === undefined, isUtf8(bytes), bytes.toString('hex'));
      if (!found) continue;
      assert.ok(isUtf8(bytes.subarray(0, found.offset)), bytes.toString('hex'));
      assert.equal(found.byte, bytes[found.offset]);
      assert.equal(found.line, bytes.subarray(0, found.offset).filter((byte) => byte === 0x0a).length + 1);
    }
  });
});
