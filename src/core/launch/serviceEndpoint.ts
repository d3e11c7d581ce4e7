/**
 * Which endpoint a SageMaker request goes to, and what set it: shown in the launch confirmation
 * and the output, so a job sent to an emulator never reads as if it went to AWS.
 *
 * The order is the AWS SDK for JavaScript v3's (@smithy/core `getEndpointUrlConfig` and
 * `getEndpointFromConfig`), which the launch commands use:
 * 1. the client's `endpoint` (here `sagemakerSpec.endpointUrl`);
 * 2. unless configured endpoints are ignored (`AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, else the
 *    profile's `ignore_configured_endpoint_urls`): `AWS_ENDPOINT_URL_SAGEMAKER`, then
 *    `AWS_ENDPOINT_URL`, then the profile's `services` section (`sagemaker =` / `endpoint_url =`),
 *    then the profile's own `endpoint_url`;
 * 3. the regional AWS endpoint.
 * The SDK reads the configuration file's endpoint settings from `AWS_PROFILE` (else `default`),
 * not from the profile given for credentials, so `sagemakerSpec.profile` plays no part here.
 */
import { parseIni, profileSection } from '../awsConfigFile';
import { dnsSuffixOf } from '../catalog/regions';

export interface EndpointInputs {
  /** `sagemakerSpec.endpointUrl` (blank: unset). */
  setting?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Text of the AWS config file (`AWS_CONFIG_FILE` or ~/.aws/config), when readable. */
  awsConfigText?: string;
  /** The region the request is signed for (for the default AWS endpoint). */
  region: string;
}

export type EndpointSource = 'setting' | 'service-environment' | 'environment' | 'services-section' | 'profile' | 'aws';

export interface EffectiveEndpoint {
  /** The URL requests go to, as configured (`http://127.0.0.1:5000`) or the regional AWS one. */
  url: string;
  source: EndpointSource;
  /** What set it, in the user's terms: `sagemakerSpec.endpointUrl`, `AWS_ENDPOINT_URL`, `profile "dev" endpoint_url`, `AWS`. */
  origin: string;
  /** True for AWS's own hosts (the default, or a configured `*.amazonaws.com` such as a VPC endpoint): only then is there a console page. */
  isAws: boolean;
  /** Set when the configuration is broken in a way the SDK fails on (a missing services section). */
  problem?: string;
}

/** The SDK's service id for SageMaker: `AWS_ENDPOINT_URL_SAGEMAKER`, `sagemaker =` in a services section. */
const SERVICE_ENV = 'AWS_ENDPOINT_URL_SAGEMAKER';
const SERVICE_KEY = 'sagemaker';

/** The endpoint of SageMaker requests for these inputs; never throws. */
export function resolveSageMakerEndpoint(inputs: EndpointInputs): EffectiveEndpoint {
  const setting = nonEmpty(inputs.setting);
  if (setting) return configured(setting, 'setting', 'sagemakerSpec.endpointUrl');
  const profileName = nonEmpty(inputs.env.AWS_PROFILE) ?? 'default';
  const sections = parseIni(inputs.awsConfigText ?? '');
  const profile = profileSection(sections, profileName);
  if (!ignoresConfiguredEndpoints(inputs.env, profile)) {
    const serviceVariable = nonEmpty(inputs.env[SERVICE_ENV]);
    if (serviceVariable) return configured(serviceVariable, 'service-environment', SERVICE_ENV);
    const variable = nonEmpty(inputs.env.AWS_ENDPOINT_URL);
    if (variable) return configured(variable, 'environment', 'AWS_ENDPOINT_URL');
    const servicesName = nonEmpty(profile?.get('services'));
    let problem: string | undefined;
    if (servicesName) {
      const services = sections.get(`services ${servicesName}`);
      const url = nonEmpty(services?.get(`${SERVICE_KEY}.endpoint_url`));
      if (url) return configured(url, 'services-section', `[services ${servicesName}] ${SERVICE_KEY} endpoint_url, profile "${profileName}"`);
      if (!services) problem = `profile "${profileName}" names services section "${servicesName}", which the AWS config file does not have; the AWS SDK fails every request until it is added or the setting removed`;
    }
    const url = nonEmpty(profile?.get('endpoint_url'));
    if (url) return { ...configured(url, 'profile', `profile "${profileName}" endpoint_url`), ...(problem ? { problem } : {}) };
    if (problem) return { ...awsDefault(inputs.region), problem };
  }
  return awsDefault(inputs.region);
}

/**
 * `http://127.0.0.1:5000 (sagemakerSpec.endpointUrl)`, `https://api.sagemaker.us-east-1.amazonaws.com (AWS)`.
 * A user name and password in the URL are never shown.
 */
export function formatEndpoint(endpoint: EffectiveEndpoint): string {
  return `${shownUrl(endpoint)} (${endpoint.origin})`;
}

/** The endpoint's URL as messages show it: without a user name or password. */
export function shownUrl(endpoint: EffectiveEndpoint): string {
  return endpoint.url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/**
 * The AWS endpoint as the SDK's client resolved it (FIPS, dual-stack: `https://api-fips.sagemaker.
 * us-east-1.amazonaws.com`, `https://api.sagemaker.us-east-1.api.aws`), in place of the plain
 * regional one; its origin says which option is on: `AWS, FIPS`, `AWS, dual-stack`. A configured
 * endpoint is returned as it is: the SDK sends there whatever these options say.
 */
export function withSdkAwsEndpoint(endpoint: EffectiveEndpoint, resolved: { url: string; fips: boolean; dualStack: boolean } | undefined): EffectiveEndpoint {
  if (endpoint.source !== 'aws' || !resolved || !/^https:\/\/[^\s/]+$/.test(resolved.url)) return endpoint;
  const options = [resolved.fips ? 'FIPS' : undefined, resolved.dualStack ? 'dual-stack' : undefined].filter(Boolean);
  return { ...endpoint, url: resolved.url, origin: ['AWS', ...options].join(', '), isAws: isAwsEndpoint(resolved.url) };
}

/** The regional SageMaker API endpoint: `https://api.sagemaker.<region>.<partition DNS suffix>`. */
export function awsSageMakerEndpoint(region: string): string {
  return `https://api.sagemaker.${region}.${dnsSuffixOf(region)}`;
}

/** AWS's own domains, including VPC endpoints (`vpce-….api.sagemaker.<region>.vpce.amazonaws.com`). */
const AWS_HOST = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|amazonaws\.eu|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov|csp\.hci\.ic\.gov|cloud\.adc-e\.uk)$/i;

/** True when `url` is an https URL on an AWS domain. */
export function isAwsEndpoint(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && AWS_HOST.test(parsed.hostname);
  } catch {
    return false;
  }
}

function configured(url: string, source: EndpointSource, origin: string): EffectiveEndpoint {
  return { url, source, origin, isAws: isAwsEndpoint(url) };
}

function awsDefault(region: string): EffectiveEndpoint {
  return { url: awsSageMakerEndpoint(region), source: 'aws', origin: 'AWS', isAws: true };
}

/** The SDK reads the variable first, then the profile; only the exact text `true` turns it on. */
function ignoresConfiguredEndpoints(env: EndpointInputs['env'], profile: Map<string, string> | undefined): boolean {
  const variable = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS;
  if (variable !== undefined) return variable === 'true';
  return profile?.get('ignore_configured_endpoint_urls') === 'true';
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
