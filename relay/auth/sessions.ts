/** Logins, sessions and invites: the account rules on top of the accounts store. */
import type { AccountsStore, Invite, StoredAccount } from '../store/accounts-store';
import { DECOY_HASH, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { FailureLimiter, type RateLimitOptions } from './rate-limit';
import { isRole, type Role } from './roles';

/** Session and login limits. */
export interface SessionOptions {
  /** Session lifetime: long, because laptops work offline for weeks. */
  sessionTtlMs: number;
  inviteTtlMs: number;
  /** Failed logins allowed per user name per window. */
  perName: RateLimitOptions;
  /** Failed logins allowed per IP address per window. */
  perAddress: RateLimitOptions;
}

/** Defaults: 90-day sessions, 7-day invites, 5 failures per name and 20 per address per 15 minutes. */
export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  sessionTtlMs: 90 * 24 * 3600_000,
  inviteTtlMs: 7 * 24 * 3600_000,
  perName: { maxFailures: 5, windowMs: 15 * 60_000 },
  perAddress: { maxFailures: 20, windowMs: 15 * 60_000 },
};

/** The outcome of a login. */
export type LoginResult =
  | { ok: true; token: string; expiresAt: number; user: StoredAccount }
  | { ok: false; reason: 'bad-credentials' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** A change an administrator asks for, checked. */
export interface RightsChange {
  role?: Role;
  seeOnlyOwn?: boolean;
  disabled?: boolean;
}

/** Why an account change is refused. */
export class AccountRuleError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The account service. */
export class Sessions {
  private readonly byName: FailureLimiter;
  private readonly byAddress: FailureLimiter;

  constructor(private readonly accounts: AccountsStore, private readonly options: SessionOptions) {
    this.byName = new FailureLimiter(options.perName);
    this.byAddress = new FailureLimiter(options.perAddress);
  }

  /** Checks a name and password; refuses without checking while the name or address is over its failure limit. */
  async login(name: string, password: string, address: string): Promise<LoginResult> {
    const nameKey = name.trim().toLowerCase();
    const wait = Math.max(this.byName.retryAfterMs(nameKey), this.byAddress.retryAfterMs(address));
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    const user = this.accounts.byName(name.trim());
    const matches = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH));
    if (!user || !matches || user.disabled) {
      this.byName.fail(nameKey);
      this.byAddress.fail(address);
      return { ok: false, reason: 'bad-credentials' };
    }
    this.byName.reset(nameKey);
    const session = this.accounts.createSession(user.id, this.options.sessionTtlMs);
    return { ok: true, ...session, user };
  }

  /** The account behind a token; null when unknown, expired or disabled. */
  authenticate(token: string): StoredAccount | null {
    const user = this.accounts.sessionAccount(token);
    return user && !user.disabled ? user : null;
  }

  /** Ends a session. */
  logout(token: string): void {
    this.accounts.deleteSession(token);
  }

  /** Creates a one-time invite for a role. */
  invite(role: Role, seeOnlyOwn: boolean, createdBy: string | null): Invite {
    return this.accounts.createInvite(role, seeOnlyOwn, createdBy, this.options.inviteTtlMs);
  }

  /** Accepts an invite: creates the account and logs it in. */
  async acceptInvite(token: string, name: string, password: string): Promise<{ token: string; expiresAt: number; user: StoredAccount }> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 80) throw new AccountRuleError('bad-name', 'The name must have 1 to 80 characters.');
    const problem = passwordProblem(password);
    if (problem) throw new AccountRuleError('bad-password', `The ${problem}.`);
    const user = this.accounts.acceptInvite(token, trimmed, await hashPassword(password));
    return { ...this.accounts.createSession(user.id, this.options.sessionTtlMs), user };
  }

  /**
   * Starts a password reset (an administrator's): ends every session of the user and returns a one-time
   * token, valid as long as an invite, with which he chooses a new password himself.
   */
  startReset(userId: string, by: string): { token: string; expiresAt: number } {
    if (!this.accounts.byId(userId)) throw new AccountRuleError('unknown-user', `There is no user with id "${userId}".`);
    this.accounts.deleteUserSessions(userId);
    return this.accounts.createReset(userId, by, this.options.inviteTtlMs);
  }

  /** Sets a new password with a reset token (same rules as invites) and logs the user in. */
  async acceptReset(token: string, password: string): Promise<{ token: string; expiresAt: number; user: StoredAccount }> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountRuleError('bad-password', `The ${problem}.`);
    const user = this.accounts.useReset(token, await hashPassword(password));
    return { ...this.accounts.createSession(user.id, this.options.sessionTtlMs), user };
  }

  /** Applies an administrator's change; refuses to leave the relay without an enabled administrator. */
  changeRights(userId: string, change: RightsChange): StoredAccount {
    const user = this.accounts.byId(userId);
    if (!user) throw new AccountRuleError('unknown-user', `There is no user with id "${userId}".`);
    const losesAdmin = user.role === 'admin' && !user.disabled && ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin) {
      const admins = this.accounts.list().filter((u) => u.role === 'admin' && !u.disabled);
      if (admins.length <= 1) throw new AccountRuleError('last-admin', 'This is the only active Administrator: make another one first.');
    }
    const updated = this.accounts.update(userId, change)!;
    if (change.disabled) this.accounts.deleteUserSessions(userId);
    return updated;
  }
}

/** Parses a rights change from a request body; throws AccountRuleError naming the bad field. */
export function parseRightsChange(body: Record<string, unknown>): RightsChange {
  const change: RightsChange = {};
  for (const key of Object.keys(body)) {
    if (!['role', 'seeOnlyOwn', 'disabled'].includes(key)) throw new AccountRuleError('bad-field', `Unknown field "${key}".`);
  }
  if (body.role !== undefined) {
    if (!isRole(body.role)) throw new AccountRuleError('bad-field', 'role must be one of admin, senior, manager, viewer.');
    change.role = body.role;
  }
  for (const key of ['seeOnlyOwn', 'disabled'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'boolean') throw new AccountRuleError('bad-field', `${key} must be true or false.`);
    change[key] = body[key] as boolean;
  }
  return change;
}

