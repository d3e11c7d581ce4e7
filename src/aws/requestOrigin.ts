/**
 * Where a failed request went, kept on its error as `requestOrigin` (`https://host[:port]`), so a
 * message can name the endpoint that answered (a proxy's HTML page: see
 * src/core/launch/awsErrors.ts). The SDK's errors say which status came, never from where.
 *
 * The middleware sits in the build step: the serializer has set the endpoint's protocol, host and
 * port on the request by then, and every retry and the deserializer run inside it. User name and
 * password (kept apart by the SDK) and the path are never recorded.
 */

/** The fields of the SDK's HttpRequest read here. */
interface RequestLike {
  protocol?: string;
  hostname?: string;
  port?: number;
}

type Handler = (args: { request?: unknown }) => Promise<unknown>;

/** What `client.middlewareStack.add` takes, in the shape this file needs (no @smithy import). */
interface MiddlewareStackLike {
  add(middleware: (next: Handler) => Handler, options: { step: 'build'; name: string; override?: boolean }): void;
}

/** `https://api.sagemaker.us-east-1.amazonaws.com`, `http://127.0.0.1:5000`; undefined without a host. */
export function originOf(request: unknown): string | undefined {
  const { protocol, hostname, port } = (request ?? {}) as RequestLike;
  if (typeof hostname !== 'string' || hostname === '') return undefined;
  const scheme = typeof protocol === 'string' && protocol !== '' ? protocol.replace(/:$/, '') : 'https';
  const defaultPort = scheme === 'https' ? 443 : scheme === 'http' ? 80 : undefined;
  return `${scheme}://${hostname}${typeof port === 'number' && port !== defaultPort ? `:${port}` : ''}`;
}

/** Adds the middleware to a client (any AWS SDK v3 client). */
export function recordRequestOrigin(client: { middlewareStack: unknown }): void {
  (client.middlewareStack as MiddlewareStackLike).add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const origin = originOf(args.request);
        if (origin && error !== null && typeof error === 'object' && !('requestOrigin' in error)) {
          // Not enumerable: the error's own fields, as the SDK shows them, stay as they were.
          Object.defineProperty(error, 'requestOrigin', { value: origin, enumerable: false, configurable: true });
        }
        throw error;
      }
    },
    { step: 'build', name: 'sagemakerSpecRequestOrigin', override: true },
  );
}
