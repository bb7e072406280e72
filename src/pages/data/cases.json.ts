import { SITE } from '../../config.ts';
import { publishedCases } from '../../lib/cases.ts';
import { openData } from '../../lib/open-data.ts';
import { caseUrl } from '../../lib/urls.ts';

// Absolute where the site's public address is known (CASEBOOK_SITE), so the file stands on its own.
const pageUrl = (id: string) => (SITE.address ? new URL(caseUrl(id), SITE.address).href : caseUrl(id));

export async function GET() {
  const cases = (await publishedCases()).map((c) => c.data);
  const body = openData(cases, { licence: { text: SITE.licence.text.short, data: SITE.licence.data.short }, buildDate: new Date(), pageUrl });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
