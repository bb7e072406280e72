/**
 * Reads the files Pagefind writes: the build reads its fragments for the facet table, and the
 * benchmark reads the index chunks a query downloaded, so its report can say why a query costs
 * what it does instead of leaving it to a hand-written note.
 *
 * A Pagefind 1.x word chunk (`*.pf_index`) is gzip of the bytes `pagefind_dcd` followed by
 * CBOR: `[words]`, each word `[text, pages, …]`, each page `[page number, positions, metadata positions]`. The browser
 * loads one chunk per search term (Pagefind's `request_indexes`), and a chunk's size follows
 * the number of positions it holds, so the word with the most positions explains the chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor-x';
import { PART_FOLDER } from './search-parts.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** Pagefind 1.6 adds a third list for words found in metadata (the title, our region …). */
export type PackedPage = [page: number, positions: number[], metaPositions?: number[]];
type PackedWord = [word: string, pages: PackedPage[]];

export interface ChunkContents {
  /** Compressed size on disk (what a host without extra compression sends). */
  bytes: number;
  words: number;
  /** Word positions in the chunk; Pagefind closes a chunk after about 20,000. */
  positions: number;
  /** The word with the most positions: the reason the chunk is as large as it is. */
  largest: { word: string; pages: number; positions: number };
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** The folder of each part of a written index (search-parts.ts), the first first. */
export function indexParts(pagefindDir: string): string[] {
  const others = readdirSync(pagefindDir)
    .filter((name) => name.startsWith(PART_FOLDER))
    .sort((a, b) => Number(a.slice(PART_FOLDER.length)) - Number(b.slice(PART_FOLDER.length)));
  return [pagefindDir, ...others.map((name) => join(pagefindDir, name))];
}

/** Pages in a written index, summed over its parts and languages (the casebook has one). */
export function indexedPageCount(pagefindDir: string): number {
  return indexParts(pagefindDir).reduce((sum, part) => {
    const entry = JSON.parse(readFileSync(join(part, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    return sum + Object.values(entry.languages).reduce((n, lang) => n + lang.page_count, 0);
  }, 0);
}

/** Each written record's Pagefind id (its fragment's file name), URL, content and filters, over every part. */
export function readFragments(pagefindDir: string): { id: string; url: string; content: string; filters: Record<string, string[]> }[] {
  return indexParts(pagefindDir).flatMap((part) => {
    const dir = join(part, 'fragment');
    // A fragment holds its record as JSON.
    return readdirSync(dir).map((file) => {
      const { url, content, filters } = JSON.parse(readPagefindFile(join(dir, file)).content.toString('utf8')) as {
        url: string;
        content: string;
        filters: Record<string, string[]>;
      };
      return { id: file.replace(/\.pf_fragment$/, ''), url, content, filters };
    });
  });
}

/** A Pagefind data file (index chunk, fragment, …) as stored, and its content without the gzip and the signature. */
export function readPagefindFile(path: string): { bytes: number; content: Buffer } {
  const raw = readFileSync(path);
  const data = gunzipSync(raw);
  return { bytes: raw.length, content: data.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? data.subarray(SIGNATURE.length) : data };
}

/** The words of one chunk file, each with the pages (by number) and positions it occurs at. */
export function decodeChunk(path: string): { bytes: number; words: { word: string; pages: PackedPage[] }[] } {
  const { bytes, content } = readPagefindFile(path);
  const [words] = decode(content) as [PackedWord[]];
  return { bytes, words: words.map(([word, pages]) => ({ word, pages })) };
}

/** Where a word occurs on one page, in the text and in the page's metadata. */
export const positionsOf = ([, locs, meta]: PackedPage): number => locs.length + (meta?.length ?? 0);

/** A chunk by its path inside `pagefind/` (`index/…` or, in a merged part, `part-<n>/index/…`). */
export function readChunk(pagefindDir: string, file: string): ChunkContents {
  const { bytes, words } = decodeChunk(join(pagefindDir, file));
  let positions = 0;
  let largest = { word: '', pages: 0, positions: -1 };
  for (const { word, pages } of words) {
    const own = pages.reduce((sum, page) => sum + positionsOf(page), 0);
    positions += own;
    if (own > largest.positions) largest = { word, pages: pages.length, positions: own };
  }
  return { bytes, words: words.length, positions, largest };
}

/** Every chunk file named in `files`, read once. */
export function readChunks(pagefindDir: string, files: Iterable<string>): Record<string, ChunkContents> {
  const out: Record<string, ChunkContents> = {};
  for (const file of new Set(files)) out[file] = readChunk(pagefindDir, file);
  return out;
}
