/**
 * The build (facet table) and the benchmark (bytes per query) read Pagefind's own files with
 * src/lib/pagefind-index.ts. Decoding the real index of the test build keeps that reader in
 * step with the Pagefind version the project uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeChunk, positionsOf, readChunk } from '../../src/lib/pagefind-index.ts';
import { ROOT_SITE } from '../helpers/site.ts';
import { encodeText } from '../../src/lib/search-tokens.ts';

const pagefind = join(ROOT_SITE, 'pagefind');
const chunkFiles = () => readdirSync(join(pagefind, 'index'));
const caseCount = () => readdirSync(join(ROOT_SITE, 'cases'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;

describe('reading Pagefind index chunks', () => {
  it('decodes every chunk of a real build into words with pages inside the index', () => {
    const files = chunkFiles();
    expect(files.length).toBeGreaterThan(0);
    const pages = caseCount();
    for (const file of files) {
      const { words } = decodeChunk(join(pagefind, 'index', file));
      expect(words.length, file).toBeGreaterThan(0);
      for (const { pages: hits } of words)
        for (const hit of hits) {
          expect(hit[0]).toBeLessThan(pages);
          expect(positionsOf(hit)).toBeGreaterThan(0);
        }
    }
  });

  it('counts the cases a word occurs in: a place named in one case only is in one page', () => {
    // The case's own article, not the related cases listed under it.
    const article = (id: string) => /<article[\s\S]*<\/article>/.exec(readFileSync(join(ROOT_SITE, 'cases', id, 'index.html'), 'utf8'))?.[0] ?? '';
    const only = readdirSync(join(ROOT_SITE, 'cases')).filter((id) => article(id).includes('溱东'));
    expect(only).toHaveLength(1);
    // Words in the index are character pairs written as ASCII (src/lib/search-tokens.ts).
    const [pair] = encodeText('溱东');
    const hits = chunkFiles().flatMap((file) => decodeChunk(join(pagefind, 'index', file)).words.filter((w) => w.word === pair));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.pages).toHaveLength(1);
  });

  it('names the word with the most positions as the reason for a chunk’s size', () => {
    for (const file of chunkFiles()) {
      const c = readChunk(pagefind, join('index', file));
      const { words } = decodeChunk(join(pagefind, 'index', file));
      const most = Math.max(...words.map((w) => w.pages.reduce((n, page) => n + positionsOf(page), 0)));
      expect(c.largest.positions).toBe(most);
      expect(c.positions).toBeGreaterThanOrEqual(most);
    }
  });
});
