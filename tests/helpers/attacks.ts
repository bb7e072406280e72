/**
 * Case files written by an attacker, each with the exact Chinese lines `npm run check` and the
 * build must answer with. Every script among them writes a marker file when it runs, so a test
 * can prove that nothing in a case folder is ever executed.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseText, validCase, VALID_BODY } from './case-text.ts';
import { BODY_LIMITS } from '../../src/lib/mdx-safety.ts';

export interface Attack {
  /** Case id and file name. */
  name: string;
  /** The case file's text (or bytes). */
  text: string | Buffer;
  /** Other files beside it: name → content; a name ending in / is a folder. */
  files?: Record<string, string | Buffer>;
  /** Symbolic links beside it: name → target. */
  links?: Record<string, string>;
  /** Expected problems as [file name in the folder, line, field, message]. */
  expected: [string, number, string, string][];
}

/** A file beside the attack folder that no output may ever show; writeAttacks writes it. */
export const SECRET_FILE = 'secret.txt';
export const SECRET = 'SECRET-7f3a9c-不应出现在任何输出里';

/** JavaScript that leaves evidence of having run. */
export const markerScript = (marker: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'executed');\nexport default '/x.png';\n`;

const withBody = (name: string, add: string, change: (d: Record<string, unknown>) => void = () => {}) => {
  const data = { ...validCase(), id: name };
  change(data);
  return caseText(data, VALID_BODY.replace('## 成效', `${add}\n\n## 成效`));
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const withLine = (name: string, line: string, replace: RegExp) => caseText({ ...validCase(), id: name }).replace(replace, line);

const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';
const NOT_RASTER = '的内容不是 PNG、JPEG、WebP、GIF 或 AVIF 图片（不看扩展名，看文件内容）；请用图片软件另存为 JPEG 或 PNG';
const BAD_IMAGE_FORM = '的写法不允许：只能引用与案例放在同一文件夹里的图片，写成 ./文件名.jpg（不能有子文件夹、..、绝对路径、?、#、%）';
const OTHER_HOST = '：网站不从其他网站加载任何内容，读者的访问不应被第三方记录';
const SUBFOLDER = '案例文件夹里不能有子文件夹；案例和它的图片直接放在案例文件夹里';
const HIDDEN = '不允许以“.”开头的隐藏文件或文件夹；请删去或改名';
const SYMLINK = '不允许符号链接：内容文件夹里只放真实的文件（符号链接可以指向构建机器上的任何文件）';
const CONTAINERS = `列表和引用的行（按嵌套层数累计）超过 ${BODY_LIMITS.containerLines}，无法可靠排版；请精简列表和引用`;
const INVISIBLE = (what: string) => `含有不可见的${what}，不允许；多半是从网页或其他软件复制带来的，请删去后重新输入这一处`;

/** The attacks from the adversarial round (issue 8), then ten more of the same kinds. */
export function attacks(marker: string): Attack[] {
  const script = markerScript(marker);
  const list: Attack[] = [];
  const body = (name: string, add: string, needle: string, messages: string[], extra: Partial<Attack> = {}) => {
    const text = withBody(name, add);
    list.push({
      name,
      text,
      ...extra,
      expected: [...(extra.expected ?? []), ...messages.map((m): [string, number, string, string] => [`${name}.mdx`, lineOf(text, needle), '正文', m])],
    });
  };

  // Images that are code, files elsewhere, or other hosts.
  body('image-reference-to-script', '![图][logo]\n\n[logo]: ./assets/logo.js', '[logo]:', [`图片 ./assets/logo.js ${BAD_IMAGE_FORM}`], {
    files: { 'assets/': '', 'assets/logo.js': script },
    expected: [['assets', 1, '文件', SUBFOLDER]],
  });
  body('dotfile-image', '![图](./.x)', '![图]', ['图片文件名 .x 以“.”开头（隐藏文件），不允许；请改名'], {
    files: { '.x': script },
    expected: [['.x', 1, '文件', HIDDEN]],
  });
  body('path-traversal', '![图](../../../../etc/passwd?raw)', '![图]', [`图片 ../../../../etc/passwd?raw ${BAD_IMAGE_FORM}`]);
  // The same, at a file the test wrote beside the folder (SECRET_FILE), so a leak would show.
  body('traversal-to-secret', `![图](../${SECRET_FILE}?raw)`, '![图]', [`图片 ../${SECRET_FILE}?raw ${BAD_IMAGE_FORM}`]);
  body('svg-as-png', '![图](./svg-as-png.png)', '![图]', [`图片 svg-as-png.png ${NOT_RASTER}`], { files: { 'svg-as-png.png': SVG_WITH_SCRIPT } });
  body('remote-image-reference', '![图][r]\n\n[r]: https://example.org/a.png', '[r]:', [`不允许引用其他网站的图片 https://example.org/a.png${OTHER_HOST}`]);

  // Bodies that make parsers recurse or go quadratic.
  const quotes = '> '.repeat(5000) + 'x';
  body('deep-quote', quotes, quotes, [
    `这一行有 ${quotes.length} 个字符，超过上限 ${BODY_LIMITS.lineLength}；请分成几段`,
    `引用（>）和列表嵌套了约 7500 层，超过上限 ${BODY_LIMITS.nesting} 层；请减少嵌套`,
    CONTAINERS,
  ]);
  const items = '- '.repeat(5000) + 'x';
  body('deep-list', items, items, [
    `这一行有 ${items.length} 个字符，超过上限 ${BODY_LIMITS.lineLength}；请分成几段`,
    `引用（>）和列表嵌套了约 7500 层，超过上限 ${BODY_LIMITS.nesting} 层；请减少嵌套`,
    CONTAINERS,
  ]);
  const stars = '*a\n'.repeat(30_000);
  body('emphasis-flood', stars, stars, [
    `这一段的 Markdown 标记（* _ [ ] \` ~）超过 ${BODY_LIMITS.marksPerParagraph} 个，无法可靠排版；请分段或删去多余的标记`,
  ]);
  const flood = withBody('emphasis-flood-213kb', '*a'.repeat(100_000));
  list.push({
    name: 'emphasis-flood-213kb',
    text: flood,
    expected: [['emphasis-flood-213kb.mdx', 1, '文件', `文件太大（0.2 MB），上限 128 KB；请删去多余内容或拆成几个案例`]],
  });

  // Frontmatter that parsers read differently.
  const tagged = withLine('js-function-tag', "title: !!js/function 'function () { return 1 }'", /^title: .*$/m);
  list.push({
    name: 'js-function-tag',
    text: tagged,
    expected: [
      [
        'js-function-tag.mdx',
        lineOf(tagged, 'title:'),
        'title',
        'YAML 格式错误：不允许 !!js/function 这类标签；请去掉“!”开头的标签，直接写值（日期等需要时加引号）',
      ],
    ],
  });
  const nul = withLine('nul-in-title', 'title: 测试镇：选派\u0000企业干部回村', /^title: .*$/m);
  list.push({ name: 'nul-in-title', text: nul, expected: [['nul-in-title.mdx', lineOf(nul, 'title:'), 'title', INVISIBLE('控制字符（U+0000）')]] });
  const del = withBody('del-in-body', '镇里\u007f开会');
  list.push({ name: 'del-in-body', text: del, expected: [['del-in-body.mdx', lineOf(del, '镇里'), '正文', INVISIBLE('控制字符（U+007F）')]] });
  const directive = caseText({ ...validCase(), id: 'yaml-directive' }).replace(/^---\n/, '---\n%YAML 1.1\n');
  list.push({
    name: 'yaml-directive',
    text: directive,
    expected: [['yaml-directive.mdx', 2, 'frontmatter', 'YAML 格式错误：不允许 % 开头的 YAML 指令（如 %YAML）；请删去这一行']],
  });
  list.push({
    name: 'two-boms',
    text: `\uFEFF\uFEFF${caseText({ ...validCase(), id: 'two-boms' })}`,
    expected: [['two-boms.mdx', 1, 'frontmatter', INVISIBLE('多余的字节顺序标记 BOM（U+FEFF）')]],
  });
  list.push({
    name: 'lone-cr',
    text: caseText({ ...validCase(), id: 'lone-cr' }).replace(/\n/g, '\r'),
    expected: [['lone-cr.mdx', 1, '文件', '文件用了单独的 CR 作换行符（旧式 Mac 格式）；请在编辑器里把换行符改为 LF 后保存']],
  });
  const feb30 = caseText({ ...validCase(), id: 'impossible-date', source: { ...(validCase()['source'] as object), date: '2014-02-30' } });
  list.push({
    name: 'impossible-date',
    text: feb30,
    expected: [['impossible-date.mdx', lineOf(feb30, '  date:'), 'source.date', '“2014-02-30” 不是日历上存在的日期']],
  });
  list.push({
    name: 'dangling-symlink',
    text: '',
    links: { 'dangling-symlink.mdx': '/no/such/file.mdx' },
    expected: [['dangling-symlink.mdx', 1, '文件', SYMLINK]],
  });

  // Ten more of the same kinds.
  const bidi = withLine('bidi-title', 'title: 测试镇：选派\u202e企业干部回村', /^title: .*$/m);
  list.push({
    name: 'bidi-title',
    text: bidi,
    expected: [['bidi-title.mdx', lineOf(bidi, 'title:'), 'title', INVISIBLE('文字方向控制符（U+202E），它会让文字显示得与实际内容不同')]],
  });
  const escaped = withLine('escaped-nul', 'title: "测试镇：选派\\0企业干部回村"', /^title: .*$/m);
  list.push({ name: 'escaped-nul', text: escaped, expected: [['escaped-nul.mdx', lineOf(escaped, 'title:'), 'title', INVISIBLE('控制字符（U+0000）')]] });
  body('symlink-image', '![图](./symlink-image.png)', '![图]', ['图片 symlink-image.png 是符号链接，不允许；请放入图片文件本身'], {
    links: { 'symlink-image.png': `../${SECRET_FILE}` },
    expected: [['symlink-image.png', 1, '文件', SYMLINK]],
  });
  body('percent-traversal', '![图](./%2e%2e%2fsecret.png)', '![图]', [`图片 ./%2e%2e%2fsecret.png ${BAD_IMAGE_FORM}`]);
  body('dead-measure-link', '[措施](/measures/no-such-measure/)', '[措施]', [
    '链接 /measures/no-such-measure/ 指向网站上不存在的页面；站内链接请用现有页面的路径，如 /cases/案例id/、/measures/措施id/、/years/2020/',
  ]);
  body('relative-link', '[密码](../../etc/passwd)', '[密码]', [
    '链接 ../../etc/passwd 是相对路径，在案例页上会指错地方；站内链接请以 / 开头，如 /cases/案例id/',
  ]);
  body('file-url', '[密码](file:///etc/passwd)', '[密码]', ['不允许 file:///etc/passwd 这类脚本网址；链接只能用 http(s) 网址或站内路径']);
  body('inline-svg', '<svg><script>alert(1)</script></svg>', '<svg>', [
    '不允许 <svg> 标签：正文不能含脚本、框架或样式',
    '不允许 <script> 标签：正文不能含脚本、框架或样式',
  ]);
  const nested = '<Note>\n\n'.repeat(60) + '深处' + '\n\n</Note>'.repeat(60);
  body('nested-notes', nested, '深处', [`组件或列表嵌套超过 ${BODY_LIMITS.treeDepth} 层；请减少嵌套`]);
  body(
    'script-as-image',
    '![图](./run.mjs)',
    '![图]',
    ['run.mjs 不是允许的图片文件：只能用 PNG、JPEG、WebP、GIF、AVIF 图片（.png .jpg .jpeg .webp .gif .avif）'],
    {
      files: { 'run.mjs': script },
      expected: [['run.mjs', 1, '文件', '案例文件的扩展名应为 .mdx；案例文件夹里只放案例和案例用到的图片（.png .jpg .jpeg .webp .gif .avif）']],
    },
  );
  body('html-as-jpeg', '![图](./html-as-jpeg.jpg)', '![图]', [`图片 html-as-jpeg.jpg ${NOT_RASTER}`], {
    files: { 'html-as-jpeg.jpg': '<html><script>alert(1)</script></html>' },
  });
  body('fragment-to-nowhere', '[见下文](#no-such-heading)', '[见下文]', ['链接 #no-such-heading 指向本页不存在的位置；# 后面应是本案例某个小标题的文字']);
  return list;
}

/** Writes the attacks into one folder (emptied first). */
export function writeAttacks(dir: string, list: Attack[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '..', SECRET_FILE), SECRET);
  for (const attack of list) {
    if (attack.text !== '') writeFileSync(join(dir, `${attack.name}.mdx`), attack.text);
    for (const [name, content] of Object.entries(attack.files ?? {}))
      if (name.endsWith('/')) mkdirSync(join(dir, name), { recursive: true });
      else writeFileSync(join(dir, name), content);
    for (const [name, target] of Object.entries(attack.links ?? {})) symlinkSync(target, join(dir, name));
  }
}
