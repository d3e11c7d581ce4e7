import * as assert from 'node:assert/strict';
import { codeSpan, escapeMarkdown } from '../../src/core/markdown';

describe('escapeMarkdown', () => {
  it('escapes links, images, command links, HTML, entities, emphasis and table pipes', () => {
    assert.equal(escapeMarkdown('[x](command:workbench.action.files.delete)'), '\\[x\\]\\(command\\:workbench\\.action\\.files\\.delete\\)');
    assert.equal(escapeMarkdown('![img](http://example.com/x.png)'), '\\!\\[img\\]\\(http\\:\\/\\/example\\.com\\/x\\.png\\)');
    assert.equal(escapeMarkdown('<img src=x>'), '\\<img src\\=x\\>');
    assert.equal(escapeMarkdown('&amp; *a* _b_ a|b $(trash) www.example.com'), '\\&amp\\; \\*a\\* \\_b\\_ a\\|b \\$\\(trash\\) www\\.example\\.com');
  });

  it('turns line breaks and control characters into one space', () => {
    assert.equal(escapeMarkdown('a\n# heading\r\n\u001b[2Jb'), 'a \\# heading \\[2Jb');
  });

  it('leaves letters, digits, spaces and non-ASCII text alone', () => {
    assert.equal(escapeMarkdown('Trainer 2 für Größe'), 'Trainer 2 für Größe');
  });
});

describe('codeSpan', () => {
  it('fences with one backtick more than the longest run inside', () => {
    assert.equal(codeSpan('1.7-1'), '`1.7-1`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('a``b`c'), '```a``b`c```');
  });

  it('pads text that starts or ends with a backtick or a space', () => {
    assert.equal(codeSpan('`x`](command:foo)'), '`` `x`](command:foo) ``');
    assert.equal(codeSpan(' x'), '`  x `');
  });

  it('in a table cell, escapes text with a pipe or a backslash as plain text', () => {
    assert.equal(codeSpan('a|b', { inTable: true }), 'a\\|b');
    assert.equal(codeSpan('a\\|[x](y)', { inTable: true }), 'a\\\\\\|\\[x\\]\\(y\\)');
    assert.equal(codeSpan('team/trainer', { inTable: true }), '`team/trainer`');
  });

  it('is empty for empty text and flattens line breaks', () => {
    assert.equal(codeSpan(''), '');
    assert.equal(codeSpan('a\nb'), '`a b`');
  });
});
