/**
 * The wire protocols the test server speaks on its one port, and how it tells services apart:
 * - AWS JSON 1.1 (SageMaker, CloudWatch Logs): `POST /`, `X-Amz-Target: <prefix>.<Operation>`, JSON body.
 * - AWS JSON 1.0 (STS, should a client ever send it that way): `X-Amz-Target: AWSSecurityTokenServiceV20110615.<Operation>`.
 * - AWS query (STS, as @aws-sdk/client-sts and botocore send it): form body `Action=…&Version=…`, XML answers.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ServiceError } from './awsErrors';

export type ServiceName = 'sagemaker' | 'sts' | 'logs' | 'unknown';
export type Protocol = 'json' | 'query';

export interface IdentifiedRequest {
  service: ServiceName;
  operation: string;
  protocol: Protocol;
  /** `1.0` or `1.1` for JSON requests. */
  jsonVersion?: string;
  /** The SigV4 signing name the service expects in the credential scope. */
  signingName?: string;
}

const TARGET_PREFIXES: Record<string, { service: ServiceName; signingName: string; jsonVersion: string }> = {
  SageMaker: { service: 'sagemaker', signingName: 'sagemaker', jsonVersion: '1.1' },
  Logs_20140328: { service: 'logs', signingName: 'logs', jsonVersion: '1.1' },
  AWSSecurityTokenServiceV20110615: { service: 'sts', signingName: 'sts', jsonVersion: '1.0' },
};

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function identifyRequest(headers: Map<string, string>, body: Buffer): IdentifiedRequest {
  const target = headers.get('x-amz-target');
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const known = dot > 0 ? TARGET_PREFIXES[target.slice(0, dot)] : undefined;
    if (known) return { service: known.service, operation: target.slice(dot + 1), protocol: 'json', jsonVersion: known.jsonVersion, signingName: known.signingName };
    return { service: 'unknown', operation: target, protocol: 'json', jsonVersion: '1.1' };
  }
  if ((headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
    return { service: 'sts', operation: action, protocol: 'query', signingName: 'sts' };
  }
  return { service: 'unknown', operation: '', protocol: 'json', jsonVersion: '1.1' };
}

/** The JSON object of a JSON request, or the form fields of a query request. */
export function parseRequestBody(request: IdentifiedRequest, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (request.protocol === 'query') return Object.fromEntries(new URLSearchParams(text));
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return value as Record<string, unknown>;
}

/** JSON protocols send timestamps as epoch seconds. */
export function toWireJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWireJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, toWireJson(member)]),
    );
  }
  return value;
}

export function newRequestId(): string {
  return randomUUID();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** Plain objects to query-protocol XML (lists as `<member>` elements, timestamps as ISO 8601). */
export function toXml(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `<${key}>${toXml(member)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function sendResult(res: ServerResponse, request: IdentifiedRequest, operation: string, result: unknown, requestId: string): void {
  if (request.protocol === 'query') {
    const xml =
      `<${operation}Response xmlns="${STS_XMLNS}"><${operation}Result>${toXml(result ?? {})}</${operation}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
    send(res, 200, 'text/xml', xml, { 'x-amzn-RequestId': requestId });
    return;
  }
  send(res, 200, `application/x-amz-json-${request.jsonVersion ?? '1.1'}`, JSON.stringify(toWireJson(result ?? {})), { 'x-amzn-RequestId': requestId });
}

export function sendError(res: ServerResponse, request: IdentifiedRequest, error: ServiceError, requestId: string): void {
  if (request.protocol === 'query') {
    const xml =
      `<ErrorResponse xmlns="${STS_XMLNS}"><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${escapeXml(error.type)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    send(res, error.status, 'text/xml', xml, { 'x-amzn-RequestId': requestId });
    return;
  }
  // Both places the SDKs look: botocore reads `__type`, the JS SDK reads `__type` then `x-amzn-ErrorType`.
  send(res, error.status, `application/x-amz-json-${request.jsonVersion ?? '1.1'}`, JSON.stringify({ __type: error.type, message: error.message }), {
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': error.type,
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(payload.length) });
  res.end(payload);
}
