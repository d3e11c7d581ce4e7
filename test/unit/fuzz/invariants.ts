/**
 * What must hold for every variant, whatever the text: analysis does not throw, every range lies
 * inside the text, the checker reports what the core reports, and each preferred fix leaves text
 * that parses no worse than before. Each broken invariant becomes a `Failure` whose `kind` groups
 * failures with the same cause, so a run reports each cause once.
 */
import * as fs from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';
import { applyEdits, type Finding } from '../../../src/core/findings';
import { LineIndex } from '../../../src/core/textPositions';
import { analyzeVariant, checkVariantFile, preferredFixEdits, type CheckerFinding, type CoreResult } from './subject';
import type { Variant } from './variants';

export type Stage = 'core' | 'checker' | 'fixes';

export interface Failure {
  /** The cause, the same for every input that hits it: `core throws TypeError … at addMember (jsonEdits.ts)`. */
  kind: string;
  /** The variant it happened on. */
  label: string;
  example: string;
  generator: string;
  /** This input's particulars: the finding, the numbers. */
  detail: string;
  textLength: number;
  /** True when the variant was stopped (over its budget, or the worker died) before it finished. */
  stopped?: boolean;
}

/** Checks every invariant on one variant; `file` is where the checker's copy is written. */
export function checkInvariants(variant: Variant, file: string, onStage: (stage: Stage) => void = () => {}): Failure[] {
  const failures: Failure[] = [];
  const fail = (kind: string, detail: string) =>
    failures.push({ kind, label: variant.label, example: variant.example, generator: variant.generator, detail, textLength: variant.text.length });
  const text = variant.text;

  onStage('core');
  let core: CoreResult | undefined;
  let coreError: string | undefined;
  try {
    core = analyzeVariant(text);
  } catch (error) {
    coreError = describeError(error);
    fail(`analysis throws ${coreError}`, firstLine(error));
  }
  if (core) {
    for (const finding of core.findings) {
      if (!rangeInside(finding, text.length)) {
        fail(`finding range outside the text: ${finding.code}`, `offset ${finding.offset}, length ${finding.length}, text length ${text.length}`);
      }
    }
  }

  onStage('checker');
  fs.writeFileSync(file, text);
  try {
    const checker = checkVariantFile(file);
    if (checker.exitCode === 2) fail('checker refuses the file (exit 2)', checker.stderr.trim());
    else if (core) {
      const difference = compareFindings(located(text, core.findings), checker.findings);
      if (difference) fail('checker findings differ from the core', difference);
    }
  } catch (error) {
    // The checker runs the same analysis: the same error from it is the same failure.
    if (describeError(error) !== coreError) fail(`checker throws ${describeError(error)}`, firstLine(error));
  }

  onStage('fixes');
  if (core) {
    // Counted once, and only when some finding has a fix: the recursive parser overflows on the deep variants.
    let counted: number | undefined;
    const errorsBeforeFix = () => (counted ??= parseErrorCount(text));
    for (const finding of core.findings) {
      let edits;
      try {
        edits = preferredFixEdits(core.spec, finding);
      } catch (error) {
        fail(`preferred fix throws ${describeError(error)}`, `${finding.code}: ${firstLine(error)}`);
        continue;
      }
      if (!edits) continue;
      const outside = edits.find((edit) => !rangeInside(edit, text.length));
      if (outside) {
        fail(`fix edit outside the text: ${finding.code}`, `edit offset ${outside.offset}, length ${outside.length}, text length ${text.length}`);
        continue;
      }
      const errorsAfter = parseErrorCount(applyEdits(text, edits));
      const errorsBefore = errorsBeforeFix();
      if (errorsAfter > errorsBefore) {
        const on = errorsBefore === 0 ? 'valid JSON' : 'text with parse errors';
        fail(`preferred fix adds parse errors: ${finding.code} on ${on}`, `${errorsBefore} → ${errorsAfter} parse errors after ${JSON.stringify(edits).slice(0, 200)}`);
      }
    }
  }
  return failures;
}

function rangeInside(range: { offset: number; length: number }, textLength: number): boolean {
  return Number.isInteger(range.offset) && Number.isInteger(range.length) && range.offset >= 0 && range.length >= 0 && range.offset + range.length <= textLength;
}

/** Parse errors as the core counts them (comments and trailing commas allowed, as in JSONC). */
function parseErrorCount(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length;
}

type Located = Pick<CheckerFinding, 'code' | 'severity' | 'line' | 'column'>;

/** The core's findings with 1-based line/column from their offsets, as the checker prints them. */
function located(text: string, findings: readonly Finding[]): Located[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const start = lines.positionAt(finding.offset);
    return { code: finding.code, severity: finding.severity, line: start.line + 1, column: start.character + 1 };
  });
}

/** Undefined when both list the same findings (in any order), else what only one side has. */
function compareFindings(core: readonly Located[], checker: readonly Located[]): string | undefined {
  const key = (finding: Located) => `${finding.code}@${finding.line}:${finding.column}/${finding.severity}`;
  const coreKeys = core.map(key).sort();
  const checkerKeys = checker.map(key).sort();
  if (coreKeys.join('\n') === checkerKeys.join('\n')) return undefined;
  const onlyCore = coreKeys.filter((entry) => !checkerKeys.includes(entry));
  const onlyChecker = checkerKeys.filter((entry) => !coreKeys.includes(entry));
  return `core only: [${onlyCore.join(', ')}]; checker only: [${onlyChecker.join(', ')}]`;
}

/**
 * `TypeError: Cannot read … at setMembers (src/core/jsonEdits.ts)`: the error's name and message
 * with numbers blanked, and the first frame in our own code, so inputs with one cause group.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error ${String(error).slice(0, 80)}`;
  const message = error.message.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 100);
  // A stack overflow's top frame is wherever the stack ran out: group by package (or our file) only.
  const overflow = error instanceof RangeError && /call stack/.test(error.message);
  const where = overflow ? stackTop(error).replace(/^\S+ \((jsonc-parser|src\/[^/]+)?.*\)$/, '$1') : stackTop(error);
  return `${error.name}: ${message} at ${where}`;
}

/** The first stack frame in src/ (else the first frame) as `function (src/core/file.js)`, without line numbers. */
export function stackTop(error: Error): string {
  const frames = (error.stack ?? '').split('\n').map((line) => line.trim()).filter((line) => line.startsWith('at '));
  const frame = frames.find((line) => /[\\/]src[\\/]/.test(line)) ?? frames[0];
  if (!frame) return '(no stack)';
  const call = /^at (\S+) \((.*)\)$/.exec(frame);
  const location = (call ? call[2] : frame.slice(3)).replace(/\\/g, '/').replace(/(:\d+)+$/, '');
  const inProject = /\/(?:node_modules\/)?((?:src|jsonc-parser)\/.*)$/.exec(location);
  return `${call ? call[1] : '<anonymous>'} (${inProject ? inProject[1] : location})`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0].slice(0, 200);
}
