/** A CodeLens above every recognised spec: the one command that sends it. */
import * as vscode from 'vscode';
import { CREATE_OPERATIONS } from '../../core/launch/operations';
import type { SpecAnalysis } from '../specAnalysis';

export class SpecCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const spec = this.analysis.documents.get(document)?.spec;
    if (!spec?.kind || !spec.root) return [];
    const operation = CREATE_OPERATIONS[spec.kind];
    const start = document.positionAt(spec.root.offset);
    const icon = spec.kind === 'CreateTrainingJob' ? '$(rocket)' : '$(cloud-upload)';
    return [new vscode.CodeLens(new vscode.Range(start, start), { title: `${icon} ${operation.title.replace('SageMaker: ', '')}`, command: `sagemakerSpec.${operation.command}` })];
  }
}
