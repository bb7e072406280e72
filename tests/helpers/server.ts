/**
 * A tiny static server for a built site, mounted under the site's base path the way a
 * deployment would be (https://host/casebook/ → the folder). Requests outside the base get
 * 404, so a link or fetch that forgets the base fails a test instead of passing by luck.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Absolute URL of a site-relative path: url('search/?q=x') → http://127.0.0.1:<port>/base/search/?q=x */
  url(path?: string): string;
  close(): Promise<void>;
}

async function file(path: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path);
    return await readFile(info.isDirectory() ? join(path, 'index.html') : path);
  } catch {
    return undefined;
  }
}

export async function serveSite(dir: string, base = '/'): Promise<StaticSite> {
  const root = normalize(dir);
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inside = pathname.startsWith(base) ? normalize(join(root, pathname.slice(base.length))) : undefined;
    const body = inside && (inside === root || inside.startsWith(root + sep)) ? await file(inside) : undefined;
    if (!body) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end((await file(join(root, '404.html'))) ?? 'not found');
      return;
    }
    const type = pathname.endsWith('/') ? TYPES['.html']! : (TYPES[extname(pathname)] ?? 'application/octet-stream');
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => `${origin}${base}${path.replace(/^\//, '')}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
