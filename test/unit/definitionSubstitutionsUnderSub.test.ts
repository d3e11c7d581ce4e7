// A state machine DefinitionString written Fn::Sub beside DefinitionSubstitutions: Fn::Sub reads
// the string first. `${!Name}` is its escape, written out as `${Name}` for the map to fill — read
// from the map exactly as a plain DefinitionString's `${Name}` is (found by a fresh user: it was
// `unfilled-placeholder`, advising `${Name}`, which fails the deploy). Its own `${Name}` it fills
// itself, and one naming only a map key fails the deploy ("Unresolved resource dependencies"):
// `unfilled-placeholder` with **Write ${!Name}** (was silent, the map's value read as if it worked).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/sm';

/** The repro's training task (no hyperparameters, no channels) as JSON text: `image` and `role` as written, `partition` in its Resource. */
function machine(image: string, options: { role?: string; partition?: string; instanceType?: string } = {}): string {
  return JSON.stringify({
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        End: true,
        Resource: `arn:${options.partition ?? '${AWS::Partition}'}:states:::sagemaker:createTrainingJob.sync`,
        Parameters: {
          'TrainingJobName.$': '$$.Execution.Name',
          RoleArn: options.role ?? '${!RoleArn}',
          AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
          ResourceConfig: { InstanceCount: 1, InstanceType: options.instanceType ?? 'ml.m5.xlarge', VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      },
    },
  });
}

/**
 * A JSON template of one state machine, Flow, whose DefinitionString is `definitionString`, with
 * `substitutions` (none when undefined); `top`: the template's other top-level members, `flow`:
 * Flow's besides Type and Properties (Metadata), `others`: other resources.
 */
function jsonTemplate(definitionString: unknown, substitutions: unknown, options: { top?: object; flow?: object; others?: object } = {}): string {
  const properties = { RoleArn: 'arn:aws:iam::111122223333:role/sfn', DefinitionString: definitionString, ...(substitutions !== undefined && { DefinitionSubstitutions: substitutions }) };
  return JSON.stringify({ ...options.top, Resources: { ...options.others, Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: properties, ...options.flow } } }, null, 1);
}

/** A YAML template of one state machine whose DefinitionString is `!Sub |` over `json`, with the `substitutions` lines (under the map) and `head` lines. */
function yamlTemplate(json: string, substitutions: string[], head: string[] = []): string {
  return [
    ...head,
    'Resources:',
    '  Flow:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      RoleArn: arn:aws:iam::111122223333:role/sfn',
    '      DefinitionString: !Sub |',
    `        ${json}`,
    ...(substitutions.length > 0 ? ['      DefinitionSubstitutions:', ...substitutions.map((line) => `        ${line}`)] : []),
    '',
  ].join('\n');
}

/** Each finding as its code and the text it covers. */
function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${text.slice(finding.offset, finding.offset + finding.length)}`);
}

/** Each finding as its code, covered text and message: what a user reads, wherever it is. */
function read(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${text.slice(finding.offset, finding.offset + finding.length)}: ${finding.message}`);
}

/** As the checker and the editor analyse: with the built-in algorithm checks. */
const ALGORITHMS = { algorithms: true };

const LATEST = `${XGBOOST_US_EAST_1}:latest`;
const PINNED = `${XGBOOST_US_EAST_1}:1.7-1`;

describe('DefinitionString in Fn::Sub: ${!Name} is a DefinitionSubstitutions placeholder, read from the map as a plain ${Name} is', () => {
  it('JSON: no unfilled-placeholder; the map image and the algorithm checks read it, with the same findings as a plain DefinitionString', () => {
    const substitutions = { RoleArn: ROLE, TrainImage: PINNED };
    const escaped = jsonTemplate({ 'Fn::Sub': machine('${!TrainImage}') }, substitutions);
    const plain = jsonTemplate(machine('${TrainImage}', { role: '${RoleArn}', partition: 'aws' }), substitutions);
    const findings = analyzeJsonTemplate(escaped, ALGORITHMS);
    assert.deepEqual(covered(escaped, findings), ['algorithm-missing-hyperparameter ${!TrainImage}', 'algorithm-channel ${!TrainImage}']);
    assert.match(findings[0].message, /^XGBoost 1\.7-1 needs the hyperparameter "num_round" .*\(\$\{TrainImage\} is 683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1 in the state machine's DefinitionSubstitutions\.\)$/);
    // The same findings as `${TrainImage}` in a DefinitionString without Fn::Sub, placeholder text aside.
    assert.deepEqual(
      read(escaped, findings).map((line) => line.replace('${!TrainImage}', '${TrainImage}')),
      read(plain, analyzeJsonTemplate(plain, ALGORITHMS)),
    );
  });

  it('JSON: the map image is checked where the map writes it, with its fix there', () => {
    const text = jsonTemplate({ 'Fn::Sub': machine('${!TrainImage}') }, { RoleArn: ROLE, TrainImage: LATEST });
    const findings = analyzeJsonTemplate(text, ALGORITHMS).filter((finding) => finding.code === 'xgboost-unpinned');
    assert.deepEqual(covered(text, findings), ['xgboost-unpinned latest']);
    assert.ok(text.slice(0, findings[0].offset).endsWith('"TrainImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:'));
    assert.equal(applyHostFix(text, findings[0], undefined, 'json'), text.replace(LATEST, `${XGBOOST_US_EAST_1}:3.2-0`));
  });

  it('YAML `!Sub |`: the same (the repro), the map image reported in the map', () => {
    const text = yamlTemplate(machine('${!TrainImage}'), [`RoleArn: ${ROLE}`, `TrainImage: ${LATEST}`]);
    const findings = analyzeYaml(text, ALGORITHMS);
    assert.deepEqual(covered(text, findings), ['algorithm-missing-hyperparameter ${!TrainImage}', 'algorithm-channel ${!TrainImage}', 'xgboost-unpinned latest']);
    assert.ok(text.slice(0, findings[2].offset).endsWith(`TrainImage: ${XGBOOST_US_EAST_1}:`));
    assert.ok(findings.every((finding) => finding.code !== 'unfilled-placeholder'));
  });

  it('${!RoleArn} and other members: silent with the key, as before; the map value now checked against the member as for a plain ${Name}', () => {
    assert.deepEqual(analyzeJsonTemplate(jsonTemplate({ 'Fn::Sub': machine(PINNED) }, { RoleArn: ROLE }), ALGORITHMS).map((finding) => finding.code), ['algorithm-missing-hyperparameter', 'algorithm-channel']);
    const text = jsonTemplate({ 'Fn::Sub': machine(PINNED, { instanceType: '${!Type}' }) }, { RoleArn: 'my-role', Type: 'ml.m5.xlarg' });
    const findings = analyzeJsonTemplate(text, ALGORITHMS).filter((finding) => finding.code !== 'algorithm-channel' && finding.code !== 'algorithm-missing-hyperparameter');
    assert.deepEqual(covered(text, findings), ['pattern-mismatch my-role', 'invalid-enum-value ml.m5.xlarg']);
    assert.match(findings[1].message, /^DefinitionSubstitutions gives this to ResourceConfig\.InstanceType of task "Train": "ml\.m5\.xlarg" is not a valid InstanceType/);
    assert.equal(applyHostFix(text, findings[1], undefined, 'json'), text.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
  });
});

describe('DefinitionString in Fn::Sub: ${!Name} for a name the map lacks', () => {
  const message = /^\$\{!TrainImage\} is Fn::Sub's escape: Fn::Sub writes it out as the text \$\{TrainImage\} for DefinitionSubstitutions to fill in, and the state machine has no DefinitionSubstitutions key TrainImage, so Step Functions sends the value as written\. Add TrainImage to DefinitionSubstitutions, write \$\{TrainImage\} if a parameter or resource TrainImage should fill it in, or write the value itself\.$/;

  it('JSON: unfilled-placeholder on ${!TrainImage} alone (not its closing \\"), saying the map has no such key', () => {
    const text = jsonTemplate({ 'Fn::Sub': machine('${!TrainImage}') }, { RoleArn: ROLE });
    const findings = analyzeJsonTemplate(text, ALGORITHMS);
    assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${!TrainImage}']);
    assert.match(findings[0].message, message);
    assert.doesNotMatch(findings[0].message, /outside|Ref !/);
    assert.equal(findings[0].severity, 'error');
  });

  it('YAML: the same, also without any DefinitionSubstitutions', () => {
    for (const substitutions of [[`RoleArn: ${ROLE}`], []]) {
      const text = yamlTemplate(machine('${!TrainImage}', { role: ROLE }), substitutions);
      const findings = analyzeYaml(text, ALGORITHMS);
      assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${!TrainImage}']);
      assert.match(findings[0].message, message);
    }
  });

  it('outside Fn::Sub, ${!Name} is no escape: said so, with no Fn::Sub advice', () => {
    const text = jsonTemplate(machine('${!TrainImage}', { role: ROLE, partition: 'aws' }), { TrainImage: PINNED });
    const findings = analyzeJsonTemplate(text, ALGORITHMS);
    assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${!TrainImage}']);
    assert.equal(findings[0].message, '${!TrainImage} is sent as written: outside Fn::Sub, ${!…} is no escape, and DefinitionSubstitutions fills only ${Name} for its keys. Write ${TrainImage} with a DefinitionSubstitutions key TrainImage, or the value itself.');
  });
});

describe('DefinitionString in Fn::Sub: ${Name} naming only a DefinitionSubstitutions key fails the deploy', () => {
  const message = (name: string) =>
    `\${${name}} is filled in by Fn::Sub, before Step Functions reads DefinitionSubstitutions, and ${name} is only a DefinitionSubstitutions key (no parameter, resource or variable of the Fn::Sub): CloudFormation rejects the template ("Unresolved resource dependencies [${name}]"). Write \${!${name}}, which Fn::Sub writes out as \${${name}} for DefinitionSubstitutions to fill in.`;

  it('JSON: unfilled-placeholder on ${DetectorImage}, the map value not read meanwhile; Write ${!DetectorImage} fixes it, and the map is read', () => {
    const text = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { DetectorImage: LATEST });
    const findings = analyzeJsonTemplate(text, ALGORITHMS);
    // No xgboost-unpinned on the map, no algorithm findings: nothing reads the map's value while Fn::Sub fails.
    assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${DetectorImage}']);
    assert.equal(findings[0].message, message('DetectorImage'));
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(findings[0].fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Write ${!DetectorImage}', true, undefined]]);
    const fixed = applyHostFix(text, findings[0], undefined, 'json');
    assert.equal(fixed, text.replace('\\"${DetectorImage}\\"', '\\"${!DetectorImage}\\"'));
    assert.deepEqual(JSON.parse(JSON.parse(fixed).Resources.Flow.Properties.DefinitionString['Fn::Sub']).States.Train.Parameters.AlgorithmSpecification.TrainingImage, '${!DetectorImage}');
    assert.deepEqual(covered(fixed, analyzeJsonTemplate(fixed, ALGORITHMS)), ['algorithm-missing-hyperparameter ${!DetectorImage}', 'algorithm-channel ${!DetectorImage}', 'xgboost-unpinned latest']);
  });

  it('YAML: every such placeholder (image, role, instance type), each fixed in place', () => {
    const text = yamlTemplate(machine('${DetectorImage}', { role: '${RoleArn}', instanceType: '${InstanceType}' }), [`RoleArn: ${ROLE}`, `DetectorImage: ${PINNED}`, 'InstanceType: ml.m5.xlarge']);
    const findings = analyzeYaml(text, ALGORITHMS);
    assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${RoleArn}', 'unfilled-placeholder ${DetectorImage}', 'unfilled-placeholder ${InstanceType}']);
    assert.equal(findings[1].message, message('DetectorImage'));
    assert.equal(applyHostFix(text, findings[1]), text.replace('"${DetectorImage}"', '"${!DetectorImage}"'));
    const fixed = findings.reduceRight((current, finding) => applyHostFix(current, finding), text);
    assert.equal(fixed, text.replace('${RoleArn}', '${!RoleArn}').replace('${DetectorImage}', '${!DetectorImage}').replace('${InstanceType}', '${!InstanceType}'));
    assert.deepEqual(analyzeYaml(fixed, ALGORITHMS).map((finding) => finding.code), ['algorithm-missing-hyperparameter', 'algorithm-channel']);
  });

  it('the two-argument Fn::Sub of a CDK template (the repro): each reported, naming the construct, no fix', () => {
    const definition = machine('${DetectorImage}', { role: '${RoleArn}' }).replace('s3://bucket/out/', 's3://${Bucket}/out/');
    const text = jsonTemplate({ 'Fn::Sub': [definition, { Bucket: { Ref: 'DataBucket' } }] }, { RoleArn: { 'Fn::GetAtt': ['DetRole', 'Arn'] }, DetectorImage: PINNED }, { flow: { Metadata: { 'aws:cdk:path': 'MlSubStack/DetectorFlow' } } });
    const findings = analyzeJsonTemplate(text, ALGORITHMS);
    assert.deepEqual(covered(text, findings), ['unfilled-placeholder ${RoleArn}', 'unfilled-placeholder ${DetectorImage}']);
    assert.equal(findings[1].message, `${message('DetectorImage')} (From CDK construct MlSubStack/DetectorFlow: fix it in your CDK code; cdk synth writes this template again.)`);
    assert.deepEqual(findings[1].fixes, []);
  });

  it('nothing when Fn::Sub fills the name: a parameter (read as Fn::Sub reads it), a resource or its attribute, a pseudo parameter, a variable', () => {
    const parameters = { Parameters: { DetectorImage: { Type: 'String', Default: LATEST } } };
    const byParameter = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { DetectorImage: PINNED }, { top: parameters });
    // The parameter's default, not the map's value: the map never sees the placeholder.
    assert.deepEqual(covered(byParameter, analyzeJsonTemplate(byParameter, ALGORITHMS)).filter((line) => !line.startsWith('algorithm-')), ['xgboost-unpinned ${DetectorImage}']);
    const others = { Repo: { Type: 'AWS::ECR::Repository' }, Role: { Type: 'AWS::IAM::Role' } };
    const byResource = jsonTemplate({ 'Fn::Sub': machine('${Repo.RepositoryUri}', { role: '${Role.Arn}', instanceType: '${Repo}' }) }, { Repo: 'x', 'Role.Arn': ROLE, 'Repo.RepositoryUri': PINNED }, { others });
    assert.ok(analyzeJsonTemplate(byResource, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
    // The same names without those resources: each is only a key.
    const withoutResources = jsonTemplate({ 'Fn::Sub': machine('${Repo.RepositoryUri}', { role: '${Role.Arn}', instanceType: '${Repo}' }) }, { Repo: 'x', 'Role.Arn': ROLE, 'Repo.RepositoryUri': PINNED });
    assert.deepEqual(covered(withoutResources, analyzeJsonTemplate(withoutResources, ALGORITHMS)), ['unfilled-placeholder ${Role.Arn}', 'unfilled-placeholder ${Repo.RepositoryUri}', 'unfilled-placeholder ${Repo}']);
    const byVariable = jsonTemplate({ 'Fn::Sub': [machine('${DetectorImage}', { role: ROLE }), { DetectorImage: PINNED }] }, { DetectorImage: LATEST });
    assert.ok(analyzeJsonTemplate(byVariable, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
    const pseudo = jsonTemplate({ 'Fn::Sub': machine(PINNED, { role: ROLE }) }, { 'AWS::Partition': 'aws' });
    assert.ok(analyzeJsonTemplate(pseudo, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
  });

  it('nothing where the names cannot be known: a computed variable map or DefinitionSubstitutions, a Transform naming a macro', () => {
    const computedVariables = jsonTemplate({ 'Fn::Sub': [machine('${DetectorImage}', { role: ROLE }), { 'Fn::If': ['C', { A: 'a' }, { B: 'b' }] }] }, { DetectorImage: PINNED });
    assert.ok(analyzeJsonTemplate(computedVariables, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
    const computedMap = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { 'Fn::GetAtt': ['Config', 'Map'] });
    assert.ok(analyzeJsonTemplate(computedMap, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
    const macro = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { DetectorImage: PINNED }, { top: { Transform: ['AWS::Serverless-2016-10-31', 'MyCompanyMacro'] } });
    assert.ok(analyzeJsonTemplate(macro, ALGORITHMS).every((finding) => finding.code !== 'unfilled-placeholder'));
    // SAM's own transform adds nothing a map key would name: still reported.
    const sam = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { DetectorImage: PINNED }, { top: { Transform: 'AWS::Serverless-2016-10-31' } });
    assert.deepEqual(covered(sam, analyzeJsonTemplate(sam, ALGORITHMS)), ['unfilled-placeholder ${DetectorImage}']);
  });

  it('either side of an Fn::If map names a key; a name of neither side is not this finding', () => {
    const text = jsonTemplate({ 'Fn::Sub': machine('${DetectorImage}', { role: ROLE }) }, { 'Fn::If': ['Prod', { DetectorImage: PINNED }, { Other: 'x' }] }, { top: { Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } } } });
    assert.deepEqual(covered(text, analyzeJsonTemplate(text, ALGORITHMS)), ['unfilled-placeholder ${DetectorImage}']);
  });
});
