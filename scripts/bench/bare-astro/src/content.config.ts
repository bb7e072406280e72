// Astro's own glob() loader over the benchmark's generated cases, with no schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: process.env['BARE_CORPUS'] ?? 'corpus' }) }),
};
