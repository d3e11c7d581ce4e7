/**
 * One parse per document version, shared by every provider, and the decision of which documents
 * we serve: JSON/JSONC whose members tell a SageMaker request, or files matching
 * `sagemakerSpec.files` (always specs). Every other JSON file gets nothing from us.
 */
import * as vscode from 'vscode';
import { identifySpec, parseSpecDocument, type SpecDocument } from '../core/specDocument';
import { readSettings } from './settings';

export interface ServedSpec {
  spec: SpecDocument;
  /** Matches `sagemakerSpec.files`: a spec even when its kind cannot be told. */
  forced: boolean;
}

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

/**
 * Larger JSON documents are data, not request specs (SageMaker caps request bodies far below
 * this); skipping them keeps typing in them free of our work.
 */
export const MAX_SPEC_CHARACTERS = 16 * 1024 * 1024;

export class SpecDocuments {
  /**
   * Keyed by the document object, not its URI: an untitled document closed and created again gets
   * the same URI and version 1, and must not see the old text's parse.
   */
  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; served: ServedSpec | undefined }>();

  /** The parsed spec, or undefined when the document is not one of ours. */
  get(document: vscode.TextDocument): ServedSpec | undefined {
    if (!JSON_LANGUAGES.has(document.languageId)) return undefined;
    const cached = this.cache.get(document);
    if (cached && cached.version === document.version) return cached.served;
    const served = this.read(document);
    this.cache.set(document, { version: document.version, served });
    return served;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document);
  }

  /**
   * Other JSON files cost a text search and at most one flat scan of their top-level members;
   * only specs are parsed into a tree.
   */
  private read(document: vscode.TextDocument): ServedSpec | undefined {
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    const forced = matchesSpecGlobs(document);
    const { kind, scan } = identifySpec(text);
    if (!kind && !forced) return undefined;
    return { spec: parseSpecDocument(text, scan), forced };
  }
}

function matchesSpecGlobs(document: vscode.TextDocument): boolean {
  const globs = readSettings(document.uri).files;
  return globs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}
