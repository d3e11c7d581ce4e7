import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../src/core/decodeText';
import { readRegularFile, readSpecFile, unreadableFileError, UnreadableFileError } from '../../src/node/readSpecFile';

describe('reading spec files', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-read-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('decodes by byte-order mark: UTF-8 (mark dropped), UTF-16 LE and BE, else UTF-8', () => {
    const text = '{"TrainingImage": "é😀"}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    assert.equal(decodeText(Buffer.from(`\uFEFF${text}`)), text);
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
    assert.equal(decodeText(Buffer.from(text)), text);
    // Only the first mark is the encoding's; a second one is text, as in the editor.
    assert.equal(decodeText(Buffer.from(`\uFEFF\uFEFF${text}`)), `\uFEFF${text}`);
    assert.equal(decodeText(Buffer.from([0xff])), '\uFFFD');
  });

  it('reads a regular file, also through a symlink, up to the limit', () => {
    const file = path.join(root, 'job.json');
    fs.writeFileSync(file, '{"a": 1}');
    fs.symlinkSync(file, path.join(root, 'link.json'));
    assert.equal(readSpecFile(path.join(root, 'link.json')), '{"a": 1}');
    assert.equal(readRegularFile(file, 8).length, 8);
  });

  it('refuses folders, devices, missing files and files over the limit, saying why', () => {
    const file = path.join(root, 'job.json');
    fs.writeFileSync(file, '{"a": 1}');
    const reasonOf = (target: string, maxBytes?: number) => {
      try {
        readRegularFile(target, maxBytes);
      } catch (error) {
        assert.ok(error instanceof UnreadableFileError);
        assert.equal(error.file, target);
        return `${error.kind}: ${error.reason}`;
      }
      assert.fail(`${target} was read`);
    };
    assert.equal(reasonOf(file, 7), 'too-large: is larger than 7 bytes, the limit');
    assert.equal(reasonOf(root), 'not-regular: is a folder, not a file');
    assert.equal(reasonOf('/dev/zero'), 'not-regular: is not a regular file (a character device)');
    assert.equal(reasonOf(path.join(root, 'missing.json')), 'missing: does not exist (or is a symlink to nothing)');
    fs.symlinkSync('loop.json', path.join(root, 'loop.json'));
    assert.equal(reasonOf(path.join(root, 'loop.json')), 'unreadable: is a symlink loop');
  });

  it('tells a file it may not read from a folder on its path it may not enter (the stat of its path denied: found by a CI user)', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    const reasonOf = (error: Error, during?: 'path') => {
      const unread = unreadableFileError('/repo/locked/job.json', error, during);
      return `${unread.kind}: ${unread.reason}`;
    };
    // Opening or reading the file itself: its own permissions.
    assert.equal(reasonOf(errno('EACCES')), 'unreadable: is not readable (permission denied)');
    // Looking its path up needs no permission on the file, only on its folders: one of them denied it, and whether the file is there is unknown.
    assert.equal(reasonOf(errno('EACCES'), 'path'), 'unreadable: is in a folder that cannot be entered (permission denied)');
    assert.equal(reasonOf(errno('EPERM'), 'path'), 'unreadable: is in a folder that cannot be entered (permission denied)');
    // Not there is not there, however it was looked up.
    assert.equal(reasonOf(errno('ENOENT'), 'path'), 'missing: does not exist (or is a symlink to nothing)');
    assert.equal(reasonOf(errno('ENOTDIR'), 'path').split(':')[0], 'missing');
  });
});
