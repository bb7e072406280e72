/**
 * The built site's 相关案例 and per-case data files: every case page lists 3–5 other cases that
 * exist, each with the measures the two share, and /data/cases/<id>.json is exactly the case's
 * entry in /data/cases.json, on the root site and under the sub-path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import type { OpenData } from '../../src/lib/open-data.ts';
import { ROOT_SITE, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);
const byId = new Map(published.map((c) => [c.id, c]));
const read = (site: string, ...path: string[]) => readFileSync(join(site, ...path), 'utf8');

/** The related section of a case page: each listed case's id and the names of its tags. */
function relatedOf(site: string, id: string): { id: string; shared: string[] }[] {
  const html = read(site, 'cases', id, 'index.html');
  const section = /<section[^>]*aria-labelledby="related"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  // Each item starts with its heading; the measure links inside an item do not.
  return section
    .split(/<li[^>]*><h3>/)
    .slice(1)
    .map((item) => ({
      id: /\/cases\/([^/"]+)\//.exec(item)![1]!,
      shared: [...(/<ul class="tags"[^>]*>([\s\S]*?)<\/ul>/.exec(item)?.[1] ?? '').matchAll(/>([^<]+)<\/a>/g)].map((t) => t[1]!),
    }));
}

describe('related cases on the case pages', () => {
  it('lists 3 to 5 other published cases on every case page, each named with the measures both list', () => {
    for (const c of published) {
      const related = relatedOf(ROOT_SITE, c.id);
      expect(related.length, c.id).toBeGreaterThanOrEqual(Math.min(3, published.length - 1));
      expect(related.length, c.id).toBeLessThanOrEqual(5);
      expect(related.map((r) => r.id)).not.toContain(c.id);
      for (const r of related) {
        const other = byId.get(r.id)!;
        expect(other, r.id).toBeDefined();
        expect(existsSync(join(ROOT_SITE, 'cases', r.id, 'index.html'))).toBe(true);
        const both = c.measures.filter((m) => other.measures.includes(m)).map((m) => measuresById.get(m)!.name);
        expect([...r.shared].sort()).toEqual([...both].sort());
      }
    }
  });

  it('links the related cases under the sub-path', () => {
    const html = read(SUB_SITE, 'cases', published[0]!.id, 'index.html');
    const section = /<section[^>]*aria-labelledby="related"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1]!;
    const hrefs = [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith(SUB_BASE)).toBe(true);
  });
});

describe('per-case JSON', () => {
  it('is each case exactly as cases.json has it, on both sites', () => {
    for (const site of [ROOT_SITE, SUB_SITE]) {
      const all = JSON.parse(read(site, 'data', 'cases.json')) as OpenData;
      expect(all.cases.map((c) => c.id).sort()).toEqual(published.map((c) => c.id).sort());
      for (const c of all.cases) expect(JSON.parse(read(site, 'data', 'cases', `${c.id}.json`))).toEqual(c);
    }
  });

  it('is described on the data page', () => {
    expect(read(ROOT_SITE, 'data', 'index.html')).toContain(`/data/cases/${published[0]!.id}.json`);
  });
});
