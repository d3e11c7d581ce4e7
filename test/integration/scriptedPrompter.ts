// A Prompter for integration tests: VS Code refuses modal dialogs in test mode, so each question
// is answered from a script, and everything said is recorded for the assertions.
import type { PickItem, Prompter } from '../../src/vscode/prompter';

export interface PromptRecord {
  kind: 'confirm' | 'alert' | 'info' | 'warning' | 'error' | 'pick' | 'input';
  message: string;
  detail?: string;
  actions: string[];
  answer: string | boolean | undefined;
}

export interface PromptScript {
  /** Answer to modal confirmations (default: confirm). */
  confirm?: boolean;
  /** Picks the first action containing this text, per message kind. */
  alert?: string;
  info?: string;
  warning?: string;
  error?: string;
  /** Picks the item whose label equals this (default: none → cancelled). */
  pick?: string | ((labels: string[]) => string | undefined);
  /** Answers to input boxes, in order (default: dismissed). */
  inputs?: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly records: PromptRecord[] = [];
  script: PromptScript = {};

  reset(script: PromptScript = {}): void {
    this.records.length = 0;
    this.script = script;
  }

  async confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    const answer = this.script.confirm ?? true;
    this.records.push({ kind: 'confirm', message, detail, actions: [confirmLabel], answer });
    return answer;
  }

  async alert(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    const wanted = this.script.alert;
    const answer = wanted ? actions.find((action) => action.includes(wanted)) : undefined;
    this.records.push({ kind: 'alert', message, detail, actions, answer });
    return answer;
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('info', message, actions);
  }

  warning(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('warning', message, actions);
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('error', message, actions);
  }

  async pick<T>(items: PickItem<T>[], placeHolder: string): Promise<T | undefined> {
    const labels = items.map((item) => item.label);
    const wanted = typeof this.script.pick === 'function' ? this.script.pick(labels) : this.script.pick;
    const item = items.find((candidate) => candidate.label === wanted);
    this.records.push({ kind: 'pick', message: placeHolder, actions: labels, answer: item?.label });
    return item?.value;
  }

  async input(options: { prompt?: string; password?: boolean }): Promise<string | undefined> {
    const answer = this.script.inputs?.shift();
    // A password is recorded as given or not, never as text.
    this.records.push({ kind: 'input', message: options.prompt ?? '', actions: [], answer: options.password ? answer !== undefined : answer });
    return answer;
  }

  private async notify(kind: 'info' | 'warning' | 'error', message: string, actions: string[]): Promise<string | undefined> {
    const wanted = this.script[kind];
    const answer = wanted ? actions.find((action) => action.includes(wanted)) : undefined;
    this.records.push({ kind, message, actions, answer });
    return answer;
  }

  /** The records of one kind. */
  of(kind: PromptRecord['kind']): PromptRecord[] {
    return this.records.filter((record) => record.kind === kind);
  }
}
