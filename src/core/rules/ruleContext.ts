/**
 * What every rule receives: the parsed spec, the catalog, the target region, and a `report`
 * function that applies the user's per-code severities (an `off` code is never computed further).
 */
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog';
import type { Finding, QuickFix } from '../findings';
import type { OffsetRange } from '../jsonTree';
import type { ResolvedRegion } from '../region';
import { contentRange } from '../requestTree';
import type { SpecDocument } from '../specDocument';
import { effectiveSeverity, type RuleCode, type RuleSettings } from './ruleCodes';

export interface RuleContext {
  spec: SpecDocument;
  catalog: Catalog;
  region: ResolvedRegion;
  /** False when the user turned the code off: skip building its message and fixes. */
  isEnabled(code: RuleCode): boolean;
  report(code: RuleCode, message: string, range: OffsetRange, fixes?: QuickFix[]): void;
}

export function createRuleContext(
  spec: SpecDocument,
  catalog: Catalog,
  region: ResolvedRegion,
  settings: RuleSettings | undefined,
  findings: Finding[],
): RuleContext {
  return {
    spec,
    catalog,
    region,
    isEnabled: (code) => effectiveSeverity(code, settings) !== 'off',
    report(code, message, range, fixes = []) {
      const severity = effectiveSeverity(code, settings);
      if (severity === 'off') return;
      // Every range lies inside the text, whatever a parser said (an unclosed comment ends past it).
      const offset = Math.min(Math.max(range.offset, 0), spec.text.length);
      const length = Math.min(Math.max(range.length, 0), spec.text.length - offset);
      findings.push({ code, message, severity, offset, length, fixes });
    },
  };
}

/** The range of a node: a non-string value as a whole, a string's (or key's) content without quotes. */
export function nodeRange(node: Node): OffsetRange {
  return contentRange(node);
}
