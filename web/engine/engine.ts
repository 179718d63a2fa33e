/**
 * The local data engine: Yjs documents (the truth), their update log in IndexedDB, the
 * projection rows the UI reads, and a global undo stack. The UI never touches Yjs: it calls
 * commands (web/engine/commands.ts), which run `engine.run(...)`; observers of the documents
 * then update the projection and notify listeners. Remote changes (the relay, later) enter
 * the same documents and take the same path.
 */
import * as Y from 'yjs';
import { ClientelaDatabase, DEFAULT_DATABASE_NAME, isQuotaError, type DatabaseDeps, type StoredUpdate } from '../storage/database';
import { readDocState, storedDocIds } from './doc-log';
import { markStartup } from './startup-marks';
import { clearSnapshot, readProjection, REMOVALS_KEY, writeSnapshot, type ProjectionRemoval } from './snapshot';
import { bookDocId, newId, ORG_DOC_ID, parseBookDocId, prefsDocId } from './ids';
import { bookRecords, rowFromRecord, type Row } from './rows';
import { assertSchemaReadable, migrateBookDoc } from './migrations';
import { putOrgUser, setUpOrgDoc } from './org-setup';

/** Transaction origin of changes made by this user's commands (tracked by undo). */
export const LOCAL_ORIGIN = 'local-command';
/** A flush with at least this many rows stores them in the background (see writePending). */
export const BULK_WRITE_ROWS = 1_000;
/** Rows per background projection transaction. */
const LATER_SLICE_ROWS = 2_000;
/** kv key set while bulk-written projection rows are not all stored yet. */
const PROJECTION_BEHIND_KEY = 'projectionBehind';

/** Transaction origin of state read back from the local store (not persisted again). */
export const STORE_ORIGIN = 'local-store';
/** Transaction origin of setup and migrations (persisted, not undoable). */
export const SYSTEM_ORIGIN = 'system';

/** A book shard holds at most this many records (ARCHITECTURE.md: a shard loads in < 1 s). */
export const SHARD_CAPACITY = 10_000;

/** Bump when rowFromRecord changes: a stored projection of another version is rebuilt. */
export const PROJECTION_VERSION = 1;

/** The person using this device: a local user, or the account signed in to the office relay. */
export interface LocalUser {
  id: string;
  name: string;
}

/** Called with the rows a transaction changed and the ids it removed from the projection. */
export type RowsListener = (changed: Row[], removed: string[]) => void;

/** Options of Engine.open. */
export interface EngineOptions {
  /** IndexedDB database name (tests and the bench use their own). */
  dbName?: string;
  /** fake-indexeddb in Node tests; the browser's IndexedDB when absent. */
  deps?: DatabaseDeps;
  /** Name of the local user created on first start. */
  userName?: string;
  /**
   * The account signed in to an office relay. Its base then belongs to the relay: the engine
   * never writes the org document (the relay sets it up, migrates it and lists users in it).
   */
  account?: LocalUser;
}

/** What this device may do with a document, as the relay decides (ARCHITECTURE.md: permissions). */
export type DocAccess = 'read' | 'read-write';

/** Thrown by a command that would change a document this user may only read; nothing changed. */
export class ReadOnlyError extends Error {
  /** The read-only document. */
  readonly docId: string;

  constructor(docId: string) {
    super(`You may only read ${docId}: nothing was changed.`);
    this.name = 'ReadOnlyError';
    this.docId = docId;
  }
}

/** A storage failure the UI must show (full disk, blocked database). */
export interface StorageProblem {
  kind: 'quota' | 'write';
  message: string;
}

interface LoadedDoc {
  id: string;
  doc: Y.Doc;
  undo: Y.UndoManager;
  lastUsed: number;
}

interface UndoEntry {
  docs: string[];
  /** Undo-manager items per document when the step spans several commands (an undo group). */
  items?: Map<string, number>;
}

/**
 * Several commands that undo and redo as one step: a chunked import writes a chunk per command
 * (so memory stays flat and the page responsive) and still undoes with one click.
 */
export interface UndoGroup {
  /** The step's entry, once a command in the group changed something. */
  entry: UndoEntry | null;
  open: boolean;
}

/** The data engine of one base on this device. */
export class Engine {
  readonly db: ClientelaDatabase;
  /** The projection in memory: every record of every book on this device, by id. */
  readonly rows = new Map<string, Row>();
  user!: LocalUser;
  org!: Y.Doc;
  prefs!: Y.Doc;

  private readonly docs = new Map<string, LoadedDoc>();
  private readonly loading = new Map<string, Promise<LoadedDoc>>();
  private readonly shardCounts = new Map<string, number>();
  private readonly rowListeners = new Set<RowsListener>();
  private readonly orgListeners = new Set<() => void>();
  private readonly prefsListeners = new Set<() => void>();
  private readonly problemListeners = new Set<(problem: StorageProblem | null) => void>();
  private readonly undoListeners = new Set<() => void>();
  private readonly docAccess = new Map<string, DocAccess>();
  private writableUnlisted: ((docId: string) => boolean) | null = null;
  private readonly loadListeners = new Set<(docId: string, doc: Y.Doc) => void>();
  private readonly unloadListeners = new Set<(docId: string) => void>();
  private readonly accessListeners = new Set<() => void>();
  private keepLoaded: (docId: string) => boolean = () => false;
  private relayOwnsOrg = false;
  private undoStack: UndoEntry[] = [];
  /** Undo-manager stacks of shards released while the global history still names them. */
  private readonly keptHistory = new Map<string, { undo: Y.UndoManager['undoStack']; redo: Y.UndoManager['redoStack'] }>();
  private openGroups = 0;
  private redoStack: UndoEntry[] = [];
  private pendingUpdates: StoredUpdate[] = [];
  private pendingRows = new Map<string, Row>();
  private pendingRemovals = new Set<string>();
  /** Rows of bulk writes whose projection rows are written in the background (see writePending). */
  private laterRows = new Map<string, Row>();
  private laterTimer: ReturnType<typeof setTimeout> | null = null;
  private laterWriting: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private projectionSeq = 0;

  private constructor(db: ClientelaDatabase) {
    this.db = db;
  }

  /** Opens (or creates) the base on this device: reads the projection, loads org and prefs. */
  static async open(options: EngineOptions = {}): Promise<Engine> {
    const engine = new Engine(new ClientelaDatabase(options.dbName ?? DEFAULT_DATABASE_NAME, options.deps));
    markStartup('db-opening');
    await engine.db.open();
    await engine.start(options);
    return engine;
  }

  private async start(options: EngineOptions): Promise<void> {
    markStartup('open');
    const [userEntry, seqEntry, versionEntry, behindEntry] = await Promise.all([
      this.db.kv.get('localUser'),
      this.db.kv.get('projectionSeq'),
      this.db.kv.get('projectionVersion'),
      this.db.kv.get(PROJECTION_BEHIND_KEY),
    ]);
    this.relayOwnsOrg = options.account !== undefined;
    this.user = options.account ?? (userEntry?.value as LocalUser | undefined) ?? { id: newId(), name: options.userName ?? 'Me' };
    if (!userEntry || options.account) await this.db.kv.put({ key: 'localUser', value: this.user });
    this.projectionSeq = typeof seqEntry?.value === 'number' ? seqEntry.value : 0;

    // Independent reads run together: IndexedDB answers one while another is parsed.
    // Behind: the page closed while rows of a bulk write were still being stored; the
    // documents have everything, so the projection is rebuilt from them.
    const projectionCurrent = versionEntry?.value === PROJECTION_VERSION && !behindEntry;
    const [org, prefs, rows] = await Promise.all([
      this.loadDoc(ORG_DOC_ID),
      this.loadDoc(prefsDocId(this.user.id)),
      projectionCurrent ? readProjection(this.db) : Promise.resolve([]),
    ]);
    this.org = org.doc;
    this.prefs = prefs.doc;
    // A schema migration changes records, so the projection is rebuilt after one.
    const migrated = this.setUpOrg();
    this.org.on('afterTransaction', () => this.orgListeners.forEach((listener) => listener()));
    this.prefs.on('afterTransaction', () => this.prefsListeners.forEach((listener) => listener()));

    if (migrated || !projectionCurrent) {
      await this.rebuildProjection();
    } else {
      for (const row of rows) this.putRowInMemory(row);
    }
    markStartup('opened');
  }

  /**
   * First start creates the org's metadata; an older base is migrated to SCHEMA_VERSION
   * (returns whether a migration ran). A base from a newer app throws NewerSchemaError first.
   * With a relay the org is the relay's: it is only checked, never written here.
   */
  private setUpOrg(): boolean {
    if (this.relayOwnsOrg) {
      assertSchemaReadable(this.org);
      return false;
    }
    const migrated = setUpOrgDoc(this.org, SYSTEM_ORIGIN);
    putOrgUser(this.org, this.user.id, this.user.name, SYSTEM_ORIGIN);
    return migrated;
  }

  // ---- documents -------------------------------------------------------------------------

  /** Loads a document from the local store (once), wiring persistence, projection and undo. */
  loadDoc(docId: string): Promise<LoadedDoc> {
    const loaded = this.docs.get(docId);
    if (loaded) {
      loaded.lastUsed = Date.now();
      return Promise.resolve(loaded);
    }
    let promise = this.loading.get(docId);
    if (!promise) {
      promise = this.readAndWire(docId).finally(() => this.loading.delete(docId));
      this.loading.set(docId, promise);
    }
    return promise;
  }

  private async readAndWire(docId: string): Promise<LoadedDoc> {
    const doc = new Y.Doc({ gc: true });
    const state = await readDocState(this.db, docId);
    if (state) Y.applyUpdate(doc, state, STORE_ORIGIN);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== STORE_ORIGIN) this.queueUpdate(docId, update);
    });
    const isBook = parseBookDocId(docId) !== null;
    if (isBook) {
      this.observeBook(docId, doc);
      doc.transact(() => migrateBookDoc(doc), SYSTEM_ORIGIN);
    }
    const scope = isBook ? [bookRecords(doc)] : docId === ORG_DOC_ID ? orgScope(doc) : [doc.getMap('views'), doc.getMap('settings')];
    const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
    const kept = this.keptHistory.get(docId);
    if (kept) {
      undo.undoStack = kept.undo;
      undo.redoStack = kept.redo;
      this.keptHistory.delete(docId);
    }
    const loaded: LoadedDoc = { id: docId, doc, undo, lastUsed: Date.now() };
    this.docs.set(docId, loaded);
    this.loadListeners.forEach((listener) => listener(docId, doc));
    return loaded;
  }

  private observeBook(docId: string, doc: Y.Doc): void {
    const records = bookRecords(doc);
    records.observeDeep((events, transaction) => {
      if (transaction.origin === STORE_ORIGIN) return;
      const ids = new Set<string>();
      for (const event of events) {
        if (event.target === records) event.changes.keys.forEach((_change, key) => ids.add(key));
        else ids.add(String(event.path[0]));
      }
      const changed: Row[] = [];
      const removed: string[] = [];
      for (const id of ids) {
        const record = records.get(id);
        const row = record ? rowFromRecord(id, record, docId) : null;
        if (row) changed.push(row);
        else if (this.rows.get(id)?.shard === docId) removed.push(id);
      }
      this.applyRowChanges(changed, removed);
    });
  }

  /** Loaded documents, by id (the relay's providers attach here). */
  loadedDocs(): ReadonlyMap<string, { doc: Y.Doc }> {
    return this.docs;
  }

  /** Called each time a document is loaded (sync attaches a provider); returns an unsubscribe function. */
  onDocLoaded(listener: (docId: string, doc: Y.Doc) => void): () => void {
    this.loadListeners.add(listener);
    return () => this.loadListeners.delete(listener);
  }

  /** Called just before an idle document is unloaded (sync detaches its provider first). */
  onDocUnloading(listener: (docId: string) => void): () => void {
    this.unloadListeners.add(listener);
    return () => this.unloadListeners.delete(listener);
  }

  /**
   * Removes documents from this device: the loaded copy, their stored updates and their records
   * in the projection (and so in search). For books the relay no longer shares with this user:
   * what he may no longer see does not stay on his laptop. If an undo step touched them, the
   * undo history is cleared.
   */
  async forgetDocs(docIds: readonly string[]): Promise<void> {
    const forget = new Set(docIds);
    if (forget.size === 0) return;
    await this.flush();
    for (const id of forget) {
      const loaded = this.docs.get(id);
      if (!loaded) continue;
      this.dropLoaded(id, loaded);
      this.keptHistory.delete(id);
    }
    // Each document's own undo stack must stay in step with the global one, so a step that
    // cannot be replayed any more ends the whole history rather than being cut out of it.
    if ([...this.undoStack, ...this.redoStack].some((entry) => entry.docs.some((id) => forget.has(id)))) this.clearUndoHistory();
    // Updates first: should the page close in between, the rows left behind still name the
    // shard, so the next forget finds it; the reverse order could leave updates no one finds.
    await this.db.updates.where('doc').anyOf([...forget]).delete();
    const removed = [...this.rows.values()].filter((row) => forget.has(row.shard)).map((row) => row.id);
    if (removed.length > 0) this.applyRowChanges([], removed);
    await this.flush();
  }

  /** Keeps documents loaded while `keep(docId)` is true (sync: changes not yet on the relay). */
  setKeepLoaded(keep: (docId: string) => boolean): void {
    this.keepLoaded = keep;
  }

  /**
   * Sets what the relay allows on each document, and whether a document it does not list yet
   * (a book with no records on the relay) may be written: by default only the user's own.
   */
  setDocAccess(access: ReadonlyMap<string, DocAccess>, writableUnlisted?: (docId: string) => boolean): void {
    this.writableUnlisted = writableUnlisted ?? null;
    this.docAccess.clear();
    for (const [docId, mode] of access) this.docAccess.set(docId, mode);
    this.accessListeners.forEach((listener) => listener());
  }

  /** Called when the relay's rights on documents change (the UI turns read-only or back). */
  onAccessChange(listener: () => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /**
   * Whether commands may change a document: what the relay listed decides; without a relay
   * everything is writable; with one, an unlisted document only when it is the user's own
   * (a new shard of his book, his prefs) — never a colleague's book the relay no longer shares.
   */
  canWrite(docId: string): boolean {
    const access = this.docAccess.get(docId);
    if (access) return access === 'read-write';
    if (!this.relayOwnsOrg) return true;
    if (this.writableUnlisted) return this.writableUnlisted(docId);
    return parseBookDocId(docId)?.ownerId === this.user.id || docId === prefsDocId(this.user.id);
  }

  /** Whether the org (schema, sections, settings) may be changed by this user. */
  canWriteOrg(): boolean {
    return this.canWrite(ORG_DOC_ID);
  }

  /** Unloads book shards idle for `idleMs` that hold nothing to undo and nothing unsaved. */
  async unloadIdle(idleMs: number): Promise<string[]> {
    await this.flush();
    const inUndo = new Set([...this.undoStack, ...this.redoStack].flatMap((entry) => entry.docs));
    const now = Date.now();
    const unloaded: string[] = [];
    for (const [id, loaded] of this.docs) {
      if (!parseBookDocId(id) || inUndo.has(id) || now - loaded.lastUsed < idleMs || this.keepLoaded(id)) continue;
      this.dropLoaded(id, loaded);
      unloaded.push(id);
    }
    return unloaded;
  }

  /**
   * Unloads book shards now, their undo history kept: a chunked import lets go of the shards it
   * filled, so a million records do not stay decoded in memory. An undo reloads them and finds
   * its steps (they name items by id, not by object). Shards sync must keep are left loaded.
   */
  async releaseDocs(docIds: readonly string[]): Promise<void> {
    await this.flush();
    for (const id of docIds) {
      const loaded = this.docs.get(id);
      // A redo needs the undone content, which only the loaded document keeps (a reload has
      // it garbage-collected), so a shard with something to redo stays.
      if (!loaded || !parseBookDocId(id) || this.keepLoaded(id) || loaded.undo.redoStack.length > 0) continue;
      if (loaded.undo.undoStack.length > 0) this.keptHistory.set(id, { undo: loaded.undo.undoStack, redo: [] });
      this.dropLoaded(id, loaded);
    }
  }

  private dropLoaded(id: string, loaded: LoadedDoc): void {
    this.unloadListeners.forEach((listener) => listener(id));
    loaded.undo.destroy();
    loaded.doc.destroy();
    this.docs.delete(id);
  }

  // ---- commands and undo ---------------------------------------------------------------

  /**
   * Runs one command: loads the documents it touches, applies `body` in one transaction per
   * document (nested, so observers see the whole change) and records one undo step.
   */
  async run<T>(docIds: string[], body: (docs: Y.Doc[]) => T, group?: UndoGroup): Promise<T> {
    if (group && !group.open) throw new Error('This undo group is closed.');
    // Pitfall 1: a write the relay would refuse must never be made locally.
    const readOnly = docIds.find((id) => !this.canWrite(id));
    if (readOnly) throw new ReadOnlyError(readOnly);
    const loaded = await Promise.all(docIds.map((id) => this.loadDoc(id)));
    const before = loaded.map((entry) => entry.undo.undoStack.length);
    let result!: T;
    const nest = (index: number): void => {
      if (index === loaded.length) {
        result = body(loaded.map((entry) => entry.doc));
        return;
      }
      loaded[index].doc.transact(() => nest(index + 1), LOCAL_ORIGIN);
    };
    nest(0);
    const touched = loaded.filter((entry, index) => entry.undo.undoStack.length > before[index]);
    touched.forEach((entry) => entry.undo.stopCapturing());
    if (touched.length > 0) {
      if (group) this.addToGroup(group, touched.map((entry) => entry.id));
      else this.undoStack.push({ docs: touched.map((entry) => entry.id) });
      this.redoStack = [];
      this.undoListeners.forEach((listener) => listener());
    }
    return result;
  }

  /** Starts a step that the commands run with it share; end it with endUndoGroup. */
  beginUndoGroup(): UndoGroup {
    this.openGroups++;
    return { entry: null, open: true };
  }

  /** Ends a group: later commands make steps of their own again. */
  endUndoGroup(group: UndoGroup): void {
    if (!group.open) return;
    group.open = false;
    this.openGroups--;
    if (this.openGroups > 0) return;
    this.scheduleLaterRows();
    if (this.snapshotSeq !== this.projectionSeq) this.scheduleSnapshot();
  }

  /**
   * Undoes everything the group's commands did and leaves no trace in the undo history (a
   * cancelled or refused import changes nothing). The group must be the latest step.
   */
  async rollbackUndoGroup(group: UndoGroup): Promise<void> {
    this.endUndoGroup(group);
    const entry = group.entry;
    if (!entry) return;
    if (this.undoStack.at(-1) !== entry) throw new Error('Another change was made after this one; it cannot be rolled back alone.');
    await this.undo();
    this.redoStack = this.redoStack.filter((other) => other !== entry);
    group.entry = null;
    this.undoListeners.forEach((listener) => listener());
  }

  private addToGroup(group: UndoGroup, docIds: string[]): void {
    if (!group.entry || this.undoStack.at(-1) !== group.entry) {
      // A command outside the group came in between: the group continues as a new step.
      group.entry = { docs: [], items: new Map() };
      this.undoStack.push(group.entry);
    }
    const items = group.entry.items!;
    for (const id of docIds) {
      if (!items.has(id)) group.entry.docs.push(id);
      items.set(id, (items.get(id) ?? 0) + 1);
    }
  }

  /** Whether there is an edit to undo. */
  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Whether there is an undone edit to redo. */
  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Undoes the last command, whatever documents it touched. */
  async undo(): Promise<boolean> {
    return this.step(this.undoStack, this.redoStack, 'undo');
  }

  /** Redoes the last undone command. */
  async redo(): Promise<boolean> {
    return this.step(this.redoStack, this.undoStack, 'redo');
  }

  private async step(from: UndoEntry[], to: UndoEntry[], direction: 'undo' | 'redo'): Promise<boolean> {
    const entry = from.at(-1);
    if (!entry) return false;
    const readOnly = entry.docs.find((id) => !this.canWrite(id));
    if (readOnly) throw new ReadOnlyError(readOnly);
    from.pop();
    const loaded = await Promise.all(entry.docs.map((id) => this.loadDoc(id)));
    for (const { id, undo } of loaded) {
      for (let item = entry.items?.get(id) ?? 1; item > 0; item--) {
        if (direction === 'undo') undo.undo();
        else undo.redo();
      }
    }
    to.push(entry);
    this.undoListeners.forEach((listener) => listener());
    return true;
  }

  /** Forgets the undo and redo history (after a restore, or to let idle shards unload). */
  clearUndoHistory(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.keptHistory.clear();
    for (const loaded of this.docs.values()) loaded.undo.clear();
    this.undoListeners.forEach((listener) => listener());
  }

  /** Called whenever the undo or redo stack changes. */
  onUndoChange(listener: () => void): () => void {
    this.undoListeners.add(listener);
    return () => this.undoListeners.delete(listener);
  }

  // ---- books ------------------------------------------------------------------------------

  /**
   * The shard of `ownerId`'s book that a new record goes to: the first one with room, counting
   * `pending` records a command is about to add per shard.
   */
  shardForNewRecord(ownerId: string = this.user.id, pending: ReadonlyMap<string, number> = new Map()): string {
    for (let shard = 0; ; shard++) {
      const docId = bookDocId(ownerId, shard);
      if ((this.shardCounts.get(docId) ?? 0) + (pending.get(docId) ?? 0) < SHARD_CAPACITY) return docId;
    }
  }

  /** Number of records per shard known to the projection. */
  shardSizes(): ReadonlyMap<string, number> {
    return this.shardCounts;
  }

  // ---- projection -------------------------------------------------------------------------

  /** Called with every change of the projection, local or remote. */
  onRows(listener: RowsListener): () => void {
    this.rowListeners.add(listener);
    return () => this.rowListeners.delete(listener);
  }

  /** Called after every transaction on the org document (schema, sections, settings). */
  onOrg(listener: () => void): () => void {
    this.orgListeners.add(listener);
    return () => this.orgListeners.delete(listener);
  }

  /** Called after every transaction on this user's prefs document (saved views, language). */
  onPrefs(listener: () => void): () => void {
    this.prefsListeners.add(listener);
    return () => this.prefsListeners.delete(listener);
  }

  /** Called when saving fails (quota, blocked database) and with null when it works again. */
  onStorageProblem(listener: (problem: StorageProblem | null) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** The projection sequence covered by the rows written so far (search index catch-up). */
  currentProjectionSeq(): number {
    return this.projectionSeq;
  }

  /**
   * Rebuilds the projection from every stored book document: after a restore, a migration or
   * a projection version change. The documents are the truth; the rows are a cache.
   */
  async rebuildProjection(): Promise<void> {
    await this.flush();
    const docIds = (await storedDocIds(this.db)).filter((id) => parseBookDocId(id));
    const rows: Row[] = [];
    for (const docId of docIds) {
      const { doc } = await this.loadDoc(docId);
      bookRecords(doc).forEach((record, id) => {
        const row = rowFromRecord(id, record, docId);
        if (row) rows.push(row);
      });
    }
    for (const row of rows) row.seq = ++this.projectionSeq;
    this.laterRows.clear();
    await this.db.transaction('rw', this.db.rows, this.db.kv, this.db.snapshot, async () => {
      await clearSnapshot(this.db);
      await this.db.kv.delete(REMOVALS_KEY);
      await this.db.kv.delete(PROJECTION_BEHIND_KEY);
      await this.db.rows.clear();
      await this.db.rows.bulkPut(rows);
      await this.db.kv.bulkPut([
        { key: 'projectionSeq', value: this.projectionSeq },
        { key: 'projectionVersion', value: PROJECTION_VERSION },
      ]);
    });
    const removed = [...this.rows.keys()];
    this.rows.clear();
    this.shardCounts.clear();
    for (const row of rows) this.putRowInMemory(row);
    this.rowListeners.forEach((listener) => listener(rows, removed));
  }

  private applyRowChanges(changed: Row[], removed: string[]): void {
    for (const id of removed) {
      const old = this.rows.get(id);
      if (old) this.countShard(old.shard, -1);
      this.rows.delete(id);
      this.pendingRows.delete(id);
      this.laterRows.delete(id);
      this.pendingRemovals.add(id);
    }
    for (const row of changed) {
      const old = this.rows.get(row.id);
      if (old) this.countShard(old.shard, -1);
      this.putRowInMemory(row);
      this.pendingRows.set(row.id, row);
      // Its newer version is written with the next flush; the older one must not follow it.
      this.laterRows.delete(row.id);
      this.pendingRemovals.delete(row.id);
    }
    this.scheduleFlush();
    this.rowListeners.forEach((listener) => listener(changed, removed));
  }

  private putRowInMemory(row: Row): void {
    this.rows.set(row.id, row);
    this.countShard(row.shard, 1);
  }

  private countShard(shard: string, delta: number): void {
    this.shardCounts.set(shard, (this.shardCounts.get(shard) ?? 0) + delta);
  }

  // ---- persistence ------------------------------------------------------------------------

  private queueUpdate(docId: string, update: Uint8Array): void {
    this.pendingUpdates.push({ doc: docId, data: update });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      // Backup work: a failed write is reported through onStorageProblem and kept for retry;
      // catching here keeps it from also surfacing as an unhandled rejection.
      void this.flush().catch(() => undefined);
    }, 0);
  }

  /**
   * Writes queued updates and projection rows in one IndexedDB transaction. Resolves when
   * everything queued so far is stored; on failure the queue is kept and retried.
   */
  flush(): Promise<void> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    this.flushing = this.flushing.catch(() => undefined).then(() => this.writePending());
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    if (this.pendingUpdates.length === 0 && this.pendingRows.size === 0 && this.pendingRemovals.size === 0) return;
    const updates = this.pendingUpdates;
    const rows = [...this.pendingRows.values()];
    const removals = [...this.pendingRemovals];
    this.pendingUpdates = [];
    this.pendingRows = new Map();
    this.pendingRemovals = new Set();
    let seq = this.projectionSeq;
    for (const row of rows) row.seq = ++seq;
    // Removals take a seq of their own so a snapshot older than them cannot bring rows back.
    if (removals.length > 0) seq++;
    // One IndexedDB put per row costs ~50-150 µs in Chromium whatever the row's size: 100,000
    // imported rows would hold the import ~10 s. A bulk write stores the documents (the truth)
    // now and its projection rows in the background, marking the projection behind meanwhile.
    const later = rows.length >= BULK_WRITE_ROWS;
    try {
      await this.db.transaction('rw', this.db.updates, this.db.rows, this.db.kv, async () => {
        if (updates.length > 0) await this.db.updates.bulkAdd(updates);
        if (later) await this.db.kv.put({ key: PROJECTION_BEHIND_KEY, value: true });
        else if (rows.length > 0) await this.db.rows.bulkPut(rows);
        if (removals.length > 0) {
          await this.db.rows.bulkDelete(removals);
          await this.logRemovals(removals, seq);
        }
        await this.db.kv.put({ key: 'projectionSeq', value: seq });
      });
      this.projectionSeq = seq;
      if (later) {
        // A row changed again meanwhile is in pendingRows with a newer seq: it wins.
        for (const row of rows) if (!this.pendingRows.has(row.id) && this.rows.get(row.id) === row) this.laterRows.set(row.id, row);
        this.scheduleLaterRows();
      }
      if (this.lastProblem) this.reportProblem(null);
      this.scheduleSnapshot();
    } catch (error) {
      // Keep everything for the next attempt: nothing the user typed is dropped.
      this.pendingUpdates = updates.concat(this.pendingUpdates);
      for (const row of rows) if (!this.pendingRows.has(row.id)) this.pendingRows.set(row.id, row);
      for (const id of removals) this.pendingRemovals.add(id);
      this.reportProblem({
        kind: isQuotaError(error) ? 'quota' : 'write',
        message: error instanceof Error ? error.message : String(error),
      });
      this.scheduleRetry();
      throw error;
    }
  }

  private scheduleLaterRows(): void {
    // While a long command (a chunked import) runs, its rows wait: writing them would compete
    // with it for the main thread; endUndoGroup starts them.
    if (this.laterTimer !== null || this.laterRows.size === 0 || this.openGroups > 0) return;
    this.laterTimer = setTimeout(() => {
      this.laterTimer = null;
      void this.writeLaterRows().catch(() => undefined);
    }, 0);
  }

  /**
   * Writes the deferred projection rows in slices, each its own transaction in the flush
   * order, giving the page a turn between slices; the last one clears the behind mark.
   */
  private writeLaterRows(): Promise<void> {
    this.laterWriting ??= (async () => {
      try {
        while (this.laterRows.size > 0) {
          this.flushing = this.flushing
            .catch(() => undefined)
            .then(async () => {
              const slice: Row[] = [];
              for (const [id, row] of this.laterRows) {
                slice.push(row);
                this.laterRows.delete(id);
                if (slice.length === LATER_SLICE_ROWS) break;
              }
              const done = this.laterRows.size === 0;
              try {
                await this.db.transaction('rw', this.db.rows, this.db.kv, async () => {
                  await this.db.rows.bulkPut(slice);
                  if (done) await this.db.kv.delete(PROJECTION_BEHIND_KEY);
                });
              } catch (error) {
                for (const row of slice) if (this.rows.get(row.id) === row && !this.pendingRows.has(row.id)) this.laterRows.set(row.id, row);
                throw error;
              }
            });
          await this.flushing;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      } finally {
        this.laterWriting = null;
      }
    })();
    return this.laterWriting;
  }

  /** Resolves when the projection rows of bulk writes are stored too (the bench; closing). */
  async projectionStored(): Promise<void> {
    await this.flush();
    while (this.laterRows.size > 0 || this.laterWriting) await this.writeLaterRows();
  }

  private lastProblem: StorageProblem | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** How long after a failed write it is tried again (space may have been freed meanwhile). */
  retryDelayMs = 10_000;

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.retryDelayMs < 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush().catch(() => undefined);
    }, this.retryDelayMs);
  }

  private async logRemovals(ids: string[], seq: number): Promise<void> {
    const logged = ((await this.db.kv.get(REMOVALS_KEY))?.value as ProjectionRemoval[] | undefined) ?? [];
    await this.db.kv.put({ key: REMOVALS_KEY, value: logged.concat(ids.map((id) => ({ id, seq }))) });
  }

  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshotSeq = -1;

  /** Rewrites the projection snapshot a while after the last change (it is idle work). */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== null || this.snapshotDelayMs < 0) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.writeSnapshotNow().catch(() => undefined);
    }, this.snapshotDelayMs);
  }

  /** How long after a change the snapshot is rewritten; negative disables (tests). */
  snapshotDelayMs = 5_000;

  /** Stores what is pending and rewrites the projection snapshot if it is behind. */
  async writeSnapshotNow(): Promise<void> {
    await this.flush();
    if (this.snapshotSeq === this.projectionSeq) return;
    // A long command (a chunked import) is still writing: rewriting every row per chunk would
    // cost more than the import; endUndoGroup schedules the snapshot.
    if (this.openGroups > 0) return;
    // A change made while flushing is in memory but not stored: never snapshot ahead of the log.
    if (this.hasUnsavedChanges()) return this.scheduleSnapshot();
    const seq = this.projectionSeq;
    await writeSnapshot(this.db, this.rows.values(), seq);
    this.snapshotSeq = seq;
  }

  private reportProblem(problem: StorageProblem | null): void {
    this.lastProblem = problem;
    this.problemListeners.forEach((listener) => listener(problem));
  }

  /** Whether some change is not yet stored on this device. */
  hasUnsavedChanges(): boolean {
    return this.pendingUpdates.length > 0 || this.pendingRows.size > 0 || this.pendingRemovals.size > 0;
  }

  /** Stores what is pending and closes the database. */
  async close(): Promise<void> {
    await this.projectionStored().catch(() => undefined);
    if (this.laterTimer !== null) clearTimeout(this.laterTimer);
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryDelayMs = -1;
    this.snapshotTimer = null;
    this.snapshotDelayMs = -1;
    for (const loaded of this.docs.values()) {
      loaded.undo.destroy();
      loaded.doc.destroy();
    }
    this.docs.clear();
    this.db.close();
  }
}

// `any`: Y.UndoManager's scope type is invariant in the event type of each shared type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function orgScope(doc: Y.Doc): Y.AbstractType<any>[] {
  return [doc.getMap('sections'), doc.getMap('fields'), doc.getMap('settings'), doc.getMap('lists')];
}
