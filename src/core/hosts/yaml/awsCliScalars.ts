/**
 * How the AWS CLI v2 reads a plain YAML scalar of `--cli-input-yaml`: ruamel.yaml's safe loader
 * (`YAML(typ='safe', pure=True)` in awscli/customizations/cliinput.py), whose resolver is YAML
 * 1.2's with YAML 1.1's leftovers — `1_000`, `0b101`, `-0x1F` are numbers, dates are dates,
 * a plain `=` or `<<` cannot be read at all — and YAML 1.1's whole resolver in a document that
 * says `%YAML 1.1`. Checked against /usr/bin/aws 2.9 (ruamel.yaml 0.17) by
 * test/unit/awsCliYamlParity.test.ts; the regular expressions are ruamel's (resolver.py), tried
 * in its order for the scalar's first character, as it does.
 */

/** The AWS CLI's value for a plain scalar. */
export type AwsCliScalar =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  /** A `datetime.date` or `datetime.datetime`: no request member takes one. */
  | { type: 'date' }
  /** The loader fails on it (`=`, `<<` as a value, `0x_`, `2024-13-01`): the CLI refuses the whole input. */
  | { type: 'unreadable' };

/** The YAML version ruamel.yaml reads a document with: 1.1 only under a `%YAML 1.1` directive. */
export type AwsCliYamlVersion = '1.1' | '1.2';

const BOOLEAN_12 = /^(?:true|True|TRUE|false|False|FALSE)$/;
const BOOLEAN_11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE_11 = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FLOAT_12 = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_11 = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_12 = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const INT_11 = /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP = /^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** First characters for which ruamel.yaml tries a resolver at all; any other plain scalar is a string. */
const RESOLVED_FIRST = new Set('-+.0123456789~nNtTfF<=yYoO'.split(''));

/**
 * The AWS CLI's value for the plain scalar written `source` (one line, as in the file) in a
 * document of YAML `version`.
 */
export function awsCliPlainScalar(source: string, version: AwsCliYamlVersion = '1.2'): AwsCliScalar {
  if (source === '') return { type: 'null' };
  if (!RESOLVED_FIRST.has(source[0])) return { type: 'string', value: source };
  const v11 = version === '1.1';
  if ((v11 ? BOOLEAN_11 : BOOLEAN_12).test(source)) return { type: 'boolean', value: v11 ? TRUE_11.test(source) : source[0] === 't' || source[0] === 'T' };
  if ((v11 ? FLOAT_11 : FLOAT_12).test(source)) return { type: 'number', value: floatValue(source, v11) };
  if ((v11 ? INT_11 : INT_12).test(source)) return intValue(source, v11);
  if (source === '<<' || source === '=') return { type: 'unreadable' };
  if (NULL.test(source)) return { type: 'null' };
  const timestamp = TIMESTAMP.exec(source);
  if (timestamp) {
    const [year, month, day] = (timestamp[1] ? timestamp.slice(1, 4) : timestamp.slice(4, 7)).map(Number);
    // Python's datetime refuses a day that does not exist, and the load fails with it.
    const date = new Date(Date.UTC(year, month - 1, day));
    const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    const time = timestamp[7] === undefined || (Number(timestamp[7]) < 24 && Number(timestamp[8]) < 60 && Number(timestamp[9]) < 60);
    return exists && year >= 1 && time ? { type: 'date' } : { type: 'unreadable' };
  }
  return { type: 'string', value: source };
}

/** ruamel.yaml's construct_yaml_float: `_` dropped, `.inf`/`.nan`, YAML 1.1's base 60. */
function floatValue(source: string, v11: boolean): number {
  let text = source.replace(/_/g, '').toLowerCase();
  const sign = text[0] === '-' ? -1 : 1;
  if (text[0] === '-' || text[0] === '+') text = text.slice(1);
  if (text === '.inf') return sign * Infinity;
  if (text === '.nan') return NaN;
  if (v11 && text.includes(':')) return sign * text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return sign * Number(text);
}

/** ruamel.yaml's construct_yaml_int: `_` dropped, `0b`/`0x`/`0o`, YAML 1.1's leading-zero octal and base 60. */
function intValue(source: string, v11: boolean): AwsCliScalar {
  let text = source.replace(/_/g, '');
  const sign = text[0] === '-' ? -1 : 1;
  if (text[0] === '-' || text[0] === '+') text = text.slice(1);
  const parsed = (digits: string, radix: number): AwsCliScalar => {
    // Python's int('') fails: `0x_`, `0b_` and a lone sign cannot be read.
    if (digits === '') return { type: 'unreadable' };
    return { type: 'number', value: sign * parseInt(digits, radix) };
  };
  if (text === '0') return { type: 'number', value: 0 };
  if (text.startsWith('0b')) return parsed(text.slice(2), 2);
  if (text.startsWith('0x')) return parsed(text.slice(2), 16);
  if (text.startsWith('0o')) return parsed(text.slice(2), 8);
  if (v11 && text[0] === '0') return parsed(text, 8);
  if (v11 && text.includes(':')) return { type: 'number', value: sign * text.split(':').reduce((total, part) => total * 60 + Number(part), 0) };
  return parsed(text, 10);
}
