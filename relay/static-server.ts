/**
 * Serves the built app (dist/) over HTTP with an SPA fallback. The relay issue adds the
 * sync sockets and the HTTP API beside it; until then this is the whole relay.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Options of the static app server. */
export interface StaticServerOptions {
  /** The folder holding the built app (index.html at its top). */
  root: string;
  port: number;
  host?: string;
}

/** Starts serving the built app; resolves once listening, with the bound port. */
export async function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; port: number }> {
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built app in ${root}: run "npm run build" first.`);
  }
  const server = createServer(staticApp(root));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '0.0.0.0', () => done());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : options.port };
}

/** The request handler that serves the built app in `root` (SPA fallback; hashed assets cached for a year). */
export function staticApp(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  const folder = resolve(root);
  return (request, response) => serve(folder, request, response);
}

function serve(root: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let path: string;
  try {
    path = normalize(join(root, decodeURIComponent(url.pathname)));
  } catch {
    response.writeHead(400).end('Bad path');
    return;
  }
  if (!path.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    // Unknown paths with a file extension are real 404s; others are app routes.
    if (extname(url.pathname)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    path = join(root, 'index.html');
  }
  const name = path.slice(root.length);
  const immutable = name.startsWith('/assets/');
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
}
