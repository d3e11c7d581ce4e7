/**
 * The input checks SageMaker makes before anything else, with its messages: required members and
 * the resource-name constraints (length, pattern), e.g.
 * `1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null`.
 * The JS SDK v3 does not validate on the client side, so the service is where a missing member shows.
 */
import { ServiceError } from './awsErrors';

/** Same pattern as TrainingJobName, EndpointName, EndpointConfigName, ProcessingJobName, TransformJobName. */
const NAME_PATTERN = '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';
const MODEL_NAME_PATTERN = '^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?';
const TUNING_NAME_PATTERN = '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}';

interface NameRule {
  member: string;
  pattern: string;
  max: number;
}

interface InputRules {
  required: string[];
  name?: NameRule;
}

/** From the SageMaker API model (service-2.json): the operations' required members and name shapes. */
const RULES: Record<string, InputRules> = {
  CreateTrainingJob: { required: ['TrainingJobName', 'RoleArn', 'OutputDataConfig'], name: { member: 'TrainingJobName', pattern: NAME_PATTERN, max: 63 } },
  CreateModel: { required: ['ModelName'], name: { member: 'ModelName', pattern: MODEL_NAME_PATTERN, max: 63 } },
  CreateEndpointConfig: { required: ['EndpointConfigName', 'ProductionVariants'], name: { member: 'EndpointConfigName', pattern: NAME_PATTERN, max: 63 } },
  CreateEndpoint: { required: ['EndpointName', 'EndpointConfigName'], name: { member: 'EndpointName', pattern: NAME_PATTERN, max: 63 } },
  CreateProcessingJob: {
    required: ['ProcessingJobName', 'ProcessingResources', 'AppSpecification', 'RoleArn'],
    name: { member: 'ProcessingJobName', pattern: NAME_PATTERN, max: 63 },
  },
  CreateTransformJob: {
    required: ['TransformJobName', 'ModelName', 'TransformInput', 'TransformOutput', 'TransformResources'],
    name: { member: 'TransformJobName', pattern: NAME_PATTERN, max: 63 },
  },
  CreateHyperParameterTuningJob: {
    required: ['HyperParameterTuningJobName', 'HyperParameterTuningJobConfig'],
    name: { member: 'HyperParameterTuningJobName', pattern: TUNING_NAME_PATTERN, max: 32 },
  },
  DescribeTrainingJob: { required: ['TrainingJobName'] },
  StopTrainingJob: { required: ['TrainingJobName'] },
  DescribeModel: { required: ['ModelName'] },
  DeleteModel: { required: ['ModelName'] },
  DescribeEndpointConfig: { required: ['EndpointConfigName'] },
  DeleteEndpointConfig: { required: ['EndpointConfigName'] },
  DescribeEndpoint: { required: ['EndpointName'] },
  DeleteEndpoint: { required: ['EndpointName'] },
};

/** The service names members in lower camel case in these messages: `trainingJobName`. */
function wireName(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

export function validateInput(operation: string, body: Record<string, unknown>): void {
  const rules = RULES[operation];
  if (!rules) return;
  const problems: string[] = [];
  for (const member of rules.required) {
    if (body[member] === undefined || body[member] === null) {
      problems.push(`Value null at '${wireName(member)}' failed to satisfy constraint: Member must not be null`);
    }
  }
  const name = rules.name ? body[rules.name.member] : undefined;
  if (rules.name && typeof name === 'string') {
    if (name.length > rules.name.max) {
      problems.push(`Value '${name}' at '${wireName(rules.name.member)}' failed to satisfy constraint: Member must have length less than or equal to ${rules.name.max}`);
    }
    if (!new RegExp(`${rules.name.pattern}$`).test(name)) {
      problems.push(`Value '${name}' at '${wireName(rules.name.member)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${rules.name.pattern}`);
    }
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
    throw new ServiceError('ValidationException', `${count}: ${problems.join('; ')}`);
  }
}
