/**
 * Reads the CSV the site writes (RFC 4180, BOM, CRLF) back into records keyed by header, so
 * tests compare what an analyst's spreadsheet would see rather than the raw lines.
 */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  if (!header) throw new Error('CSV 没有表头');
  for (const r of body) if (r.length !== header.length) throw new Error(`CSV 行的列数 ${r.length} 与表头 ${header.length} 不符：${r.join(',')}`);
  return body.map((r) => Object.fromEntries(header.map((key, i) => [key, r[i]!])));
}
