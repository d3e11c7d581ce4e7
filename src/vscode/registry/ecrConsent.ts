/**
 * Consent for live lookups in the user's own Amazon ECR (`sagemakerSpec.liveEcrLookups`). Such a
 * lookup calls ECR with the user's AWS credentials in the account and region a file names, so
 * under `ask` (the default) nothing is sent until the user agrees, once per account: an agreed
 * account is added to `sagemakerSpec.liveEcrAccounts` (user settings), a declined one is not asked
 * again in this session. `always` never asks; `never` never asks and never calls.
 */
import type { Prompter } from '../prompter';
import { addLiveEcrAccount, liveEcrAccounts, liveEcrLookups } from './registrySettings';

export const QUERY_ECR = 'Query';
export const NOT_NOW = 'Not Now';

export class EcrConsent {
  /** Accounts declined in this session. */
  private readonly declined = new Set<string>();
  /** Accounts agreed to in this session: used at once, before the settings change is visible. */
  private readonly agreed = new Set<string>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly prompter: () => Prompter) {}

  /** Whether ECR of `account` may be queried now, without asking. */
  allowed(account: string): boolean {
    const mode = liveEcrLookups();
    if (mode !== 'ask') return mode === 'always';
    return this.agreed.has(account) || liveEcrAccounts().includes(account);
  }

  /** Whether the user could still be asked about `account` (under `ask`, not declined in this session). */
  askable(account: string): boolean {
    return liveEcrLookups() === 'ask' && !this.declined.has(account) && !this.allowed(account);
  }

  /** Whether the question about `account` is on screen, unanswered. */
  pending(account: string): boolean {
    return this.asking.has(account);
  }

  /** Allowed now, or asks once (concurrent callers share the question); true when the user agreed. */
  async request(account: string): Promise<boolean> {
    if (this.allowed(account)) return true;
    if (!this.askable(account)) return false;
    let question = this.asking.get(account);
    if (!question) {
      question = (async () => {
        const answer = await this.prompter().info(
          `Ask Amazon ECR in account ${account} for the repositories and tags of your images, with your AWS credentials? The account will be added to sagemakerSpec.liveEcrAccounts.`,
          QUERY_ECR,
          NOT_NOW,
        );
        if (answer !== QUERY_ECR) {
          this.declined.add(account);
          return false;
        }
        this.agreed.add(account);
        await addLiveEcrAccount(account);
        return true;
      })().finally(() => this.asking.delete(account));
      this.asking.set(account, question);
    }
    return question;
  }

  /** Why a lookup in `account` is not made, for messages. */
  refusal(account: string): string {
    if (liveEcrLookups() === 'never') return 'live ECR lookups are off (sagemakerSpec.liveEcrLookups is "never")';
    return `you declined live ECR lookups in account ${account} for this session (add it to sagemakerSpec.liveEcrAccounts, or set sagemakerSpec.liveEcrLookups to "always")`;
  }
}
