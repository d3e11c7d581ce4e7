/**
 * A rule context that keeps what the rules report instead of saying it: the framework rules judge
 * an image against several configs (one per instance type it may run on) and decide afterwards
 * which findings hold.
 */
import type { QuickFix, Severity } from '../../findings';
import type { OffsetRange } from '../../jsonTree';
import type { RuleCode } from '../ruleCodes';
import type { RuleContext } from '../ruleContext';

/** One `report` call, as made. */
export interface BufferedFinding {
  code: RuleCode;
  message: string;
  range: OffsetRange;
  fixes?: QuickFix[];
  severity?: Severity;
}

/** A context that keeps its reports (see bufferedContext), and takes findings built whole. */
export interface BufferingContext extends RuleContext {
  /** Keeps `finding` as it is, with whatever it carries besides (a VersionMiss). */
  keep(finding: BufferedFinding): void;
}

/** True when `context` keeps its reports for the caller (see bufferedContext). */
export function isBuffering(context: RuleContext): context is BufferingContext {
  return typeof (context as Partial<BufferingContext>).keep === 'function';
}

/**
 * A context that answers like `context` (catalog, region, enabled codes) and keeps its reports in
 * `findings`, in order; nothing reaches `context` until the caller replays them.
 */
export function bufferedContext(context: RuleContext): { context: BufferingContext; findings: BufferedFinding[] } {
  const findings: BufferedFinding[] = [];
  return {
    findings,
    context: {
      spec: context.spec,
      catalog: context.catalog,
      region: context.region,
      isEnabled: (code) => context.isEnabled(code),
      report: (code, message, range, fixes, severity) => void findings.push({ code, message, range, fixes, severity }),
      keep: (finding) => void findings.push(finding),
    },
  };
}
