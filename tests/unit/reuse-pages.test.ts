/**
 * Reusing the published site's pages in a rebuild (src/lib/reuse-pages.ts): a page is taken from
 * the published version only when that version is the one Astro's manifest describes, a taken
 * page is a link that nothing writes through, and a page rendered again or no longer generated
 * loses its link first. The whole rebuild is checked against a cold build in
 * tests/site/reuse-pages.test.ts.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { linkPages, manifestPages, previousPages, recordPublished, reusableVersion, reusingPrerenderer, routePathname } from '../../src/lib/reuse-pages.ts';
import { BUILDS } from '../helpers/site.ts';

const WORK = join(BUILDS, 'unit-reuse-pages');

/** A manifest in the shape Astro 7 writes it (astro/dist/core/build/incremental.js). */
const manifest = (paths: Record<string, string>, version = 1) =>
  JSON.stringify({
    version,
    configHash: 'c',
    lockfileHash: 'l',
    routes: {
      'src/pages/cases/[id].astro': {
        dependencyHash: 'd',
        paths: Object.fromEntries(Object.entries(paths).map(([p, outputFile]) => [p, { cacheKey: 'k', outputFile }])),
      },
    },
  });

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('the pages of a manifest', () => {
  it('lists each path with its output file, and nothing from a manifest it does not know', () => {
    const pages = manifestPages(manifest({ '/cases/a/': 'cases/a/index.html', '/data/cases/a.json': 'data/cases/a.json' }));
    expect([...pages]).toEqual([
      ['/cases/a/', 'cases/a/index.html'],
      ['/data/cases/a.json', 'data/cases/a.json'],
    ]);
    expect(manifestPages(manifest({ '/cases/a/': 'cases/a/index.html' }, 2)).size).toBe(0);
    expect(manifestPages('{').size).toBe(0);
    // An output file outside the output folder is never linked or removed.
    expect([...manifestPages(manifest({ '/x/': '../../x.html', '/y/': '/etc/y' })).keys()]).toEqual([]);
  });

  it('finds a page by the URL Astro renders it at, at the root and under a sub-path', () => {
    expect(routePathname('http://localhost:4321/cases/a/', '/')).toBe('/cases/a/');
    expect(routePathname('http://localhost:4321/casebook/cases/a/', '/casebook/')).toBe('/cases/a/');
    expect(routePathname('http://localhost:4321/casebook/data/cases/a.json', '/casebook')).toBe('/data/cases/a.json');
    expect(routePathname('http://localhost:4321/casebook/regions/%E6%B5%99/', '/casebook/')).toBe('/regions/浙/');
  });
});

describe('which published version may be reused', () => {
  it('only the version recorded with the manifest as it is now', () => {
    const cache = join(WORK, 'cache');
    rmSync(WORK, { recursive: true, force: true });
    write(join(cache, 'incremental-build.json'), manifest({ '/cases/a/': 'cases/a/index.html' }));
    expect(reusableVersion(cache, '/site/v1')).toBeUndefined();
    recordPublished(cache, '/site/v1');
    expect(reusableVersion(cache, '/site/v1')).toBe('/site/v1');
    // Another version is published (a build that did not record), or none is.
    expect(reusableVersion(cache, '/site/v2')).toBeUndefined();
    expect(reusableVersion(cache, undefined)).toBeUndefined();
    // A build that failed after Astro wrote its manifest: the published version no longer matches it.
    write(join(cache, 'incremental-build.json'), manifest({ '/cases/a/': 'cases/a/index.html', '/cases/b/': 'cases/b/index.html' }));
    expect(reusableVersion(cache, '/site/v1')).toBeUndefined();
    expect([...previousPages(cache).keys()]).toEqual(['/cases/a/', '/cases/b/']);
  });
});

describe('linking and unlinking pages', () => {
  it('links the pages, and never writes into the published version', async () => {
    rmSync(WORK, { recursive: true, force: true });
    const published = join(WORK, 'published');
    const staging = join(WORK, 'staging');
    write(join(published, 'cases/a/index.html'), 'a, as published');
    write(join(published, 'cases/b/index.html'), 'b, as published');
    write(join(published, 'cases/gone/index.html'), 'a deleted case');
    write(join(published, 'cases/c/index.html'), 'c, as published');
    mkdirSync(staging);
    const pages = manifestPages(
      manifest({
        '/cases/a/': 'cases/a/index.html',
        '/cases/b/': 'cases/b/index.html',
        '/cases/gone/': 'cases/gone/index.html',
        '/cases/lost/': 'cases/lost/index.html',
        // A path the manifest spells unlike the URL: the page's file is still found.
        '/cases/c/?': 'cases/c/index.html',
      }),
    );

    const linked = linkPages(published, staging, pages);
    // One page missing from the published version is left to Astro.
    expect([...linked.keys()]).toEqual(['/cases/a/', '/cases/b/', '/cases/gone/', '/cases/c/?']);
    expect(statSync(join(staging, 'cases/a/index.html')).ino).toBe(statSync(join(published, 'cases/a/index.html')).ino);

    // Astro's own prerenderer, as far as this wrapper sees it: paths, and a render it follows by a write.
    const rendered: string[] = [];
    const inner: AstroPrerenderer = {
      name: 'astro:default',
      getStaticPaths: async () => ['/cases/a/', '/cases/b/', '/cases/c/?'].map((pathname) => ({ pathname, route: {} as never })),
      render: async (request) => {
        rendered.push(request.url);
        return new Response('b, rendered again');
      },
    };
    const wrapped = reusingPrerenderer(inner, { staging, base: '/casebook/', linked });
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/cases/a/', '/cases/b/', '/cases/c/?']);
    expect(existsSync(join(staging, 'cases/gone/index.html'))).toBe(false);

    const response = await wrapped.render(new Request('http://localhost/casebook/cases/b/'), { routeData: {} as never });
    writeFileSync(join(staging, 'cases/b/index.html'), await (response as Response).text());
    await wrapped.render(new Request('http://localhost/casebook/cases/c/'), { routeData: {} as never });
    writeFileSync(join(staging, 'cases/c/index.html'), 'c, rendered again');
    expect(rendered).toEqual(['http://localhost/casebook/cases/b/', 'http://localhost/casebook/cases/c/']);
    expect(readFileSync(join(published, 'cases/c/index.html'), 'utf8')).toBe('c, as published');
    expect(readFileSync(join(staging, 'cases/b/index.html'), 'utf8')).toBe('b, rendered again');
    expect(readFileSync(join(published, 'cases/b/index.html'), 'utf8')).toBe('b, as published');
    expect(readFileSync(join(published, 'cases/gone/index.html'), 'utf8')).toBe('a deleted case');
    expect(readFileSync(join(staging, 'cases/a/index.html'), 'utf8')).toBe('a, as published');
  });
});
