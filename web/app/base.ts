/**
 * The bridge between the engine and Solid: reactive accessors over the projection and the
 * org/prefs documents. Components read from here and change data only through commands.
 */
import { createContext, createMemo, createSignal, useContext, type Accessor } from 'solid-js';
import type { Engine, StorageProblem } from '../engine/engine';
import { readFields, readSections, readSettings, readUserNames, type OrgSettings, type SectionDef } from '../schema/org-doc';
import type { FieldDef, SectionId } from '../schema/fields';
import { readViews, type SavedView } from '../engine/commands';
import { createSearchClient, type SearchClient } from '../search/search-client';
import type { SyncHandle, SyncStatus } from '../sync/sync-status';
import type { Account } from '../sync/relay-api';

/** Reactive views of one open base. */
export interface Base {
  engine: Engine;
  /** Bumps after every change of the projection (local or remote): memos over rows track it. */
  rowsVersion: Accessor<number>;
  sections: Accessor<SectionDef[]>;
  /** The fields of a section (pending deletions included, flagged by deletedAt). */
  fields: (section: SectionId) => FieldDef[];
  settings: Accessor<OrgSettings>;
  userNames: Accessor<Map<string, string>>;
  views: Accessor<SavedView[]>;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  storageProblem: Accessor<StorageProblem | null>;
  /** Quick search (in a worker). */
  search: SearchClient;
  /** The sync with the office relay; null for a base kept on this device only. */
  sync: SyncHandle | null;
  /** The signed-in account (null without a relay); follows role changes. */
  account: Accessor<Account | null>;
  /** The relay's sync status (null without a relay). */
  syncStatus: Accessor<SyncStatus | null>;
  /** Whether this user may change the org: sections, fields, settings (admins, or no relay). */
  canWriteOrg: Accessor<boolean>;
  /** Whether this user may change records of a book shard (false when the relay shares it read-only). */
  canWriteDoc: (docId: string) => boolean;
}

/** Wraps an open engine (and its sync, if signed in) in reactive accessors. Call inside a Solid root. */
export function createBase(engine: Engine, sync: SyncHandle | null = null): Base {
  const [rowsVersion, setRowsVersion] = createSignal(0);
  const [orgVersion, setOrgVersion] = createSignal(0);
  const [prefsVersion, setPrefsVersion] = createSignal(0);
  const [undoVersion, setUndoVersion] = createSignal(0);
  const [storageProblem, setStorageProblem] = createSignal<StorageProblem | null>(null);

  // Many transactions in one task cause one re-render. A quiet base re-renders at once; a
  // stream of changes (an import's chunks, a sync pass) re-renders only after four times the
  // last re-render's cost has passed, so a 100,000-row table re-sorting and re-totalling after
  // every chunk cannot take more than a fifth of the stream's time.
  let rowsScheduled = false;
  let lastRender = 0;
  let lastRenderCost = 0;
  const render = () => {
    rowsScheduled = false;
    const started = performance.now();
    setRowsVersion((v) => v + 1);
    lastRender = performance.now();
    lastRenderCost = lastRender - started;
  };
  engine.onRows(() => {
    if (rowsScheduled) return;
    rowsScheduled = true;
    const wait = lastRender + lastRenderCost * 4 - performance.now();
    if (wait > 0) setTimeout(render, wait);
    else queueMicrotask(render);
  });
  engine.onOrg(() => setOrgVersion((v) => v + 1));
  engine.onPrefs(() => setPrefsVersion((v) => v + 1));
  engine.onUndoChange(() => setUndoVersion((v) => v + 1));
  engine.onStorageProblem(setStorageProblem);
  const [accessVersion, setAccessVersion] = createSignal(0);
  engine.onAccessChange(() => setAccessVersion((v) => v + 1));
  const [account, setAccount] = createSignal<Account | null>(sync?.user() ?? null);
  const [syncStatus, setSyncStatus] = createSignal<SyncStatus | null>(sync?.status() ?? null);
  sync?.onUser(setAccount);
  sync?.onStatus(setSyncStatus);

  const sections = createMemo(() => (orgVersion(), readSections(engine.org)));
  const fieldsBySection = createMemo(() => {
    orgVersion();
    const map = new Map<SectionId, FieldDef[]>();
    for (const section of readSections(engine.org)) map.set(section.id, readFields(engine.org, section.id));
    return map;
  });
  return {
    engine,
    rowsVersion,
    sections,
    fields: (section) => fieldsBySection().get(section) ?? [],
    settings: createMemo(() => (orgVersion(), readSettings(engine.org))),
    userNames: createMemo(() => (orgVersion(), readUserNames(engine.org))),
    views: createMemo(() => (prefsVersion(), readViews(engine))),
    canUndo: () => (undoVersion(), engine.canUndo()),
    canRedo: () => (undoVersion(), engine.canRedo()),
    storageProblem,
    search: createSearchClient(engine),
    sync,
    account,
    syncStatus,
    canWriteOrg: () => (accessVersion(), engine.canWriteOrg()),
    canWriteDoc: (docId) => (accessVersion(), engine.canWrite(docId)),
  };
}

/** Context carrying the open base to every component. */
export const BaseContext = createContext<Base>();

/** The open base (inside <BaseContext.Provider>). */
export function useBase(): Base {
  const base = useContext(BaseContext);
  if (!base) throw new Error('useBase() outside of BaseContext');
  return base;
}
