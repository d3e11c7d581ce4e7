/**
 * A SageMaker-compatible test server on 127.0.0.1, for what moto cannot do: it verifies SigV4
 * signatures against the test credentials, records every request, answers errors on demand,
 * scripts DescribeTrainingJob/DescribeEndpoint transitions, serves training logs, and can be slow
 * or drop connections.
 *
 * One port serves every service the extension calls, as a local emulator does (the extension sets
 * one endpoint URL for all of them):
 * - SageMaker, AWS JSON 1.1: `X-Amz-Target: SageMaker.<Operation>`
 * - CloudWatch Logs, AWS JSON 1.1: `X-Amz-Target: Logs_20140328.<Operation>`
 * - STS, AWS query protocol: form body `Action=GetCallerIdentity&Version=2011-06-15`, XML answer.
 *
 * Dependency-free (node:http, node:crypto). It never prints anything, and keeps neither the secret,
 * nor session tokens, nor signatures in what it records.
 *
 * ```ts
 * const server = await SageMakerTestServer.start({ accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' });
 * const client = new SageMakerClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { … } });
 * server.scriptTrainingJob('job', [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }, { TrainingJobStatus: 'Failed', FailureReason: 'AlgorithmError: …' }]);
 * server.failNext('CreateModel', { type: 'AccessDeniedException', message: 'not allowed' });
 * …
 * await server.stop();
 * ```
 */
import type { EndpointStatus } from '@aws-sdk/client-sagemaker';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sageMakerArn } from './arns';
import { ServiceError, signatureError, type ErrorType } from './awsErrors';
import { CloudWatchLogs, TRAINING_JOBS_LOG_GROUP, type LogEventInput } from './cloudWatchLogs';
import { identifyRequest, newRequestId, parseRequestBody, sendError, sendResult, type IdentifiedRequest, type Protocol, type ServiceName } from './protocols';
import { SageMakerService, type EndpointStep, type RequestContext } from './sageMaker';
import { headerValues, redactHeaders, verifySigV4, type SigV4Failure } from './sigv4';
import { callerIdentity, handleSts, type CallerIdentity } from './sts';
import type { TrainingJobStep } from './trainingJobs';

export type { EndpointStep } from './sageMaker';
export type { TrainingJobStep } from './trainingJobs';
export type { LogEventInput } from './cloudWatchLogs';
export type { ErrorType } from './awsErrors';
export { TRAINING_JOBS_LOG_GROUP } from './cloudWatchLogs';

export const TEST_ACCOUNT_ID = '123456789012';

export interface TestServerOptions {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * The server's region. When set, a request signed for another region fails as in AWS
   * ("Credential should be scoped to a valid region"). When not set, each request's signing
   * region is used (for ARNs), else us-east-1.
   */
  region?: string;
  /** Default 123456789012. */
  accountId?: string;
  /** What GetCallerIdentity answers (default: `arn:aws:iam::<account>:user/test`). */
  callerIdentity?: Partial<CallerIdentity>;
  /** CreateEndpointConfig requires its models and CreateEndpoint its config to exist, as in SageMaker. Default false. */
  checkReferences?: boolean;
}

export interface RecordedRequest {
  service: ServiceName;
  /** `CreateTrainingJob`, `GetCallerIdentity`, `GetLogEvents`, … ('' when the request names none). */
  operation: string;
  protocol: Protocol;
  /** The parsed JSON body, or the form fields of a query request ({} when the body is not JSON). */
  body: Record<string, unknown>;
  /** The body exactly as sent. */
  rawBody: string;
  /** Lower-case names; the signature and the session token are redacted. */
  headers: Record<string, string>;
  signatureValid: boolean;
  signatureFailure?: SigV4Failure;
  accessKeyId?: string;
  /** Region and service of the SigV4 credential scope (`…/REGION/SERVICE/aws4_request`). */
  signingRegion?: string;
  signingService?: string;
  /** An `X-Amz-Security-Token` was sent (the value is never kept). */
  sessionTokenPresent: boolean;
  /** The HTTP status answered; undefined while pending or when the connection was dropped. */
  status?: number;
  /** The error type answered (`__type`, or `Code` for STS). */
  errorType?: string;
  dropped?: boolean;
  receivedAt: Date;
}

export interface InjectedError {
  type: ErrorType;
  message: string;
  /** Default: 400, except 403 for signature errors, 500 InternalFailure, 503 ServiceUnavailable. */
  status?: number;
  /** How many requests in a row get it. Default 1. */
  times?: number;
}

interface Pending<T> {
  value: T;
  remaining: number;
}

/** Operation names match exactly; `*` matches every operation. */
const ANY = '*';

export class SageMakerTestServer {
  readonly endpoint: string;
  readonly requests: RecordedRequest[] = [];

  private readonly sageMaker: SageMakerService;
  private readonly logs = new CloudWatchLogs();
  private readonly failures = new Map<string, Pending<InjectedError>[]>();
  private readonly drops = new Map<string, Pending<true>[]>();
  private readonly delays = new Map<string, Pending<number>>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: TestServerOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${port}`;
    this.sageMaker = new SageMakerService(options.checkReferences ?? false);
  }

  /** Listens on 127.0.0.1 on a free port. */
  static async start(options: TestServerOptions): Promise<SageMakerTestServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const instance = new SageMakerTestServer(server, options);
    server.on('request', (req, res) => void instance.handle(req, res));
    return instance;
  }

  /** The recorded requests for one operation, in order. */
  requestsFor(operation: string): RecordedRequest[] {
    return this.requests.filter((request) => request.operation === operation);
  }

  /** The next `times` (default 1) requests for `operation` (or `*`) get this error, after a valid signature. */
  failNext(operation: string, error: InjectedError): void {
    const queue = this.failures.get(operation) ?? [];
    queue.push({ value: error, remaining: error.times ?? 1 });
    this.failures.set(operation, queue);
  }

  /** The next `times` requests for `operation` (or `*`) have their connection closed without an answer. */
  dropNext(operation: string, times = 1): void {
    const queue = this.drops.get(operation) ?? [];
    queue.push({ value: true, remaining: times });
    this.drops.set(operation, queue);
  }

  /** Answers `operation` (or `*`) `ms` later: every request, or only the next `times`. `delay(op, 0)` clears it. */
  delay(operation: string, ms: number, times?: number): void {
    if (ms <= 0) this.delays.delete(operation);
    else this.delays.set(operation, { value: ms, remaining: times ?? Infinity });
  }

  /**
   * Successive DescribeTrainingJob answers for a job, merged over what it was created with; the last
   * step repeats. A job not created yet exists from now on (described, listed, stoppable), and its
   * CreateTrainingJob is still accepted once (the script then starts over). For an existing job the
   * script starts over now. Unscripted jobs answer InProgress/Starting, then Completed.
   */
  scriptTrainingJob(name: string, steps: TrainingJobStep[]): void {
    this.sageMaker.trainingJobs.script(name, steps, sageMakerArn(this.region, this.account, 'training-job', name));
  }

  /** A training job that exists as if CreateTrainingJob had been sent (not recorded); returns its ARN. */
  addTrainingJob(name: string, request: Record<string, unknown> = {}): string {
    const body = {
      RoleArn: `arn:aws:iam::${this.account}:role/SageMakerExecutionRole`,
      OutputDataConfig: { S3OutputPath: 's3://example-bucket/output/' },
      ...request,
      TrainingJobName: name,
    };
    return (this.seed('CreateTrainingJob', body) as { TrainingJobArn: string }).TrainingJobArn;
  }

  /** The job as DescribeTrainingJob would show it now, without advancing its script. */
  trainingJob(name: string): TrainingJobStep {
    return this.sageMaker.trainingJobs.peek(name);
  }

  /** A model that exists as if CreateModel had been sent (not recorded); returns its ARN. */
  addModel(name: string, request: Record<string, unknown> = {}): string {
    const body = { ExecutionRoleArn: `arn:aws:iam::${this.account}:role/SageMakerExecutionRole`, ...request, ModelName: name };
    return (this.seed('CreateModel', body) as { ModelArn: string }).ModelArn;
  }

  /** An endpoint config that exists as if CreateEndpointConfig had been sent (not recorded); returns its ARN. */
  addEndpointConfig(name: string, request: Record<string, unknown> = {}): string {
    const body = {
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1 }],
      ...request,
      EndpointConfigName: name,
    };
    return (this.seed('CreateEndpointConfig', body) as { EndpointConfigArn: string }).EndpointConfigArn;
  }

  /**
   * An endpoint that exists with `status` (default InService), as if CreateEndpoint had been sent
   * (not recorded); returns its ARN. Script later answers with `scriptEndpoint`.
   */
  addEndpoint(name: string, status: EndpointStatus = 'InService', endpointConfigName = `${name}-config`): string {
    this.sageMaker.scriptEndpoint(name, [{ EndpointStatus: status }], this.seedContext());
    return (this.seed('CreateEndpoint', { EndpointName: name, EndpointConfigName: endpointConfigName }) as { EndpointArn: string }).EndpointArn;
  }

  /**
   * Successive DescribeEndpoint answers (default Creating, then InService); the last repeats. As for
   * training jobs, an endpoint not created yet exists from now on and its CreateEndpoint is accepted once.
   */
  scriptEndpoint(name: string, steps: EndpointStep[]): void {
    this.sageMaker.scriptEndpoint(name, steps, this.seedContext());
  }

  /**
   * Log events of a training job in `/aws/sagemaker/TrainingJobs` (or `logGroup`). The stream is
   * `streamName` when it already starts with `<jobName>/`, else `<jobName>/<streamName>`
   * (SageMaker names them `<job>/algo-1-<epoch seconds>`). Call again to append.
   */
  addLogEvents(jobName: string, streamName: string, events: LogEventInput[], logGroup = TRAINING_JOBS_LOG_GROUP): string {
    const fullName = streamName.startsWith(`${jobName}/`) ? streamName : `${jobName}/${streamName}`;
    this.logs.addEvents(logGroup, fullName, events);
    return fullName;
  }

  /** Forgets requests, injected errors, drops, delays and every resource. */
  reset(): void {
    this.requests.length = 0;
    this.failures.clear();
    this.drops.clear();
    this.delays.clear();
    this.sageMaker.clear();
    this.logs.clear();
  }

  async stop(): Promise<void> {
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
    this.sleepers.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private get account(): string {
    return this.options.accountId ?? TEST_ACCOUNT_ID;
  }

  private get region(): string {
    return this.options.region ?? 'us-east-1';
  }

  private seedContext(): RequestContext {
    return { region: this.region, account: this.account, now: new Date() };
  }

  private seed(operation: string, body: Record<string, unknown>): unknown {
    return this.sageMaker.seed(operation, body, this.seedContext());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = newRequestId();
    let identified: IdentifiedRequest = { service: 'unknown', operation: '', protocol: 'json', jsonVersion: '1.1' };
    let record: RecordedRequest | undefined;
    try {
      const body = await readBody(req);
      const headers = headerValues(req.rawHeaders);
      identified = identifyRequest(headers, body);
      const verification = verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: req.rawHeaders, body },
        { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey },
        { region: this.options.region, service: identified.signingName },
      );
      let parsed: Record<string, unknown> = {};
      let parseError: unknown;
      try {
        parsed = parseRequestBody(identified, body);
      } catch (error) {
        parseError = error;
      }
      record = {
        service: identified.service,
        operation: identified.operation,
        protocol: identified.protocol,
        body: parsed,
        rawBody: body.toString('utf8'),
        headers: redactHeaders(req.rawHeaders),
        signatureValid: verification.valid,
        signatureFailure: verification.failure,
        accessKeyId: verification.accessKeyId,
        signingRegion: verification.scope?.region,
        signingService: verification.scope?.service,
        sessionTokenPresent: verification.sessionTokenPresent,
        receivedAt: new Date(),
      };
      this.requests.push(record);

      const wait = this.take(this.delays, identified.operation);
      if (wait !== undefined) await this.sleep(wait);

      if (!verification.valid) {
        throw signatureError(verification.failure ?? 'signature-mismatch', identified.protocol, {
          region: verification.scope?.region,
          service: identified.signingName,
        });
      }
      if (this.takeFromQueue(this.drops, identified.operation)) {
        record.dropped = true;
        req.socket.destroy();
        return;
      }
      const injected = this.takeFromQueue(this.failures, identified.operation);
      if (injected) throw new ServiceError(injected.type, injected.message, injected.status);
      if (parseError) throw parseError;

      const context = { region: this.options.region ?? verification.scope?.region ?? 'us-east-1', account: this.account, now: new Date() };
      let result: unknown;
      switch (identified.service) {
        case 'sagemaker':
          result = this.sageMaker.handle(identified.operation, parsed, context);
          break;
        case 'logs':
          result = this.logs.handle(identified.operation, parsed, context);
          break;
        case 'sts':
          result = handleSts(identified.operation, parsed, callerIdentity(this.account, context.region, this.options.callerIdentity));
          break;
        default:
          throw new ServiceError('UnknownOperationException', `The operation ${identified.operation || '(none)'} is not supported by this test server.`);
      }
      sendResult(res, identified, identified.operation, result, requestId);
      record.status = 200;
    } catch (caught) {
      const error = caught instanceof ServiceError ? caught : new ServiceError('InternalFailure', `The test server failed: ${caught instanceof Error ? caught.message : String(caught)}`);
      sendError(res, identified, error, requestId);
      if (record) {
        record.status = error.status;
        record.errorType = error.type;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private take(delays: Map<string, Pending<number>>, operation: string): number | undefined {
    for (const key of [operation, ANY]) {
      const pending = delays.get(key);
      if (!pending) continue;
      pending.remaining -= 1;
      if (pending.remaining <= 0) delays.delete(key);
      return pending.value;
    }
    return undefined;
  }

  private takeFromQueue<T>(queues: Map<string, Pending<T>[]>, operation: string): T | undefined {
    for (const key of [operation, ANY]) {
      const queue = queues.get(key);
      const head = queue?.[0];
      if (!queue || !head) continue;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      if (queue.length === 0) queues.delete(key);
      return head.value;
    }
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
