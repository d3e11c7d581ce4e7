/**
 * The requests in a YAML stream, document by document:
 * - an AWS CLI input (`--cli-input-yaml`) whose top-level members identify a request (or any
 *   mapping, in a file that is always a spec: `*.sagemaker.yaml`) is that request, as a JSON spec is;
 * - a CloudFormation or SAM template (`Resources`) yields its SageMaker resources' requests.
 */
import { findWorkflowRequests } from '../workflows/workflowRequests';
import { memberNames } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import { findImageFields, type SpecDocument } from '../../specDocument';
import { detectSpecKind, detectSpecKindByContent } from '../../specKind';
import type { HostComment } from '../../suppressions';
import { findCloudFormationRequests, isCloudFormationTemplate, type CloudFormationHooks } from '../cloudFormation/cloudFormationRequests';
import { parseYaml } from './yamlSyntax';
import { yamlDocumentTree } from './yamlTree';

/** `*.sagemaker.yaml` / `*.sagemaker.yml`: always an AWS CLI YAML spec, whatever its members. */
export function isYamlSpecName(path: string): boolean {
  return /\.sagemaker\.ya?ml$/i.test(path);
}

export interface YamlRequests {
  requests: SpecDocument[];
  comments: HostComment[];
}

/**
 * Every request in `text`. `forced`: the file is always a spec (it matches `sagemakerSpec.files`
 * or is named `*.sagemaker.yaml`), so a mapping whose kind cannot be told is still a request to
 * report on (`unknown-spec-kind`).
 */
export function findYamlRequests(text: string, forced = false, hooks?: CloudFormationHooks): YamlRequests {
  const { documents, comments } = parseYaml(text);
  const requests: SpecDocument[] = [];
  for (const document of documents) {
    const root: RequestNode | undefined = yamlDocumentTree(text, document);
    if (root?.type !== 'object') continue;
    if (isCloudFormationTemplate(root)) {
      requests.push(...findCloudFormationRequests(text, root, 'yaml', hooks));
      continue;
    }
    const kind = forced ? detectSpecKind(memberNames(root)) : detectSpecKindByContent(memberNames(root));
    const workflowRequests = kind ? [] : findWorkflowRequests(text, root, 'yaml');
    if (workflowRequests.length > 0) requests.push(...workflowRequests);
    else if (kind || forced) requests.push({ text, root, parseErrors: [], kind, images: kind ? findImageFields(kind, root) : [], host: 'yaml' });
  }
  return { requests, comments };
}
