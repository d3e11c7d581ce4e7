/**
 * The two CloudWatch Logs operations a training-log follower needs, over in-memory streams:
 * DescribeLogStreams (by prefix, as SageMaker names streams `<job>/algo-1-<epoch>`) and
 * GetLogEvents with forward/backward tokens. Timestamps are epoch milliseconds, as in the service.
 */
import { partitionOf } from './arns';
import { ServiceError } from './awsErrors';

export const TRAINING_JOBS_LOG_GROUP = '/aws/sagemaker/TrainingJobs';

export interface LogEventInput {
  timestamp: number | Date;
  message: string;
}

interface StoredEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

interface Stream {
  name: string;
  creationTime: number;
  events: StoredEvent[];
}

export interface LogsContext {
  region: string;
  account: string;
}

type Body = Record<string, unknown>;

const TOKEN_DIGITS = 56;

function token(direction: 'f' | 'b', index: number): string {
  return `${direction}/${String(index).padStart(TOKEN_DIGITS, '0')}`;
}

function parseToken(value: unknown): { direction: 'f' | 'b'; index: number } {
  const match = typeof value === 'string' ? /^([fb])\/(\d+)$/.exec(value) : null;
  if (!match) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
  return { direction: match[1] as 'f' | 'b', index: Number(match[2]) };
}

function groupName(body: Body): string {
  const name = body.logGroupName ?? body.logGroupIdentifier;
  if (typeof name !== 'string') throw new ServiceError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be provided.');
  // logGroupIdentifier may be an ARN: arn:aws:logs:REGION:ACCOUNT:log-group:NAME
  return name.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '');
}

function limitOf(body: Body, fallback: number, max: number): number {
  if (body.limit === undefined) return fallback;
  const limit = body.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
  return limit;
}

export class CloudWatchLogs {
  private readonly groups = new Map<string, Map<string, Stream>>();

  constructor() {
    this.clear();
  }

  clear(): void {
    this.groups.clear();
    // Every account that has run a training job has this group.
    this.groups.set(TRAINING_JOBS_LOG_GROUP, new Map());
  }

  addEvents(group: string, streamName: string, events: LogEventInput[], now = Date.now()): void {
    const streams = this.groups.get(group) ?? new Map<string, Stream>();
    this.groups.set(group, streams);
    const stream = streams.get(streamName) ?? { name: streamName, creationTime: now, events: [] };
    streams.set(streamName, stream);
    for (const event of events) {
      stream.events.push({ timestamp: event.timestamp instanceof Date ? event.timestamp.getTime() : event.timestamp, message: event.message, ingestionTime: now });
    }
  }

  handle(operation: string, body: Body, context: LogsContext): unknown {
    switch (operation) {
      case 'DescribeLogStreams':
        return this.describeLogStreams(body, context);
      case 'GetLogEvents':
        return this.getLogEvents(body);
      default:
        throw new ServiceError('UnknownOperationException', `The operation ${operation} is not supported by this test server.`);
    }
  }

  private group(body: Body): { name: string; streams: Map<string, Stream> } {
    const name = groupName(body);
    const streams = this.groups.get(name);
    if (!streams) throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
    return { name, streams };
  }

  private describeLogStreams(body: Body, context: LogsContext): unknown {
    const group = this.group(body);
    const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : undefined;
    const orderBy = body.orderBy ?? 'LogStreamName';
    if (orderBy === 'LastEventTime' && prefix !== undefined) {
      throw new ServiceError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const lastEvent = (stream: Stream) => Math.max(0, ...stream.events.map((event) => event.timestamp));
    const direction = body.descending === true ? -1 : 1;
    const streams = [...group.streams.values()]
      .filter((stream) => prefix === undefined || stream.name.startsWith(prefix))
      .sort((a, b) => {
        const ka = orderBy === 'LastEventTime' ? lastEvent(a) : a.name;
        const kb = orderBy === 'LastEventTime' ? lastEvent(b) : b.name;
        return ka < kb ? -direction : ka > kb ? direction : 0;
      });
    let offset = 0;
    if (body.nextToken !== undefined) {
      const match = typeof body.nextToken === 'string' ? /^streams\/(\d+)$/.exec(body.nextToken) : null;
      if (!match) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
      offset = Number(match[1]);
    }
    const limit = limitOf(body, 50, 50);
    const page = streams.slice(offset, offset + limit);
    const next = offset + page.length;
    return {
      logStreams: page.map((stream) => ({
        logStreamName: stream.name,
        creationTime: stream.creationTime,
        firstEventTimestamp: stream.events.length ? Math.min(...stream.events.map((event) => event.timestamp)) : undefined,
        lastEventTimestamp: stream.events.length ? lastEvent(stream) : undefined,
        lastIngestionTime: stream.events.length ? Math.max(...stream.events.map((event) => event.ingestionTime)) : undefined,
        arn: `arn:${partitionOf(context.region)}:logs:${context.region}:${context.account}:log-group:${group.name}:log-stream:${stream.name}`,
        storedBytes: 0,
      })),
      nextToken: next < streams.length ? `streams/${next}` : undefined,
    };
  }

  private getLogEvents(body: Body): unknown {
    const group = this.group(body);
    const stream = typeof body.logStreamName === 'string' ? group.streams.get(body.logStreamName) : undefined;
    if (!stream) throw new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const startTime = typeof body.startTime === 'number' ? body.startTime : -Infinity;
    const endTime = typeof body.endTime === 'number' ? body.endTime : Infinity;
    const events = stream.events.filter((event) => event.timestamp >= startTime && event.timestamp < endTime);
    const limit = limitOf(body, 10000, 10000);

    let from: number;
    let to: number;
    if (body.nextToken !== undefined) {
      const { direction, index } = parseToken(body.nextToken);
      if (direction === 'f') {
        from = Math.min(index, events.length);
        to = Math.min(events.length, from + limit);
      } else {
        to = Math.min(index, events.length);
        from = Math.max(0, to - limit);
      }
    } else if (body.startFromHead === true) {
      from = 0;
      to = Math.min(events.length, limit);
    } else {
      // Without a token and startFromHead, the service answers the latest events.
      to = events.length;
      from = Math.max(0, to - limit);
    }
    return {
      events: events.slice(from, to).map((event) => ({ ...event })),
      nextForwardToken: token('f', to),
      nextBackwardToken: token('b', from),
    };
  }
}
