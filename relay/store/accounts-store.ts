/** Users, sessions and invites in SQLite; tokens are stored only as hashes. */
import type { Db } from './database';
import { isRole, type Account, type Role } from '../auth/roles';
import { hashToken, newToken, newUserId } from '../auth/tokens';

interface UserRow {
  id: string;
  name: string;
  role: string;
  see_only_own: number;
  disabled: number;
  password_hash: string;
  created_at: number;
}

/** An account with its password hash (never sent out). */
export interface StoredAccount extends Account {
  passwordHash: string;
}

/** A created invite: the token is shown once and stored only hashed. */
export interface Invite {
  token: string;
  role: Role;
  seeOnlyOwn: boolean;
  expiresAt: number;
}

/** Changes an administrator may make to an account. */
export interface AccountChange {
  role?: Role;
  seeOnlyOwn?: boolean;
  disabled?: boolean;
  passwordHash?: string;
}

/** The accounts part of the relay database. */
export interface AccountsStore {
  /** All accounts, by name. */
  list(): StoredAccount[];
  /** The account with this id. */
  byId(id: string): StoredAccount | null;
  /** The account with this name (case-insensitive). */
  byName(name: string): StoredAccount | null;
  /** How many accounts exist. */
  count(): number;
  /** Applies an administrator's change; returns the new account or null when unknown. */
  update(id: string, change: AccountChange): StoredAccount | null;
  /** Starts a session; returns its token. */
  createSession(userId: string, ttlMs: number): { token: string; expiresAt: number };
  /** The account behind a live session token, or null. */
  sessionAccount(token: string): StoredAccount | null;
  /** Ends one session. */
  deleteSession(token: string): void;
  /** Ends every session of a user (disabled, password reset). */
  deleteUserSessions(userId: string): void;
  /** Creates a one-time invite. */
  createInvite(role: Role, seeOnlyOwn: boolean, createdBy: string | null, ttlMs: number): Invite;
  /** Uses an invite to create an account, atomically: the invite works once. Throws a reason on failure. */
  acceptInvite(token: string, name: string, passwordHash: string): StoredAccount;
  /** Creates a one-time password reset token for a user; his earlier unused ones stop working. */
  createReset(userId: string, createdBy: string | null, ttlMs: number): { token: string; expiresAt: number };
  /** Uses a reset token to set the password, atomically: the token works once. Throws ResetError on failure. */
  useReset(token: string, passwordHash: string): StoredAccount;
}

/** Why a password reset token could not be used. */
export class ResetError extends Error {
  constructor(readonly code: 'invalid-reset' | 'reset-used' | 'reset-expired' | 'account-disabled', message: string) {
    super(message);
  }
}

/** Why an invite could not be accepted. */
export class InviteError extends Error {
  constructor(readonly code: 'invalid-invite' | 'name-taken', message: string) {
    super(message);
  }
}

function toAccount(row: UserRow): StoredAccount {
  return {
    id: row.id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    seeOnlyOwn: row.see_only_own === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
  };
}

/** Creates the accounts store on an open database. */
export function createAccountsStore(db: Db, now: () => number = Date.now): AccountsStore {
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY name');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insertUser = db.prepare('INSERT INTO users (id, name, role, see_only_own, disabled, password_hash, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)');
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const sessionUser = db.prepare<[string, number], UserRow>(
    'SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE token_hash = ? AND expires_at > ?',
  );
  const deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const deleteUserSessions = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const insertInvite = db.prepare(
    'INSERT INTO invites (token_hash, role, see_only_own, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const openInvite = db.prepare<[string, number], { role: string; see_only_own: number }>(
    'SELECT role, see_only_own FROM invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const useInvite = db.prepare('UPDATE invites SET used_at = ?, used_by = ? WHERE token_hash = ?');

  const insertReset = db.prepare('INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const retireResets = db.prepare('UPDATE password_resets SET expires_at = min(expires_at, ?) WHERE user_id = ? AND used_at IS NULL');
  const getReset = db.prepare<[string], { user_id: string; expires_at: number; used_at: number | null }>(
    'SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?',
  );
  const useResetRow = db.prepare('UPDATE password_resets SET used_at = ? WHERE token_hash = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');

  const startReset = db.transaction((userId: string, createdBy: string | null, ttlMs: number) => {
    const token = newToken();
    const at = now();
    retireResets.run(at, userId);
    insertReset.run(hashToken(token), userId, createdBy, at, at + ttlMs);
    return { token, expiresAt: at + ttlMs };
  });

  const finishReset = db.transaction((token: string, passwordHash: string): StoredAccount => {
    const hash = hashToken(token);
    const reset = getReset.get(hash);
    if (!reset) throw new ResetError('invalid-reset', 'This password reset link is unknown: ask your Administrator for a new one.');
    if (reset.used_at !== null) throw new ResetError('reset-used', 'This password reset link was already used: ask your Administrator for a new one.');
    if (reset.expires_at <= now()) throw new ResetError('reset-expired', 'This password reset link has expired (or a newer one was made): ask your Administrator for a new one.');
    const user = byId.get(reset.user_id);
    if (!user) throw new ResetError('invalid-reset', 'The account of this password reset link no longer exists.');
    if (user.disabled === 1) throw new ResetError('account-disabled', 'This account is disabled: ask your Administrator.');
    setPassword.run(passwordHash, reset.user_id);
    useResetRow.run(now(), hash);
    return toAccount(byId.get(reset.user_id)!);
  });

  const accept = db.transaction((token: string, name: string, passwordHash: string): StoredAccount => {
    const invite = openInvite.get(hashToken(token), now());
    if (!invite) throw new InviteError('invalid-invite', 'This invite link is unknown, already used or expired.');
    if (byName.get(name)) throw new InviteError('name-taken', `The name "${name}" is already taken.`);
    const id = newUserId();
    insertUser.run(id, name, invite.role, invite.see_only_own, passwordHash, now());
    useInvite.run(now(), id, hashToken(token));
    return toAccount(byId.get(id)!);
  });

  return {
    list: () => all.all().map(toAccount),
    byId: (id) => {
      const row = byId.get(id);
      return row ? toAccount(row) : null;
    },
    byName: (name) => {
      const row = byName.get(name);
      return row ? toAccount(row) : null;
    },
    count: () => count.get()!.n,
    update(id, change) {
      const sets: string[] = [];
      const values: (string | number)[] = [];
      if (change.role !== undefined) sets.push('role = ?'), values.push(change.role);
      if (change.seeOnlyOwn !== undefined) sets.push('see_only_own = ?'), values.push(change.seeOnlyOwn ? 1 : 0);
      if (change.disabled !== undefined) sets.push('disabled = ?'), values.push(change.disabled ? 1 : 0);
      if (change.passwordHash !== undefined) sets.push('password_hash = ?'), values.push(change.passwordHash);
      if (sets.length > 0) db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      const row = byId.get(id);
      return row ? toAccount(row) : null;
    },
    createSession(userId, ttlMs) {
      const token = newToken();
      const expiresAt = now() + ttlMs;
      insertSession.run(hashToken(token), userId, now(), expiresAt);
      return { token, expiresAt };
    },
    sessionAccount(token) {
      const row = sessionUser.get(hashToken(token), now());
      return row ? toAccount(row) : null;
    },
    deleteSession: (token) => void deleteSession.run(hashToken(token)),
    deleteUserSessions: (userId) => void deleteUserSessions.run(userId),
    createInvite(role, seeOnlyOwn, createdBy, ttlMs) {
      const token = newToken();
      const expiresAt = now() + ttlMs;
      insertInvite.run(hashToken(token), role, seeOnlyOwn ? 1 : 0, createdBy, now(), expiresAt);
      return { token, role, seeOnlyOwn, expiresAt };
    },
    acceptInvite: (token, name, passwordHash) => accept(token, name, passwordHash),
    createReset: (userId, createdBy, ttlMs) => startReset(userId, createdBy, ttlMs),
    useReset: (token, passwordHash) => finishReset(token, passwordHash),
  };
}

/** An account without secrets, as the API shows it. */
export function publicAccount(account: StoredAccount | Account): Account {
  const { id, name, role, seeOnlyOwn, disabled, createdAt } = account;
  return { id, name, role, seeOnlyOwn, disabled, createdAt };
}
