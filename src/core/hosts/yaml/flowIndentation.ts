/**
 * Flow collections (`{ … }`, `[ … ]`) whose lines are indented less than YAML 1.2 asks, as every
 * reader of our YAML hosts accepts them. The readers that matter — CloudFormation, the SAM CLI,
 * `aws cloudformation package`, cfn-lint (PyYAML) and the AWS CLI v2's `--cli-input-yaml`
 * (ruamel.yaml) — ignore indentation inside a flow collection, so a JSON policy pasted into a
 * template with its closing `}` under the key deploys. The `yaml` package follows the
 * specification and ends the collection at the first line indented at or below its key, which
 * reported `invalid-yaml` on such templates and lost every request after it.
 *
 * The `yaml` package's lexer is used as it is, with one check switched off: while it reads a
 * flow collection, the indentation its lines need (`indentNext`) is zero, as in those readers.
 * `---` and `...` at the start of a line still end the document, as they do there.
 */
import type { Lexer } from 'yaml';

type YamlModule = typeof import('yaml');

/** The lexer internals the override touches (private in the package's types). */
interface LexerInternals {
  indentNext: number;
  parseFlowCollection: (this: LexerInternals) => Generator<string, string>;
}

/**
 * A `yaml` Lexer that reads flow collections whatever their lines' indentation, or undefined when
 * the installed `yaml` no longer has the internals this relies on (then the strict reading stands;
 * the unit tests of this file fail on such an upgrade).
 */
export function flowIndentationLenientLexer(yaml: YamlModule): Lexer | undefined {
  const lexer = new yaml.Lexer();
  const internals = lexer as unknown as LexerInternals;
  const strict = internals.parseFlowCollection;
  if (typeof strict !== 'function' || typeof internals.indentNext !== 'number') return undefined;
  internals.parseFlowCollection = function* (this: LexerInternals) {
    const indentNext = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* strict.call(this);
    } finally {
      // Nothing inside a flow collection sets it: the block around it needs its own back.
      this.indentNext = indentNext;
    }
  };
  return lexer;
}
