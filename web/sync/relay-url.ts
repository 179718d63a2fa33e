/** Where the relay's sync sockets are, from the app's relay origin. */

/** The y-websocket server URL (`ws(s)://host/sync`; the provider appends the document id). */
export function syncSocketUrl(base: string, page: { protocol: string; host: string } | null = typeof location === 'undefined' ? null : location): string {
  if (base) return base.replace(/\/$/, '').replace(/^http/, 'ws') + '/sync';
  if (!page) throw new Error('A relay address is needed outside a browser page.');
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/sync`;
}
