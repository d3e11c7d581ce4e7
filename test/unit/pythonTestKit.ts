/**
 * Helpers for running the rules through the Python host: a converter from a request (the same
 * JS object the JSON tests build) to the Python source of a boto3 call, analysis of a Python
 * text, fixes applied to it, and `requestValue`, which turns a request tree back into a JS value
 * so a Python request can be compared with a JSON one or with the body boto3 sends.
 */
import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readPythonDocument, type HostDocument } from '../../src/core/hostDocument';
import { BOTO3_METHODS } from '../../src/core/hosts/python/pythonRequests';
import { renderFix } from '../../src/core/renderFix';
import { isDynamic } from '../../src/core/requestTree';
import type { SpecKind } from '../../src/core/specKind';
import { analyzeOptions, type AnalyzeInputs } from './specTestKit';

/** A member whose value the Python host could not know (a call, a name bound twice, …). */
export const DYNAMIC = Symbol('dynamic');

export interface PythonStyle {
  /** Indentation unit; default four spaces. */
  indent?: string;
  /** `'` (default) or `"`. */
  quote?: string;
  /** A comma after the last entry of every multi-line dict, list and call. Default false. */
  trailingCommas?: boolean;
  /** The name of the boto3 client variable; default `sm`. */
  client?: string;
}

/** The boto3 method name for a request kind (`CreateTrainingJob` → `create_training_job`). */
export function boto3Method(kind: SpecKind): string {
  const method = Object.keys(BOTO3_METHODS).find((name) => BOTO3_METHODS[name] === kind);
  if (!method) throw new Error(`no boto3 method for ${kind}`);
  return method;
}

/** A Python string literal with simple escapes, in `quote`. */
export function pythonString(value: string, quote = "'"): string {
  return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n') + quote;
}

/** Python source for a JSON value, nested lines indented from `indent`. */
export function pythonValue(value: unknown, style: PythonStyle = {}, indent = ''): string {
  const unit = style.indent ?? '    ';
  const quote = style.quote ?? "'";
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonString(value, quote);
  const inner = indent + unit;
  const entries = Array.isArray(value)
    ? value.map((item) => pythonValue(item, style, inner))
    : Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined).map(([key, member]) => `${pythonString(key, quote)}: ${pythonValue(member, style, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  return `${open}\n${inner}${entries.join(`,\n${inner}`)}${style.trailingCommas ? ',' : ''}\n${indent}${close}`;
}

/** The keyword arguments of a boto3 call for `request`, one per line. */
export function boto3Arguments(request: Record<string, unknown>, style: PythonStyle = {}, indent = ''): string {
  const unit = style.indent ?? '    ';
  const inner = indent + unit;
  const entries = Object.entries(request).filter(([, member]) => member !== undefined).map(([key, member]) => `${key}=${pythonValue(member, style, inner)}`);
  return `(\n${inner}${entries.join(`,\n${inner}`)}${style.trailingCommas ? ',' : ''}\n${indent})`;
}

/**
 * A Python module making the boto3 call for `request`:
 * `import boto3`, a client, and `sm.create_training_job(TrainingJobName='demo-job', …)`.
 */
export function boto3Script(kind: SpecKind, request: Record<string, unknown>, style: PythonStyle = {}): string {
  const quote = style.quote ?? "'";
  const client = style.client ?? 'sm';
  return `import boto3\n\n${client} = boto3.client(${quote}sagemaker${quote})\n${client}.${boto3Method(kind)}${boto3Arguments(request, style)}\n`;
}

/** Every finding of a Python text, analysed as the editor and the checker do. */
export function analyzePython(text: string, inputs: AnalyzeInputs = {}): Finding[] {
  return analyzeDocument(readPythonDocument(text), analyzeOptions(inputs)).findings;
}

/** `text` after the preferred fix of `finding` (or the one titled `title`), rendered as Python. */
export function applyPythonFix(text: string, finding: Finding, title?: string): string {
  const fix = title ? finding.fixes.find((candidate) => candidate.title === title) : finding.fixes.find((candidate) => candidate.preferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  const rendered = renderFix({ text, host: 'python' }, fix);
  if (!rendered) throw new Error(`fix "${fix.title}" did not render as Python`);
  return applyEdits(text, rendered.edits);
}

/**
 * The JS value of a request-tree node: objects (a later duplicate key wins, as in JSON.parse),
 * arrays, strings, numbers, booleans, null; a dynamic node is `DYNAMIC`.
 */
export function requestValue(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (isDynamic(node)) return DYNAMIC;
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && typeof key.value === 'string') result[key.value] = requestValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child) => requestValue(child));
    default:
      return node.value;
  }
}

/** The requests of a Python text (boto3 calls, in document order), as JS values. */
export function pythonRequestValues(text: string): { kind: SpecKind | undefined; value: unknown }[] {
  const document: HostDocument = readPythonDocument(text);
  return document.requests.filter((request) => request.root).map((request) => ({ kind: request.kind, value: requestValue(request.root) }));
}

/** A range's text with whitespace, trailing commas and JSON/Python spellings folded away, for comparing hosts. */
export function normalisedSource(source: string): string {
  return source
    .replace(/\s+/g, '')
    .replace(/,([}\]])/g, '$1')
    .replace(/,$/, '')
    .replace(/"/g, "'")
    .replace(/\bnull\b/g, 'None')
    .replace(/\btrue\b/g, 'True')
    .replace(/\bfalse\b/g, 'False');
}

/** The built-in algorithm findings (`algorithm-*`) of a Python text, analysed with the algorithm table. */
export function algorithmFindings(text: string): Finding[] {
  return analyzePython(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
}

/** The text a finding (or any range) covers. */
export function sourceAt(text: string, range: { offset: number; length: number }): string {
  return text.slice(range.offset, range.offset + range.length);
}

/** [code, source text] of each algorithm finding, in order. */
export function algorithmSummary(text: string): [string, string][] {
  return algorithmFindings(text).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** The one algorithm finding of `code` (fails, listing them all, when there is not exactly one). */
export function onlyAlgorithmFinding(text: string, code: string): Finding {
  const found = algorithmFindings(text).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, JSON.stringify(algorithmSummary(text)));
  return found[0];
}
