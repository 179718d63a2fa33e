/**
 * The relay's acknowledgement, built on the plain protocol: after committing a client's update the relay
 * sends that client a sync step 1 with its state vector. A change is acknowledged ("saved on the relay")
 * once a step 1 from the relay covers the local state vector. Works with the stock WebsocketProvider.
 * (Lives in web/ because the app uses it; the relay's tests and the bench import it from here.)
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/** Top-level y-websocket message type of sync messages. */
const MESSAGE_SYNC = 0;
/** Sync sub-message: a state vector. */
const SYNC_STEP1 = 0;

/** The parts of a y-websocket WebsocketProvider this needs (its per-instance handler table). */
export interface ProviderWithHandlers {
  messageHandlers: Array<(encoder: unknown, decoder: decoding.Decoder, ...rest: never[]) => void>;
}

/** Calls `onRelayState` with the relay's state vector each time the relay sends one; returns an undo function. */
export function watchRelayState(provider: ProviderWithHandlers, onRelayState: (stateVector: Map<number, number>) => void): () => void {
  const original = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    try {
      const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
      if (decoding.readVarUint(peek) === SYNC_STEP1) onRelayState(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
    } catch {
      // A frame the peek cannot read is left to the provider's own handler.
    }
    original(encoder, decoder, ...rest);
  };
  return () => {
    provider.messageHandlers[MESSAGE_SYNC] = original;
  };
}

/** Whether the relay's state vector covers every change of `doc` (all of them are saved on the relay). */
export function relayCovers(relayState: Map<number, number>, doc: Y.Doc): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((relayState.get(client) ?? 0) < clock) return false;
  }
  return true;
}
