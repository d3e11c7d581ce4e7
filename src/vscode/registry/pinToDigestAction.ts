/**
 * "Pin to digest" on an image of the user's own ECR or a private registry: the registry is asked
 * for the tag's digest only when the user picks the action (resolveCodeAction), and the reference
 * becomes `repository@sha256:…`.
 */
import * as vscode from 'vscode';
import { parseImageReference } from '../../core/imageReference';
import { pinToDigestIntent } from '../../core/registry/pinToDigest';
import { renderFix } from '../../core/renderFix';
import { imageOccurrence } from '../../core/rules/imageOccurrence';
import { diagnosticCode, toTextEdit } from '../convert';
import type { Prompter } from '../prompter';
import type { SpecAnalysis } from '../specAnalysis';
import type { LiveRegistries } from './liveRegistries';

export const PIN_TO_DIGEST_KIND = vscode.CodeActionKind.RefactorRewrite.append('pinDigest');

class PinToDigestAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly imageOffset: number, kind: vscode.CodeActionKind) {
    super('Pin to digest', kind);
  }
}

export class PinToDigestProvider implements vscode.CodeActionProvider<PinToDigestAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, PIN_TO_DIGEST_KIND] };

  constructor(private readonly analysis: SpecAnalysis, private readonly live: LiveRegistries, private readonly prompter: () => Prompter) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): PinToDigestAction[] {
    const spec = this.analysis.documents.get(document)?.spec;
    if (!spec) return [];
    const offset = document.offsetAt(range.start);
    const field = spec.images.find((image) => image.value.offset <= offset && offset <= image.value.offset + image.value.length);
    if (!field || field.value.type !== 'string' || !this.live.canResolve(String(field.value.value))) return [];
    const digestHint = context.diagnostics.find((diagnostic) => diagnosticCode(diagnostic) === 'digest-recommended');
    const action = new PinToDigestAction(document, field.value.offset, digestHint ? vscode.CodeActionKind.QuickFix : PIN_TO_DIGEST_KIND);
    if (digestHint) action.diagnostics = [digestHint];
    return [action];
  }

  async resolveCodeAction(action: PinToDigestAction): Promise<PinToDigestAction> {
    const spec = this.analysis.documents.get(action.document)?.spec;
    const field = spec?.images.find((image) => image.value.offset === action.imageOffset);
    const parsed = field && parseImageReference(String(field.value.value));
    if (!spec || !field || !parsed?.ok || !parsed.reference.tag || !parsed.reference.host) return action;
    const { reference } = parsed;
    try {
      const digest = await this.live.resolveDigest(reference.host!.text, reference.repository.text, reference.tag!.text);
      if (!digest) {
        await this.prompter().warning(`${reference.host!.text} has no tag "${reference.tag!.text}" in "${reference.repository.text}": nothing to pin.`);
        return action;
      }
      const rendered = renderFix(spec, { title: action.title, intents: [pinToDigestIntent(imageOccurrence(spec.text, field, reference), digest)] });
      if (!rendered) return action;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(action.document.uri, rendered.edits.map((edit) => toTextEdit(action.document, edit)));
    } catch (error) {
      await this.prompter().error(`Could not resolve the digest of ${reference.raw}: ${(error as Error).message}`);
    }
    return action;
  }
}
