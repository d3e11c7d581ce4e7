import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wiring lands with the core features.
}

export function deactivate(): void {}
