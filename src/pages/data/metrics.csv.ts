import { publishedCases } from '../../lib/cases.ts';
import { toCsv } from '../../lib/csv.ts';
import { metricColumns, metricRows } from '../../lib/export.ts';

export async function GET() {
  const cases = (await publishedCases()).map((c) => c.data);
  return new Response(toCsv(metricRows(cases), metricColumns), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
