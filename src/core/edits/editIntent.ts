/**
 * What a quick fix means, independent of how the document writes it. Rules describe a change as
 * an intent on a node of the request tree (replace this value, replace this part of a string,
 * rename this member, remove it, set a member on this object); the document's host renders it as
 * text in its own syntax (JSON today; Python and YAML hosts render the same intents their way).
 *
 * Intents are cheap to build (a few references and a value): rules create them for every
 * finding, and the text is produced only when someone asks for the fix (`renderFix`).
 */
import type { Node } from 'jsonc-parser';

/** A value a fix may write: what `JSON.stringify` accepts, without functions or undefined. */
export type FixValue = string | number | boolean | null | readonly FixValue[] | { readonly [member: string]: FixValue };

export type EditIntent =
  /** Replace the whole value `node` (a string, number, list, …) with `value`. */
  | { readonly kind: 'replaceValue'; readonly node: Node; readonly value: FixValue }
  /**
   * Replace `[start, end)` of the decoded value of string `node` with `text`; indices count
   * UTF-16 units of the decoded string, so escapes in the source never shift them.
   */
  | { readonly kind: 'replaceInString'; readonly node: Node; readonly start: number; readonly end: number; readonly text: string }
  /** Give the member whose key is `key` the name `name`. */
  | { readonly kind: 'renameMember'; readonly key: Node; readonly name: string }
  /**
   * Remove the member whose key is `key`, with its separator (a JSON comma), and its whole lines
   * when it has lines of its own; the other members keep their text and layout.
   */
  | { readonly kind: 'removeMember'; readonly key: Node }
  /**
   * Set the member at `path` below the object `object` to `value`: missing objects on the way
   * are created, a value on the way that is not an object is replaced by one, and an existing
   * member at the end of the path gets the new value. The change lands in exactly this object,
   * even when another object in the document has the same path (duplicate keys).
   */
  | { readonly kind: 'setMember'; readonly object: Node; readonly path: readonly string[]; readonly value: FixValue }
  /**
   * Replace `length` UTF-16 units at `offset` of the document with `text`, as written: for text no
   * host reads as a value (a code in a suppression comment), so every host renders it alike.
   */
  | { readonly kind: 'replaceText'; readonly offset: number; readonly length: number; readonly text: string };

/** The intents a host renders in its own syntax (all but `replaceText`, which renderFix writes as is). */
export type HostIntent = Exclude<EditIntent, { kind: 'replaceText' }>;

export interface QuickFix {
  /** The action's title as the user sees it (`Use tag 1.7-1`). */
  title: string;
  /** The fix to apply with one keystroke (Ctrl+. / the Problems panel / fix-all). */
  preferred?: boolean;
  intents: readonly EditIntent[];
  /**
   * The fix writes a blank the user must fill (an empty string, `sg-`): after applying it, the
   * cursor goes to the end of the first string the fix wrote. Such fixes are never applied
   * without the user (fix-all skips them).
   */
  leavesPlaceholder?: boolean;
  /**
   * The fix changes what the job runs or how (another image version, input mode, instance type,
   * VPC access): right for the finding, but the user's decision. Offered in the editor, and never
   * applied without the user (fix-all and `check --fix` skip it).
   */
  changesBehaviour?: boolean;
  /**
   * The name the fix gives something that must stay unique where it is: a channel's name among
   * the job's channels, a tuning range's name among the job's ranges. (A `renameMember` intent
   * names its object's member without this, and so does a `setMember` adding one.) Fix-all takes one fix per name and place in a round,
   * so two findings never take the same name at once; rules offer no such fix for a name that is
   * already taken.
   */
  givesName?: { readonly within: Node; readonly name: string };
}

/** Shorthands, so rules read as what they mean. */
export const intent = {
  replaceValue: (node: Node, value: FixValue): HostIntent => ({ kind: 'replaceValue', node, value }),
  replaceInString: (node: Node, start: number, end: number, text: string): HostIntent => ({ kind: 'replaceInString', node, start, end, text }),
  renameMember: (key: Node, name: string): HostIntent => ({ kind: 'renameMember', key, name }),
  removeMember: (key: Node): HostIntent => ({ kind: 'removeMember', key }),
  setMember: (object: Node, path: readonly string[], value: FixValue): HostIntent => ({ kind: 'setMember', object, path, value }),
  replaceText: (offset: number, length: number, text: string): EditIntent => ({ kind: 'replaceText', offset, length, text }),
};
