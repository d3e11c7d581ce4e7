import * as assert from 'node:assert/strict';
import { listProfiles, profileRegion } from '../../src/core/awsConfigFile';
import { deploymentRegions, describeRegion, resolveRegion, templateRegion, workflowRegion } from '../../src/core/region';

const CONFIG = `[default]
region = eu-west-1

[profile research]
region = ap-southeast-2
s3 =
  max_concurrent_requests = 10

[profile empty]
output = json

[sso-session corp]
sso_region = us-east-1
`;

describe('resolveRegion', () => {
  it('prefers the setting, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1' };
    assert.deepEqual(resolveRegion({ regionSetting: 'ca-central-1', env, awsConfigText: CONFIG }), { region: 'ca-central-1', source: 'setting', explicit: true, profile: 'default' });
    assert.equal(resolveRegion({ env, awsConfigText: CONFIG }).region, 'us-west-2');
    assert.equal(resolveRegion({ env: { AWS_DEFAULT_REGION: 'eu-central-1' }, awsConfigText: CONFIG }).region, 'eu-central-1');
    assert.equal(describeRegion(resolveRegion({ env: { AWS_DEFAULT_REGION: 'eu-central-1' } })), 'eu-central-1 (from AWS_DEFAULT_REGION)');
    assert.equal(describeRegion(resolveRegion({ env })), 'us-west-2 (from AWS_REGION)');
  });

  it("uses the profile's region: the profile setting, else AWS_PROFILE, else default", () => {
    assert.deepEqual(resolveRegion({ env: {}, awsConfigText: CONFIG }), { region: 'eu-west-1', source: 'profile', explicit: true, profile: 'default' });
    assert.equal(resolveRegion({ env: { AWS_PROFILE: 'research' }, awsConfigText: CONFIG }).region, 'ap-southeast-2');
    assert.equal(resolveRegion({ profileSetting: 'research', env: { AWS_PROFILE: 'default' }, awsConfigText: CONFIG }).profile, 'research');
  });

  it("falls back to the spec's images, then us-east-1, neither explicit", () => {
    assert.deepEqual(resolveRegion({ profileSetting: 'empty', env: {}, awsConfigText: CONFIG, specImageRegions: ['eu-north-1'] }), {
      region: 'eu-north-1', source: 'spec', explicit: false, profile: 'empty',
    });
    assert.deepEqual(resolveRegion({ env: {} }), { region: 'us-east-1', source: 'default', explicit: false, profile: 'default' });
  });

  it("puts the code's own region (a boto3 client's region_name) above the setting and the environment", () => {
    const codeRegion = { region: 'ap-south-1', origin: 'region_name="ap-south-1" in boto3.client(…)' };
    const resolved = resolveRegion({ regionSetting: 'ca-central-1', env: { AWS_REGION: 'us-west-2' }, awsConfigText: CONFIG, codeRegion });
    assert.deepEqual(resolved, { region: 'ap-south-1', source: 'code', explicit: true, profile: 'default', origin: codeRegion.origin });
    assert.equal(describeRegion(resolved), 'ap-south-1 (from region_name="ap-south-1" in boto3.client(…))');
    // A region the code names but we cannot read: unknown, so the spec's images set it, not the setting.
    const unknown = resolveRegion({ regionSetting: 'ca-central-1', env: {}, specImageRegions: ['eu-north-1'], codeRegion: { region: undefined, origin: 'region_name=args.region in boto3.client(…)' } });
    assert.deepEqual(unknown, { region: 'eu-north-1', source: 'spec', explicit: false, profile: 'default' });
  });

  it('ignores blank values', () => {
    assert.equal(resolveRegion({ regionSetting: '  ', env: { AWS_REGION: '' } }).source, 'default');
  });
});

describe('deploymentRegions (the regions a template is deployed to, as the user said)', () => {
  it('the listed regions, else the one region chosen, each with where it was said', () => {
    assert.deepEqual(deploymentRegions(templateRegion({ templateRegions: ['us-east-1', 'eu-west-1'], templateRegionsName: '--template-region', env: {} })!), { regions: ['us-east-1', 'eu-west-1'], settingName: '--template-region' });
    assert.deepEqual(deploymentRegions(resolveRegion({ regionSetting: 'ap-southeast-2', regionSettingName: '--region', env: {} })), { regions: ['ap-southeast-2'], settingName: '--region' });
    assert.deepEqual(deploymentRegions(resolveRegion({ regionSetting: 'ap-southeast-2', env: {} })), { regions: ['ap-southeast-2'], settingName: 'sagemakerSpec.region' });
    assert.deepEqual(deploymentRegions(resolveRegion({ env: { AWS_DEFAULT_REGION: 'eu-central-1' } })), { regions: ['eu-central-1'], settingName: 'AWS_DEFAULT_REGION' });
    assert.deepEqual(deploymentRegions(resolveRegion({ env: { AWS_PROFILE: 'research' }, awsConfigText: CONFIG })), { regions: ['ap-southeast-2'], settingName: 'profile "research"' });
  });

  it("none when nobody said: the spec's images, the default, a workflow's images, a client's region_name", () => {
    assert.equal(deploymentRegions(resolveRegion({ env: {}, specImageRegions: ['eu-north-1'] })), undefined);
    assert.equal(deploymentRegions(resolveRegion({ env: {} })), undefined);
    assert.equal(deploymentRegions(workflowRegion(['eu-west-1'], 'pipeline', 'default')), undefined);
    assert.equal(deploymentRegions(resolveRegion({ env: {}, codeRegion: { region: 'ap-south-1', origin: 'region_name' } })), undefined);
  });
});

describe('AWS config files', () => {
  it('reads profile regions and lists profiles from both files', () => {
    assert.equal(profileRegion(CONFIG, 'research'), 'ap-southeast-2');
    assert.equal(profileRegion(CONFIG, 'missing'), undefined);
    assert.deepEqual(listProfiles(CONFIG, '[ci]\naws_access_key_id = x\n[default]\n'), ['default', 'ci', 'empty', 'research']);
  });
});
