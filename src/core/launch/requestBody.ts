/**
 * Turning the open spec into the request body that is sent: JSONC comments dropped, values as
 * written. The user's file is never changed; a renamed resource only changes the body.
 */
import { getNodeValue } from 'jsonc-parser';
import type { SpecDocument } from '../specDocument';
import { CREATE_OPERATIONS, type CreateOperation } from './operations';

export interface CreateRequest {
  operation: CreateOperation;
  body: Record<string, unknown>;
  /** The resource name from the spec, if it has one. */
  name: string | undefined;
}

export function buildCreateRequest(spec: SpecDocument): CreateRequest | undefined {
  if (!spec.kind || spec.root?.type !== 'object') return undefined;
  const operation = CREATE_OPERATIONS[spec.kind];
  const body = getNodeValue(spec.root) as Record<string, unknown>;
  const name = body[operation.nameMember];
  return { operation, body, name: typeof name === 'string' ? name : undefined };
}

/** The same request under another resource name (after a name conflict). */
export function withName(request: CreateRequest, name: string): CreateRequest {
  return { ...request, name, body: { ...request.body, [request.operation.nameMember]: name } };
}

/** SageMaker resource names are at most 63 characters. */
export const MAX_NAME_LENGTH = 63;

/**
 * `<name>-<YYYYMMDDHHmmss>` in UTC, the name shortened (and trailing hyphens dropped) so the
 * result keeps the 63-character limit.
 */
export function timestampedName(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const room = MAX_NAME_LENGTH - stamp.length - 1;
  const base = name.slice(0, room).replace(/-+$/, '');
  return `${base}-${stamp}`;
}
