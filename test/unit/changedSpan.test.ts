// The smallest change an edit of a value makes (edits/changedSpan.ts), which the Dockerfile and
// template hosts use to edit only the written piece the changed characters come from.
import * as assert from 'node:assert/strict';
import { changedSpan } from '../../src/core/edits/changedSpan';

describe('changedSpan', () => {
  it('keeps the common prefix and suffix out of the change', () => {
    const value = '683313688378.dkr.ecr.us-east-9.amazonaws.com/sagemaker-xgboost:1';
    assert.deepEqual(changedSpan(value, 0, value.length, value.replace('us-east-9', 'us-east-1')), { from: value.indexOf('9.amazonaws'), to: value.indexOf('9.amazonaws') + 1, newText: '1' });
  });

  it('reads an insertion at the end of a tag as an insertion', () => {
    const value = 'repo:1';
    assert.deepEqual(changedSpan(value, 5, 6, '1.7-1'), { from: 6, to: 6, newText: '.7-1' });
  });

  it('reads a deletion, and answers undefined when nothing changes', () => {
    assert.deepEqual(changedSpan('repo:latest', 4, 11, ''), { from: 4, to: 11, newText: '' });
    assert.equal(changedSpan('repo:1', 5, 6, '1'), undefined);
  });

  it('does not let the prefix and the suffix overlap on repeated characters', () => {
    // `aa` → `aaa`: one `a` is inserted, not a negative-length change.
    assert.deepEqual(changedSpan('xaay', 1, 3, 'aaa'), { from: 3, to: 3, newText: 'a' });
  });
});
