/** The contract between the sync layer (web/sync) and the UI: what the status line shows. */
import type { Account, RelayApi } from './relay-api';

/** The connection to the office relay. */
export type ConnectionState =
  /** Connecting for the first time since the app opened. */
  | 'connecting'
  /** Every live socket is connected and synced. */
  | 'connected'
  /** The browser is offline or the relay cannot be reached; edits wait on this device. */
  | 'offline'
  /** The connection dropped; retrying with backoff. */
  | 'reconnecting'
  /** The relay refused the session (expired, signed out elsewhere, account disabled): sign in again. */
  | 'signed-out';

/** Everything the status line needs, as one immutable value. */
export interface SyncStatus {
  connection: ConnectionState;
  /** Local changes (commands) the relay has not yet acknowledged. */
  pendingChanges: number;
  /** True only when the relay's state vectors cover every local change of every document. */
  savedOnRelay: boolean;
  /**
   * Why a write was refused (the relay closed a socket with 4403 or 4413), in the user's
   * language-independent form: the document and the close code; null when none.
   */
  refused: { docId: string; code: number; reason: string } | null;
  /** Documents still to fetch on a first join (0 when the base is complete). */
  docsToFetch: number;
}

/** A running sync of one engine with the relay. */
export interface SyncHandle {
  /** The signed-in account (updated when an admin changes its rights). */
  user(): Account;
  /** The API client with this session's token. */
  api: RelayApi;
  /** The current status. */
  status(): SyncStatus;
  /** Called with every new status; returns an unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Called when the signed-in account changes (role, see-only-own); returns an unsubscribe function. */
  onUser(listener: (user: Account) => void): () => void;
  /** Runs a sync pass now (after coming back online, or from a "sync now" button). */
  syncNow(): Promise<void>;
  /** Disconnects every socket (the engine stays open). */
  stop(): Promise<void>;
}
