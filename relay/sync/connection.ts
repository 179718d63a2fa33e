/** One client socket in a room: decodes its frames and enforces its access mode on every write. */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket, RawData } from 'ws';
import type { DocRoom, RoomPeer } from './doc-room';
import type { Access } from '../auth/access';
import { decodeClientMessage, encodeAwareness, encodeStep2 } from './protocol';
import { updateEffect } from './update-effect';
import { CLOSE_DOC_TOO_LARGE, CLOSE_MALFORMED, CLOSE_READ_ONLY } from './close-codes';

/** What a connection needs to know about its socket's owner. */
export interface ConnectionContext {
  room: DocRoom;
  userId: string;
  access: Exclude<Access, 'none'>;
  /** Largest awareness payload accepted. */
  maxAwarenessBytes: number;
  /** Told why the relay closes this socket (logged once, when the socket has closed). */
  onRefuse: (code: number, reason: string, detail: Record<string, unknown>) => void;
}

/** Wraps a socket as a room peer; returns the peer (already joined and sent the relay's state). */
export function joinRoom(ws: WebSocket, context: ConnectionContext): RoomPeer {
  const { room } = context;
  // The state vector of the last acknowledgement this socket was sent.
  let stateSent = new Map<number, number>();
  const peer: RoomPeer = {
    userId: context.userId,
    awarenessIds: new Set(),
    send(frame) {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
    sendState(frame) {
      const decoded = decodeClientMessage(frame);
      if (decoded.type === 'step1') stateSent = Y.decodeStateVector(decoded.stateVector);
      peer.send(frame);
    },
    close(code, reason) {
      room.leave(peer);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
  };
  const refuse = (code: number, reason: string, detail: Record<string, unknown> = {}): void => {
    context.onRefuse(code, reason, detail);
    peer.close(code, reason);
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!room.peers.has(peer)) return;
    if (!isBinary) return refuse(CLOSE_MALFORMED, 'malformed', { why: 'text frame' });
    const frame = toBytes(data);
    const message = decodeClientMessage(frame);
    switch (message.type) {
      case 'malformed':
        return refuse(CLOSE_MALFORMED, 'malformed', { why: message.reason });
      case 'step1': {
        let reply: Uint8Array;
        try {
          reply = Y.encodeStateAsUpdate(room.doc, message.stateVector);
        } catch {
          return refuse(CLOSE_MALFORMED, 'malformed', { why: 'bad state vector' });
        }
        return peer.send(encodeStep2(reply));
      }
      case 'update': {
        const effect = updateEffect(room.doc, message.update);
        if (effect === 'invalid') return refuse(CLOSE_MALFORMED, 'malformed', { why: 'bad update' });
        if (effect === 'no-op') {
          // A known update (another tab sent it first) is acknowledged at once. A no-op step 2 answers our own
          // step 1: it is acknowledged only when it carries changes the last acknowledgement on this socket did
          // not cover (they arrived through this device's previous socket, which closed before its
          // acknowledgement), so the exchange ends after one round.
          if (!message.step2 || !covers(stateSent, message.update)) peer.sendState(room.stateFrame());
          return;
        }
        if (context.access !== 'read-write') return refuse(CLOSE_READ_ONLY, 'read-only');
        if (room.wouldOverflow(message.update.byteLength)) return refuse(CLOSE_DOC_TOO_LARGE, 'document too large');
        return room.submit(peer, message.update);
      }
      case 'awareness': {
        if (message.update.byteLength > context.maxAwarenessBytes) {
          return refuse(CLOSE_MALFORMED, 'malformed', { why: 'awareness too large' });
        }
        try {
          awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, peer);
        } catch {
          return refuse(CLOSE_MALFORMED, 'malformed', { why: 'bad awareness' });
        }
        return;
      }
      case 'query-awareness':
        return peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])));
    }
  });

  room.peers.add(peer);
  peer.sendState(room.stateFrame());
  const states = [...room.awareness.getStates().keys()];
  if (states.length > 0) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)));
  return peer;
}

/** Whether a state vector covers every struct an update carries. */
function covers(stateVector: Map<number, number>, update: Uint8Array): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((stateVector.get(client) ?? 0) < clock) return false;
  }
  return true;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
