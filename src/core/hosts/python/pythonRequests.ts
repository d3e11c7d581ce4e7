/**
 * Finds what a Python file asks SageMaker for:
 * - boto3 requests: `<client>.create_training_job(**kwargs)` and the six other Create calls,
 *   whose keyword arguments are the request's top-level members (the kind comes from the method),
 *   sent to the client's `region_name=` when the code names one;
 * - the SDK's Amazon algorithm estimators (`KMeans(k=10, …)`), as partial training jobs, with the
 *   objective and ranges of the `HyperparameterTuner(…)` that takes one (the generic `Estimator`'s too);
 * - SageMaker Python SDK classes given an image (`Estimator(image_uri=…)`, `Model(…)`,
 *   `Processor(…)`, v3 `ModelTrainer(training_image=…)`, `ModelBuilder(image_uri=…)`): the image
 *   rules with the usage the class implies;
 * - images asked for by framework and version (`image_uris.retrieve(…)`, v2's deprecated
 *   `get_image_uri(…)`, `PyTorch(framework_version=…)`);
 * - any other string literal or template (f-string, `.format`, `+`) that is an Amazon ECR image reference.
 */
import type { Node } from 'jsonc-parser';
import type { Deployment, FrameworkArgument, FrameworkRequest } from '../../frameworkRequest';
import { huggingFaceDeployTool } from '../../rules/framework/sdkSelection';
import { parseImageReference } from '../../imageReference';
import { parseTemplateReference } from '../../templateReference';
import { contentRange, type TemplatePart } from '../../requestTree';
import { findImageFields, type ImageField, type ImageUsage, type RetrievedImage, type SdkRequest, type SpecDocument } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { amazonEstimatorNames, amazonEstimatorOf, amazonEstimatorRequest } from './pythonAmazonEstimators';
import { clientRegion } from './pythonClientRegion';
import { estimatorRequest, GENERIC_ESTIMATOR, isScriptModeEstimator, TUNED, type EstimatorMethodCall } from './pythonEstimators';
import { PythonScopes } from './pythonScopes';
import { tunersOf, tuningNames, type TuningNames } from './pythonTuners';
import { calleeName, childrenOf, dottedName, sourceOf, type SyntaxNode, type Tree } from './pythonSyntax';
import { argumentsInfo, PythonValues, type PythonNode } from './pythonValues';
import { memberValue } from '../../jsonTree';
import { calleeOrigin, isSdkPath, mayBeSdkCallee } from './pythonCalleeOrigin';
import { deployedOnlyLocally, isLocalModeCall } from './pythonLocalMode';
import { renameEstimatorKeywords, sdkArguments } from './pythonCallArguments';
import { pipelineParameterNames } from './pythonPipelineParameters';
import { callsOnModel, type ModelCalls } from './pythonModelCalls';
import { spreadKeywords } from './pythonKeywordSpread';
import { deadBranches, isInDeadBranch } from './pythonDeadBranches';
import type { OffsetRange } from '../../jsonTree';
import { SMP_FRAMEWORK, smpChoice } from './pythonSmpDistribution';
import { compiledWithNeo } from './pythonNeoCompilation';
import { mayNameAccessMode, SDK_METHODS, sdkArgumentsOf, unwrittenSpotArguments, withArguments, type SdkJob } from './pythonSdkArguments';
import { SDK_CONSTRUCTORS, sdkConstructorNames, sdkConstructorOf, type SdkConstructorNames } from './pythonSdkConstructors';

/** boto3's SageMaker client methods for the requests we check. */
export const BOTO3_METHODS: Readonly<Record<string, SpecKind>> = {
  create_training_job: 'CreateTrainingJob',
  create_model: 'CreateModel',
  create_endpoint_config: 'CreateEndpointConfig',
  create_endpoint: 'CreateEndpoint',
  create_processing_job: 'CreateProcessingJob',
  create_transform_job: 'CreateTransformJob',
  create_hyper_parameter_tuning_job: 'CreateHyperParameterTuningJob',
};

interface SdkClass {
  usage: Exclude<ImageUsage, 'tuning' | 'reference'>;
  /** The keyword that takes the image URI. */
  imageKeyword: string;
  /** The image_uri_config framework the class stands for, when it builds the URI itself. */
  framework?: string;
  /**
   * The constructor's leading parameters in order (SDK v2 `__init__`), up to the image: what the
   * first positional arguments are. Only the prefix that every v2 release shares (v2.0 to
   * v2.257): the generic Estimator's ends at `instance_type`, since v2.112 put
   * `keep_alive_period_in_seconds` after it. Empty for classes that take keywords only.
   */
  positional: readonly string[];
}

const training = (positional: readonly string[], framework?: string): SdkClass => ({ usage: 'training', imageKeyword: 'image_uri', framework, positional });
const inference = (positional: readonly string[], framework?: string): SdkClass => ({ usage: 'inference', imageKeyword: 'image_uri', framework, positional });
const processing = (positional: readonly string[], framework?: string): SdkClass => ({ usage: 'processing', imageKeyword: 'image_uri', framework, positional });

/** The estimator class whose `distribution` may enable SMP v2 (see pythonSmpDistribution.ts). */
const SMP_ESTIMATOR = 'PyTorch';

/** The framework estimators' order: `PyTorch(entry_point, framework_version, py_version, source_dir, hyperparameters, image_uri)`. */
const FRAMEWORK_ESTIMATOR = ['entry_point', 'framework_version', 'py_version', 'source_dir', 'hyperparameters', 'image_uri'];
/** The framework models' order: `PyTorchModel(model_data, role, entry_point, framework_version, py_version, image_uri)`. */
const FRAMEWORK_MODEL = ['model_data', 'role', 'entry_point', 'framework_version', 'py_version', 'image_uri'];
/** The framework processors' order: `PyTorchProcessor(framework_version, role, instance_count, instance_type, py_version, image_uri)`. */
const FRAMEWORK_PROCESSOR = ['framework_version', 'role', 'instance_count', 'instance_type', 'py_version', 'image_uri'];

/** The Spark processors' order (v2.10 on): `PySparkProcessor(role, instance_type, instance_count, framework_version, py_version, container_version, image_uri)`. */
const SPARK_PROCESSOR = ['role', 'instance_type', 'instance_count', 'framework_version', 'py_version', 'container_version', 'image_uri'];

/** SageMaker Python SDK (v2 and v3) classes that take an image. */
export const SDK_CLASSES: Readonly<Record<string, SdkClass>> = {
  Estimator: training(['image_uri', 'role', 'instance_count', 'instance_type']),
  Framework: training(['entry_point', 'source_dir', 'hyperparameters', 'container_log_level', 'code_location', 'image_uri']),
  PyTorch: training(FRAMEWORK_ESTIMATOR, 'pytorch'),
  TensorFlow: training(['py_version', 'framework_version', 'model_dir', 'image_uri'], 'tensorflow'),
  HuggingFace: training(['py_version', 'entry_point', 'transformers_version', 'tensorflow_version', 'pytorch_version', 'source_dir', 'hyperparameters', 'image_uri'], 'huggingface'),
  SKLearn: training(FRAMEWORK_ESTIMATOR, 'sklearn'),
  XGBoost: training(['entry_point', 'framework_version', 'source_dir', 'hyperparameters', 'py_version', 'image_uri'], 'xgboost'),
  MXNet: training(FRAMEWORK_ESTIMATOR, 'mxnet'),
  Chainer: training(['entry_point', 'use_mpi', 'num_processes', 'process_slots_per_host', 'additional_mpi_options', 'source_dir', 'hyperparameters', 'framework_version', 'py_version', 'image_uri'], 'chainer'),
  RLEstimator: training(['entry_point', 'toolkit', 'toolkit_version', 'framework', 'source_dir', 'hyperparameters', 'image_uri']),
  // A Marketplace algorithm's estimator: no image of ours, its instance type and count still judged.
  AlgorithmEstimator: training(['algorithm_arn', 'role', 'instance_count', 'instance_type']),
  // v3, a pydantic model: keywords only.
  ModelTrainer: { usage: 'training', imageKeyword: 'training_image', positional: [] },
  Model: inference(['image_uri', 'model_data', 'role']),
  FrameworkModel: inference(['model_data', 'image_uri']),
  PyTorchModel: inference(FRAMEWORK_MODEL, 'pytorch'),
  TensorFlowModel: inference(['model_data', 'role', 'entry_point', 'image_uri'], 'tensorflow'),
  HuggingFaceModel: inference(['role', 'model_data', 'entry_point', 'transformers_version', 'tensorflow_version', 'pytorch_version', 'py_version', 'image_uri'], 'huggingface'),
  SKLearnModel: inference(FRAMEWORK_MODEL, 'sklearn'),
  XGBoostModel: inference(['model_data', 'role', 'entry_point', 'framework_version', 'image_uri'], 'xgboost'),
  MXNetModel: inference(FRAMEWORK_MODEL, 'mxnet'),
  ChainerModel: inference(['model_data', 'role', 'entry_point', 'image_uri'], 'chainer'),
  // A dataclass whose field order is no interface anyone calls by: keywords only.
  ModelBuilder: inference([]),
  Processor: processing(['role', 'image_uri', 'instance_count', 'instance_type']),
  ScriptProcessor: processing(['role', 'image_uri', 'command', 'instance_count', 'instance_type']),
  FrameworkProcessor: processing(['estimator_cls', 'framework_version', 'role', 'instance_count', 'instance_type', 'py_version', 'image_uri']),
  // instance_type and instance_count swapped places in v2.x: only the first two are sure.
  SKLearnProcessor: processing(['framework_version', 'role'], 'sklearn'),
  PyTorchProcessor: processing(FRAMEWORK_PROCESSOR, 'pytorch'),
  TensorFlowProcessor: processing(FRAMEWORK_PROCESSOR, 'tensorflow'),
  HuggingFaceProcessor: processing(['role', 'instance_count', 'instance_type', 'transformers_version', 'tensorflow_version', 'pytorch_version', 'py_version', 'image_uri'], 'huggingface'),
  XGBoostProcessor: processing(FRAMEWORK_PROCESSOR, 'xgboost'),
  MXNetProcessor: processing(FRAMEWORK_PROCESSOR, 'mxnet'),
  // sagemaker.spark.processing: `_retrieve_image_uri` asks `retrieve("spark", region, framework_version, py_version=…, instance_type=…)`.
  PySparkProcessor: processing(SPARK_PROCESSOR, 'spark'),
  SparkJarProcessor: processing(SPARK_PROCESSOR, 'spark'),
};

/**
 * True when `receiver` is an SDK estimator or model: a call of a v2 class that has `deploy` and
 * `transformer` (an estimator, a model, an Amazon algorithm estimator, one of IMAGELESS_DEPLOYABLES), in place or through a
 * name bound once, or a model's `compile(…)` (v2's `Model.compile` returns the model itself). A
 * processor has neither method; v3's classes are left out. `modelOnly` asks for a model.
 */
function isSdkObject(text: string, scopes: PythonScopes, receiver: SyntaxNode, amazonNames: ReturnType<typeof amazonEstimatorNames>, modelOnly = false, depth = 0): boolean {
  const call = receiver.name === 'VariableName' ? scopes.resolveBinding(receiver) : receiver;
  const callee = call?.name === 'CallExpression' ? calleeName(text, call) : undefined;
  if (!callee) return false;
  if (callee.name === 'compile' && callee.receiver) return depth < MAX_COMPILE_CHAIN && isSdkObject(text, scopes, callee.receiver, amazonNames, true, depth + 1);
  if (!modelOnly && amazonEstimatorOf(text, callee, amazonNames)) return mayBeSdkCallee(calleeOrigin(text, scopes, callee));
  if (Object.hasOwn(IMAGELESS_DEPLOYABLES, callee.name)) return (!modelOnly || IMAGELESS_DEPLOYABLES[callee.name] === 'model') && mayBeSdkCallee(calleeOrigin(text, scopes, callee));
  const made = sdkClassOf(text, scopes, callee);
  if (modelOnly && made?.sdkClass.usage !== 'inference') return false;
  return made !== undefined && made.sdkClass.usage !== 'processing' && made.className !== 'ModelTrainer' && made.className !== 'ModelBuilder';
}

/**
 * The SDK_CLASSES class a call makes and its SDK name, by the callee's name (`PyTorch(…)`,
 * `sagemaker.pytorch.PyTorch(…)`) or, imported under another name, by the import
 * (`from sagemaker.pytorch import PyTorch as PT` makes `PT(…)` a PyTorch), unless the file's
 * bindings make it another (see pythonCalleeOrigin.ts): a class or function of its own
 * (`class XGBoost:`), a parameter, an import from another package (`from keras import Model`) or
 * of another SDK class under this name (`from sagemaker.pytorch import PyTorchModel as Model`).
 * A name bound nowhere in the file is the SDK's: the names are read without imports.
 */
function sdkClassOf(text: string, scopes: PythonScopes, callee: { name: string; node: SyntaxNode; receiver?: SyntaxNode }): { sdkClass: SdkClass; className: string } | undefined {
  const known = Object.hasOwn(SDK_CLASSES, callee.name);
  // Only a name an import may bind is looked up (a receiver's method, `self.model(…)`, is not).
  if (!known && callee.receiver) return undefined;
  const origin = calleeOrigin(text, scopes, callee);
  if (origin?.kind === 'own') return undefined;
  if (!known) {
    // An SDK class imported under another name: the one class every import of the name names.
    if (origin?.kind !== 'imported' || !origin.paths.every(isSdkPath)) return undefined;
    const names = new Set(origin.paths.map((path) => path.slice(path.lastIndexOf('.') + 1)));
    const [className] = names;
    return names.size === 1 && Object.hasOwn(SDK_CLASSES, className) ? { sdkClass: SDK_CLASSES[className], className } : undefined;
  }
  if (origin?.kind === 'imported' && !origin.paths.every((path) => isSdkPath(path) && path.endsWith(`.${callee.name}`))) return undefined;
  return { sdkClass: SDK_CLASSES[callee.name], className: callee.name };
}

/**
 * True when `receiver` is a `HyperparameterTuner(…)`, in place or through a name bound once: its
 * `deploy(initial_instance_count, instance_type, …)` deploys the best training job's model with
 * those arguments (`best_estimator().deploy(…)`), sent as an estimator's are. It has no
 * `transformer` or `register`.
 */
function isTuner(text: string, scopes: PythonScopes, receiver: SyntaxNode): boolean {
  const call = receiver.name === 'VariableName' ? scopes.resolveBinding(receiver) : receiver;
  const callee = call?.name === 'CallExpression' ? calleeName(text, call) : undefined;
  return callee?.name === TUNER_CLASS && mayBeSdkCallee(calleeOrigin(text, scopes, callee));
}

/**
 * v2 classes given no image of ours whose `deploy`, `transformer` and `register` take the same
 * leading parameters as `Model`'s and send them the same way: a registered model package, a
 * pipeline of models, a JumpStart model or estimator, a DJL (LMI) model, a multi-model endpoint's
 * model, a SparkML model (the image comes from the package, JumpStart or the class, so only these
 * arguments are judged).
 */
const IMAGELESS_DEPLOYABLES: Readonly<Record<string, 'model' | 'estimator'>> = {
  ModelPackage: 'model',
  PipelineModel: 'model',
  JumpStartModel: 'model',
  JumpStartEstimator: 'estimator',
  DJLModel: 'model',
  MultiDataModel: 'model',
  SparkMLModel: 'model',
};

/** How many `compile(…)` calls in a row isSdkObject follows (`m.compile(…).compile(…)`): a bound on the walk. */
const MAX_COMPILE_CHAIN = 4;

/** The job whose request the class's arguments go into; v3's ModelTrainer takes its instance in a `Compute`. */
function sdkJob(name: string, sdkClass: SdkClass): Extract<SdkJob, 'training' | 'processing'> | undefined {
  if (name === 'ModelTrainer') return undefined;
  return sdkClass.usage === 'training' || sdkClass.usage === 'processing' ? sdkClass.usage : undefined;
}

/**
 * A function that asks for an image by framework and version: its parameters in positional order,
 * each under the `image_uris.retrieve` parameter it is passed as, and the version it passes when
 * the call gives none.
 */
interface RetrieveSignature {
  /** `[own name, retrieve's name]`, in the function's positional order. */
  parameters: readonly (readonly [string, string])[];
  /** True when keywords are read only under `parameters`' own names; else any keyword is retrieve's (`inference_tool=`, keyword-only). */
  renamesKeywords?: boolean;
  /** The version sent when the call passes none, with the parameter that defaults to it. */
  defaultVersion?: { value: string; parameter: string; function: string };
}

/** `image_uris.retrieve` parameters in the SDK's positional order. */
const RETRIEVE: RetrieveSignature = {
  parameters: ['framework', 'region', 'version', 'py_version', 'instance_type', 'accelerator_type', 'image_scope', 'container_version', 'distribution', 'base_framework_version'].map((name) => [name, name] as const),
};

/**
 * SDK v2's deprecated `sagemaker.amazon.amazon_estimator.get_image_uri(region_name, repo_name,
 * repo_version="1")` (v1's, whose default was the number 1, asked for the same image): it returns
 * `image_uris.retrieve(framework=repo_name, region=region_name, version=repo_version)`, so XGBoost
 * without `repo_version` is the legacy "1" image (XGBoost 0.72).
 */
const GET_IMAGE_URI: RetrieveSignature = {
  parameters: [['region_name', 'region'], ['repo_name', 'framework'], ['repo_version', 'version']],
  renamesKeywords: true,
  defaultVersion: { value: '1', parameter: 'repo_version', function: 'get_image_uri' },
};

export interface PythonRequests {
  /** Whole requests (boto3) and image-only documents (SDK classes, constants), each analysed on its own. */
  documents: SpecDocument[];
  frameworkRequests: FrameworkRequest[];
  /** Every comment, for `# sagemaker-spec-disable-next-line` (read in the same pass over the tree). */
  comments: { offset: number; text: string }[];
}

export function findPythonRequests(text: string, tree: Tree): PythonRequests {
  const scopes = new PythonScopes(text, tree);
  const documents: SpecDocument[] = [];
  const frameworkRequests: FrameworkRequest[] = [];
  const imageStrings = new Set<number>(); // offsets of strings already checked as request images

  const cursor = tree.cursor();
  const calls: SyntaxNode[] = [];
  // Only strings that may be ECR image references (they hold `.dkr.ecr`) are read below: the
  // marker's offsets are found once, and a string is kept only when one lies inside it.
  const strings: SyntaxNode[] = [];
  const markers = offsetsOf(text, ECR_MARKER);
  let marker = 0;
  const comments: { offset: number; text: string }[] = [];
  const imports: SyntaxNode[] = [];
  const ifStatements: SyntaxNode[] = [];
  do {
    const name = cursor.name;
    if (name === 'CallExpression') calls.push(cursor.node);
    else if (name === 'String' || name === 'ContinuedString' || name === 'FormatString') {
      while (marker < markers.length && markers[marker] < cursor.from) marker++; // the walk is in document order
      if (marker < markers.length && markers[marker] + ECR_MARKER.length <= cursor.to) strings.push(cursor.node);
    }
    else if (name === 'Comment') comments.push({ offset: cursor.from, text: text.slice(cursor.from, cursor.to) });
    else if (name === 'ImportStatement') imports.push(cursor.node);
    else if (name === 'IfStatement') ifStatements.push(cursor.node);
  } while (cursor.next());
  const values = new PythonValues(text, scopes, pipelineParameterNames(text, imports));
  const amazonNames = amazonEstimatorNames(text, imports);
  let constructorNames: SdkConstructorNames | undefined;

  // Each call's callee and arguments, read once: the method calls and the main pass both need them.
  const callees = calls.map((call) => calleeName(text, call));
  const argLists = calls.map((call) => call.getChild('ArgList'));
  // A method call in a branch that cannot run (`if algo == "linear-learner":` with `algo = "xgboost"`) joins no request.
  const dead = ifStatements.length > 0 ? deadBranches(values, ifStatements) : [];
  const methodCalls = estimatorMethodCalls(text, callees, argLists, dead);
  // The SDK tuners that take an estimator: their objective and ranges join its request.
  const tuners = methodCalls.get(TUNED)!;
  let tuning: TuningNames | undefined;
  const withTuners = (document: SpecDocument, estimator: SyntaxNode): SpecDocument => {
    if (tuners.length === 0) return document;
    const taking = tunersOf(values, scopes, estimator, tuners, (tuning ??= tuningNames(text, imports)));
    if (taking.length > 0) document.sdkRequest = { ...document.sdkRequest, tuners: taking };
    // Every tuner that takes it read whole: what no range sets is set by the estimator or missing.
    const hyperparameters = memberValue(document.root, 'HyperParameters') as PythonNode | undefined;
    if (hyperparameters?.openedByTuners === taking.length && taking.every((tuner) => tuner.rangesComplete)) hyperparameters.openMembers = false;
    return document;
  };
  // A `retrieve(…)` is read once, whether as an estimator's image or as a call of its own.
  const retrieves = new Map<number, FrameworkRequest>();
  const readRetrieve = (calleeNode: SyntaxNode, argList: SyntaxNode, signature: RetrieveSignature): FrameworkRequest => {
    let request = retrieves.get(argList.from);
    if (!request) retrieves.set(argList.from, (request = frameworkFromRetrieve(values, calleeNode, argList, signature)));
    return request;
  };
  // The calls by source range, for a request's dynamic image that is one (see retrievedImageAt).
  let callsByRange: Map<string, SyntaxNode> | undefined;
  const callAt = (offset: number, length: number): SyntaxNode | undefined =>
    (callsByRange ??= new Map(calls.map((call) => [`${call.from}:${call.to}`, call]))).get(`${offset}:${offset + length}`);
  for (let index = 0; index < calls.length; index++) {
    const call = calls[index];
    const callee = callees[index];
    const argList = argLists[index];
    if (!callee || !argList) continue;
    const candidate = callee.receiver && !isLiteral(callee.receiver) ? BOTO3_METHODS[callee.name] : undefined;
    const kind = candidate && mayBeSageMakerCall(text, scopes, callee.receiver!, argList, candidate) ? candidate : undefined;
    if (kind) {
      const root = values.keywordObject(argList, undefined, 0, 'call');
      root.anchor = { offset: callee.node.from, length: callee.node.to - callee.node.from };
      const images = findImageFields(kind, root);
      for (const image of images) {
        imageStrings.add(image.value.offset);
        const retrieved = retrievedImageAt(values, scopes, image, callAt, readRetrieve);
        if (retrieved) image.retrieved = retrieved;
      }
      const document: SpecDocument = { text, root, parseErrors: [], kind, images, host: 'python' };
      const codeRegion = clientRegion(values, scopes, callee.receiver!);
      if (codeRegion) document.codeRegion = codeRegion;
      documents.push(document);
      continue;
    }
    const amazonEstimator = amazonEstimatorOf(text, callee, amazonNames);
    // `from sagemaker import KMeans` and a `class KMeans:` of the file's own: the file's is called.
    if (amazonEstimator && mayBeSdkCallee(calleeOrigin(text, scopes, callee))) {
      documents.push(withTuners(amazonEstimatorRequest(values, scopes, call, amazonEstimator, methodCalls), call));
      continue;
    }
    const made = sdkClassOf(text, scopes, callee);
    if (made) {
      const { sdkClass, className } = made;
      const written = sdkArguments(text, argList, sdkClass.positional, scopes);
      if (!written) continue; // `Estimator(image, image_uri=…)`: a TypeError, nothing is sent
      const keywords = written.keywords;
      const image = keywords.get(sdkClass.imageKeyword);
      const job = sdkJob(className, sdkClass);
      const renamed = job === 'training' ? renameEstimatorKeywords(keywords) : undefined;
      // What a model is deployed, transformed, created or registered with: local mode and the framework image read the same calls.
      const modelCalls = sdkClass.usage === 'inference' ? callsOnModel(text, scopes, call, methodCalls, ['deploy', 'transformer', 'create', 'register']) : undefined;
      // What the API-model and access rules judge of the request the SDK writes from this call.
      const sdkRequest: SdkRequest = {
        ...withArguments(job ? sdkArgumentsOf(values, job, (keyword) => keywords.get(keyword), renamed) : []),
        ...(job === 'training' && unwrittenSpotArguments(values, callee.node, argList, (keyword) => keywords.get(keyword), !written.unmapped)),
        ...(mayNameAccessMode(keywords, argList) && { accessModeOpen: true }),
        ...(isLocalModeCall(values, scopes, keywords, modelCalls !== undefined && deployedOnlyLocally(values, modelCalls)) && { localMode: true }),
      };
      // A model compiled with Neo serves the compilation job's image, not the framework's.
      const neoCompiled = () => sdkClass.usage === 'inference' && compiledWithNeo(values, callsOnModel(text, scopes, call, methodCalls, ['compile']));
      const before = documents.length;
      if (image && className === GENERIC_ESTIMATOR && !isScriptModeEstimator(keywords)) {
        // Perhaps a built-in algorithm job: a partial request for the image and algorithm rules.
        const retrievedImage = retrievedImageOf(values, scopes, image, readRetrieve);
        const dynamicImage = (): ImageField => {
          const value = values.node(image, undefined);
          return { value, usage: sdkClass.usage, holder: value, holderPath: [] };
        };
        const field = imageField(values, image, sdkClass.usage) ?? (retrievedImage ? dynamicImage() : undefined);
        if (field) {
          imageStrings.add(field.value.offset);
          if (retrievedImage) field.retrieved = retrievedImage;
          const request = estimatorRequest(values, scopes, call, keywords, written.unmapped, field, methodCalls);
          request.sdkRequest = { ...request.sdkRequest, ...sdkRequest };
          documents.push(withTuners(request, call));
        }
      } else if (image) {
        const field = imageField(values, image, sdkClass.usage);
        if (field) {
          imageStrings.add(field.value.offset);
          documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [field], host: 'python', imagesOnly: true, sdkRequest });
        }
      } else if (sdkClass.framework && !neoCompiled()) {
        const request = frameworkFromClass(values, callee.node, keywords, sdkClass);
        if (modelCalls) Object.assign(request, modelDeployments(values, sdkClass.framework, modelCalls));
        if (className === SMP_ESTIMATOR) {
          // SMP v2 trains on pytorch-smp's image (get_training_image_uri); its deploys serve on pytorch's.
          const smp = smpChoice(values, keywords.get('distribution'), written.unmapped);
          if (smp === 'smp') request.impliedFramework = SMP_FRAMEWORK;
          else if (smp === 'unknown') request.alternativeFrameworks = [SMP_FRAMEWORK];
        }
        frameworkRequests.push(request);
        const served = sdkClass.usage === 'training' ? deployedEstimatorRequest(values, scopes, call, callee.node, keywords, sdkClass, methodCalls) : undefined;
        if (served) request.served = served;
      }
      // No image we read (a variable, a framework class's own): its arguments are still judged.
      if (documents.length === before && sdkRequest.arguments) {
        documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [], host: 'python', imagesOnly: true, sdkRequest });
      }
      continue;
    }
    const constructed = sdkConstructorOf(text, callee, (constructorNames ??= sdkConstructorNames(text, imports)));
    if (constructed && mayBeSdkCallee(calleeOrigin(text, scopes, callee))) {
      // `Transformer(…)`, `RegisterModel(…)`: no image, their arguments judged as `transformer(…)`'s and `register(…)`'s.
      const { job, positional } = SDK_CONSTRUCTORS[constructed];
      const written = sdkArguments(text, argList, positional, scopes);
      const found = written ? sdkArgumentsOf(values, job, (keyword) => written.keywords.get(keyword)) : [];
      if (found.length > 0) documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [], host: 'python', imagesOnly: true, sdkRequest: { arguments: found } });
      continue;
    }
    const signature = retrieveSignature(text, scopes, callee);
    if (signature) {
      frameworkRequests.push(readRetrieve(callee.node, argList, signature));
      continue;
    }
    const method = Object.hasOwn(SDK_METHODS, callee.name) ? SDK_METHODS[callee.name] : undefined;
    if (method && callee.receiver && (isSdkObject(text, scopes, callee.receiver, amazonNames) || (callee.name === 'deploy' && isTuner(text, scopes, callee.receiver)))) {
      const written = sdkArguments(text, argList, method.positional, scopes);
      const found = written ? sdkArgumentsOf(values, method.job, (keyword) => written.keywords.get(keyword)) : [];
      if (found.length > 0) documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [], host: 'python', imagesOnly: true, sdkRequest: { arguments: found } });
    }
  }

  // Any other literal or template that is an ECR image reference: the host rules, and SageMaker's own images' rules.
  const templatesRead = new Set<number>(); // `a + ".dkr.ecr." + b + ".dkr.ecr…"` holds the marker twice: read once
  for (const syntax of strings) {
    if (imageStrings.has(syntax.from) || syntax.parent?.name === 'ContinuedString') continue;
    const whole = templateAround(text, syntax);
    if (whole !== syntax) {
      if (templatesRead.has(whole.from)) continue;
      templatesRead.add(whole.from);
    }
    const value = values.node(whole, undefined);
    if (value.template) {
      // `f"{account}.dkr.ecr.{region}…"`, `"{}.dkr.ecr.{}…".format(…)`, `account + ".dkr.ecr." + …`: once each.
      if (imageStrings.has(value.offset) || !isTemplateImageReference(value.template)) continue;
      imageStrings.add(value.offset);
      documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [{ value, usage: 'reference', holder: value, holderPath: [] }], host: 'python', imagesOnly: true });
      continue;
    }
    if (value.dynamic || typeof value.value !== 'string') continue;
    const parsed = parseImageReference(value.value);
    if (!parsed.ok || !parsed.reference.ecr) continue;
    documents.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [{ value, usage: 'reference', holder: value, holderPath: [], parsed }], host: 'python', imagesOnly: true });
  }
  return { documents, frameworkRequests, comments };
}

/**
 * The template a string is part of: the `"…".format(…)` call it is the literal of, or the whole
 * `a + "…" + b` chain it is an operand of; else the string itself.
 */
function templateAround(text: string, string: SyntaxNode): SyntaxNode {
  let node = string;
  for (;;) {
    const parent = node.parent;
    if (!parent) return node;
    const operator = parent.name === 'BinaryExpression' ? childrenOf(parent)[1] : undefined;
    if (operator && sourceOf(text, operator) === '+') {
      node = parent;
    } else if (node === string && parent.name === 'MemberExpression' && parent.firstChild?.from === node.from && parent.lastChild?.name === 'PropertyName' && sourceOf(text, parent.lastChild) === 'format' && parent.parent?.name === 'CallExpression') {
      node = parent.parent;
    } else {
      return node;
    }
  }
}

/**
 * True for a template that is an image reference outside a request as a literal must be one: an
 * Amazon ECR host (its account and region static or placeholders) and a path, no whitespace in
 * its text (`f"docker push {uri}"`, a login host alone, are no image).
 */
function isTemplateImageReference(parts: readonly TemplatePart[]): boolean {
  const reference = parseTemplateReference(parts);
  return reference?.ecr !== undefined && reference.repository.length > 0 && !/\s/.test(reference.text);
}

/** What every Amazon ECR registry host holds. */
const ECR_MARKER = '.dkr.ecr';

/** The offsets of every occurrence of `marker` in `text`, in order. */
function offsetsOf(text: string, marker: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) offsets.push(at);
  return offsets;
}

/**
 * Every `….set_hyperparameters(…)`, `….fit(…)`, `….deploy(…)`, `….transformer(…)`, `….create(…)`,
 * `….register(…)` and `….compile(…)` call of the file (the SDK estimators' and models' methods), by method name, from each call's callee and argument list; and under `tuned`, each
 * `HyperparameterTuner(estimator, …)`, its estimator argument in the receiver's place. Calls in
 * `dead` (branches that cannot run, see pythonDeadBranches.ts) are left out.
 */
function estimatorMethodCalls(text: string, callees: readonly ReturnType<typeof calleeName>[], argLists: readonly (SyntaxNode | null)[], dead: readonly OffsetRange[]): Map<string, EstimatorMethodCall[]> {
  const found = new Map<string, EstimatorMethodCall[]>([['set_hyperparameters', []], ['fit', []], ['deploy', []], ['transformer', []], ['create', []], ['register', []], ['compile', []], [TUNED, []]]);
  for (let index = 0; index < callees.length; index++) {
    const callee = callees[index];
    const argList = argLists[index];
    if (!callee || !argList || (dead.length > 0 && isInDeadBranch(dead, argList.from))) continue;
    if (callee.receiver) found.get(callee.name)?.push({ callee: callee.node, receiver: callee.receiver, argList });
    if (callee.name === TUNER_CLASS) found.get(TUNED)!.push({ callee: callee.node, receiver: tunerEstimator(text, argList), argList });
  }
  return found;
}

/** The SDK's tuner (`sagemaker.tuner.HyperparameterTuner`): it sets hyperparameters of its estimator from ranges, and fits it. */
const TUNER_CLASS = 'HyperparameterTuner';

/** A tuner's estimator: its first positional argument or `estimator=`. */
function tunerEstimator(text: string, argList: SyntaxNode): SyntaxNode | undefined {
  const children = childrenOf(argList);
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.name === '(' || child.name === ',' || child.name === ')') continue;
    if (child.name === 'VariableName' && children[index + 1]?.name === 'AssignOp') {
      if (sourceOf(text, child) === 'estimator') return children[index + 2];
      index += 2;
      continue;
    }
    return child;
  }
  return undefined;
}

/** `image_uris.retrieve("xgboost", region, "1.7-1")` (or `get_image_uri(region, "kmeans")`) as the image (in place or through a name bound once), with a literal framework. */
function retrievedImageOf(
  values: PythonValues,
  scopes: PythonScopes,
  image: SyntaxNode,
  readRetrieve: (calleeNode: SyntaxNode, argList: SyntaxNode, signature: RetrieveSignature) => FrameworkRequest,
): RetrievedImage | undefined {
  const call = image.name === 'VariableName' ? scopes.resolve(image) : image;
  const callee = call?.name === 'CallExpression' ? calleeName(values.text, call) : undefined;
  const argList = call?.getChild('ArgList');
  const signature = callee && argList ? retrieveSignature(values.text, scopes, callee) : undefined;
  if (!signature) return undefined;
  const request = readRetrieve(callee!.node, argList!, signature);
  const framework = request.framework?.value;
  if (framework === undefined) return undefined;
  // A version that is not a literal is unknown; absent, it is the function's default or the algorithm's only one.
  if (request.version && request.version.value === undefined) return undefined;
  return { framework, version: request.version?.value ?? request.defaultVersion?.value };
}

/**
 * A boto3 request's image field (`TrainingImage`, a tuning job definition's) whose value is an
 * `image_uris.retrieve(…)` call, written in place or through names bound once (in the call, or in
 * the dict it spreads): its dynamic node spans that call, which retrievedImageOf reads as an
 * estimator's `image_uri`.
 */
function retrievedImageAt(
  values: PythonValues,
  scopes: PythonScopes,
  image: ImageField,
  callAt: (offset: number, length: number) => SyntaxNode | undefined,
  readRetrieve: (calleeNode: SyntaxNode, argList: SyntaxNode, signature: RetrieveSignature) => FrameworkRequest,
): RetrievedImage | undefined {
  if (image.parsed || !(image.value as PythonNode).dynamic || (image.value as PythonNode).template) return undefined;
  const call = callAt(image.value.offset, image.value.length);
  return call ? retrievedImageOf(values, scopes, call, readRetrieve) : undefined;
}

/** An SDK class's image argument; only the image rules read it, so it is its own holder. */
function imageField(values: PythonValues, syntax: SyntaxNode, usage: ImageUsage): ImageField | undefined {
  const value = values.node(syntax, undefined);
  const literal = value.type === 'string' && typeof value.value === 'string' ? value.value : undefined;
  if (literal === undefined && !value.template) return undefined;
  return { value, usage, holder: value, holderPath: [], parsed: literal !== undefined ? parseImageReference(literal) : undefined };
}

/** The member that names each request: a call without it (or `**kwargs`) is some other `create_model`. */
const NAME_MEMBERS: Readonly<Record<SpecKind, string>> = {
  CreateTrainingJob: 'TrainingJobName',
  CreateModel: 'ModelName',
  CreateEndpointConfig: 'EndpointConfigName',
  CreateEndpoint: 'EndpointName',
  CreateProcessingJob: 'ProcessingJobName',
  CreateTransformJob: 'TransformJobName',
  CreateHyperParameterTuningJob: 'HyperParameterTuningJobName',
};

/**
 * False when the call is provably not SageMaker's: its receiver is `….client("other-service")`
 * (directly or through a name bound once), or, on a receiver we cannot trace, it passes neither
 * the request's name member nor `**kwargs` (an ORM's `db.create_model(name=…)`, Comprehend's
 * `create_endpoint` has its own). On a provable SageMaker client every call is a request, so
 * completion and findings work while the request is written, before its name member.
 */
function mayBeSageMakerCall(text: string, scopes: PythonScopes, receiver: SyntaxNode, argList: SyntaxNode, kind: SpecKind): boolean {
  const service = clientService(text, scopes, receiver);
  if (service !== undefined) return service === 'sagemaker';
  if (isSdkSession(text, scopes, receiver)) return false;
  const name = NAME_MEMBERS[kind];
  const children = childrenOf(argList);
  return children.some((child, index) => {
    if (child.name === 'VariableName') return children[index + 1]?.name === 'AssignOp' && sourceOf(text, child) === name;
    if (child.name !== '**') return false;
    // `**args` whose keywords are known is judged by them as written ones are (`dict(name=…, role=…)` is no request).
    const spread = children[index + 1] && spreadKeywords(text, scopes, children[index + 1]);
    return !spread || spread.has(name);
  });
}

/**
 * The SageMaker Python SDK's Session, whose `create_model(name=…, role=…)` and kin are its own
 * methods, not boto3's: `sagemaker.Session()` (or `LocalSession()`), a name bound once to one,
 * or the SDK's attribute for it (`self.sagemaker_session`, `estimator.sagemaker_session`).
 */
function isSdkSession(text: string, scopes: PythonScopes, receiver: SyntaxNode): boolean {
  if (receiver.name === 'MemberExpression' && receiver.lastChild?.name === 'PropertyName' && sourceOf(text, receiver.lastChild) === 'sagemaker_session') return true;
  const call = receiver.name === 'VariableName' ? scopes.resolveBinding(receiver) : receiver;
  if (call?.name !== 'CallExpression') return false;
  const callee = dottedName(text, call.firstChild ?? undefined);
  return callee !== undefined && /(^|\.)(?:Local)?Session$/.test(callee) && !/(^|\.)boto3\.(?:session\.)?Session$/.test(callee);
}

/** The literal service name of `….client("name")` (the receiver itself or a name bound once to it). */
function clientService(text: string, scopes: PythonScopes, receiver: SyntaxNode): string | undefined {
  const call = receiver.name === 'VariableName' ? scopes.resolveBinding(receiver) : receiver;
  if (call?.name !== 'CallExpression') return undefined;
  const callee = calleeName(text, call);
  if (callee?.name !== 'client') return undefined;
  const first = call.getChild('ArgList')?.getChild('String');
  const literal = first && /^['"]([\w-]+)['"]$/.exec(sourceOf(text, first));
  return literal ? literal[1] : undefined;
}

function isLiteral(node: SyntaxNode): boolean {
  return ['String', 'ContinuedString', 'FormatString', 'Number', 'DictionaryExpression', 'ArrayExpression', 'TupleExpression', 'Boolean', 'None'].includes(node.name);
}

/** `image_uris.retrieve`: v2's module, and v3's (`sagemaker.core.image_uris`). */
const RETRIEVE_PATH = /^sagemaker(\.core)?\.image_uris\.retrieve$/;
/** SDK v2's (and v1's) deprecated `get_image_uri`. */
const GET_IMAGE_URI_PATH = /^sagemaker\.amazon\.amazon_estimator\.get_image_uri$/;

/**
 * The signature of the call when it is `retrieve` or `get_image_uri`, by what the file binds its
 * callee to (see pythonCalleeOrigin.ts): imported from the SDK under any name (`from sagemaker
 * import image_uris as iu`, `from sagemaker.image_uris import retrieve as r`), never when the file
 * defines, receives or assigns it itself or imports it from another package. A module path bound
 * nowhere in the file (`sagemaker.image_uris.retrieve(…)`, `image_uris.retrieve(…)` in a snippet)
 * is read as written; a bare `retrieve(…)` never imported is some other function.
 */
function retrieveSignature(text: string, scopes: PythonScopes, callee: { name: string; node: SyntaxNode; receiver?: SyntaxNode }): RetrieveSignature | undefined {
  // An attribute of a module has no alias: `x.f(…)` is one of them only when `f` is its name.
  if (callee.receiver && callee.name !== 'retrieve' && callee.name !== 'get_image_uri') return undefined;
  const origin = calleeOrigin(text, scopes, callee);
  if (origin === undefined || origin.kind === 'own') return undefined;
  if (origin.kind === 'unbound') {
    if (!callee.receiver) return undefined;
    if (/(^|\.)image_uris\.retrieve$/.test(origin.written)) return RETRIEVE;
    return /(^|\.)amazon_estimator\.get_image_uri$/.test(origin.written) ? GET_IMAGE_URI : undefined;
  }
  const signatures = origin.paths.map((path) => (RETRIEVE_PATH.test(path) ? RETRIEVE : GET_IMAGE_URI_PATH.test(path) ? GET_IMAGE_URI : undefined));
  return signatures.every((signature) => signature === signatures[0]) ? signatures[0] : undefined;
}

function frameworkArgument(values: PythonValues, syntax: SyntaxNode | undefined): FrameworkArgument | undefined {
  if (!syntax) return undefined;
  const node: PythonNode = values.node(syntax, undefined);
  const value = node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
  return { value, node: node as Node, range: value !== undefined ? contentRange(node) : { offset: node.offset, length: node.length } };
}

/** The request of a `retrieve` (or `get_image_uri`) call, its arguments read under retrieve's parameter names. */
function frameworkFromRetrieve(values: PythonValues, calleeNode: SyntaxNode, argList: SyntaxNode, signature: RetrieveSignature): FrameworkRequest {
  const own = new Map(signature.parameters);
  const byName = new Map<string, SyntaxNode>();
  let unpacked = false;
  const children = childrenOf(argList).filter((child) => child.name !== '(' && child.name !== ')' && child.name !== ',');
  let position = 0;
  for (let i = 0; i < children.length; i++) {
    if (children[i].name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
      const keyword = sourceOf(values.text, children[i]);
      const name = signature.renamesKeywords ? own.get(keyword) : keyword;
      if (name) byName.set(name, children[i + 2]);
      i += 2;
    } else if (children[i].name === '**' || children[i].name === '*') {
      unpacked = true;
      i += 1; // unpacked arguments: what they hold is unknown
    } else {
      const parameter = signature.parameters[position++];
      if (parameter) byName.set(parameter[1], children[i]);
    }
  }
  const argument = (name: string) => frameworkArgument(values, byName.get(name));
  const base = argument('base_framework_version');
  const baseMatch = base?.value !== undefined ? /^(pytorch|tensorflow)(.*)$/.exec(base.value) : undefined;
  return {
    framework: argument('framework'),
    version: argument('version'),
    pyVersion: argument('py_version'),
    region: argument('region'),
    instanceType: argument('instance_type'),
    inferenceTool: argument('inference_tool'),
    imageScope: argument('image_scope'),
    baseFrameworkVersion: base && baseMatch ? { ...base, value: baseMatch[2], baseFramework: baseMatch[1] as 'pytorch' | 'tensorflow' } : undefined,
    // `*args`/`**kwargs` may hold the version: then no default is sure.
    ...(signature.defaultVersion && !byName.has('version') && !unpacked && { defaultVersion: signature.defaultVersion }),
    ...(!byName.has('version') && !unpacked && { versionSlot: versionSlot(calleeNode, argList, signature) }),
    calleeRange: { offset: calleeNode.from, length: calleeNode.to - calleeNode.from },
  };
}

/**
 * The version argument a `retrieve` (or `get_image_uri`) call does not write, standing on its
 * callee: a fix replacing it adds the keyword under the function's own name (`version=`,
 * `repo_version=`) after the call's last argument, in its layout.
 */
function versionSlot(calleeNode: SyntaxNode, argList: SyntaxNode, signature: RetrieveSignature): PythonNode {
  const keyword = signature.parameters.find(([, name]) => name === 'version')![0];
  return { type: 'string', offset: calleeNode.from, length: calleeNode.to - calleeNode.from, python: { kind: 'defaultArgument', keyword, call: argumentsInfo(argList, 'call') } };
}

/**
 * The calls that resolve a framework model's image (`deploy`, `transformer`, and Pipelines'
 * `create`, which `_create_sagemaker_model` resolves for its instance type without Hugging Face's
 * deploy-time tool) with their instance types, from the model's calls (see callsOnModel).
 * `register` is not among them (framework models resolve it their own ways). `instanceTypeOpen`
 * when none is found, when a call on the model's name cannot be tied to it (it may resolve the
 * image for an instance type we do not judge), or when a call may pass its instance type in
 * `**kwargs` we cannot read.
 */
function modelDeployments(values: PythonValues, framework: string, calls: ModelCalls): Pick<FrameworkRequest, 'deployments' | 'instanceTypeOpen'> {
  const deployments: Deployment[] = [];
  let open = calls.untied.length > 0;
  for (const { method, arguments: { keywords, unmapped } } of calls.own) {
    if (method === 'register') continue;
    const instanceType = frameworkArgument(values, keywords.get('instance_type'));
    if (!instanceType && unmapped) {
      open = true;
      continue;
    }
    const value = instanceType?.value;
    const inferenceTool = method === 'deploy' && framework === 'huggingface' && value !== undefined ? huggingFaceDeployTool(value) : undefined;
    deployments.push({ instanceType, ...(inferenceTool && { inferenceTool }) });
  }
  return { deployments, instanceTypeOpen: open || deployments.length === 0 };
}

/**
 * The inference image a framework estimator's `deploy(…)` resolves, as a framework model's
 * request deployed on the same instance types. v2's `EstimatorBase.deploy` calls
 * `self.create_model(**kwargs)`, which builds the framework's model from the estimator's versions
 * (`PyTorchModel(framework_version=self.framework_version, py_version=self.py_version, …)`,
 * `HuggingFaceModel(transformers_version=…, pytorch_version=…, tensorflow_version=…, py_version=…)`;
 * `TensorFlowModel` takes no `py_version`), and deploys it with the deploy's `instance_type`, so
 * the image is resolved as that model's deploy resolves it (Hugging Face's Neuron tool on
 * `ml.inf*` included). Undefined when no deploy of the estimator is known to resolve it: a deploy
 * with `image_uri=` (`create_model` passes it to the model), `use_compiled_model=` (a Neo-compiled
 * model's image) or `**kwargs` we cannot read (either may be in it) is left out. An estimator
 * given `image_uri` never reaches here: its model takes that image.
 */
function deployedEstimatorRequest(
  values: PythonValues,
  scopes: PythonScopes,
  call: SyntaxNode,
  calleeNode: SyntaxNode,
  keywords: ReadonlyMap<string, SyntaxNode>,
  sdkClass: SdkClass,
  methodCalls: ReadonlyMap<string, EstimatorMethodCall[]>,
): FrameworkRequest | undefined {
  const framework = sdkClass.framework!;
  const deploys = callsOnModel(values.text, scopes, call, methodCalls, ['deploy']);
  const resolving = deploys.own.filter(({ arguments: { keywords: written, unmapped } }) => {
    if (unmapped || written.has('image_uri')) return false;
    const compiled = written.get('use_compiled_model');
    return compiled === undefined || values.node(compiled, undefined).value === false;
  });
  if (resolving.length === 0) return undefined;
  const modelKeywords = new Map(keywords);
  if (framework === 'tensorflow') modelKeywords.delete('py_version');
  const request = frameworkFromClass(values, calleeNode, modelKeywords, { ...sdkClass, usage: 'inference' });
  return Object.assign(request, modelDeployments(values, framework, { own: resolving, untied: deploys.untied }));
}

function frameworkFromClass(values: PythonValues, calleeNode: SyntaxNode, keywords: Map<string, SyntaxNode>, sdkClass: SdkClass): FrameworkRequest {
  const argument = (name: string) => frameworkArgument(values, keywords.get(name));
  const huggingFace = sdkClass.framework === 'huggingface';
  const pytorch = argument('pytorch_version');
  const tensorflow = argument('tensorflow_version');
  return {
    impliedFramework: sdkClass.framework,
    version: argument(huggingFace ? 'transformers_version' : 'framework_version'),
    pyVersion: argument('py_version'),
    instanceType: argument('instance_type'),
    // An estimator or processor without instance_type takes it from instance_groups or fails: unknown here.
    instanceTypeOpen: !keywords.has('instance_type'),
    impliedScope: sdkClass.usage,
    baseFrameworkVersion: huggingFace
      ? pytorch
        ? { ...pytorch, baseFramework: 'pytorch' }
        : tensorflow
          ? { ...tensorflow, baseFramework: 'tensorflow' }
          : undefined
      : undefined,
    calleeRange: { offset: calleeNode.from, length: calleeNode.to - calleeNode.from },
  };
}
