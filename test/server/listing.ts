/**
 * The List* operations' common request members: NameContains, StatusEquals, SortBy, SortOrder,
 * MaxResults and NextToken (here an opaque offset).
 */
import { ServiceError } from './awsErrors';

export interface Listable {
  name: string;
  creationTime: Date;
  status?: string;
}

export interface ListRequest {
  NameContains?: unknown;
  StatusEquals?: unknown;
  SortBy?: unknown;
  SortOrder?: unknown;
  MaxResults?: unknown;
  NextToken?: unknown;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function listPage<T extends Listable>(all: Iterable<T>, request: ListRequest, defaults: { sortOrder: 'Ascending' | 'Descending' }): Page<T> {
  let items = [...all];
  if (typeof request.NameContains === 'string') {
    const part = request.NameContains.toLowerCase();
    items = items.filter((item) => item.name.toLowerCase().includes(part));
  }
  if (typeof request.StatusEquals === 'string') items = items.filter((item) => item.status === request.StatusEquals);

  const sortBy = typeof request.SortBy === 'string' ? request.SortBy : 'CreationTime';
  const key = (item: T): string | number =>
    sortBy === 'Name' ? item.name : sortBy === 'Status' ? (item.status ?? '') : item.creationTime.getTime();
  const direction = (request.SortOrder ?? defaults.sortOrder) === 'Descending' ? -1 : 1;
  // Stable: equal keys keep the order in which the resources were created.
  items = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ka = key(a.item);
      const kb = key(b.item);
      return ka < kb ? -direction : ka > kb ? direction : (a.index - b.index) * direction;
    })
    .map(({ item }) => item);

  let offset = 0;
  if (request.NextToken !== undefined) {
    const match = typeof request.NextToken === 'string' ? /^offset:(\d+)$/.exec(Buffer.from(request.NextToken, 'base64url').toString('utf8')) : null;
    if (!match) throw new ServiceError('ValidationException', 'Invalid pagination token.');
    offset = Number(match[1]);
  }
  const max = typeof request.MaxResults === 'number' ? request.MaxResults : 10;
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    throw new ServiceError('ValidationException', `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const page = items.slice(offset, offset + max);
  const next = offset + page.length;
  return { items: page, nextToken: next < items.length ? Buffer.from(`offset:${next}`, 'utf8').toString('base64url') : undefined };
}
