/**
 * Page weights of a built site, per kind of page (first path segment, as in phases.ts):
 * the largest HTML file (issue 13: none over 200 KB), and for case pages what a reader
 * downloads compressed — the HTML with its stylesheets, and its scripts (aims: ≤ 30 KB and
 * ≤ 5 KB gzip).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface KindWeight {
  pages: number;
  largestBytes: number;
  largestPath: string;
  medianGzipBytes: number;
}
export interface PageWeights {
  kinds: Record<string, KindWeight>;
  /** Case pages: largest HTML + stylesheets gzip, and scripts gzip (shared files counted once per page). */
  casePage: { htmlCssGzipMax: number; jsGzipMax: number };
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) htmlFiles(path, out);
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** A script and every module it imports statically, as paths under the site. */
function moduleClosure(siteDir: string, href: string, seen = new Set<string>()): Set<string> {
  const path = join(siteDir, href.replace(/^\//, '').split(/[?#]/)[0]!);
  if (seen.has(path) || !existsSync(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
    moduleClosure(siteDir, `/${relative(siteDir, join(path, '..', m[1]!))}`, seen);
  return seen;
}

export function pageWeights(siteDir: string): PageWeights {
  const kinds: Record<string, KindWeight & { gzips: number[] }> = {};
  const assetGzip = new Map<string, number>();
  const asset = (href: string) => {
    const path = join(siteDir, href.replace(/^\//, '').split(/[?#]/)[0]!);
    if (!assetGzip.has(path)) assetGzip.set(path, existsSync(path) ? gzipSize(readFileSync(path)) : 0);
    return assetGzip.get(path)!;
  };
  const casePage = { htmlCssGzipMax: 0, jsGzipMax: 0 };
  for (const file of htmlFiles(siteDir)) {
    const path = `/${relative(siteDir, file)}`;
    const first = path.split('/')[1]!;
    const kind = first.includes('.') ? '其他' : first;
    const html = readFileSync(file);
    const entry = (kinds[kind] ??= { pages: 0, largestBytes: 0, largestPath: '', medianGzipBytes: 0, gzips: [] });
    entry.pages++;
    entry.gzips.push(gzipSize(html));
    if (html.length > entry.largestBytes) Object.assign(entry, { largestBytes: html.length, largestPath: path });
    if (kind === 'cases') {
      const text = html.toString('utf8');
      const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce((sum, m) => sum + asset(m[1]!), 0);
      const scripts = new Set<string>();
      for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleClosure(siteDir, m[1]!, scripts);
      const js = [...scripts].reduce((sum, path) => sum + asset(`/${relative(siteDir, path)}`), 0);
      casePage.htmlCssGzipMax = Math.max(casePage.htmlCssGzipMax, entry.gzips.at(-1)! + css);
      casePage.jsGzipMax = Math.max(casePage.jsGzipMax, js);
    }
  }
  const result: Record<string, KindWeight> = {};
  for (const [kind, { gzips, ...rest }] of Object.entries(kinds)) {
    gzips.sort((a, b) => a - b);
    result[kind] = { ...rest, medianGzipBytes: gzips[Math.floor(gzips.length / 2)]! };
  }
  return { kinds: result, casePage };
}
