import * as assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { intent, type HostIntent } from '../../src/core/edits/editIntent';
import { applyEdits } from '../../src/core/findings';
import { renderJsonEdits } from '../../src/core/hosts/jsonFixRenderer';
import { findProperty } from '../../src/core/jsonTree';

/** The node at a member path (strings index objects, numbers arrays), the last of duplicates. */
function at(root: Node, ...path: (string | number)[]): Node {
  let node: Node | undefined = root;
  for (const step of path) {
    node = typeof step === 'number' ? node?.children?.[step] : findProperty(node, step)?.children?.[1];
  }
  if (!node) throw new Error(`no node at ${path.join('.')}`);
  return node;
}

function rendered(text: string, build: (root: Node) => HostIntent[]): string {
  const root = parseTree(text)!;
  const result = renderJsonEdits(text, build(root));
  assert.ok(result, 'the intents render');
  return applyEdits(text, result.edits);
}

describe('rendering edit intents as JSON', () => {
  it('inserts a member after the last one with the neighbours’ indentation (4 spaces)', () => {
    const text = '{\n    "A": 1,\n    "B": {\n        "C": 2\n    }\n}\n';
    assert.equal(rendered(text, (root) => [intent.setMember(at(root, 'B'), ['D'], 'x')]), '{\n    "A": 1,\n    "B": {\n        "C": 2,\n        "D": "x"\n    }\n}\n');
  });

  it('keeps tabs and CRLF line ends, and indents nested values under their member', () => {
    const text = '{\r\n\t"A": 1\r\n}';
    assert.equal(rendered(text, (root) => [intent.setMember(root, ['B'], { C: ['sg-'] })]), '{\r\n\t"A": 1,\r\n\t"B": {\r\n\t\t"C": [\r\n\t\t\t"sg-"\r\n\t\t]\r\n\t}\r\n}');
  });

  it('stays on one line in a one-line object', () => {
    const text = '{"A": {"B": 1}}';
    assert.equal(rendered(text, (root) => [intent.setMember(at(root, 'A'), ['C'], { D: '' })]), '{"A": {"B": 1, "C": {"D": ""}}}');
  });

  it('writes a one-line object with the spacing inside braces the document uses (found by a fresh user)', () => {
    const joined = { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.MaxDepth' }] } };
    const tight = '{\n  "max_depth": {"Get": "Parameters.MaxDepth"},\n  "eta": "0.2"\n}';
    assert.equal(rendered(tight, (root) => [intent.replaceValue(at(root, 'max_depth'), joined)]), '{\n  "max_depth": {"Std:Join": {"On": "", "Values": [{"Get": "Parameters.MaxDepth"}]}},\n  "eta": "0.2"\n}');
    const spaced = '{\n  "max_depth": { "Get": "Parameters.MaxDepth" },\n  "eta": "0.2"\n}';
    assert.equal(rendered(spaced, (root) => [intent.replaceValue(at(root, 'max_depth'), joined)]), '{\n  "max_depth": { "Std:Join": { "On": "", "Values": [{ "Get": "Parameters.MaxDepth" }] } },\n  "eta": "0.2"\n}');
    // No one-line object to follow: spaced, as before.
    assert.equal(rendered('{\n  "A": {}\n}', (root) => [intent.setMember(at(root, 'A'), ['B'], { C: 1 })]), '{\n  "A": {"B": { "C": 1 }}\n}');
  });

  it('fills an empty object of a multi-line document on lines of its own', () => {
    const text = '{\n  "A": {}\n}';
    assert.equal(rendered(text, (root) => [intent.setMember(at(root, 'A'), ['B'], 'x')]), '{\n  "A": {}\n}'.replace('{}', '{"B": "x"}'));
    const open = '{\n  "A": {\n  }\n}';
    assert.equal(rendered(open, (root) => [intent.setMember(at(root, 'A'), ['B'], 'x')]), '{\n  "A": {\n    "B": "x"\n  }\n}');
  });

  it('writes after a trailing comma (JSONC) instead of adding another', () => {
    const text = '{\n  "A": 1,\n}';
    assert.equal(rendered(text, (root) => [intent.setMember(root, ['B'], 2)]), '{\n  "A": 1,\n  "B": 2,\n}');
  });

  it('creates missing objects on the path and replaces a value on the path that is not an object', () => {
    const text = '{"Holder": {"Image": "x", "Config": "oops"}}';
    assert.equal(rendered(text, (root) => [intent.setMember(at(root, 'Holder'), ['Config', 'Mode'], 'Vpc')]), '{"Holder": {"Image": "x", "Config": {"Mode": "Vpc"}}}');
    const absent = '{"Holder": {"Image": "x"}}';
    assert.equal(rendered(absent, (root) => [intent.setMember(at(root, 'Holder'), ['Config', 'Mode'], 'Vpc')]), '{"Holder": {"Image": "x", "Config": {"Mode": "Vpc"}}}');
  });

  it('sets a member in the very object it is given, not another with the same path (duplicate keys)', () => {
    const text = '{"Out": {"A": 1}, "Out": {}}';
    const root = parseTree(text)!;
    const second = root.children![1].children![1];
    const result = renderJsonEdits(text, [intent.setMember(second, ['S3OutputPath'], '')])!;
    assert.equal(applyEdits(text, result.edits), '{"Out": {"A": 1}, "Out": {"S3OutputPath": ""}}');
  });

  it('merges several members set on one object into one insertion', () => {
    const text = '{\n  "Vpc": {\n    "X": 1\n  }\n}';
    assert.equal(
      rendered(text, (root) => [intent.setMember(at(root, 'Vpc'), ['SecurityGroupIds'], ['sg-']), intent.setMember(at(root, 'Vpc'), ['Subnets'], ['subnet-'])]),
      '{\n  "Vpc": {\n    "X": 1,\n    "SecurityGroupIds": [\n      "sg-"\n    ],\n    "Subnets": [\n      "subnet-"\n    ]\n  }\n}',
    );
  });

  it('replaces part of a string, rewriting the whole literal when it has escapes', () => {
    const plain = '{"I": "repo:latest"}';
    assert.equal(rendered(plain, (root) => [intent.replaceInString(at(root, 'I'), 5, 11, '1.7-1')]), '{"I": "repo:1.7-1"}');
    const escaped = '{"I": "re\\u0070o:latest"}';
    assert.equal(rendered(escaped, (root) => [intent.replaceInString(at(root, 'I'), 5, 11, '1.7-1')]), '{"I": "repo:1.7-1"}');
    assert.equal(rendered(plain, (root) => [intent.replaceInString(at(root, 'I'), 5, 11, 'a"b')]), '{"I": "repo:a\\"b"}');
  });

  it('renames a member and replaces values with JSON of the right type', () => {
    const text = '{"Nmae": "1", "L": "x"}';
    assert.equal(
      rendered(text, (root) => [intent.renameMember(root.children![0].children![0], 'Name'), intent.replaceValue(at(root, 'L'), ['x'])]),
      '{"Name": "1", "L": ["x"]}',
    );
  });

  it('removes a member with its comma and its own lines, keeping the others\' layout and comments', () => {
    const key = (root: Node, name: string) => findProperty(root, name)!.children![0];
    const text = '{\n  "a": 1,\n  "b": {"x": 2},  // b\'s note\n  "c": 3\n}\n';
    // A member in the middle: its line, the comment after it included.
    assert.equal(rendered(text, (root) => [intent.removeMember(key(root, 'b'))]), '{\n  "a": 1,\n  "c": 3\n}\n');
    // The last member: its line, and the comma before it that only it needed.
    assert.equal(rendered(text, (root) => [intent.removeMember(key(root, 'c'))]), '{\n  "a": 1,\n  "b": {"x": 2}  // b\'s note\n}\n');
    assert.equal(rendered(text, (root) => [intent.removeMember(key(root, 'a'))]), '{\n  "b": {"x": 2},  // b\'s note\n  "c": 3\n}\n');
    // On one line: the member and the comma between it and its neighbour.
    const line = '{"a": 1, "b": 2, "c": 3}';
    assert.equal(rendered(line, (root) => [intent.removeMember(key(root, 'a'))]), '{"b": 2, "c": 3}');
    assert.equal(rendered(line, (root) => [intent.removeMember(key(root, 'b'))]), '{"a": 1, "c": 3}');
    assert.equal(rendered(line, (root) => [intent.removeMember(key(root, 'c'))]), '{"a": 1, "b": 2}');
    // CRLF, and a JSONC trailing comma kept as the text had it.
    assert.equal(rendered('{\r\n  "a": 1,\r\n  "b": 2,\r\n}', (root) => [intent.removeMember(key(root, 'b'))]), '{\r\n  "a": 1,\r\n}');
  });

  it('gives no edits for overlapping intents or a result that parses worse than the text', () => {
    const text = '{"A": "abc"}';
    const root = parseTree(text)!;
    assert.equal(renderJsonEdits(text, [intent.replaceValue(at(root, 'A'), 1), intent.replaceInString(at(root, 'A'), 0, 1, 'x')]), undefined);
  });

  it('reports where the first string value it wrote ends (the cursor for placeholders)', () => {
    const text = '{\n  "A": 1\n}';
    const root = parseTree(text)!;
    const result = renderJsonEdits(text, [intent.setMember(root, ['RoleArn'], '')])!;
    const after = applyEdits(text, result.edits);
    assert.equal(after.slice(result.placeholderOffset! - '"RoleArn": "'.length, result.placeholderOffset! + 1), '"RoleArn": ""');
  });
});
