/**
 * A rebuild takes the pages that did not change from the published site by hard link, instead of
 * letting Astro copy each one from its incremental-build cache. At 10,000 cases that copy is
 * 24,000 files and some 400 MB written on every rebuild: in a one-case rebuild, writing the pages
 * took 29–33 s with the copies and 17–22 s with links (scripts/bench/notes.md).
 *
 * How it works, and why it is safe:
 * - Astro leaves a page it can skip alone when the file is already in the output folder (and
 *   copies it from its cache only when it is not). Before the pages are generated, every page
 *   Astro's manifest lists is linked from the published version into the fresh staging folder.
 * - A link shares its file with the published site, so nothing may ever write into it: a page
 *   Astro renders again has its link removed just before it is rendered, and Astro then writes
 *   a new file. A page that is no longer generated (a deleted case) has its link removed once
 *   the paths are known. Nothing else in a build writes to a page file.
 * - The published version must be exactly what Astro's manifest describes, or a skipped page
 *   would keep a stale file. A build that published records which version it published and a
 *   digest of the manifest it left; a build reuses the published version only when both still
 *   match (a build that failed after Astro wrote its manifest breaks the match).
 * Anything unexpected (no record, an Astro manifest of another version, a file that cannot be
 * linked) leaves that page to Astro's own copy.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AstroPrerenderer } from 'astro';

/** Astro's incremental-build manifest in the cache folder (astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
const ASTRO_MANIFEST_VERSION = 1;
/** Which published version matches Astro's manifest, written after publishing. */
const PUBLISHED_RECORD = 'published-pages.json';

/** The pages Astro's manifest lists, by pathname (as its routes return them), with their output files. */
export function manifestPages(manifestJson: string): Map<string, string> {
  const pages = new Map<string, string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestJson);
  } catch {
    return pages;
  }
  const { version, routes } = (manifest ?? {}) as { version?: unknown; routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  if (version !== ASTRO_MANIFEST_VERSION || !routes) return pages;
  for (const route of Object.values(routes))
    for (const [pathname, { outputFile }] of Object.entries(route.paths ?? {}))
      if (typeof outputFile === 'string' && !outputFile.startsWith('/') && !outputFile.split('/').includes('..')) pages.set(pathname, outputFile);
  return pages;
}

const digestOf = (file: string): string | undefined => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined);

/** After publishing `version`: it is the site Astro's manifest in `cacheDir` describes. */
export function recordPublished(cacheDir: string, version: string): void {
  const record = join(cacheDir, PUBLISHED_RECORD);
  try {
    const manifest = digestOf(join(cacheDir, ASTRO_MANIFEST));
    if (!manifest) rmSync(record, { force: true });
    else writeFileSync(record, JSON.stringify({ version, manifest }));
  } catch {
    // The site is published either way; without a record the next build copies from Astro's cache.
  }
}

/** The published version, when it is still the site Astro's manifest describes. */
export function reusableVersion(cacheDir: string, published: string | undefined): string | undefined {
  if (!published) return undefined;
  try {
    const record = JSON.parse(readFileSync(join(cacheDir, PUBLISHED_RECORD), 'utf8')) as { version?: unknown; manifest?: unknown };
    return record.version === published && record.manifest === digestOf(join(cacheDir, ASTRO_MANIFEST)) ? published : undefined;
  } catch {
    return undefined;
  }
}

/** The pages of the manifest in `cacheDir`, or none when there is none. */
export function previousPages(cacheDir: string): Map<string, string> {
  const file = join(cacheDir, ASTRO_MANIFEST);
  return existsSync(file) ? manifestPages(readFileSync(file, 'utf8')) : new Map();
}

/**
 * Links each page from the published version into the staging folder, and returns the pages it
 * linked. Done in one go before Vite bundles: 24,000 links took about 1 s at 10,000 cases, and
 * making them asynchronously alongside the bundling slowed it by more than that
 * (scripts/bench/notes.md).
 */
export function linkPages(published: string, staging: string, pages: ReadonlyMap<string, string>): Map<string, string> {
  const linked = new Map<string, string>();
  const made = new Set<string>();
  for (const [pathname, file] of pages) {
    const to = join(staging, file);
    try {
      if (!made.has(dirname(to))) mkdirSync(dirname(to), { recursive: true });
      made.add(dirname(to));
      linkSync(join(published, file), to);
      linked.set(pathname, file);
    } catch {
      // Missing in the published version, or a file system without hard links: Astro copies it.
    }
  }
  return linked;
}

/**
 * The pathname Astro's routes gave a page, from the URL Astro renders it at: the URL starts with
 * the site's base (astro/dist/core/build/generate.js, getUrlForPath).
 */
export function routePathname(url: string, base: string): string {
  const path = decodeURI(new URL(url).pathname);
  const prefix = base.replace(/\/$/, '');
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}

/** Removes `folder` (relative to `root`) and then its parents, as long as they are empty. */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (; folder !== '.' && folder !== '/'; folder = dirname(folder)) {
    try {
      await rmdir(join(root, folder));
    } catch {
      return;
    }
  }
}

/**
 * Wraps Astro's prerenderer so that the linked pages are never written through: a page whose path
 * is no longer generated loses its link when the paths are known, and a page that is rendered
 * again loses it just before rendering.
 */
export function reusingPrerenderer(
  inner: AstroPrerenderer,
  { staging, base, linked }: { staging: string; base: string; linked: ReadonlyMap<string, string> },
): AstroPrerenderer {
  const linkedFiles = new Set(linked.values());
  const unlink = (files: readonly (string | undefined)[]) =>
    Promise.all(files.filter((file) => file !== undefined && linkedFiles.has(file)).map((file) => rm(join(staging, file!), { force: true })));
  /**
   * The linked files a rendered page may be written to: the one the manifest names for its path,
   * and, should that ever miss, the one its URL maps to (a folder's index.html, or the file itself).
   */
  const filesOf = (pathname: string) => {
    const relative = pathname.slice(1);
    return [linked.get(pathname), relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative, `${relative}/index.html`];
  };
  return {
    name: `${inner.name}+casebook:reuse-pages`,
    setup: async () => inner.setup?.(),
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      const generated = new Set(paths.map(({ pathname }) => pathname));
      const gone = [...linked].filter(([pathname]) => !generated.has(pathname));
      await unlink(gone.map(([, file]) => file));
      // And the folders linking made for them (cases/<id>/), when nothing else is in them.
      for (const [, file] of gone) await removeEmptyFolders(staging, dirname(file));
      return paths;
    },
    async render(request, options) {
      await unlink(filesOf(routePathname(request.url, base)));
      return inner.render(request, options);
    },
    ...(inner.collectStaticImages && { collectStaticImages: () => inner.collectStaticImages!() }),
    teardown: async () => inner.teardown?.(),
  };
}
