import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the real site once (root and sub-path) before any test that reads dist output.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds and Chromium are heavy; two cores do not gain from more parallel files.
    fileParallelism: false,
  },
});
