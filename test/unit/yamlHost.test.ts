// The YAML host as AWS CLI input (`--cli-input-yaml`): requests yielded with their kinds, ranges
// and dynamic values, each rule family through the host with its fix's resulting YAML, YAML 1.1
// vs 1.2 ambiguity, aliases and merge keys, suppression comments, and the lazy pre-filter.
import * as assert from 'node:assert/strict';
import { applyPreferredFixes } from '../../src/core/fixAll';
import { readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt, hoverThroughAlias } from '../../src/core/hover';
import { completeInPython } from '../../src/core/hosts/python/pythonCompletion';
import { buildCreateRequest } from '../../src/core/launch/requestBody';
import { DYNAMIC, requestValue } from './pythonTestKit';
import { analyzeText, catalog, codes, KMEANS_US_EAST_1, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeYaml, applyHostFix, hoverYaml } from './yamlTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A valid CreateTrainingJob as YAML, with `image` and extra lines appended under the root. */
function trainingYaml(image = `${KMEANS_US_EAST_1}:1`, extra = ''): string {
  return [
    '# Training job for the nightly run',
    'TrainingJobName: demo-job',
    `RoleArn: ${ROLE}`,
    'AlgorithmSpecification:',
    `  TrainingImage: ${image} # pinned`,
    '  TrainingInputMode: File',
    'OutputDataConfig: {S3OutputPath: "s3://bucket/output"}',
    'ResourceConfig:',
    '  InstanceType: ml.m5.xlarge',
    '  InstanceCount: 1',
    '  VolumeSizeInGB: 10',
    'StoppingCondition:',
    '  MaxRuntimeInSeconds: 3600',
    extra,
  ].join('\n');
}

describe('YAML host (AWS CLI input)', () => {
  it('reads a valid spec as the request it is, and finds nothing', () => {
    const text = trainingYaml();
    assert.deepEqual(analyzeYaml(text), []);
    const document = readYamlDocument(text);
    assert.equal(document.host, 'yaml');
    assert.equal(document.requests.length, 1);
    const [request] = document.requests;
    assert.equal(request.kind, 'CreateTrainingJob');
    assert.equal(request.root!.offset, text.indexOf('TrainingJobName'));
    assert.deepEqual(requestValue(request.root), {
      TrainingJobName: 'demo-job',
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: `${KMEANS_US_EAST_1}:1`, TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    });
    const image = request.images[0];
    assert.equal(textAt(text, { offset: image.value.offset, length: image.value.length } as never), `${KMEANS_US_EAST_1}:1`);
  });

  it('the launch body is the JSON the YAML stands for', () => {
    const body = JSON.parse(JSON.stringify(buildCreateRequest(readYamlDocument(trainingYaml()).requests[0])!.body)) as Record<string, unknown>;
    assert.deepEqual(body.ResourceConfig, { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 });
    assert.deepEqual(body.OutputDataConfig, { S3OutputPath: 's3://bucket/output' });
  });

  it('yields one request per document of a stream, with offsets into the whole text', () => {
    const model = `ModelName: m\nExecutionRoleArn: ${ROLE}\nPrimaryContainer:\n  Image: ${XGBOOST_US_EAST_1}:latest\n`;
    const text = `${trainingYaml()}\n---\n${model}`;
    const document = readYamlDocument(text);
    assert.deepEqual(document.requests.map((request) => request.kind), ['CreateTrainingJob', 'CreateModel']);
    const finding = only(analyzeYaml(text), 'xgboost-unpinned');
    assert.equal(finding.offset, text.lastIndexOf('latest'));
  });

  describe('a stream of several documents: the AWS CLI loads one (found by a fresh user)', () => {
    const model = `ModelName: m\nExecutionRoleArn: ${ROLE}\nPrimaryContainer:\n  Image: ${XGBOOST_US_EAST_1}:latest\n`;
    const SECOND =
      'A second YAML document starts here, and the AWS CLI reads only one (`--cli-input-yaml` loads a single document): it refuses the whole file ("Invalid YAML received") and sends nothing. ' +
      'Put each request in a file of its own; each document here is still checked on its own.';

    it('reports invalid-yaml on the second `---` once, and still checks each document whole', () => {
      const text = `${trainingYaml()}\n---\n${model}---\n${model.replace('ModelName: m\n', 'ModelName: n\n')}`;
      const findings = analyzeYaml(text, { forced: true });
      assert.deepEqual(findings.map((finding) => [finding.code, finding.offset, finding.length]), [
        ['invalid-yaml', text.indexOf('---'), 3],
        ['xgboost-unpinned', text.indexOf('latest'), 'latest'.length],
        ['xgboost-unpinned', text.lastIndexOf('latest'), 'latest'.length],
      ]);
      assert.equal(findings[0].message, SECOND);
      assert.equal(findings[0].severity, 'error');
      // Not a syntax error: nothing was dropped, so a missing member is still reported.
      const withoutName = text.replace('---\nModelName: m\n', '---\n');
      assert.deepEqual(codes(analyzeYaml(withoutName, { forced: true })), ['invalid-yaml', 'missing-required-property', 'xgboost-unpinned', 'xgboost-unpinned']);
    });

    it('an empty document after a trailing `---` is refused too: the advice is to remove it', () => {
      const text = `${trainingYaml()}\n---\n# nothing here\n`;
      const finding = only(analyzeYaml(text, { forced: true }), 'invalid-yaml');
      assert.deepEqual([finding.offset, finding.length], [text.indexOf('---'), 3]);
      assert.equal(
        finding.message,
        'An empty second YAML document starts here, and the AWS CLI reads only one (`--cli-input-yaml` loads a single document): it refuses the whole file ("Invalid YAML received") and sends nothing. Remove this `---`: the document after it is empty.',
      );
    });

    describe('"Remove the empty document": the trailing `---` and what is blank after it go, the first document stays as it is', () => {
      const fixAll = (text: string) => applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'yaml' }, findings: analyzeYaml(current, { forced: true }) }));

      it('removes the `---` line and the blank rest, keeping the final line break (LF and CRLF)', () => {
        for (const [text, fixed] of [
          [`${trainingYaml()}\n---\n`, `${trainingYaml()}\n`],
          [`${trainingYaml()}\n---`, `${trainingYaml()}\n`],
          [`${trainingYaml()}\n---  \n\n\n`, `${trainingYaml()}\n`],
          [`${trainingYaml().replace(/\n/g, '\r\n')}\r\n---\r\n\r\n`, `${trainingYaml().replace(/\n/g, '\r\n')}\r\n`],
          [`${trainingYaml()}\n# end of the job\n---\n`, `${trainingYaml()}\n# end of the job\n`],
        ]) {
          const finding = only(analyzeYaml(text, { forced: true }), 'invalid-yaml');
          assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Remove the empty document', true]], JSON.stringify(text));
          assert.equal(applyHostFix(text, finding), fixed, JSON.stringify(text));
        }
      });

      it('keeps the comments after the `---`: they then end the first document', () => {
        const text = `${trainingYaml()}\n---\n# nothing here\n`;
        assert.equal(applyHostFix(text, only(analyzeYaml(text, { forced: true }), 'invalid-yaml')), `${trainingYaml()}\n# nothing here\n`);
        const sameLine = `${trainingYaml()}\n--- # split here\n`;
        assert.equal(applyHostFix(sameLine, only(analyzeYaml(sameLine, { forced: true }), 'invalid-yaml')), `${trainingYaml()}\n# split here\n`);
      });

      it('fix-all applies it, and the file is then one document with no finding', () => {
        const text = `${trainingYaml()}\n---\n`;
        const result = fixAll(text);
        assert.equal(result.text, `${trainingYaml()}\n`);
        assert.deepEqual(result.applied.map((fix) => [fix.code, fix.title, fix.line, fix.column]), [['invalid-yaml', 'Remove the empty document', 15, 1]]);
        assert.deepEqual(analyzeYaml(result.text, { forced: true }), []);
      });

      it('no fix for a second document that holds a request, nor for an empty one before a third, nor after a `%YAML` directive', () => {
        const model = `ModelName: m\nExecutionRoleArn: ${ROLE}\nPrimaryContainer:\n  Image: ${XGBOOST_US_EAST_1}:1.7-1\n`;
        for (const text of [`${trainingYaml()}\n---\n${model}`, `${trainingYaml()}\n---\n---\n${model}`, `${trainingYaml()}\n...\n%YAML 1.2\n---\n`]) {
          const finding = analyzeYaml(text, { forced: true }).find((candidate) => candidate.code === 'invalid-yaml' && candidate.message.includes('second YAML document'));
          assert.ok(finding, JSON.stringify(text));
          assert.deepEqual(finding.fixes, [], JSON.stringify(text));
          assert.equal(fixAll(text).applied.filter((fix) => fix.code === 'invalid-yaml').length, 0, JSON.stringify(text));
        }
      });
    });

    it('one document with a leading `---`, a `%YAML` directive or a closing `...` is fine', () => {
      for (const text of [`---\n${trainingYaml()}`, `%YAML 1.2\n---\n${trainingYaml()}`, `${trainingYaml()}\n...\n# end\n`]) assert.deepEqual(analyzeYaml(text, { forced: true }), [], text);
    });

    it('a suppression comment before the `---` silences it', () => {
      const text = `${trainingYaml()}\n# sagemaker-spec-disable-next-line invalid-yaml -- split by our script\n---\n${model.replace(':latest', ':1.7-1')}`;
      assert.deepEqual(analyzeYaml(text, { forced: true }), []);
    });

    it('a stream of CloudFormation templates is not AWS CLI input: no finding', () => {
      const template = `Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: ${ROLE}\n      PrimaryContainer:\n        Image: ${XGBOOST_US_EAST_1}:1.7-1\n`;
      const text = `${template}---\n${template}`;
      assert.equal(readYamlDocument(text).requests.length, 2);
      assert.deepEqual(analyzeYaml(text), []);
    });
  });

  describe('each rule family, with its fix as YAML', () => {
    it('latest-tag: the tag is replaced in place, the comment kept', () => {
      const text = trainingYaml(`${KMEANS_US_EAST_1}:latest`);
      const finding = only(analyzeYaml(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
      assert.equal(applyHostFix(text, finding), trainingYaml(`${KMEANS_US_EAST_1}:1`));
    });

    it('registry-account-mismatch: the account is replaced', () => {
      const text = trainingYaml('683313688378.dkr.ecr.us-east-1.amazonaws.com/kmeans:1');
      const finding = only(analyzeYaml(text), 'registry-account-mismatch');
      assert.equal(textAt(text, finding), '683313688378');
      assert.equal(applyHostFix(text, finding), trainingYaml(`${KMEANS_US_EAST_1}:1`));
    });

    it('invalid-enum-value in a double-quoted scalar keeps its quotes', () => {
      const text = trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: "Fil"');
      const finding = only(analyzeYaml(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), 'Fil');
      assert.equal(applyHostFix(text, finding), trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: "File"'));
    });

    it('unknown-property: the key is renamed', () => {
      const text = trainingYaml().replace('MaxRuntimeInSeconds', 'MaxRuntimeInSecond');
      const finding = only(analyzeYaml(text), 'unknown-property');
      assert.equal(applyHostFix(text, finding), trainingYaml());
    });

    it('invalid-type: a quoted number becomes a plain one', () => {
      const text = trainingYaml().replace('VolumeSizeInGB: 10', "VolumeSizeInGB: '10'");
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(applyHostFix(text, finding), trainingYaml());
    });

    it('value-out-of-range: the bound is written', () => {
      const text = trainingYaml().replace('MaxRuntimeInSeconds: 3600', 'MaxRuntimeInSeconds: 0');
      const finding = only(analyzeYaml(text), 'value-out-of-range');
      assert.equal(applyHostFix(text, finding), trainingYaml().replace('MaxRuntimeInSeconds: 3600', 'MaxRuntimeInSeconds: 1'));
    });

    it('private-registry-needs-vpc-access: the access mode is set in a new block mapping', () => {
      const text = trainingYaml('registry.example.com/team/trainer:2.1');
      const finding = only(analyzeYaml(text), 'private-registry-needs-vpc-access');
      const fixed = applyHostFix(text, finding);
      assert.equal(
        fixed,
        trainingYaml('registry.example.com/team/trainer:2.1').replace(
          '  TrainingInputMode: File\n',
          '  TrainingInputMode: File\n  TrainingImageConfig:\n    TrainingRepositoryAccessMode: Vpc\n',
        ),
      );
      assert.ok(codes(analyzeYaml(fixed)).includes('missing-vpc-config'), 'the next step is reported: a VpcConfig');
    });

    it('missing-required-property: the member is added after the last one', () => {
      const text = trainingYaml().replace(`RoleArn: ${ROLE}\n`, '');
      const finding = only(analyzeYaml(text), 'missing-required-property');
      const fixed = applyHostFix(text, finding);
      assert.match(fixed, /\n {2}MaxRuntimeInSeconds: 3600\nRoleArn: ""\n$/);
    });
  });

  describe('the values the AWS CLI v2 reads: its one reader (ruamel.yaml, YAML 1.2 with some of 1.1)', () => {
    // Each reading is /usr/bin/aws 2.9's; awsCliYamlParity.test.ts runs it on the same literals.
    const withValue = (member: string, literal: string) => trainingYaml().replace('StoppingCondition:', `${member}: ${literal}\nStoppingCondition:`);
    const withTag = (literal: string) => trainingYaml(undefined, `Tags:\n  - Key: k\n    Value: ${literal}`);
    const withInstanceCount = (literal: string) => trainingYaml().replace('InstanceCount: 1', `InstanceCount: ${literal}`);
    const instanceCount = (text: string) => (requestValue(readYamlDocument(text).requests[0].root) as { ResourceConfig: { InstanceCount: unknown } }).ResourceConfig.InstanceCount;

    for (const [literal, meant] of [['yes', 'true'], ['on', 'true'], ['Y', 'true'], ['off', 'false'], ['no', 'false'], ['n', 'false']]) {
      it(`\`${literal}\` is the string "${literal}" (YAML 1.2): a boolean member gets invalid-type, fixed as ${meant}`, () => {
        const text = withValue('EnableNetworkIsolation', literal);
        const finding = only(analyzeYaml(text), 'invalid-type');
        assert.equal(textAt(text, finding), literal);
        assert.deepEqual(finding.fixes.map((fix) => fix.title), [`Use ${meant}`]);
        assert.equal(applyHostFix(text, finding), withValue('EnableNetworkIsolation', meant));
        // A string member takes it as the CLI sends it.
        assert.deepEqual(analyzeYaml(withTag(literal)), []);
      });
    }

    it('`yes` where a number or an enum value goes is reported too (the CLI sends the string)', () => {
      assert.deepEqual(codes(analyzeYaml(withInstanceCount('yes'))), ['invalid-type']);
      assert.deepEqual(only(analyzeYaml(withInstanceCount('yes')), 'invalid-type').fixes, []);
      assert.deepEqual(codes(analyzeYaml(trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: on'))), ['invalid-enum-value']);
    });

    for (const [literal, value] of [['012', 12], ['0o12', 10], ['1_000', 1000], ['0x1F', 31], ['0x1E', 30], ['0b11', 3], ['+3', 3]] as const) {
      it(`\`${literal}\` is the number ${value}: an integer member takes it, a string member gets invalid-type, fixed as "${literal}"`, () => {
        const counted = withInstanceCount(literal);
        assert.deepEqual(analyzeYaml(counted), []);
        assert.equal(instanceCount(counted), value);
        const text = withTag(literal);
        const finding = only(analyzeYaml(text), 'invalid-type');
        assert.equal(textAt(text, finding), literal);
        assert.equal(applyHostFix(text, finding), withTag(`"${literal}"`));
      });
    }

    it('`1e3` and `1.0` are floats, which an integer member refuses: fixed as the integer', () => {
      for (const [literal, fixed] of [['1e3', '1000'], ['1.0', '1'], ['1_0.0', '10']]) {
        const text = withInstanceCount(literal);
        const finding = only(analyzeYaml(text), 'invalid-type');
        assert.equal(textAt(text, finding), literal);
        assert.equal(applyHostFix(text, finding), withInstanceCount(fixed));
      }
    });

    it('`1:30` is the string "1:30" (no base-60 numbers in YAML 1.2): no fix guesses a number', () => {
      const finding = only(analyzeYaml(withInstanceCount('1:30')), 'invalid-type');
      assert.deepEqual(finding.fixes, []);
      assert.deepEqual(analyzeYaml(withTag('1:30')), []);
    });

    it('`~`, `null` and an empty value are null, which the CLI refuses (value: None); an empty value is shown on its key', () => {
      for (const literal of ['~', 'null']) {
        const text = trainingYaml().replace('TrainingInputMode: File', `TrainingInputMode: ${literal}`);
        assert.equal(textAt(text, only(analyzeYaml(text), 'invalid-type')), literal);
      }
      const text = trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode:');
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(textAt(text, finding), 'TrainingInputMode');
      assert.deepEqual(finding.fixes, []);
      // Also in a flow mapping, and as the last member of the file.
      const flow = trainingYaml().replace('OutputDataConfig: {S3OutputPath: "s3://bucket/output"}', 'OutputDataConfig: {S3OutputPath: }');
      assert.equal(textAt(flow, only(analyzeYaml(flow), 'invalid-type')), 'S3OutputPath');
      const last = trainingYaml().replace('MaxRuntimeInSeconds: 3600', 'MaxRuntimeInSeconds:');
      assert.equal(textAt(last, only(analyzeYaml(last), 'invalid-type')), 'MaxRuntimeInSeconds');
    });

    it('a date is a date, which no member takes: fixed as the quoted string', () => {
      for (const literal of ['2024-01-31', '2024-1-2 3:04:05', '2024-01-02T03:04:05Z']) {
        const text = withTag(literal);
        const finding = only(analyzeYaml(text), 'invalid-type');
        assert.equal(textAt(text, finding), literal);
        assert.equal(applyHostFix(text, finding), withTag(`"${literal}"`));
      }
    });

    it('a plain scalar the CLI cannot load (`=`, a month 13) is reported, fixed as the quoted string', () => {
      for (const literal of ['=', '2024-13-01', '0x_']) {
        const text = withTag(literal);
        const finding = only(analyzeYaml(text), 'invalid-type');
        assert.equal(textAt(text, finding), literal);
        assert.equal(applyHostFix(text, finding), withTag(`"${literal}"`));
      }
    });

    it('`.inf` and `.nan` are sent as Infinity and NaN, which are not JSON', () => {
      const text = ['EndpointConfigName: c', 'ProductionVariants:', '  - VariantName: v', '    ModelName: m', '    InstanceType: ml.m5.xlarge', '    InitialVariantWeight: .inf', ''].join('\n');
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(textAt(text, finding), '.inf');
      assert.equal(textAt(text.replace('.inf', '.nan'), only(analyzeYaml(text.replace('.inf', '.nan')), 'invalid-type')), '.nan');
    });

    it('a quoted `"yes"`, `"012"` or `"2024-01-31"` is a string for every reader', () => {
      assert.deepEqual(codes(analyzeYaml(trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: "yes"'))), ['invalid-enum-value']);
      assert.deepEqual(analyzeYaml(withTag('"012"')), []);
      assert.deepEqual(analyzeYaml(withTag("'2024-01-31'")), []);
    });

    it('`true` is a boolean for every reader: a type problem where a string is expected', () => {
      const text = trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: true');
      assert.deepEqual(codes(analyzeYaml(text)), ['invalid-type']);
    });

    it('under `%YAML 1.1` the CLI reads YAML 1.1: `yes` is true, `012` is octal 10', () => {
      const text = `%YAML 1.1\n---\n${withValue('EnableNetworkIsolation', 'yes').replace('InstanceCount: 1', 'InstanceCount: 012')}`;
      assert.deepEqual(analyzeYaml(text), []);
      const value = requestValue(readYamlDocument(text).requests[0].root) as { EnableNetworkIsolation: unknown; ResourceConfig: { InstanceCount: unknown } };
      assert.deepEqual([value.EnableNetworkIsolation, value.ResourceConfig.InstanceCount], [true, 10]);
    });

    it('the trial files: `yes` and `on` in two requests of a stream, an empty enum member', () => {
      const stream = [
        `ModelName: m\nExecutionRoleArn: ${ROLE}\nPrimaryContainer:\n  Image: ${XGBOOST_US_EAST_1}:1.7-1\nEnableNetworkIsolation: yes`,
        'EndpointConfigName: c\nProductionVariants:\n  - {VariantName: all, ModelName: m, InstanceType: ml.c5.xlarge, InitialInstanceCount: 2}\nDataCaptureConfig:\n  EnableCapture: on\n  InitialSamplingPercentage: 20\n  DestinationS3Uri: s3://b/capture\n  CaptureOptions:\n    - CaptureMode: Input\n',
      ].join('\n---\n');
      const findings = analyzeYaml(stream, { forced: true });
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(stream, finding)]), [['invalid-type', 'yes'], ['invalid-yaml', '---'], ['invalid-type', 'on']]);
      assert.equal(applyHostFix(applyHostFix(stream, findings[2]), findings[0]), stream.replace('EnableNetworkIsolation: yes', 'EnableNetworkIsolation: true').replace('EnableCapture: on', 'EnableCapture: true'));
    });
  });

  describe('an empty or half-typed image gets the finding a JSON spec gets', () => {
    // An empty image is no image SageMaker can pull (the CLI sends "" and the service refuses it):
    // like a malformed reference it is an invalid-image-reference error, told apart by its
    // message, and it must read the same in YAML as in JSON (code, severity, message, range, fixes).
    const HOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com';
    /** Each finding with its range relative to the start of the image's characters. */
    const relative = (findings: ReturnType<typeof analyzeYaml>, start: number) => findings.map((finding) => [finding.code, finding.severity, finding.message, finding.offset - start, finding.length, finding.fixes.map((fix) => fix.title)]);
    for (const [written, image] of [
      ['""', ''],
      ["''", ''],
      [`${HOST}/`, `${HOST}/`],
      [`"${HOST}/sagemaker-xgboost:"`, `${HOST}/sagemaker-xgboost:`],
      [`${HOST}/sagemaker-xgboost:1.7-`, `${HOST}/sagemaker-xgboost:1.7-`],
      ['683313688378.dkr', '683313688378.dkr'],
    ]) {
      it(`TrainingImage: ${written}`, () => {
        const json = trainingSpec(image);
        const jsonFindings = relative(analyzeText(json, { region: 'us-east-1' }), json.indexOf('"TrainingImage": "') + '"TrainingImage": "'.length);
        const yaml = trainingYaml(written);
        const yamlFindings = relative(analyzeYaml(yaml, { forced: true, region: 'us-east-1' }), yaml.indexOf(`TrainingImage: ${written}`) + 'TrainingImage: '.length + (/^["']/.test(written) ? 1 : 0));
        assert.ok(yamlFindings.length > 0);
        assert.deepEqual(yamlFindings, jsonFindings);
      });
    }
  });

  describe('CloudFormation templates keep reporting only what every YAML reader agrees on (their reader is not the AWS CLI)', () => {
    for (const literal of ['yes', 'on', 'off', 'y', '012', '0o12', '1_000', '1:30', '1e3']) {
      it(`\`${literal}\` is dynamic in a template: YAML 1.1 and 1.2 readers read it differently`, () => {
        const text = [
          'Resources:',
          '  Job:',
          '    Type: AWS::SageMaker::Model',
          '    Properties:',
          `      ExecutionRoleArn: ${ROLE}`,
          `      PrimaryContainer: {Image: "${XGBOOST_US_EAST_1}:1.7-1"}`,
          `      EnableNetworkIsolation: ${literal}`,
          '',
        ].join('\n');
        assert.deepEqual(analyzeYaml(text), []);
        const root = readYamlDocument(text).requests[0].root;
        assert.equal((requestValue(root) as { EnableNetworkIsolation: unknown }).EnableNetworkIsolation, DYNAMIC);
      });
    }
  });

  describe('anchors, aliases and merge keys', () => {
    it('an alias is its anchor: a finding inside it points at the anchor, reported once', () => {
      const text = [
        `x-base: &image ${KMEANS_US_EAST_1}:latest`,
        'TrainingJobName: demo-job',
        `RoleArn: ${ROLE}`,
        'AlgorithmSpecification:',
        '  TrainingImage: *image',
        '  TrainingInputMode: File',
        '',
      ].join('\n');
      const findings = analyzeYaml(text).filter((finding) => finding.code === 'latest-tag');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].offset, text.indexOf('latest'));
      assert.equal(applyHostFix(text, findings[0]), text.replace(':latest', ':1'));
    });

    it('hover on an alias of a scalar shows what hovering the anchored value shows, over the alias (found by a fresh user)', () => {
      const text = [
        `x-common: &img ${XGBOOST_US_EAST_1}:1.7-1`,
        'TrainingJobName: demo-job',
        `RoleArn: ${ROLE}`,
        'AlgorithmSpecification: &algo',
        '  TrainingImage: *img',
        '  TrainingInputMode: File',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
        'x-copy: *algo',
        '',
      ].join('\n');
      const document = readYamlDocument(text);
      const hover = (offset: number) => hoverThroughAlias(document, offset, (at) => hoverAt(requestAt(document, at)!, at, catalog));
      const onValue = hover(text.indexOf('sagemaker-xgboost'))!;
      assert.match(onValue.markdown, /^\*\*Amazon ECR image\*\* \(SageMaker registry\)/);
      for (const at of [text.indexOf('*img'), text.indexOf('*img') + 2, text.indexOf('*img') + 4]) {
        const onAlias = hover(at)!;
        assert.equal(onAlias.markdown, onValue.markdown);
        assert.equal(text.slice(onAlias.range.offset, onAlias.range.offset + onAlias.range.length), '*img');
      }
      assert.equal(hoverYaml(text.replace('*img', '*i|mg')), onValue.markdown);
      // An alias of a mapping is no value to describe: as before, nothing.
      assert.equal(hover(text.indexOf('*algo') + 1), undefined);
    });

    it('places findings in a double-quoted scalar over several lines where its characters are written (found by a fresh user)', () => {
      const [host, repository] = KMEANS_US_EAST_1.split('/');
      // `\` ends the first line: the break and the next line's indentation are not in the value.
      const text = ['TrainingJobName: demo', `RoleArn: ${ROLE}`, 'AlgorithmSpecification:', `  TrainingImage: "${host}/\\`, `    ${repository}:latest"`, '  TrainingInputMode: File', ''].join('\n');
      const finding = only(analyzeYaml(text), 'latest-tag');
      assert.equal(finding.offset, text.indexOf('latest'));
      assert.equal(textAt(text, finding), 'latest');
    });

    it('a value read through aliases at several members is one finding, saying how many read it (found by a fresh user)', () => {
      const text = [
        'EndpointConfigName: ec',
        'ProductionVariants:',
        '  - VariantName: A',
        '    ModelName: m',
        '    InitialInstanceCount: 1',
        '    InstanceType: &it ml.c5.larg',
        '  - {VariantName: B, ModelName: m, InitialInstanceCount: 1, InstanceType: *it}',
        '  - {VariantName: C, ModelName: m, InitialInstanceCount: 1, InstanceType: *it}',
        '',
      ].join('\n');
      const finding = only(analyzeYaml(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), 'ml.c5.larg');
      assert.match(finding.message, /^"ml\.c5\.larg" is not a valid ProductionVariants\[0\]\.InstanceType: .* \(A YAML alias reads this value in 2 more places: fixing it here fixes all of them\.\)$/);
      assert.equal(applyHostFix(text, finding), text.replace('&it ml.c5.larg', '&it ml.c5.large'));
      // Without an alias, each place keeps its own finding.
      const twice = text.replace(/\*it/g, 'ml.c5.larg').replace('&it ', '');
      assert.equal(analyzeYaml(twice).filter((found) => found.code === 'invalid-enum-value').length, 3);
    });

    it('fix-all leaves an anchor two members need as different types: its fixes undo each other (they took turns run after run; found by a fresh user)', () => {
      const text = [
        'TrainingJobName: conflict',
        'RoleArn: arn:aws:iam::123456789012:role/R',
        'AlgorithmSpecification:',
        `  TrainingImage: ${KMEANS_US_EAST_1}:1`,
        '  TrainingInputMode: File',
        'HyperParameters:',
        '  num_round: &n 10',
        'OutputDataConfig: {S3OutputPath: "s3://b/o"}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: *n}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
        '',
      ].join('\n');
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(textAt(text, finding), '10');
      // Offered in the editor as it stands: the user may choose it, and meets the other member's need next.
      const fixed = applyHostFix(text, finding);
      assert.equal(fixed, text.replace('&n 10', '&n "10"'));
      assert.equal(only(analyzeYaml(fixed), 'invalid-type').message, 'VolumeSizeInGB must be an integer, not a string.');
      const analyze = (current: string) => ({ document: { text: current, host: 'yaml' as const }, findings: analyzeYaml(current) });
      const result = applyPreferredFixes(text, analyze);
      assert.equal(result.text, text);
      assert.deepEqual(result.applied, []);
      assert.equal(result.rounds, undefined);
    });

    it('a merge key brings its members (as the AWS CLI merges) and opens the mapping', () => {
      const text = [
        'ResourceConfig: &resources',
        '  InstanceType: ml.m5.xlarge',
        '  InstanceCount: 1',
        'TrainingJobName: demo-job',
        'AlgorithmSpecification:',
        `  TrainingImage: ${KMEANS_US_EAST_1}:1`,
        '  TrainingInputMode: File',
        'StoppingCondition:',
        '  <<: {MaxRuntimeInSeconds: 3600}',
        '  MaxWaitTimeInSeconds: 7200',
        '',
      ].join('\n');
      const value = requestValue(readYamlDocument(text).requests[0].root) as Record<string, unknown>;
      assert.deepEqual(value.StoppingCondition, { MaxWaitTimeInSeconds: 7200, MaxRuntimeInSeconds: 3600 });
      assert.ok(!analyzeYaml(text).some((finding) => finding.message.includes('StoppingCondition')));
    });

    it('in AWS CLI input a merged mapping is not open: the CLI merges, so an unknown or missing member is reported (found by the regression hunt)', () => {
      const text = [
        'base: &base',
        '  RoleArn: arn:aws:iam::123456789012:role/R',
        'TrainingJobName: x',
        '<<: *base',
        'RoleARN: arn:aws:iam::123456789012:role/R',
        'AlgorithmSpecification:',
        `  TrainingImage: ${KMEANS_US_EAST_1}:1`,
        '  TrainingInputMode: File',
        'HyperParameters: {k: "10", feature_dim: "784"}',
        'OutputDataConfig: {S3OutputPath: s3://b/o}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
        '',
      ].join('\n');
      const found = analyzeYaml(text, { forced: true }).filter((finding) => finding.code === 'unknown-property' || finding.code === 'missing-required-property');
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['unknown-property', 'base'], ['unknown-property', 'RoleARN']]);
      // RoleArn comes only from the merge: a key written here overrides it, so the rename is the fix.
      assert.match(found[1].message, /Did you mean "RoleArn"\? Written here, it overrides the one the merge key \(<<\) brings in\.$/);
      assert.equal(applyHostFix(text, found[1]), text.replace('RoleARN:', 'RoleArn:'));
      // Without the merge, RoleArn is missing: the misspelt one is then the required member's typo.
      const unmerged = text.replace('<<: *base\n', '');
      const roleArn = analyzeYaml(unmerged, { forced: true }).find((finding) => textAt(unmerged, finding) === 'RoleARN');
      assert.match(roleArn?.message ?? '', /Did you mean "RoleArn"\? It is required\.$/);
    });

    it('a misspelt key overriding a merged member is renamed onto it: written, it overrides the merge (found by a fresh user)', () => {
      const text = [
        'TrainingJobName: anchors',
        `RoleArn: ${ROLE}`,
        'AlgorithmSpecification:',
        `  TrainingImage: ${KMEANS_US_EAST_1}:1`,
        '  TrainingInputMode: File',
        'HyperParameters: {k: "10", feature_dim: "784"}',
        'OutputDataConfig: {S3OutputPath: "s3://b/o"}',
        'ResourceConfig:',
        '  <<: {InstanceType: ml.m5.xlarge, InstanceCount: 1}',
        '  VolumeSizeInGB: 10',
        '  InstanceTyp: ml.m5.large',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
        '',
      ].join('\n');
      const finding = only(analyzeYaml(text, { forced: true }), 'unknown-property');
      assert.equal(textAt(text, finding), 'InstanceTyp');
      // It said "It is in this object already" and offered only "InstanceGroups".
      assert.equal(finding.message, '"InstanceTyp" is not a member of "ResourceConfig". Did you mean "InstanceType"? Written here, it overrides the one the merge key (<<) brings in.');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]).slice(0, 1), [['Change to "InstanceType"', true]]);
      const renamed = text.replace('InstanceTyp:', 'InstanceType:');
      assert.equal(applyHostFix(text, finding), renamed);
      // The override is what the AWS CLI sends, and nothing is left to report.
      assert.deepEqual(analyzeYaml(renamed, { forced: true }), []);
      const value = requestValue(readYamlDocument(renamed, true).requests[0].root) as Record<string, unknown>;
      assert.deepEqual(value.ResourceConfig, { VolumeSizeInGB: 10, InstanceType: 'ml.m5.large', InstanceCount: 1 });
      // Fix-all's "never rename onto a member the object has" leaves a merged member to be overridden.
      const analyze = (current: string) => ({ document: { text: current, host: 'yaml' as const }, findings: analyzeYaml(current, { forced: true }) });
      const result = applyPreferredFixes(text, analyze);
      assert.equal(result.text, renamed);
      assert.deepEqual(result.applied.map((fix) => [fix.title, fix.line, fix.column]), [['Change to "InstanceType"', 11, 3]]);
      // A member written in the object itself is still no rename target.
      const written = text.replace('  VolumeSizeInGB: 10', '  VolumeSizeInGB: 10\n  InstanceType: ml.m5.xlarge');
      const twice = only(analyzeYaml(written, { forced: true }), 'unknown-property');
      assert.match(twice.message, /Did you mean "InstanceType"\? It is in this object already\.$/);
      assert.ok(!twice.fixes.some((fix) => fix.title === 'Change to "InstanceType"'));
      assert.equal(applyPreferredFixes(written, analyze).text, written);
    });

    it('a misspelt hyperparameter overriding a merged one is renamed onto it', () => {
      const text = trainingYaml(`${XGBOOST_US_EAST_1}:1.7-1`, ['x-hp: &hp {objective: "binary:logistic", num_round: "10"}', 'HyperParameters:', '  <<: *hp', '  num_rounds: "20"', ''].join('\n'));
      const finding = only(analyzeYaml(text, { forced: true, algorithms: true }), 'algorithm-unknown-hyperparameter');
      assert.equal(textAt(text, finding), 'num_rounds');
      assert.match(finding.message, /Did you mean "num_round"\? Written here, it overrides the one the merge key \(<<\) brings in\.$/);
      assert.equal(applyHostFix(text, finding), text.replace('num_rounds:', 'num_round:'));
    });

    it('in AWS CLI input a merge key naming a scalar (or a list holding one) is invalid-yaml on that value: the CLI refuses the file', () => {
      const spec = (merge: string) => [`name: &name demo-job`, `TrainingJobName: x`, `<<: ${merge}`, `AlgorithmSpecification: {TrainingImage: "${KMEANS_US_EAST_1}:1", TrainingInputMode: File}`, ''].join('\n');
      for (const merge of ['*name', '[*name]', '"text"']) {
        const text = spec(merge);
        const refused = analyzeYaml(text, { forced: true }).filter((finding) => finding.code === 'invalid-yaml');
        assert.deepEqual(refused.map((finding) => textAt(text, finding)), [merge === '[*name]' ? '*name' : merge], merge);
        assert.match(refused[0].message, /^A merge key \(`<<:`\) takes a mapping or a list of mappings, and this value is neither: the AWS CLI refuses the whole file/);
        assert.equal(refused[0].severity, 'error');
      }
      // A mapping, an alias of one, or an alias of a list of mappings (found by a fresh user) merges.
      const anchoredMapping = spec('*name').replace('name: &name demo-job', 'name: &name {RoleArn: x}');
      const anchoredList = spec('*name').replace('name: &name demo-job', 'name: &name [{RoleArn: x}, {HyperParameters: {k: "1"}}]');
      for (const text of [anchoredMapping, spec('{RoleArn: x}'), anchoredList]) assert.deepEqual(analyzeYaml(text, { forced: true }).filter((finding) => finding.code === 'invalid-yaml'), [], text);
      const merged = requestValue(readYamlDocument(anchoredList, true).requests[0].root) as Record<string, unknown>;
      assert.deepEqual([merged.RoleArn, merged.HyperParameters], ['x', { k: '1' }]);
      // A list holding a scalar does not.
      const mixed = spec('*name').replace('name: &name demo-job', 'name: &name [{RoleArn: x}, text]');
      assert.deepEqual(analyzeYaml(mixed, { forced: true }).filter((finding) => finding.code === 'invalid-yaml').map((finding) => textAt(mixed, finding)), ['*name']);
    });

    /** How many nodes a request's tree holds (what reading the YAML built, and the rules walk). */
    function treeSize(node: { children?: unknown[] } | undefined): number {
      return node ? 1 + (node.children ?? []).reduce<number>((sum, child) => sum + treeSize(child as { children?: unknown[] }), 0) : 0;
    }

    it('an alias "bomb" stops at 10,000 values, with invalid-yaml on the alias that went past (found by a fresh user)', () => {
      // 9 levels of 9 aliases each: 9^10 strings if expanded; it took 2.4 s to build 180,000 nodes.
      const levels = Array.from({ length: 9 }, (_, level) => `a${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(',')}]`);
      const text = trainingYaml(`${XGBOOST_US_EAST_1}:1.7-1`, ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...levels, 'HyperParameters:', '  num_round: *a9', ''].join('\n'));
      const document = readYamlDocument(text, true);
      const size = treeSize(document.requests[0].root);
      // The 200,000 of before is far off: what lies past the limit is one dynamic node.
      assert.ok(size > 1_000 && size < 10_100, `the tree holds ${size} nodes`);
      const findings = analyzeYaml(text, { forced: true });
      const overflow = only(findings, 'invalid-yaml');
      // a1 to a3 build 90 + 819 + 7,380 nodes through aliases; a4's first *a3 would add 7,381 more.
      assert.equal(overflow.offset, text.indexOf('*a3'));
      assert.equal(textAt(text, overflow), '*a3');
      assert.equal(
        overflow.message,
        "Aliases expand past 10,000 values from here (each alias copies its anchor's value, and these anchors copy one another). What they hold is not checked, nor are members that look missing; a reader that expands them all may run out of memory.",
      );
      assert.equal(overflow.severity, 'error');
    });

    it('a document of many aliases within the limit is read whole, with no finding about them', () => {
      const tags = Array.from({ length: 400 }, (_, index) => `  - {<<: *tag, Value: v${index}}`);
      const text = trainingYaml(`${KMEANS_US_EAST_1}:1`, ['x-tag: &tag {Key: team, Value: ml}', 'HyperParameters: {k: "10", feature_dim: "784"}', 'Tags:', ...tags, ''].join('\n'));
      const value = requestValue(readYamlDocument(text).requests[0].root) as { Tags: unknown[] };
      assert.equal(value.Tags.length, 400);
      assert.deepEqual(value.Tags[399], { Key: 'team', Value: 'v399' });
      assert.ok(!codes(analyzeYaml(text)).includes('invalid-yaml'));
    });
  });

  it('honours # sagemaker-spec-disable-next-line, not a # inside a string', () => {
    const suppressed = trainingYaml(`${KMEANS_US_EAST_1}:latest`).replace('  TrainingImage:', '  # sagemaker-spec-disable-next-line latest-tag -- nightly\n  TrainingImage:');
    assert.deepEqual(analyzeYaml(suppressed), []);
    const inString = trainingYaml(`${KMEANS_US_EAST_1}:latest`).replace('TrainingJobName: demo-job', 'TrainingJobName: "# sagemaker-spec-disable-next-line"');
    assert.ok(codes(analyzeYaml(inString)).includes('latest-tag'));
  });

  it('a YAML file without a request member is not parsed, and yields nothing', () => {
    const document = readYamlDocument('services:\n  web:\n    image: nginx:latest\n');
    assert.deepEqual(document.requests, []);
  });

  it('*.sagemaker.yaml (forced) whose kind cannot be told gets unknown-spec-kind', () => {
    const findings = analyzeYaml('Name: something\n', { forced: true });
    assert.deepEqual(codes(findings), ['unknown-spec-kind']);
  });

  it('completes and hovers the image in a plain scalar', () => {
    const text = trainingYaml('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    const document = readYamlDocument(text);
    const cursor = text.indexOf('sagemaker-xgboost:') + 'sagemaker-xgboost:'.length;
    const result = completeInPython(document, cursor, { catalog, regionInputs: { env: {} } })!;
    const item = result.items.find((candidate) => candidate.label === '1.7-1')!;
    assert.ok(item, 'the pinned XGBoost tag is offered');
    // The edit replaces the plain scalar, never the comment after it.
    const image = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    assert.deepEqual(item.edit, { offset: text.indexOf(image), length: image.length, newText: image });
    const hover = hoverAt(requestAt(document, cursor)!, cursor, catalog)!;
    assert.match(hover.markdown, /XGBoost/i);
  });

  it('a custom tag is invalid-type on the tagged value: the AWS CLI cannot load the file (awsCliYamlParity.test.ts sends one)', () => {
    const text = trainingYaml().replace('TrainingInputMode: File', 'TrainingInputMode: !Env MODE');
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]), [['invalid-type', '!Env MODE']]);
    assert.equal(findings[0].message, 'TrainingInputMode must be a string, not a value tagged !Env. The AWS CLI cannot load a tagged value, and refuses the whole file: write the value itself.');
  });
});

describe('YAML host: values written as block scalars (`>-`, `|-`)', () => {
  // Found by a fresh user: findings sat left of the value by its indentation, and some fixes did nothing.
  const blockSpec = (image: string, mode: string) =>
    trainingYaml(`${XGBOOST_US_EAST_1}:1.7-1`).replace(`  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1 # pinned`, `  TrainingImage: ${image}`).replace('  TrainingInputMode: File', `  TrainingInputMode: ${mode}`) + '\nHyperParameters: {num_round: "10"}\nInputDataConfig: [{ChannelName: train, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/t"}}}]\n';

  it('puts a finding on the characters it is about, past the indentation, and a whole-value finding on the value alone', () => {
    // (`>` and `|` keep the final line break in the value, and a blank first line or an indentation indicator adds to it: other values.)
    for (const style of ['>-', '|-']) {
      const text = blockSpec(`${style}\n    ${XGBOOST_US_EAST_1}:1`, `${style}\n    Fil`);
      const findings = analyzeYaml(text, { region: 'us-east-1' });
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['xgboost-unpinned', '1'], ['invalid-enum-value', 'Fil']], style);
    }
  });

  it('fixes a block value in place: the tag inside it, or the whole value as a plain scalar, every line break after it kept', () => {
    const text = blockSpec(`>-\n    ${XGBOOST_US_EAST_1}:latest`, '>-\n    Fil');
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    assert.equal(applyHostFix(text, only(findings, 'xgboost-unpinned')), text.replace(`${XGBOOST_US_EAST_1}:latest`, `${XGBOOST_US_EAST_1}:3.2-0`));
    assert.equal(applyHostFix(text, only(findings, 'invalid-enum-value')), text.replace('TrainingInputMode: >-\n    Fil', 'TrainingInputMode: File'));
    // The last value of the file: its line break stays.
    const last = `${blockSpec(`${XGBOOST_US_EAST_1}:1.7-1`, 'File').replace('\n  TrainingInputMode: File', '')}Environment:\n  MODE: x\nCheckpointConfig:\n  S3Uri: >-\n    s3:/bucket/checkpoints\n`;
    const uri = only(analyzeYaml(last, { region: 'us-east-1', forced: true }), 'pattern-mismatch');
    assert.equal(textAt(last, uri), 's3:/bucket/checkpoints');
    const modeLast = `${blockSpec(`${XGBOOST_US_EAST_1}:1.7-1`, 'File').replace('\n  TrainingInputMode: File', '').replace(/AlgorithmSpecification:\n.*\n/, '')}AlgorithmSpecification:\n  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1\n  TrainingInputMode: >-\n    Fil\n`;
    assert.ok(applyHostFix(modeLast, only(analyzeYaml(modeLast, { region: 'us-east-1' }), 'invalid-enum-value')).endsWith('\n  TrainingInputMode: File\n'));
  });

  it('maps a folded value over several lines: a finding on the whole value covers its lines and no indentation before them', () => {
    const text = blockSpec(`>-\n    ${XGBOOST_US_EAST_1.slice(0, 20)}\n    ${XGBOOST_US_EAST_1.slice(20)}:latest`, 'File');
    const finding = only(analyzeYaml(text, { region: 'us-east-1' }), 'invalid-image-reference');
    // The fold makes a space in the value, which no reference holds: the whole value, from its first character to its last.
    assert.equal(textAt(text, finding), `${XGBOOST_US_EAST_1.slice(0, 20)}\n    ${XGBOOST_US_EAST_1.slice(20)}:latest`);
  });
});
