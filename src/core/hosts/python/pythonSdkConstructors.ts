/**
 * SageMaker Python SDK (v2) classes given no image whose constructor's arguments the SDK sends
 * unchanged in a request, as an estimator's `deploy(…)` and `register(…)` send theirs:
 * - `Transformer(model_name, instance_count, instance_type, …)` (`sagemaker.transformer`): its
 *   `transform(…)` writes CreateTransformJob's `TransformResources` from them
 *   (`_TransformJob._load_config`), as `model.transformer(…)` does;
 * - `RegisterModel(name, content_types, response_types, inference_instances, transform_instances, …)`
 *   (`sagemaker.workflow.step_collections`): the Pipelines step sends the lists in
 *   CreateModelPackage's `InferenceSpecification`, as `model.register(…)` does.
 *
 * The names are common (`torch.nn.Transformer(d_model, nhead, …)`), so a call is read only when
 * the class is imported from its SageMaker module (or named through it, `sagemaker.transformer.Transformer`).
 */
import { importBindings } from './pythonImports';
import type { SdkJob } from './pythonSdkArguments';
import { dottedName, type SyntaxNode } from './pythonSyntax';

interface SdkConstructor {
  /** The modules that define the class: v2's, and v3's package for it. */
  module: RegExp;
  job: SdkJob;
  /** The constructor's leading parameters in order (the same in every v2 release that has the class). */
  positional: readonly string[];
}

export const SDK_CONSTRUCTORS: Readonly<Record<string, SdkConstructor>> = {
  Transformer: { module: /^sagemaker(\.core)?\.transformer$/, job: 'transform', positional: ['model_name', 'instance_count', 'instance_type'] },
  // The two lists are required in v2.50 and optional by v2.257; their places did not move.
  RegisterModel: {
    module: /^sagemaker(\.mlops)?\.workflow\.step_collections$/,
    job: 'modelPackage',
    positional: ['name', 'content_types', 'response_types', 'inference_instances', 'transform_instances'],
  },
};

/** How this file may name the classes: names bound to a class (`as` included), and the (dotted) names of modules that define one, with the module. */
export interface SdkConstructorNames {
  classes: Map<string, string>;
  modules: Map<string, string>;
}

/** The file's imports (in functions and blocks too), read for SDK_CONSTRUCTORS' names. */
export function sdkConstructorNames(text: string, imports: readonly SyntaxNode[]): SdkConstructorNames {
  const names: SdkConstructorNames = { classes: new Map(), modules: new Map() };
  const isModule = (module: string) => Object.values(SDK_CONSTRUCTORS).some((constructor) => constructor.module.test(module));
  for (const binding of importBindings(text, imports)) {
    if ('from' in binding) {
      const constructor = Object.hasOwn(SDK_CONSTRUCTORS, binding.imported) ? SDK_CONSTRUCTORS[binding.imported] : undefined;
      if (constructor?.module.test(binding.from)) names.classes.set(binding.bound, binding.imported);
      // `from sagemaker import transformer` → `transformer.Transformer(…)`
      else if (isModule(`${binding.from}.${binding.imported}`)) names.modules.set(binding.bound, `${binding.from}.${binding.imported}`);
    } else if (isModule(binding.module)) {
      // `import sagemaker.transformer as t` names it `t`; without `as`, calls name the dotted module.
      names.modules.set(binding.aliased ? binding.bound : binding.module, binding.module);
    }
  }
  return names;
}

/** The SDK_CONSTRUCTORS class a call's callee names, when the file imports it from its SageMaker module. */
export function sdkConstructorOf(text: string, callee: { name: string; receiver?: SyntaxNode }, names: SdkConstructorNames): string | undefined {
  if (!callee.receiver) return names.classes.get(callee.name);
  if (!Object.hasOwn(SDK_CONSTRUCTORS, callee.name)) return undefined;
  const receiver = dottedName(text, callee.receiver);
  const module = receiver !== undefined ? names.modules.get(receiver) : undefined;
  return module !== undefined && SDK_CONSTRUCTORS[callee.name].module.test(module) ? callee.name : undefined;
}
