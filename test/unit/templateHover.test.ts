// Hover on images built from a template (CloudFormation `!Sub` / `Fn::Sub` / `!Join`, Step
// Functions' States.Format and JSONata, Pipelines' Std:Join, Python f-strings, Dockerfile build
// arguments): the static parts, each placeholder said as one (its text, what fills it in, and
// when: at deployment, at run time, at build time), the regions a static account serves the
// repository in, and a parameter default read in.
import * as assert from 'node:assert/strict';
import { readDockerfileDocument, readJsonDocument, readPythonDocument, readYamlDocument, requestAt, type HostDocument } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { catalog } from './specTestKit';
import { hoverYaml } from './yamlTestKit';

/** A YAML template whose one model's PrimaryContainer.Image is `image` (a `|` marks the cursor), after `head` lines. */
function template(image: string, head: string[] = []): string {
  return [...head, 'Resources:', '  Model:', '    Type: AWS::SageMaker::Model', '    Properties:', '      ExecutionRoleArn: !GetAtt Role.Arn', '      PrimaryContainer:', `        Image: ${image}`, ''].join('\n');
}

describe('hover: template images', () => {
  it('!Sub with a mapping account: the static parts, each placeholder said as one, the mapping rows', () => {
    const head = ['Parameters:', '  XgbVersion: {Type: String, Default: "1.7-1"}', 'Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    eu-west-1: {Account: "141502667606"}'];
    const markdown = hoverYaml(template('!Sub\n          - ${Account}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-|xgboost:${XgbVersion}\n          - Account: !FindInMap [XgbRegistry, !Ref "AWS::Region", Account]', head))!;
    assert.ok(markdown, 'a hover');
    assert.match(markdown, /^\*\*Amazon ECR image\*\*, with placeholders\n/);
    assert.match(markdown, /\| Account \| `\$\{Account\}` \|/);
    assert.match(markdown, /\| Region \| `\$\{AWS::Region\}` \|/);
    assert.match(markdown, /\| Repository \| `sagemaker-xgboost` \|/);
    assert.match(markdown, /\| Tag \| `1\.7-1` \|/, 'the parameter default read in');
    assert.match(markdown, /\| Catalog \| `XGBoost 1\.7-1 · inference, training` \|/);
    assert.ok(markdown.includes("- `${Account}`: mapping XgbRegistry\\'s Account for the stack\\'s region:\n  - us\\-east\\-1\\: 683313688378\n  - eu\\-west\\-1\\: 141502667606\n"), markdown);
    assert.match(markdown, /- `\$\{AWS::Region\}`: the stack\\'s region/);
    assert.match(markdown, /Read with parameter XgbVersion\\'s default \\"1\\\.7\\-1\\"; a parameter value given at deployment may replace it\.$/);
  });

  describe('a Mappings table of accounts read by region: its rows judged against the catalog', () => {
    const head = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-2: {Account: "683313688378"}', '    eu-wset-1: {Account: "141502667606"}'];
    const text = template('!Sub\n          - ${Account}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1.7-1\n          - Account: !FindInMap [XgbRegistry, !Ref "AWS::Region", Account]', head);
    const offset = text.indexOf('xgboost:1.7');
    /** The lines under "Filled in at deployment:", up to the blank line after them. */
    const filledIn = (markdown: string) => markdown.split('\n\n').find((paragraph) => paragraph.startsWith('- `${Account}`'))!.split('\n');
    const hover = (listed?: { regions: string[]; settingName: string }) => hoverAt(requestAt(readYamlDocument(text), offset)!, offset, catalog, undefined, undefined, listed)!.markdown;

    it('marks a row whose account is not the one SageMaker serves the repository from there (us-west-2 copied from us-east-1), and a key that is no region', () => {
      assert.deepEqual(filledIn(hover()), [
        "- `${Account}`: mapping XgbRegistry\\'s Account for the stack\\'s region:",
        '  - us\\-east\\-1\\: 683313688378',
        '  - us\\-west\\-2\\: 683313688378 — SageMaker serves it from 246618743249 there',
        '  - eu\\-wset\\-1\\: 141502667606 — not a region with SageMaker registries',
        "- `${AWS::Region}`: the stack\\'s region",
        "- `${AWS::URLSuffix}`: the region\\'s domain suffix \\(amazonaws\\.com\\, amazonaws\\.com\\.cn\\)",
      ]);
    });

    it('names the listed regions (templateRegions, --template-region) the table has no row for', () => {
      const lines = filledIn(hover({ regions: ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-south-1'], settingName: '--template-region' }));
      assert.equal(lines[4], '  - No row for eu\\-central\\-1\\, ap\\-south\\-1\\, where this template is deployed \\(\\-\\-template\\-region\\)\\: \\!FindInMap fails there');
      assert.equal(lines[5], "- `${AWS::Region}`: the stack\\'s region");
      // Every listed region has a row: nothing said.
      assert.equal(filledIn(hover({ regions: ['us-east-1'], settingName: 'templateRegions' })).length, 6);
    });
  });

  it('a static account with the region a placeholder: the regions it serves the repository in', () => {
    const markdown = hoverYaml(template('!Sub "763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-|inference:${Tag}"'))!;
    assert.match(markdown, /^\*\*Amazon ECR image\*\* \(SageMaker registry\), with placeholders/);
    const [, listed, more] = /\| Served in \| `([a-z0-9, -]+) and (\d+) more` \|/.exec(markdown)!;
    const serving = catalog.regionsForRepository('pytorch-inference').filter((region) => catalog.accountsForRepository('pytorch-inference', region).includes('763104351884'));
    assert.ok(listed.split(', ').every((region) => serving.includes(region)), listed);
    assert.equal(listed.split(', ').length + Number(more), serving.length);
    assert.ok(!serving.includes('ap-east-1') && serving.includes('us-east-1'), 'the opt-in regions have accounts of their own');
    assert.match(markdown, /- `\$\{Tag\}`: resource Tag/);
    assert.match(markdown, /The tag is a placeholder: whether the image is pinned is decided at deployment\./);
  });

  it('!Join items are shown as written', () => {
    const markdown = hoverYaml(template('!Join ["", [!Ref "AWS::AccountId", ".dkr.ecr.", !Ref "AWS::Region", ".amazonaws.com/my-|model:latest"]]'))!;
    assert.match(markdown, /\| Account \| `!Ref "AWS::AccountId"` \|/);
    assert.match(markdown, /- `!Ref "AWS::AccountId"`: the stack\\'s account/);
    assert.match(markdown, /Not pinned: `latest` moves with every push\./);
  });

  describe('a pseudo parameter the template host gives no facts of its own reads as what the stack fills it with (not "a value given when the request is made")', () => {
    /** The lines under "Filled in at deployment:" of the hover at `near` in `text`. */
    const filledIn = (text: string, near: string) => {
      const offset = text.indexOf(near);
      const markdown = hoverAt(requestAt(readYamlDocument(text), offset)!, offset, catalog)!.markdown;
      assert.ok(!markdown.includes('a value given when the request is made'), markdown);
      return markdown.split('\n\n').find((paragraph) => paragraph.startsWith('- `'))!.split('\n');
    };

    it('${AWS::Region}, ${AWS::URLSuffix} and ${AWS::AccountId} in a PipelineDefinitionBody\'s !Sub JSON string (found by a fresh user)', () => {
      const text = [
        'Resources:',
        '  Pipeline:',
        '    Type: AWS::SageMaker::Pipeline',
        '    Properties:',
        '      PipelineName: p',
        '      RoleArn: arn:aws:iam::123456789012:role/r',
        '      PipelineDefinition:',
        '        PipelineDefinitionBody: !Sub >-',
        '          {"Version": "2020-12-01", "Steps": [{"Name": "Train", "Type": "Training", "Arguments": {',
        '          "AlgorithmSpecification": {"TrainingImage": "811284229777.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/image-classification:1", "TrainingInputMode": "File"},',
        '          "RoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/r"}},',
        '          {"Name": "Model", "Type": "Model", "Arguments": {"ExecutionRoleArn": "arn:aws:iam::123456789012:role/r",',
        '          "PrimaryContainer": {"Image": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/my-trainer:1"}}}]}',
        '',
      ].join('\n');
      assert.deepEqual(filledIn(text, 'image-classification:1'), [
        "- `${AWS::Region}`: the stack\\'s region",
        "- `${AWS::URLSuffix}`: the region\\'s domain suffix \\(amazonaws\\.com\\, amazonaws\\.com\\.cn\\)",
      ]);
      assert.deepEqual(filledIn(text, 'my-trainer:1'), ["- `${AWS::AccountId}`: the stack\\'s account", "- `${AWS::Region}`: the stack\\'s region"]);
    });

    it('!Ref AWS::Region and AWS::URLSuffix items of a DefinitionString\'s !Join', () => {
      const text = [
        'Resources:',
        '  Flow:',
        '    Type: AWS::StepFunctions::StateMachine',
        '    Properties:',
        '      DefinitionString: !Join',
        '        - ""',
        '        - - \'{"StartAt": "M", "States": {"M": {"Type": "Task", "End": true, "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r", "PrimaryContainer": {"Image": "683313688378.dkr.ecr.\'',
        '          - !Ref AWS::Region',
        "          - '.'",
        '          - {Ref: "AWS::URLSuffix"}',
        '          - \'/sagemaker-xgboost:1.7-1"}}}}}\'',
        '',
      ].join('\n');
      assert.deepEqual(filledIn(text, 'xgboost:1.7-1'), [
        "- `!Ref AWS::Region`: the stack\\'s region",
        '- `{Ref: "AWS::URLSuffix"}`: the region\\\'s domain suffix \\(amazonaws\\.com\\, amazonaws\\.com\\.cn\\)',
      ]);
    });
  });

  describe('each placeholder is said filled in when its host fills it: only CloudFormation at deployment (found by a fresh user)', () => {
    /** The hover at the first `near` in the document `read` makes of `text`, from the line after the table on (the placeholders and pinning). */
    const below = (read: (text: string) => HostDocument, text: string, near: string) => {
      const offset = text.indexOf(near);
      const markdown = hoverAt(requestAt(read(text), offset)!, offset, catalog)!.markdown;
      assert.ok(!markdown.includes('at deployment') && !markdown.includes('given when the request is made'), markdown);
      return markdown.slice(markdown.lastIndexOf('|') + 2).replace(/\n\nCatalog of .*\n/, '\n');
    };

    it("States.Format's {} when the state runs, with the argument that fills each", () => {
      const text = [
        'StartAt: Train',
        'States:',
        '  Train:',
        '    Type: Task',
        '    Resource: arn:aws:states:::sagemaker:createModel',
        '    End: true',
        '    Parameters:',
        '      ModelName: m',
        '      ExecutionRoleArn: arn:aws:iam::123456789012:role/r',
        '      PrimaryContainer:',
        "        Image.$: States.Format('{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:{}', $.account, $.region, States.ArrayGetItem($.tags, 0))",
        '',
      ].join('\n');
      assert.equal(
        below(readYamlDocument, text, 'sagemaker-xgboost'),
        [
          '',
          'Filled in at run time, when the state runs:',
          '',
          "- `{}`: States\\.Format\\'s argument \\$\\.account",
          "- `{}`: States\\.Format\\'s argument \\$\\.region",
          "- `{}`: States\\.Format\\'s argument States\\.ArrayGetItem\\(\\$\\.tags\\, 0\\)",
          '',
          'The tag is a placeholder: whether the image is pinned is decided when the state runs.',
        ].join('\n'),
      );
    });

    it('a JSONata operand when the state runs', () => {
      const text = [
        'QueryLanguage: JSONata',
        'StartAt: Train',
        'States:',
        '  Train:',
        '    Type: Task',
        '    Resource: arn:aws:states:::sagemaker:createModel',
        '    End: true',
        '    Arguments:',
        '      ModelName: m',
        '      ExecutionRoleArn: arn:aws:iam::123456789012:role/r',
        '      PrimaryContainer:',
        "        Image: \"{% $account & '.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1' %}\"",
        '',
      ].join('\n');
      assert.equal(below(readYamlDocument, text, 'sagemaker-xgboost'), ['', 'Filled in at run time, when the state runs:', '', '- `$account`: a value computed when the state runs', '', 'Pinned by tag `1.7-1` (a tag can be moved; a digest cannot).'].join('\n'));
    });

    it("a Pipelines Get in a Std:Join when the pipeline runs", () => {
      const text = JSON.stringify({
        Version: '2020-12-01',
        Parameters: [{ Name: 'Tag', Type: 'String' }],
        Steps: [{ Name: 'M', Type: 'Model', Arguments: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/r', PrimaryContainer: { Image: { 'Std:Join': { On: '', Values: ['683313688378.dkr.ecr.', { Get: 'Execution.Region' }, '.amazonaws.com/sagemaker-xgboost:', { Get: 'Parameters.Tag' }] } } } } }],
      });
      assert.equal(
        below(readJsonDocument, text, 'sagemaker-xgboost'),
        [
          '',
          'Filled in at run time, when the pipeline runs:',
          '',
          '- `{"Get":"Execution.Region"}`: a value given when the pipeline runs',
          '- `{"Get":"Parameters.Tag"}`: a value given when the pipeline runs',
          '',
          'The tag is a placeholder: whether the image is pinned is decided when the pipeline runs.',
        ].join('\n'),
      );
    });

    it("a Python f-string's fields when the program runs", () => {
      const text = ['import boto3', 'boto3.client("sagemaker").create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::123456789012:role/r",', '    PrimaryContainer={"Image": f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:{tag}"})', ''].join('\n');
      assert.equal(
        below(readPythonDocument, text, 'sagemaker-xgboost'),
        ['', 'Filled in at run time, when the program runs:', '', '- `{region}`: a value computed when the program runs', '- `{tag}`: a value computed when the program runs', '', 'The tag is a placeholder: whether the image is pinned is decided when the program runs.'].join('\n'),
      );
    });

    it('a Dockerfile build argument at build time', () => {
      const text = 'ARG REGION\nARG TAG\nFROM 683313688378.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:${TAG}\n';
      assert.equal(
        below(readDockerfileDocument, text, 'sagemaker-xgboost'),
        ['', 'Filled in at build time (`docker build`):', '', '- `${REGION}`: a build argument', '- `${TAG}`: a build argument', '', 'The tag is a placeholder: whether the image is pinned is decided at build time.'].join('\n'),
      );
    });
  });

  it('JSON long form: Fn::Sub', () => {
    const json = JSON.stringify({
      Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { PrimaryContainer: { Image: { 'Fn::Sub': '763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:2.6.0-gpu-py312' } } } } },
    });
    const offset = json.indexOf('pytorch-inference');
    const result = hoverAt(requestAt(readJsonDocument(json), offset)!, offset, catalog)!;
    assert.match(result.markdown, /\| Tag \| `2\.6\.0-gpu-py312` \|/);
    assert.match(result.markdown, /Pinned by tag `2\.6\.0-gpu-py312`/);
    assert.equal(json.slice(result.range.offset, result.range.offset + result.range.length), `{"Fn::Sub":"763104351884.dkr.ecr.\${AWS::Region}.amazonaws.com/pytorch-inference:2.6.0-gpu-py312"}`);
  });

  it('an image of 130,000 placeholders: one line each, not a stack overflow (found by fuzzing)', () => {
    const accounts = '${AWS::AccountId}'.repeat(130_000);
    const markdown = hoverYaml(template(`!Sub "${accounts}.dkr.ecr.us-east-1.amazonaws.com/my-|model:1"`))!;
    assert.equal(markdown.split('\n').filter((line) => line === "- `${AWS::AccountId}`: the stack\\'s account").length, 130_000);
  });
});
