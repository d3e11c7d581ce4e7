/**
 * "Pin to digest" on an image of the user's own ECR or a private registry: the registry is asked
 * for the tag's digest only when the user picks the action (resolveCodeAction), and the reference
 * becomes `repository@sha256:…`.
 *
 * The registry may take seconds, and the user may type meanwhile, so the action remembers what it
 * was computed for (document version, the image's holder and its exact text). After the answer,
 * the edit is built against the document as it is then: at the same place when the version is
 * unchanged, else at the one image with the same holder and the same text. When that image is gone
 * or changed, no edit is made and the user is told in one line.
 */
import * as vscode from 'vscode';
import { parseImageReference, type ImageReference } from '../../core/imageReference';
import { pinToDigestIntent } from '../../core/registry/pinToDigest';
import { renderFix } from '../../core/renderFix';
import { imageOccurrence } from '../../core/rules/imageOccurrence';
import type { ImageField, SpecDocument } from '../../core/specDocument';
import { diagnosticCode, toTextEdit } from '../convert';
import type { Prompter } from '../prompter';
import type { SpecAnalysis } from '../specAnalysis';
import type { LiveRegistries } from './liveRegistries';

export const PIN_TO_DIGEST_KIND = vscode.CodeActionKind.RefactorRewrite.append('pinDigest');

/** The image an action was computed for, to find it again in a later version of the document. */
interface PinTarget {
  version: number;
  /** Offset of the image's value node in that version. */
  offset: number;
  holderPath: readonly (string | number)[];
  /** The image reference exactly as written (the string's value). */
  raw: string;
}

/** The image, found in the document's current parse, ready to build an edit against. */
interface FoundImage {
  spec: SpecDocument;
  field: ImageField;
  reference: ImageReference;
}

class PinToDigestAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly target: PinTarget, kind: vscode.CodeActionKind) {
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
    const target: PinTarget = { version: document.version, offset: field.value.offset, holderPath: field.holderPath, raw: String(field.value.value) };
    const action = new PinToDigestAction(document, target, digestHint ? vscode.CodeActionKind.QuickFix : PIN_TO_DIGEST_KIND);
    if (digestHint) action.diagnostics = [digestHint];
    return [action];
  }

  async resolveCodeAction(action: PinToDigestAction): Promise<PinToDigestAction> {
    const { document, target } = action;
    const asked = this.find(document, target);
    if (!asked) {
      await this.prompter().warning(`${target.raw} changed before its registry was asked, so it was not pinned.`);
      return action;
    }
    const { reference } = asked;
    const host = reference.host!.text;
    let digest: string | undefined;
    try {
      digest = await this.live.resolveDigest(host, reference.repository.text, reference.tag!.text);
    } catch (error) {
      await this.prompter().error(`Could not resolve the digest of ${reference.raw}: ${(error as Error).message}`);
      return action;
    }
    if (!digest) {
      await this.prompter().warning(`${host} has no tag "${reference.tag!.text}" in "${reference.repository.text}": nothing to pin.`);
      return action;
    }
    // The wait may have let the user type: build the edit against the text as it is now.
    const current = this.find(document, target);
    if (!current) {
      await this.prompter().warning(`${target.raw} changed while its registry answered, so it was not pinned.`);
      return action;
    }
    const rendered = renderFix(current.spec, { title: action.title, intents: [pinToDigestIntent(imageOccurrence(current.spec.text, current.field, current.reference), digest)] });
    if (!rendered) return action;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(document.uri, rendered.edits.map((edit) => toTextEdit(document, edit)));
    return action;
  }

  /**
   * The image the action was computed for, in the document's current version: at the same offset
   * when nothing changed; otherwise the one image with the same holder and the same text (none
   * when it was edited, removed, or is no longer unique).
   */
  private find(document: vscode.TextDocument, target: PinTarget): FoundImage | undefined {
    const spec = this.analysis.documents.get(document)?.spec;
    if (!spec) return undefined;
    const same = (field: ImageField) =>
      field.value.type === 'string' && field.value.value === target.raw && samePath(field.holderPath, target.holderPath);
    const candidates = document.version === target.version
      ? spec.images.filter((field) => field.value.offset === target.offset && same(field))
      : spec.images.filter(same);
    if (candidates.length !== 1) return undefined;
    const field = candidates[0];
    const parsed = parseImageReference(target.raw);
    if (!parsed.ok || !parsed.reference.host || !parsed.reference.tag) return undefined;
    return { spec, field, reference: parsed.reference };
  }
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}
