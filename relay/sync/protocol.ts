/** The y-websocket wire protocol (message type + y-protocols sync/awareness payload, lib0 encoding). */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** Top-level message: Yjs sync (step 1, step 2, update). */
export const MESSAGE_SYNC = 0;
/** Top-level message: awareness (presence) update. */
export const MESSAGE_AWARENESS = 1;
/** Top-level message: auth (permission denied); the stock client only logs it. */
export const MESSAGE_AUTH = 2;
/** Top-level message: ask for every awareness state. */
export const MESSAGE_QUERY_AWARENESS = 3;
/** Sync sub-message: a state vector ("send me what I lack"). */
export const SYNC_STEP1 = 0;
/** Sync sub-message: the answer to step 1, an update. */
export const SYNC_STEP2 = 1;
/** Sync sub-message: an incremental update. */
export const SYNC_UPDATE = 2;

/** A decoded client message, or the reason it is malformed. */
export type ClientMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'malformed'; reason: string };

/** Decodes one client frame strictly: unknown types, truncation and trailing bytes are malformed. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SYNC_STEP1) message = { type: 'step1', stateVector: payload };
      else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) message = { type: 'update', update: payload, step2: sub === SYNC_STEP2 };
      else return { type: 'malformed', reason: `unknown sync message ${sub}` };
    } else if (type === MESSAGE_AWARENESS) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { type: 'query-awareness' };
    } else {
      return { type: 'malformed', reason: `unknown message type ${type}` };
    }
    if (decoding.hasContent(decoder)) return { type: 'malformed', reason: 'trailing bytes' };
    return message;
  } catch {
    return { type: 'malformed', reason: 'truncated message' };
  }
}

function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 frame carrying a state vector (the relay's acknowledgement, see ack-watch.ts). */
export function encodeStep1(stateVector: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP1, stateVector);
}

/** A sync step 2 frame (the answer to a client's step 1). */
export function encodeStep2(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP2, update);
}

/** A sync update frame (a change forwarded to other clients). */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_UPDATE, update);
}

/** An awareness frame. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
