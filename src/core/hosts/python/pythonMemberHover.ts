/**
 * Hover in Python: an image reference or a built-in algorithm hyperparameter as in every host,
 * and a boto3 request's member named by a keyword argument (`RoleArn=`) or a dict key
 * (`"TrainingInputMode": …`), described from the API model as a JSON spec's member is.
 */
import type { AlgorithmTable } from '../../algorithms/algorithmTable';
import type { ApiModel } from '../../apiModel/apiModel';
import type { Catalog } from '../../catalog/catalog';
import { requestAt, type HostDocument } from '../../hostDocument';
import { hoverAt, type HoverResult } from '../../hover';
import { hoverMemberKey } from '../../modelHover';
import { findBoto3Member } from './pythonMemberCompletion';

/** The hover at `offset` (UTF-16 code units into `document.text`) of a Python document, or undefined. */
export function hoverInPython(document: HostDocument, offset: number, catalog: Catalog, apiModel?: ApiModel, algorithms?: AlgorithmTable): HoverResult | undefined {
  const spec = requestAt(document, offset);
  const hover = spec && hoverAt(spec, offset, catalog, apiModel, algorithms);
  if (hover || !apiModel) return hover;
  // The key under the cursor, in whichever request's tree holds it (a dict bound to a name lies outside its call).
  const found = findBoto3Member(document, (property) => {
    const key = property.children?.[0];
    return key !== undefined && key.offset <= offset && offset < key.offset + key.length;
  });
  return found && hoverMemberKey(found.request, found.property.children![0], apiModel);
}
