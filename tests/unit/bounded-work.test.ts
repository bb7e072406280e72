/**
 * No body under the size limit makes the check crash, recurse past the stack or run on: each
 * of these inputs (just under 128 KB, the shapes that make Markdown parsers quadratic or deep)
 * is checked within vitest's ten-second limit per input. On this 2-core machine the slowest
 * takes about three seconds, growing linearly with size (measured when the limits were set).
 */
import { describe, expect, it } from 'vitest';
import { checkCaseText, MAX_FILE_BYTES } from '../../src/lib/validate.ts';
import { caseText, validCase, VALID_BODY } from '../helpers/case-text.ts';

const room = MAX_FILE_BYTES - 4_000;
const fill = (unit: string) => unit.repeat(Math.floor(room / Buffer.byteLength(unit)));

const SHAPES: [string, string][] = [
  ['emphasis openers, one per line', fill('*a\n')],
  ['emphasis in short paragraphs', fill(`${'*a'.repeat(290)}\n\n`)],
  ['unclosed brackets', fill('[a\n\n')],
  ['links in short paragraphs', fill(`${'[a](/cases/x/) '.repeat(40)}\n\n`)],
  ['a long table', `| 指标 | 数值 |\n| --- | --- |\n${fill('| 1 | 2 |\n')}`],
  ['many headings', fill('### 小节\n')],
  ['many reference definitions', fill('[d]: /x/\n')],
  ['nested notes', `${'<Note>\n\n'.repeat(3000)}深处${'\n\n</Note>'.repeat(3000)}`],
  ['less-than signs', fill('<\n')],
  ['open braces', fill('{\n')],
  ['backslashes', fill('\\\\\n')],
  ['block quotes nested to the limit', fill('> > > > > 引用\n\n')],
  ['list items', fill('- 项\n')],
  ['three-level lists in a row', fill('- a\n  - b\n    - c\n\n')],
  ['block quotes in a row', fill('> 引用\n\n')],
  ['code fences', fill('```\n')],
  ['entities', fill('&amp;&#x4e00;\n')],
];

describe('bounded work on hostile bodies under the size limit', () => {
  it.each(SHAPES)(
    '%s',
    (_shape, body) => {
      const text = caseText({ ...validCase(), id: 'hostile' }, VALID_BODY + '\n' + body);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      const result = checkCaseText('hostile.mdx', text);
      for (const p of result.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    },
    10_000,
  );
});
