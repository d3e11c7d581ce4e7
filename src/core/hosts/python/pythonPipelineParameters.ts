/**
 * SageMaker Pipelines parameters in SDK code: `ParameterString(name="TrainingInstanceType",
 * default_value="ml.m5.xlarge")` passed as an SDK argument (`instance_type=training_instance_type`)
 * is sent as `{"Get": "Parameters.TrainingInstanceType"}`, and a pipeline run without that
 * parameter takes its default. As the Pipelines host judges a parameter's `DefaultValue` against
 * the member it feeds (pipelineRequests.ts), the argument is judged through the default (its
 * stand-in) and its `enum_values` (its choices), each reported where it is written, with a note
 * naming the parameter.
 */
import type { Node } from 'jsonc-parser';
import { sdkArguments } from './pythonCallArguments';
import { importBindings } from './pythonImports';
import { isLocalInstanceType } from './pythonLocalMode';
import type { PythonScopes } from './pythonScopes';
import { calleeName, dottedName, type SyntaxNode } from './pythonSyntax';
import type { PythonNode, PythonValues } from './pythonValues';

/** The parameter classes (`sagemaker.workflow.parameters`) and their leading parameters, in order. */
const PARAMETER_CLASSES: Readonly<Record<string, readonly string[]>> = {
  ParameterString: ['name', 'default_value', 'enum_values'],
  ParameterInteger: ['name', 'default_value'],
  ParameterFloat: ['name', 'default_value'],
  ParameterBoolean: ['name', 'default_value'],
};

/** Modules that hold the parameter classes: `sagemaker.workflow.parameters`, `sagemaker.workflow` and v3's `sagemaker.<package>.workflow…`. */
const PARAMETERS_MODULE = /^sagemaker(\.\w+)?\.workflow(\.parameters)?$/;

/** What the file's imports bind the parameter classes to: class names, and module names (by the module each stands for). */
export interface PipelineParameterNames {
  classes: Map<string, string>;
  modules: Map<string, string>;
}

/** The names `imports` (import statements) bind to the parameter classes and to modules under `sagemaker`. */
export function pipelineParameterNames(text: string, imports: readonly SyntaxNode[]): PipelineParameterNames {
  const names: PipelineParameterNames = { classes: new Map(), modules: new Map() };
  for (const binding of importBindings(text, imports)) {
    if ('from' in binding) {
      if (PARAMETERS_MODULE.test(binding.from) && Object.hasOwn(PARAMETER_CLASSES, binding.imported)) names.classes.set(binding.bound, binding.imported);
      else if (/^sagemaker(\.|$)/.test(binding.from)) names.modules.set(binding.bound, `${binding.from}.${binding.imported}`);
    } else if (/^sagemaker(\.|$)/.test(binding.module)) {
      // `import sagemaker.workflow.parameters` binds `sagemaker`; with `as p`, `p` is the whole module.
      names.modules.set(binding.bound, binding.aliased ? binding.module : binding.bound);
    }
  }
  return names;
}

/** One parameter a value is: its name (for notes; undefined when not literal), its default and its enum values, read as values. */
interface PipelineParameter {
  name: string | undefined;
  defaultValue?: PythonNode;
  enumValues: PythonNode[];
}

/**
 * The pipeline parameter `syntax` is — a parameter class's call in place or a name bound once to
 * one — or undefined for anything else (and for a call whose arguments Python would refuse).
 */
function pipelineParameterOf(values: PythonValues, scopes: PythonScopes, names: PipelineParameterNames, syntax: SyntaxNode): PipelineParameter | undefined {
  const call = syntax.name === 'VariableName' ? scopes.resolve(syntax) : syntax;
  if (call?.name !== 'CallExpression') return undefined;
  const className = parameterClassOf(values.text, call, names);
  const argList = call.getChild('ArgList');
  if (!className || !argList) return undefined;
  const written = sdkArguments(values.text, argList, PARAMETER_CLASSES[className], scopes);
  const nameSyntax = written?.keywords.get('name');
  const name = nameSyntax && values.node(nameSyntax, undefined);
  if (!written) return undefined;
  const defaultSyntax = written.keywords.get('default_value');
  const defaultValue = defaultSyntax && values.node(defaultSyntax, undefined);
  const enumSyntax = written.keywords.get('enum_values');
  const enumList = enumSyntax && values.node(enumSyntax, undefined);
  const enumValues = enumList?.type === 'array' && !enumList.dynamic ? ((enumList.children ?? []) as PythonNode[]) : [];
  // `default_value=None` (or none written): a run must pass the parameter; nothing stands in.
  return { name: typeof name?.value === 'string' && !name.dynamic ? name.value : undefined, ...(defaultValue && !(defaultValue.type === 'null' && !defaultValue.dynamic) && { defaultValue }), enumValues };
}

/** The parameter class `call` constructs, when its callee is one imported from the SDK's workflow modules. */
function parameterClassOf(text: string, call: SyntaxNode, names: PipelineParameterNames): string | undefined {
  const callee = calleeName(text, call);
  if (!callee) return undefined;
  if (!callee.receiver) return names.classes.get(callee.name);
  if (!Object.hasOwn(PARAMETER_CLASSES, callee.name)) return undefined;
  const receiver = dottedName(text, callee.receiver);
  const head = receiver?.split('.')[0];
  const module = head !== undefined ? names.modules.get(head) : undefined;
  return module !== undefined && PARAMETERS_MODULE.test(`${module}${receiver!.slice(head!.length)}`) ? callee.name : undefined;
}

/**
 * The value of an SDK argument written as `syntax`: a pipeline parameter's is a dynamic value
 * (`value`) whose default stands in for it and whose enum values are its choices, with the
 * notes a finding on each gets; any other is `value` as it is. A local-mode default
 * (`"local"`) stands in for nothing: the SDK sends no request with it.
 */
export function withPipelineParameter(
  values: PythonValues,
  scopes: PythonScopes,
  names: PipelineParameterNames | undefined,
  syntax: SyntaxNode,
  value: PythonNode,
): { value: PythonNode; notes?: { node: Node; note: string }[] } {
  if (!names || !value.dynamic || (names.classes.size === 0 && names.modules.size === 0)) return { value };
  const parameter = pipelineParameterOf(values, scopes, names, syntax);
  if (!parameter) return { value };
  const marked: PythonNode = values.dynamic(syntax, undefined);
  const notes: { node: Node; note: string }[] = [];
  const named = parameter.name !== undefined ? `pipeline parameter "${parameter.name}"` : 'a pipeline parameter';
  const { defaultValue } = parameter;
  if (defaultValue && !isLocalInstanceType(defaultValue)) {
    marked.standIn = defaultValue;
    notes.push({ node: defaultValue, note: `the default_value of ${named}` });
  }
  const choices = parameter.enumValues.filter((choice) => !isLocalInstanceType(choice));
  if (choices.length > 0) {
    marked.choices = choices;
    for (const choice of choices) notes.push({ node: choice, note: `an enum_values item of ${named}` });
  }
  return notes.length > 0 ? { value: marked, notes } : { value };
}

