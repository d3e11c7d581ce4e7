// CloudFormation images read through the template: account tables in `Mappings` read with
// `!FindInMap [Table, !Ref AWS::Region, Key]` (each row checked in its region, reported and fixed
// on the row) and `Parameters` defaults read in place of `${Name}` / `!Ref Name` (findings say so,
// fixes edit the Default), in YAML and JSON.
import * as assert from 'node:assert/strict';
import { intent } from '../../src/core/edits/editIntent';
import { applyEdits, type Finding } from '../../src/core/findings';
import { applyPreferredFixes } from '../../src/core/fixAll';
import { analyzeDocument, readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { completeInJsonHost } from '../../src/core/jsonHostCompletion';
import { renderFix } from '../../src/core/renderFix';
import type { RegionInputs } from '../../src/core/region';
import { analyzeOptions, apiModel, catalog, codes, only, textAt } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix, completeYaml, hoverYaml, modelTemplate, trainingFlowTemplate } from './yamlTestKit';

/** A YAML template: `head` lines (Parameters, Mappings) then one model whose PrimaryContainer's Image is `image`. */
function template(head: string[], image: string): string {
  return modelTemplate(image, ['AWSTemplateFormatVersion: "2010-09-09"', ...head]);
}

const XGB_TABLE = [
  'Mappings:',
  '  XgbRegistry:',
  '    us-east-1: {Account: "683313688378"}',
  '    eu-west-1: {Account: "683313688378"}      # copied from us-east-1',
  '    us-west-2: {Account: "246618743249"}',
];
const MAPPED_IMAGE = ['!Sub', '          - ${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1', '          - Account: !FindInMap [XgbRegistry, !Ref "AWS::Region", Account]'].join('\n');

/** The offset of the `index`-th occurrence of `needle` in `text`. */
function nth(text: string, needle: string, index: number): number {
  let at = -1;
  for (let i = 0; i <= index; i++) at = text.indexOf(needle, at + 1);
  return at;
}

describe('CloudFormation: account tables in Mappings', () => {
  it('checks each region row of a table read by AWS::Region, reporting and fixing the wrong row', () => {
    const text = template(XGB_TABLE, MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'registry-account-mismatch');
    assert.equal(finding.offset, nth(text, '683313688378', 1), 'on the eu-west-1 row');
    assert.equal(textAt(text, finding), '683313688378');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378: mapping XgbRegistry gives this account to stacks in eu-west-1.');
    assert.equal(applyHostFix(text, finding), text.replace('eu-west-1: {Account: "683313688378"}', 'eu-west-1: {Account: "141502667606"}'));
    // The right table: nothing to say, and no "every region" warning for the account placeholder.
    assert.deepEqual(analyzeYaml(template(XGB_TABLE.map((line) => line.replace('eu-west-1: {Account: "683313688378"}', 'eu-west-1: {Account: "141502667606"}')), MAPPED_IMAGE)), []);
  });

  it('reads Fn::FindInMap in a JSON Fn::Join, and renders the fix as JSON', () => {
    const json = JSON.stringify(
      {
        Mappings: { Xgb: { 'us-east-1': { Account: '683313688378' }, 'eu-central-1': { Account: '683313688378' } } },
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: {
              ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
              PrimaryContainer: {
                Image: { 'Fn::Join': ['', [{ 'Fn::FindInMap': ['Xgb', { Ref: 'AWS::Region' }, 'Account'] }, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.amazonaws.com/sagemaker-xgboost:1.7-1']] },
              },
            },
          },
        },
      },
      null,
      2,
    );
    const finding = only(analyzeJsonTemplate(json), 'registry-account-mismatch');
    assert.equal(finding.offset, nth(json, '683313688378', 1));
    assert.match(finding.message, /^In eu-central-1, SageMaker serves "sagemaker-xgboost" from account 492215442770, not 683313688378/);
    const at = nth(json, '683313688378', 1);
    assert.equal(applyHostFix(json, finding, undefined, 'json'), `${json.slice(0, at)}492215442770${json.slice(at + 12)}`);
  });

  it('reports a row once however many images read the table', () => {
    const text = [
      ...XGB_TABLE,
      'Resources:',
      '  Model:',
      '    Type: AWS::SageMaker::Model',
      '    Properties:',
      '      ExecutionRoleArn: !GetAtt Role.Arn',
      '      Containers:',
      '        - Image: !Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]',
      '        - Image: !Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.5-1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]',
      '  Other:',
      '    Type: AWS::SageMaker::Model',
      '    Properties:',
      '      ExecutionRoleArn: !GetAtt Role.Arn',
      '      PrimaryContainer: {Image: !Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]}',
      '',
    ].join('\n');
    assert.deepEqual(codes(analyzeYaml(text)), ['registry-account-mismatch']);
  });

  it('a row whose key is no region gets unknown-region on the key, with a rename', () => {
    const table = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    eu-wset-1: {Account: "141502667606"}'];
    const text = template(table, MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'unknown-region');
    assert.equal(textAt(text, finding), 'eu-wset-1');
    assert.match(finding.message, /^"eu-wset-1" is not a region with SageMaker registries/);
    assert.equal(applyHostFix(text, finding), text.replace('eu-wset-1:', 'eu-west-1:'));
  });

  it('a table read by another key, or a region placeholder that is not AWS::Region, stays dynamic', () => {
    const byStage = template(['Mappings:', '  Accounts:', '    dev: {Account: "683313688378"}', '    eu: {Account: "999999999999"}'], '!Sub ["${A}.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1", {A: !FindInMap [Accounts, !Ref Stage, Account]}]');
    assert.deepEqual(analyzeYaml(byStage), []);
    const ownRegion = template(XGB_TABLE, '!Sub ["${A}.dkr.ecr.${Region}.amazonaws.com/sagemaker-xgboost:1.7-1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    assert.deepEqual(analyzeYaml(ownRegion), []);
  });

  it('a static image region: every row is checked against it', () => {
    const text = template(XGB_TABLE, '!Sub ["${A}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    const finding = only(analyzeYaml(text), 'registry-account-mismatch');
    assert.equal(finding.offset, text.indexOf('246618743249'), 'the us-west-2 row: a us-east-1 image needs the us-east-1 account');
    assert.match(finding.message, /^In us-east-1, SageMaker serves "sagemaker-xgboost" from account 683313688378, not 246618743249: mapping XgbRegistry gives this account to stacks in us-west-2\.$/);
  });
});

describe('CloudFormation: Parameters defaults', () => {
  const xgbTag = (lines: string[]) => ['Parameters:', '  XgbTag:', '    Type: String', ...lines];
  const TAGGED = '!Sub 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${XgbTag}';

  it('reads ${Param} through its Default: the message says so, the fix edits the Default', () => {
    const text = template(xgbTag(['    Default: "1"']), TAGGED);
    const finding = only(analyzeYaml(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), '${XgbTag}');
    assert.match(finding.message, /^With parameter XgbTag's default "1": ":1" does not pin an XGBoost version/);
    assert.equal(applyHostFix(text, finding, 'Pin XGBoost 1.7-1'), text.replace('Default: "1"', 'Default: "1.7-1"'));
  });

  it('a Default written as a number is read as its text, and the fix writes the new text', () => {
    const text = template(xgbTag(['    Default: 1']), TAGGED);
    const finding = only(analyzeYaml(text), 'xgboost-unpinned');
    assert.equal(applyHostFix(text, finding, 'Pin XGBoost 1.7-1'), text.replace('Default: 1\n', 'Default: 1.7-1\n'));
  });

  it('!Ref of a parameter whose Default is a whole image: the account fixed in the Default', () => {
    const head = ['Parameters:', '  XgbImage:', '    Type: String', '    Default: 683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1'];
    const text = template(head, '!Ref XgbImage');
    const finding = only(analyzeYaml(text), 'registry-account-mismatch');
    assert.equal(textAt(text, finding), '!Ref XgbImage');
    assert.equal(finding.message, 'With parameter XgbImage\'s default "683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1": In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378.');
    assert.equal(applyHostFix(text, finding), text.replace('Default: 683313688378.dkr', 'Default: 141502667606.dkr'));
  });

  it('a Sub variable given a literal: checked, and fixed, where it is written', () => {
    const text = template([], '!Sub ["${Account}.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1", {Account: "683313688378"}]');
    const finding = only(analyzeYaml(text), 'registry-account-mismatch');
    assert.equal(finding.offset, text.indexOf('683313688378'));
    assert.equal(applyHostFix(text, finding), text.replace('{Account: "683313688378"}', '{Account: "246618743249"}'));
  });

  it('stays dynamic without a Default, with other AllowedValues, or for a type whose default is not the value', () => {
    assert.deepEqual(analyzeYaml(template(xgbTag([]), TAGGED)), []);
    assert.deepEqual(analyzeYaml(template(xgbTag(['    Default: "1"', '    AllowedValues: ["1", "1.7-1"]']), TAGGED)), []);
    const ssm = ['Parameters:', '  XgbTag:', '    Type: AWS::SSM::Parameter::Value<String>', '    Default: "1"'];
    assert.deepEqual(analyzeYaml(template(ssm, TAGGED)), []);
    // AllowedValues that hold only the default: the default is the value.
    assert.deepEqual(codes(analyzeYaml(template(xgbTag(['    Default: "1"', '    AllowedValues: ["1"]']), TAGGED))), ['xgboost-unpinned']);
  });

  it('with other placeholders left, the default is a static part of the template: the finding says so, its pins edit the Default', () => {
    const text = template(xgbTag(['    Default: latest']), '!Sub "683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:${XgbTag}"');
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    const finding = only(findings, 'xgboost-unpinned');
    assert.equal(textAt(text, finding), '${XgbTag}');
    assert.match(finding.message, /^With parameter XgbTag's default "latest": ":latest" does not pin/);
    const [pin] = finding.fixes;
    assert.ok(pin.changesBehaviour, 'the version is a choice: never fix-all\'s');
    const version = /^Pin XGBoost (\S+)$/.exec(pin.title)![1];
    assert.equal(applyHostFix(text, finding, pin.title), text.replace('Default: latest', `Default: ${version}`));
  });

  it('JSON: Fn::Sub with a parameter default, the fix written in the JSON Default', () => {
    const json = JSON.stringify(
      {
        Parameters: { Tag: { Type: 'String', Default: 'latest' } },
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: { 'Fn::Sub': '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:${Tag}' } } },
          },
        },
      },
      null,
      2,
    );
    const finding: Finding = only(analyzeJsonTemplate(json), 'latest-tag');
    assert.equal(textAt(json, finding), '${Tag}');
    assert.match(finding.message, /^With parameter Tag's default "latest": /);
    const fixed = applyHostFix(json, finding, finding.fixes[0].title, 'json');
    assert.match(fixed, /"Default": "\d[^"]*"/);
    assert.ok(fixed.includes('pytorch-inference:${Tag}'), 'the !Sub string is left as it is');
  });
});

describe('CloudFormation: other members written !Ref Parameter', () => {
  /** An endpoint config whose variant's InstanceType is `!Ref InstanceType`, the parameter declared by `lines`. */
  function endpointConfig(lines: string[]): string {
    return [
      'Parameters:',
      '  InstanceType:',
      ...lines.map((line) => `    ${line}`),
      'Resources:',
      '  Config:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - {VariantName: a, ModelName: m, InitialInstanceCount: 1, InstanceType: !Ref InstanceType}',
      '',
    ].join('\n');
  }

  it('checks the Default in the member\'s place, reports it on the Default, and fixes it there (found by a fresh user)', () => {
    const text = endpointConfig(['Type: String', 'Default: ml.m5.xlarg  # the usual size']);
    const finding = only(analyzeYaml(text), 'invalid-enum-value');
    assert.equal(textAt(text, finding), 'ml.m5.xlarg');
    assert.match(finding.message, /^"ml\.m5\.xlarg" is not a valid InstanceType: .*\(Reported on the Default of parameter InstanceType\.\)$/);
    assert.equal(applyHostFix(text, finding), text.replace('Default: ml.m5.xlarg ', 'Default: ml.m5.xlarge '));
  });

  it('checks each AllowedValues item too, and nothing for a good default, another type, or a Ref of no parameter', () => {
    const text = endpointConfig(['Type: String', 'Default: ml.m5.xlarge', 'AllowedValues: [ml.m5.xlarge, ml.g5.2xlarg]']);
    const finding = only(analyzeYaml(text), 'invalid-enum-value');
    assert.equal(textAt(text, finding), 'ml.g5.2xlarg');
    assert.match(finding.message, /\(Reported on an AllowedValues item of parameter InstanceType\.\)$/);
    assert.deepEqual(analyzeYaml(endpointConfig(['Type: String', 'Default: ml.m5.xlarge'])), []);
    assert.deepEqual(analyzeYaml(endpointConfig(['Type: AWS::SSM::Parameter::Value<String>', 'Default: /sagemaker/instance-type'])), []);
    assert.deepEqual(analyzeYaml(endpointConfig(['Type: String', 'Default: ml.m5.xlarg']).replace('!Ref InstanceType', '!Ref AWS::Region')), []);
  });

  it('an empty Default is a value passed at deployment: nothing is judged for it, in a member or an image (found on a real template)', () => {
    assert.deepEqual(analyzeYaml(endpointConfig(['Type: String', 'Default: ""'])), []);
    assert.deepEqual(analyzeYaml(endpointConfig(['Type: String', "Default: ''", 'Description: passed by the build script'])), []);
    // Its other AllowedValues items are still judged ("" among them is that same mark).
    const allowed = endpointConfig(['Type: String', 'Default: ""', 'AllowedValues: ["", ml.g5.2xlarg]']);
    assert.equal(textAt(allowed, only(analyzeYaml(allowed), 'invalid-enum-value')), 'ml.g5.2xlarg');
    const image = template(['Parameters:', '  Registry:', '    Type: String', '    Default: ""'], '!Sub "${Registry}/sagemaker-xgboost:latest"');
    assert.deepEqual(codes(analyzeYaml(image)), ['xgboost-unpinned'], 'the static tag is still judged, as without a default; the empty registry is not');
    assert.deepEqual(analyzeYaml(template(['Parameters:', '  Image:', '    Type: String', '    Default: ""'], '!Ref Image')), []);
  });

  it('hover on the !Ref says which values are checked in its place, and where they are written', () => {
    const text = endpointConfig(['Type: String', 'Default: ml.m5.xlarge', 'AllowedValues: [ml.m5.xlarge, ml.g5.2xlarge]']);
    assert.equal(
      hoverYaml(text.replace('!Ref InstanceType', '!Ref Instance|Type')),
      '**A value given when it is deployed or run**, checked as the values written for it:\n\n- `ml.m5.xlarge`, the Default of parameter InstanceType\n- also `ml.g5.2xlarge`: AllowedValues of parameter InstanceType',
    );
    // Its range is the `!Ref` as written.
    const marked = text.replace('!Ref InstanceType', '!Ref Instance|Type');
    const offset = marked.indexOf('|');
    const plain = marked.replace('|', '');
    const hover = hoverAt(requestAt(readYamlDocument(plain), offset)!, offset, catalog, apiModel)!;
    assert.equal(plain.slice(hover.range.offset, hover.range.offset + hover.range.length), '!Ref InstanceType');
    // On the key, the member's own hover.
    assert.match(hoverYaml(text.replace('InstanceType: !Ref', 'Instance|Type: !Ref'))!, /^\*\*InstanceType\*\*/);
  });

  it('in a state machine Definition too, and in JSON', () => {
    const json = JSON.stringify(
      {
        Parameters: { Mode: { Type: 'String', Default: 'file' } },
        Resources: {
          Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'a', ModelName: 'm', InitialInstanceCount: 1, InstanceType: 'ml.m5.xlarge' }], DataCaptureConfig: { InitialSamplingPercentage: 10, DestinationS3Uri: 's3://b/c', CaptureOptions: [{ CaptureMode: { Ref: 'Mode' } }] } } },
        },
      },
      null,
      2,
    );
    const finding = only(analyzeJsonTemplate(json), 'invalid-enum-value');
    assert.equal(textAt(json, finding), 'file');
    const machine = trainingFlowTemplate(['AlgorithmSpecification: {TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1, TrainingInputMode: !Ref InputMode}'], {
      head: ['Parameters:', '  InputMode: {Type: String, Default: file}'],
    });
    const onDefault = analyzeYaml(machine).filter((found) => found.code === 'invalid-enum-value');
    assert.deepEqual(onDefault.map((found) => textAt(machine, found)), ['file']);
  });
});

describe('CloudFormation: completion in a parameter default read as a whole image', () => {
  const head = (value: string) => ['Parameters:', '  XgbImage:', '    Type: String', `    Default: ${value}`];

  it('offers tags in the Default that !Ref and a whole-value !Sub read, and writes them there', () => {
    for (const image of ['!Ref XgbImage', '!Sub "${XgbImage}"']) {
      const text = template(head('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.'), image);
      const offset = text.indexOf(':1.') + 3;
      const result = completeYaml(`${text.slice(0, offset)}|${text.slice(offset)}`);
      const item = result?.items.find((candidate) => candidate.label === '1.7-1');
      assert.ok(item, `${image}: ${result?.items.map((candidate) => candidate.label).slice(0, 5).join(', ')}`);
      assert.equal(applyEdits(text, [item.edit]), text.replace('sagemaker-xgboost:1.\n', 'sagemaker-xgboost:1.7-1\n'));
      assert.ok(!result!.items.some((candidate) => candidate.label === '1' || candidate.label === 'latest'), 'never a floating XGBoost tag');
    }
  });

  it('offers images in an empty Default that an image reads whole (found by a fresh user)', () => {
    const text = template(['Parameters:', '  XgbImage:', '    Type: String', '    Default: |'], '!Ref XgbImage');
    const items = completeYaml(text)!.items;
    assert.ok(items.length > 0 && items.every((item) => item.kind === 'image'));
    const plain = text.replace('|', '');
    assert.match(applyEdits(plain, [items[0].edit]), /Default: \d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+:[\w.-]+\n/);
    assert.equal(completeYaml(template(['Parameters:', '  Other:', '    Type: String', '    Default: |'], '!Ref XgbImage'))?.items.length ?? 0, 0, 'a Default no image reads');
  });

  it('offers nothing in a Default that is only part of an image, nor in one no image reads', () => {
    const tag = template(['Parameters:', '  XgbTag:', '    Type: String', '    Default: "1.7"'], '!Sub 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${XgbTag}');
    assert.equal(completeYaml(tag.replace('"1.7"', '"1.7|"'))?.items.length ?? 0, 0);
    const unused = template([...head('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.'), '  Other:', '    Type: String', '    Default: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.'], '!Ref XgbImage');
    const second = unused.lastIndexOf(':1.') + 3;
    assert.equal(completeYaml(`${unused.slice(0, second)}|${unused.slice(second)}`)?.items.length ?? 0, 0);
  });

  it('offers the tags of a !Sub image\'s static repository in its static tag, replacing the tag alone (quoted, plain ending in ":", JSON)', () => {
    const sub = (image: string) => template([], image);
    const quoted = sub('!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1.|"');
    const items = completeYaml(quoted)!.items;
    assert.ok(items.some((item) => item.label === '1.7-1'));
    assert.ok(!items.some((item) => item.label === '1'), 'never a floating XGBoost tag');
    const text = quoted.replace('|', '');
    assert.equal(applyEdits(text, [items.find((item) => item.label === '1.7-1')!.edit]), text.replace('sagemaker-xgboost:1."', 'sagemaker-xgboost:1.7-1"'));
    // `…:` ending a plain !Sub value is a mapping key to YAML until the tag follows: still completed.
    const plain = sub('!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:|');
    const plainText = plain.replace('|', '');
    const first = completeYaml(plain)!.items[0];
    assert.equal(applyEdits(plainText, [first.edit]), plainText.replace('sagemaker-xgboost:\n', `sagemaker-xgboost:${first.label}\n`));
    // Not in a placeholder tag, nor in the repository's placeholder.
    assert.equal(completeYaml(sub('!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:${Ta|g}"'))?.items.length ?? 0, 0);
    const json = JSON.stringify({ Resources: { M: { Type: 'AWS::SageMaker::Model', Properties: { PrimaryContainer: { Image: { 'Fn::Sub': '763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-training:2.' } } } } } }, null, 2);
    const inJson = completeInJsonHost(readJsonDocument(json), json.indexOf('training:2.') + 'training:2.'.length, analyzeOptions())!;
    assert.ok(inJson.items.length > 0 && inJson.items.every((item) => item.label.startsWith('2.')));
  });

  it('JSON: the Default a {"Ref"} reads completes as the editor does in a template', () => {
    const json = JSON.stringify(
      {
        Parameters: { Image: { Type: 'String', Default: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.' } },
        Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: { Ref: 'Image' } } } } },
      },
      null,
      2,
    );
    const offset = json.indexOf('inference:2.') + 'inference:2.'.length;
    const result = completeInJsonHost(readJsonDocument(json), offset, analyzeOptions())!;
    assert.ok(result.items.length > 0);
    assert.ok(result.items.every((item) => item.edit.newText.startsWith('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.')));
    assert.equal(applyEdits(json, [result.items[0].edit]).indexOf('"Image": {\n'), json.indexOf('"Image": {\n'), 'the Ref is left as it is');
  });
});

describe('CloudFormation: edits through a parameter default', () => {
  it('a change across a ${Param} is written over that stretch of the !Sub string, the default written out', () => {
    const text = template(['Parameters:', '  XgbTag: {Type: String, Default: "1"}'], '!Sub "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${XgbTag}"');
    const image = readYamlDocument(text).requests[0].images[0].value;
    const value = String(image.value);
    assert.equal(value, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1');
    const digest = `@sha256:${'a'.repeat(64)}`;
    const fix = { title: 'pin by digest', intents: [intent.replaceInString(image, value.indexOf(':1'), value.length, digest)] };
    const rendered = renderFix({ text, host: 'yaml' }, fix)!;
    assert.equal(applyEdits(text, rendered.edits), text.replace('sagemaker-xgboost:${XgbTag}"', `sagemaker-xgboost${digest}"`));
  });

  it('a !Join delimiter is never edited for one join: no fix rather than a wrong one', () => {
    const text = template([], '!Join ["/", ["683313688378.dkr.ecr.us-east-1.amazonaws.com", "sagemaker-xgboost:1.7-1"]]');
    const image = readYamlDocument(text).requests[0].images[0].value;
    const value = String(image.value);
    assert.equal(value, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    const slash = value.indexOf('/');
    assert.equal(renderFix({ text, host: 'yaml' }, { title: 'x', intents: [intent.replaceInString(image, slash, slash + 1, ':')] }), undefined);
    // Text added after the delimiter goes into the item that follows it.
    const inserted = renderFix({ text, host: 'yaml' }, { title: 'x', intents: [intent.replaceInString(image, slash, slash + 1, '/team/')] })!;
    assert.equal(applyEdits(text, inserted.edits), text.replace('"sagemaker-xgboost:1.7-1"', '"team/sagemaker-xgboost:1.7-1"'));
    // Within one item, the item is edited.
    const tag = value.indexOf('1.7-1');
    const edited = renderFix({ text, host: 'yaml' }, { title: 'x', intents: [intent.replaceInString(image, tag, value.length, '1.5-1')] })!;
    assert.equal(applyEdits(text, edited.edits), text.replace('sagemaker-xgboost:1.7-1"', 'sagemaker-xgboost:1.5-1"'));
  });
});

describe('CloudFormation: malformed accounts in an account table', () => {
  const table = (rows: string[]) => ['Mappings:', '  XgbRegistry:', ...rows.map((row) => `    ${row}`)];

  it('reports an account that is not 12 digits on its value, with the catalog account as the fix', () => {
    const text = template(table(['us-east-1: {Account: "683313688378"}', 'us-west-2: {Account: "12345"}']), MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'invalid-account-id');
    assert.equal(textAt(text, finding), '12345');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '"12345" is not an AWS account id (12 digits): mapping XgbRegistry gives it to stacks in us-west-2 as the image\'s registry account, so they cannot pull the image.');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use account 246618743249', true]]);
    assert.equal(applyHostFix(text, finding), text.replace('{Account: "12345"}', '{Account: "246618743249"}'));
  });

  it('an empty string, a list and numbers not written as their digits: each reported where written', () => {
    const rows = ['us-east-1: {Account: ""}', 'us-west-2: {Account: [a]}', 'eu-west-1: {Account: 141502667606.0}', 'eu-central-1: {Account: 049221544277}'];
    const text = template(table(rows), MAPPED_IMAGE);
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((found) => `${found.code} ${textAt(text, found)}`), ['invalid-account-id ""', 'invalid-account-id [a]', 'invalid-account-id 141502667606.0', 'invalid-account-id 049221544277']);
    assert.match(findings[0].message, /^"" is not an AWS account id \(12 digits\): mapping XgbRegistry gives it to stacks in us-east-1 /);
    assert.match(findings[1].message, /^A list is not an AWS account id \(12 digits\): mapping XgbRegistry gives it to stacks in us-west-2 /);
    assert.match(findings[2].message, /^141502667606\.0 is read as the number 141502667606, not an AWS account id \(12 digits; quote it\): /);
    // YAML 1.1 readers take 049221544277 (a 9 in it: no octal) as its text, YAML 1.2 readers as a number: the message says both.
    assert.equal(findings[3].message, '049221544277 is read differently by YAML readers (the number 49221544277 by YAML 1.2 ones, the text "049221544277" by YAML 1.1 ones): quote it, so that every reader takes the AWS account id: mapping XgbRegistry gives it to stacks in eu-central-1 as the image\'s registry account, so they cannot pull the image.');
    assert.deepEqual(findings[3].fixes.map((fix) => [fix.title, fix.preferred]), [['Use account 492215442770', true], ['Quote 049221544277', false]]);
    assert.equal(applyHostFix(text, findings[3], 'Quote 049221544277'), text.replace('{Account: 049221544277}', '{Account: "049221544277"}'));
    // The fix writes a string YAML reads back as one.
    assert.equal(applyHostFix(text, findings[0]), text.replace('us-east-1: {Account: ""}', 'us-east-1: {Account: "683313688378"}'));
    assert.equal(applyHostFix(text, findings[2]), text.replace('141502667606.0}', '"141502667606"}'));
  });

  it('an unquoted account every YAML reader reads as a number (014150266760: octal to 1.1, decimal to 1.2) is invalid-account-id, fixed with the catalog account', () => {
    const text = template(table(['us-east-1: {Account: "683313688378"}', 'eu-west-1: {Account: 014150266760}']), MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'invalid-account-id');
    assert.equal(finding.offset, text.indexOf('014150266760'));
    assert.equal(textAt(text, finding), '014150266760');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '014150266760 is read as a number (14150266760 by YAML 1.2 readers, octal 1637969392 by YAML 1.1 readers), not the AWS account id "014150266760" (quote it): mapping XgbRegistry gives it to stacks in eu-west-1 as the image\'s registry account, so they cannot pull the image.');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use account 141502667606', true], ['Quote 014150266760', false]]);
    assert.equal(applyHostFix(text, finding), text.replace('{Account: 014150266760}', '{Account: "141502667606"}'));
    // Quoting is the fix when the catalog names that very account, or none (a repository it does not know).
    const own = template(table(['us-east-1: {Account: 012345670123}']), '!Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/my-team/trainer:1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    const quoted = only(analyzeYaml(own), 'invalid-account-id');
    assert.deepEqual(quoted.fixes.map((fix) => [fix.title, fix.preferred]), [['Quote 012345670123', true]]);
    assert.equal(applyHostFix(own, quoted), own.replace('{Account: 012345670123}', '{Account: "012345670123"}'));
    // Fewer digits: quoting would not make an account id, so the message does not suggest it.
    const short = only(analyzeYaml(template(table(['us-east-1: {Account: 0123}']), MAPPED_IMAGE)), 'invalid-account-id');
    assert.match(short.message, /^0123 is not an AWS account id \(12 digits\), and is read as a number besides: /);
    assert.deepEqual(short.fixes.map((fix) => fix.title), ['Use account 683313688378']);
    // Another value YAML readers differ on (a boolean to YAML 1.1) is still not judged.
    assert.deepEqual(codes(analyzeYaml(template(table(['us-east-1: {Account: yes}']), MAPPED_IMAGE))), []);
  });

  it('no fix where the catalog names no account: a repository it does not know, or a repository placeholder', () => {
    const own = template(table(['us-east-1: {Account: "12345"}']), '!Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/my-team/trainer:1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    const finding = only(analyzeYaml(own), 'invalid-account-id');
    assert.equal(textAt(own, finding), '12345');
    assert.deepEqual(finding.fixes, []);
    // A repository placeholder: the account is still malformed, with nothing to propose.
    const anyRepository = template(table(['us-east-1: {Account: "12345"}']), '!Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/${Repo}:1", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    assert.deepEqual(only(analyzeYaml(anyRepository), 'invalid-account-id').fixes, []);
  });

  it('JSON: reported on the row and fixed as JSON', () => {
    const json = JSON.stringify(
      {
        Mappings: { Xgb: { 'us-east-1': { Account: '68331368837' } } },
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: { PrimaryContainer: { Image: { 'Fn::Sub': ['${A}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1', { A: { 'Fn::FindInMap': ['Xgb', { Ref: 'AWS::Region' }, 'Account'] } }] } } },
          },
        },
      },
      null,
      2,
    );
    const finding = only(analyzeJsonTemplate(json), 'invalid-account-id');
    assert.equal(textAt(json, finding), '68331368837');
    assert.equal(applyHostFix(json, finding, undefined, 'json'), json.replace('"68331368837"', '"683313688378"'));
  });
});

describe('CloudFormation: ${Name} in a Join item', () => {
  const JOIN_MESSAGE = 'Fn::Join does not substitute "${Tag}": the image would hold it as written. Write the image with !Sub (Fn::Sub), which does, or make this item !Ref Tag.';
  const head = ['Parameters:', '  Tag: {Type: String}'];

  it('a literal item "${Tag}" is reported on it, in place of the tag parser\'s complaint; no fix', () => {
    const text = template(head, '!Join ["", ["683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:", "${Tag}"]]');
    const finding = only(analyzeYaml(text), 'invalid-image-reference');
    assert.equal(textAt(text, finding), '${Tag}');
    assert.equal(finding.message, JOIN_MESSAGE);
    assert.deepEqual(finding.fixes, []);
  });

  it('with other items computed, and inside a longer item; a resource attribute gets !GetAtt', () => {
    const text = template(head, '!Join ["", [!Ref Account, ".dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${Tag}-${Model.Version}"]]');
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((found) => `${found.code} ${textAt(text, found)}`), ['invalid-image-reference ${Tag}', 'invalid-image-reference ${Model.Version}']);
    assert.equal(findings[0].message, JOIN_MESSAGE);
    assert.match(findings[1].message, /make this item !GetAtt Model\.Version\.$/);
  });

  it('JSON Fn::Join: reported on the characters inside the quotes', () => {
    const json = JSON.stringify({ Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { PrimaryContainer: { Image: { 'Fn::Join': [':', ['683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost', '${Tag}']] } } } } } });
    const finding = only(analyzeJsonTemplate(json), 'invalid-image-reference');
    assert.equal(finding.offset, json.indexOf('${Tag}'));
    assert.equal(textAt(json, finding), '${Tag}');
  });

  it('no finding for !Sub, Fn::Sub, or a !Sub item inside a Join', () => {
    const tagged = (image: string) => template(['Parameters:', '  Tag: {Type: String, Default: "1.7-1"}'], image);
    assert.deepEqual(analyzeYaml(tagged('!Sub "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${Tag}"')), []);
    assert.deepEqual(analyzeYaml(tagged('{"Fn::Sub": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${Tag}"}')), []);
    assert.deepEqual(analyzeYaml(tagged('!Join [":", ["683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost", !Sub "${Tag}"]]')), []);
  });
});

describe('CloudFormation: a !Sub item in a Join is read as part of the image', () => {
  // The trial's repro: an account from the table, the rest of the reference in a !Sub item.
  const TABLE = [
    'Mappings:',
    '  XgbRegistry:',
    '    us-east-1: {Account: "683313688378"}',
    '    us-west-2: {Account: "683313688378"}     # wrong (us-west-2 is 246618743249)',
    '    eu-west-1: {Account: "141502667606"}',
  ];
  const ROW_MESSAGE = 'In us-west-2, SageMaker serves "sagemaker-xgboost" from account 246618743249, not 683313688378: mapping XgbRegistry gives this account to stacks in us-west-2.';

  it('YAML !Join with a !Sub item: xgboost-unpinned on the Sub\'s latest, the wrong row reported and fixed', () => {
    const image = '!Join ["", [!FindInMap [XgbRegistry, !Ref AWS::Region, Account], !Sub ".dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:latest"]]';
    const text = template(TABLE, image);
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((found) => [found.code, found.offset, textAt(text, found)]), [
      ['registry-account-mismatch', nth(text, '683313688378', 1), '683313688378'],
      ['xgboost-unpinned', text.indexOf('latest'), 'latest'],
    ]);
    assert.equal(findings[0].message, ROW_MESSAGE);
    assert.equal(applyHostFix(text, findings[0]), text.replace('us-west-2: {Account: "683313688378"}', 'us-west-2: {Account: "246618743249"}'));
    // The tag finding is the one the image written as one !Sub gets: same words, and the same pins,
    // each a version every region serves, written over the tag alone in the Sub's string (the
    // account is each region's); a choice, never fix-all's.
    const asSub = template(TABLE, '!Sub ["${A}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:latest", {A: !FindInMap [XgbRegistry, !Ref AWS::Region, Account]}]');
    const subFinding = only(analyzeYaml(asSub), 'xgboost-unpinned');
    assert.match(findings[1].message, /^":latest" does not pin an XGBoost version/);
    assert.equal(findings[1].message, subFinding.message);
    assert.deepEqual(findings[1].fixes.map((fix) => fix.title), subFinding.fixes.map((fix) => fix.title));
    assert.ok(subFinding.fixes.every((fix) => fix.changesBehaviour));
    const [pin] = subFinding.fixes;
    const version = /^Pin XGBoost (\S+)$/.exec(pin.title)![1];
    assert.equal(applyHostFix(text, findings[1], pin.title), text.replace('sagemaker-xgboost:latest', `sagemaker-xgboost:${version}`));
    assert.equal(applyHostFix(asSub, subFinding, pin.title), asSub.replace('sagemaker-xgboost:latest', `sagemaker-xgboost:${version}`));
  });

  it('the block form of the trial, and a right table with a pinned tag: nothing to say', () => {
    const block = ['!Join', '          - ""', '          - - !FindInMap [XgbRegistry, !Ref AWS::Region, Account]', '            - !Sub ".dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:latest"'].join('\n');
    const text = template(TABLE, block);
    assert.deepEqual(analyzeYaml(text).map((found) => `${found.code} ${textAt(text, found)}`), ['registry-account-mismatch 683313688378', 'xgboost-unpinned latest']);
    const right = template(TABLE.map((line) => line.replace('us-west-2: {Account: "683313688378"}', 'us-west-2: {Account: "246618743249"}')), block.replace(':latest', ':1.7-1'));
    assert.deepEqual(analyzeYaml(right), []);
  });

  it('JSON Fn::Join with an Fn::Sub item (string and [string, variables] forms)', () => {
    const json = (sub: unknown) =>
      JSON.stringify(
        {
          Mappings: { XgbRegistry: { 'us-east-1': { Account: '683313688378' }, 'us-west-2': { Account: '683313688378' } } },
          Resources: {
            Model: {
              Type: 'AWS::SageMaker::Model',
              Properties: { PrimaryContainer: { Image: { 'Fn::Join': ['', [{ 'Fn::FindInMap': ['XgbRegistry', { Ref: 'AWS::Region' }, 'Account'] }, { 'Fn::Sub': sub }]] } } },
            },
          },
        },
        null,
        2,
      );
    for (const sub of ['.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:latest', ['.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:${Tag}', { Tag: 'latest' }]]) {
      const text = json(sub);
      const findings = analyzeJsonTemplate(text);
      assert.deepEqual(findings.map((found) => [found.code, found.offset, textAt(text, found)]), [
        ['registry-account-mismatch', nth(text, '683313688378', 1), '683313688378'],
        ['xgboost-unpinned', text.indexOf('latest'), 'latest'],
      ]);
      assert.equal(findings[0].message, ROW_MESSAGE);
      assert.equal(applyHostFix(text, findings[0], undefined, 'json'), text.replace(/("us-west-2": \{\s*"Account": )"683313688378"/, '$1"246618743249"'));
    }
  });
});

describe('CloudFormation: deployed regions without a row in the account table', () => {
  /** Findings with the template's regions listed, as `--template-region` gives them. */
  const deployedTo = (text: string, templateRegions: string[]) =>
    analyzeDocument(readYamlDocument(text), { ...analyzeOptions(), regionInputs: { env: {}, templateRegions, templateRegionsName: '--template-region' } }).findings;
  const RIGHT_TABLE = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-2: {Account: "246618743249"}'];

  it('names the missing regions on the table, and adds their catalog accounts as the fix', () => {
    const text = template(RIGHT_TABLE, MAPPED_IMAGE);
    const finding = only(deployedTo(text, ['us-east-1', 'eu-west-1', 'ap-east-1']), 'mapping-missing-region');
    assert.equal(textAt(text, finding), 'XgbRegistry');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'Mapping XgbRegistry has no Account for eu-west-1, ap-east-1, where this template is deployed (--template-region): !FindInMap [XgbRegistry, !Ref AWS::Region, Account] fails there, and the stack with it.');
    assert.equal(finding.fixes[0].title, 'Add eu-west-1: 141502667606, ap-east-1: 651117190479');
    const fixed = applyHostFix(text, finding);
    assert.deepEqual(deployedTo(fixed, ['us-east-1', 'eu-west-1', 'ap-east-1']), []);
    assert.match(fixed, /eu-west-1:\s+Account: "141502667606"/);
  });

  it('a row without the key counts as missing; no list of regions, or every region listed, says nothing', () => {
    const text = template([...RIGHT_TABLE, '    eu-west-1: {Other: "141502667606"}'], MAPPED_IMAGE);
    const finding = only(deployedTo(text, ['eu-west-1']), 'mapping-missing-region');
    assert.match(finding.message, /^Mapping XgbRegistry has no Account for eu-west-1,/);
    // The fix adds the key to the row that is there.
    assert.equal(applyHostFix(text, finding), text.replace('{Other: "141502667606"}', '{Other: "141502667606", Account: "141502667606"}'));
    assert.deepEqual(analyzeYaml(text), []);
    assert.deepEqual(deployedTo(text, ['us-east-1', 'us-west-2']), []);
  });

  it('no fix when the catalog names no account for a missing region', () => {
    const text = template(['Mappings:', '  Registry:', '    us-east-1: {Account: "123456789012"}'], '!Sub ["${A}.dkr.ecr.${AWS::Region}.amazonaws.com/my-team/trainer:1", {A: !FindInMap [Registry, !Ref AWS::Region, Account]}]');
    const finding = only(deployedTo(text, ['us-east-1', 'eu-west-1']), 'mapping-missing-region');
    assert.deepEqual(finding.fixes, []);
  });
});

describe('CloudFormation: the one region chosen (--region, AWS_REGION, the profile) narrows a template to it, so a table without its row is reported too', () => {
  const RIGHT_TABLE = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-2: {Account: "246618743249"}'];
  const analyze = (text: string, regionInputs: Omit<RegionInputs, 'specImageRegions'>) => analyzeDocument(readYamlDocument(text), { ...analyzeOptions(), regionInputs }).findings;
  const message = (region: string, from: string) => `Mapping XgbRegistry has no Account for ${region}, where this template is deployed (${from}): !FindInMap [XgbRegistry, !Ref AWS::Region, Account] fails there, and the stack with it.`;

  it('from --region, the setting, AWS_REGION, AWS_DEFAULT_REGION or the profile: the same finding, naming where the region came from, with the same fix', () => {
    const text = template(RIGHT_TABLE, MAPPED_IMAGE);
    const cases: [Omit<RegionInputs, 'specImageRegions'>, string][] = [
      [{ env: {}, regionSetting: 'ap-southeast-2', regionSettingName: '--region' }, '--region'],
      [{ env: {}, regionSetting: 'ap-southeast-2' }, 'sagemakerSpec.region'],
      [{ env: { AWS_REGION: 'ap-southeast-2' } }, 'AWS_REGION'],
      [{ env: { AWS_DEFAULT_REGION: 'ap-southeast-2' } }, 'AWS_DEFAULT_REGION'],
      [{ env: { AWS_PROFILE: 'sydney' }, awsConfigText: '[profile sydney]\nregion = ap-southeast-2\n' }, 'profile "sydney"'],
    ];
    for (const [inputs, from] of cases) {
      const finding = only(analyze(text, inputs), 'mapping-missing-region');
      assert.equal(textAt(text, finding), 'XgbRegistry', from);
      assert.equal(finding.message, message('ap-southeast-2', from));
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Add ap-southeast-2: 783357654285', true]], from);
      assert.deepEqual(analyze(applyHostFix(text, finding), inputs), [], from);
    }
  });

  it('nothing when the chosen region has its row, when none is chosen, when the catalog knows no such region, or when templateRegions lists the regions (the list wins)', () => {
    const text = template(RIGHT_TABLE, MAPPED_IMAGE);
    assert.deepEqual(analyze(text, { env: { AWS_REGION: 'us-west-2' } }), []);
    assert.deepEqual(analyze(text, { env: {} }), []);
    assert.deepEqual(codes(analyze(text, { env: {}, regionSetting: 'ap-nowhere-9', regionSettingName: '--region' })).filter((code) => code === 'mapping-missing-region'), []);
    assert.deepEqual(analyze(text, { env: { AWS_REGION: 'ap-southeast-2' }, templateRegions: ['us-east-1'], templateRegionsName: '--template-region' }), []);
  });

  it('a misspelt key with a clear rename names it ("Did you mean eu-west-2?"), with no region chosen too (found by a fresh user)', () => {
    const text = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    eu-wset-2: {Account: "764974769150"}'], MAPPED_IMAGE);
    const finding = only(analyze(text, { env: {} }), 'unknown-region');
    assert.equal(textAt(text, finding), 'eu-wset-2');
    assert.equal(finding.message, '"eu-wset-2" is not a region with SageMaker registries: mapping XgbRegistry\'s row for it is never read for a stack\'s region. Did you mean eu-west-2?');
    assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Change the region to eu-west-2']);
    assert.equal(applyHostFix(text, finding), text.replace('eu-wset-2:', 'eu-west-2:'));
    // A tie (us-west-3: us-west-1 or us-west-2) names none.
    const tie = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-3: {Account: "123456789012"}'], MAPPED_IMAGE);
    assert.equal(only(analyze(tie, { env: {} }), 'unknown-region').message, '"us-west-3" is not a region with SageMaker registries: mapping XgbRegistry\'s row for it is never read for a stack\'s region.');
  });

  it('a misspelt key standing for the chosen region says so, as for a listed one', () => {
    const text = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    eu-wset-2: {Account: "764974769150"}'], MAPPED_IMAGE);
    const findings = analyze(text, { env: { AWS_REGION: 'eu-west-2' } });
    assert.deepEqual(findings.map((found) => `${found.code} ${textAt(text, found)}`), ['unknown-region eu-wset-2']);
    assert.match(findings[0].message, / It looks like eu-west-2 misspelt, where this template is deployed \(AWS_REGION\) and the table has no row: /);
  });
});

describe('CloudFormation: a misspelt region key, a deployed region without a row, and a region written twice', () => {
  const options = (templateRegions: string[]) => ({ ...analyzeOptions(), regionInputs: { env: {}, templateRegions, templateRegionsName: '--template-region' } });
  const deployedTo = (text: string, templateRegions: string[]) => analyzeDocument(readYamlDocument(text), options(templateRegions)).findings;
  const fixAll = (text: string, templateRegions: string[]) => applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'yaml' }, findings: deployedTo(current, templateRegions) }));
  const TABLE = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    eu-wset-2: {Account: "764974769150"}'];

  it('the region a misspelt key clearly stands for is one finding on the key, whose rename gives the missing row: fix-all writes it once (found by a fresh user)', () => {
    const text = template(TABLE, MAPPED_IMAGE);
    const findings = deployedTo(text, ['us-east-1', 'eu-west-2']);
    assert.deepEqual(findings.map((found) => `${found.code} ${textAt(text, found)}`), ['unknown-region eu-wset-2']);
    const [unknown] = findings;
    assert.equal(
      unknown.message,
      '"eu-wset-2" is not a region with SageMaker registries: mapping XgbRegistry\'s row for it is never read for a stack\'s region. It looks like eu-west-2 misspelt, where this template is deployed (--template-region) and the table has no row: !FindInMap [XgbRegistry, !Ref AWS::Region, Account] fails there, and the stack with it.',
    );
    assert.deepEqual(unknown.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Change the region to eu-west-2']);
    const renamed = text.replace('eu-wset-2:', 'eu-west-2:');
    assert.equal(applyHostFix(text, unknown), renamed);
    assert.deepEqual(deployedTo(renamed, ['us-east-1', 'eu-west-2']), []);
    const result = fixAll(text, ['us-east-1', 'eu-west-2']);
    assert.equal(result.text, renamed);
    assert.deepEqual(result.applied.map((fix) => [fix.code, fix.title]), [['unknown-region', 'Change the region to eu-west-2']]);
    // Other missing regions are mapping-missing-region's, added with their catalog accounts; fix-all does both in one round.
    const both = deployedTo(text, ['eu-west-2', 'eu-west-1']);
    assert.deepEqual(both.map((found) => `${found.code} ${textAt(text, found)}`), ['mapping-missing-region XgbRegistry', 'unknown-region eu-wset-2']);
    assert.match(both[0].message, /^Mapping XgbRegistry has no Account for eu-west-1, where/);
    assert.deepEqual(both[0].fixes.map((fix) => fix.title), ['Add eu-west-1: 141502667606']);
    assert.match(fixAll(text, ['eu-west-2', 'eu-west-1']).text, /eu-west-2: \{Account: "764974769150"\}\n\s+eu-west-1:\s+Account: "141502667606"/);
  });

  it('a misspelt key is judged among every region, the table\'s own rows included: no far guess once its neighbours have rows', () => {
    // us-west-3 is one edit from us-west-1 and from us-west-2: a tie, before and after fix-all adds their rows.
    const tie = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-3: {Account: "683313688378"}'], MAPPED_IMAGE);
    const result = fixAll(tie, ['us-east-1', 'us-west-1', 'us-west-2']);
    assert.match(result.text, /us-west-3: \{Account: "683313688378"\}/);
    assert.deepEqual(result.applied.map((fix) => fix.code), ['mapping-missing-region']);
    assert.deepEqual(deployedTo(result.text, ['us-east-1', 'us-west-1', 'us-west-2']).map((found) => [found.code, found.fixes.some((fix) => fix.preferred)]), [['unknown-region', false]]);
    // eu-wset-1 beside a row for eu-west-1 is that row again, not eu-west-3: no rename preferred, the row removed.
    const again = template(['Mappings:', '  XgbRegistry:', '    eu-west-1: {Account: "141502667606"}', '    eu-wset-1: {Account: "141502667606"}'], MAPPED_IMAGE);
    assert.deepEqual(only(analyzeYaml(again), 'unknown-region').fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Remove row eu-wset-1 (it repeats eu-west-1)']);
  });

  it('a misspelt row that repeats its real region\'s row (a rename would write that region twice) is removed, lines and all', () => {
    const rows = ['Mappings:', '  Registry:', "    us-east-1: {Account: '811284229777'}", "    us-west-2: {Account: '433757028032'}", "    us-west-3: {Account: '433757028032'}   # copied", "    eu-west-1: {Account: '685385470294'}"];
    const image = MAPPED_IMAGE.replace('XgbRegistry', 'Registry').replace('sagemaker-xgboost:1.7-1', 'image-classification:1');
    const text = template(rows, image);
    const finding = only(analyzeYaml(text), 'unknown-region');
    assert.equal(textAt(text, finding), 'us-west-3');
    assert.equal(
      finding.message,
      '"us-west-3" is not a region with SageMaker registries: mapping Registry\'s row for it is never read for a stack\'s region. It repeats us-west-2\'s row (renamed to us-west-2, the table would have that region twice): remove it, or rename it to the region it was meant for.',
    );
    // The removal is preferred; a rename to a region the table lacks is still offered, never preferred.
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]).slice(0, 2), [['Remove row us-west-3 (it repeats us-west-2)', true], ['Change the region to us-west-1', false]]);
    const removed = text.replace("    us-west-3: {Account: '433757028032'}   # copied\n", '');
    assert.equal(applyHostFix(text, finding), removed);
    assert.equal(fixAll(text, []).text, removed);
    assert.deepEqual(analyzeYaml(removed), []);
    // The last row, deployed to us-west-1 too: the row added after it and its removal both apply, both listed.
    const lastRow = template(rows.slice(0, 5), image);
    const deployed = fixAll(lastRow, ['us-west-1', 'us-west-2']);
    assert.deepEqual(deployed.applied.map((fix) => fix.title), ['Add us-west-1: 632365934929', 'Remove row us-west-3 (it repeats us-west-2)']);
    assert.equal(deployed.text, lastRow.replace("    us-west-3: {Account: '433757028032'}   # copied", '    us-west-1:\n      Account: "632365934929"'));
    // A block row goes with all its lines.
    const block = template(['Mappings:', '  Registry:', '    us-west-2:', "      Account: '433757028032'", '    us-west-3:', "      Account: '433757028032'", '    us-east-1:', "      Account: '811284229777'"], image);
    assert.equal(applyHostFix(block, only(analyzeYaml(block), 'unknown-region')), block.replace("    us-west-3:\n      Account: '433757028032'\n", ''));
  });

  it('a misspelt row holding its real region\'s value with other values besides: removal offered, not preferred', () => {
    const image = MAPPED_IMAGE.replace('XgbRegistry', 'Registry').replace('sagemaker-xgboost:1.7-1', 'image-classification:1');
    const text = template(['Mappings:', '  Registry:', "    us-west-2: {Account: '433757028032', Stage: prod}", "    us-west-3: {Account: '433757028032', Stage: test}"], image);
    const finding = only(analyzeYaml(text), 'unknown-region');
    assert.match(finding.message, /It holds the Account of us-west-2's row, with other values besides \(renamed to us-west-2, the table would have that region twice\): remove it once what it should keep is in us-west-2's row, or rename it to the region it was meant for\.$/);
    assert.deepEqual(finding.fixes.filter((fix) => fix.preferred), []);
    assert.equal(applyHostFix(text, finding, 'Remove row us-west-3 (it repeats us-west-2)'), text.replace("\n    us-west-3: {Account: '433757028032', Stage: test}", ''));
    assert.equal(fixAll(text, []).text, text);
    // Another account: no repeat, as before.
    const other = template(['Mappings:', '  Registry:', "    us-west-2: {Account: '433757028032'}", "    us-west-3: {Account: '632365934929'}"], image);
    assert.ok(!only(analyzeYaml(other), 'unknown-region').fixes.some((fix) => fix.title.startsWith('Remove')));
  });

  it('JSON: the repeated row is removed as a member with its comma, the layout kept', () => {
    const table = (rows: Record<string, unknown>) => JSON.stringify({
      Mappings: { Registry: rows },
      Resources: { M: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: { 'Fn::Sub': ['${A}.dkr.ecr.${AWS::Region}.amazonaws.com/image-classification:1', { A: { 'Fn::FindInMap': ['Registry', { Ref: 'AWS::Region' }, 'Account'] } }] } } } } },
    }, null, 2);
    const middle = table({ 'us-west-2': { Account: '433757028032' }, 'us-west-3': { Account: '433757028032' }, 'us-east-1': { Account: '811284229777' } });
    const finding = only(analyzeJsonTemplate(middle), 'unknown-region');
    assert.equal(textAt(middle, finding), 'us-west-3');
    assert.equal(applyHostFix(middle, finding, undefined, 'json'), table({ 'us-west-2': { Account: '433757028032' }, 'us-east-1': { Account: '811284229777' } }));
    // The last member: the comma before it goes too.
    const last = table({ 'us-west-2': { Account: '433757028032' }, 'us-west-3': { Account: '433757028032' } });
    assert.equal(applyHostFix(last, only(analyzeJsonTemplate(last), 'unknown-region'), undefined, 'json'), table({ 'us-west-2': { Account: '433757028032' } }));
  });

  it('a tie by spelling that the row\'s own account decides is a clear rename (us-west-3 holding us-west-2\'s account)', () => {
    const text = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-3: {Account: "246618743249"}'], MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'unknown-region');
    assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Change the region to us-west-2']);
    const deployed = only(deployedTo(text, ['us-east-1', 'us-west-1', 'us-west-2']), 'mapping-missing-region');
    assert.equal(deployed.fixes[0].title, 'Add us-west-1: 746614075791');
    // With an account no near region is served from, the tie stays a tie.
    const other = template(['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}', '    us-west-3: {Account: "683313688378"}'], MAPPED_IMAGE);
    assert.deepEqual(only(analyzeYaml(other), 'unknown-region').fixes.filter((fix) => fix.preferred), []);
  });

  it('a region written twice is duplicate-key on the later row, no fix', () => {
    const text = template([...TABLE.slice(0, 3), '    us-east-1: {Account: "683313688378"}'], MAPPED_IMAGE);
    const finding = only(analyzeYaml(text), 'duplicate-key');
    assert.equal(finding.offset, nth(text, 'us-east-1', 1));
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(finding.message, 'Mapping XgbRegistry has more than one row for "us-east-1": only one of them is read for stacks in us-east-1. Remove or rename the others.');
    assert.deepEqual(finding.fixes, []);
  });
});

describe('CloudFormation: a whole image read from a table by region', () => {
  const XGB = 'dkr.ecr.REGION.amazonaws.com/sagemaker-xgboost:1.7-1';
  const row = (region: string, account: string, imageRegion = region, tag = '1.7-1') => `    ${region}: {Uri: "${account}.${XGB.replace('REGION', imageRegion).replace('1.7-1', tag)}"}`;
  const IMAGE = '!FindInMap [Images, !Ref AWS::Region, Uri]';

  it('checks each row with the image rules in its own region, reported and fixed in the row', () => {
    const text = template(['Mappings:', '  Images:', row('us-east-1', '683313688378'), row('eu-west-1', '683313688378', 'us-east-1'), row('us-west-2', '683313688378', 'us-west-2', '1')], IMAGE);
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((found) => `${found.code} ${textAt(text, found)}`), ['image-region-mismatch us-east-1', 'registry-account-mismatch 683313688378', 'xgboost-unpinned 1']);
    const [moved, account, unpinned] = findings;
    assert.equal(moved.offset, nth(text, 'us-east-1', 2), "in the eu-west-1 row's URI");
    assert.equal(moved.message, "The image is in us-east-1, but the target region is eu-west-1 (from mapping Images' row for eu-west-1); SageMaker pulls images from its own region.");
    assert.equal(applyHostFix(text, moved), text.replace('eu-west-1: {Uri: "683313688378.dkr.ecr.us-east-1', 'eu-west-1: {Uri: "141502667606.dkr.ecr.eu-west-1'));
    assert.equal(account.offset, nth(text, '683313688378', 2), 'the us-west-2 row');
    assert.equal(account.message, 'In us-west-2, SageMaker serves "sagemaker-xgboost" from account 246618743249, not 683313688378.');
    assert.equal(applyHostFix(text, account), text.replace('us-west-2: {Uri: "683313688378', 'us-west-2: {Uri: "246618743249'));
    assert.equal(unpinned.offset, text.lastIndexOf(':1"') + 1);
  });

  it('a right table says nothing, with an explicit region too; rows are reported once however many images read them', () => {
    const rows = ['Mappings:', '  Images:', row('us-east-1', '683313688378'), row('eu-west-1', '141502667606')];
    assert.deepEqual(analyzeYaml(template(rows, IMAGE)), []);
    assert.deepEqual(analyzeYaml(template(rows, IMAGE), { region: 'us-east-1' }), []);
    const twice = [...rows.slice(0, 3), row('eu-west-1', '683313688378', 'us-east-1'), 'Resources:', '  A:', '    Type: AWS::SageMaker::Model', '    Properties:', `      PrimaryContainer: {Image: ${IMAGE}}`, '  B:', '    Type: AWS::SageMaker::Model', '    Properties:', `      PrimaryContainer: {Image: ${IMAGE}}`, ''].join('\n');
    assert.deepEqual(codes(analyzeYaml(twice)), ['image-region-mismatch']);
  });

  it('its keys are checked as an account table\'s: a misspelt key is unknown-region with the rename (its row not checked), a deployed region without a row is added', () => {
    const text = template(['Mappings:', '  Images:', row('us-east-1', '683313688378'), row('us-eest-2', '683313688378', 'us-east-1')], IMAGE);
    const deployed = analyzeDocument(readYamlDocument(text), { ...analyzeOptions(), regionInputs: { env: {}, templateRegions: ['us-east-1', 'eu-west-1'], templateRegionsName: '--template-region' } }).findings;
    assert.deepEqual(deployed.map((found) => `${found.code} ${textAt(text, found)}`), ['mapping-missing-region Images', 'unknown-region us-eest-2']);
    const [missing, unknown] = deployed;
    assert.equal(missing.message, 'Mapping Images has no Uri for eu-west-1, where this template is deployed (--template-region): !FindInMap [Images, !Ref AWS::Region, Uri] fails there, and the stack with it.');
    assert.equal(missing.fixes[0].title, 'Add eu-west-1: 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    assert.match(applyHostFix(text, missing), /eu-west-1:\s+Uri: 141502667606\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1\n/);
    // It holds us-east-1's image, but is nearer us-east-2: a rename, not a repeated row.
    assert.equal(unknown.message, '"us-eest-2" is not a region with SageMaker registries: mapping Images\' row for it is never read for a stack\'s region.');
    assert.equal(unknown.fixes[0].title, 'Change the region to us-east-2');
    assert.equal(applyHostFix(text, unknown, 'Change the region to us-east-2'), text.replace('us-eest-2:', 'us-east-2:'));
    // Rows naming different images: no row to add.
    const mixed = template(['Mappings:', '  Images:', row('us-east-1', '683313688378'), row('us-west-2', '246618743249', 'us-west-2', '1.5-1')], IMAGE);
    const noFix = analyzeDocument(readYamlDocument(mixed), { ...analyzeOptions(), regionInputs: { env: {}, templateRegions: ['eu-west-1'] } }).findings;
    assert.deepEqual(only(noFix, 'mapping-missing-region').fixes, []);
  });

  it('JSON: an invalid row is invalid-image-reference on it; a table read by another key is not read', () => {
    const json = (top: unknown) => JSON.stringify({ Mappings: { Images: { 'us-east-1': { Uri: 'not an image' } } }, Resources: { M: { Type: 'AWS::SageMaker::Model', Properties: { PrimaryContainer: { Image: { 'Fn::FindInMap': ['Images', top, 'Uri'] } } } } } }, null, 2);
    const byRegion = json({ Ref: 'AWS::Region' });
    const finding = only(analyzeJsonTemplate(byRegion), 'invalid-image-reference');
    assert.equal(textAt(byRegion, finding), 'not an image');
    assert.deepEqual(analyzeJsonTemplate(json({ Ref: 'Stage' })), []);
  });
});
