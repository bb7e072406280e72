/**
 * The search records of every published case, for the build hook that hands them to Pagefind
 * (src/integrations/casebook.ts) and then deletes this file from the output: readers search
 * the index, never this file.
 */
import { publishedCases } from '../lib/cases.ts';
import { searchRecord } from '../lib/search-record.ts';
import { regionSortKey } from '../lib/facets.ts';

export const SEARCH_RECORDS_FILE = 'search-records.json';

export async function GET() {
  const records = [];
  for (const entry of await publishedCases()) {
    // Rendered by the content loader already; render() only wraps the stored HTML.
    const html = entry.rendered?.html ?? '';
    records.push(searchRecord(entry.data, html, `/cases/${entry.id}/`, regionSortKey(entry.data.region.code)));
  }
  return new Response(JSON.stringify(records), { headers: { 'content-type': 'application/json' } });
}
