/**
 * The teaching kit in the real builds (helpers/global-setup.ts): each 专题 gets a page listing
 * its cases in the collection's order with a course-pack link to the handout page, the index
 * and the home page list the collections, the sitemap has them, and a case page carries its
 * 教学说明 folded, with the class plan and the answer points marked for instructors only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { ROOT_SITE, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const { cases, collections } = checkCaseDirectory(fromRoot('content', 'cases'));
const byId = new Map(cases.map((c) => [c.data.id, c.data]));
const withNotes = cases.filter((c) => !c.data.draft && c.data.teaching).map((c) => c.data);

const read = (site: string, path: string): Root => fromHtml(readFileSync(join(site, path, 'index.html'), 'utf8'));

/** Every element under `node` that passes `test`, in document order. */
function all(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (n: Root | Element) => {
    for (const child of n.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}
const one = (node: Root | Element, test: (e: Element) => boolean): Element => {
  const [first] = all(node, test);
  if (!first) throw new Error('元素不存在');
  return first;
};
/** The text of `node` without the subtrees that pass `skip`. */
function textOutside(node: Root | Element, skip: (e: Element) => boolean): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !skip(child) ? textOutside(child, skip) : ''))
    .join('');
}
const tag = (name: string) => (e: Element) => e.tagName === name;
const hasClass = (name: string) => (e: Element) => ((e.properties['className'] as string[] | undefined) ?? []).includes(name);
const hrefs = (node: Root | Element) => all(node, tag('a')).map((a) => String(a.properties['href']));
/** The case ids of a result list, in order. */
const listedIds = (list: Element) => all(list, tag('h3')).flatMap((h) => hrefs(h).map((href) => /\/cases\/([^/]+)\//.exec(href)?.[1]));

describe('collections', () => {
  it('there is at least one, and every collection has a page', () => {
    expect(collections.length).toBeGreaterThanOrEqual(1);
    for (const c of collections) expect(() => read(ROOT_SITE, `collections/${c.id}`)).not.toThrow();
  });

  it.each(collections.map((c) => [c.id, c] as const))('%s lists its cases in order, says who it is for and adds up its hours', (id, c) => {
    const page = read(ROOT_SITE, `collections/${id}`);
    expect(toText(one(page, tag('h1')))).toBe(c.title);
    const text = toText(one(page, tag('main')));
    expect(text).toContain(c.intro);
    expect(text).toContain(c.audience);
    expect(listedIds(one(page, hasClass('case-list')))).toEqual(c.cases);
    const hours = c.hours ?? c.cases.reduce((sum, caseId) => sum + (byId.get(caseId)?.teaching?.hours ?? 0), 0);
    expect(text).toContain(`共${hours}课时`);
  });

  it.each(collections.map((c) => [c.id, c] as const))('%s links its cases as a course pack on the handout page, under the base', (id, c) => {
    const link = one(read(SUB_SITE, `collections/${id}`), (e) => e.tagName === 'a' && toText(e).includes('作为讲义打印或导出 Word'));
    const href = String(link.properties['href']);
    expect(href.startsWith(`${SUB_BASE}handout/?ids=`)).toBe(true);
    const url = new URL(href, 'https://example.org');
    expect(url.pathname).toBe(`${SUB_BASE}handout/`);
    expect(url.searchParams.get('ids')).toBe(c.cases.join(','));
    expect(url.searchParams.get('title')).toBe(c.title);
  });

  it('the index and the home page list every collection; the main navigation leads to the index', () => {
    for (const site of [ROOT_SITE, SUB_SITE]) {
      const base = site === SUB_SITE ? SUB_BASE : '/';
      const index = read(site, 'collections');
      const home = read(site, '');
      for (const c of collections) {
        expect(hrefs(one(index, tag('main')))).toContain(`${base}collections/${c.id}/`);
        expect(hrefs(one(home, tag('main')))).toContain(`${base}collections/${c.id}/`);
      }
      expect(toText(one(home, (e) => e.tagName === 'h2' && e.properties['id'] === 'collections'))).toBe('专题');
      const nav = one(home, (e) => e.tagName === 'nav' && e.properties['ariaLabel'] === '主导航');
      expect(hrefs(nav)).toContain(`${base}collections/`);
    }
  });

  it('are in the sitemap, under the base', () => {
    const sitemap = readFileSync(join(SUB_SITE, 'sitemap-0.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(pages).toContain(`${SUB_BASE}collections/`);
    for (const c of collections) expect(pages).toContain(`${SUB_BASE}collections/${c.id}/`);
  });
});

describe('teaching notes on the case page', () => {
  it('every published case has them', () => {
    expect(withNotes.length).toBe(cases.filter((c) => !c.data.draft).length);
  });

  it.each(withNotes.map((c) => [c.id, c] as const))('%s: folded, with the plan and the answer points for instructors only', (id, c) => {
    const t = c.teaching!;
    const notes = one(read(ROOT_SITE, `cases/${id}`), (e) => e.properties['id'] === 'teaching-notes');
    expect(notes.tagName).toBe('details');
    expect(notes.properties['open']).toBeUndefined();
    expect(toText(one(notes, tag('summary')))).toContain('教学说明');

    const teacherOnly = all(notes, (e) => e.properties['dataTeacherOnly'] !== undefined);
    const instructors = teacherOnly.map((e) => toText(e)).join('\n');
    for (const [i, points] of (t.answers ?? []).entries()) {
      expect(instructors).toContain(c.questions[i]);
      for (const point of points) expect(instructors).toContain(point);
    }
    for (const step of t.plan ?? []) expect(instructors).toContain(step.step);
    expect(instructors).toContain(`共${t.plan!.reduce((s, p) => s + p.minutes, 0)}分钟`);

    // What trainees may see too stays outside the marked parts.
    const everyone = textOutside(notes, (e) => e.properties['dataTeacherOnly'] !== undefined);
    for (const course of t.courses ?? []) expect(everyone).toContain(course);
    expect(everyone).toContain(t.audience!);
    expect(everyone).toContain(`${t.hours}课时（${t.hours! * 45}分钟）`);
    for (const term of t.keyTerms ?? []) expect(everyone).toContain(term.meaning);
    for (const points of t.answers ?? []) for (const point of points) expect(everyone).not.toContain(point);
  });
});
