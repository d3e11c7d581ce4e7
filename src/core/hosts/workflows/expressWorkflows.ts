/**
 * Where a Step Functions task runs in an Express workflow. Express workflows take the
 * request-response integration pattern only: neither Run a Job (`.sync`) nor Wait for Callback
 * (`.waitForTaskToken`) — the Step Functions Developer Guide's table of integration patterns by
 * workflow type ("Integrating optimized services with Step Functions",
 * https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html). A task is in one
 * - under a Distributed Map state (`ItemProcessor.ProcessorConfig: { Mode: DISTRIBUTED,
 *   ExecutionType: EXPRESS }`), whose child workflow executions are Express workflows; the
 *   nearest Distributed Map decides (an inline Map runs in its parent's execution);
 * - in a state machine a template declares Express: `AWS::StepFunctions::StateMachine`'s
 *   `StateMachineType: EXPRESS`, `AWS::Serverless::StateMachine`'s `Type: EXPRESS`, for its
 *   tasks outside a Distributed Map.
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../../jsonTree';
import type { ExpressWorkflow } from '../../specDocument';

/** What a Map state's processor runs its items in. */
export interface MapChildWorkflow {
  /** Set for a Distributed Map: its child workflow executions are workflows of their own. */
  distributed: boolean;
  /** The Express workflow the items run in; for an inline Map, its parent's (`outer`). */
  express: ExpressWorkflow | undefined;
}

/**
 * The workflow the Map state `map` (by name) runs its `processor` (`ItemProcessor`, or the older
 * `Iterator`, which is always inline) in, when it runs inside `outer`. Only literal `Mode` and
 * `ExecutionType` strings are read (Step Functions takes no expression there).
 */
export function mapChildWorkflow(processor: Node | undefined, map: string, outer: ExpressWorkflow | undefined): MapChildWorkflow {
  const config = memberValue(processor, 'ProcessorConfig');
  if (stringValue(memberValue(config, 'Mode')) !== 'DISTRIBUTED') return { distributed: false, express: outer };
  return { distributed: true, express: stringValue(memberValue(config, 'ExecutionType')) === 'EXPRESS' ? { map } : undefined };
}

/** The property that holds a state machine resource's workflow type, by resource type. */
const TYPE_PROPERTY: Readonly<Record<string, 'StateMachineType' | 'Type'>> = {
  'AWS::StepFunctions::StateMachine': 'StateMachineType',
  'AWS::Serverless::StateMachine': 'Type',
};

/** The property of a state machine resource of `type` that holds its workflow type, or undefined for another type. */
export function workflowTypeProperty(type: string): 'StateMachineType' | 'Type' | undefined {
  return Object.hasOwn(TYPE_PROPERTY, type) ? TYPE_PROPERTY[type] : undefined;
}

/**
 * The Express workflow a template resource of type `type` declares in `properties` (literal
 * `EXPRESS`; a parameter or a condition's side is read by the caller's view, else not known: left
 * alone), else undefined.
 */
export function expressStateMachine(type: string, properties: Node | undefined): ExpressWorkflow | undefined {
  const property = workflowTypeProperty(type);
  return property !== undefined && stringValue(memberValue(properties, property)) === 'EXPRESS' ? { property } : undefined;
}
