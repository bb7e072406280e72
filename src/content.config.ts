import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema } from './schema/case.ts';
import { SITE } from './config.ts';

const cases = defineCollection({
  // The id in the frontmatter, not the file name, forms the URL; `npm run check` keeps them equal.
  loader: glob({
    pattern: '*.mdx',
    base: `./${SITE.casesDir}`,
    generateId: ({ entry, data }) => (typeof data['id'] === 'string' ? data['id'] : entry.replace(/\.mdx$/, '')),
  }),
  schema: caseSchema,
});

export const collections = { cases };
