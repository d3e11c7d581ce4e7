/**
 * Completion of a Step Functions Task's `Resource` string with the SageMaker integrations this
 * extension checks: each action of STATE_MACHINE_ACTIONS as the optimized integration writes it
 * (`arn:aws:states:::sagemaker:createTrainingJob`), and with `.sync` where Step Functions offers
 * it (the job actions). The partition typed so far (`arn:aws-cn:`) is kept. JSON and YAML state
 * machines (files, and a template's `Definition`); a Task is any state object under `States`.
 */
import { findNodeAtOffset, getLocation, getNodePath, type Node } from 'jsonc-parser';
import type { CompletionItem, CompletionResult } from '../../completion';
import type { TextEdit } from '../../findings';
import { scanJson } from '../../jsonScan';
import { parseYaml } from '../yaml/yamlSyntax';
import { yamlDocumentTree } from '../yaml/yamlTree';
import { STATE_MACHINE_ACTIONS } from './stateMachineRequests';
import { lineStartAt } from '../../textPositions';

/** The actions that start a job, which `.sync` waits for (as integrationPatternRule.ts says). */
const JOB_ACTIONS = new Set(['createTrainingJob', 'createProcessingJob', 'createTransformJob', 'createHyperParameterTuningJob']);

/** The partition of a typed ARN (`arn:aws-cn:` → `aws-cn`), else `aws`. */
const TYPED_PARTITION = /^arn:(aws[a-z-]*):/;

/**
 * Items at `offset` in `text` (a JSON state machine or a document embedding one at its top level)
 * when the cursor is inside the string value of a state's `Resource`; undefined elsewhere, and in
 * a text nested deeper than MAX_NESTING_DEPTH.
 */
export function completeTaskResource(text: string, offset: number): CompletionResult | undefined {
  // The line tells first: the text is scanned only on a `"Resource"` line.
  if (!text.slice(lineStartAt(text, offset), offset).includes('"Resource"')) return undefined;
  // jsonc-parser recurses once per level: a text nested past MAX_NESTING_DEPTH, which the JSON
  // host never reads as a state machine, could overflow the stack (100,000 `[` in Parameters did).
  if (scanJson(text).tooDeepAt !== undefined) return undefined;
  const location = getLocation(text, offset);
  const path = location.path;
  if (location.isAtPropertyKey || path[path.length - 1] !== 'Resource' || path[path.length - 3] !== 'States') return undefined;
  const value: Node | undefined = location.previousNode;
  if (value?.type !== 'string' || offset <= value.offset || offset >= value.offset + value.length) return undefined;
  const contentStart = value.offset + 1;
  return resourceItems(text.slice(contentStart, offset), { offset: contentStart, length: value.length - 2, newText: '' });
}

/** `Resource:` then a value being typed (plain or quoted, maybe empty), in a block or flow mapping. */
const YAML_RESOURCE_BEFORE = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)Resource[ \t]*:([ \t]*)(["']?)([^\s"',{}[\]]*)$/;

/**
 * Items at `offset` in YAML `text` (an `.asl.yaml` state machine, or a template whose
 * `Definition` is written in YAML) when the cursor is in the value of a state's `Resource`:
 * a plain value (`Resource: arn:aws:states:::sagemaker:cr`) is replaced whole, a quoted one
 * inside its quotes, an empty one (`Resource:`) filled, with the space YAML needs after the
 * colon. A tagged value (`!Sub …`) is left alone. Undefined elsewhere.
 */
export function completeTaskResourceInYaml(text: string, offset: number): CompletionResult | undefined {
  // The line tells first: the document is parsed only on a `Resource:` line.
  const lineStart = lineStartAt(text, offset);
  const typedValue = YAML_RESOURCE_BEFORE.exec(text.slice(lineStart, offset));
  if (!typedValue) return undefined;
  const [, space, quote, typed] = typedValue;
  // A tag, anchor, alias or block scalar is not a plain ARN being typed.
  if (/^[!&*|>]/.test(typed)) return undefined;
  const valueStart = offset - typed.length - quote.length;
  // `…:::sagemaker:` at the end of a plain value is a mapping key to YAML until a character
  // follows the colon: read the text with one there (offsets up to the cursor are the same).
  const endsInColon = quote === '' && typed.endsWith(':') && /^(?:[ \t\r\n,}\]]|$)/.test(text.slice(offset, offset + 1));
  const read = endsInColon ? `${text.slice(0, offset)}x${text.slice(offset)}` : text;
  for (const document of parseYaml(read).documents) {
    if (offset < document.range[0] || offset > document.range[2]) continue;
    const { root } = yamlDocumentTree(read, document);
    const value = root && resourceValueAt(root, valueStart, offset);
    if (value === undefined) return undefined;
    if (value === 'empty') return resourceItems(typed, { offset, length: 0, newText: '' }, space === '' ? ' ' : '');
    // A quoted value is replaced inside its quotes (the closing one may not be typed yet).
    const closed = quote !== '' && value.length >= 2 && read[value.offset + value.length - 1] === quote;
    const contentStart = value.offset + quote.length;
    const contentEnd = value.offset + value.length - (closed ? 1 : 0) - (endsInColon ? 1 : 0);
    return resourceItems(typed, { offset: contentStart, length: contentEnd - contentStart, newText: '' });
  }
  return undefined;
}

/**
 * The scalar value of a state's `Resource` that starts at `valueStart` (a string node), 'empty'
 * for a `Resource:` with no value whose key ends before `offset`, else undefined (another member,
 * a tagged or non-string value, a `Resource` outside `States`).
 */
function resourceValueAt(root: Node, valueStart: number, offset: number): Node | 'empty' | undefined {
  const found = findNodeAtOffset(root, Math.max(valueStart, offset - 1), true);
  if (found?.type === 'string' && found.offset === valueStart && isStateResource(found.parent)) return found;
  // An empty value has no node: the Resource property of the state object the cursor is in.
  const state = found?.type === 'object' ? found : found?.type === 'property' ? found.parent : undefined;
  const property = state?.children?.find((member) => member.children?.[0]?.value === 'Resource');
  if (!property || property.children?.[1] || property.children![0].offset + property.children![0].length > offset) return undefined;
  return isStateResource(property) ? 'empty' : undefined;
}

/** True for a `Resource` property of a state: its path ends `States`, the state's name, `Resource`. */
function isStateResource(property: Node | undefined): boolean {
  if (property?.type !== 'property' || property.children?.[0]?.value !== 'Resource' || !property.parent) return false;
  const path = getNodePath(property.parent);
  return path[path.length - 2] === 'States';
}

/**
 * Every integration, each as an edit of `edit`'s range; `typed`: the value up to the cursor
 * (its partition is kept); `lead`: written before each (YAML's space after a bare colon).
 */
function resourceItems(typed: string, edit: TextEdit, lead = ''): CompletionResult {
  const partition = TYPED_PARTITION.exec(typed)?.[1] ?? 'aws';
  const items: CompletionItem[] = [];
  for (const action of Object.keys(STATE_MACHINE_ACTIONS)) {
    const patterns = JOB_ACTIONS.has(action) ? ['.sync', ''] : [''];
    for (const pattern of patterns) {
      const resource = `arn:${partition}:states:::sagemaker:${action}${pattern}`;
      items.push({
        label: resource,
        kind: 'value',
        detail: `${STATE_MACHINE_ACTIONS[action]}${pattern === '.sync' ? ', waiting for the job to end' : ''}`,
        sortText: String(items.length).padStart(3, '0'),
        edit: { ...edit, newText: `${lead}${resource}` },
      });
    }
  }
  return { typed, isIncomplete: false, items };
}
