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
}

interface Replay {
  doc: Y.Doc;
  seq: number;
  changes: Map<string, RecordChange[]>;
}

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
    replay ??= { doc: new Y.Doc(), seq: 0, changes: new Map() };
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
        for (const [id, fields] of touched) {
          const list = replay.changes.get(id) ?? [];
          list.push({ seq: logged.seq, userId: logged.userId, at: logged.at, fields: [...fields].sort() });
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
