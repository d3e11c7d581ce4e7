/**
 * Every diagnostic code with its default severity. The codes are a public contract: users turn
 * them off by name in `sagemakerSpec.rules`, and the README documents each under its own anchor.
 */
import type { Severity, SeveritySetting } from '../findings';

export const RULES = {
  'invalid-json': { severity: 'error', summary: 'A spec file that is not valid JSON (or JSONC).' },
  'invalid-yaml': { severity: 'error', summary: 'A YAML spec or template that does not parse.' },
  'unknown-spec-kind': { severity: 'information', summary: 'A spec file whose request kind cannot be told from its members.' },
  'invalid-image-reference': { severity: 'error', summary: 'Not a valid container image reference.' },
  'unknown-region': { severity: 'error', summary: 'An Amazon ECR host with an unknown region or the wrong DNS suffix.' },
  'registry-account-mismatch': { severity: 'error', summary: "A SageMaker image from an AWS account that does not serve it in this region." },
  'invalid-account-id': { severity: 'error', summary: "An image's Amazon ECR registry account (written in the image, or read from a template's account table in Mappings) that is not a 12-digit AWS account id." },
  'mapping-missing-region': { severity: 'error', summary: "A region the template is deployed to (templateRegions, else the one region chosen: --region, AWS_REGION, the profile's) without a row in the Mappings table an image reads by region: !FindInMap fails there." },
  'unknown-repository': { severity: 'error', summary: 'A repository a SageMaker-owned registry account does not serve in that region, a typo away from one it does (sagemaker-xgbost): the pull fails.' },
  'image-region-mismatch': { severity: 'error', summary: 'A request image from a region other than the explicit target region: SageMaker does not pull across regions.' },
  'unknown-image-tag': { severity: 'warning', summary: 'A tag that the SageMaker image catalog does not list for this repository.' },
  'newer-than-catalog': { severity: 'information', summary: 'A Deep Learning Container tag newer than every version the image catalog knows.' },
  'latest-tag': { severity: 'warning', summary: 'An image on the floating `latest` tag, or with no tag at all.' },
  'xgboost-unpinned': { severity: 'error', summary: 'An XGBoost image that is not pinned to a specific version.' },
  'private-registry-needs-vpc-access': { severity: 'error', summary: 'An image outside private Amazon ECR repositories without the Vpc repository access mode.' },
  'private-registry-unsupported': { severity: 'error', summary: 'An image outside private Amazon ECR repositories in a job that can only pull from them.' },
  'docker-hub-image': { severity: 'error', summary: 'A Docker Hub image (no registry host) where SageMaker pulls: it needs Amazon ECR or a registry in your VPC.' },
  'invalid-resource-id': { severity: 'error', summary: 'A security group, subnet or KMS key id that is a placeholder or not in the format AWS uses.' },
  'missing-vpc-config': { severity: 'error', summary: 'Vpc repository access without a complete VpcConfig.' },
  'invalid-credentials-provider-arn': { severity: 'error', summary: 'A registry credentials provider that is not an AWS Lambda function ARN.' },
  'credentials-provider-without-vpc-access': { severity: 'warning', summary: 'Registry credentials that have no effect without Vpc access mode.' },
  'image-scope-mismatch': { severity: 'warning', summary: 'A SageMaker image used for a job type it is not built for.' },
  'tag-not-found': { severity: 'warning', summary: 'A tag that the registry, when asked, says does not exist.' },
  'digest-recommended': { severity: 'hint', summary: 'A private-registry image pinned by tag only, not by digest.' },
  'unknown-property': { severity: 'error', summary: 'A member the request (or the object it sits in) does not have.' },
  'missing-required-property': { severity: 'error', summary: 'An object without a member the API requires.' },
  'invalid-type': { severity: 'error', summary: 'A value of the wrong JSON type (a string for a number, an object for a list, …).' },
  'invalid-enum-value': { severity: 'error', summary: 'A value that is not one of the values the API allows.' },
  'value-out-of-range': { severity: 'error', summary: 'A number, or the length of a string, list or map, outside the API limits.' },
  'pattern-mismatch': { severity: 'error', summary: 'A string that does not match the pattern the API requires.' },
  'spot-training-wait': { severity: 'error', summary: 'A training job\'s MaxWaitTimeInSeconds without managed spot training, missing with it, or shorter than its MaxRuntimeInSeconds: SageMaker refuses the job.' },
  'duplicate-key': { severity: 'error', summary: 'A member written twice in the same object.' },
  'unsupported-integration-pattern': { severity: 'error', summary: 'A Step Functions task asking for an integration pattern (`.sync`, `.waitForTaskToken`) Step Functions does not offer for that SageMaker action.' },
  'invalid-integration-arn': { severity: 'error', summary: 'A Step Functions task whose Resource is meant as a SageMaker integration but is no ARN of one: a region or account written in (`arn:aws:states:us-east-1:123456789012:sagemaker:…`), or a colon missing. Integration ARNs have neither (`arn:aws:states:::sagemaker:…`).' },
  'unknown-integration-action': { severity: 'error', summary: 'A Step Functions task naming a SageMaker integration action that does not exist (a misspelt `createTrainingJob`).' },
  'unfilled-placeholder': { severity: 'error', summary: 'A ${…} that nothing substitutes where it is written (an AWS CLI spec, Python, a state machine file\'s ${AWS::…}, an image outside Fn::Sub): the value is sent as written; or that Fn::Sub cannot fill (a DefinitionSubstitutions key written ${Name}, not ${!Name}, in a DefinitionString\'s Fn::Sub): CloudFormation rejects the template. A warning in a member that takes any text (an Environment value), which a container may expand itself.' },
  'definition-file-not-found': { severity: 'error', summary: 'A template\'s state machine file path (SAM\'s DefinitionUri, a local DefinitionS3Location) with no file at it: the build fails, and its tasks cannot be checked.' },
  'undefined-pipeline-variable': { severity: 'error', summary: 'A Pipelines `{"Get": "Parameters.X"}` or `{"Get": "Steps.X.…"}` naming no parameter or step of the definition (a misspelt name): the run has no value for it.' },
  'undefined-pipeline-step': { severity: 'error', summary: 'A Pipelines step\'s `DependsOn` naming no step of the definition (a misspelt or renamed step): the step cannot wait for it.' },
  'strict-json': { severity: 'error', summary: 'A comment or trailing comma in a JSON state machine, pipeline definition, CloudFormation template or plain .json spec, whose reader (the deploy, the AWS CLI) takes strict JSON: it fails.' },
  'query-language-mismatch': { severity: 'error', summary: 'A Step Functions task whose request is under the other query language\'s key: `Parameters` in a JSONata state, `Arguments` in a JSONPath one.' },
  'path-key-constant': { severity: 'error', summary: 'A Step Functions JSONPath key ending in `.$` whose value is no path nor intrinsic function (`"InstanceType.$": "ml.m5.xlarge"`): the state machine is rejected.' },
  'image-processor-mismatch': { severity: 'warning', summary: 'A GPU image on an instance type without GPUs, or a CPU image on a GPU instance type.' },
  'unknown-framework': { severity: 'error', summary: 'A framework name the SageMaker Python SDK has no image config for.' },
  'unknown-framework-version': { severity: 'error', summary: 'A framework version (or Hugging Face base framework version) the catalog does not list for that scope.' },
  'image-scope-unavailable': { severity: 'error', summary: 'An image scope the framework or version does not have, none where the SDK needs one, or a framework the SDK refuses on the instance type (Trainium, Graviton).' },
  'py-version-mismatch': { severity: 'error', summary: 'A py_version the framework version is not built for.' },
  'framework-not-in-region': { severity: 'error', summary: 'A framework version with no image in the region.' },
  'algorithm-missing-hyperparameter': { severity: 'error', summary: 'A built-in algorithm job without a hyperparameter the algorithm needs.' },
  'algorithm-unknown-hyperparameter': { severity: 'error', summary: 'A hyperparameter name the built-in algorithm does not have.' },
  'algorithm-invalid-hyperparameter': { severity: 'error', summary: 'A hyperparameter value the built-in algorithm does not parse or accept.' },
  'algorithm-hyperparameter-conflict': { severity: 'error', summary: 'XGBoost hyperparameters the container refuses together (eval_metric without objective, monotone_constraints without tree_method exact or hist).' },
  'algorithm-hyperparameter-version': { severity: 'error', summary: 'An XGBoost hyperparameter that only other container versions have.' },
  'algorithm-channel': { severity: 'error', summary: 'A channel the built-in algorithm does not read, or a channel it needs that is missing.' },
  'algorithm-content-type': { severity: 'error', summary: 'A channel ContentType the built-in algorithm does not accept in that input mode.' },
  'algorithm-input-mode': { severity: 'error', summary: 'Pipe input mode where the built-in algorithm or channel has no Pipe support.' },
  'algorithm-instance': { severity: 'error', summary: 'An instance type or count the built-in algorithm does not train on.' },
  'algorithm-objective-metric': { severity: 'error', summary: 'A tuning objective metric the built-in algorithm does not emit (or emits only in another mode than the job\'s), or the wrong direction for it.' },
  'algorithm-parameter-range': { severity: 'error', summary: 'A tuning range for a hyperparameter that is unknown, not tunable, or outside its bounds.' },
  'invalid-suppression': { severity: 'warning', summary: 'A suppression comment naming a code SageMaker Spec does not have, or one no comment silences (strict-json): it suppresses nothing.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** Per-code overrides, as in `sagemakerSpec.rules`: `{"latest-tag": "off"}`. */
export type RuleSettings = Readonly<Partial<Record<string, SeveritySetting>>>;

export function effectiveSeverity(code: RuleCode, settings: RuleSettings | undefined): SeveritySetting {
  const configured = settings?.[code];
  return configured ?? RULES[code].severity;
}

/** Where each code is documented: the README section with the code as its anchor. */
export const DOCS_BASE_URL = 'https://github.com/sagemaker-spec/sagemaker-spec/blob/main/README.md';

export function ruleDocsUrl(code: string): string {
  return `${DOCS_BASE_URL}#${code}`;
}
