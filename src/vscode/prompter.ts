/**
 * Every question and notification of the AWS commands goes through a Prompter, so integration
 * tests can answer them (VS Code refuses modal dialogs in test mode) and read what was said.
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/launch/redact';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface Prompter {
  /** A modal question; true only when the user chose `confirmLabel`. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** A modal error with a detail (one problem per line) and actions; the action chosen, or undefined. */
  alert(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warning(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], placeHolder: string): Promise<T | undefined>;
  /** A line of text; undefined when dismissed. */
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
}

/** Notifications are scrubbed of credentials here, where every message of the commands ends up. */
export const windowPrompter: Prompter = {
  async confirm(message, detail, confirmLabel) {
    return (await vscode.window.showWarningMessage(redactSecrets(message), { modal: true, detail: redactSecrets(detail) }, confirmLabel)) === confirmLabel;
  },
  alert: (message, detail, ...actions) => Promise.resolve(vscode.window.showErrorMessage(redactSecrets(message), { modal: true, detail: redactSecrets(detail) }, ...actions)),
  info: (message, ...actions) => Promise.resolve(vscode.window.showInformationMessage(redactSecrets(message), ...actions)),
  warning: (message, ...actions) => Promise.resolve(vscode.window.showWarningMessage(redactSecrets(message), ...actions)),
  error: (message, ...actions) => Promise.resolve(vscode.window.showErrorMessage(redactSecrets(message), ...actions)),
  async pick(items, placeHolder) {
    return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.value;
  },
  input: (options) => Promise.resolve(vscode.window.showInputBox(options)),
};
