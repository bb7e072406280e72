/**
 * The body safety rules, straight against the parser: everything that could run code or load
 * from another host is refused with a Chinese reason at the right line, and ordinary Chinese
 * prose, code and the allowed component pass.
 */
import { describe, expect, it } from 'vitest';
import { analyseBody, checkMdxBody, isScriptUrl } from '../../src/lib/mdx-safety.ts';
import { renderBody } from '../../src/lib/render-body.ts';

const lines = (body: string) => checkMdxBody(body).map((p) => `${p.line}  ${p.message}`);

describe('refused constructs', () => {
  const cases: [string, string, string[]][] = [
    ['import', '段落\n\nimport x from "y"', ['3  不允许 import 或 export 语句：案例正文只能写 Markdown，组件由网站提供，无须导入']],
    ['export', 'export default {}', ['1  不允许 import 或 export 语句：案例正文只能写 Markdown，组件由网站提供，无须导入']],
    ['an inline expression', '一\n二 {1 + 1} 三', ['2  不允许 {…} 表达式（包括 {/* 注释 */}）；要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”']],
    ['an MDX comment', '{/* 编者注 */}', ['1  不允许 {…} 表达式（包括 {/* 注释 */}）；要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”']],
    ['a script inside a list', '- 项目\n  <script src="/x.js"></script>', ['2  不允许 <script> 标签：正文不能含脚本、框架或样式']],
    ['an upper-case SCRIPT', '<SCRIPT>x</SCRIPT>', ['1  不允许 <SCRIPT> 标签：正文不能含脚本、框架或样式']],
    ['an attribute expression', '<Note title={x}>\n\n文\n\n</Note>', ['1  <Note> 的属性 title 不允许用 {…} 表达式，只能写带引号的文本']],
    ['a spread attribute', '<Note {...x}>\n\n文\n\n</Note>', ['1  <Note> 不允许 {…} 展开属性']],
    ['an unknown attribute', '<Note class="x">\n\n文\n\n</Note>', ['1  <Note> 不支持属性 class；可用：title']],
    ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))', ['1  不允许 javascript:alert(1) 这类脚本网址；链接只能用 http(s) 网址或站内路径']],
    ['an entity-encoded javascript: attribute', '<Note title="&#106;avascript:1">\n\n文\n\n</Note>', ['1  属性 title 不允许 javascript:1 这类脚本网址']],
    ['a data: image', '![x](data:image/svg+xml,abc)', ['1  不允许 data:image/svg+xml,abc 这类脚本网址；链接只能用 http(s) 网址或站内路径']],
    [
      'a protocol-relative image',
      '![x](//cdn.example.org/a.png)',
      ['1  不允许引用其他网站的图片 //cdn.example.org/a.png：网站不从其他网站加载任何内容，读者的访问不应被第三方记录'],
    ],
    ['a fragment', '<>文</>', ['1  不允许空标签 <>…</>']],
    ['a member component', '<Note.Inner />', ['1  不允许标签或组件 <Note.Inner>；只允许：<Note>（如果本意是“小于”，请写全角“＜”或“\\<”）']],
  ];
  it.each(cases)('%s', (_kind, body, expected) => {
    expect(lines(body)).toEqual(expected);
  });
});

describe('syntax errors are explained in terms of what the editor typed', () => {
  const cases: [string, string, string[]][] = [
    ['a less-than sign before a digit', '第一段\n\n收入<5万元', ['3  “<5万元”中的“<”会被当作标签的开头；表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”']],
    [
      'a less-than sign before Chinese at the end',
      '收入<五万元的村',
      ['1  “<五万元的村”中的“<”会被当作标签的开头；表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”'],
    ],
    ['a less-than-or-equal sign', 'x <=5', ['1  “<=5”中的“<”会被当作标签的开头；表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”']],
    ['an HTML comment', '一\n\n<!-- 备注 -->', ['3  MDX 不支持 HTML 注释“<!-- … -->”；请删去注释，给编辑的说明写在拉取请求里']],
    ['an autolink', '见 <https://example.org/>', ['1  MDX 不支持“<网址>”形式的自动链接（<https://exa…）；请写成 [链接文字](网址)']],
    [
      'an unclosed component',
      '一\n\n<Note>\n\n未闭合',
      ['3  <Note> 没有对应的结束标签 </Note>；组件要成对书写，如 <Note title="编者按">…</Note>，且开始和结束标签各占一段'],
    ],
    ['a stray closing tag', '</Note>', ['1  多出的结束标签，或结束标签与开始标签不配对；请检查 </…> 是否与前面的 <…> 一一对应']],
    ['an unclosed brace', '一 {二', ['1  “{”开始的内容不是合法的 MDX 表达式；正文不允许 {…} 表达式，要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”']],
    [
      'a style sheet that is not valid MDX',
      '<style>p { color: red }</style>',
      [
        '1  不允许 <style> 标签：正文不能含脚本、框架或样式',
        '1  “{”开始的内容不是合法的 MDX 表达式；正文不允许 {…} 表达式，要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”',
      ],
    ],
  ];
  it.each(cases)('%s', (_kind, body, expected) => {
    expect(lines(body)).toEqual(expected);
  });
});

describe('allowed', () => {
  it.each([
    ['escaped and full-width signs', '收入 \\<5 万元，收入＜5万元，写作 \\{括号\\} 或｛括号｝，1 > 0。'],
    ['a less-than sign between spaces', '收入 < 5 万元'],
    ['code', '`<script>` 和\n\n```html\n<iframe src="x"></iframe>\n<!-- 注释 -->\n```'],
    ['the Note component', '<Note title="编者按">\n\n**注意：**数字为约数。\n\n</Note>'],
    [
      'links to the site and to other sites',
      '[案例](/cases/a/)、[原文](https://example.org/a?b=1#c)、[邮件](mailto:a@example.org)\n\n[ref]: https://example.org/',
    ],
    ['a local image', '![图](./a.png)'],
  ])('%s', (_kind, body) => {
    expect(lines(body)).toEqual([]);
  });

  it('reports headings, links and images with their lines', () => {
    const { headings, links, images } = analyseBody('## 背景\n\n[a](/cases/x/)\n\n### 小节\n\n```\n## 不是标题\n```\n\n[r]: /cases/y/\n\n![图](./a.png)');
    expect(headings).toEqual([
      { depth: 2, text: '背景', line: 1 },
      { depth: 3, text: '小节', line: 5 },
    ]);
    expect(links).toEqual([
      { url: '/cases/x/', line: 3 },
      { url: '/cases/y/', line: 11 },
    ]);
    expect(images).toEqual([{ url: './a.png', line: 13 }]);
  });
});

describe('script URLs', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:x', ' java\tscript:x', 'java\u0000script:x', 'vbscript:x', 'data:text/html,x'])('refuses %j', (url) => {
    expect(isScriptUrl(url)).toBe(true);
  });
  it.each(['https://example.org/javascript:x', '/cases/javascript/', 'mailto:a@b.c'])('allows %j', (url) => {
    expect(isScriptUrl(url)).toBe(false);
  });
});

describe('the renderer (the casebook’s MDX compiler)', () => {
  const render = (body: string) => renderBody(body, { base: '/casebook/', images: new Map() });

  it('refuses what the check refuses, even when called without the check', () => {
    expect(() => render("import fs from 'node:fs'\n\n正文{fs.readFileSync('/etc/passwd')}\n")).toThrow(
      /正文含有不允许的内容，已停止编译：第 1 行：不允许 import 或 export 语句.*第 3 行：不允许 \{…\} 表达式/,
    );
    expect(() => render('![图](./photo.png)')).toThrow('图片 ./photo.png 没有经过检查，不能发布');
  });

  it('renders the Note component, tables and site links under the base', () => {
    const { html } = render('<Note title="编者按">\n\n**注意：**数字为约数。\n\n</Note>\n\n| 指标 | 数值 |\n| --- | --- |\n| 收入 | 5 |\n\n[案例](/cases/x/)');
    expect(html).toContain('<aside class="note"><p class="note-title">编者按</p><p><strong>注意：</strong>数字为约数。</p></aside>');
    expect(html).toContain('<td>收入</td>');
    expect(html).toContain('<a href="/casebook/cases/x/">案例</a>');
  });

  it('gives body headings ids that never take the page’s own section ids', () => {
    const { headings } = render('## metrics\n\n## source\n\n## 背景');
    expect(headings.map((h) => h.slug)).toEqual(['metrics-1', 'source-1', '背景']);
  });

  it('escapes text that looks like markup', () => {
    expect(render('a \\<script> & "b"').html).toBe('<p>a &#x3C;script> &#x26; "b"</p>');
  });
});
