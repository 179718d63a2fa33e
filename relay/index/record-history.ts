/**
 * Which logged updates of a document touched one record: the log is replayed into a scratch Y.Doc and each
 * update's transaction reports the record ids (and field keys) it changed. Replaying is the only sure way:
 * an update's structs do not name their record when they continue an earlier item (overwrites, deletions).
 * A few replayed documents are cached, so opening history again replays only the new updates.
 */
import * as Y from 'yjs';
import type { DocStore } from '../store/doc-store';

/** One change of a record: which logged update, who, when, and which of the record's keys it changed. */
export interface RecordChange {
  seq: number;
  userId: string;
  at: number;
  /** Field ids (and `$` metadata keys) the update set or removed; all keys of the record when it was created. */
  fields: string[];
  /** What the update wrote per key (null: the key was removed). */
  values: Record<string, unknown>;
  /**
   * Keys whose value from this update was not kept because a concurrent update wrote the same key
   * (pitfall 2: Yjs keeps one by client id, not by time). The value stays visible here.
   */
  lost: string[];
}

interface Replay {
  doc: Y.Doc;
  seq: number;
  changes: Map<string, RecordChange[]>;
  /** Which change wrote each map entry item (`client:clock`), to mark it when a concurrent write beats it. */
  writers: Map<string, RecordChange>;
}

/** Struct id ranges an update adds, per client: [from, to) clocks. */
type IdRanges = Map<number, [number, number][]>;

const PAGE = 500;

/** Replays document logs to answer per-record history. */
export class RecordHistory {
  private readonly cache = new Map<string, Replay>();
  private readonly running = new Map<string, Promise<Replay>>();

  constructor(
    private readonly store: DocStore,
    private readonly maxCached = 4,
  ) {}

  /** The changes of `recordId` in `docId`, newest first. */
  async changes(docId: string, recordId: string): Promise<RecordChange[]> {
    const replay = await this.replayed(docId);
    return [...(replay.changes.get(recordId) ?? [])].reverse();
  }

  private replayed(docId: string): Promise<Replay> {
    // One replay per document at a time: concurrent callers share it.
    const running = this.running.get(docId);
    if (running) return running;
    const job = this.catchUp(docId).finally(() => this.running.delete(docId));
    this.running.set(docId, job);
    return job;
  }

  private async catchUp(docId: string): Promise<Replay> {
    let replay = this.cache.get(docId);
    this.cache.delete(docId);
    // gc off: the content of overwritten entries is kept, so a value that lost a conflict can be shown.
    replay ??= { doc: new Y.Doc({ gc: false }), seq: 0, changes: new Map(), writers: new Map() };
    const records = replay.doc.getMap<Y.Map<unknown>>('records');
    for (;;) {
      const page = await this.store.loggedUpdates(docId, { afterSeq: replay.seq, limit: PAGE });
      for (const logged of page) {
        const touched = new Map<string, Set<string>>();
        const fieldsOf = (id: string) => touched.get(id) ?? touched.set(id, new Set()).get(id)!;
        const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          for (const event of events) {
            if (event instanceof Y.YMapEvent && event.target === records) {
              for (const id of event.keysChanged) {
                const fields = fieldsOf(id);
                const record = records.get(id);
                if (record instanceof Y.Map) for (const key of record.keys()) fields.add(key);
              }
            } else if (typeof event.path[0] === 'string') {
              const fields = fieldsOf(event.path[0]);
              if (event.path.length >= 2 && typeof event.path[1] === 'string') fields.add(event.path[1]);
              else if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) fields.add(key);
            }
          }
        };
        records.observeDeep(observer);
        try {
          Y.applyUpdate(replay.doc, logged.update);
        } catch {
          // An unreadable update changed nothing the relay could apply; it still counts as read.
        } finally {
          records.unobserveDeep(observer);
        }
        const ranges = idRanges(logged.update);
        for (const [id, fields] of touched) {
          const change: RecordChange = { seq: logged.seq, userId: logged.userId, at: logged.at, fields: [...fields].sort(), values: {}, lost: [] };
          const record = records.get(id);
          if (record instanceof Y.Map) for (const key of change.fields) noteWrite(replay, record, key, ranges, change);
          const list = replay.changes.get(id) ?? [];
          list.push(change);
          replay.changes.set(id, list);
        }
        replay.seq = logged.seq;
      }
      if (page.length < PAGE) break;
    }
    this.cache.set(docId, replay);
    while (this.cache.size > this.maxCached) {
      const [oldest, evicted] = this.cache.entries().next().value as [string, Replay];
      this.cache.delete(oldest);
      evicted.doc.destroy();
    }
    return replay;
  }
}

/** The id ranges of the items an update carries (deletions add none). */
function idRanges(update: Uint8Array): IdRanges {
  const ranges: IdRanges = new Map();
  try {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = ranges.get(struct.id.client) ?? ranges.set(struct.id.client, []).get(struct.id.client)!;
      list.push([struct.id.clock, struct.id.clock + struct.length]);
    }
  } catch {
    // An unreadable update wrote nothing that can be shown.
  }
  return ranges;
}

/**
 * The last clock of `item` that the update wrote, or -1. Yjs merges neighbouring items of one
 * client (a value and its sequential overwrite, once both are deleted), so an item can hold
 * several writes: each clock is one of them.
 */
function lastClockFrom(ranges: IdRanges, item: Y.Item): number {
  let last = -1;
  const start = item.id.clock;
  const end = start + item.length;
  for (const [from, to] of ranges.get(item.id.client) ?? []) {
    if (from < end && to > start) last = Math.max(last, Math.min(to, end) - 1);
  }
  return last;
}

/**
 * Notes what `change` wrote to `key` and settles same-field conflicts: the update's last item for
 * the key lost when it is already deleted; when it won over an entry its author had not seen (its
 * left origin is not that entry), that entry's writer lost.
 */
function noteWrite(replay: Replay, record: Y.Map<unknown>, key: string, ranges: IdRanges, change: RecordChange): void {
  // Y.Map keeps each key's entries as a linked list of items, newest on the right (internal but stable in Yjs 13).
  let item = (record as unknown as { _map: Map<string, Y.Item> })._map.get(key) ?? null;
  let written: Y.Item | null = null;
  let clock = -1;
  while (item) {
    clock = lastClockFrom(ranges, item);
    if (clock >= 0) {
      written = item;
      break;
    }
    item = item.left;
  }
  if (!written) {
    change.values[key] = null;
    return;
  }
  const value = written.content.getContent()[clock - written.id.clock];
  change.values[key] = value instanceof Y.AbstractType ? value.toJSON() : (value ?? null);
  replay.writers.set(`${written.id.client}:${clock}`, change);
  const isLastOfItem = clock === written.id.clock + written.length - 1;
  if (written.deleted) {
    // Deleted at once: beaten by a concurrent write already there (unless the update overwrote itself).
    const overwroteItself = !isLastOfItem || hasLaterWrite(written, ranges);
    if (!overwroteItself) change.lost.push(key);
    return;
  }
  const previous = written.left;
  if (!previous || clock - written.id.clock > 0 || lastClockFrom(ranges, previous) >= 0) return;
  const sawPrevious = written.origin !== null && written.origin.client === previous.lastId.client && written.origin.clock === previous.lastId.clock;
  if (sawPrevious) return;
  const loser = replay.writers.get(`${previous.lastId.client}:${previous.lastId.clock}`);
  if (loser && !loser.lost.includes(key)) loser.lost.push(key);
}

/** Whether the update wrote the key again to the right of `item` (an overwrite of its own, not a conflict). */
function hasLaterWrite(item: Y.Item, ranges: IdRanges): boolean {
  for (let right = item.right; right; right = right.right) if (lastClockFrom(ranges, right) >= 0) return true;
  return false;
}
