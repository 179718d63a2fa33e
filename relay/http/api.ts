/** The relay's JSON API under /api: login, invites, users, document list, audit, duplicate check, blobs, health. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { ApiError, bearerToken, readJsonBody, readRawBody, sendJson } from './json';
import type { RecordIndex } from '../index/record-index';
import type { RecordHistory } from '../index/record-history';
import { BLOB_HASH, cityKey, taxIdKey } from '../index/record-keys';
import type { BlobStore } from '../store/blob-store';
import { emailKey, nameKey, phoneKey } from '../../web/search/normalize';
import { AccountRuleError, parseRightsChange, type Sessions } from '../auth/sessions';
import { InviteError, ResetError, publicAccount, type AccountsStore, type StoredAccount } from '../store/accounts-store';
import type { DocStore } from '../store/doc-store';
import { accessTo } from '../auth/access';
import { parseDocId, prefsId } from '../sync/doc-ids';
import { isRole } from '../auth/roles';
import type { SyncServer } from '../sync/sync-server';
import { CLOSE_RIGHTS_CHANGED, CLOSE_UNAUTHENTICATED } from '../sync/close-codes';
import type { Logger } from '../log';
import { chooseEncoding, type DocStates } from './doc-state';
import { recordUserName } from '../org/org-owner';

/** What the API works on. */
export interface ApiContext {
  sessions: Sessions;
  accounts: AccountsStore;
  docs: DocStore;
  sync: SyncServer;
  log: Logger;
  startedAt: number;
  index: RecordIndex;
  history: RecordHistory;
  blobs: BlobStore;
  /** Largest blob accepted by PUT /api/blobs. */
  maxBlobBytes: number;
  /** Whole-document states for GET /api/docs/state. */
  states: DocStates;
}

/** HTTP status of an account rule's refusal (400 unless listed). */
const RULE_STATUS: Record<string, number> = { 'unknown-user': 404, 'name-taken': 409, 'reset-used': 410, 'reset-expired': 410, 'account-disabled': 403 };

/** Whether a request belongs to the API. */
export function isApiRequest(request: IncomingMessage): boolean {
  return (request.url ?? '').startsWith('/api/');
}

/** Handles one API request; every failure becomes a JSON `{error, message}` with its status. */
export async function handleApi(context: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    await route(context, request, response);
  } catch (error) {
    if (error instanceof ApiError) {
      sendJson(response, error.status, { error: error.code, message: error.message }, error.headers);
    } else if (error instanceof AccountRuleError || error instanceof InviteError || error instanceof ResetError) {
      sendJson(response, RULE_STATUS[error.code] ?? 400, { error: error.code, message: error.message });
    } else {
      context.log('api-error', { url: request.url, error: String(error) });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'The relay failed to answer.' });
    }
  }
}

async function route(context: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://relay');
  const method = request.method ?? 'GET';
  const path = url.pathname;
  const { sessions, accounts, docs, sync } = context;

  if (path === '/api/health' && method === 'GET') {
    return sendJson(response, 200, { ok: true, uptimeMs: Date.now() - context.startedAt, ...sync.stats() });
  }
  if (path === '/api/login' && method === 'POST') {
    const body = await readJsonBody(request);
    const name = requireString(body, 'name');
    const password = requireString(body, 'password');
    const result = await sessions.login(name, password, request.socket.remoteAddress ?? 'unknown');
    if (result.ok) {
      context.log('login', { userId: result.user.id });
      return sendJson(response, 200, { token: result.token, expiresAt: result.expiresAt, user: publicAccount(result.user) });
    }
    if (result.reason === 'rate-limited') {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      context.log('login-rate-limited', { name: name.slice(0, 80), address: request.socket.remoteAddress });
      throw new ApiError(429, 'too-many-attempts', `Too many failed logins: try again in ${seconds} s.`, { 'retry-after': String(seconds) });
    }
    throw new ApiError(401, 'bad-credentials', 'Wrong name or password.');
  }
  if (path === '/api/invites/accept' && method === 'POST') {
    const body = await readJsonBody(request);
    const result = await sessions.acceptInvite(requireString(body, 'token'), requireString(body, 'name'), requireString(body, 'password'));
    context.log('invite-accepted', { userId: result.user.id, role: result.user.role });
    await nameInOrg(context, result.user);
    return sendJson(response, 201, { token: result.token, expiresAt: result.expiresAt, user: publicAccount(result.user) });
  }
  if (path === '/api/reset/accept' && method === 'POST') {
    const body = await readJsonBody(request);
    const result = await sessions.acceptReset(requireString(body, 'token'), requireString(body, 'password'));
    context.log('password-reset-done', { userId: result.user.id });
    return sendJson(response, 200, { token: result.token, expiresAt: result.expiresAt, user: publicAccount(result.user) });
  }

  const token = bearerToken(request);
  const user = token ? sessions.authenticate(token) : null;
  if (!token || !user) throw new ApiError(401, 'unauthenticated', 'Log in first (Authorization: Bearer <token>).');

  if (path === '/api/logout' && method === 'POST') {
    sessions.logout(token);
    sync.closeSession(token, CLOSE_UNAUTHENTICATED, 'logged out');
    response.writeHead(204).end();
    return;
  }
  if (path === '/api/me' && method === 'GET') return sendJson(response, 200, { user: publicAccount(user) });
  if (path === '/api/docs' && method === 'GET') {
    const sinceText = url.searchParams.get('since');
    const since = sinceText === null ? 0 : Number(sinceText);
    if (!Number.isSafeInteger(since) || since < 0) throw new ApiError(400, 'bad-cursor', 'since must be a cursor returned by /api/docs.');
    return sendJson(response, 200, await listDocs(docs, user, since, sinceText !== null));
  }
  if (path === '/api/docs/state' && method === 'GET') {
    const docId = url.searchParams.get('doc') ?? '';
    const ref = parseDocId(docId);
    if (!ref || accessTo(user, ref) === 'none') throw new ApiError(404, 'no-document', `No document "${docId.slice(0, 100)}" for you.`);
    const state = await context.states.encoded(docId, chooseEncoding(request.headers['accept-encoding']));
    if (!state) {
      response.writeHead(204, { 'cache-control': 'no-store' }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': state.body.byteLength,
      ...(state.encoding !== 'identity' && { 'content-encoding': state.encoding }),
      vary: 'accept-encoding',
      'cache-control': 'no-store',
      'x-doc-seq': String(state.seq),
    });
    response.end(state.body);
    return;
  }
  if (path === '/api/duplicates' && method === 'POST') {
    return sendJson(response, 200, await duplicates(context, await readJsonBody(request)));
  }
  const blobMatch = /^\/api\/blobs\/([^/]+)$/.exec(path);
  if (blobMatch && (method === 'PUT' || method === 'GET')) {
    const hash = blobMatch[1];
    if (!BLOB_HASH.test(hash)) throw new ApiError(400, 'bad-hash', 'The blob address must be the lower-case hex SHA-256 of its bytes (64 characters).');
    const docId = url.searchParams.get('doc') ?? '';
    const ref = parseDocId(docId);
    const access = ref ? accessTo(user, ref) : 'none';
    if (access === 'none') throw new ApiError(404, 'no-document', `No document "${docId.slice(0, 100)}" for you (?doc= names the document the blob belongs to).`);
    if (method === 'PUT') {
      if (access !== 'read-write') throw new ApiError(403, 'read-only', `You may not change ${docId}, so you may not upload blobs for it.`);
      const data = await readRawBody(request, context.maxBlobBytes);
      const actual = createHash('sha256').update(data).digest('hex');
      if (actual !== hash) throw new ApiError(400, 'hash-mismatch', `The body's SHA-256 is ${actual}, not ${hash}: nothing was stored.`);
      const { created } = context.blobs.put(hash, data, docId, user.id);
      context.log('blob-stored', { hash, docId, userId: user.id, bytes: data.byteLength, created });
      return sendJson(response, created ? 201 : 200, { hash, bytes: data.byteLength });
    }
    const allowed = context.blobs.uploadedFor(hash, docId) || (await context.index.referencesBlob(docId, hash));
    const data = allowed ? context.blobs.get(hash) : null;
    if (!data) throw new ApiError(404, 'no-blob', `No blob ${hash} in ${docId} for you.`);
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': data.byteLength,
      // Content-addressed: the bytes never change, but access is per user.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    response.end(data);
    return;
  }
  if (path === '/api/audit' && method === 'GET') {
    const docId = url.searchParams.get('doc') ?? '';
    const ref = parseDocId(docId);
    if (!ref || accessTo(user, ref) === 'none') throw new ApiError(404, 'no-document', `No document "${docId.slice(0, 100)}" for you.`);
    const recordId = url.searchParams.get('record');
    if (recordId !== null) {
      if (recordId === '' || recordId.length > 200) throw new ApiError(400, 'bad-field', 'record must be a record id.');
      const names = new Map(accounts.list().map((a) => [a.id, a.name]));
      const entries = (await context.history.changes(docId, recordId)).map((c) => ({ ...c, userName: names.get(c.userId) ?? null }));
      return sendJson(response, 200, { doc: docId, record: recordId, entries });
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), 1000);
    if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
      throw new ApiError(400, 'bad-field', 'after and limit must be whole numbers (limit 1 to 1000).');
    }
    const names = new Map(accounts.list().map((a) => [a.id, a.name]));
    const entries = (await docs.audit(docId, { afterSeq: after, limit })).map((e) => ({ ...e, userName: names.get(e.userId) ?? null }));
    return sendJson(response, 200, { doc: docId, entries });
  }
  if (path === '/api/invites' && method === 'POST') {
    requireAdmin(user);
    const body = await readJsonBody(request);
    if (!isRole(body.role)) throw new ApiError(400, 'bad-field', 'role must be one of admin, senior, manager, viewer.');
    if (body.seeOnlyOwn !== undefined && typeof body.seeOnlyOwn !== 'boolean') throw new ApiError(400, 'bad-field', 'seeOnlyOwn must be true or false.');
    const invite = sessions.invite(body.role, body.seeOnlyOwn === true, user.id);
    context.log('invite-created', { by: user.id, role: invite.role });
    return sendJson(response, 201, invite);
  }
  if (path === '/api/users' && method === 'GET') {
    requireAdmin(user);
    return sendJson(response, 200, { users: accounts.list().map(publicAccount) });
  }
  const resetMatch = /^\/api\/users\/([A-Za-z0-9_-]+)\/reset$/.exec(path);
  if (resetMatch && method === 'POST') {
    requireAdmin(user);
    const reset = sessions.startReset(resetMatch[1], user.id);
    const closed = sync.closeUser(resetMatch[1], CLOSE_UNAUTHENTICATED, 'password reset');
    context.log('password-reset-started', { by: user.id, userId: resetMatch[1], socketsClosed: closed });
    return sendJson(response, 201, reset);
  }
  const userMatch = /^\/api\/users\/([A-Za-z0-9_-]+)$/.exec(path);
  if (userMatch && method === 'PATCH') {
    requireAdmin(user);
    const change = parseRightsChange(await readJsonBody(request));
    const updated = sessions.changeRights(userMatch[1], change);
    const closed = updated.disabled
      ? sync.closeUser(updated.id, CLOSE_UNAUTHENTICATED, 'account disabled')
      : sync.closeUser(updated.id, CLOSE_RIGHTS_CHANGED, 'rights changed');
    context.log('rights-changed', { by: user.id, userId: updated.id, ...change, socketsClosed: closed });
    return sendJson(response, 200, { user: publicAccount(updated) });
  }
  throw new ApiError(404, 'not-found', `No API ${method} ${path}.`);
}

/** Lists a new account's name in the org; the account exists even when this fails (the next start retries). */
async function nameInOrg(context: ApiContext, account: StoredAccount): Promise<void> {
  try {
    await recordUserName(context.sync, account);
  } catch (error) {
    context.log('org-user-name-failed', { userId: account.id, error: String(error) });
  }
}

/** Answers a duplicate check with only the owners' names: never a field of the matching records. */
async function duplicates(context: ApiContext, body: Record<string, unknown>): Promise<{ matches: { ownerName: string }[] }> {
  const text = (key: string): string => {
    const value = body[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string' || value.length > 500) throw new ApiError(400, 'bad-field', `${key} must be a string of at most 500 characters.`);
    return value;
  };
  const phone = phoneKey(text('phone'));
  if (phone !== '' && phone.length < 6) throw new ApiError(400, 'bad-field', 'phone must have at least 6 digits.');
  const query = { phone, email: emailKey(text('email')), taxId: taxIdKey(text('taxId')), name: nameKey(text('name')), city: cityKey(text('city')) };
  if (!query.phone && !query.email && !query.taxId && !query.name) {
    throw new ApiError(400, 'bad-field', 'Give at least one of phone, email, taxId or name.');
  }
  const owners = new Map<string, string>();
  for (const docId of await context.index.matchingBooks(query)) {
    const ref = parseDocId(docId);
    if (ref?.kind !== 'book' || owners.has(ref.ownerId)) continue;
    const owner = context.accounts.byId(ref.ownerId);
    if (owner) owners.set(ref.ownerId, owner.name);
  }
  return { matches: [...owners.values()].sort().map((ownerName) => ({ ownerName })) };
}

/** The documents a user may open: org, his prefs, and every stored book his rights allow. */
async function listDocs(docs: DocStore, user: StoredAccount, since: number, onlyChanged: boolean) {
  const { cursor, docs: versions } = await docs.versions(since);
  const seqOf = new Map(versions.map((v) => [v.docId, v.seq]));
  const candidates = new Set(versions.map((v) => v.docId));
  if (!onlyChanged) candidates.add('org').add(prefsId(user.id));
  const list = [];
  for (const docId of candidates) {
    const ref = parseDocId(docId);
    if (!ref) continue;
    const access = accessTo(user, ref);
    if (access !== 'none') list.push({ id: docId, access, seq: seqOf.get(docId) ?? 0 });
  }
  list.sort((a, b) => a.id.localeCompare(b.id));
  return { cursor, docs: list };
}

function requireAdmin(user: StoredAccount): void {
  if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only an Administrator may do this.');
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0) throw new ApiError(400, 'bad-field', `${key} is required (a string).`);
  if (value.length > 4096) throw new ApiError(400, 'bad-field', `${key} is too long.`);
  return value;
}
