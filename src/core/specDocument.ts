/**
 * The parsed view of one document, built once per document version and shared by diagnostics,
 * completion, hover and code actions.
 */
import type { Node, ParseError } from 'jsonc-parser';
import type { QuickFix } from './edits/editIntent';
import { parseJson, type JsoncOnly, type ParsedJson } from './jsonParse';
import { memberValue, type OffsetRange } from './jsonTree';
import { isDynamic, type RequestNode, type TemplatePart } from './requestTree';
import { parseImageReference, type ParseResult } from './imageReference';
import type { CodeRegion } from './region';
import { scanJson, type JsonScan } from './jsonScan';
import { detectSpecKind, detectSpecKindByContent, mayNameSpecKind, type SpecKind } from './specKind';
import { markUnfilledRequestValues, mayReadAsPlaceholder } from './unfilledPlaceholders';

/**
 * How the image in a field is used; it decides which rules and catalog scopes apply.
 * `reference`: an image reference outside any request field (a constant in a script): only the
 * host rules, and for SageMaker's own images the account and tag rules, apply; SageMaker may not
 * be the one pulling it, so no region or scope rule.
 */
export type ImageUsage = 'training' | 'inference' | 'processing' | 'tuning' | 'reference';

/** The syntax a document is written in: it decides how fixes are written and comments read. */
export type HostLanguage = 'json' | 'python' | 'dockerfile' | 'yaml';

export interface ImageField {
  /** The value node of the image member (usually a string). */
  value: Node;
  usage: ImageUsage;
  /**
   * The SageMaker repositories whose images the member runs, when only a few do (a model monitor
   * job definition: `sagemaker-model-monitor-analyzer`, Clarify's): completion offers only these.
   */
  repositories?: readonly string[];
  /** The object that holds the image member (AlgorithmSpecification, a container, …). */
  holder: Node;
  /** The member path from the document root to `holder` (numbers index arrays). */
  holderPath: (string | number)[];
  /** The parsed reference; undefined when the value is not a string (a type problem, not ours). */
  parsed?: ParseResult;
  /**
   * The value as the request writes it, when `value` stands in for it (a Pipelines
   * `{"Get": "Parameters.X"}` judged by X's DefaultValue): findings about the request rather than
   * the image (a missing channel) go there, in the step, not on a default other steps share.
   */
  written?: Node;
  /**
   * `${Name}` written in a literal part of CloudFormation's `Fn::Join` (which substitutes nothing,
   * unlike `Fn::Sub`): the image holds that text as written. Each with its source range.
   */
  unsubstituted?: readonly { name: string; range: OffsetRange }[];
  /**
   * The image a template gives a field written as one `${Name}`: the template that deploys this
   * state machine file (deployingTemplates.ts), or the template the definition is written in —
   * its `Fn::Sub` (a parameter's default, the variable map's value) or the state machine's
   * `DefinitionSubstitutions` (substitutionChecks.ts). Read by the built-in algorithm checks
   * only, and named in their findings (`note`); the image rules judge it where the template
   * writes it.
   */
  deployedAs?: { parts: readonly TemplatePart[]; note: string };
  /**
   * The image as the SageMaker Python SDK's `image_uris.retrieve(framework, region, version)`
   * asks for it, when the value is that call with a literal framework (an SDK estimator's
   * `image_uri`, a boto3 request's `TrainingImage`, in place or through a name bound once; an
   * Amazon algorithm estimator's class): read by the built-in algorithm checks only, which find
   * the algorithm by framework and version. The value itself stays dynamic for the image rules.
   */
  retrieved?: RetrievedImage;
}

/** What `image_uris.retrieve(framework, region, version)` is asked for; `version` undefined when not written. */
export interface RetrievedImage {
  framework: string;
  version: string | undefined;
}

/**
 * A value a template writes for a member of a request elsewhere (a `DefinitionSubstitutions`
 * entry for a task's `"InstanceType": "${TrainingInstanceType}"`): judged against that member's
 * shape, as a template's values are (CloudFormation sends strings; no length or number limits).
 */
export interface SubstitutedValue {
  /** The value, in this document (the map entry's value: a literal scalar). */
  value: Node;
  /** The request the member belongs to, and its member path from the request's top level (numbers index lists). */
  kind: SpecKind;
  memberPath: readonly (string | number)[];
  /** The tasks (state names) whose requests take it there, for messages. */
  tasks: readonly string[];
  /** The state machine file the tasks are in (a template's `DefinitionUri`), for messages; absent for the template's own definition. */
  file?: string;
}

/**
 * Placeholders a state machine file uses that the template deploying it does not fill: reported on
 * the template's `DefinitionUri` (a renamed `${TrainImage}` is sent to SageMaker as that text).
 */
export interface UndefinedSubstitutions {
  /** The `DefinitionUri` value, in this document. */
  range: OffsetRange;
  /** The file, as the template names it. */
  file: string;
  /** Each undefined name once, with where the file uses it first (`AlgorithmSpecification.TrainingImage of task "Train"`). */
  names: readonly { name: string; usedIn: string }[];
  /** The names the map defines (for suggestions). */
  defined: readonly string[];
}

/**
 * A `${Name}` in a state machine's `DefinitionString` written `Fn::Sub` where `Name` is a key of
 * its `DefinitionSubstitutions` and nothing Fn::Sub fills (a parameter, a resource, a pseudo
 * parameter, its variable map): see hosts/cloudFormation/unescapedSubstitutions.ts.
 */
export interface UnescapedSubstitution {
  name: string;
  /** The `${Name}` as the template writes it. */
  range: OffsetRange;
  /** True when the range is the text `${Name}` itself, so `!` inserted after `${` writes Fn::Sub's escape. */
  escapable: boolean;
}

/**
 * A `{"Get": "Parameters.X"}` or `{"Get": "Steps.X.…"}` of a SageMaker Pipelines definition whose
 * X the definition does not declare (hosts/workflows/pipelineVariables.ts): the run has no value
 * for it. Reported on X inside the Get's string.
 */
export interface UndefinedPipelineVariable {
  /** What X should name: a parameter of `Parameters`, or a step (condition branches included). */
  kind: 'parameter' | 'step';
  name: string;
  /** The Get's string node (`"Parameters.TrainingInstanceTyp"`), and X's indices `[start, end)` in its value. */
  node: Node;
  start: number;
  end: number;
  /** The names the definition declares of that kind, in document order (for the message and suggestions). */
  declared: readonly string[];
}

/**
 * A name in a SageMaker Pipelines step's `DependsOn` list that no step of the definition has
 * (hosts/workflows/pipelineDependsOn.ts): the step cannot wait for it. Reported on the name.
 */
export interface UndefinedPipelineStep {
  /** The name as written, and its string node in the `DependsOn` list. */
  name: string;
  node: Node;
  /** The `Name` of the step whose `DependsOn` lists it, when written as a plain string. */
  step: string | undefined;
  /** The definition's step names in document order, condition branches included. */
  declared: readonly string[];
  /** Names no fix may put in its place: the step itself, and the names its `DependsOn` lists already. */
  taken: readonly string[];
}

/**
 * A SageMaker Pipelines step's `DependsOn` that is not a list of step names
 * (hosts/workflows/pipelineDependsOn.ts): the definition's schema takes an array of strings there.
 */
export interface MalformedDependsOn {
  /** `DependsOn`'s value when it is no list (`not-a-list`), else the list item that is no string (`not-a-name`). */
  node: Node;
  problem: 'not-a-list' | 'not-a-name';
  /** The `Name` of the step, when written as a plain string. */
  step: string | undefined;
}

/** A production variant of a template's endpoint config and the model resource it serves (SpecDocument.servedModels). */
export interface ServedModel {
  variant: Node;
  model: string;
  images: readonly ImageField[];
}

/** What a JSON file that embeds requests is, and who reads it (for its syntax errors' messages). */
export interface JsonFileKind {
  /** `template`, `state machine`, `pipeline definition`. */
  what: string;
  /** What the error stops: `CloudFormation cannot deploy it`. */
  consequence: string;
}

/** The files that embed requests, for their syntax errors' messages (JSON and YAML alike). */
export const TEMPLATE_FILE: JsonFileKind = { what: 'template', consequence: 'CloudFormation cannot deploy it' };
export const STATE_MACHINE_FILE: JsonFileKind = { what: 'state machine', consequence: 'Step Functions cannot create it' };
export const PIPELINE_FILE: JsonFileKind = { what: 'pipeline definition', consequence: 'SageMaker Pipelines cannot create the pipeline' };

/** A template's state machine file path (`DefinitionUri`) with no file at it. */
export interface MissingDefinitionFile {
  /** `DefinitionUri`, or `DefinitionS3Location`. */
  property: string;
  /** The path as written, relative to the template's folder. */
  path: string;
  /** The path's characters in this document (inside the string's quotes). */
  range: OffsetRange;
  /** Where the path's last segment (the file's name) is written, when the string holds the path verbatim. */
  name?: OffsetRange;
  /** The names in the folder the path names (empty when that folder does not exist either). */
  siblings: readonly string[];
  /** The path of the file clearly meant, found segment by segment by the reader (NoDefinitionFile.nearestPath). */
  nearestPath?: string;
  /** True when the path names a folder. */
  folder?: true;
}

/** The resource of a CDK-synthesized template that a request is in (see SpecDocument.cdkSynthesized). */
export interface CdkSynthesized {
  logicalId: string;
  /** The construct path (`Metadata` `aws:cdk:path`), absent when synthesized without path metadata. */
  constructPath?: string;
  /** The mapping (a `CfnMapping`'s logical ID) when the request is one of its rows, which the resource reads. */
  mapping?: string;
  /**
   * The template's tables the CDK writes itself from its region facts (cdkRegionFacts.ts), each
   * the range of its `Mappings` member: a finding there names no code of the user's to change.
   */
  regionFactTables?: readonly OffsetRange[];
  /** For a task of a state machine the resource defines: the state's name (one construct holds every state). */
  state?: string;
}

export interface SpecDocument {
  text: string;
  /** The tree; undefined for empty text and for text nested deeper than MAX_NESTING_DEPTH. */
  root: Node | undefined;
  parseErrors: ParseError[];
  /** Set when nesting goes deeper than MAX_NESTING_DEPTH: the offset of the bracket that did. */
  tooDeepAt?: number;
  /** The request kind, or undefined when the top-level members do not tell. */
  kind: SpecKind | undefined;
  images: ImageField[];
  /** Absent means JSON. */
  host?: HostLanguage;
  /**
   * Images checked on their own, outside a whole request (an SDK class's `image_uri=`, a string
   * constant): only the image rules run, with each field's usage.
   */
  imagesOnly?: boolean;
  /**
   * Values a template's `DefinitionSubstitutions` gives members of a state machine's requests
   * whose whole value is one `${Name}` (`"InstanceType": "${TrainingInstanceType}"`): each checked
   * against the member it fills, where the map writes it (see SubstitutedValue).
   */
  substitutedValues?: SubstitutedValue[];
  /**
   * The `${Name}` placeholders of a template's `DefinitionUri` file that its `DefinitionSubstitutions`
   * does not define (see UndefinedSubstitutions): the deploy leaves them as text.
   */
  undefinedSubstitutions?: UndefinedSubstitutions;
  /**
   * The `${Name}` of a template's state machine `DefinitionString` written `Fn::Sub` that name
   * only `DefinitionSubstitutions` keys (see UnescapedSubstitution): Fn::Sub cannot fill them, and
   * CloudFormation rejects the template. On a request of no kind.
   */
  unescapedSubstitutions?: readonly UnescapedSubstitution[];
  /**
   * The pipeline variables a Pipelines definition reads and does not declare (see
   * UndefinedPipelineVariable): on its first request, or on a request of no kind when it has none.
   */
  undefinedPipelineVariables?: readonly UndefinedPipelineVariable[];
  /**
   * The `DependsOn` names of a Pipelines definition's steps that no step has (see
   * UndefinedPipelineStep): on its first request, or on a request of no kind when it has none.
   */
  undefinedPipelineSteps?: readonly UndefinedPipelineStep[];
  /** A Pipelines definition's `DependsOn` values that are no list of step names (see MalformedDependsOn), carried as undefinedPipelineSteps are. */
  malformedDependsOn?: readonly MalformedDependsOn[];
  /**
   * Nodes outside the request checked in a value's place (a template parameter's `Default` and
   * `AllowedValues` behind `!Ref`, see RequestNodeExtras.standIn): a finding on one says which.
   */
  standInNotes?: readonly { node: Node; note: string }[];
  /** A template's state machine file path with no file at it (see MissingDefinitionFile). */
  missingDefinitionFile?: MissingDefinitionFile;
  /**
   * The host validates the request's structure itself (a CloudFormation resource, which
   * CloudFormation and cfn-lint check as a whole): only value rules run — no missing or unknown
   * members, no length or number limits, and numbers and booleans written as strings accepted.
   */
  valuesOnly?: boolean;
  /**
   * The request is deployed to regions the text does not name (a CloudFormation template, set
   * up in many regions): without an explicit target region, a region placeholder in an image
   * stands for every region.
   */
  anyRegion?: boolean;
  /**
   * For a request of a workflow file (a pipeline definition, a state machine) whose images name
   * several regions: the regions of the workflow's images in document order. The workflow runs in
   * one region, so without a region chosen the region most of them name (the first on a tie) is
   * its target, and an image elsewhere is image-region-mismatch (see regionForSpec).
   */
  workflowImages?: { regions: readonly string[]; workflow: 'pipeline' | 'state machine' };
  /**
   * Set for a partial request a host assembled from SDK calls (the Python SDK's `Estimator(…)`
   * and its `set_hyperparameters(…)`), and for an SDK class's image (`Processor(image_uri=…)`,
   * with `imagesOnly`): the SDK writes the rest of the request, so the API-model rules judge only
   * the arguments it sends unchanged (`arguments`), besides the image and built-in algorithm rules.
   */
  sdkRequest?: SdkRequest;
  /**
   * The region the host's code sends this request to (a boto3 client's `region_name=`): the
   * target region, above every setting (see resolveRegion).
   */
  codeRegion?: CodeRegion;
  /**
   * A table's `DefaultValue` read as an image of its own (imageTableRows): the regions whose rows
   * are written, which never read it. It is judged in the deployed regions without a row only,
   * and not at all when every deployed region has one (regionsReadingDefault).
   */
  tableDefault?: { table: string; rowRegions: readonly string[] };
  /** Set for a request embedded in a workflow (a Pipelines step, a Step Functions task): where it sits. */
  embedding?: Embedding;
  /**
   * Read from a document written inside a string of the host (a template's `DefinitionString`):
   * findings and hover, but no fixes in the string (stringRange) and no completion, whose text
   * would need the string's own escaping to land exactly.
   */
  inString?: boolean;
  /**
   * With `inString`, set when that string is written `Fn::Sub`: its `${!Name}` is Fn::Sub's
   * escape, which reaches the reader as the text `${Name}`.
   */
  inSubString?: boolean;
  /**
   * With inString: the range of that string in the host (a `DefinitionString`'s whole value, an
   * `Fn::Join` or `Fn::Sub` of it). A finding outside it (a mapping row an image's account is read
   * from) lies in the host's own text, and keeps its fixes.
   */
  stringRange?: OffsetRange;
  /**
   * Set when the request is in a template the AWS CDK synthesized: the template resource holding
   * it, and the construct that wrote that resource when the template says (its `Metadata`
   * `aws:cdk:path`, `ChurnStack/Training/Resource`). The template is generated, so a finding
   * names the construct to fix and offers no edit of the template (the next `cdk synth` would
   * write it again).
   */
  cdkSynthesized?: CdkSynthesized;
  /**
   * For a request of a template resource that cdkSynthesized is not set for: what it would be. A
   * template a CDK manifest lists as a stack's is synthesized whatever it holds (the legacy
   * synthesizer writes no `BootstrapVersion`, `--no-path-metadata` no construct paths): analysis
   * reads the request with this as cdkSynthesized then (AnalyzeOptions.cdkStackTemplate).
   */
  templateResource?: CdkSynthesized;
  /**
   * Set when `parseErrors` include errors of JSON written in a string of the host: the template
   * property that holds it (`DefinitionString`) and that string's range. Errors in the range are
   * reported as that property's (the host's own errors may go with the same request).
   */
  jsonString?: { property: string; range: OffsetRange };
  /**
   * For an endpoint config in a template: each production variant whose `ModelName` names a model
   * resource of the same template (`!GetAtt Model.ModelName`, `!Ref Model`), with that model's
   * logical id and images (the variant's instance type runs them: processorRule.ts).
   */
  servedModels?: readonly ServedModel[];
  /**
   * A task of a state machine file that a template deploys (deployingTemplates.ts): that
   * template, as messages name it. Its advice on regions is about that template's map.
   */
  deployedBy?: string;
  /**
   * One of the requests of a template: its document's suppression directives are read once, for
   * all of them, by analyzeDocument (per request, a template of thousands of resources read its
   * whole text as many times).
   */
  inTemplate?: boolean;
  /**
   * AWS CLI YAML input (`--cli-input-yaml`), whose one reader is the AWS CLI v2 (ruamel.yaml): it
   * refuses a mapping with a key written twice, where JSON readers keep the last.
   */
  awsCliYaml?: boolean;
  /**
   * The file this request was read from (JSON or YAML), when it is not a spec: a template, a state
   * machine, a pipeline definition; its syntax errors name it and the service that reads it.
   */
  jsonFile?: JsonFileKind;
  /**
   * Syntax errors of the host document this request was read from (YAML's), in document order;
   * set on every request of that document (analyzeDocument reports each error once).
   */
  syntaxErrors?: readonly HostSyntaxError[];
  /**
   * The host's parser dropped part of the document (a JSON or YAML syntax error): a member that looks
   * absent may be written, so nothing is reported for being missing (required members,
   * hyperparameters, channels, VpcConfig); what did parse is still checked.
   */
  incomplete?: boolean;
  /**
   * Set on the one request a JSON workflow or template gets when its syntax errors hid every
   * request: it has no kind and carries the errors (`invalid-json`), which would stop a deploy.
   */
  hidRequests?: boolean;
  /**
   * Set on the one request of an empty state machine file (`*.asl.json`, `*.asl.yaml`; see
   * hosts/workflows/emptyStateMachine.ts): Step Functions rejects it.
   */
  emptyStateMachine?: true;
  /**
   * A JSON spec's comments as its parse found them (`//` and `/* … *\/`): its suppression
   * directives are read from these, not by scanning the text again. Absent for other documents.
   */
  comments?: readonly OffsetRange[];
  /**
   * Set on the first request of a JSON file whose reader takes strict JSON (a state machine, a
   * pipeline definition, a CloudFormation template, a plain `.json` spec) when it has comments or trailing commas,
   * which VS Code's JSONC and this parser accept: they stop a deploy (`strict-json`).
   */
  strictJson?: StrictJsonFile;
  /**
   * Set on a request of no kind that a template adds for a state machine resource whose
   * `Definition` is written `Fn::Sub` (`!Sub`): CloudFormation takes the state machine there as
   * an object, and Fn::Sub gives a string, so the deploy fails (`invalid-type`).
   */
  subDefinition?: SubDefinition;
  /**
   * The `${…}` in the request's values that nothing substitutes, in document order: any in an AWS
   * CLI spec's (JSON, YAML) or a Python call's literal strings but its images (the image rules
   * read those), and in a Step Functions task's those only CloudFormation's `Fn::Sub` fills
   * (`${AWS::Region}`). Their strings are templates with these placeholders unfilled
   * (unfilledPlaceholders.ts). Never set for a template or a pipeline, whose hosts substitute.
   */
  unfilledPlaceholders?: readonly Extract<TemplatePart, { kind: 'placeholder' }>[];
}

/** A state machine's `Definition` written `Fn::Sub` (see SpecDocument.subDefinition). */
export interface SubDefinition {
  /** The `Fn::Sub` key (JSON, YAML's long form) or the `!Sub` tag: where it is reported. */
  call: Node;
  /** The resource's `Definition` key. */
  key: Node;
  /** True when Fn::Sub is of a mapping (YAML's `!Sub` over the state machine's members), not of a string. */
  ofMapping: boolean;
  /** True for SAM's `AWS::Serverless::StateMachine`, which has no `DefinitionString` (its JSON goes in a file, `DefinitionUri`). */
  sam: boolean;
  /**
   * Set when renaming `Definition` to `DefinitionString` is a fix: Fn::Sub of a string (or of
   * `[string, variables]`), no `DefinitionString` beside it, and not SAM. `preferred` when that string is a
   * state machine in JSON that parses: the rename then deploys exactly what is written.
   */
  rename?: { preferred: boolean };
}

/** A strict JSON reader's file with what only JSONC allows (see SpecDocument.strictJson). */
export interface StrictJsonFile {
  /** Who reads it strictly: `Step Functions`, `SageMaker Pipelines`, `CloudFormation`, `The AWS CLI`. */
  reader: string;
  /** What a comment or trailing comma makes fail, for messages; `deploying it fails on this one` when absent. */
  failure?: string;
  /** How to keep findings silent or comments kept, after the message; a sentence on `overrides` when absent. */
  advice?: string;
  /** What the file is, for messages: `state machine`, `pipeline definition`, `template`, or the template property holding it (`DefinitionString`). */
  what: string;
  jsoncOnly: JsoncOnly;
  /**
   * Set when the document is written inside a string of a template (a `DefinitionString`; the
   * offsets are the template's): comments get no fix, and a trailing comma one only where its
   * removal is written safely in that string (its offset listed here).
   */
  inString?: { removableCommas: readonly number[] };
}

/** A syntax error as the host's parser reports it: its source range and its own message. */
export interface HostSyntaxError {
  offset: number;
  length: number;
  message: string;
  /**
   * The text the error runs through (the scalar an unterminated quote swallowed, the key the
   * parser made of a line without its `:`), when wider than the error: findings there are not
   * about what was meant, and are not reported.
   */
  damaged?: OffsetRange;
  /** The finding's whole message, when the problem is not one of syntax (YAML aliases that expand too far). */
  finding?: string;
  /** The finding's fixes, when the host can tell the edit (an empty document after a trailing `---` removed). */
  fixes?: readonly QuickFix[];
}

/** What a host knows of a partial request built from SDK calls (see SpecDocument.sdkRequest). */
export interface SdkRequest {
  /**
   * Set for the SDK's Amazon algorithm estimators (`KMeans(k=10, …)`, `LinearLearner(…)`): the
   * algorithm is known from the class (the image field's `retrieved`); `HyperParameters` holds the call's
   * hyperparameter keyword arguments under their keyword names (`max_iterations` for
   * `local_lloyd_max_iter`), each value the string the SDK sends after its type conversion; and
   * the SDK fills the hyperparameters it sets at fit() itself (`feature_dim`, `mini_batch_size`).
   */
  amazonEstimator?: { className: string };
  /**
   * Set when the SDK runs this job or endpoint in local mode (`instance_type="local"`, a
   * `LocalSession()`): Docker on this machine pulls the image from any region, so no rule compares
   * it with SageMaker's target region.
   */
  localMode?: boolean;
  /**
   * The SDK `HyperparameterTuner(…)` calls that take this estimator: each one's objective (a
   * `TuningObjective`: `MetricName`, `Type`) and ranges (a `HyperParameterRanges` object), as a
   * tuning job's training job definition holds them, on the tuner's Python text. The tuning rules
   * run on them; either is absent when the tuner does not write it as a literal.
   */
  tuners?: SdkTuner[];
  /**
   * The call's arguments the SDK sends unchanged as members of the request (`instance_type=` as
   * `ResourceConfig.InstanceType`), each literal one judged against the API model's member; an
   * argument the SDK reads itself (`instance_type="local"`, `None`) is not listed.
   */
  arguments?: SdkArgument[];
  /**
   * True when the call may send a repository access mode (`training_repository_access_mode=`,
   * `image_config=`, `**kwargs`): a registry outside Amazon ECR may then be reached through the VPC.
   */
  accessModeOpen?: boolean;
  /**
   * Set for an estimator call whose arguments are all read (no `**x` we cannot read, no position
   * past the known ones, no attribute set later): per managed spot parameter the call does not
   * send (`use_spot_instances`, `max_wait`, `max_run`; not written, or `None` or a `max_wait` of 0,
   * which the SDK leaves out), a node a fix's `replaceValue` turns into `keyword=value` (see
   * spotTrainingRule.ts).
   */
  unwrittenArguments?: Readonly<Partial<Record<'use_spot_instances' | 'max_wait' | 'max_run', Node>>>;
}

/** One SDK argument sent as a request member (see SdkRequest.arguments). */
export interface SdkArgument {
  /** The request the SDK sends it in (a processor's in CreateProcessingJob). */
  kind: SpecKind;
  /** The member's path in that request: `['ResourceConfig', 'InstanceType']`, `['ProductionVariants', 0, 'InstanceType']`. */
  path: readonly (string | number)[];
  /** The argument's name in the call (`instance_type`), for messages. */
  keyword: string;
  /**
   * How messages name the member when `path` is only a member of the same shape: a list entry of
   * a request the API model data lacks (`register(inference_instances=[…])` is sent in
   * CreateModelPackage's `InferenceSpecification.SupportedRealtimeInferenceInstanceTypes`).
   */
  member?: string;
  /** The argument's value, as the host reads it (a dynamic node for anything not literal). */
  value: Node;
  /**
   * Nodes outside the call checked in the value's place (a Pipelines parameter's `default_value`,
   * see RequestNodeExtras.standIn): a finding on one gets `note` added, so it says which.
   */
  notes?: readonly { node: Node; note: string }[];
}

/** One SDK tuner's objective and ranges (see SdkRequest.tuners). */
export interface SdkTuner {
  objective?: Node;
  ranges?: Node;
  /** True when `hyperparameter_ranges` is a dict read whole: every entry a literal name and an SDK range. */
  rangesComplete?: boolean;
}

/** A SageMaker task's Resource, read: which integration, which action, which pattern. */
export interface TaskIntegration {
  /** The `Resource` string node. */
  resource: Node;
  /** `optimized`: `states:::sagemaker:…`; `aws-sdk`: `states:::aws-sdk:sagemaker:…`. */
  form: 'optimized' | 'aws-sdk';
  /** The action as written (`createTrainingJob`). */
  action: string;
  /** The suffix after the action without its dot (`sync`, `waitForTaskToken`), '' for request-response. */
  pattern: string;
  /** Index into the Resource's value where `.pattern` begins (its length when there is none). */
  patternStart: number;
  /**
   * For a Resource written as a template (`!Sub arn:${AWS::Partition}:states:::…`, whose node
   * has no literal value): where `.pattern` lies in the document.
   */
  patternRange?: { offset: number; length: number };
  /**
   * With `patternRange`, when the host knows it: the literal string of the document that holds
   * `.pattern` (the `Fn::Sub` string, an `Fn::Join` item) and the pattern's indices `[start, end)`
   * in its value, where fixes edit it. Without it, no fix is offered.
   */
  patternString?: { node: Node; start: number; end: number };
  /**
   * Set when the action as written is none the integration has (`createTraningJob`): Step
   * Functions rejects the state machine. `action` is then `readAs` when there is one, else the
   * action as written.
   */
  unknownAction?: UnknownAction;
  /**
   * Set when the Resource is meant as the integration but is no ARN of it: a region or account
   * written in (`arn:aws:states:us-east-1:123456789012:sagemaker:…`), or a colon missing or extra
   * (`arn:aws:states::sagemaker:…`). Step Functions rejects the state machine; the task is read
   * as the integration all the same (`invalid-integration-arn`).
   */
  malformedArn?: MalformedArn;
  /**
   * A literal Resource whose partition is written as a placeholder nothing fills in
   * (`arn:${AWS::Partition}:states:::…` in a state machine file): its index in the Resource's
   * value and its text. Step Functions rejects the Resource (`unfilled-placeholder`).
   */
  unfilledPartition?: { start: number; text: string };
  /**
   * Set when the task runs in an Express workflow, where Step Functions takes request-response
   * only (no `.sync`, no `.waitForTaskToken`): what makes it one (see ExpressWorkflow).
   */
  express?: ExpressWorkflow;
  /**
   * The name of the nearest Distributed Map state whose child workflows run the task: they, not
   * the state machine's type, decide whether it runs in an Express workflow.
   */
  distributedMap?: string;
}

/**
 * What makes a task's workflow an Express one (expressWorkflows.ts):
 * - `map`: a Distributed Map state whose `ItemProcessor.ProcessorConfig` has `ExecutionType:
 *   EXPRESS` (its child workflow executions are Express workflows), by name;
 * - `property`: the template resource's type (`StateMachineType: EXPRESS` on
 *   `AWS::StepFunctions::StateMachine`, SAM's `Type: EXPRESS`), with `template` naming the
 *   template when the state machine is a file it deploys (`DefinitionUri`).
 */
export type ExpressWorkflow =
  | { map: string }
  | {
      property: 'StateMachineType' | 'Type';
      template?: string;
      /** How the type property says EXPRESS when not written so: `parameter Kind's default`, `one side of its Fn::If`. */
      via?: string;
    };

/**
 * A SageMaker integration's Resource whose fields after `states:` are not the empty region and
 * account (see TaskIntegration.malformedArn).
 */
export interface MalformedArn {
  /** Indices into the Resource's value of `states:…:` up to the integration (`states:us-east-1:123456789012:`), which `states:::` replaces. */
  start: number;
  end: number;
  /** A region or an account is written in (or a template's placeholder stands there). */
  written?: boolean;
  /** Else: how many colons follow `states` (2 in `states::`, where the integration's ARN has 3). */
  colons?: number;
  /** For a template's Resource: where `states:…:` lies in the document. */
  range?: OffsetRange;
  /**
   * With `range`, when the host knows it: the literal string of the document that holds
   * `states:…:` (the `Fn::Sub` string) and its indices `[start, end)` in its value, where the fix
   * edits it. Without it, no fix is offered.
   */
  string?: { node: Node; start: number; end: number };
}

/** An integration action that does not exist (see TaskIntegration.unknownAction). */
export interface UnknownAction {
  /** The action as written. */
  written: string;
  /** Index into the Resource's value where it begins. */
  start: number;
  /** The integration's actions nearest to it, nearest first. */
  nearest: readonly string[];
  /** True when the first of `nearest` is a clear correction (isClearNearest). */
  clear: boolean;
  /** The clear correction when it is one of our Create actions: the task is checked as its request. */
  readAs?: string;
  /** For a template's Resource: where the action lies in the document (no fix is offered there). */
  range?: OffsetRange;
}

/**
 * A task's request written under the other query language's key: `Parameters` in a JSONata
 * state, `Arguments` in a JSONPath one. Step Functions rejects the definition; the block is still
 * checked, read in the language its key belongs to (what its writer wrote it in).
 */
/** Which expressions a Step Functions request block holds (anywhere in it). */
export interface BlockExpressions {
  /** A `"{% … %}"` string (JSONata). */
  jsonata: boolean;
  /** A key ending in `.$` (JSONPath). */
  pathKeys: boolean;
  /** A string that reads as JSONPath (`$.x`, `$$.x`, `States.…(…)`), with or without a `.$` key. */
  pathValues: boolean;
  /** Such a string that is no `.$` key's value: sent as text in either language. */
  unkeyedPathValues: boolean;
}

export interface MisplacedRequest {
  /** The key as written. */
  key: Node;
  /** The state's query language (its own `QueryLanguage`, else the state machine's, else JSONPath). */
  stateLanguage: 'JSONPath' | 'JSONata';
  /** The key that language takes. */
  expectedKey: 'Parameters' | 'Arguments';
  /** True when the block reads the same in both languages (an object with no `.$` key and no expression in it): renaming its key is the whole fix. */
  readsAlike: boolean;
  /** The expressions the block holds, for the message to name what it has. */
  holds: BlockExpressions;
  /** True when the state has `expectedKey` too (renaming would write it twice). */
  expectedPresent: boolean;
}

/**
 * Where an embedded request sits in its workflow document, and what the workflow adds to it.
 * `root` of the SpecDocument is the request object itself (a step's `Arguments`, a task's
 * `Parameters` or `Arguments`), with offsets into the whole document.
 */
export interface Embedding {
  /** What holds the request. */
  container: 'pipeline-step' | 'state-machine-task';
  /** The step's or state's name, as written (for messages and tests). */
  name: string;
  /** Member path from the document's top-level value to the request object (keys as written). */
  path: readonly (string | number)[];
  /** Top-level members the workflow supplies (a Pipelines step's job name): present, never reported missing. */
  suppliedMembers: ReadonlySet<string>;
  /** Keys written `"Name.$"` (Step Functions JSONPath) stand for `Name`: paths drop the suffix. */
  pathKeys: boolean;
  /**
   * Nodes outside the request checked in a value's place (a pipeline parameter's DefaultValue,
   * see RequestNodeExtras.standIn): a finding on one gets `note` added, so it says which.
   */
  notes: readonly { node: Node; note: string }[];
  /** For a Step Functions task: its Resource and integration pattern. */
  integration?: TaskIntegration;
  /**
   * How the host reads a string it sends as text that looks like one of its expressions (a Step
   * Functions `$.x` without the key's `.$`): undefined for other strings. Every finding on such a
   * value says what was meant, and prefers no fix that writes a constant in its place, or is not
   * reported where another finding says it already (LiteralExpression; rules/literalExpressionFindings.ts).
   */
  literalExpression?: (value: string) => LiteralExpression | undefined;
  /**
   * How the host reads a key that is no member of the request (a Step Functions JSONPath `Name.$`
   * key in a JSONata state): one sentence for the message, or undefined when the host has nothing
   * to add. With a sentence, renaming the key to the nearest member is offered but not preferred:
   * the key's value was meant computed.
   */
  unknownKeyNote?: (key: string) => string | undefined;
  /**
   * For a JSONata task: what a JSONPath `"Name.$": "$.path"` key and its value are in JSONata
   * (`"Name": "{% $states.input.path %}"`), when the value is a path or variable that has such a
   * form; undefined otherwise. The rename to `Name` then carries the value with it, preferred.
   */
  pathKeyAsJsonata?: (key: string, value: Node | undefined) => { member: string; value: string } | undefined;
  /** For a Step Functions task: its request under the other query language's key. */
  misplacedRequest?: MisplacedRequest;
  /** For a Step Functions JSONPath task: `"Name.$"` keys whose value is no path or intrinsic function. */
  pathKeyConstants?: readonly PathKeyConstant[];
}

/**
 * A `"Name.$"` key whose value is not a path nor an intrinsic function (`"InstanceType.$":
 * "ml.m5.xlarge"`): Step Functions rejects the state machine. The value stays a constant in the
 * request, so the rules check it as written.
 */
export interface PathKeyConstant {
  /** The key, read as `Name` (its `content` covers `Name`). */
  key: Node;
  value: Node;
  /** Offset of the `.$` in the text, when the source spells it plainly (no escapes): what dropping it removes. */
  suffixOffset?: number;
}

/**
 * A host's reading of a literal that looks like an expression (see Embedding.literalExpression):
 * a note for every finding on it, or `repeats`, the code of the one finding that already says what
 * to rewrite (a Step Functions request under the other query language's key, whose
 * `query-language-mismatch` names such values): findings on the value are then not reported.
 */
export type LiteralExpression = LiteralExpressionNote | { repeats: 'query-language-mismatch' };

export interface LiteralExpressionNote {
  /** One sentence for the message: how the host reads it, and how to write it computed. */
  note: string;
  /** True when naming the key `Name.$` would make it computed (a JSONPath state). */
  namesKey: boolean;
  repeats?: undefined;
}

/**
 * The request kind of a JSON text from its top-level members (detectSpecKindByContent), without building a tree: undefined
 * for text that is not a SageMaker request. A text search first, so large unrelated JSON files
 * (lock files, data) cost one pass of `indexOf` and nothing else.
 */
export function identifySpec(text: string): { kind: SpecKind | undefined; scan: JsonScan | undefined } {
  if (!mayNameSpecKind(text)) return { kind: undefined, scan: undefined };
  const scan = scanJson(text);
  return { kind: detectSpecKindByContent(scan.topLevelMembers), scan };
}

/**
 * Parses a spec (any JSON text, in fact) into the view every feature shares. Text nested
 * deeper than MAX_NESTING_DEPTH is no request and gets no tree (`root` undefined, `tooDeepAt`
 * set), even where the parse kept the shallower part. `parsed` may
 * be passed when the text was already parsed (see jsonParse.ts).
 */
export function parseSpecDocument(text: string, parsed: ParsedJson = parseJson(text)): SpecDocument {
  const kind = detectSpecKind(parsed.topLevelMembers);
  if (parsed.tooDeepAt !== undefined) return { text, root: undefined, parseErrors: [], tooDeepAt: parsed.tooDeepAt, kind, images: [] };
  const { root, parseErrors } = parsed;
  const topLevel = root?.type === 'object' ? root : undefined;
  const images = kind && topLevel ? findImageFields(kind, topLevel) : [];
  // As in YAML: while the text does not parse, a member that looks absent may be half-typed.
  const comments = parsed.jsoncOnly.comments;
  const spec: SpecDocument = parseErrors.length > 0 ? { text, root, parseErrors, kind, images, comments, incomplete: true } : { text, root, parseErrors, kind, images, comments };
  // AWS CLI input: the CLI sends a `${…}` as written.
  if (kind && topLevel && mayReadAsPlaceholder(text)) markUnfilledRequestValues(spec);
  return spec;
}

/** The members that hold an image in some request (findImageFields reads them): `TrainingImage`, `Image`, `ImageUri`. */
export const IMAGE_MEMBERS: ReadonlySet<string> = new Set(['TrainingImage', 'Image', 'ImageUri']);

/**
 * The image field of `holder`'s `member` (at `holderPath`), or undefined when either is absent:
 * the one way every host's image fields are read (findImageFields; a template's monitoring
 * resources, cloudFormation/monitoringResources.ts).
 */
export function imageFieldOf(holder: Node | undefined, member: string, usage: ImageUsage, holderPath: (string | number)[]): ImageField | undefined {
  const written = memberValue(holder, member);
  if (!holder || !written) return undefined;
  // A dynamic value with a known default (a pipeline parameter) is judged by that default.
  const standIn = (written as RequestNode).standIn;
  const value = standIn ?? written;
  const parsed = value.type === 'string' && typeof value.value === 'string' && !isDynamic(value) ? parseImageReference(value.value) : undefined;
  return standIn ? { value, usage, holder, holderPath, parsed, written } : { value, usage, holder, holderPath, parsed };
}

/** The image fields of a request of `kind` whose top-level object is `root`. */
export function findImageFields(kind: SpecKind, root: Node): ImageField[] {
  const fields: ImageField[] = [];
  const add = (holder: Node | undefined, member: string, usage: ImageUsage, holderPath: (string | number)[]) => {
    const field = imageFieldOf(holder, member, usage, holderPath);
    if (field) fields.push(field);
  };
  switch (kind) {
    case 'CreateTrainingJob':
      add(memberValue(root, 'AlgorithmSpecification'), 'TrainingImage', 'training', ['AlgorithmSpecification']);
      break;
    case 'CreateModel': {
      add(memberValue(root, 'PrimaryContainer'), 'Image', 'inference', ['PrimaryContainer']);
      const containers = memberValue(root, 'Containers');
      if (containers?.type === 'array') {
        containers.children?.forEach((container, index) => add(container, 'Image', 'inference', ['Containers', index]));
      }
      break;
    }
    case 'CreateProcessingJob':
      add(memberValue(root, 'AppSpecification'), 'ImageUri', 'processing', ['AppSpecification']);
      break;
    case 'CreateHyperParameterTuningJob': {
      const single = memberValue(root, 'TrainingJobDefinition');
      add(memberValue(single, 'AlgorithmSpecification'), 'TrainingImage', 'tuning', ['TrainingJobDefinition', 'AlgorithmSpecification']);
      const definitions = memberValue(root, 'TrainingJobDefinitions');
      if (definitions?.type === 'array') {
        definitions.children?.forEach((definition, index) =>
          add(memberValue(definition, 'AlgorithmSpecification'), 'TrainingImage', 'tuning', ['TrainingJobDefinitions', index, 'AlgorithmSpecification']),
        );
      }
      break;
    }
    default:
      break;
  }
  return fields;
}

/**
 * A member path from the document's top-level value (as jsonc-parser's `getLocation` gives it)
 * as a path inside the request: the embedding's prefix removed, `"Name.$"` keys read as `Name`.
 * Undefined when the path does not lead into the request.
 */
export function pathInRequest(spec: SpecDocument, documentPath: readonly (string | number)[]): (string | number)[] | undefined {
  const embedding = spec.embedding;
  if (!embedding) return [...documentPath];
  const prefix = embedding.path;
  if (documentPath.length < prefix.length || prefix.some((segment, index) => documentPath[index] !== segment)) return undefined;
  const inside = documentPath.slice(prefix.length);
  return embedding.pathKeys ? inside.map((segment) => (typeof segment === 'string' && segment.endsWith('.$') ? segment.slice(0, -2) : segment)) : inside;
}

/**
 * The member path inside the request from `spec.root` to `node` (a value, or a key: the path of
 * the member it names; numbers index arrays), read off
 * the tree's parent links, so it holds for every host (a template's resource, a task inside a
 * template's state machine); `"Name.$"` keys read as `Name` where the embedding says so.
 * Undefined when `node` is not inside the request.
 */
export function requestPathOf(spec: SpecDocument, node: Node): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  let child = node;
  while (child !== spec.root) {
    const parent = child.parent;
    if (!parent) return undefined;
    if (parent.type === 'property') {
      // A key and its value alike are at the member's path.
      const name = String(parent.children?.[0]?.value);
      path.push(spec.embedding?.pathKeys && name.endsWith('.$') ? name.slice(0, -2) : name);
    } else if (parent.type === 'array') {
      path.push(parent.children?.indexOf(child) ?? -1);
    }
    child = parent;
  }
  return path.reverse();
}

/** The key node naming `holder` in its parent object, or undefined for array elements and the root. */
export function holderKey(holder: Node): Node | undefined {
  const property = holder.parent;
  return property?.type === 'property' ? property.children?.[0] : undefined;
}

/** The top-level object of a document, when it is an object. */
export function topLevelObject(spec: SpecDocument): Node | undefined {
  return spec.root?.type === 'object' ? spec.root : undefined;
}


/** Regions of the spec's Amazon ECR images, in document order (the fallback target region). */
export function specImageRegions(spec: SpecDocument): string[] {
  const regions: string[] = [];
  for (const image of spec.images) {
    if (image.parsed?.ok && image.parsed.reference.ecr) regions.push(image.parsed.reference.ecr.region.text);
  }
  return regions;
}
