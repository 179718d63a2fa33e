/**
 * WebSocket close codes the relay sends. 4400–4499 are final for the stock y-websocket client (it
 * stops reconnecting and emits `closed`); other codes make it reconnect with backoff.
 */

/** A frame that is not a valid y-websocket message (or an unknown document id): final. */
export const CLOSE_MALFORMED = 4400;
/** No, wrong or expired session token, or a disabled account: final, log in again. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** A write from a client that may only read this document; the write was not applied: final. */
export const CLOSE_READ_ONLY = 4403;
/** The user may not open this document; nothing of it was sent: final. */
export const CLOSE_NO_ACCESS = 4404;
/** The document reached its size limit; the update was not applied: final. */
export const CLOSE_DOC_TOO_LARGE = 4413;
/** The user has too many sockets open: final, the app must keep its pool of connections smaller. */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;
/** The user's rights changed: reconnect, and the relay applies the new rights. */
export const CLOSE_RIGHTS_CHANGED = 4100;
/** A frame larger than the relay's limit (sent by the `ws` library itself). */
export const CLOSE_TOO_BIG = 1009;
/** The relay is shutting down: reconnect later. */
export const CLOSE_GOING_AWAY = 1001;
