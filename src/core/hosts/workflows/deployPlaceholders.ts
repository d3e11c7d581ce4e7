/**
 * A state machine file read on its own (`*.asl.json`, `*.asl.yaml`, or JSON or YAML with
 * `StartAt` and `States`) is deployed by a tool that fills in `${Name}` before Step Functions
 * reads the definition: SAM's `DefinitionUri` and CloudFormation's `DefinitionS3Location`, each
 * with `DefinitionSubstitutions`, and the CDK's `definitionSubstitutions`. Step Functions itself
 * gives `${…}` no meaning (its expressions are `$.x`, `States.…(…)` and `{% … %}`), so in such a
 * file's strings `${Name}` is that substitution's placeholder: the file's own grammar, read as
 * the template host reads `DefinitionSubstitutions` in a `Definition` (definitionSubstitutions.ts)
 * — dynamic, the static text around it still checked as a template.
 *
 * The file does not say which names its deployment substitutes (the template that does is
 * another file, and hosts read one document): every `${Name}` counts.
 */
import type { Node } from 'jsonc-parser';
import { markDefinitionSubstitutions } from '../cloudFormation/definitionSubstitutions';

/** A `DefinitionSubstitutions` key: letters, digits and underscores (`TrainingRoleArn`, `xgb_image`). */
const SUBSTITUTION_NAME = /^[A-Za-z0-9_]+$/;

/**
 * Marks the strings of the state machine `root` (a tree of `text`, JSON or YAML) that hold a
 * `${Name}` placeholder as dynamic templates. In place; a text without `${` is not walked.
 */
export function markDeployPlaceholders(text: string, root: Node): void {
  if (!text.includes('${')) return;
  markDefinitionSubstitutions(text, root, (name) => SUBSTITUTION_NAME.test(name));
}
