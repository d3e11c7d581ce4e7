import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const LINEAR_LEARNER_US_EAST_1 = '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1';

/** A boto3 script: `client` makes the client `sm` (after `before`), which sends a CreateModel with a us-east-1 image. */
function script(client: string, before = ''): string {
  return `import boto3
${before}sm = ${client}
sm.create_model(
    ModelName="ll",
    ExecutionRoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    PrimaryContainer={"Image": "${LINEAR_LEARNER_US_EAST_1}", "ModelDataUrl": "s3://b/model.tar.gz"},
)
`;
}

const regionFindings = (text: string, region?: string) => analyzePython(text, { region }).filter((finding) => finding.code === 'image-region-mismatch');
const source = (text: string, finding: { offset: number; length: number }) => text.slice(finding.offset, finding.offset + finding.length);

describe("a boto3 client's region_name as the target region (Python host)", () => {
  it('reports an image from another region than region_name=, saying where the region comes from, and moves it', () => {
    const text = script('boto3.client("sagemaker", region_name="eu-west-1")');
    const findings = regionFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(source(text, findings[0]), 'us-east-1');
    assert.equal(findings[0].message, 'The image is in us-east-1, but the target region is eu-west-1 (from region_name="eu-west-1" in boto3.client(…)); SageMaker pulls images from its own region.');
    assert.ok(applyPythonFix(text, findings[0]).includes('"Image": "438346466558.dkr.ecr.eu-west-1.amazonaws.com/linear-learner:1"'));
  });

  it('outranks the region setting (--region, sagemakerSpec.region) both ways', () => {
    assert.equal(regionFindings(script('boto3.client("sagemaker", region_name="eu-west-1")'), 'us-east-1').length, 1);
    assert.deepEqual(regionFindings(script('boto3.client("sagemaker", region_name="us-east-1")'), 'eu-west-1'), []);
    // Without region_name the setting is the target, as before.
    assert.equal(regionFindings(script('boto3.client("sagemaker")'), 'eu-west-1').length, 1);
    assert.deepEqual(regionFindings(script('boto3.client("sagemaker")')), []);
  });

  it('reads the region by position, through a name bound once, and from the session the client is made from', () => {
    const message = (text: string) => regionFindings(text).map((finding) => /target region is (.*); SageMaker/.exec(finding.message)?.[1]);
    assert.deepEqual(message(script('boto3.client("sagemaker", "eu-west-1")')), ['eu-west-1 (from region_name="eu-west-1" in boto3.client(…))']);
    assert.deepEqual(message(script('boto3.client("sagemaker", region_name=REGION)', 'REGION = "eu-west-1"\n')), ['eu-west-1 (from region_name=REGION in boto3.client(…))']);
    assert.deepEqual(message(script('boto3.Session(region_name="eu-west-1").client("sagemaker")')), ['eu-west-1 (from region_name="eu-west-1" in boto3.Session(…))']);
    assert.deepEqual(message(script('session.client("sagemaker")', 'session = boto3.session.Session(profile_name="ml", region_name="eu-west-1")\n')), ['eu-west-1 (from region_name="eu-west-1" in boto3.session.Session(…))']);
    // The client's own region_name wins over its session's; None defers to it.
    assert.deepEqual(message(script('boto3.Session(region_name="us-east-1").client("sagemaker", region_name="eu-west-1")')), ['eu-west-1 (from region_name="eu-west-1" in ….client(…))']);
    assert.deepEqual(message(script('boto3.Session(region_name="eu-west-1").client("sagemaker", region_name=None)')), ['eu-west-1 (from region_name="eu-west-1" in boto3.Session(…))']);
  });

  it('makes the target unknown for a region the code gives but we cannot read, whatever the setting says', () => {
    assert.deepEqual(regionFindings(script('boto3.client("sagemaker", region_name=args.region)'), 'eu-west-1'), []);
    assert.deepEqual(regionFindings(script('boto3.client("sagemaker", **client_options)'), 'eu-west-1'), []);
    // A name bound twice is no literal either.
    assert.deepEqual(regionFindings(script('boto3.client("sagemaker", region_name=region)', 'region = "eu-west-1"\nregion = "us-east-1"\n'), 'eu-west-1'), []);
  });
});
