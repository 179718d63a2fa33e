/**
 * The app's client of the relay's JSON API (relay/http/api.ts). Every call either returns the
 * parsed answer or throws RelayApiError with the relay's own message, so the UI can say why.
 */

// The relay's own definitions (pure, no Node imports), so both sides agree on roles and accounts.
import type { Account, Role } from '../../relay/auth/roles';
export { ROLES, type Account, type Role } from '../../relay/auth/roles';

/** A signed-in session: the token sent with every call and socket. */
export interface SessionGrant {
  token: string;
  expiresAt: number;
  user: Account;
}

/** A document this user may open, as listed by /api/docs. */
export interface DocListing {
  id: string;
  access: 'read' | 'read-write';
  /** The relay's sequence of the document's last change (compare with a previous listing). */
  seq: number;
}

/** A one-time invite link token. */
export interface Invite {
  token: string;
  role: Role;
  seeOnlyOwn: boolean;
  expiresAt: number;
}

/** One change of a record as the relay's audit trail tells it. */
export interface RecordChangeEntry {
  [key: string]: unknown;
  userId: string;
  userName: string | null;
}

/** What an admin may change about an account (PATCH /api/users/:id). */
export interface RightsChange {
  role?: Role;
  seeOnlyOwn?: boolean;
  disabled?: boolean;
}

/** The values a duplicate check compares (normalized on the relay). */
export interface DuplicateQuery {
  phone?: string;
  email?: string;
  taxId?: string;
  name?: string;
  city?: string;
}

/** A failed API call: HTTP status, the relay's error code and its human message. */
export class RelayApiError extends Error {
  /** HTTP status (0 when the relay could not be reached). */
  readonly status: number;
  /** The relay's error code (`bad-credentials`, `forbidden`, ...) or `unreachable`. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'RelayApiError';
    this.status = status;
    this.code = code;
  }
}

/** Typed calls to one relay's API. `base` is the relay origin ('' = this page's origin). */
export class RelayApi {
  readonly base: string;
  /** The session token sent as `Authorization: Bearer`, once signed in. */
  token: string | null;

  constructor(base = '', token: string | null = null) {
    this.base = base.replace(/\/$/, '');
    this.token = token;
  }

  /** Signs in with name and password. */
  login(name: string, password: string): Promise<SessionGrant> {
    return this.call('POST', '/api/login', { name, password });
  }

  /** Accepts an invite: creates the account with the invitee's own name and password. */
  acceptInvite(token: string, name: string, password: string): Promise<SessionGrant> {
    return this.call('POST', '/api/invites/accept', { token, name, password });
  }

  /** Ends this session on the relay (its sockets are closed). */
  async logout(): Promise<void> {
    await this.call('POST', '/api/logout');
  }

  /** The signed-in account as the relay knows it now (role changes show here). */
  async me(): Promise<Account> {
    return (await this.call<{ user: Account }>('GET', '/api/me')).user;
  }

  /** Documents this user may open; with `since`, only those changed after that cursor. */
  listDocs(since?: number): Promise<{ cursor: number; docs: DocListing[] }> {
    return this.call('GET', since === undefined ? '/api/docs' : `/api/docs?since=${since}`);
  }

  /** Creates an invite link token (admins). */
  invite(role: Role, seeOnlyOwn: boolean): Promise<Invite> {
    return this.call('POST', '/api/invites', { role, seeOnlyOwn });
  }

  /** Every account (admins). */
  async users(): Promise<Account[]> {
    return (await this.call<{ users: Account[] }>('GET', '/api/users')).users;
  }

  /** Changes an account's rights, disables it or resets its password (admins). */
  async changeUser(userId: string, change: RightsChange): Promise<Account> {
    return (await this.call<{ user: Account }>('PATCH', `/api/users/${encodeURIComponent(userId)}`, change)).user;
  }

  /**
   * Starts a password reset (admins): the relay ends the user's sessions and returns a one-time
   * token; the user opens `#/reset/<token>` and chooses the new password himself.
   */
  resetPassword(userId: string): Promise<{ token: string; expiresAt: number }> {
    return this.call('POST', `/api/users/${encodeURIComponent(userId)}/reset`);
  }

  /** Sets a new password with a reset token and signs in. */
  acceptReset(token: string, password: string): Promise<SessionGrant> {
    return this.call('POST', '/api/reset/accept', { token, password });
  }

  /**
   * The relay's whole state of a document as one Yjs update (fresh join: fetched over HTTP,
   * compressed, instead of through a socket's sync step). Null when the relay holds none yet.
   */
  async docState(docId: string): Promise<Uint8Array | null> {
    const response = await this.raw('GET', `/api/docs/state?doc=${encodeURIComponent(docId)}`);
    if (response.status === 204) return null;
    return new Uint8Array(await response.arrayBuffer());
  }

  /** The audit trail of one record, newest first. */
  async recordHistory(docId: string, recordId: string): Promise<RecordChangeEntry[]> {
    const query = `doc=${encodeURIComponent(docId)}&record=${encodeURIComponent(recordId)}`;
    return (await this.call<{ entries: RecordChangeEntry[] }>('GET', `/api/audit?${query}`)).entries;
  }

  /** Asks whether a client already exists in any book; answers only the owners' names. */
  async duplicates(query: DuplicateQuery): Promise<string[]> {
    const answer = await this.call<{ matches: { ownerName: string }[] }>('POST', '/api/duplicates', query);
    return answer.matches.map((match) => match.ownerName);
  }

  /** Uploads a blob referenced by a record of `docId`. */
  async putBlob(docId: string, hash: string, bytes: Uint8Array): Promise<void> {
    // A copy in a plain ArrayBuffer: fetch does not take views over a SharedArrayBuffer.
    await this.raw('PUT', `/api/blobs/${hash}?doc=${encodeURIComponent(docId)}`, new Uint8Array(bytes).buffer, 'application/octet-stream');
  }

  /** Downloads a blob referenced by a record of `docId`; null when the relay has none for you. */
  async getBlob(docId: string, hash: string): Promise<Uint8Array | null> {
    try {
      const response = await this.raw('GET', `/api/blobs/${hash}?doc=${encodeURIComponent(docId)}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Calls the API with an optional JSON body and parses the JSON answer. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** One request; a non-2xx answer becomes RelayApiError with the relay's message. */
  async raw(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, { method, headers, body, cache: 'no-store' });
    } catch (error) {
      throw new RelayApiError(0, 'unreachable', `The office relay cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (response.ok) return response;
    let code = 'http-' + response.status;
    let message = `The relay answered ${response.status} ${response.statusText}.`;
    try {
      const parsed = (await response.json()) as { error?: unknown; message?: unknown };
      if (typeof parsed.error === 'string') code = parsed.error;
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch {
      // Not JSON (a proxy's or static server's page): the status line says enough.
    }
    throw new RelayApiError(response.status, code, message);
  }
}
