import type { Finding } from '../findings';

/** Runs one rule family with its arguments (see ruleRunner). */
export type RuleRunner = <Args extends unknown[]>(rule: string, check: (...args: Args) => void, ...args: Args) => void;

/**
 * Runs one rule family, `check(...args)`; a throw costs only its own findings, never the others'.
 * The arguments are passed, not captured: a closure per family per request was a fifth of the
 * analysis's garbage on a 200-request state machine.
 */
export function ruleRunner(findings: Finding[], onInternalError?: (rule: string, error: unknown) => void): RuleRunner {
  return <Args extends unknown[]>(rule: string, check: (...args: Args) => void, ...args: Args): void => {
    const before = findings.length;
    try {
      check(...args);
    } catch (error) {
      findings.length = before;
      onInternalError?.(rule, error);
    }
  };
}
