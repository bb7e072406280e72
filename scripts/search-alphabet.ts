/**
 * Writes src/lib/search-alphabet.ts: the characters search tokens spell in two letters instead
 * of three (src/lib/search-tokens.ts). They are the digits and the Chinese characters the
 * casebook's own texts use most (content/cases and content/measures.yaml, by count, ties by
 * code point). The list is fixed once written: a record's tokens must not change when another
 * case is added, and the browser spells queries with the same list. Rerun it when the texts
 * have moved far from the ones it was made from; any list is correct, a good one is shorter.
 *
 *   node scripts/search-alphabet.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../src/lib/paths.ts';
import { SHORT_CODES } from '../src/lib/search-tokens.ts';

const DIGITS = '0123456789';
// The casebook's own cases, not CASEBOOK_CASES_DIR's: a bench corpus would tune the list to itself.
const casesDir = fromRoot('content', 'cases');
const files = [
  ...readdirSync(casesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => join(casesDir, f)),
  fromRoot('content', 'measures.yaml'),
];
const counts = new Map<string, number>();
for (const file of files) for (const c of readFileSync(file, 'utf8')) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
const han = [...counts]
  .sort(([a, m], [b, n]) => n - m || a.codePointAt(0)! - b.codePointAt(0)!)
  .map(([c]) => c)
  .slice(0, SHORT_CODES - DIGITS.length);

const lines = (han.join('').match(/.{1,60}/gu) ?? []).map((line) => `  '${line}',`);
const out = fromRoot('src', 'lib', 'search-alphabet.ts');
writeFileSync(
  out,
  `/**
 * The characters search tokens spell in two letters (search-tokens.ts): the digits, then the
 * ${han.length} Chinese characters the casebook's texts used most when it was written. Made by
 * scripts/search-alphabet.ts; changing it changes every token, which a full build rewrites.
 */
export const FREQUENT_CHARACTERS = [
  '${DIGITS}',
${lines.join('\n')}
].join('');
`,
);
console.log(`已写入 ${out}：${DIGITS.length} 个数字和 ${han.length} 个汉字`);
