/**
 * What every rule receives: the parsed spec, the catalog, the target region, and a `report`
 * function that applies the user's per-code severities (an `off` code is never computed further).
 */
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog';
import type { Finding, QuickFix, Severity, SeveritySetting } from '../findings';
import type { OffsetRange } from '../jsonTree';
import type { ResolvedRegion } from '../region';
import { contentRange } from '../requestTree';
import type { SpecDocument } from '../specDocument';
import { asLiteralExpression } from './literalExpressionFindings';
import { effectiveSeverity, RULE_CODES, type RuleCode, type RuleSettings } from './ruleCodes';

export interface RuleContext {
  spec: SpecDocument;
  catalog: Catalog;
  region: ResolvedRegion;
  /** False when the user turned the code off: skip building its message and fixes. */
  isEnabled(code: RuleCode): boolean;
  /**
   * `severity` replaces the code's default severity for this finding (a rule whose evidence varies
   * per fact); a severity the user set for the code still wins.
   */
  report(code: RuleCode, message: string, range: OffsetRange, fixes?: QuickFix[], severity?: Severity): void;
}

export function createRuleContext(
  spec: SpecDocument,
  catalog: Catalog,
  region: ResolvedRegion,
  settings: RuleSettings | undefined,
  findings: Finding[],
): RuleContext {
  return new FindingCollector(spec, catalog, region, settings, findings);
}

/** A class, not an object of closures: every request of a document gets one (200 in a state machine). */
class FindingCollector implements RuleContext {
  private readonly severities: ReadonlyMap<RuleCode, SeveritySetting>;

  constructor(
    readonly spec: SpecDocument,
    readonly catalog: Catalog,
    readonly region: ResolvedRegion,
    private readonly settings: RuleSettings | undefined,
    private readonly findings: Finding[],
  ) {
    this.severities = severityTable(settings);
  }

  isEnabled(code: RuleCode): boolean {
    return this.severities.get(code) !== 'off';
  }

  report(code: RuleCode, message: string, range: OffsetRange, fixes: QuickFix[] = [], factSeverity?: Severity): void {
    const configured = this.severities.get(code)!;
    if (configured === 'off') return;
    const severity = factSeverity !== undefined && this.settings?.[code] === undefined ? factSeverity : configured;
    // Every range lies inside the text, whatever a parser said (an unclosed comment ends past it).
    const textLength = this.spec.text.length;
    const offset = range.offset < 0 ? 0 : range.offset > textLength ? textLength : range.offset;
    const length = range.length < 0 ? 0 : Math.min(range.length, textLength - offset);
    // A value meant computed (a Step Functions `.$` forgotten): said so, and its constant fixes not preferred, whichever rule found it.
    const literal = asLiteralExpression(this.spec, message, { offset, length }, fixes);
    if (literal === 'withheld') return;
    if (literal) this.findings.push({ code, message: literal.message, severity, offset, length, fixes: literal.fixes });
    else this.findings.push({ code, message, severity, offset, length, fixes });
  }
}

/**
 * Every code's severity under `settings`, worked out once per settings object (each request of a
 * document has its own context). A Map, not an object: rules ask with varying codes, and such a
 * lookup in a 55-property object took twice a Map's time (4 % of a state machine's analysis).
 */
function severityTable(settings: RuleSettings | undefined): ReadonlyMap<RuleCode, SeveritySetting> {
  if (!settings) return DEFAULT_SEVERITIES;
  let table = tablesBySettings.get(settings);
  if (!table) {
    table = new Map(RULE_CODES.map((code) => [code, effectiveSeverity(code, settings)]));
    tablesBySettings.set(settings, table);
  }
  return table;
}

const DEFAULT_SEVERITIES: ReadonlyMap<RuleCode, SeveritySetting> = new Map(RULE_CODES.map((code) => [code, effectiveSeverity(code, undefined)]));
const tablesBySettings = new WeakMap<RuleSettings, ReadonlyMap<RuleCode, SeveritySetting>>();

/** The range of a node: a non-string value as a whole, a string's (or key's) content without quotes. */
export function nodeRange(node: Node): OffsetRange {
  return contentRange(node);
}
