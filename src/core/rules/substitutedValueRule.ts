/**
 * The values a template's `DefinitionSubstitutions` gives a state machine's request members written
 * as one `${Name}` (`"InstanceType": "${TrainingInstanceType}"`, the `sam init` layout): each
 * judged against the members it fills, on the map's characters, as a template's own values are. A
 * misspelt instance type in the map fails the task minutes into an execution; nothing else looks.
 * One map entry that fills several members (a role for a training and a model task) is one
 * finding per problem, naming them all, its fixes offered once.
 */
import type { ApiModel } from '../apiModel/apiModel';
import type { QuickFix } from '../findings';
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../jsonTree';
import { memberPathText } from '../requestTree';
import type { SubstitutedValue } from '../specDocument';
import { checkValueAgainstMember } from './apiModelRules';
import type { RuleCode } from './ruleCodes';
import type { RuleContext } from './ruleContext';

/** A finding of one member's check, before the entry's findings are merged. */
interface Found {
  code: RuleCode;
  message: string;
  range: OffsetRange;
  fixes: QuickFix[];
  /** The member path (`ResourceConfig.InstanceType`) and the tasks whose member it is. */
  member: string;
  tasks: readonly string[];
}

export function checkSubstitutedValues(context: RuleContext, values: readonly SubstitutedValue[], model: ApiModel): void {
  const byEntry = new Map<Node, SubstitutedValue[]>();
  for (const value of values) byEntry.set(value.value, [...(byEntry.get(value.value) ?? []), value]);
  for (const [node, uses] of byEntry) {
    const found: Found[] = [];
    for (const use of uses) {
      const member = memberPathText(use.memberPath);
      const collecting: RuleContext = {
        spec: context.spec,
        catalog: context.catalog,
        region: context.region,
        isEnabled: (code) => context.isEnabled(code),
        report: (code, message, range, fixes = []) => found.push({ code, message, range, fixes, member, tasks: use.tasks }),
      };
      checkValueAgainstMember(collecting, model, use.kind, use.memberPath, node);
    }
    const file = uses[0].file;
    for (const group of groupedByPlace(found)) {
      // Each fix once: the first member's as they are, the others' new ones after them, none preferred.
      const fixes: QuickFix[] = [];
      const titles = new Set<string>();
      group.forEach((entry, index) => {
        for (const fix of entry.fixes) {
          if (titles.has(fix.title)) continue;
          titles.add(fix.title);
          fixes.push(index === 0 ? fix : { ...fix, preferred: false });
        }
      });
      const targets = targetsText(group);
      const prefix = `DefinitionSubstitutions gives this to ${targets}${file === undefined ? '' : ` of ${file}`}: `;
      context.report(group[0].code, `${prefix}${group[0].message}`, group[0].range, fixes);
    }
  }
}

/** The findings by code and range, in the order first found. */
function groupedByPlace(found: readonly Found[]): Found[][] {
  const groups = new Map<string, Found[]>();
  for (const entry of found) {
    const key = `${entry.code}@${entry.range.offset}+${entry.range.length}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

/** `RoleArn of tasks "Prep", "Train" and ExecutionRoleArn of task "Model"`: each member once, with every task it is in. */
function targetsText(group: readonly Found[]): string {
  const tasksByMember = new Map<string, string[]>();
  for (const { member, tasks } of group) {
    const known = tasksByMember.get(member) ?? [];
    tasksByMember.set(member, [...known, ...tasks.filter((task) => !known.includes(task))]);
  }
  return [...tasksByMember].map(([member, tasks]) => `${member} of ${tasksText(tasks)}`).join(' and ');
}

/** `task "Train"`, `tasks "Train", "Retrain"`. */
function tasksText(tasks: readonly string[]): string {
  if (tasks.length === 0) return 'a task';
  return `${tasks.length === 1 ? 'task' : 'tasks'} ${tasks.map((task) => `"${task}"`).join(', ')}`;
}
