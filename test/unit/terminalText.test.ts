import * as assert from 'node:assert/strict';
import { terminalSafe } from '../../src/cli/terminalText';

describe('terminal-safe text (stylish output)', () => {
  it('shows control characters, C1, separators and bidi overrides as escapes', () => {
    assert.equal(terminalSafe('\u001b[2J\u001b[Hok'), '\\u001b[2J\\u001b[Hok');
    assert.equal(terminalSafe('a\nb\tc\rd'), 'a\\nb\\tc\\rd');
    assert.equal(terminalSafe('\u009b31m\u007f\u0000'), '\\u009b31m\\u007f\\u0000');
    assert.equal(terminalSafe('x\u2028y\u202ez\u2066'), 'x\\u2028y\\u202ez\\u2066');
  });

  it('leaves ordinary text alone, Unicode included', () => {
    const text = '"latest" moves — pin 2.1.0 (Zürich, 東京, 😀)';
    assert.equal(terminalSafe(text), text);
  });
});
