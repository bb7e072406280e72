/** Measures and places by name and pinyin, for the search page's suggestions (src/lib/search-names.ts). */
import { publishedCases } from '../lib/cases.ts';
import { searchNames } from '../lib/search-names.ts';

export async function GET() {
  const cases = await publishedCases();
  return new Response(JSON.stringify(searchNames(cases.map((c) => c.data))), { headers: { 'content-type': 'application/json' } });
}
