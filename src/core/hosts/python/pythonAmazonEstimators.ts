/**
 * The SageMaker Python SDK's Amazon algorithm estimators (`KMeans`, `LinearLearner`, `PCA`, `LDA`,
 * `NTM`, `KNN`, `FactorizationMachines`, `RandomCutForest`, `IPInsights`, `Object2Vec`) as partial
 * CreateTrainingJobs. The class names the algorithm (its image is `image_uris.retrieve(repo_name,
 * region)`); its hyperparameters are constructor arguments (`KMeans(role, instance_count=1,
 * instance_type="ml.m5.xlarge", k=10)`), each converted by the class's `hp(name, …, data_type)`
 * before `str()` (`int(2.5)` sends "2", `float(1)` "1.0", `bool("false")` "True", a list
 * `json.dumps`); `fit(record_set)` gives the channels. The SDK fills `feature_dim` and
 * `mini_batch_size` at fit(), and the classes have no `set_hyperparameters`: the attributes are
 * set directly (`kmeans.k = 10`), which leaves the map open.
 *
 * Only calls of these classes imported from `sagemaker` are read (`from sagemaker import PCA`,
 * `sagemaker.KMeans(…)`, `from sagemaker.amazon.lda import LDA`): scikit-learn has a `PCA` too.
 */
import type { SpecDocument } from '../../specDocument';
import { renameEstimatorKeywords } from './pythonCallArguments';
import { addMember, boundNameOf, callArguments, fitChannels, methodCallsOn, openForTuners, tunersTaking, pythonNumberText, sentValue, syntheticObject, type EstimatorMethodCall } from './pythonEstimators';
import { importBindings } from './pythonImports';
import { sdkArgumentsOf, unwrittenSpotArguments, withArguments } from './pythonSdkArguments';
import type { PythonScopes } from './pythonScopes';
import { calleeName, dottedName, type SyntaxNode } from './pythonSyntax';
import type { PythonNode, PythonValues } from './pythonValues';

/** The Python type an `hp(…)` declaration converts its value with before `str()`. */
type SdkDataType = 'int' | 'float' | 'bool' | 'list' | 'str';

interface AmazonEstimatorClass {
  /** `repo_name`: the ECR repository and image_uris framework. */
  repository: string;
  /** `__init__`'s parameters after `self`, in order, for positional arguments. */
  parameters: readonly string[];
  /** The hyperparameter keywords by the data type of their `hp(…)` declaration. */
  types: Readonly<Partial<Record<SdkDataType, readonly string[]>>>;
}

/**
 * From aws/sagemaker-python-sdk `master-v2` at fc582aaa (the commit the algorithm reference read),
 * `src/sagemaker/amazon/*.py`: each class's `repo_name`, `__init__` signature and the `data_type`
 * of each `hp(…)` it sets from a constructor argument. LDA takes no positional `instance_count`.
 */
export const AMAZON_ESTIMATORS: Readonly<Record<string, AmazonEstimatorClass>> = {
  KMeans: {
    repository: 'kmeans',
    parameters: ['role', 'instance_count', 'instance_type', 'k', 'init_method', 'max_iterations', 'tol', 'num_trials', 'local_init_method', 'half_life_time_size', 'epochs', 'center_factor', 'eval_metrics'],
    types: { int: ['k', 'max_iterations', 'num_trials', 'half_life_time_size', 'epochs', 'center_factor'], str: ['init_method', 'local_init_method'], float: ['tol'], list: ['eval_metrics'] },
  },
  LinearLearner: {
    repository: 'linear-learner',
    parameters: ['role', 'instance_count', 'instance_type', 'predictor_type', 'binary_classifier_model_selection_criteria', 'target_recall', 'target_precision', 'positive_example_weight_mult', 'epochs', 'use_bias', 'num_models', 'num_calibration_samples', 'init_method', 'init_scale', 'init_sigma', 'init_bias', 'optimizer', 'loss', 'wd', 'l1', 'momentum', 'learning_rate', 'beta_1', 'beta_2', 'bias_lr_mult', 'bias_wd_mult', 'use_lr_scheduler', 'lr_scheduler_step', 'lr_scheduler_factor', 'lr_scheduler_minimum_lr', 'normalize_data', 'normalize_label', 'unbias_data', 'unbias_label', 'num_point_for_scaler', 'margin', 'quantile', 'loss_insensitivity', 'huber_delta', 'early_stopping_patience', 'early_stopping_tolerance', 'num_classes', 'accuracy_top_k', 'f_beta', 'balance_multiclass_weights'],
    types: {
      str: ['predictor_type', 'binary_classifier_model_selection_criteria', 'positive_example_weight_mult', 'init_method', 'optimizer', 'loss'],
      float: ['target_recall', 'target_precision', 'init_scale', 'init_sigma', 'init_bias', 'wd', 'l1', 'momentum', 'learning_rate', 'beta_1', 'beta_2', 'bias_lr_mult', 'bias_wd_mult', 'lr_scheduler_factor', 'lr_scheduler_minimum_lr', 'margin', 'quantile', 'loss_insensitivity', 'huber_delta', 'early_stopping_tolerance', 'f_beta'],
      int: ['epochs', 'num_models', 'num_calibration_samples', 'lr_scheduler_step', 'num_point_for_scaler', 'early_stopping_patience', 'num_classes', 'accuracy_top_k'],
      bool: ['use_bias', 'use_lr_scheduler', 'normalize_data', 'normalize_label', 'unbias_data', 'unbias_label', 'balance_multiclass_weights'],
    },
  },
  PCA: {
    repository: 'pca',
    parameters: ['role', 'instance_count', 'instance_type', 'num_components', 'algorithm_mode', 'subtract_mean', 'extra_components'],
    types: { int: ['num_components', 'extra_components'], str: ['algorithm_mode'], bool: ['subtract_mean'] },
  },
  LDA: {
    repository: 'lda',
    parameters: ['role', 'instance_type', 'num_topics', 'alpha0', 'max_restarts', 'max_iterations', 'tol'],
    types: { int: ['num_topics', 'max_restarts', 'max_iterations'], float: ['alpha0', 'tol'] },
  },
  NTM: {
    repository: 'ntm',
    parameters: ['role', 'instance_count', 'instance_type', 'num_topics', 'encoder_layers', 'epochs', 'encoder_layers_activation', 'optimizer', 'tolerance', 'num_patience_epochs', 'batch_norm', 'rescale_gradient', 'clip_gradient', 'weight_decay', 'learning_rate'],
    types: { int: ['num_topics', 'epochs', 'num_patience_epochs'], list: ['encoder_layers'], str: ['encoder_layers_activation', 'optimizer'], float: ['tolerance', 'rescale_gradient', 'clip_gradient', 'weight_decay', 'learning_rate'], bool: ['batch_norm'] },
  },
  KNN: {
    repository: 'knn',
    parameters: ['role', 'instance_count', 'instance_type', 'k', 'sample_size', 'predictor_type', 'dimension_reduction_type', 'dimension_reduction_target', 'index_type', 'index_metric', 'faiss_index_ivf_nlists', 'faiss_index_pq_m'],
    types: { int: ['k', 'sample_size', 'dimension_reduction_target', 'faiss_index_pq_m'], str: ['predictor_type', 'dimension_reduction_type', 'index_type', 'index_metric', 'faiss_index_ivf_nlists'] },
  },
  FactorizationMachines: {
    repository: 'factorization-machines',
    parameters: ['role', 'instance_count', 'instance_type', 'num_factors', 'predictor_type', 'epochs', 'clip_gradient', 'eps', 'rescale_grad', 'bias_lr', 'linear_lr', 'factors_lr', 'bias_wd', 'linear_wd', 'factors_wd', 'bias_init_method', 'bias_init_scale', 'bias_init_sigma', 'bias_init_value', 'linear_init_method', 'linear_init_scale', 'linear_init_sigma', 'linear_init_value', 'factors_init_method', 'factors_init_scale', 'factors_init_sigma', 'factors_init_value'],
    types: {
      int: ['num_factors', 'epochs'],
      str: ['predictor_type', 'bias_init_method', 'linear_init_method', 'factors_init_method'],
      float: ['clip_gradient', 'eps', 'rescale_grad', 'bias_lr', 'linear_lr', 'factors_lr', 'bias_wd', 'linear_wd', 'factors_wd', 'bias_init_scale', 'bias_init_sigma', 'bias_init_value', 'linear_init_scale', 'linear_init_sigma', 'linear_init_value', 'factors_init_scale', 'factors_init_sigma', 'factors_init_value'],
    },
  },
  RandomCutForest: {
    repository: 'randomcutforest',
    parameters: ['role', 'instance_count', 'instance_type', 'num_samples_per_tree', 'num_trees', 'eval_metrics'],
    types: { int: ['num_samples_per_tree', 'num_trees'], list: ['eval_metrics'] },
  },
  IPInsights: {
    repository: 'ipinsights',
    parameters: ['role', 'instance_count', 'instance_type', 'num_entity_vectors', 'vector_dim', 'batch_metrics_publish_interval', 'epochs', 'learning_rate', 'num_ip_encoder_layers', 'random_negative_sampling_rate', 'shuffled_negative_sampling_rate', 'weight_decay'],
    types: { int: ['num_entity_vectors', 'vector_dim', 'batch_metrics_publish_interval', 'epochs', 'num_ip_encoder_layers', 'random_negative_sampling_rate', 'shuffled_negative_sampling_rate'], float: ['learning_rate', 'weight_decay'] },
  },
  Object2Vec: {
    repository: 'object2vec',
    parameters: ['role', 'instance_count', 'instance_type', 'epochs', 'enc0_max_seq_len', 'enc0_vocab_size', 'enc_dim', 'mini_batch_size', 'early_stopping_patience', 'early_stopping_tolerance', 'dropout', 'weight_decay', 'bucket_width', 'num_classes', 'mlp_layers', 'mlp_dim', 'mlp_activation', 'output_layer', 'optimizer', 'learning_rate', 'negative_sampling_rate', 'comparator_list', 'tied_token_embedding_weight', 'token_embedding_storage_type', 'enc0_network', 'enc1_network', 'enc0_cnn_filter_width', 'enc1_cnn_filter_width', 'enc1_max_seq_len', 'enc0_token_embedding_dim', 'enc1_token_embedding_dim', 'enc1_vocab_size', 'enc0_layers', 'enc1_layers', 'enc0_freeze_pretrained_embedding', 'enc1_freeze_pretrained_embedding'],
    types: {
      int: ['epochs', 'enc0_max_seq_len', 'enc0_vocab_size', 'enc_dim', 'mini_batch_size', 'early_stopping_patience', 'bucket_width', 'num_classes', 'mlp_layers', 'mlp_dim', 'negative_sampling_rate', 'enc0_cnn_filter_width', 'enc1_cnn_filter_width', 'enc1_max_seq_len', 'enc0_token_embedding_dim', 'enc1_token_embedding_dim', 'enc1_vocab_size', 'enc0_layers', 'enc1_layers'],
      float: ['early_stopping_tolerance', 'dropout', 'weight_decay', 'learning_rate'],
      str: ['mlp_activation', 'output_layer', 'optimizer', 'comparator_list', 'token_embedding_storage_type', 'enc0_network', 'enc1_network'],
      bool: ['tied_token_embedding_weight', 'enc0_freeze_pretrained_embedding', 'enc1_freeze_pretrained_embedding'],
    },
  },
};

/** The data type of `keyword` on `estimator`, or undefined when it sets no hyperparameter (`role`, `output_path`). */
export function keywordDataType(estimator: AmazonEstimatorClass, keyword: string): SdkDataType | undefined {
  for (const [type, keywords] of Object.entries(estimator.types) as [SdkDataType, readonly string[]][]) {
    if (keywords.includes(keyword)) return type;
  }
  return undefined;
}

/** Modules the classes may be imported from: `sagemaker`, `sagemaker.amazon`, `sagemaker.amazon.kmeans`. */
const SAGEMAKER_MODULE = /^sagemaker(\.amazon(\.\w+)?)?$/;

/** How this file may name the classes: bare names bound by `from sagemaker… import`, and module aliases. */
export interface AmazonEstimatorNames {
  /** local name → class name (`from sagemaker import KMeans as KM`: `KM` → `KMeans`). */
  classes: Map<string, string>;
  /** Names bound to `sagemaker` modules (`import sagemaker as sm`, `from sagemaker.amazon import kmeans`). */
  modules: Set<string>;
}

/** The file's import statements (in functions and blocks too), read for the Amazon estimator classes and their modules. */
export function amazonEstimatorNames(text: string, imports: readonly SyntaxNode[]): AmazonEstimatorNames {
  const names: AmazonEstimatorNames = { classes: new Map(), modules: new Set() };
  for (const binding of importBindings(text, imports)) {
    if ('from' in binding) {
      if (!SAGEMAKER_MODULE.test(binding.from)) continue;
      if (Object.hasOwn(AMAZON_ESTIMATORS, binding.imported)) names.classes.set(binding.bound, binding.imported);
      else if (SAGEMAKER_MODULE.test(`${binding.from}.${binding.imported}`)) names.modules.add(binding.bound);
    } else if (SAGEMAKER_MODULE.test(binding.module)) {
      // `import sagemaker`, `import sagemaker.amazon.kmeans as km`
      names.modules.add(binding.bound);
    }
  }
  return names;
}

/** The class a call's callee names, when it is one of the Amazon estimators imported from `sagemaker`. */
export function amazonEstimatorOf(text: string, callee: { name: string; receiver?: SyntaxNode }, names: AmazonEstimatorNames): string | undefined {
  if (!callee.receiver) return names.classes.get(callee.name);
  if (!Object.hasOwn(AMAZON_ESTIMATORS, callee.name)) return undefined;
  const receiver = dottedName(text, callee.receiver);
  if (receiver === undefined) return undefined;
  const head = receiver.split('.')[0];
  return names.modules.has(receiver) || (names.modules.has(head) && SAGEMAKER_MODULE.test(receiver.replace(head, 'sagemaker'))) ? callee.name : undefined;
}

/**
 * The partial CreateTrainingJob of the Amazon estimator call `call` of class `className`:
 * AlgorithmSpecification (the image as `image_uris.retrieve(repo_name, …)` and `input_mode=`),
 * HyperParameters (its hyperparameter arguments by keyword name, values as sent), ResourceConfig
 * (`instance_type`, `instance_count`) and InputDataConfig from the one `fit(…)` on the name it is
 * bound to. Positional arguments count by the constructor's order; `**kwargs`, an attribute set
 * later (`kmeans.k = 10`) or an estimator not bound to a name leaves the hyperparameters open.
 */
export function amazonEstimatorRequest(
  values: PythonValues,
  scopes: PythonScopes,
  call: SyntaxNode,
  className: string,
  methodCalls: ReadonlyMap<string, readonly EstimatorMethodCall[]>,
): SpecDocument {
  const text = values.text;
  const estimator = AMAZON_ESTIMATORS[className];
  const argList = call.getChild('ArgList')!;
  const callee = calleeName(text, call)!;
  const calleeRange = { offset: callee.node.from, length: callee.node.to - callee.node.from };
  const root = syntheticObject(call.from, call.to - call.from, undefined);
  root.anchor = calleeRange;

  // The image is the class's: a dynamic node on the class name, known by framework.
  const specification = syntheticObject(call.from, call.to - call.from, undefined);
  const image: PythonNode = { type: 'null', value: null, ...calleeRange, dynamic: true };
  addMember(specification, 'TrainingImage', image);
  const callArgs = callArguments(text, argList);
  const renamed = renameEstimatorKeywords(callArgs.keywords); // `train_instance_type=…`: v1's name, still v2's EstimatorBase's
  const argument = (name: string): SyntaxNode | undefined => {
    const position = estimator.parameters.indexOf(name);
    return callArgs.keywords.get(name) ?? (position >= 0 ? callArgs.positional[position] : undefined);
  };
  const inputMode = callArgs.keywords.get('input_mode');
  if (inputMode) addMember(specification, 'TrainingInputMode', values.node(inputMode, undefined));
  addMember(root, 'AlgorithmSpecification', specification);

  // Hyperparameters: the call's own argument list, so a fix adds `name=…` to it.
  const written = values.keywordObject(argList, undefined, 0, 'call');
  const hyperparameters = syntheticObject(argList.from, argList.to - argList.from, undefined);
  hyperparameters.python = written.python;
  const boundName = boundNameOf(text, call);
  const openOtherwise = callArgs.unpacked || !boundName || attributeSetLater(text, boundName, estimator);
  if (openOtherwise) hyperparameters.openMembers = true;
  openForTuners(hyperparameters, tunersTaking((method) => methodCallsOn(text, scopes, call, boundName, methodCalls.get(method) ?? [])), openOtherwise);
  for (const keyword of estimator.parameters) {
    const type = keywordDataType(estimator, keyword);
    const syntax = argument(keyword);
    if (!type || !syntax) continue;
    const keyRange = callArgs.keywords.has(keyword) ? keywordRange(syntax) : { offset: syntax.from, length: 0 };
    addMember(hyperparameters, keyword, sdkValue(values, syntax, type), keyRange);
  }
  addMember(root, 'HyperParameters', hyperparameters, calleeRange);

  const resources = syntheticObject(call.from, call.to - call.from, undefined);
  for (const [keyword, member] of [['instance_type', 'InstanceType'], ['instance_count', 'InstanceCount']] as const) {
    const syntax = argument(keyword);
    if (syntax) addMember(resources, member, values.node(syntax, undefined));
  }
  addMember(root, 'ResourceConfig', resources);

  const fits = methodCallsOn(text, scopes, call, boundName, methodCalls.get('fit') ?? []);
  const channels = boundName && !fits.unknown && fits.own.length === 1 ? fitChannels(values, scopes, fits.own[0], 'records') : undefined;
  if (channels) addMember(root, 'InputDataConfig', channels, { offset: fits.own[0].callee.from, length: fits.own[0].callee.to - fits.own[0].callee.from });
  else addMember(root, 'InputDataConfig', { type: 'null', value: null, offset: call.from, length: 0, dynamic: true });

  return {
    text,
    root,
    parseErrors: [],
    kind: 'CreateTrainingJob',
    images: [{ value: image, usage: 'training', holder: specification, holderPath: ['AlgorithmSpecification'], retrieved: { framework: estimator.repository, version: undefined } }],
    host: 'python',
    sdkRequest: {
      amazonEstimator: { className },
      ...withArguments(sdkArgumentsOf(values, 'training', argument, renamed)),
      ...unwrittenSpotArguments(values, callee.node, argList, argument, !callArgs.unpacked),
    },
  };
}

/** The range of the keyword name before the value `syntax` (`k` of `k=10`). */
function keywordRange(syntax: SyntaxNode): { offset: number; length: number } {
  const name = syntax.prevSibling?.prevSibling;
  return name ? { offset: name.from, length: name.to - name.from } : { offset: syntax.from, length: 0 };
}

/** True when the file sets a hyperparameter attribute on the estimator's name (`kmeans.k = 10`). */
function attributeSetLater(text: string, boundName: string, estimator: AmazonEstimatorClass): boolean {
  const pattern = new RegExp(`(?:^|[^\\w.])${boundName.replace(/\W/g, '\\$&')}\\.(\\w+)\\s*=(?!=)`, 'gm');
  for (const match of text.matchAll(pattern)) if (keywordDataType(estimator, match[1]) !== undefined) return true;
  return false;
}

const INTEGER_TEXT = /^\s*[+-]?\d+(_\d+)*\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * The string the SDK sends for a keyword value: `str(data_type(value))` (`hp.__set__`, then
 * `serialize_all`), on a string node at the literal so fixes replace it. A value Python would
 * refuse to convert (`int("auto")`, which raises in the SDK) is judged as written, so the
 * finding says why; `None` (not sent) and anything not a literal are dynamic: never judged.
 */
export function sdkValue(values: PythonValues, syntax: SyntaxNode, type: SdkDataType): PythonNode {
  const value = values.node(syntax, undefined);
  const range = { offset: value.offset, length: value.length };
  const sent = (text: string | undefined): PythonNode =>
    text === undefined ? { type: 'null', value: null, ...range, dynamic: true } : { type: 'string', value: text, ...range, content: range };
  if (value.dynamic || value.type === 'null') return sent(undefined);
  const literal = values.text.slice(value.offset, value.offset + value.length);
  switch (type) {
    case 'int':
      if (value.type === 'number' && typeof value.value === 'number') return sent(Number.isFinite(value.value) ? String(Math.trunc(value.value)) : pythonNumberText(literal, value.value));
      if (value.type === 'boolean') return sent(value.value ? '1' : '0');
      if (value.type === 'string' && typeof value.value === 'string' && INTEGER_TEXT.test(value.value)) return sent(String(Number(value.value.replace(/_/g, ''))));
      break;
    case 'float':
      if (value.type === 'number' && typeof value.value === 'number') return sent(pythonNumberText('.', value.value));
      if (value.type === 'boolean') return sent(value.value ? '1.0' : '0.0');
      if (value.type === 'string' && typeof value.value === 'string' && FLOAT_TEXT.test(value.value)) return sent(pythonNumberText('.', Number(value.value)));
      break;
    case 'bool':
      // bool() of any literal: note that bool("false") is True.
      if (value.type === 'boolean') return sent(value.value ? 'True' : 'False');
      if (value.type === 'number') return sent(value.value === 0 ? 'False' : 'True');
      if (value.type === 'string') return sent(value.value === '' ? 'False' : 'True');
      if (value.type === 'array') return sent((value.children ?? []).length > 0 ? 'True' : 'False');
      return sent(undefined);
    case 'list':
      return sent(jsonList(values.text, value));
    default:
      break;
  }
  return sentValue(values.text, value);
}

/** `json.dumps(list(value))` of a list or tuple of literal strings and numbers, or of a string (its characters). */
function jsonList(text: string, value: PythonNode): string | undefined {
  if (value.type === 'string' && typeof value.value === 'string') return `[${[...value.value].map((item) => JSON.stringify(item)).join(', ')}]`;
  if (value.type !== 'array') return undefined;
  const items: string[] = [];
  for (const item of value.children ?? []) {
    const node = item as PythonNode;
    if (node.dynamic) return undefined;
    if (node.type === 'string' && typeof node.value === 'string') items.push(JSON.stringify(node.value));
    else if (node.type === 'number' && typeof node.value === 'number') {
      const number = pythonNumberText(text.slice(node.offset, node.offset + node.length), node.value);
      if (number === undefined) return undefined;
      items.push(number);
    } else if (node.type === 'boolean') items.push(node.value ? 'true' : 'false');
    else return undefined;
  }
  return `[${items.join(', ')}]`;
}
