/**
 * `unfilled-placeholder`: a Step Functions task's Resource written `arn:${AWS::Partition}:states:::…`
 * as literal text. Only CloudFormation's `Fn::Sub` fills pseudo parameters; a state machine file
 * deployed by SAM's `DefinitionUri` (or CloudFormation's `DefinitionS3Location`), and a
 * template's `Definition` outside `Fn::Sub`, get only their `DefinitionSubstitutions`, so Step
 * Functions reads the ARN as written and rejects the state machine. The task is still checked as
 * the integration it names. The fix writes a `DefinitionSubstitutions` key the deployment can
 * fill (`${Partition}`) — offered, never applied: the template must then define it.
 */
import { intent } from '../edits/editIntent';
import { valueOffsetMapper } from '../jsonTree';
import type { TaskIntegration } from '../specDocument';
import type { RuleContext } from './ruleContext';

export function checkUnfilledPartition(context: RuleContext, integration: TaskIntegration): void {
  const unfilled = integration.unfilledPartition;
  if (!unfilled) return;
  const offsetOf = valueOffsetMapper(context.spec.text, integration.resource);
  const offset = offsetOf(unfilled.start);
  const length = offsetOf(unfilled.start + unfilled.text.length) - offset;
  context.report(
    'unfilled-placeholder',
    `${unfilled.text} is filled in only by CloudFormation's Fn::Sub: in a state machine file (or a Definition outside Fn::Sub) Step Functions reads the Resource as written and rejects it. Write the partition (arn:aws:…), or a DefinitionSubstitutions key (\${Partition}) that the deployment fills.`,
    { offset, length },
    [
      { title: 'Write the partition aws', intents: [intent.replaceInString(integration.resource, unfilled.start, unfilled.start + unfilled.text.length, 'aws')], preferred: false, changesBehaviour: true },
    ],
  );
}
