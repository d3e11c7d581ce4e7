/**
 * The comparison behind the executable oracles (boto3 for the Python host, the AWS CLI v2 for the
 * YAML host): the body a real client sent must be the value of the request tree a host built,
 * member by member, skipping exactly what the tree marks dynamic.
 */
import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { hasOpenMembers, isDynamic } from '../../src/core/requestTree';

/** What a comparison saw: the leaves compared, and the paths skipped because the tree marks them dynamic or open. */
export interface Comparison {
  compared: number;
  skipped: string[];
}

/**
 * Asserts that `body` (what `sender` sent) is the value of `node` (what we built): same members,
 * items and scalars. A dynamic node matches any value that was sent; an object with open members
 * (an unresolvable `**kwargs`, a YAML merge key) may have members the tree does not list,
 * recorded as `path.*name`.
 */
export function compareTree(node: Node, body: unknown, at: string, seen: Comparison, sender = 'boto3'): void {
  if (isDynamic(node)) {
    assert.notEqual(body, undefined, `${at}: ${sender} sent nothing where the tree has a dynamic value`);
    seen.skipped.push(at);
    return;
  }
  switch (node.type) {
    case 'object': {
      assert.ok(body !== null && typeof body === 'object' && !Array.isArray(body), `${at}: ${sender} sent ${JSON.stringify(body)} for an object`);
      const members = body as Record<string, unknown>;
      const keys: string[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key.value);
        keys.push(name);
        assert.ok(Object.hasOwn(members, name), `${at}.${name}: in the tree, not in the body`);
        compareTree(value, members[name], `${at}.${name}`, seen, sender);
      }
      const extra = Object.keys(members).filter((name) => !keys.includes(name));
      if (hasOpenMembers(node)) seen.skipped.push(...extra.map((name) => `${at}.*${name}`));
      else assert.deepEqual(extra, [], `${at}: members ${sender} sent that the tree lacks`);
      return;
    }
    case 'array': {
      assert.ok(Array.isArray(body), `${at}: ${sender} sent ${JSON.stringify(body)} for a list`);
      const items = node.children ?? [];
      assert.equal(body.length, items.length, `${at}: item count`);
      items.forEach((item, index) => compareTree(item, body[index], `${at}[${index}]`, seen, sender));
      return;
    }
    default:
      assert.strictEqual(body, node.value, `${at}: ${sender} sent ${JSON.stringify(body)}, the tree holds ${JSON.stringify(node.value)}`);
      seen.compared++;
  }
}
