import { publishedCases } from '../../lib/cases.ts';
import { openData } from '../../lib/open-data.ts';
import { jsonResponse, openDataOptions } from '../../lib/open-data-site.ts';

export async function GET() {
  const cases = (await publishedCases()).map((c) => c.data);
  return jsonResponse(openData(cases, openDataOptions()), 'compact');
}
