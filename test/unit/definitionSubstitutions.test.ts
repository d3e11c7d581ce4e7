// A state machine resource's DefinitionSubstitutions: `${Name}` for a key of that map is a
// placeholder CloudFormation fills in — in the `Definition` object's strings and in the
// `DefinitionString` text alike — so it is dynamic and the static text around it is checked as a
// template; any other `${…}` is text, checked as written.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { definitionSubstitutionNames, substitutionParts } from '../../src/core/hosts/cloudFormation/definitionSubstitutions';
import { isDynamic, type RequestNode } from '../../src/core/requestTree';
import { memberValue } from '../../src/core/jsonTree';
import { parseTree } from 'jsonc-parser';
import { XGBOOST_US_EAST_1 } from './specTestKit';
import { acceptYaml, analyzeJsonTemplate, analyzeYaml, applyHostFix, completeYaml, hoverYaml } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/SageMaker';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** A YAML template with one state machine resource of `type` whose training task writes `image`, `mode` and `role`. */
function yamlTemplate(options: { type?: string; resource?: string; image: string; mode?: string; role?: string; vpc?: string; substitutions: string[] }): string {
  return [
    'Resources:',
    '  Flow:',
    `    Type: ${options.type ?? 'AWS::StepFunctions::StateMachine'}`,
    '    Properties:',
    ...(options.substitutions.length > 0 ? ['      DefinitionSubstitutions:', ...options.substitutions.map((line) => `        ${line}`)] : []),
    '      Definition:',
    '        StartAt: Train',
    '        States:',
    '          Train:',
    '            Type: Task',
    `            Resource: ${options.resource ?? 'arn:aws:states:::sagemaker:createTrainingJob.sync'}`,
    '            Parameters:',
    '              TrainingJobName.$: $.name',
    `              RoleArn: ${options.role ?? ROLE}`,
    '              AlgorithmSpecification:',
    `                TrainingImage: ${options.image}`,
    `                TrainingInputMode: ${options.mode ?? 'File'}`,
    '              OutputDataConfig: { S3OutputPath: "s3://bucket/out" }',
    '              ResourceConfig: { InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10 }',
    '              StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    ...(options.vpc ? [`              VpcConfig: ${options.vpc}`] : []),
    '            End: true',
    '',
  ].join('\n');
}

describe('DefinitionSubstitutions in a Definition object', () => {
  it('checks the static tag of a substituted image, and says nothing on an account or region placeholder', () => {
    const text = yamlTemplate({
      image: '${Account}.dkr.ecr.${Region}.amazonaws.com/sagemaker-xgboost:latest',
      substitutions: ['Account: !Ref AWS::AccountId', 'Region: !Ref AWS::Region'],
    });
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', 'latest']]);
    // On the characters of the Definition, right after the static repository.
    assert.ok(text.slice(0, findings[0].offset).endsWith('.amazonaws.com/sagemaker-xgboost:'));
    assert.deepEqual(findings[0].fixes, []);
  });

  it('checks the static tag after a placeholder that is the whole repository (an ECR repository\'s URI)', () => {
    const text = yamlTemplate({ image: '${RepoUri}:latest', substitutions: ['RepoUri: !GetAtt Repo.RepositoryUri'] });
    assert.deepEqual(covered(text, analyzeYaml(text)), [['latest-tag', 'latest']]);
    const hover = hoverYaml(text.replace('${RepoUri}:latest', '${Repo|Uri}:latest'))!;
    assert.match(hover, /\| Registry and repository \| `\$\{RepoUri\}` \|\n\| Tag \| `latest` \|/);
  });

  it('checks a static account against every catalog region when the region is a placeholder, naming where it does not serve', () => {
    const text = yamlTemplate({ image: '683313688378.dkr.ecr.${Region}.amazonaws.com/sagemaker-xgboost:1.7-1', substitutions: ['Region: !Ref AWS::Region'] });
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['registry-account-mismatch', '683313688378']]);
    assert.match(findings[0].message, /The region is a placeholder, and account 683313688378 does not serve "sagemaker-xgboost" in [a-z]+-[a-z]+-\d/);
    assert.doesNotMatch(findings[0].message, /us-east-1[,:]/);
    // A warning naming the way out: a stack deployed to one region may be right as it is.
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /or name the one region you deploy to \(sagemakerSpec\.region, --region\)\.$/);
  });

  it('finds nothing when the static parts are right, a literal substitution value included (placeholders are never substituted)', () => {
    for (const substitutions of [['Tag: "1.7-1"'], ['Tag: !Ref XgboostVersion']]) {
      const text = yamlTemplate({ image: `${XGBOOST_US_EAST_1}:\${Tag}`, substitutions });
      assert.deepEqual(analyzeYaml(text), [], substitutions[0]);
    }
    // The literal value `latest` is not read into the image either: a placeholder stays dynamic.
    assert.deepEqual(analyzeYaml(yamlTemplate({ image: `${XGBOOST_US_EAST_1}:\${Tag}`, substitutions: ['Tag: latest'] })), []);
  });

  it('checks the value of a whole-image placeholder as that task\'s image, where the map writes it: a literal, a !Sub, each row of a !FindInMap table', () => {
    const literal = yamlTemplate({ image: '${TrainingImage}', substitutions: [`TrainingImage: ${XGBOOST_US_EAST_1}:latest`] });
    assert.deepEqual(covered(literal, analyzeYaml(literal)), [['xgboost-unpinned', 'latest']]);
    assert.ok(analyzeYaml(literal)[0].offset < literal.indexOf('Definition:'), 'on the map, not on the definition');
    const sub = yamlTemplate({ image: '${TrainingImage}', substitutions: ['TrainingImage: !Sub "683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1"'] });
    assert.deepEqual(covered(sub, analyzeYaml(sub)).map(([code]) => code).sort(), ['registry-account-mismatch', 'xgboost-unpinned']);
    const mapping = [
      'Mappings:',
      '  Images:',
      `    us-east-1: { Uri: "${XGBOOST_US_EAST_1}:1.7-1" }`,
      '    me-south-1: { Uri: "801668240914.dkr.ecr.me-south-1.amazonaws.com/xgboost:latest" }',
      yamlTemplate({ image: '${TrainingImage}', substitutions: ['TrainingImage: !FindInMap [Images, !Ref AWS::Region, Uri]'] }),
    ].join('\n');
    assert.deepEqual(covered(mapping, analyzeYaml(mapping)), [
      ['registry-account-mismatch', '801668240914'],
      ['xgboost-unpinned', 'latest'],
    ]);
    // Beside a DefinitionString too (as the CDK writes definitionSubstitutions), its fix written in the map.
    const machine = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: '${ModelImage}' } }, End: true } } };
    const json = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: JSON.stringify(machine), DefinitionSubstitutions: { ModelImage: `${XGBOOST_US_EAST_1}:1` } } } } }, null, 1);
    const [unpinned] = analyzeJsonTemplate(json);
    assert.deepEqual(covered(json, [unpinned]), [['xgboost-unpinned', '1']]);
    assert.ok(unpinned.offset > json.indexOf('"DefinitionSubstitutions"'), 'on the map');
    // A correct value, or one the stack computes, finds nothing; a placeholder inside a longer string stays a template of the definition.
    assert.deepEqual(analyzeYaml(yamlTemplate({ image: '${TrainingImage}', substitutions: [`TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`] })), []);
    assert.deepEqual(analyzeYaml(yamlTemplate({ image: '${TrainingImage}', substitutions: ['TrainingImage: !Ref Image'] })), []);
  });

  it('counts a value that is one placeholder as present, of whatever type the member needs', () => {
    const text = yamlTemplate({ image: '${Image}', role: '${Role}', vpc: '${Vpc}', mode: '${Mode}', substitutions: ['Image: !Ref Image', 'Role: !GetAtt Role.Arn', 'Vpc: x', 'Mode: File'] });
    const request = readYamlDocument(text).requests[0];
    const members = request.root!;
    for (const name of ['RoleArn', 'VpcConfig']) assert.ok(isDynamic(memberValue(members, name)), name);
    assert.deepEqual(analyzeYaml(text), []);
    // Without the map, the same strings are text: a wrong enum value and a string where an object goes.
    const unsubstituted = analyzeYaml(yamlTemplate({ image: `${XGBOOST_US_EAST_1}:1.7-1`, vpc: '${Vpc}', mode: '${Mode}', substitutions: [] })).map((finding) => finding.code);
    assert.ok(unsubstituted.includes('invalid-enum-value'), unsubstituted.join());
  });

  it('leaves a `${…}` that is not a key of the map as the text it is', () => {
    const text = yamlTemplate({ image: `${XGBOOST_US_EAST_1}:1.7-1`, mode: '${Mode}', substitutions: ['Other: File'] });
    assert.deepEqual(covered(text, analyzeYaml(text)), [['invalid-enum-value', '${Mode}']]);
  });

  it('reads a task Resource whose partition is substituted, and reports its integration pattern on the static suffix', () => {
    const text = yamlTemplate({
      resource: 'arn:${Partition}:states:::sagemaker:createTrainingJob.waitForTaskToken',
      image: `${XGBOOST_US_EAST_1}:1.7-1`,
      substitutions: ['Partition: !Ref AWS::Partition'],
    });
    assert.deepEqual(covered(text, analyzeYaml(text)), [['unsupported-integration-pattern', '.waitForTaskToken']]);
  });

  it('reads AWS::Serverless::StateMachine the same way', () => {
    const text = yamlTemplate({ type: 'AWS::Serverless::StateMachine', image: '${Account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1', substitutions: ['Account: "683313688378"'] });
    assert.deepEqual(covered(text, analyzeYaml(text)), [['xgboost-unpinned', '1']]);
  });

  it('reads a JSON template\'s Definition object, the finding on the template\'s characters', () => {
    const definition = {
      StartAt: 'Train',
      States: {
        Train: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: {
            'TrainingJobName.$': '$.name',
            RoleArn: '${Role}',
            AlgorithmSpecification: { TrainingImage: '${Account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest', TrainingInputMode: '${Mode}' },
            OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
            ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
          End: true,
        },
      },
    };
    const text = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionSubstitutions: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Account: '683313688378' }, Definition: definition } } } }, null, 2);
    assert.deepEqual(covered(text, analyzeJsonTemplate(text)), [
      ['xgboost-unpinned', 'latest'],
      ['invalid-enum-value', '${Mode}'],
    ]);
  });

  it('takes the names of both sides of an Fn::If map, and every name when the map is unreadable', () => {
    const base = { image: `${XGBOOST_US_EAST_1}:1.7-1`, mode: '${Mode}' };
    const ifMaps = yamlTemplate({ ...base, substitutions: [] }).replace('    Properties:\n', '    Properties:\n      DefinitionSubstitutions: !If [Prod, { Mode: File }, { Other: x }]\n');
    assert.deepEqual(analyzeYaml(ifMaps), []);
    const unreadable = yamlTemplate({ ...base, substitutions: [] }).replace('    Properties:\n', '    Properties:\n      DefinitionSubstitutions: !Ref Map\n');
    assert.deepEqual(analyzeYaml(unreadable), []);
  });
});

describe('DefinitionSubstitutions in a DefinitionString', () => {
  const definition = JSON.stringify({
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          'TrainingJobName.$': '$.name',
          RoleArn: ROLE,
          AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'MODE' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        End: true,
      },
    },
  });
  const template = (definitionString: unknown, substitutions?: Record<string, unknown>) =>
    JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definitionString, ...(substitutions ? { DefinitionSubstitutions: substitutions } : {}) } } } }, null, 2);

  it('in a plain string, only a key of the map is a placeholder: any other `${…}` is checked as text', () => {
    const withMode = definition.replace('MODE', '${Mode}');
    assert.deepEqual(analyzeJsonTemplate(template(withMode, { Mode: 'File' })), []);
    const text = template(withMode, { Other: 'File' });
    assert.deepEqual(covered(text, analyzeJsonTemplate(text)), [['invalid-enum-value', '${Mode}']]);
  });

  it('in Fn::Sub, `${!Name}` is a placeholder when Name is a key of the map (Fn::Sub writes `${Name}` for it to fill), text otherwise', () => {
    const withMode = definition.replace('MODE', '${!Mode}');
    assert.deepEqual(analyzeJsonTemplate(template({ 'Fn::Sub': withMode }, { Mode: 'File' })), []);
    const text = template({ 'Fn::Sub': withMode });
    assert.deepEqual(covered(text, analyzeJsonTemplate(text)), [['invalid-enum-value', '${!Mode}']]);
  });

  it('a placeholder in a value\'s place is a dynamic value in the request', () => {
    const text = template(definition.replace('"MaxRuntimeInSeconds":3600', '"MaxRuntimeInSeconds":${Runtime}'), { Runtime: 3600 });
    const request = readJsonDocument(text).requests[0];
    const runtime = memberValue(memberValue(request.root, 'StoppingCondition'), 'MaxRuntimeInSeconds') as RequestNode;
    assert.equal(runtime.dynamic, true);
    assert.equal(text.slice(runtime.offset, runtime.offset + runtime.length), '${Runtime}');
  });
});

describe('definitionSubstitutionNames and substitutionParts', () => {
  const names = (json: string) => definitionSubstitutionNames(parseTree(json)!);

  it('reads the keys of the map, none without it', () => {
    const isSubstituted = names('{"DefinitionSubstitutions": {"A": 1, "B": {"Ref": "X"}}}');
    assert.deepEqual(['A', 'B', 'C'].map(isSubstituted), [true, true, false]);
    assert.equal(names('{}')('A'), false);
  });

  it('splits a string at its substituted placeholders, with each character\'s offset', () => {
    const parts = substitutionParts('a${X}b${Y}', (index) => 100 + index, (name) => name === 'X');
    assert.deepEqual(parts, [
      { kind: 'text', value: 'a', offsets: [100, 101] },
      { kind: 'placeholder', offset: 101, length: 4, filledBy: 'deployment' },
      { kind: 'text', value: 'b${Y}', offsets: [105, 106, 107, 108, 109, 110] },
    ]);
    assert.equal(substitutionParts('a${Y}', (index) => index, (name) => name === 'X'), undefined);
  });
});

describe('DefinitionSubstitutions values of members written as one ${Name}: checked against the member, in the map', () => {
  /** The template with the training task's instance type, mode or role written as a placeholder. */
  const withPlaceholders = (substitutions: string[]) =>
    yamlTemplate({ image: `${XGBOOST_US_EAST_1}:1.7-1`, mode: '${Mode}', role: '${Role}', substitutions }).replace('InstanceType: ml.m5.xlarge', 'InstanceType: "${Type}"');

  it('reports an invalid enum value and a pattern mismatch on the map entry, naming the member and task, with the fix there', () => {
    const text = withPlaceholders(['Type: ml.m5.xlarg', 'Mode: File', 'Role: my-role']);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.xlarg'], ['pattern-mismatch', 'my-role']]);
    assert.match(findings[0].message, /^DefinitionSubstitutions gives this to ResourceConfig\.InstanceType of task "Train": "ml\.m5\.xlarg" is not a valid InstanceType: the nearest ML instance types are "ml\.m5\.xlarge"/);
    assert.match(findings[1].message, /^DefinitionSubstitutions gives this to RoleArn of task "Train": /);
    assert.equal(applyHostFix(text, findings[0]), text.replace('Type: ml.m5.xlarg', 'Type: ml.m5.xlarge'));
  });

  it('finds nothing for valid values, computed values (!Ref, !GetAtt) or names the map does not hold', () => {
    assert.deepEqual(analyzeYaml(withPlaceholders(['Type: ml.m5.xlarge', 'Mode: Pipe', `Role: ${ROLE}`])), []);
    assert.deepEqual(analyzeYaml(withPlaceholders(['Type: !Ref InstanceType', 'Mode: !If [Fast, FastFile, File]', 'Role: !GetAtt Role.Arn'])), []);
  });

  it('hovers an entry with the members and tasks it fills, and what they take', () => {
    const text = withPlaceholders(['Type: ml.m5.xlarge', 'Mode: File', `Role: ${ROLE}`]);
    const at = text.indexOf('Type: ml.m5.xlarge') + 'Type: ml.m5'.length;
    const markdown = hoverYaml(`${text.slice(0, at)}|${text.slice(at)}`);
    assert.ok(markdown?.startsWith('**DefinitionSubstitutions entry**\n\nSubstituted into `ResourceConfig.InstanceType` of task `Train`.\n\na string'), markdown);
    assert.match(markdown!, /One of: `ml\./);
  });

  it('completes an entry with the values of the member it fills, typed or empty', () => {
    const text = withPlaceholders(['Type: ml.m5.xlarge', 'Mode: File', `Role: ${ROLE}`]);
    const typed = text.replace('Type: ml.m5.xlarge', 'Type: ml.m5.x|');
    const result = completeYaml(typed);
    assert.ok(result && result.items.some((item) => item.label === 'ml.m5.xlarge'), JSON.stringify(result?.items.slice(0, 3)));
    assert.ok(result!.items.every((item) => item.label.startsWith('ml.')));
    assert.equal(acceptYaml(typed, 'ml.m5.4xlarge').text, text.replace('Type: ml.m5.xlarge', 'Type: ml.m5.4xlarge'));
    const empty = text.replace('Mode: File', 'Mode: |');
    assert.deepEqual(completeYaml(empty)?.items.map((item) => item.label).sort(), ['FastFile', 'File', 'Pipe']);
    assert.equal(acceptYaml(empty, 'Pipe').text, text.replace('Mode: File', 'Mode: Pipe'));
  });

  it('judges each side of an Fn::If over the whole map', () => {
    const text = ['Conditions:', '  Big: !Equals [a, b]', ...withPlaceholders(['Type: ml.m5.xlarge', 'Mode: File', `Role: ${ROLE}`]).split('\n')]
      .join('\n')
      .replace('      DefinitionSubstitutions:\n        Type: ml.m5.xlarge', '      DefinitionSubstitutions: !If\n        - Big\n        - { Type: ml.p3.2xlarge, Mode: File, Role: "' + ROLE + '" }\n        - { Type: ml.m5.xlargee, Mode: File, Role: "' + ROLE + '" }\n      UnusedMap:\n        Type: ml.m5.xlarge');
    assert.deepEqual(covered(text, analyzeYaml(text)), [['invalid-enum-value', 'ml.m5.xlargee']]);
  });
});
