/**
 * The SageMaker operations the extension calls, over in-memory resources: training jobs (scripted,
 * see trainingJobs.ts), models, endpoint configs, endpoints (scripted Creating → InService) and the
 * create-only processing, transform and tuning jobs. Errors use SageMaker's own types and messages.
 */
import type { DescribeEndpointOutput } from '@aws-sdk/client-sagemaker';
import { sageMakerArn } from './arns';
import { ServiceError } from './awsErrors';
import { listPage, type ListRequest } from './listing';
import { TrainingJobs } from './trainingJobs';
import { validateInput } from './validation';

export type EndpointStep = Partial<DescribeEndpointOutput>;

export const DEFAULT_ENDPOINT_STEPS: readonly EndpointStep[] = [{ EndpointStatus: 'Creating' }, { EndpointStatus: 'InService' }];

export interface RequestContext {
  region: string;
  account: string;
  now: Date;
}

interface Resource {
  name: string;
  arn: string;
  creationTime: Date;
  request: Record<string, unknown>;
}

interface Endpoint extends Resource {
  /** False for an endpoint that exists only because a test scripted it: its CreateEndpoint is still welcome. */
  created: boolean;
  lastModifiedTime: Date;
  steps: EndpointStep[];
  cursor: number;
  current: EndpointStep;
}

type Body = Record<string, unknown>;

function nameOf(body: Body, member: string): string {
  const value = body[member];
  if (typeof value !== 'string') throw new ServiceError('ValidationException', `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function without(body: Body, ...members: string[]): Body {
  return Object.fromEntries(Object.entries(body).filter(([member]) => !members.includes(member)));
}

export class SageMakerService {
  readonly trainingJobs = new TrainingJobs();
  private readonly models = new Map<string, Resource>();
  private readonly endpointConfigs = new Map<string, Resource>();
  private readonly endpoints = new Map<string, Endpoint>();
  /** Processing, transform and tuning jobs, by operation: create-only. */
  private readonly otherJobs = new Map<string, Map<string, Resource>>();

  private seeding = false;

  /** @param checkReferences CreateEndpointConfig needs its models, CreateEndpoint its config, as in SageMaker. */
  constructor(private readonly checkReferences: boolean) {}

  /** Creates a resource as a test's precondition: a Create call without the reference checks. */
  seed(operation: string, body: Body, context: RequestContext): unknown {
    this.seeding = true;
    try {
      return this.handle(operation, body, context);
    } finally {
      this.seeding = false;
    }
  }

  /** Like TrainingJobs.script: a scripted endpoint exists from now on, and its CreateEndpoint is still accepted once. */
  scriptEndpoint(name: string, steps: EndpointStep[], context: RequestContext): void {
    if (steps.length === 0) throw new Error('scriptEndpoint needs at least one step');
    const endpoint = this.endpoints.get(name.toLowerCase());
    if (endpoint) {
      endpoint.steps = [...steps];
      endpoint.cursor = 0;
    } else {
      this.addEndpoint(name, sageMakerArn(context.region, context.account, 'endpoint', name), {}, [...steps], false, context.now);
    }
  }

  private addEndpoint(name: string, arn: string, request: Body, steps: EndpointStep[], created: boolean, now: Date): void {
    this.endpoints.set(name.toLowerCase(), {
      name,
      arn,
      created,
      creationTime: now,
      lastModifiedTime: now,
      request,
      steps,
      cursor: 0,
      current: { EndpointStatus: steps[0].EndpointStatus ?? 'Creating' },
    });
  }

  clear(): void {
    this.trainingJobs.clear();
    this.models.clear();
    this.endpointConfigs.clear();
    this.endpoints.clear();
    this.otherJobs.clear();
  }

  /** Answers one operation; throws ServiceError for SageMaker's errors, including an unknown operation. */
  handle(operation: string, body: Body, context: RequestContext): unknown {
    validateInput(operation, body);
    const arn = (type: string, name: string) => sageMakerArn(context.region, context.account, type, name);
    switch (operation) {
      case 'CreateTrainingJob': {
        const name = nameOf(body, 'TrainingJobName');
        const TrainingJobArn = arn('training-job', name);
        this.trainingJobs.create(name, TrainingJobArn, body, context.now);
        return { TrainingJobArn };
      }
      case 'DescribeTrainingJob':
        return this.trainingJobs.describe(nameOf(body, 'TrainingJobName'), context.now);
      case 'StopTrainingJob':
        this.trainingJobs.stop(nameOf(body, 'TrainingJobName'), context.now);
        return {};
      case 'ListTrainingJobs':
        return this.trainingJobs.list(body);

      case 'CreateModel': {
        const name = nameOf(body, 'ModelName');
        const ModelArn = arn('model', name);
        if (this.models.has(name.toLowerCase())) throw new ServiceError('ValidationException', `Cannot create already existing model "${ModelArn}".`);
        this.models.set(name.toLowerCase(), { name, arn: ModelArn, creationTime: context.now, request: body });
        return { ModelArn };
      }
      case 'DescribeModel': {
        const name = nameOf(body, 'ModelName');
        const model = this.find(this.models, name, 'model', arn('model', name));
        return { ModelName: model.name, ModelArn: model.arn, CreationTime: model.creationTime, EnableNetworkIsolation: false, ...without(model.request, 'ModelName', 'Tags') };
      }
      case 'DeleteModel': {
        const name = nameOf(body, 'ModelName');
        this.find(this.models, name, 'model', arn('model', name));
        this.models.delete(name.toLowerCase());
        return {};
      }
      case 'ListModels':
        return this.listResources(this.models, body, 'Models', (model) => ({ ModelName: model.name, ModelArn: model.arn, CreationTime: model.creationTime }));

      case 'CreateEndpointConfig': {
        const name = nameOf(body, 'EndpointConfigName');
        const EndpointConfigArn = arn('endpoint-config', name);
        if (this.endpointConfigs.has(name.toLowerCase())) {
          throw new ServiceError('ValidationException', `Cannot create already existing endpoint configuration "${EndpointConfigArn}".`);
        }
        if (this.checkReferences && !this.seeding) {
          for (const variant of Array.isArray(body.ProductionVariants) ? (body.ProductionVariants as Body[]) : []) {
            const model = typeof variant.ModelName === 'string' ? variant.ModelName : '';
            if (!this.models.has(model.toLowerCase())) throw new ServiceError('ValidationException', `Could not find model "${arn('model', model)}".`);
          }
        }
        this.endpointConfigs.set(name.toLowerCase(), { name, arn: EndpointConfigArn, creationTime: context.now, request: body });
        return { EndpointConfigArn };
      }
      case 'DescribeEndpointConfig': {
        const name = nameOf(body, 'EndpointConfigName');
        const config = this.find(this.endpointConfigs, name, 'endpoint configuration', arn('endpoint-config', name));
        return { EndpointConfigName: config.name, EndpointConfigArn: config.arn, CreationTime: config.creationTime, ...without(config.request, 'EndpointConfigName', 'Tags') };
      }
      case 'DeleteEndpointConfig': {
        const name = nameOf(body, 'EndpointConfigName');
        this.find(this.endpointConfigs, name, 'endpoint configuration', arn('endpoint-config', name));
        this.endpointConfigs.delete(name.toLowerCase());
        return {};
      }
      case 'ListEndpointConfigs':
        return this.listResources(this.endpointConfigs, body, 'EndpointConfigs', (config) => ({
          EndpointConfigName: config.name,
          EndpointConfigArn: config.arn,
          CreationTime: config.creationTime,
        }));

      case 'CreateEndpoint': {
        const name = nameOf(body, 'EndpointName');
        const EndpointArn = arn('endpoint', name);
        const existing = this.endpoints.get(name.toLowerCase());
        if (existing?.created) throw new ServiceError('ValidationException', `Cannot create already existing endpoint "${EndpointArn}".`);
        const configName = nameOf(body, 'EndpointConfigName');
        if (this.checkReferences && !this.seeding && !this.endpointConfigs.has(configName.toLowerCase())) {
          throw new ServiceError('ValidationException', `Could not find endpoint configuration "${arn('endpoint-config', configName)}".`);
        }
        // A scripted endpoint is created afresh, following its script from the first step.
        this.addEndpoint(name, EndpointArn, body, existing ? existing.steps : [...DEFAULT_ENDPOINT_STEPS], true, context.now);
        return { EndpointArn };
      }
      case 'DescribeEndpoint': {
        const name = nameOf(body, 'EndpointName');
        const endpoint = this.find(this.endpoints, name, 'endpoint', arn('endpoint', name));
        const step = endpoint.steps[Math.min(endpoint.cursor, endpoint.steps.length - 1)];
        endpoint.cursor += 1;
        if (step.EndpointStatus !== undefined && step.EndpointStatus !== endpoint.current.EndpointStatus) endpoint.lastModifiedTime = context.now;
        endpoint.current = { ...endpoint.current, ...step };
        return this.describeEndpoint(endpoint);
      }
      case 'DeleteEndpoint': {
        const name = nameOf(body, 'EndpointName');
        this.find(this.endpoints, name, 'endpoint', arn('endpoint', name));
        this.endpoints.delete(name.toLowerCase());
        return {};
      }
      case 'ListEndpoints': {
        const all = [...this.endpoints.values()].map((endpoint) => ({ ...endpoint, status: endpoint.current.EndpointStatus }));
        const page = listPage(all, body, { sortOrder: 'Descending' });
        return {
          Endpoints: page.items.map((endpoint) => ({
            EndpointName: endpoint.name,
            EndpointArn: endpoint.arn,
            CreationTime: endpoint.creationTime,
            LastModifiedTime: endpoint.lastModifiedTime,
            EndpointStatus: endpoint.current.EndpointStatus,
          })),
          NextToken: page.nextToken,
        };
      }

      case 'CreateProcessingJob':
        return { ProcessingJobArn: this.createJob(operation, body, 'ProcessingJobName', 'processing-job', arn, context, 'Processing job') };
      case 'CreateTransformJob':
        return { TransformJobArn: this.createJob(operation, body, 'TransformJobName', 'transform-job', arn, context, 'Transform job') };
      case 'CreateHyperParameterTuningJob':
        return {
          HyperParameterTuningJobArn: this.createJob(operation, body, 'HyperParameterTuningJobName', 'hyper-parameter-tuning-job', arn, context, 'Hyperparameter tuning job'),
        };
      default:
        throw new ServiceError('UnknownOperationException', `The operation ${operation} is not supported by this test server.`);
    }
  }

  private createJob(
    operation: string,
    body: Body,
    member: string,
    type: string,
    arn: (type: string, name: string) => string,
    context: RequestContext,
    label: string,
  ): string {
    const name = nameOf(body, member);
    const jobArn = arn(type, name);
    const jobs = this.otherJobs.get(operation) ?? new Map<string, Resource>();
    this.otherJobs.set(operation, jobs);
    if (jobs.has(name.toLowerCase())) throw new ServiceError('ResourceInUse', `${label} with name ${name} already exists (${jobArn}).`);
    jobs.set(name.toLowerCase(), { name, arn: jobArn, creationTime: context.now, request: body });
    return jobArn;
  }

  private describeEndpoint(endpoint: Endpoint): EndpointStep {
    const configName = typeof endpoint.request.EndpointConfigName === 'string' ? endpoint.request.EndpointConfigName : undefined;
    const config = configName === undefined ? undefined : this.endpointConfigs.get(configName.toLowerCase());
    const inService = endpoint.current.EndpointStatus === 'InService';
    const variants = Array.isArray(config?.request.ProductionVariants) ? (config.request.ProductionVariants as Body[]) : [];
    return {
      EndpointName: endpoint.name,
      EndpointArn: endpoint.arn,
      EndpointConfigName: configName,
      ProductionVariants: variants.length
        ? variants.map((variant) => {
            const model = this.models.get(String(variant.ModelName ?? '').toLowerCase());
            const image = (model?.request.PrimaryContainer as Body | undefined)?.Image;
            const weight = typeof variant.InitialVariantWeight === 'number' ? variant.InitialVariantWeight : 1;
            const count = typeof variant.InitialInstanceCount === 'number' ? variant.InitialInstanceCount : 1;
            return {
              VariantName: String(variant.VariantName),
              DeployedImages: inService && typeof image === 'string' ? [{ SpecifiedImage: image, ResolvedImage: image, ResolutionTime: endpoint.lastModifiedTime }] : undefined,
              CurrentWeight: inService ? weight : undefined,
              DesiredWeight: weight,
              CurrentInstanceCount: inService ? count : undefined,
              DesiredInstanceCount: count,
            };
          })
        : undefined,
      CreationTime: endpoint.creationTime,
      LastModifiedTime: endpoint.lastModifiedTime,
      ...endpoint.current,
    };
  }

  /** SageMaker's answer for a model, endpoint config or endpoint that does not exist. */
  private find<T extends Resource>(resources: Map<string, T>, name: string, label: string, arn: string): T {
    const resource = resources.get(name.toLowerCase());
    if (!resource) throw new ServiceError('ValidationException', `Could not find ${label} "${arn}".`);
    return resource;
  }

  private listResources<K extends string>(resources: Map<string, Resource>, body: ListRequest, member: K, summary: (resource: Resource) => unknown) {
    const page = listPage(resources.values(), body, { sortOrder: 'Descending' });
    return { [member]: page.items.map(summary), NextToken: page.nextToken } as Record<K, unknown[]> & { NextToken?: string };
  }
}
