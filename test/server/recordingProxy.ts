// A loopback HTTP proxy in front of an AWS emulator (moto) that records every request's operation
// (the JSON protocol's X-Amz-Target header), the region its signature is scoped to, and its body,
// so tests can prove that a call was, or was never, made for an account, region or repository.
// Requests pass through unchanged; moto does not check that the signed Host is its own.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedAwsRequest {
  /** `AmazonEC2ContainerRegistry_V20150921.DescribeImages` → `DescribeImages`; '' when absent. */
  operation: string;
  /** The region of the SigV4 credential scope (`Credential=AKID/date/<region>/service/aws4_request`). */
  region: string;
  /** The JSON request body, as sent. */
  body: string;
}

export interface RecordingProxy {
  endpoint: string;
  readonly requests: RecordedAwsRequest[];
  stop(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const requests: RecordedAwsRequest[] = [];
  const upstreamUrl = new URL(upstream);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(request.headers['x-amz-target'] ?? '');
      const region = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
      requests.push({ operation: target.split('.').pop() ?? '', region, body: body.toString('utf8') });
      const forwarded = http.request(
        { host: upstreamUrl.hostname, port: upstreamUrl.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => response.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
