/**
 * A small static file server for the benchmark, on 127.0.0.1 and a free port.
 *
 * Text files (HTML, JS, CSS, JSON) are gzipped when the browser accepts it, as any real host
 * would do; Pagefind's own index files are already gzip-compressed and are sent as they are.
 * Caching is what a static host would send: content-hashed files (Astro's `_astro/` bundles,
 * Pagefind's index, fragment, filter and meta files) are immutable, everything else must be
 * revalidated (and, without validators here, is sent again). The benchmark gives each
 * isolated query a fresh browser context, so one query never profits from another's cache.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg']);

/** Files whose names change with their content, so a browser may keep them for good. */
const HASHED = /^\/(?:.*\/)?(?:_astro\/|pagefind\/(?:part-\d+\/)?(?:(?:index|fragment|filter)\/|[^/]+\.pf_meta$))/;
export const cacheControl = (path: string): string => (HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { Location: `${path}/` }).end();
      file = join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const ext = extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': cacheControl(path) };
    let body: Buffer;
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipped.get(file) ?? gzipSync(readFileSync(file));
      gzipped.set(file, body);
      headers['Content-Encoding'] = 'gzip';
    } else body = readFileSync(file);
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
