/**
 * STS GetCallerIdentity: the account, user id and ARN of the test identity. The answer is a plain
 * object; protocols.ts renders it as the query protocol's XML (or JSON for a JSON 1.0 client).
 */
import { partitionOf } from './arns';
import { ServiceError } from './awsErrors';

export interface CallerIdentity {
  Account: string;
  Arn: string;
  UserId: string;
}

export function callerIdentity(account: string, region: string, overrides: Partial<CallerIdentity> = {}): CallerIdentity {
  return {
    UserId: overrides.UserId ?? 'AIDATESTUSER000000000',
    Account: overrides.Account ?? account,
    Arn: overrides.Arn ?? `arn:${partitionOf(region)}:iam::${overrides.Account ?? account}:user/test`,
  };
}

export function handleSts(operation: string, body: Record<string, unknown>, identity: CallerIdentity): unknown {
  if (body.Version !== undefined && body.Version !== '2011-06-15') {
    throw new ServiceError('InvalidAction', `Could not find operation ${operation} for version ${String(body.Version)}`);
  }
  switch (operation) {
    case 'GetCallerIdentity':
      return { Arn: identity.Arn, UserId: identity.UserId, Account: identity.Account };
    default:
      throw new ServiceError('InvalidAction', `Could not find operation ${operation} for version 2011-06-15`);
  }
}
