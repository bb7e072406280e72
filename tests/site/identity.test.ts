/**
 * The casebook's identity and public address (issue 11, items 2 and 3), read from the two test
 * builds: the sub-path site is built as a published one (CASEBOOK_SITE set), the root site as a
 * local preview (unset).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { SITE } from '../../src/config.ts';
import { gitDates } from '../../src/lib/provenance.ts';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { ROOT_SITE, SUB_ADDRESS, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases')).cases.filter((c) => !c.data.draft);
const sample = published[0]!.data.id;
const read = (site: string, path: string) => readFileSync(join(site, path), 'utf8');
const NOTICE = '提示：没有设置网站的公开地址（环境变量 CASEBOOK_SITE';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

describe('the public address', () => {
  it('is named in one Chinese line when a build has none, and not when it has one', () => {
    const preview = read(ROOT_SITE, '../root.log')
      .split('\n')
      .filter((l) => l.includes('CASEBOOK_SITE'));
    expect(preview).toHaveLength(1);
    expect(preview[0]).toContain(NOTICE);
    expect(read(SUB_SITE, '../sub.log')).not.toContain('CASEBOOK_SITE');
  });

  it('is in the canonical link and the share metadata of every page of a published build', () => {
    const html = read(SUB_SITE, `cases/${sample}/index.html`);
    const address = `${SUB_ADDRESS}${SUB_BASE}cases/${sample}/`;
    expect(html).toContain(`<link rel="canonical" href="${address}">`);
    expect(html).toContain(`<meta property="og:url" content="${address}">`);
    expect(html).toContain(`<meta property="og:title" content="${published[0]!.data.title}">`);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+">/);
  });

  it('is in the feed and the sitemap, and no shipped file names localhost', () => {
    const shipped = files(SUB_SITE).filter((f) => /\.(html|xml|json|js|css|txt|csv|svg)$/.test(f));
    expect(shipped.length).toBeGreaterThan(published.length);
    for (const f of shipped) expect(readFileSync(f, 'utf8'), relative(SUB_SITE, f)).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(read(SUB_SITE, 'rss.xml')).toContain(`<link>${SUB_ADDRESS}${SUB_BASE}cases/${sample}/</link>`);
    const locs = [...read(SUB_SITE, 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${SUB_ADDRESS}${SUB_BASE}about/`);
    expect(locs).toContain(`${SUB_ADDRESS}${SUB_BASE}cases/${sample}/`);
    for (const loc of locs) expect(loc.startsWith(`${SUB_ADDRESS}${SUB_BASE}`), loc).toBe(true);
    expect(locs.some((l) => l.includes('/handout/'))).toBe(false);
  });

  it('gives a local preview no canonical link rather than one to localhost', () => {
    expect(read(ROOT_SITE, `cases/${sample}/index.html`)).not.toContain('rel="canonical"');
  });
});

describe('who publishes the casebook', () => {
  it('has an about page with the publisher, editors, contact, how cases are written and reviewed, and the licence', () => {
    const about = read(SUB_SITE, 'about/index.html');
    for (const text of [SITE.publisher, ...SITE.editors, SITE.contact, SITE.licence.text.name, '案例怎样写成', '怎样审核', '怎样投稿'])
      expect(about).toContain(text);
  });

  it('names the about page, the licence and the build date in the footer of every page', () => {
    for (const path of ['index.html', `cases/${sample}/index.html`, 'search/index.html']) {
      const footer = /<footer[\s\S]*<\/footer>/.exec(read(SUB_SITE, path))![0];
      expect(footer, path).toContain(`href="${SUB_BASE}about/"`);
      expect(footer, path).toContain(SITE.licence.data.short);
      expect(footer, path).toMatch(/本站构建于<time datetime="\d{4}-\d{2}-\d{2}">\d{4}年\d{1,2}月\d{1,2}日<\/time>/);
    }
  });
});

describe('provenance of each case', () => {
  const git = gitDates(PROJECT_ROOT, fromRoot('content', 'cases'));
  const datesOf = (c: (typeof published)[number]) => {
    const fromGit = git.get(c.file);
    return { added: c.data.added ?? fromGit?.added, updated: c.data.updated ?? fromGit?.updated };
  };

  it('shows when the case joined the casebook and a citation line with its stable address', () => {
    for (const c of published) {
      const { added } = datesOf(c);
      // A checkout without git history has only the build date to show; then there is nothing to compare.
      if (!added) continue;
      const html = read(SUB_SITE, `cases/${c.data.id}/index.html`);
      expect(html, c.data.id).toContain(`收录于<time datetime="${added}">`);
      expect(html, c.data.id).toMatch(
        new RegExp(`<p class="cite-line">${c.data.editor}：《[^<]+》，${SITE.title}，[^<]+。${SUB_ADDRESS}${SUB_BASE}cases/${c.data.id}/</p>`),
      );
    }
  });

  it('orders the feed by the day each case joined, newest first, and dates its items by it', () => {
    const items = [...read(SUB_SITE, 'rss.xml').matchAll(/<item>[\s\S]*?<link>[^<]*\/cases\/([^/<]+)\/<\/link>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)].map(
      (m) => ({
        id: m[1]!,
        day: new Date(m[2]!).toISOString().slice(0, 10),
      }),
    );
    expect(items.map((i) => i.id).sort()).toEqual(published.map((c) => c.data.id).sort());
    const days = items.map((i) => i.day);
    expect(days).toEqual([...days].sort().reverse());
    for (const c of published) {
      const { added } = datesOf(c);
      if (added) expect(items.find((i) => i.id === c.data.id)?.day, c.data.id).toBe(added);
    }
  });
});
