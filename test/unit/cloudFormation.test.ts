// CloudFormation and SAM templates, YAML and JSON: the SageMaker resources yielded as requests
// (kind, range, dynamic intrinsics), each literal branch of Fn::If analysed, Fn::Sub/Fn::Join
// static parts checked, values-only checks (no missing members, numbers as strings, nothing on
// template-only properties), and fixes rendered in the template's own syntax.
import * as assert from 'node:assert/strict';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { subParts } from '../../src/core/hosts/cloudFormation/intrinsics';
import type { RequestNode } from '../../src/core/requestTree';
import { DYNAMIC, requestValue } from './pythonTestKit';
import { codes, only, textAt } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';

/** A YAML template with one AWS::SageMaker::Model whose PrimaryContainer has `containerLines` (indented 8). */
function modelTemplate(containerLines: string[], propertyLines: string[] = []): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}',
    'Resources:',
    '  # the model behind the endpoint',
    '  Model:',
    '    Type: AWS::SageMaker::Model',
    '    Properties:',
    '      ExecutionRoleArn: !GetAtt Role.Arn',
    '      PrimaryContainer:',
    ...containerLines.map((line) => `        ${line}`),
    ...propertyLines.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

describe('CloudFormation templates', () => {
  it('yields each SageMaker resource as its request, anchored at the logical id, intrinsics dynamic', () => {
    const text = [
      'Resources:',
      '  Model:',
      '    Type: AWS::SageMaker::Model',
      '    Properties:',
      '      ExecutionRoleArn: !GetAtt Role.Arn',
      `      PrimaryContainer: {Image: ${XGBOOST}:1.7-1}`,
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '  Config:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - {VariantName: all, ModelName: !GetAtt Model.ModelName, InitialInstanceCount: 1, InstanceType: ml.m5.large}',
      '  Endpoint:',
      '    Type: AWS::SageMaker::Endpoint',
      '    Properties: {EndpointConfigName: {"Fn::GetAtt": [Config, EndpointConfigName]}}',
      '  Processing:',
      '    Type: AWS::SageMaker::ProcessingJob',
      '    Properties:',
      `      AppSpecification: {ImageUri: "${XGBOOST}:1.7-1"}`,
      '',
    ].join('\n');
    const document = readYamlDocument(text);
    assert.deepEqual(document.requests.map((request) => request.kind), ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint', 'CreateProcessingJob']);
    const [model, config, endpoint] = document.requests;
    const anchor = (model.root as RequestNode).anchor!;
    assert.equal(text.slice(anchor.offset, anchor.offset + anchor.length), 'Model');
    assert.deepEqual(requestValue(model.root), { ExecutionRoleArn: DYNAMIC, PrimaryContainer: { Image: `${XGBOOST}:1.7-1` } });
    assert.deepEqual(requestValue(config.root), { ProductionVariants: [{ VariantName: 'all', ModelName: DYNAMIC, InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }] });
    assert.deepEqual(requestValue(endpoint.root), { EndpointConfigName: DYNAMIC });
    assert.deepEqual(analyzeYaml(text), []);
  });

  it('the image rules apply, with the fix as YAML in the template', () => {
    const text = modelTemplate([`Image: ${XGBOOST}:latest # moving`]);
    const finding = only(analyzeYaml(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), 'latest');
    // A pinned version (the catalog's newest), written in place; the comment stays.
    assert.match(applyHostFix(text, finding), new RegExp(`\n {8}Image: ${XGBOOST}:\\d+\\.\\d+-\\d+ # moving\n$`));
  });

  it('no missing members, no limits, numbers and booleans written as strings, template-only properties ignored', () => {
    const text = modelTemplate(
      [`Image: ${XGBOOST}:1.7-1`, 'Environment: {SAGEMAKER_PROGRAM: train.py}'],
      ['EnableNetworkIsolation: "true"', 'Tags: [{Key: team, Value: ml}]', 'RetainAllVariantProperties: true'],
    );
    assert.deepEqual(analyzeYaml(text), []);
    const counts = [
      'Resources:',
      '  Config:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - VariantName: all',
      '          InitialInstanceCount: "2"',
      '          InstanceType: ml.m5.large',
      '',
    ].join('\n');
    assert.deepEqual(analyzeYaml(counts), []);
  });

  it('a number or boolean written as a string the template cannot convert: invalid-type saying strings of numbers are taken (fresh-user trial: "not a string" misled)', () => {
    const config = (count: string, extra = '') => [
      'Resources:',
      '  Config:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - VariantName: all',
      `          InitialInstanceCount: ${count}`,
      '          InstanceType: ml.m5.large',
      extra,
      '',
    ].join('\n');
    const text = config('"two"');
    const finding = only(analyzeYaml(text), 'invalid-type');
    assert.equal(textAt(text, finding), 'two');
    assert.equal(finding.message, 'ProductionVariants[0].InitialInstanceCount must be an integer, written as a number or a numeric string such as "1", not "two".');
    assert.doesNotMatch(only(analyzeYaml(config('"1.5"')), 'invalid-type').message, /not a string/);
    const sampling = config('1', '      DataCaptureConfig: {EnableCapture: "yes", InitialSamplingPercentage: "half", DestinationS3Uri: s3://b/c, CaptureOptions: [{CaptureMode: Input}]}');
    assert.deepEqual(analyzeYaml(sampling).map((found) => found.message).sort(), [
      'EnableCapture must be true or false (or the string "true" or "false"), not "yes".',
      'InitialSamplingPercentage must be an integer, written as a number or a numeric string such as "1", not "half".',
    ]);
  });

  it('enum and pattern checks where the property is the API member', () => {
    const text = modelTemplate([`Image: ${XGBOOST}:1.7-1`, 'Mode: SingleModle']);
    const finding = only(analyzeYaml(text), 'invalid-enum-value');
    assert.match(applyHostFix(text, finding), /\n {8}Mode: SingleModel\n/);
    const pattern = modelTemplate([`Image: ${XGBOOST}:1.7-1`], ['ModelName: "my model"']);
    assert.deepEqual(codes(analyzeYaml(pattern)), ['pattern-mismatch']);
  });

  it('VPC and repository-access rules apply', () => {
    const text = modelTemplate(['Image: registry.example.com/team/model:2.1'], ['VpcConfig:', '  SecurityGroupIds: [sg-123]', '  Subnets: !Ref Subnets']);
    assert.deepEqual(codes(analyzeYaml(text)), ['digest-recommended', 'invalid-resource-id', 'private-registry-needs-vpc-access']);
    const finding = only(analyzeYaml(text), 'private-registry-needs-vpc-access');
    assert.match(applyHostFix(text, finding), /Image: registry\.example\.com\/team\/model:2\.1\n {8}ImageConfig:\n {10}RepositoryAccessMode: Vpc\n/);
  });

  describe('intrinsic functions', () => {
    it('Fn::If: each literal branch is analysed; AWS::NoValue is absent but never reported', () => {
      const text = modelTemplate([`Image: !If [UseGpu, "${XGBOOST}:latest", "${XGBOOST}:1"]`, 'Mode: !If [Multi, MultiModel, !Ref AWS::NoValue]']);
      const findings = analyzeYaml(text);
      assert.deepEqual(codes(findings), ['xgboost-unpinned', 'xgboost-unpinned']);
      assert.deepEqual(findings.map((finding) => textAt(text, finding)), ['latest', '1']);
      assert.equal(readYamlDocument(text).requests.length, 2, 'one request per side of the conditions');
    });

    it('Fn::If nested in a branch: every literal branch is analysed, in as many views as the deepest choice has branches', () => {
      // The inner condition in the false branch, in the true branch, and inside an object of a branch.
      const text = modelTemplate([
        `Image: !If [Prod, "${XGBOOST}:1.7-1", !If [Staging, "${XGBOOST}:latest", "${XGBOOST}:1"]]`,
        'Mode: !If [Multi, !If [Big, MultiModle, SingleModle], SingleModel]',
        'ImageConfig: !If [Private, {RepositoryAccessMode: !If [InVpc, Vpcc, Platfrom]}, !Ref AWS::NoValue]',
      ]);
      const findings = analyzeYaml(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]).sort(), [
        ['invalid-enum-value', 'MultiModle'],
        ['invalid-enum-value', 'Platfrom'],
        ['invalid-enum-value', 'SingleModle'],
        ['invalid-enum-value', 'Vpcc'],
        ['xgboost-unpinned', '1'],
        ['xgboost-unpinned', 'latest'],
      ]);
      assert.equal(readYamlDocument(text).requests.length, 3, 'three views: each condition tree has at most three branches');
      // Without conditions, one view; with side-by-side conditions only, two.
      assert.equal(readYamlDocument(modelTemplate([`Image: ${XGBOOST}:1.7-1`])).requests.length, 1);
      assert.equal(readYamlDocument(modelTemplate([`Image: !If [A, "${XGBOOST}:1.7-1", "${XGBOOST}:1.5-1"]`, 'Mode: !If [B, SingleModel, MultiModel]'])).requests.length, 2);
    });

    it('dynamic values are never reported (Ref, GetAtt, FindInMap, Join of unknowns, ImportValue, long forms)', () => {
      const text = modelTemplate([
        'Image: !FindInMap [Images, !Ref AWS::Region, Uri]',
        'Mode: !Ref ModeParameter',
        'ModelDataUrl: !Join ["", [!ImportValue Bucket, /model.tar.gz]]',
        'Environment: {"Fn::If": [Cond, {A: b}, {"Ref": "AWS::NoValue"}]}',
      ], ['EnableNetworkIsolation: !Equals [!Ref Isolated, "yes"]', 'VpcConfig: !Ref AWS::NoValue']);
      assert.deepEqual(analyzeYaml(text), []);
    });

    it('Fn::Sub: static parts are checked (a static tag), placeholders never', () => {
      const text = modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/my-model:latest"']);
      const finding = only(analyzeYaml(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
      assert.equal(finding.fixes.length, 0, 'a template is the user\'s program: no fix');
      assert.deepEqual(analyzeYaml(modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/my-model:${Tag}"'])), []);
    });

    it('${AWS::AccountId} as the registry of a repository SageMaker serves: a warning, the stack\'s own repositories left alone', () => {
      const text = modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1.7-1"']);
      const finding = only(analyzeYaml(text), 'registry-account-mismatch');
      assert.equal(textAt(text, finding), '${AWS::AccountId}');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^\$\{AWS::AccountId\} is the account that deploys the stack, but SageMaker serves "sagemaker-xgboost" from its own accounts \(683313688378 in us-east-1 and \d+ other accounts elsewhere\): the pull fails unless you copied the image into your account\./);
      assert.deepEqual(finding.fixes, []);
      assert.deepEqual(analyzeYaml(modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/my-model:2.1"'])), []);
    });

    it('judges an endpoint config\'s instance type by the images of the model resource its variant names', () => {
      const template = (image: string, instanceType: string, modelName = '!GetAtt Model.ModelName') =>
        [
          'Resources:',
          '  Model:',
          '    Type: AWS::SageMaker::Model',
          '    Properties:',
          `      PrimaryContainer: {Image: "${image}"}`,
          '  Config:',
          '    Type: AWS::SageMaker::EndpointConfig',
          '    Properties:',
          '      ProductionVariants:',
          `        - {VariantName: a, ModelName: ${modelName}, InitialInstanceCount: 1, InstanceType: ${instanceType}}`,
          '',
        ].join('\n');
      const cpuImage = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312';
      const text = template(cpuImage, 'ml.g5.xlarge');
      const finding = only(analyzeYaml(text), 'image-processor-mismatch');
      assert.equal(textAt(text, finding), 'ml.g5.xlarge');
      assert.equal(finding.message, "ml.g5.xlarge has GPUs, but model Model's image is built for CPUs only; use a CPU instance type or the image's GPU variant in Model.");
      assert.match(only(analyzeYaml(template(cpuImage.replace('-cpu-', '-gpu-'), 'ml.m5.xlarge', '!Ref Model')), 'image-processor-mismatch').message, /^ml\.m5\.xlarge has no GPU, but model Model's image is built for GPUs/);
      // Matching processors, a model of no resource here, another attribute: nothing.
      assert.deepEqual(codes(analyzeYaml(template(cpuImage, 'ml.m5.xlarge'))), []);
      assert.deepEqual(codes(analyzeYaml(template(cpuImage, 'ml.g5.xlarge', 'imported-model'))), []);
      assert.deepEqual(codes(analyzeYaml(template(cpuImage, 'ml.g5.xlarge', '!GetAtt Model.Arn'))), []);
    });

    it('an unpinned XGBoost tag after ${AWS::Region}: pins of versions every deployed region serves, written over the tag in the !Sub (found by a fresh user)', () => {
      const text = modelTemplate(['Image: !Sub "${XgbAccount}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1"  # serving']);
      const finding = only(analyzeYaml(text), 'xgboost-unpinned');
      assert.equal(textAt(text, finding), '1');
      const [first] = finding.fixes;
      assert.equal(first.changesBehaviour, true, 'the version is a choice: never fix-all\'s');
      const version = /^Pin XGBoost (\S+)$/.exec(first.title)![1];
      assert.equal(applyHostFix(text, finding, first.title), text.replace('sagemaker-xgboost:1"', `sagemaker-xgboost:${version}"`));
      // The regions the template is deployed to decide which versions all of them serve.
      const listed = only(analyzeYaml(text, { templateRegions: ['us-east-1', 'eu-west-1'] }), 'xgboost-unpinned');
      assert.ok(listed.fixes.length > 0);
    });

    it('a placeholder for the whole repository (your own ECR repository\'s URI) then a static tag: the tag rules judge the tag', () => {
      for (const image of ['!Sub "${Repo.RepositoryUri}:latest"', '!Join [":", [!GetAtt Repo.RepositoryUri, latest]]', '!Sub ["${Uri}:latest", {Uri: !GetAtt Repo.RepositoryUri}]']) {
        const text = modelTemplate([`Image: ${image}`]);
        const finding = only(analyzeYaml(text), 'latest-tag');
        assert.equal(textAt(text, finding), 'latest', image);
      }
      // A digest or a placeholder tag pins or hides it; digits alone after the colon would be a port.
      for (const image of ['!Sub "${Repo.RepositoryUri}@sha256:' + 'a'.repeat(64) + '"', '!Sub "${Repo.RepositoryUri}:${Tag}"', '!Sub "${Repo.RepositoryUri}"', '!Sub "${Registry}:5000"']) {
        assert.deepEqual(analyzeYaml(modelTemplate([`Image: ${image}`])), [], image);
      }
    });

    it('a region placeholder without an explicit region: the static account is checked in every region', () => {
      const text = modelTemplate(['Image: !Sub "382416733822.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1.7-1"']);
      const finding = only(analyzeYaml(text), 'registry-account-mismatch');
      assert.equal(textAt(text, finding), '382416733822');
      assert.match(finding.message, /does not serve "sagemaker-xgboost" in [a-z]{2}-[a-z]+-\d/);
      // With an explicit region, that region alone decides.
      assert.match(only(analyzeYaml(text, { region: 'us-east-1' }), 'registry-account-mismatch').message, /^In us-east-1, SageMaker serves "sagemaker-xgboost" from account 683313688378/);
      // The Deep Learning Containers' main account: the opt-in regions have accounts of their own.
      const dlc = modelTemplate(['Image: !Sub "763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-training:2.6.0-gpu-py312"']);
      const regions = only(analyzeYaml(dlc), 'registry-account-mismatch').message;
      assert.match(regions, /account 763104351884 does not serve "pytorch-training" in af-south-1, /);
      assert.doesNotMatch(regions, /us-east-1/);
    });

    it('Fn::Sub: an account finding never hides the tag rule, with or without a target region', () => {
      const text = modelTemplate(['Image: !Sub "683313688378.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:latest"']);
      for (const region of [undefined, 'eu-west-1']) {
        const findings = analyzeYaml(text, { region });
        assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['registry-account-mismatch', '683313688378'], ['xgboost-unpinned', 'latest']], region);
        assert.match(findings[1].message, /^":latest" does not pin an XGBoost version/);
      }
      assert.match(analyzeYaml(text, { region: 'eu-west-1' })[0].message, /^In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378\.$/);
    });

    it('Fn::Sub: a static repository component or tag no registry accepts is invalid-image-reference on it, as for a literal', () => {
      const upper = modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/Sagemaker_XGB:1.0"']);
      const finding = only(analyzeYaml(upper), 'invalid-image-reference');
      assert.equal(textAt(upper, finding), 'Sagemaker_XGB');
      assert.equal(finding.message, 'Not a valid image reference: "Sagemaker_XGB": repository names must be lowercase.');
      const tag = modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/churn:v1+build"']);
      assert.equal(textAt(tag, only(analyzeYaml(tag), 'invalid-image-reference')), 'v1+build');
      // Empty path components, an empty tag and a malformed digest, as for a literal.
      for (const [image, at] of [['team//model:1', ''], ['model:', ':'], ['model@sha256:abc', 'sha256:abc']]) {
        const text = modelTemplate([`Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/${image}"`]);
        assert.equal(textAt(text, only(analyzeYaml(text), 'invalid-image-reference')), at, image);
      }
      // A part holding a placeholder is not judged: the placeholder may make it valid.
      assert.deepEqual(codes(analyzeYaml(modelTemplate(['Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Repo}-X:${Tag}"']))), []);
    });

    it('Fn::Join with a literal delimiter is a template too', () => {
      const text = modelTemplate(['Image: !Join ["", [!Ref "AWS::AccountId", ".dkr.ecr.", !Ref "AWS::Region", ".amazonaws.com/my-model"]]']);
      const finding = only(analyzeYaml(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'my-model');
    });

    it('latest with the region a placeholder: fixes to the tags every region serving the repository serves, or the target region\'s (found by a fresh user)', () => {
      const text = modelTemplate(['Image: !Sub "811284229777.dkr.ecr.${AWS::Region}.amazonaws.com/blazingtext:latest"']);
      const finding = only(analyzeYaml(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use tag 1', true]]);
      assert.equal(applyHostFix(text, finding), text.replace('blazingtext:latest', 'blazingtext:1'));
      // A DLC repository: the newest tags, served in every region; with a target region, that region's.
      const sklearn = modelTemplate(['Image: !Sub "683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-scikit-learn:latest"']);
      const titles = only(analyzeYaml(sklearn), 'latest-tag').fixes.map((fix) => fix.title);
      assert.equal(titles.length, 3);
      assert.ok(titles.every((title) => /^Use tag \d+\.\d+-\d+/.test(title)), titles.join());
      assert.deepEqual(only(analyzeYaml(sklearn, { region: 'us-east-1' }), 'latest-tag').fixes.map((fix) => fix.title), titles);
    });

    it('a ${!Name} escape that ends a !Sub string is reported on itself, not on the closing quote and brace after it (found by a helper)', () => {
      const yaml = modelTemplate(['Image: !Sub "${!Img}"']);
      assert.equal(textAt(yaml, only(analyzeYaml(yaml), 'unfilled-placeholder')), '${!Img}');
      const json = JSON.stringify({ Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: { 'Fn::Sub': '${!Img}' } } } } } });
      const finding = only(analyzeJsonTemplate(json), 'unfilled-placeholder');
      assert.equal(textAt(json, finding), '${!Img}');
      assert.match(finding.message, /^\$\{!Img\} is never filled in: inside Fn::Sub it is the escape that writes out the text \$\{Img\}/);
    });

    it('Fn::Sub grammar: ${!Literal} is text, ${Name} a placeholder', () => {
      const parts = subParts('a${!b}c${D}e', (index) => 100 + index);
      assert.deepEqual(parts, [
        { kind: 'text', value: 'a${b}c', offsets: [100, 101, 102, 104, 105, 106, 107] },
        { kind: 'placeholder', offset: 107, length: 4, filledBy: 'deployment' },
        { kind: 'text', value: 'e', offsets: [111, 112] },
      ]);
    });
  });

  describe('JSON templates', () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: {
              ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
              PrimaryContainer: { Image: { 'Fn::Sub': '763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:latest' }, Mode: 'SingleModle' },
            },
          },
        },
      },
      null,
      2,
    );

    it('yields the resources of a JSON template, long-form intrinsics dynamic', () => {
      const document = readJsonDocument(json);
      assert.deepEqual(document.requests.map((request) => [request.kind, request.valuesOnly]), [['CreateModel', true]]);
      assert.deepEqual(codes(analyzeJsonTemplate(json)), ['invalid-enum-value', 'latest-tag', 'registry-account-mismatch']);
    });

    it('renders the fix as JSON', () => {
      const finding = only(analyzeJsonTemplate(json), 'invalid-enum-value');
      assert.equal(applyHostFix(json, finding, undefined, 'json'), json.replace('"SingleModle"', '"SingleModel"'));
    });

    it('a JSON file that is not a template, nor a request, yields nothing', () => {
      assert.deepEqual(readJsonDocument('{"Resources": "AWS::SageMaker::Model"}').requests, []);
    });
  });

  it('leaves Pipelines and state machines to the hooks', () => {
    const text = 'Resources:\n  Pipeline:\n    Type: AWS::SageMaker::Pipeline\n    Properties: {PipelineName: p}\n';
    assert.deepEqual(readYamlDocument(text).requests, []);
  });
});
