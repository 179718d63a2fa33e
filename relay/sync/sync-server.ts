/** The WebSocket side of the relay: authenticates and authorizes `/sync/<docId>?token=…` sockets and joins them to rooms. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StoredAccount } from '../store/accounts-store';
import { accessTo } from '../auth/access';
import { hashToken } from '../auth/tokens';
import { parseDocId } from './doc-ids';
import { joinRoom } from './connection';
import { Rooms } from './rooms';
import type * as Y from 'yjs';
import type { DocRoom, RoomOptions, RoomPeer, RoomWatcher } from './doc-room';
import type { DocStore } from '../store/doc-store';
import {
  CLOSE_GOING_AWAY,
  CLOSE_MALFORMED,
  CLOSE_NO_ACCESS,
  CLOSE_TOO_MANY_CONNECTIONS,
  CLOSE_UNAUTHENTICATED,
} from './close-codes';
import type { Logger } from '../log';

/** Limits of the sync server. */
export interface SyncLimits extends RoomOptions {
  /** Largest frame accepted; larger ones close the socket with 1009. */
  maxFrameBytes: number;
  /** Sockets one user may have open at once. */
  maxConnectionsPerUser: number;
  maxAwarenessBytes: number;
  /** How long an unused room stays loaded. */
  roomIdleMs: number;
  /** Interval of the keep-alive ping; a socket that missed one pong is dropped. */
  pingIntervalMs: number;
}

/** Defaults sized for an office: 16 MiB frames (a 10k-record shard's first upload), 64 sockets per user. */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxFrameBytes: 16 * 1024 * 1024,
  maxConnectionsPerUser: 64,
  maxAwarenessBytes: 64 * 1024,
  roomIdleMs: 30_000,
  pingIntervalMs: 30_000,
  compactEvery: 500,
  compactBytes: 4 * 1024 * 1024,
  maxDocBytes: 256 * 1024 * 1024,
};

/**
 * WebSocket compression (RFC 7692), which the stock client in Chromium and `ws` in Node both offer.
 * Only frames from 1 KiB are compressed: edits and acknowledgements stay uncompressed (no latency), a
 * merge's updates shrink to about 40 %. Without context takeover a socket keeps no compression window
 * between messages, so hundreds of idle sockets cost little memory.
 */
export const PER_MESSAGE_DEFLATE = {
  threshold: 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  zlibDeflateOptions: { level: 6 },
} as const;

interface Socket {
  ws: WebSocket | null;
  userId: string;
  sessionHash: string;
  peer: RoomPeer | null;
  alive: boolean;
  /** Closed (rights changed, logout) while its room was still loading: do not join it. */
  revoked: [number, string] | null;
}

/** The path prefix of sync sockets: the client's server URL is `<origin>/sync`. */
export const SYNC_PATH = '/sync/';

/** The sync server; route HTTP upgrades to `handleUpgrade`. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly rooms: Rooms;
  private readonly byUser = new Map<string, Set<Socket>>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    store: DocStore,
    private readonly authenticate: (token: string) => StoredAccount | null,
    private readonly limits: SyncLimits,
    private readonly log: Logger,
    watcher?: RoomWatcher,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: PER_MESSAGE_DEFLATE });
    this.rooms = new Rooms(store, { ...limits, idleMs: limits.roomIdleMs }, log, watcher);
    this.pinger = setInterval(() => this.ping(), limits.pingIntervalMs);
    this.pinger.unref();
  }

  /** Whether an upgrade request is for the sync server. */
  handles(request: IncomingMessage): boolean {
    return (request.url ?? '').startsWith(SYNC_PATH);
  }

  /** Accepts a socket, then either joins it to its room or closes it with the reason's code (nothing of the doc is sent). */
  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://relay');
    let docId = '';
    try {
      docId = decodeURIComponent(url.pathname.slice(SYNC_PATH.length));
    } catch {
      docId = '';
    }
    const token = url.searchParams.get('token') ?? '';
    const user = token ? this.authenticate(token) : null;
    const doc = parseDocId(docId);
    let refusal: [number, string] | null = null;
    if (!user || user.disabled) refusal = [CLOSE_UNAUTHENTICATED, 'unauthenticated'];
    else if (!doc) refusal = [CLOSE_MALFORMED, 'unknown document id'];
    else if (accessTo(user, doc) === 'none') refusal = [CLOSE_NO_ACCESS, 'no access'];
    else if ((this.byUser.get(user.id)?.size ?? 0) >= this.limits.maxConnectionsPerUser) {
      refusal = [CLOSE_TOO_MANY_CONNECTIONS, 'too many connections'];
    }
    if (refusal || !user || !doc) {
      const [code, reason] = refusal ?? [CLOSE_MALFORMED, 'refused'];
      this.log('socket-refused', { docId: docId.slice(0, 100), userId: user?.id ?? null, code, reason });
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', () => {});
        ws.close(code, reason);
      });
      return;
    }
    const access = accessTo(user, doc) as 'read' | 'read-write';
    const entry: Socket = { ws: null, userId: user.id, sessionHash: hashToken(token), peer: null, alive: true, revoked: null };
    const userSockets = this.byUser.get(user.id) ?? new Set<Socket>();
    this.byUser.set(user.id, userSockets);
    userSockets.add(entry);
    const forget = () => {
      userSockets.delete(entry);
      if (userSockets.size === 0 && this.byUser.get(user.id) === userSockets) this.byUser.delete(user.id);
    };
    let room;
    try {
      room = await this.rooms.acquire(docId);
    } catch (error) {
      forget();
      this.log('room-load-failed', { docId, error: String(error) });
      socket.end('HTTP/1.1 500 Internal Server Error\r\n\r\n');
      return;
    }
    if (socket.destroyed) {
      forget();
      this.rooms.release(room);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      entry.ws = ws;
      if (entry.revoked) {
        forget();
        this.rooms.release(room);
        ws.on('error', () => {});
        ws.close(...entry.revoked);
        return;
      }
      ws.on('error', (error) => this.log('socket-error', { docId, userId: user.id, error: error.message }));
      ws.on('pong', () => (entry.alive = true));
      const openedAt = Date.now();
      let refusal: Record<string, unknown> = {};
      ws.on('close', (code) => {
        forget();
        if (entry.peer) room.leave(entry.peer);
        this.rooms.release(room);
        this.log('socket-closed', { docId, userId: user.id, access, code, ms: Date.now() - openedAt, ...refusal });
      });
      entry.peer = joinRoom(ws, {
        room,
        userId: user.id,
        access,
        maxAwarenessBytes: this.limits.maxAwarenessBytes,
        onRefuse: (code, reason, detail) => (refusal = { refused: code, reason, ...detail }),
      });
    });
  }

  /**
   * The relay's own change to a live document (see DocRoom.write): logged under `userId`, committed,
   * then broadcast to every connected client. Resolves with whether anything changed.
   */
  async writeDoc(docId: string, userId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const room = await this.rooms.acquire(docId);
    try {
      return await room.write(userId, change);
    } finally {
      this.rooms.release(room);
    }
  }

  /** The loaded room of a document, if any (never loads one). */
  loadedRoom(docId: string): Promise<DocRoom> | undefined {
    return this.rooms.loaded(docId);
  }

  /** Closes every socket of a user (rights changed, disabled); returns how many. */
  closeUser(userId: string, code: number, reason: string): number {
    const sockets = [...(this.byUser.get(userId) ?? [])];
    for (const socket of sockets) this.closeSocket(socket, code, reason);
    return sockets.length;
  }

  /** Closes the sockets opened with one session token (logout). */
  closeSession(token: string, code: number, reason: string): void {
    const hash = hashToken(token);
    for (const sockets of this.byUser.values()) {
      for (const socket of [...sockets]) if (socket.sessionHash === hash) this.closeSocket(socket, code, reason);
    }
  }

  /** Open sockets and loaded rooms (health). */
  stats(): { sockets: number; rooms: number } {
    let sockets = 0;
    for (const set of this.byUser.values()) sockets += set.size;
    return { sockets, rooms: this.rooms.size };
  }

  /** Closes every socket and commits every room. */
  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const sockets of this.byUser.values()) for (const socket of [...sockets]) this.closeSocket(socket, CLOSE_GOING_AWAY, 'relay stopping');
    await this.rooms.closeAll();
    this.wss.close();
  }

  private closeSocket(socket: Socket, code: number, reason: string): void {
    if (socket.peer) socket.peer.close(code, reason);
    else if (socket.ws) socket.ws.close(code, reason);
    else socket.revoked = [code, reason];
  }

  private ping(): void {
    for (const sockets of this.byUser.values()) {
      for (const socket of sockets) {
        if (!socket.ws) continue;
        if (!socket.alive) {
          socket.ws.terminate();
          continue;
        }
        socket.alive = false;
        socket.ws.ping();
      }
    }
  }
}
