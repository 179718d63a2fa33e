/**
 * The live sockets: one stock y-websocket WebsocketProvider per document, attached to the
 * engine's own Y.Doc of that id, so remote changes take the engine's one path to the screen.
 * Which documents are live is decided by the caller (choose-live.ts); this only opens, watches
 * and closes them.
 */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { watchRelayState, type ProviderWithHandlers } from './ack-watch';

/** What the pool reports about its sockets. */
export interface PoolEvents {
  /** The relay sent its state vector for a document (at connect and after committing our updates). */
  relayState(docId: string, stateVector: Map<number, number>): void;
  /** A socket closed; `code` is the WebSocket close code (0 when closed from this side). */
  closed(docId: string, code: number, reason: string): void;
  /** Something changed: connected, synced, disconnected. */
  changed(): void;
}

/** How the pool connects. */
export interface PoolOptions {
  /** `ws(s)://host/sync`. */
  url: string;
  /** The session token (read at each new provider). */
  token: () => string;
  /** `ws` in Node; the browser's WebSocket otherwise. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

/** The state of one live document's socket. */
export interface LiveSocket {
  connected: boolean;
  synced: boolean;
}

interface Live {
  provider: WebsocketProvider;
  awareness: Awareness;
  doc: Y.Doc;
}

/** A set of providers, one per document id. */
export class ProviderPool {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly options: PoolOptions,
    private readonly events: PoolEvents,
  ) {}

  /** Ids of the documents with a provider. */
  ids(): string[] {
    return [...this.live.keys()];
  }

  /** Whether a document has a provider. */
  has(docId: string): boolean {
    return this.live.has(docId);
  }

  /** The socket state of a live document (null when not live). */
  socket(docId: string): LiveSocket | null {
    const entry = this.live.get(docId);
    return entry ? { connected: entry.provider.wsconnected, synced: entry.provider.synced } : null;
  }

  /** Connects a document (a no-op when it is live on the same Y.Doc). */
  open(docId: string, doc: Y.Doc): void {
    const current = this.live.get(docId);
    if (current?.doc === doc) {
      if (!current.provider.shouldConnect) current.provider.connect();
      return;
    }
    if (current) this.close(docId);
    const awareness = new Awareness(doc);
    const provider = new WebsocketProvider(this.options.url, docId, doc, {
      params: { token: this.options.token() },
      awareness,
      // BroadcastChannel would apply other tabs' frames to the doc directly: the app holds the
      // base in one tab (single-tab.ts), and the engine must stay the only way in.
      disableBc: true,
      maxBackoffTime: this.options.maxBackoffMs ?? 5000,
      ...(this.options.WebSocketPolyfill ? { WebSocketPolyfill: this.options.WebSocketPolyfill } : {}),
    });
    watchRelayState(provider as unknown as ProviderWithHandlers, (stateVector) => this.events.relayState(docId, stateVector));
    provider.on('status', () => this.events.changed());
    provider.on('sync', () => this.events.changed());
    provider.on('connection-close', (event) => {
      if (this.live.get(docId)?.provider !== provider) return;
      this.events.closed(docId, event?.code ?? 0, event?.reason ?? '');
      this.events.changed();
    });
    this.live.set(docId, { provider, awareness, doc });
    this.events.changed();
  }

  /** Disconnects and forgets a document's provider. */
  close(docId: string): void {
    const entry = this.live.get(docId);
    if (!entry) return;
    this.live.delete(docId);
    entry.provider.destroy();
    entry.awareness.destroy();
    this.events.changed();
  }

  /** Closes every provider. */
  closeAll(): void {
    for (const docId of this.ids()) this.close(docId);
  }
}
