import * as assert from 'node:assert/strict';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import { IpynbFile } from '../../src/core/hosts/notebook/ipynbFile';
import { blankIPython } from '../../src/core/hosts/notebook/ipythonLines';
import { NotebookText, type NotebookCellInput } from '../../src/core/hosts/notebook/notebookText';
import { renderFix } from '../../src/core/renderFix';
import { algorithms, apiModel, catalog, instanceGpus } from './specTestKit';

/** The same text with every non-line-break character of the listed lines (0-based) turned to spaces. */
function blankedLines(text: string, lines: number[]): string {
  return text
    .split('\n')
    .map((line, index) => (lines.includes(index) ? ' '.repeat(line.length) : line))
    .join('\n');
}

function analyzeNotebook(cells: NotebookCellInput[], withAlgorithms = false): { notebook: NotebookText; findings: Finding[] } {
  const notebook = new NotebookText(cells);
  const { findings } = analyzeDocument(readPythonDocument(notebook.text), { catalog, apiModel, instanceGpus, regionInputs: { env: {} }, ...(withAlgorithms && { algorithms }) });
  return { notebook, findings };
}

/** Where a finding is, as people read it: cell (1-based, markdown counted), line in the cell (1-based), and its text. */
function located(notebook: NotebookText, finding: Finding): { code: string; cell: number; line: number; text: string } {
  const range = notebook.rangeInCell(finding.offset, finding.length)!;
  const cellText = notebook.cells[range.cell].text;
  const line = cellText.slice(0, range.offset).split('\n').length;
  return { code: finding.code, cell: range.cell + 1, line, text: cellText.slice(range.offset, range.offset + range.length) };
}

describe('notebooks: IPython lines', () => {
  it('blanks line magics, shell escapes and help lines, keeping every offset', () => {
    const cell = ["%pip install 'sagemaker>=2'", 'import boto3', '!aws s3 ls s3://bucket', '  %time x = 1', 'files = !ls', 'boto3.client?', '??boto3.client', "x = get_ipython().run_line_magic('pip', 'list')"].join('\n');
    const blanked = blankIPython(cell);
    assert.equal(blanked.length, cell.length);
    assert.equal(blanked, blankedLines(cell, [0, 2, 3, 4, 5, 6]));
  });

  it('blanks a cell magic cell whole, line breaks kept', () => {
    const cell = '%%timeit\nimport boto3\r\nboto3.client("sagemaker")\n';
    assert.equal(blankIPython(cell), '        \n            \r\n                         \n');
    assert.equal(blankIPython('\n  %%bash\naws s3 ls'), '\n        \n         ');
  });

  it('blanks only the magic line of %%time and %%capture, whose body is Python in the notebook\'s namespace', () => {
    const cell = '%%time -v\nimport boto3\r\n%pip install x\nboto3.client("sagemaker")\n';
    assert.equal(blankIPython(cell), '         \nimport boto3\r\n              \nboto3.client("sagemaker")\n');
    assert.equal(blankIPython('  %%capture out\nx = 1'), '               \nx = 1');
    // A magic whose name only starts the same is another magic: blanked whole.
    assert.equal(blankIPython('%%timeit\nx = 1'), '        \n     ');
  });

  it('leaves Python alone, and lines that only look like IPython inside strings, brackets and continuations', () => {
    const cell = ['x = 5 % 3', 'y = a != b', 'query = """', '%not a magic', '!nor a shell line', '"""', 'call(', '    !x', ')', 'z = 1 + \\', '    %y', "s = 'what?'", '# why?'].join('\n');
    assert.equal(blankIPython(cell), cell);
  });
});

describe('notebooks: cells do not run into each other', () => {
  it('a suppression comment on the last line of a cell (no final newline) does not reach the next cell', () => {
    const joined = new NotebookText([
      { kind: 'code', text: 'from sagemaker import image_uris' },
      { kind: 'code', text: '# sagemaker-spec-disable-next-line' },
      { kind: 'code', text: 'image_uris.retrieve("xgboost", "us-east-1", "latest")' },
    ]).text;
    const document = readPythonDocument(joined);
    const codes = analyzeDocument(document, { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings.map((finding) => finding.code);
    assert.deepEqual(codes, ['xgboost-unpinned']);
  });
});

describe('notebooks: cell text and offsets', () => {
  const cells: NotebookCellInput[] = [
    { kind: 'markdown', text: '# Title' },
    { kind: 'code', text: '%pip install boto3\nimport boto3' },
    { kind: 'raw', text: 'raw text' },
    { kind: 'code', text: '' },
    { kind: 'code', text: 'a = 1\nb = 2' },
  ];
  const notebook = new NotebookText(cells);

  it('joins the code cells in order with a blank line, IPython blanked, markdown and raw left out', () => {
    assert.equal(notebook.text, `${' '.repeat(18)}\nimport boto3\n\n\n\na = 1\nb = 2`);
    assert.deepEqual(notebook.codeCells, [1, 3, 4]);
  });

  it('maps analysis offsets to (cell, offset) and back, cells counted with markdown and raw', () => {
    const b = notebook.text.indexOf('b = 2');
    assert.deepEqual(notebook.toCell(b), { cell: 4, offset: 6 });
    assert.equal(notebook.fromCell(4, 6), b);
    assert.deepEqual(notebook.toCell(notebook.text.indexOf('import')), { cell: 1, offset: 19 });
    // The blank line after a cell belongs to that cell's end; the empty cell sits between two of them.
    assert.deepEqual(notebook.toCell(31), { cell: 1, offset: 31 });
    assert.deepEqual(notebook.toCell(32), { cell: 1, offset: 31 });
    assert.deepEqual(notebook.toCell(33), { cell: 3, offset: 0 });
    assert.deepEqual(notebook.toCell(35), { cell: 4, offset: 0 });
    assert.equal(notebook.fromCell(0, 0), undefined);
    assert.equal(notebook.fromCell(2, 0), undefined);
    assert.equal(notebook.toCell(notebook.text.length + 1), undefined);
  });

  it('places a range in one cell, and refuses one across a cell break', () => {
    assert.deepEqual(notebook.rangeInCell(notebook.text.indexOf('a = 1'), 5), { cell: 4, offset: 0, length: 5 });
    assert.equal(notebook.rangeInCell(notebook.text.indexOf('boto3\n'), 8), undefined);
  });
});

describe('notebooks: analysis across cells', () => {
  const setup = [
    '%pip install -q boto3 sagemaker',
    'import boto3',
    "sm = boto3.client('sagemaker', region_name='us-east-1')",
    'algorithm = {',
    "    'TrainingImage': '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',",
    "    'InputMode': 'File',",
    '}',
  ].join('\n');
  const train = [
    '!aws s3 ls s3://my-bucket/train/',
    'sm.create_training_job(',
    "    TrainingJobName='xgboost-1',",
    '    AlgorithmSpecification=algorithm,',
    "    OutputDataConfig={'S3OutputPath': 's3://my-bucket/output'},",
    "    ResourceConfig={'InstanceType': 'ml.m5.xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 10},",
    "    StoppingCondition={'MaxRuntimeInSeconds': 3600},",
    ')',
  ].join('\n');
  const cells: NotebookCellInput[] = [
    { kind: 'code', text: setup },
    { kind: 'markdown', text: '## Train\nThe request uses the algorithm above.' },
    { kind: 'code', text: train },
  ];

  it('resolves a dict bound in cell 1 where cell 3 passes it, and reports each finding in its own cell and line', () => {
    const { notebook, findings } = analyzeNotebook(cells);
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [
        { code: 'unknown-property', cell: 1, line: 6, text: 'InputMode' },
        { code: 'missing-required-property', cell: 3, line: 2, text: 'create_training_job' },
        { code: 'missing-required-property', cell: 3, line: 4, text: 'AlgorithmSpecification' },
      ],
    );
  });

  it('renders a fix found in cell 3 as an edit of cell 1, where the dict is', () => {
    const { notebook, findings } = analyzeNotebook(cells);
    const missing = findings.find((finding) => finding.code === 'missing-required-property' && located(notebook, finding).line === 4)!;
    const rendered = renderFix({ text: notebook.text, host: 'python' }, missing.fixes[0])!;
    assert.equal(rendered.edits.length, 1);
    const edit = notebook.rangeInCell(rendered.edits[0].offset, rendered.edits[0].length)!;
    assert.equal(edit.cell, 0);
    const fixed = applyEdits(setup, [{ offset: edit.offset, length: edit.length, newText: rendered.edits[0].newText }]);
    // The IPython line is still there: edits never touch blanked text.
    assert.equal(fixed, setup.replace("'InputMode': 'File',\n", "'InputMode': 'File',\n    'TrainingInputMode': '',\n"));
  });

  it('does not resolve a name bound in two cells (it is unknown, as in a module)', () => {
    const { findings } = analyzeNotebook([...cells, { kind: 'code', text: 'algorithm = {}' }]);
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['missing-required-property'],
    );
  });

  it('honours a suppression comment in a cell', () => {
    const suppressed = train.replace('sm.create_training_job(', '# sagemaker-spec-disable-next-line missing-required-property\nsm.create_training_job(');
    const { notebook, findings } = analyzeNotebook([cells[0], cells[1], { kind: 'code', text: suppressed }]);
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [
        { code: 'unknown-property', cell: 1, line: 6, text: 'InputMode' },
        { code: 'missing-required-property', cell: 3, line: 5, text: 'AlgorithmSpecification' },
      ],
    );
  });

  it('finds nothing in a cell magic cell', () => {
    const { findings } = analyzeNotebook([{ kind: 'code', text: `%%bash\n${setup}` }]);
    assert.deepEqual(findings, []);
  });

  it('reads the body of a %%time cell: the dict it binds reaches the next cell, and a finding lands on its line', () => {
    const { notebook, findings } = analyzeNotebook([{ kind: 'code', text: `%%time\n${setup}` }, cells[1], cells[2]]);
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [
        { code: 'unknown-property', cell: 1, line: 7, text: 'InputMode' },
        { code: 'missing-required-property', cell: 3, line: 2, text: 'create_training_job' },
        { code: 'missing-required-property', cell: 3, line: 4, text: 'AlgorithmSpecification' },
      ],
    );
  });
});

describe('notebooks: SDK arguments sent as request members', () => {
  it('reports a misspelt instance_type of an estimator bound in one cell and deployed in the next, each in its own cell, fixed there', () => {
    const setup = "%pip install -q sagemaker\nfrom sagemaker.estimator import Estimator\nest = Estimator(image_uri=image, role=role, instance_count=1, instance_type='ml.m5.xlarg')";
    const deploy = '!aws s3 ls\npredictor = est.deploy(1, "ml.m5.larg")';
    const { notebook, findings } = analyzeNotebook([{ kind: 'code', text: setup }, { kind: 'markdown', text: '## Deploy' }, { kind: 'code', text: deploy }]);
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [
        { code: 'invalid-enum-value', cell: 1, line: 3, text: 'ml.m5.xlarg' },
        { code: 'invalid-enum-value', cell: 3, line: 2, text: 'ml.m5.larg' },
      ],
    );
    assert.match(findings[1].message, /^"ml\.m5\.larg" is not a valid instance_type \(ProductionVariants\[0\]\.InstanceType\)/);
    const rendered = renderFix({ text: notebook.text, host: 'python' }, findings[0].fixes.find((fix) => fix.preferred)!)!;
    const edit = notebook.rangeInCell(rendered.edits[0].offset, rendered.edits[0].length)!;
    assert.equal(edit.cell, 0);
    // The string keeps its single quotes; the IPython line is untouched.
    assert.equal(applyEdits(setup, [{ offset: edit.offset, length: edit.length, newText: rendered.edits[0].newText }]), setup.replace("'ml.m5.xlarg'", "'ml.m5.xlarge'"));
  });
});

describe('notebooks: get_image_uri (SDK v2, deprecated)', () => {
  it('reads the image a cell asks get_image_uri for, and judges the estimator of a later cell by its algorithm', () => {
    const setup = "import boto3\nfrom sagemaker.amazon.amazon_estimator import get_image_uri\ncontainer = get_image_uri(boto3.Session().region_name, 'knn')";
    const train = "import sagemaker\nknn = sagemaker.estimator.Estimator(container, role, instance_count=1, instance_type='ml.m5.2xlarge')\nknn.set_hyperparameters(feature_dim=784, k=10, sample_size=200000)";
    const xgb = "%%time\nxgb_image = get_image_uri(boto3.Session().region_name, 'xgboost')";
    const { notebook, findings } = analyzeNotebook([{ kind: 'code', text: setup }, { kind: 'markdown', text: '## Train' }, { kind: 'code', text: train }, { kind: 'code', text: xgb }], true);
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [
        { code: 'algorithm-missing-hyperparameter', cell: 3, line: 3, text: 'set_hyperparameters' },
        { code: 'xgboost-unpinned', cell: 4, line: 2, text: 'xgboost' },
      ],
    );
    assert.match(findings[0].message, /^k-Nearest Neighbors needs the hyperparameter "predictor_type"/);
  });
});

describe('notebooks: .ipynb files', () => {
  const file = JSON.stringify(
    {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Caf\u00e9 "notes"\n'] },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['%pip install sagemaker\n', 'x = "tab\\there"\n', "y = 'caf\u00e9'"] },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: 'z = 1\nw = 2' },
      ],
      metadata: { language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  ).replace('caf\u00e9', 'caf\\u00e9');
  const ipynb = IpynbFile.parse(file)!;

  it('reads every cell, the source as a list of strings or one string', () => {
    assert.deepEqual(
      ipynb.notebook.cells.map((cell) => cell.kind),
      ['markdown', 'code', 'code'],
    );
    assert.equal(ipynb.notebook.cells[1].text, '%pip install sagemaker\nx = "tab\\there"\ny = \'café\'');
    assert.equal(ipynb.notebook.cells[2].text, 'z = 1\nw = 2');
  });

  it('maps a cell offset to the file, through escapes and across source strings', () => {
    const cell = ipynb.notebook.cells[1].text;
    const at = (cellIndex: number, offset: number) => ipynb.fileOffset(cellIndex, offset)!;
    // `y` starts the third string of the list; `é` is written \u00e9 in the file.
    assert.equal(file.slice(at(1, cell.indexOf('y =')), at(1, cell.indexOf('y =')) + 3), 'y =');
    const accent = cell.indexOf('é');
    assert.equal(file.slice(at(1, accent), at(1, accent + 1)), '\\u00e9');
    assert.equal(file.slice(at(1, accent + 1), at(1, accent + 2)), "'");
    // `\"` is two characters in the file for one in the cell.
    const quote = cell.indexOf('"');
    assert.equal(file.slice(at(1, quote), at(1, quote + 1)), '\\"');
    // An end at the border of two strings stays in the first: a range never covers `",\n  "`.
    const lineEnd = cell.indexOf('\n') + 1;
    assert.equal(file.slice(ipynb.fileOffset(1, lineEnd, 'end')! - 2, ipynb.fileOffset(1, lineEnd, 'end')), '\\n');
    assert.equal(file.slice(at(1, lineEnd), at(1, lineEnd) + 1), 'x');
    const w = ipynb.notebook.cells[2].text.indexOf('w');
    assert.equal(file.slice(at(2, w), at(2, w) + 5), 'w = 2');
  });

  it('is not a notebook when not JSON or without cells; code of a non-Python kernel is not code', () => {
    assert.equal(IpynbFile.parse('{"cells": ['), undefined);
    assert.equal(IpynbFile.parse('{"metadata": {}}'), undefined);
    const r = IpynbFile.parse(JSON.stringify({ cells: [{ cell_type: 'code', source: 'x <- 1' }], metadata: { kernelspec: { language: 'R' } } }))!;
    assert.deepEqual(r.notebook.codeCells, []);
    const scala = IpynbFile.parse(JSON.stringify({ cells: [{ cell_type: 'code', source: 'val x = 1' }], metadata: { language_info: { name: 'scala', mimetype: 'text/x-scala' } } }))!;
    assert.deepEqual(scala.notebook.codeCells, []);
  });

  it('reads a kernel of its own name that runs Python (AWS Glue, sparkmagic) by its language info', () => {
    const cells = [{ cell_type: 'code', source: 'import boto3' }];
    for (const language_info of [{ name: 'Python_Glue_Session', mimetype: 'text/x-python', file_extension: '.py' }, { name: 'pyspark', mimetype: 'text/x-python' }, { name: 'pysparkkernel', file_extension: '.py' }]) {
      const parsed = IpynbFile.parse(JSON.stringify({ cells, metadata: { kernelspec: { language: 'python' }, language_info } }))!;
      assert.equal(parsed.notebook.codeCells.length, 1, language_info.name);
    }
  });
});

describe('notebooks: a boto3 request whose image is image_uris.retrieve(…) in another cell', () => {
  it('judges the algorithm the call names, as sm-regression_xgboost.ipynb writes it (the container in one cell, the request in a later one)', () => {
    const { notebook, findings } = analyzeNotebook(
      [
        { kind: 'code', text: '%pip install -q sagemaker\nimport boto3\nimport sagemaker\nregion = boto3.Session().region_name\ncontainer = sagemaker.image_uris.retrieve("xgboost", region, "1.7-1")' },
        { kind: 'markdown', text: '## Train' },
        {
          kind: 'code',
          text: [
            'sm = boto3.client("sagemaker")',
            'create_training_params = {',
            '    "AlgorithmSpecification": {"TrainingImage": container, "TrainingInputMode": "File"},',
            '    "RoleArn": "arn:aws:iam::123456789012:role/r",',
            '    "OutputDataConfig": {"S3OutputPath": "s3://b/o"},',
            '    "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},',
            '    "TrainingJobName": "j",',
            '    "HyperParameters": {"eta": "2.5", "num_round": "50"},',
            '    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},',
            '    "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}],',
            '}',
            'sm.create_training_job(**create_training_params)',
          ].join('\n'),
        },
      ],
      true,
    );
    assert.deepEqual(
      findings.map((finding) => located(notebook, finding)),
      [{ code: 'algorithm-invalid-hyperparameter', cell: 3, line: 8, text: '2.5' }],
    );
  });
});
