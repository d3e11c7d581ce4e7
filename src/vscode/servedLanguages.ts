/**
 * The VS Code language ids whose documents the extension serves, by host. One list for the
 * providers' document selectors, the document reader and (by a unit test) the manifest's
 * activation events. No `vscode` import: the manifest test reads it in plain mocha.
 */

/** JSON specs, workflows and templates; `asl` is the AWS Toolkit's language for `.asl.json` state machines. */
export const JSON_LANGUAGE_IDS: readonly string[] = ['json', 'jsonc', 'asl'];
/** AWS CLI YAML input, CloudFormation and SAM templates, state machines; `asl-yaml` is the AWS Toolkit's language for `.asl.yaml`. */
export const YAML_LANGUAGE_IDS: readonly string[] = ['yaml', 'asl-yaml'];
export const PYTHON_LANGUAGE_IDS: readonly string[] = ['python'];
export const DOCKERFILE_LANGUAGE_ID = 'dockerfile';

/** Every language served (notebooks are served by notebook type besides). */
export const SERVED_LANGUAGE_IDS: readonly string[] = [...JSON_LANGUAGE_IDS, ...YAML_LANGUAGE_IDS, ...PYTHON_LANGUAGE_IDS, DOCKERFILE_LANGUAGE_ID];
