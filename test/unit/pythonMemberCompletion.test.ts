// Member-name and value completion and hover in Python boto3 requests: keyword names in the call,
// member names in request dicts (in place or bound to a name), enum values and booleans, half-typed
// text, and nothing outside request structures.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/findings';
import { readPythonDocument } from '../../src/core/hostDocument';
import { completePythonMembers } from '../../src/core/hosts/python/pythonMemberCompletion';
import { hoverInPython } from '../../src/core/hosts/python/pythonMemberHover';
import { NotebookText } from '../../src/core/hosts/notebook/notebookText';
import { errorNodeCount } from '../../src/core/hosts/python/pythonSyntax';
import type { CompletionResult } from '../../src/core/completion';
import { algorithms, apiModel, catalog, XGBOOST_US_EAST_1 } from './specTestKit';
import { example } from './cliTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** Completion at the `|` of a Python text. */
function complete(textWithCursor: string): CompletionResult | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completePythonMembers(readPythonDocument(text), offset, { catalog, apiModel, algorithms, regionInputs: { env: {} } });
}

const labels = (textWithCursor: string) => complete(textWithCursor)?.items.map((item) => item.label);

/** The text after accepting `label` at the `|`, and the same with the snippet filled as the editor does on Tab (first choice, default, nothing). */
function accept(textWithCursor: string, label: string): { text: string; filled: string } {
  const item = complete(textWithCursor)?.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label} in ${labels(textWithCursor)?.slice(0, 5).join(', ')}`);
  const text = applyEdits(textWithCursor.replace('|', ''), [item.edit]);
  const filled = item.snippet ? text.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g, (_, choice?: string, value?: string) => choice ?? value ?? '') : text;
  return { text, filled };
}

function hover(textWithCursor: string): string | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return hoverInPython(readPythonDocument(text), offset, catalog, apiModel, algorithms)?.markdown;
}


/** A boto3 CreateTrainingJob call with `lines` as its arguments (four spaces in). */
function training(lines: string[], quote = '"'): string {
  return [`import boto3`, '', `sm = boto3.client(${quote}sagemaker${quote})`, 'sm.create_training_job(', ...lines.map((line) => `    ${line}`), ')', ''].join('\n');
}

const NAME = 'TrainingJobName="demo",';

describe('Python keyword-name completion in boto3 calls', () => {
  it('offers the request members on a new argument line: required first, written ones left out, inserted as `Name=` with a value placeholder', () => {
    const text = training([NAME, '|']);
    const result = complete(text)!;
    assert.equal(result.typed, '');
    const names = result.items.map((item) => item.label);
    // The model requires RoleArn and OutputDataConfig (besides the name); the optional ones follow by name.
    assert.deepEqual(names.slice(0, 4), ['RoleArn', 'OutputDataConfig', 'AlgorithmSpecification', 'CheckpointConfig']);
    assert.ok(!names.includes('TrainingJobName'), 'already written');
    assert.equal(result.items[0].detail, 'required · string');
    assert.equal(result.items[2].detail, 'optional · object');
    const offset = text.indexOf('|');
    assert.deepEqual(result.items[0].edit, { offset, length: 0, newText: 'RoleArn="$1"' });
    assert.equal(result.items.find((item) => item.label === 'EnableNetworkIsolation')!.edit.newText, 'EnableNetworkIsolation=${1|True,False|}');
    assert.equal(result.items[2].edit.newText, 'AlgorithmSpecification={$1}');
    assert.equal(result.items.find((item) => item.label === 'InputDataConfig')!.edit.newText, 'InputDataConfig=[$1]');
  });

  it('replaces a half-typed keyword and keeps the call valid Python', () => {
    const text = training([NAME, 'Ro|']);
    const result = complete(text)!;
    assert.equal(result.typed, 'Ro');
    const { filled } = accept(text, 'RoleArn');
    assert.equal(filled, training([NAME, 'RoleArn=""']));
    assert.equal(errorNodeCount(filled), 0);
  });

  it('adds a comma when another argument follows on the next line', () => {
    const { filled } = accept(training(['Ro|', NAME]), 'RoleArn');
    assert.equal(filled, training(['RoleArn="",', NAME]));
    assert.equal(errorNodeCount(filled), 0);
  });

  it('completes in a call still being written (no closing parenthesis yet) and on one line', () => {
    const open = ['import boto3', 'sm = boto3.client("sagemaker")', 'sm.create_training_job(TrainingJobName="demo", Ro|'].join('\n');
    assert.ok(labels(open)?.includes('RoleArn'));
    assert.equal(labels('import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(|)\n')?.[0], 'ModelName');
  });

  it('renames a keyword that already has its `=`: only the name is replaced', () => {
    const text = training([NAME, 'RoleAr|="x",']);
    const item = complete(text)!.items.find((candidate) => candidate.label === 'RoleArn')!;
    assert.equal(item.snippet, undefined);
    assert.deepEqual(item.edit, { offset: text.indexOf('RoleAr|'), length: 'RoleAr'.length, newText: 'RoleArn' });
  });
});

describe('Python member-name completion in request dicts', () => {
  it('completes a key typed in an open string, in its quotes, with the enum choices inline', () => {
    const text = training([NAME, 'AlgorithmSpecification={"Trai|'], '"');
    const result = complete(text)!;
    assert.equal(result.typed, 'Trai');
    assert.equal(result.items[0].label, 'TrainingInputMode');
    assert.equal(result.items[0].filterText, '"TrainingInputMode"');
    const start = text.indexOf('"Trai|');
    assert.deepEqual(result.items[0].edit, { offset: start, length: '"Trai'.length, newText: '"TrainingInputMode": "${1|Pipe,File,FastFile|}"' });
    assert.equal(accept(text, 'TrainingInputMode').filled, training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "Pipe"'], '"'));
  });

  it('completes a closed key string and keeps single quotes when the key uses them', () => {
    const text = training([NAME, "AlgorithmSpecification={'TrainingImage': 'x', 'Trai|'},"], "'");
    const { filled } = accept(text, 'TrainingInputMode');
    assert.equal(filled, training([NAME, "AlgorithmSpecification={'TrainingImage': 'x', 'TrainingInputMode': 'Pipe'},"], "'"));
    assert.ok(!labels(text)!.includes('TrainingImage'), 'already written');
    assert.equal(errorNodeCount(filled), 0);
  });

  it('completes in an empty dict and on a new line after a trailing comma, in the file\'s quote style', () => {
    const empty = training([NAME, 'ResourceConfig={|},']);
    assert.deepEqual(labels(empty)?.slice(0, 3), ['InstanceCount', 'InstanceGroups', 'InstancePlacementConfig']);
    assert.equal(accept(empty, 'InstanceCount').filled, training([NAME, 'ResourceConfig={"InstanceCount": 0},']));
    const single = training(['TrainingJobName=\'demo\',', 'ResourceConfig={', "    'InstanceType': 'ml.m5.xlarge',", '    |', '},'], "'");
    const { filled } = accept(single, 'InstanceCount');
    assert.equal(filled, training(['TrainingJobName=\'demo\',', 'ResourceConfig={', "    'InstanceType': 'ml.m5.xlarge',", "    'InstanceCount': 0", '},'], "'"));
    assert.ok(!labels(single)!.includes('InstanceType'));
    assert.equal(errorNodeCount(filled), 0);
  });

  it('completes in a list of structures (Tags, InputDataConfig items) and in nested structures', () => {
    assert.deepEqual(labels(training([NAME, 'Tags=[{"K|"}],'])), ['Key', 'Value']);
    assert.equal(labels(training([NAME, 'InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"|"}}}],']))?.[0], 'S3DataType');
  });

  it('completes in a dict bound once to a name and passed as the argument', () => {
    const text = ['import boto3', 'sm = boto3.client("sagemaker")', 'spec = {"TrainingImage": "x", "|"}', 'sm.create_training_job(TrainingJobName="demo", AlgorithmSpecification=spec)', ''].join('\n');
    assert.equal(labels(text)?.[0], 'TrainingInputMode');
  });

  it('renames a key that already has its `:` in place', () => {
    const text = training([NAME, 'AlgorithmSpecification={"TrainingInputMod|": "File"},']);
    const item = complete(text)!.items.find((candidate) => candidate.label === 'TrainingInputMode')!;
    assert.deepEqual(item.edit, { offset: text.indexOf('TrainingInputMod|'), length: 'TrainingInputMod'.length, newText: 'TrainingInputMode' });
  });
});

describe('Python hyperparameter-name completion in a built-in algorithm job', () => {
  it('offers the algorithm\'s hyperparameter names in HyperParameters, required first, written ones left out, values as strings', () => {
    const text = training([NAME, `AlgorithmSpecification={"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File"},`, 'HyperParameters={"max_depth": "5", "|"},']);
    const result = complete(text)!;
    assert.equal(result.items[0].label, 'num_round');
    assert.match(result.items[0].detail!, /^required · /);
    assert.ok(!result.items.some((item) => item.label === 'max_depth'));
    assert.ok(result.items.some((item) => item.label === 'eta'));
    const { filled } = accept(text, 'num_round');
    assert.equal(filled, training([NAME, `AlgorithmSpecification={"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File"},`, 'HyperParameters={"max_depth": "5", "num_round": ""},']));
  });
});

describe('Python value completion in a built-in algorithm job', () => {
  const algorithm = `AlgorithmSpecification={"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File"},`;

  it('offers a hyperparameter\'s allowed values inside its string, and after `: ` as a quoted string', () => {
    const inString = training([NAME, algorithm, 'HyperParameters={"num_round": "100", "objective": "binary:lo|"},']);
    assert.ok(labels(inString)!.includes('binary:logistic'));
    assert.equal(accept(inString, 'binary:logistic').text, training([NAME, algorithm, 'HyperParameters={"num_round": "100", "objective": "binary:logistic"},']));
    const bare = training([NAME, algorithm, 'HyperParameters={"num_round": "100", "tree_method": |},']);
    assert.equal(accept(bare, 'hist').text, training([NAME, algorithm, 'HyperParameters={"num_round": "100", "tree_method": "hist"},']));
  });

  it('offers the algorithm\'s channel names and a channel\'s content types', () => {
    const channel = (member: string) => training([NAME, algorithm, `InputDataConfig=[{${member}}],`]);
    assert.deepEqual(labels(channel('"ChannelName": "|"'))!.slice().sort(), Object.keys(algorithms.data.algorithms['sagemaker-xgboost'].channels).sort());
    assert.ok(labels(channel('"ChannelName": "train", "ContentType": "text/|"'))!.includes('text/csv'));
  });

  it('offers nothing for a hyperparameter without a list of values (a number)', () => {
    assert.equal(complete(training([NAME, algorithm, 'HyperParameters={"num_round": "|"},'])), undefined);
  });
});

describe('Python value completion in boto3 requests', () => {
  it('offers enum values inside a string value, replacing its content', () => {
    const text = training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "F|"},']);
    const result = complete(text)!;
    assert.deepEqual(result.items.map((item) => item.label), ['Pipe', 'File', 'FastFile']);
    assert.deepEqual(result.items[1].edit, { offset: text.indexOf('F|"'), length: 1, newText: 'File' });
  });

  it('offers enum values in an open string and after `: ` as quoted strings, booleans as True/False', () => {
    const open = training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "Fi|']);
    assert.equal(accept(open, 'File').text, training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "File']));
    const empty = training([NAME, 'AlgorithmSpecification={"TrainingInputMode": |},']);
    assert.equal(accept(empty, 'FastFile').text, training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "FastFile"},']));
    const colon = training([NAME, 'AlgorithmSpecification={"TrainingInputMode":|},']);
    assert.equal(accept(colon, 'File').text, training([NAME, 'AlgorithmSpecification={"TrainingInputMode": "File"},']));
    const flag = training([NAME, 'EnableNetworkIsolation=Tr|,']);
    assert.deepEqual(labels(flag), ['True', 'False']);
    assert.equal(accept(flag, 'True').text, training([NAME, 'EnableNetworkIsolation=True,']));
  });

  it('offers values once the typed value holds a dot or digits, replacing the whole value as JSON does', () => {
    const count = apiModel.shapeAt('CreateTrainingJob', ['ResourceConfig', 'InstanceType'])!;
    assert.equal(count.type, 'string');
    const instanceTypes = count.type === 'string' ? count.enum!.length : 0;
    for (const typed of ['ml.', 'ml.m5', 'ml.m5.xlarge', 'ml.g4dn.12x']) {
      const text = training([NAME, `ResourceConfig={"InstanceType": "${typed}|", "InstanceCount": 1},`]);
      const result = complete(text)!;
      assert.ok(result, typed);
      assert.equal(result.typed, typed);
      assert.equal(result.items.length, instanceTypes, typed);
      const item = result.items.find((candidate) => candidate.label === 'ml.m5.2xlarge')!;
      assert.deepEqual(item.edit, { offset: text.indexOf(`${typed}|`), length: typed.length, newText: 'ml.m5.2xlarge' });
      assert.equal(accept(text, 'ml.m5.2xlarge').text, training([NAME, 'ResourceConfig={"InstanceType": "ml.m5.2xlarge", "InstanceCount": 1},']));
    }
    // The cursor inside the value: the rest after it is replaced too; in an open string, up to the end of the value.
    assert.equal(accept(training([NAME, 'ResourceConfig={"InstanceType": "ml.m5|.xlarge"},']), 'ml.c5.xlarge').text, training([NAME, 'ResourceConfig={"InstanceType": "ml.c5.xlarge"},']));
    assert.equal(accept(training([NAME, "ResourceConfig={'InstanceType': 'ml.m|5.x"]), 'ml.c5.xlarge').text, training([NAME, "ResourceConfig={'InstanceType': 'ml.c5.xlarge"]));
    // A keyword's string value and a dict in a list (ProductionVariants) alike.
    const keyword = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_transform_job(TransformJobName="t", BatchStrategy="Multi.R|")\n';
    assert.equal(accept(keyword, 'MultiRecord').text, keyword.replace('Multi.R|', 'MultiRecord'));
    const variant = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="e", ProductionVariants=[{"VariantName": "v", "InstanceType": "ml.g5.|"}])\n';
    assert.ok(labels(variant)!.includes('ml.g5.xlarge'));
    assert.equal(accept(variant, 'ml.g5.xlarge').text, variant.replace('ml.g5.|', 'ml.g5.xlarge'));
  });

  it('still offers nothing after a dot or digit outside strings (`sm.cre`, `3x`)', () => {
    assert.equal(complete('import boto3\nsm = boto3.client("sagemaker")\nsm.cre|\n'), undefined);
    assert.equal(complete(training([NAME, 'sm.Ro|'])), undefined);
    assert.equal(complete(training([NAME, 'ResourceConfig={"InstanceCount": 3x|},'])), undefined);
  });
});

describe('Python member completion and hover in notebook cells', () => {
  it('completes a dict in one cell that a boto3 call in a later cell passes, the edit landing in that cell', () => {
    const notebook = new NotebookText([
      { kind: 'code', text: 'import boto3\nsm = boto3.client("sagemaker")' },
      { kind: 'markdown', text: '# Training' },
      { kind: 'code', text: 'spec = {"TrainingImage": "x", "Trai"}' },
      { kind: 'code', text: 'sm.create_training_job(TrainingJobName="demo", AlgorithmSpecification=spec)' },
    ]);
    const offset = notebook.text.indexOf('"Trai"') + '"Trai'.length;
    const document = readPythonDocument(notebook.text);
    const item = completePythonMembers(document, offset, { catalog, apiModel, regionInputs: { env: {} } })!.items[0];
    assert.equal(item.label, 'TrainingInputMode');
    assert.deepEqual(notebook.rangeInCell(item.edit.offset, item.edit.length), { cell: 2, offset: 'spec = {"TrainingImage": "x", '.length, length: '"Trai"'.length });
    const hovered = hoverInPython(document, notebook.text.indexOf('TrainingImage'), catalog, apiModel)!;
    assert.match(hovered.markdown, /^\*\*TrainingImage\*\* · optional · a string/);
  });
});

describe('Python completion offers nothing outside request structures', () => {
  it('not in an unrelated dict or call, not in an SDK estimator\'s arguments, not in a map or free-form string', () => {
    assert.equal(complete('import boto3\nconfig = {"Trai|"}\n'), undefined);
    assert.equal(complete('import boto3\nprint(Ro|)\n'), undefined);
    assert.equal(complete(`from sagemaker.estimator import Estimator\nEstimator(image_uri="${XGBOOST_US_EAST_1}:1.7-1", ro|)\n`), undefined);
    assert.equal(complete(training([NAME, 'HyperParameters={"|"},'])), undefined, 'a map of no built-in algorithm');
    assert.equal(complete(training([NAME, `RoleArn="${ROLE}|",`])), undefined);
    assert.equal(complete(training([NAME, '# Ro|'])), undefined);
    assert.equal(complete(training([NAME, 'RoleArn=f"{Ro|}",'])), undefined);
    // Another service's create_model is not SageMaker's.
    assert.equal(complete('import boto3\ncomprehend = boto3.client("comprehend")\ncomprehend.create_endpoint(EndpointName="x", |)\n'), undefined);
  });
});

describe('Python hover on boto3 request members', () => {
  it('describes a keyword argument and a dict key from the API model', () => {
    const keyword = hover(training([NAME, 'Role|Arn="x",']))!;
    assert.match(keyword, /^\*\*RoleArn\*\* · required · a string/);
    const key = hover(training([NAME, 'AlgorithmSpecification={"TrainingInput|Mode": "File"},']))!;
    assert.match(key, /^\*\*TrainingInputMode\*\* · required · /);
    assert.match(key, /One of: `Pipe`, `File`, `FastFile`/);
  });

  it('describes a key of a dict bound to a name, and nothing outside requests', () => {
    const named = ['import boto3', 'sm = boto3.client("sagemaker")', 'resources = {"Instance|Count": 1}', 'sm.create_training_job(TrainingJobName="demo", ResourceConfig=resources)', ''].join('\n');
    assert.match(hover(named)!, /^\*\*InstanceCount\*\* · optional · an integer/);
    assert.equal(hover('import boto3\nconfig = {"Instance|Count": 1}\n'), undefined);
  });

  it('describes a built-in algorithm\'s hyperparameter in HyperParameters as JSON does', () => {
    const text = training([NAME, `AlgorithmSpecification={"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File"},`, 'HyperParameters={"max_de|pth": "5"},']);
    assert.match(hover(text)!, /^\*\*max\\_depth\*\* — XGBoost 1\\.7\\-1 hyperparameter\n\noptional · an integer/);
  });
});

/** Offsets a cursor is likely at: each line's start, end and middle, and after every bracket, quote, comma, colon and `=`. */
function cursorOffsets(text: string): number[] {
  const offsets = new Set<number>([text.length]);
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') offsets.add(index).add(index + 1);
    if (/[({[\]})"',:= ]/.test(text[index])) offsets.add(index + 1);
  }
  return [...offsets];
}

/** Half-typed and odd boto3 calls: unbalanced brackets and quotes, triple quotes, `**`, comments, escapes, CRLF. */
const ODD_TEXTS = [
  'import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(TrainingJobName="x", AlgorithmSpecification={"Trai',
  'import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(**{"TrainingJobName": "x", "Ro": }, AlgorithmSpecification={{"a"}})',
  "import boto3\r\nsm = boto3.client('sagemaker')\r\nsm.create_model(ModelName=\"\"\"m\"\"\", PrimaryContainer={'Image': 'a\\'b', # c\r\n  \"Mo\": [}, ])",
  'import boto3\nsm.create_endpoint_config(EndpointConfigName="e", ProductionVariants=[{"VariantName": "v", "Initial',
  'import boto3\nsm.create_training_job(TrainingJobName="x", Tags=[{"Key": "k", "Value": f"{x}"}, {',
];

describe('Python completion and hover wherever the cursor is', function () {
  // Hundreds of cursors, each read again by the host: seconds on a shared machine.
  this.timeout(60_000);

  it('never throws on half-typed and odd text, and every edit lies inside the text', () => {
    for (const text of ODD_TEXTS) {
      for (let offset = 0; offset <= text.length; offset++) {
        const cursor = `${text.slice(0, offset)}|${text.slice(offset)}`;
        for (const item of complete(cursor)?.items ?? []) assert.ok(item.edit.offset >= 0 && item.edit.offset + item.edit.length <= text.length, `${item.label} at ${offset}`);
        hover(cursor);
      }
    }
    // Still being written: the open dict of the first text and the open list item of the fourth complete.
    assert.equal(labels(`${ODD_TEXTS[0]}|`)?.[0], 'TrainingInputMode');
    assert.ok(labels(`${ODD_TEXTS[3]}|`)?.includes('InitialInstanceCount'));
  });

  for (const name of ['training_boto3.py', 'sdk_estimator.py']) {
    it(`never throws in examples/${name}, and every edit lies inside the text`, () => {
      const text = example(name);
      for (const offset of cursorOffsets(text)) {
        const cursor = `${text.slice(0, offset)}|${text.slice(offset)}`;
        for (const item of complete(cursor)?.items ?? []) assert.ok(item.edit.offset >= 0 && item.edit.offset + item.edit.length <= text.length, `${item.label} at ${offset}`);
        hover(cursor);
      }
    });
  }
});
