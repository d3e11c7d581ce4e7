/**
 * jsonc-parser's tree, built in the same pass that tells what the flat scan (jsonScan.ts) tells:
 * the top-level member names and whether nesting stays within MAX_NESTING_DEPTH. For a text
 * that will be parsed anyway (a workflow, a spec, a template), the scan was a second pass over
 * it: on a 500-state machine it cost a fifth of the parse.
 *
 * The tokens are jsonc-parser's and the grammar its `visit`'s (jsoncGrammar.ts: the same events
 * without the JSON path and line numbers a tree does not need); the nodes are built here, the
 * way its `parseTree` builds them (same shapes, offsets, `colonOffset`, parse errors), with a
 * depth count beside. Past MAX_NESTING_DEPTH the events are silenced: the values nested
 * deeper are left out of the tree (`tooDeepAt` says where the first began). No SageMaker request
 * nests that deep, so a spec has no tree then (parseSpecDocument); a state machine or template
 * may hold deep values elsewhere (a Pass state's `Result`, `Metadata`), and its requests are
 * read from the rest. The grammar recurses: input deep enough to overflow the stack
 * (about 6,000 levels) throws a RangeError, which is caught and answered by the scan, which
 * stops at the limit; there is no tree then.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { readJsonc } from './jsoncGrammar';
import { MAX_NESTING_DEPTH, scanJson, type JsonScan } from './jsonScan';
import { DOLLAR, DOT } from './charCodes';

export interface ParsedJson extends JsonScan {
  /**
   * The tree, as jsonc-parser's parseTree builds it, less the values nested past
   * MAX_NESTING_DEPTH when `tooDeepAt` is set (a member keeps its key alone, a list loses the
   * item); undefined for empty text and for text deep enough to overflow the parser's stack.
   */
  root: Node | undefined;
  /** jsonc-parser's errors (empty when the parser's stack overflowed). */
  parseErrors: ParseError[];
  /**
   * The key nodes whose name ends in `.$` (Step Functions' JSONPath keys), in document order:
   * the state machine host marks them without walking every request again.
   */
  dollarKeys: Node[];
  /**
   * What strict JSON (RFC 8259) refuses and JSONC allows: each comment's range, and the offset of
   * each trailing comma (`[1, 2,]`). Empty for most texts; read by hosts whose reader is strict.
   */
  jsoncOnly: JsoncOnly;
}

/** The comments and trailing commas of a JSONC text (see ParsedJson.jsoncOnly). */
export interface JsoncOnly {
  comments: { offset: number; length: number }[];
  trailingCommas: number[];
}

type MutableNode = { -readonly [K in keyof Node]: Node[K] } & { children?: MutableNode[]; parent?: MutableNode };

/**
 * Parses `text` (JSON with comments and trailing commas) once. Time linear in its length;
 * memory one node per value, key and member. Never throws for any input text.
 */
export function parseJson(text: string): ParsedJson {
  const topLevelMembers: string[] = [];
  const parseErrors: ParseError[] = [];
  const dollarKeys: Node[] = [];
  const jsoncOnly: JsoncOnly = { comments: [], trailingCommas: [] };
  // The last comma read: a container that ends after it with no child after it had a trailing one.
  let lastComma = -1;
  let tooDeepAt: number | undefined;
  let depth = 0;
  const artificialRoot: MutableNode = { type: 'array', offset: -1, length: -1, children: undefined, parent: undefined };
  let currentParent = artificialRoot;

  // The children of the open objects and arrays wait on one stack and get an array of their exact
  // size when their container ends: pushed one by one, a container's array grew to seventeen slots
  // or more, most of them never used (a fifth of the tree's memory in a state machine).
  const pending: MutableNode[] = [];
  let top = 0;
  const openContainers: MutableNode[] = [currentParent];
  const starts: number[] = [0];
  const closeContainer = (): void => {
    const container = openContainers.pop()!;
    const start = starts.pop()!;
    const last = top > start ? pending[top - 1] : undefined;
    if (last && last.length >= 0 && lastComma >= last.offset + last.length) jsoncOnly.trailingCommas.push(lastComma);
    container.children = pending.slice(start, top);
    top = start;
  };

  const ensurePropertyComplete = (endOffset: number): void => {
    if (currentParent.type === 'property') {
      if (!currentParent.children) {
        // A property that ends without a value (`"Name":` while typing) has its key alone.
        currentParent.children = [waitingKey!];
        waitingKey = undefined;
      }
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent!;
    }
  };
  // The key of the property waiting for its value (at most one waits: nothing nests between a key
  // and its value). Its children array is made once, when the value or the property's end comes
  // (the grammar ends every object it began, even at the end of the text): a one-key array made
  // first and replaced was a fifth of what each member cost in memory.
  let waitingKey: MutableNode | undefined;
  const onValue = (valueNode: MutableNode): MutableNode => {
    // A property's children are its key and value: an array of exactly two.
    if (currentParent.type === 'property') {
      currentParent.children = [waitingKey!, valueNode];
      waitingKey = undefined;
    } else {
      pending[top++] = valueNode;
    }
    return valueNode;
  };
  const openContainer = (type: 'object' | 'array', offset: number): void => {
    const container: MutableNode = { type, offset, length: -1, parent: currentParent, children: undefined };
    currentParent = onValue(container);
    openContainers.push(container);
    starts.push(top);
  };
  /**
   * False (silence the contents' events) once nesting goes past the limit. The grammar still
   * reports the end of the object or array that was refused: `leave` tells it apart.
   */
  const enter = (offset: number): boolean => {
    if (++depth <= MAX_NESTING_DEPTH) return true;
    tooDeepAt ??= offset;
    return false;
  };
  /** False for the end of a suppressed object or array: it has no node. */
  const leave = (): boolean => depth-- <= MAX_NESTING_DEPTH;
  try {
    readJsonc(text, {
      enterObject: (offset) => {
        if (!enter(offset)) return false;
        openContainer('object', offset);
        return true;
      },
      property: (name, offset, length) => {
        // `colonOffset` is written with the others (undefined until the colon is read): added
        // later, it took an out-of-object property store on every member.
        const property: MutableNode = { type: 'property', offset, length: -1, parent: currentParent, children: undefined, colonOffset: undefined };
        const key: MutableNode = { type: 'string', value: name, offset, length, parent: property };
        currentParent = onValue(property);
        waitingKey = key;
        if (name.charCodeAt(name.length - 1) === DOLLAR && name.charCodeAt(name.length - 2) === DOT) dollarKeys.push(key);
      },
      leaveObject: (offset, length) => {
        if (!leave()) return;
        ensurePropertyComplete(offset + length); // a property without a value ends with its object
        closeContainer();
        currentParent.length = offset + length - currentParent.offset;
        currentParent = currentParent.parent!;
        ensurePropertyComplete(offset + length);
      },
      enterArray: (offset) => {
        if (!enter(offset)) return false;
        openContainer('array', offset);
        return true;
      },
      leaveArray: (offset, length) => {
        if (!leave()) return;
        closeContainer();
        currentParent.length = offset + length - currentParent.offset;
        currentParent = currentParent.parent!;
        ensurePropertyComplete(offset + length);
      },
      literal: (value, offset, length) => {
        onValue({ type: literalType(value), offset, length, parent: currentParent, value });
        ensurePropertyComplete(offset + length);
      },
      separator: (separator, offset) => {
        if (separator === ',') lastComma = offset;
        if (currentParent.type !== 'property') return;
        if (separator === ':') {
          currentParent.colonOffset = offset;
          // A top-level member name is one a colon follows, as the scan reads them (depth 1 with a
          // property open is inside the top-level object).
          if (depth === 1) topLevelMembers.push((currentParent.children?.[0] ?? waitingKey!).value as string);
        } else if (separator === ',') {
          ensurePropertyComplete(offset);
        }
      },
      comment: (offset, length) => {
        jsoncOnly.comments.push({ offset, length });
      },
      error: (error, offset, length) => {
        parseErrors.push({ error, offset, length });
      },
    });
  } catch (error) {
    // The stack ran out in the grammar's recursion: the scan finds where the limit was passed.
    if (!(error instanceof RangeError)) throw error;
    const scan = scanJson(text);
    return { topLevelMembers: scan.topLevelMembers, tooDeepAt: scan.tooDeepAt ?? 0, root: undefined, parseErrors: [], dollarKeys: [], jsoncOnly };
  }
  // Objects and arrays the text never closed (and the artificial root) get their children now.
  while (openContainers.length > 0) closeContainer();
  const root = artificialRoot.children![0];
  if (root) delete root.parent;
  return { topLevelMembers, root, parseErrors, dollarKeys, jsoncOnly, ...(tooDeepAt !== undefined && { tooDeepAt }) };
}

function literalType(value: unknown): Node['type'] {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'null';
  }
}
