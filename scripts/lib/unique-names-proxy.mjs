// A thin loopback proxy in front of moto for the demo: it forwards every request unchanged, but
// answers a SageMaker Create* call whose name was already created through it with the error
// SageMaker gives (moto 5.2.1 accepts a second job of the same name; SageMaker refuses it, and the
// extension's "name is taken, send it as …?" path should be seen in the demo).
//
// SageMaker's answers, as the project's test server (test/server/sageMaker.ts) also gives them:
// - jobs: ResourceInUse, "Training job names must be unique within an AWS account and region, …"
// - models, endpoint configs, endpoints: ValidationException, "Cannot create already existing …"
// Names are case-insensitive, and per region. A job's name stays taken for good (jobs cannot be
// deleted); a model, endpoint config or endpoint frees its name when a Delete call succeeds.
import http from 'node:http';

/** Create operations, the member holding the name, and what SageMaker answers for a taken name. */
export const CREATE_OPERATIONS = {
  CreateTrainingJob: { member: 'TrainingJobName', resource: 'training-job', error: (name, arn) => ['ResourceInUse', `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${arn})`] },
  CreateProcessingJob: { member: 'ProcessingJobName', resource: 'processing-job', error: (name, arn) => ['ResourceInUse', `Processing job with name ${name} already exists (${arn}).`] },
  CreateTransformJob: { member: 'TransformJobName', resource: 'transform-job', error: (name, arn) => ['ResourceInUse', `Transform job with name ${name} already exists (${arn}).`] },
  CreateHyperParameterTuningJob: { member: 'HyperParameterTuningJobName', resource: 'hyper-parameter-tuning-job', error: (name, arn) => ['ResourceInUse', `Hyperparameter tuning job with name ${name} already exists (${arn}).`] },
  CreateModel: { member: 'ModelName', resource: 'model', error: (name, arn) => ['ValidationException', `Cannot create already existing model "${arn}".`] },
  CreateEndpointConfig: { member: 'EndpointConfigName', resource: 'endpoint-config', error: (name, arn) => ['ValidationException', `Cannot create already existing endpoint configuration "${arn}".`] },
  CreateEndpoint: { member: 'EndpointName', resource: 'endpoint', error: (name, arn) => ['ValidationException', `Cannot create already existing endpoint "${arn}".`] },
};

/** Delete operations that free a name again. */
const DELETE_OPERATIONS = {
  DeleteModel: { member: 'ModelName', resource: 'model' },
  DeleteEndpointConfig: { member: 'EndpointConfigName', resource: 'endpoint-config' },
  DeleteEndpoint: { member: 'EndpointName', resource: 'endpoint' },
};

/** moto's account unless told otherwise; only used in the ARN of the message. */
const DEFAULT_ACCOUNT = '123456789012';

/**
 * Starts the proxy on 127.0.0.1 (`port` 0: any free port) in front of `upstream` (moto's
 * `http://127.0.0.1:PORT`). Returns `{ endpoint, refused, stop() }`; `refused` counts the
 * Create calls answered here.
 */
export async function startUniqueNamesProxy(upstream, { port = 0, account = DEFAULT_ACCOUNT } = {}) {
  const upstreamUrl = new URL(upstream);
  /** `region/resource/lower-case name` of everything created through the proxy. */
  const taken = new Set();
  const state = { refused: 0 };
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = sageMakerCall(request, body);
      if (call?.create && taken.has(call.key)) {
        state.refused++;
        const arn = `arn:aws:sagemaker:${call.region}:${account}:${call.create.resource}/${call.name}`;
        const [type, message] = call.create.error(call.name, arn);
        sendJsonError(response, type, message);
        return;
      }
      forward(upstreamUrl, request, body, response, (status) => {
        if (!call || status < 200 || status >= 300) return;
        if (call.create) taken.add(call.key);
        if (call.remove) taken.delete(call.key);
      });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    get refused() {
      return state.refused;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The SageMaker Create or Delete call a request makes (AWS JSON 1.1, `X-Amz-Target:
 * SageMaker.<Operation>`), with the name, the region of its signature and the key of the name;
 * undefined for anything else.
 */
function sageMakerCall(request, body) {
  const [service, operation] = String(request.headers['x-amz-target'] ?? '').split('.');
  if (service !== 'SageMaker') return undefined;
  const create = CREATE_OPERATIONS[operation];
  const remove = DELETE_OPERATIONS[operation];
  if (!create && !remove) return undefined;
  let name;
  try {
    name = JSON.parse(body.toString('utf8'))[(create ?? remove).member];
  } catch {
    return undefined;
  }
  if (typeof name !== 'string' || name === '') return undefined;
  const region = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1] ?? 'us-east-1';
  return { create, remove, name, region, key: `${region}/${(create ?? remove).resource}/${name.toLowerCase()}` };
}

function forward(upstreamUrl, request, body, response, onStatus) {
  const forwarded = http.request(
    { host: upstreamUrl.hostname, port: upstreamUrl.port, method: request.method, path: request.url, headers: request.headers },
    (answer) => {
      onStatus(answer.statusCode ?? 502);
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', () => response.destroy());
  forwarded.end(body);
}

/** An AWS JSON 1.1 error, read by the SDKs from `__type` (and `x-amzn-ErrorType`). */
function sendJsonError(response, type, message) {
  const payload = Buffer.from(JSON.stringify({ __type: type, message }), 'utf8');
  response.writeHead(400, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': String(payload.length),
    'x-amzn-ErrorType': type,
    'x-amzn-RequestId': `unique-names-proxy-${Date.now()}`,
  });
  response.end(payload);
}
