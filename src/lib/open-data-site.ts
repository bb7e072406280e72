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

/** A JSON file as the open data writes it: two-space indents and a final newline. */
export const jsonResponse = (body: unknown): Response =>
  new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
