/**
 * A state machine whose definition is a file of its own, named by a local path — SAM's
 * `DefinitionUri` (the `sam init` layout), or a `DefinitionS3Location` that `aws cloudformation
 * package` uploads: the template checks what its `DefinitionSubstitutions` give that file's tasks
 * (substitutionChecks.ts), once the caller has read the file (DefinitionFileReader).
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../../jsonTree';
import { contentRange } from '../../requestTree';
import type { MissingDefinitionFile, SpecDocument } from '../../specDocument';
import { conditionSides, type TemplateResource } from './cloudFormationRequests';
import { substitutedImageRequests, substitutedValueRequests, undefinedSubstitutionsRequest } from './substitutionChecks';

/**
 * The requests of the state machine file a template names by a local path (SAM's `DefinitionUri`,
 * or a `DefinitionS3Location` that `aws cloudformation package` uploads), as its host reads that
 * file: `path` is the property's string as written, relative to the template's folder.
 * NoDefinitionFile when nothing is at that path; undefined when the file cannot be read (too
 * large, not a file, not readable). The caller reads files (the checker from disk, the editor
 * from its open documents first); the core never does.
 */
export type DefinitionFileReader = (path: string) => readonly SpecDocument[] | NoDefinitionFile | undefined;

/** Nothing at a state machine file's path, or a folder there (see DefinitionFileReader). */
export interface NoDefinitionFile {
  missing: true;
  /** The names in the folder the path names, if that folder exists (for a "did you mean"); else empty. */
  siblings: readonly string[];
  /**
   * The path (as written, `/`-separated) of the file clearly meant, found segment by segment
   * (`statemachnie/train.asl.json` → `statemachine/train.asl.json`, `Statemachine/` → `statemachine/`),
   * when one exists.
   */
  nearestPath?: string;
  /** True when the path names a folder, not a file. */
  folder?: true;
}

/** The properties that name a state machine file by a local path, by resource type (see DefinitionFileReader). */
export const DEFINITION_FILE_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Serverless::StateMachine': 'DefinitionUri',
  'AWS::StepFunctions::StateMachine': 'DefinitionS3Location',
};

/**
 * A state machine whose definition is another file (`DefinitionUri: statemachine/train.asl.json`,
 * the `sam init` layout): what its `DefinitionSubstitutions` give that file's tasks — the images of
 * image members and the values of other members written as one `${Name}`, and the names the file
 * uses that the map does not define — checked in the template, once per side of the resource's
 * `Fn::If` conditions; a path with no file at it is a request of its own (MissingDefinitionFile).
 * Nothing without a reader or a local path (an `s3://` URI or a `Bucket`/`Key` object is not
 * read), nor without a map; the file's own findings are the file's (it is checked on its own).
 */
export function definitionFileRequests(resource: TemplateResource, readDefinitionFile: DefinitionFileReader | undefined): SpecDocument[] {
  const property = DEFINITION_FILE_PROPERTY[resource.type];
  const uri = property === undefined ? undefined : memberValue(resource.properties, property);
  const path = stringValue(uri);
  if (!readDefinitionFile || !uri || path === undefined || path.trim() === '' || /^s3:\/\//i.test(path)) return [];
  const found = readDefinitionFile(path);
  if (found && 'missing' in found) return [missingFileRequest(resource, property!, uri, path, found)];
  if (!found || found.length === 0 || !memberValue(resource.properties, 'DefinitionSubstitutions')) return [];
  const requests: SpecDocument[] = [];
  for (const side of conditionSides(resource.text, resource.properties)) {
    for (const request of found) requests.push(...substitutedImageRequests(resource, side, request));
    requests.push(...substitutedValueRequests(resource, side, found, path));
    const undefinedNames = undefinedSubstitutionsRequest(resource, side, found, path, uri);
    if (undefinedNames) requests.push(undefinedNames);
  }
  return requests;
}

/**
 * The request that reports `path` (the `property` string `uri` of `resource`) naming no file
 * (`found`): the whole path's characters, and where its last segment is written when the string
 * holds it verbatim (a fix renames it to the nearest of the siblings, or the path to the nearest
 * path found).
 */
function missingFileRequest(resource: TemplateResource, property: string, uri: Node, path: string, found: NoDefinitionFile): SpecDocument {
  const content = contentRange(uri);
  const verbatim = resource.text.slice(content.offset, content.offset + content.length) === path;
  const nameStart = path.lastIndexOf('/') + 1;
  const missingDefinitionFile: MissingDefinitionFile = {
    property,
    path,
    range: verbatim ? content : { offset: uri.offset, length: uri.length },
    ...(verbatim && { name: { offset: content.offset + nameStart, length: path.length - nameStart } }),
    siblings: found.siblings,
    ...(found.nearestPath !== undefined && { nearestPath: found.nearestPath }),
    ...(found.folder && { folder: true }),
  };
  return { text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, missingDefinitionFile };
}
