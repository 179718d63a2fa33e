/** Keeps live rooms by document id: loads on first use, unloads after the last peer has been gone a while. */
import { DocRoom, type RoomOptions, type RoomWatcher } from './doc-room';
import type { DocStore } from '../store/doc-store';
import type { Logger } from '../log';

/** The registry of live rooms. */
export class Rooms {
  private readonly live = new Map<string, Promise<DocRoom>>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DocStore,
    private readonly options: RoomOptions & { idleMs: number },
    private readonly log: Logger,
    private readonly watcher?: RoomWatcher,
  ) {}

  /** The room of a document, loading it when needed (after any unload of it has finished). */
  async acquire(docId: string): Promise<DocRoom> {
    const timer = this.idleTimers.get(docId);
    if (timer) clearTimeout(timer), this.idleTimers.delete(docId);
    let room = this.live.get(docId);
    if (!room) {
      const previous = this.closing.get(docId) ?? Promise.resolve();
      room = previous.then(() => DocRoom.open(docId, this.store, this.options, this.log, this.watcher));
      this.live.set(docId, room);
      room.catch(() => this.live.delete(docId));
    }
    return room;
  }

  /** The room of a document when it is loaded (or loading), without loading it. */
  loaded(docId: string): Promise<DocRoom> | undefined {
    return this.live.get(docId);
  }

  /** Schedules the unload of a room that has no peers left. */
  release(room: DocRoom): void {
    if (room.peers.size > 0 || this.idleTimers.has(room.docId)) return;
    this.idleTimers.set(
      room.docId,
      setTimeout(() => {
        this.idleTimers.delete(room.docId);
        if (room.peers.size === 0) void this.unload(room.docId);
      }, this.options.idleMs),
    );
  }

  /** Rooms currently loaded. */
  get size(): number {
    return this.live.size;
  }

  /** Unloads every room (shutdown): queued updates are committed first. */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.all([...this.live.keys()].map((docId) => this.unload(docId)));
  }

  private async unload(docId: string): Promise<void> {
    const room = this.live.get(docId);
    if (!room) return;
    this.live.delete(docId);
    const done = room.then((r) => r.close()).catch((error: unknown) => this.log('room-close-failed', { docId, error: String(error) }));
    this.closing.set(docId, done);
    await done;
    if (this.closing.get(docId) === done) this.closing.delete(docId);
  }
}
