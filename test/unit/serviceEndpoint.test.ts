import * as assert from 'node:assert/strict';
import { parseIni } from '../../src/core/awsConfigFile';
import { formatEndpoint, isAwsEndpoint, resolveSageMakerEndpoint, withSdkAwsEndpoint, type EndpointInputs } from '../../src/core/launch/serviceEndpoint';

// An AWS config file with each way a profile can name an endpoint.
const CONFIG = `[default]
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile local]
services = local-services
endpoint_url = http://127.0.0.1:7000

[services local-services]
sagemaker =
  endpoint_url = http://127.0.0.1:5000
ecr =
  endpoint_url = http://127.0.0.1:5001

[profile ecr-only]
services = ecr-services

[services ecr-services]
ecr =
  endpoint_url = http://127.0.0.1:5001

[profile broken]
services = missing
endpoint_url = http://127.0.0.1:7100

[profile broken-bare]
services = missing

[profile ignoring]
ignore_configured_endpoint_urls = true
endpoint_url = http://127.0.0.1:7200

[profile vpc]
endpoint_url = https://vpce-0abc-1234.api.sagemaker.eu-west-1.vpce.amazonaws.com
`;

function resolve(inputs: Partial<EndpointInputs>) {
  return resolveSageMakerEndpoint({ env: {}, region: 'us-east-1', awsConfigText: CONFIG, ...inputs });
}

describe('resolveSageMakerEndpoint', () => {
  it('takes sagemakerSpec.endpointUrl before everything else', () => {
    const endpoint = resolve({ setting: ' http://127.0.0.1:5000 ', env: { AWS_ENDPOINT_URL_SAGEMAKER: 'http://a:1', AWS_ENDPOINT_URL: 'http://b:2', AWS_PROFILE: 'local' } });
    assert.deepEqual(endpoint, { url: 'http://127.0.0.1:5000', source: 'setting', origin: 'sagemakerSpec.endpointUrl', isAws: false });
    assert.equal(formatEndpoint(endpoint), 'http://127.0.0.1:5000 (sagemakerSpec.endpointUrl)');
  });

  it('never shows a user name or password written into the URL', () => {
    assert.equal(formatEndpoint(resolve({ setting: 'http://user:s3cret@127.0.0.1:5000/path' })), 'http://127.0.0.1:5000/path (sagemakerSpec.endpointUrl)');
  });

  it('then AWS_ENDPOINT_URL_SAGEMAKER, then AWS_ENDPOINT_URL, before any profile setting', () => {
    const env = { AWS_ENDPOINT_URL_SAGEMAKER: 'http://sagemaker.local:1', AWS_ENDPOINT_URL: 'http://all.local:2', AWS_PROFILE: 'local' };
    assert.equal(formatEndpoint(resolve({ setting: '  ', env })), 'http://sagemaker.local:1 (AWS_ENDPOINT_URL_SAGEMAKER)');
    assert.equal(formatEndpoint(resolve({ env: { ...env, AWS_ENDPOINT_URL_SAGEMAKER: '' } })), 'http://all.local:2 (AWS_ENDPOINT_URL)');
    assert.equal(resolve({ env: { AWS_ENDPOINT_URL: 'http://all.local:2' } }).source, 'environment');
  });

  it("then the profile's services section, before the profile's own endpoint_url", () => {
    assert.equal(formatEndpoint(resolve({ env: { AWS_PROFILE: 'local' } })), 'http://127.0.0.1:5000 ([services local-services] sagemaker endpoint_url, profile "local")');
  });

  it("uses the profile's endpoint_url when its services section has no sagemaker entry", () => {
    assert.equal(formatEndpoint(resolve({ env: {} })), 'http://127.0.0.1:4566 (profile "default" endpoint_url)');
    assert.equal(resolve({ env: { AWS_PROFILE: 'ecr-only' } }).source, 'aws');
  });

  it('reads the config file with AWS_PROFILE (else default), as the SDK does for endpoints', () => {
    assert.equal(resolve({ env: { AWS_PROFILE: 'local' } }).source, 'services-section');
    assert.equal(resolve({ env: { AWS_PROFILE: ' ' } }).origin, 'profile "default" endpoint_url');
  });

  it('names a missing services section, which the SDK fails on', () => {
    const withUrl = resolve({ env: { AWS_PROFILE: 'broken' } });
    assert.equal(withUrl.url, 'http://127.0.0.1:7100');
    assert.match(withUrl.problem ?? '', /services section "missing", which the AWS config file does not have/);
    const bare = resolve({ env: { AWS_PROFILE: 'broken-bare' } });
    assert.equal(bare.source, 'aws');
    assert.match(bare.problem ?? '', /profile "broken-bare"/);
  });

  it('ignores configured endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile says so, but never the setting', () => {
    assert.equal(resolve({ env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://all.local:2' } }).source, 'aws');
    assert.equal(resolve({ env: { AWS_PROFILE: 'ignoring', AWS_ENDPOINT_URL: 'http://all.local:2' } }).source, 'aws');
    // The variable wins over the profile's setting, either way.
    assert.equal(resolve({ env: { AWS_PROFILE: 'ignoring', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' } }).url, 'http://127.0.0.1:7200');
    assert.equal(resolve({ setting: 'http://127.0.0.1:5000', env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } }).source, 'setting');
  });

  it('falls back to the regional AWS endpoint of the partition', () => {
    assert.deepEqual(resolve({ awsConfigText: undefined, region: 'eu-west-1' }), { url: 'https://api.sagemaker.eu-west-1.amazonaws.com', source: 'aws', origin: 'AWS', isAws: true });
    assert.equal(formatEndpoint(resolve({ awsConfigText: '', region: 'cn-north-1' })), 'https://api.sagemaker.cn-north-1.amazonaws.com.cn (AWS)');
  });

  it('counts a configured AWS host (a VPC endpoint) as AWS, an emulator or plain http as not', () => {
    assert.equal(resolve({ env: { AWS_PROFILE: 'vpc' } }).isAws, true);
    assert.equal(isAwsEndpoint('https://api.sagemaker.us-east-1.amazonaws.com'), true);
    assert.equal(isAwsEndpoint('http://api.sagemaker.us-east-1.amazonaws.com'), false);
    assert.equal(isAwsEndpoint('https://amazonaws.com.example.org'), false);
    assert.equal(isAwsEndpoint('https://localhost.localstack.cloud:4566'), false);
    assert.equal(isAwsEndpoint('not a url'), false);
  });
});

describe('parseIni nested settings', () => {
  it('keeps indented settings under their parent as parent.key, and no others', () => {
    const sections = parseIni('[services s]\nsagemaker =\n  endpoint_url = http://x:1\nregion = eu-west-1\n  stray = 1\n');
    assert.deepEqual([...sections.get('services s')!], [['sagemaker', ''], ['sagemaker.endpoint_url', 'http://x:1'], ['region', 'eu-west-1']]);
  });
});

describe('the AWS endpoint as the SDK resolves it (FIPS, dual-stack)', () => {
  const aws = resolveSageMakerEndpoint({ env: {}, region: 'us-east-1' });

  it('shows the FIPS and dual-stack hosts the SDK sends to, and says which option is on', () => {
    assert.equal(formatEndpoint(withSdkAwsEndpoint(aws, { url: 'https://api-fips.sagemaker.us-east-1.amazonaws.com', fips: true, dualStack: false })), 'https://api-fips.sagemaker.us-east-1.amazonaws.com (AWS, FIPS)');
    assert.equal(formatEndpoint(withSdkAwsEndpoint(aws, { url: 'https://api.sagemaker.us-east-1.api.aws', fips: false, dualStack: true })), 'https://api.sagemaker.us-east-1.api.aws (AWS, dual-stack)');
    const both = withSdkAwsEndpoint(resolveSageMakerEndpoint({ env: {}, region: 'us-gov-west-1' }), { url: 'https://api.sagemaker-fips.us-gov-west-1.api.aws', fips: true, dualStack: true });
    assert.equal(formatEndpoint(both), 'https://api.sagemaker-fips.us-gov-west-1.api.aws (AWS, FIPS, dual-stack)');
    assert.equal(both.isAws, true);
  });

  it('keeps the plain regional endpoint as "AWS"', () => {
    assert.equal(formatEndpoint(withSdkAwsEndpoint(aws, { url: 'https://api.sagemaker.us-east-1.amazonaws.com', fips: false, dualStack: false })), 'https://api.sagemaker.us-east-1.amazonaws.com (AWS)');
    assert.deepEqual(withSdkAwsEndpoint(aws, undefined), aws);
  });

  it('leaves a configured endpoint as it is', () => {
    const configured = resolveSageMakerEndpoint({ setting: 'http://127.0.0.1:5000', env: {}, region: 'us-east-1' });
    assert.deepEqual(withSdkAwsEndpoint(configured, { url: 'https://api-fips.sagemaker.us-east-1.amazonaws.com', fips: true, dualStack: false }), configured);
  });
});
