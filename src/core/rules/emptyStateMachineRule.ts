/**
 * An empty state machine file (`*.asl.json` or `*.asl.yaml` with nothing but white space, see
 * hosts/workflows/emptyStateMachine.ts): Step Functions rejects an empty definition. Reported as
 * its host's syntax code, `invalid-json` (an empty `*.sagemaker.json` is one too) or
 * `invalid-yaml`, at the start of the file, without a fix (what to write is the user's).
 */
import type { RuleContext } from './ruleContext';

export function checkEmptyStateMachine(context: RuleContext): void {
  const yaml = context.spec.host === 'yaml';
  const message = `The state machine file is empty: Step Functions rejects an empty definition. Write the state machine in ${yaml ? 'YAML' : 'JSON'} (its "StartAt" and "States"), or delete the file.`;
  context.report(yaml ? 'invalid-yaml' : 'invalid-json', message, { offset: 0, length: 0 });
}
