import { publishedCases } from '../../lib/cases.ts';
import { toCsv } from '../../lib/csv.ts';
import { caseColumns } from '../../lib/export.ts';

export async function GET() {
  const cases = (await publishedCases()).map((c) => c.data);
  return new Response(toCsv(cases, caseColumns), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
