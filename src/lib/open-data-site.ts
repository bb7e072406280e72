/**
 * The open data as this site publishes it: /data/cases.json and each /data/cases/<id>.json
 * take their options from here, so a case reads the same in both.
 */
import { SITE } from '../config.ts';
import type { OpenDataOptions } from './open-data.ts';
import { caseUrl } from './urls.ts';

export const openDataOptions = (): OpenDataOptions => ({
  licence: { text: SITE.licence.text.short, data: SITE.licence.data.short },
  buildDate: new Date(),
  // Absolute where the site's public address is known (CASEBOOK_SITE), so a file stands on its own.
  pageUrl: (id) => (SITE.address ? new URL(caseUrl(id), SITE.address).href : caseUrl(id)),
});

/**
 * A JSON file as the open data writes it, with a final newline. A single case's file is indented
 * for reading. The whole casebook's is compact: it is read by programs, and at 10,000 cases
 * indents made it 117 MB instead of 66 MB and took twice as long to write on every build.
 */
export const jsonResponse = (body: unknown, layout: 'indented' | 'compact' = 'indented'): Response =>
  new Response(`${layout === 'indented' ? JSON.stringify(body, null, 2) : JSON.stringify(body)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
