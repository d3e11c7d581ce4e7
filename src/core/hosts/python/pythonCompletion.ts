/**
 * Completion in Python: image references inside the image arguments we recognise (boto3 image
 * members, `image_uri=`, `training_image=`), the framework, version and py_version arguments of
 * `image_uris.retrieve(…)` and the framework classes, from the catalog, and the values of the SDK
 * arguments sent as request members (`instance_type=`), from the API model.
 */
import { compareVersions } from '../../catalog/versions';
import type { CompletionOptions, CompletionResult } from '../../completion';
import { completeDocumentImage } from '../../documentImageCompletion';
import type { FrameworkArgument, FrameworkRequest } from '../../frameworkRequest';
import type { HostDocument } from '../../hostDocument';
import { valueItems } from '../../modelCompletion';
import { contentRange, isDynamic } from '../../requestTree';

/** Items for the string under `offset` (between its quotes), or undefined when it is not one of ours. */
export function completeInPython(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const image = completeDocumentImage(document, offset, options);
  if (image) return image;
  for (const call of document.frameworkRequests) {
    const items = completeFrameworkArgument(document.text, call, offset, options);
    if (items) return items;
  }
  return completeSdkArgument(document, offset, options);
}

/**
 * The values of the request member an SDK argument is sent as (`instance_type="ml.m5.x|"` in an
 * estimator is ResourceConfig.InstanceType): the member's enum from the API model, as a boto3
 * request's value completes, replacing the string's content. Undefined outside such a string.
 */
function completeSdkArgument(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const model = options.apiModel;
  if (!model) return undefined;
  for (const request of document.requests) {
    for (const argument of request.sdkRequest?.arguments ?? []) {
      const value = argument.value;
      if (value.type !== 'string' || isDynamic(value) || offset < value.offset || offset > value.offset + value.length) continue;
      const content = contentRange(value);
      if (offset < content.offset || offset > content.offset + content.length) return undefined;
      const shape = model.shapeAt(argument.kind, argument.path);
      if (shape?.type !== 'string' || !shape.enum) return undefined;
      return valueItems(shape.enum, { offset: content.offset, length: content.length, newText: '' }, document.text.slice(content.offset, offset), false);
    }
  }
  return undefined;
}

function inside(argument: FrameworkArgument | undefined, offset: number): boolean {
  if (!argument || argument.value === undefined) return false;
  return offset >= argument.range.offset && offset <= argument.range.offset + argument.range.length;
}

function completeFrameworkArgument(text: string, call: FrameworkRequest, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const { catalog } = options;
  const framework = call.framework?.value ?? call.impliedFramework;
  const typedIn = (argument: FrameworkArgument) => text.slice(argument.range.offset, offset);
  const editOf = (argument: FrameworkArgument) => ({ offset: argument.range.offset, length: argument.range.length, newText: '' });
  if (call.framework && inside(call.framework, offset)) {
    return valueItems(catalog.frameworks(), editOf(call.framework), typedIn(call.framework), false, Object.fromEntries(catalog.frameworks().map((name) => [name, catalog.frameworkTitle(name) ?? name])));
  }
  if (!framework) return undefined;
  const images = catalog.imagesForFramework(framework);
  if (call.version && inside(call.version, offset)) {
    // Newest first; floating versions (`latest`, `1`) are never offered for XGBoost, which must be pinned.
    const versions = [...new Set(images.map((image) => image.version))]
      .filter((version) => version !== '' && !(framework === 'xgboost' && (version === 'latest' || version === '1')))
      .sort((a, b) => compareVersions(b, a));
    const details = Object.fromEntries(versions.map((version) => [version, images.filter((image) => image.version === version).flatMap((image) => image.scopes).filter((scope, index, all) => all.indexOf(scope) === index).join(', ')]));
    return valueItems(versions, editOf(call.version), typedIn(call.version), false, details);
  }
  if (call.pyVersion && inside(call.pyVersion, offset)) {
    const version = call.version?.value;
    const pyVersions = [...new Set(images.filter((image) => version === undefined || image.version === version).flatMap((image) => image.pyVersions ?? []))].sort().reverse();
    return valueItems(pyVersions, editOf(call.pyVersion), typedIn(call.pyVersion), false);
  }
  return undefined;
}
