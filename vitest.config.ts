import { defineConfig } from 'vitest/config';

/**
 * Three projects, so a change can be tested at the speed it needs:
 *   unit     pure logic and the command-line tools, no site build (npm run test:unit, seconds);
 *   site     real Astro builds, the real Pagefind index, the dev server (npm run test:site);
 *   browser  Chromium against the built sites (npm run test:browser).
 * `npm test` runs all three. The site and browser projects build the test sites once per run
 * (tests/helpers/global-setup.ts), so each of their files also passes when run alone.
 */
export default defineConfig({
  test: {
    // Vitest's default leaves one core free; this machine has two and the unit tests want both.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The browser tests wait for what a reader would see. On a busy two-core CI machine results can
    // take seconds to appear, and expect.poll's 1 s default would fail a slow run that is not wrong.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      // Unit files share nothing on disk, so they run side by side; builds and Chromium are heavy,
      // and two cores do not gain from running them in parallel. Unit files change no module
      // state (no mocks, no environment), so they share one module cache per worker instead of
      // loading remark, OpenCC and the gazetteer again for every file (49 s → 28 s).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'], fileParallelism: false } },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'], fileParallelism: false },
      },
    ],
  },
});
