/** The "SageMaker" output channel. Everything written is scrubbed of credentials first. */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/launch/redact';

/** How many recent lines are kept in memory (tests read them; the channel keeps everything). */
const RECENT_LINES = 500;

export class Output implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;
  readonly recent: string[] = [];

  /** Created on first use: activation stays cheap. */
  private get output(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel('SageMaker');
    return this.channel;
  }

  line(text: string): void {
    const safe = redactSecrets(text);
    this.output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${safe}`);
    this.recent.push(safe);
    if (this.recent.length > RECENT_LINES) this.recent.splice(0, this.recent.length - RECENT_LINES);
  }

  show(): void {
    this.output.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
