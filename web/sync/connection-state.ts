/** The status line's connection word, from what sync knows about the network and its sockets. */
import type { ConnectionState } from './sync-status';
import type { LiveSocket } from './provider-pool';

/** The facts the connection state is derived from. */
export interface ConnectionFacts {
  /** navigator.onLine (true outside a browser). */
  browserOnline: boolean;
  /** The relay refused the session (4401). */
  signedOut: boolean;
  /** The last API call reached the relay (null before the first one answered). */
  relayReachable: boolean | null;
  /** Whether any socket was ever connected and synced in this session. */
  everConnected: boolean;
  /** The live sockets. */
  sockets: LiveSocket[];
}

/** The connection state the UI shows. */
export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.signedOut) return 'signed-out';
  if (!facts.browserOnline || facts.relayReachable === false) return 'offline';
  const allSynced = facts.sockets.every((socket) => socket.connected && socket.synced);
  if (facts.relayReachable && allSynced && (facts.sockets.length > 0 || facts.everConnected)) return 'connected';
  return facts.everConnected ? 'reconnecting' : 'connecting';
}
