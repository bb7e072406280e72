/**
 * In `npm run dev`, the content problems the case loader found, as a collection the pages can
 * show (the layout's banner): an editor sees the Chinese `file:line 字段 说明` lines on the page
 * itself, not only in the terminal, and the broken case is gone rather than stale. The case
 * loader publishes each check's problems here; both loaders are made in content.config.ts, so
 * they share this object. A build stops on problems, so there this collection stays empty.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import type { Problem } from '../lib/validate.ts';

export const problemSchema = z.object({ file: z.string(), line: z.number(), field: z.string(), message: z.string() });

export interface ContentReport {
  publish(problems: readonly Problem[]): void;
  loader: Loader;
}

export function contentReport(): ContentReport {
  let store: LoaderContext['store'] | undefined;
  let latest: readonly Problem[] = [];
  const write = () => {
    if (!store) return;
    store.clear();
    latest.forEach((p, i) => store!.set({ id: String(i).padStart(5, '0'), data: { ...p } }));
  };
  return {
    publish(problems) {
      latest = problems;
      write();
    },
    loader: {
      name: 'casebook-content-report',
      load: async (context) => {
        store = context.store;
        write();
      },
    },
  };
}
