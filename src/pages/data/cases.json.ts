import { SITE } from '../../config.ts';
import { publishedCases } from '../../lib/cases.ts';
import { openData } from '../../lib/open-data.ts';
import { caseUrl } from '../../lib/urls.ts';

export async function GET() {
  const cases = (await publishedCases()).map((c) => c.data);
  const body = openData(cases, { licence: SITE.licence, buildDate: new Date(), pageUrl: caseUrl });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
