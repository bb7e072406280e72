/**
 * Site chrome that survives copying an article out of a news page: language bars, breadcrumbs,
 * share buttons, editor and hit-count lines, template errors. Works on plain text lines, so
 * it applies both to pasted .txt files and to the text extracted from .html pages.
 */

/** Language switchers of Chinese government and party sites. */
const LANGUAGE_WORDS = new Set([
  '蒙文',
  '藏文',
  '维文',
  '維文',
  '哈文',
  '朝文',
  '彝文',
  '壮文',
  '壯文',
  '英文',
  '日文',
  '韩文',
  '韓文',
  '法文',
  '俄文',
  '西文',
  '阿文',
  '德文',
  '繁体',
  '繁體',
  '简体',
  '簡體',
  'English',
  'ENGLISH',
  '无障碍',
  '無障礙',
  '|',
]);

/** Lines that are chrome wherever they stand, as long as they are short. */
const CHROME_LINE = [
  /^(?:当前位置|當前位置|您的位置|您現在的位置|您现在的位置|所在位置)\s*[:：]/,
  /^分享到/,
  /^[（(]?\s*(?:责编|責編|责任编辑|責任編輯|编辑|編輯)\s*[:：]/,
  /^(?:来源|來源|点击数|點擊數|浏览次数|瀏覽次數|阅读次数|閱讀次數|发布时间|發佈時間|發布時間)\s*[:：]/,
  /^(?:手机官网|手機官網|手机版|手機版|站内搜索|站內搜索|主办|主辦|承办|承辦|协办|協辦|版权所有|版權所有|网站地图|網站地圖)\b/,
  /^(?:手机官网|手機官網|手机版|手機版|站内搜索|站內搜索|主办|主辦|承办|承辦)\s*[:：]?/,
  /template file .* not found/i,
  /^(?:上一篇|下一篇|相关阅读|相關閱讀|相关新闻|相關新聞|打印本页|關閉窗口|关闭窗口|返回顶部|返回頂部)/,
];

/** Phrases that stick to a paragraph rather than standing on their own line. */
const CHROME_PHRASES = [/视频加载中[.。…]*/g, /視頻加載中[.。…]*/g, /下载文档/g, /一键复制全文/g, /【字号[^】]*】/g, /【打印】|【关闭】/g];

/** Longest line still considered chrome when it matches a chrome pattern; real paragraphs are longer. */
const MAX_CHROME_LINE = 80;

const isLanguageBar = (line: string): boolean => {
  const words = line.split(/[\s|｜·]+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => LANGUAGE_WORDS.has(w));
};

/** 中国共产党新闻>>群众路线网>>…, 首页 > 社会 > 正文 */
const isBreadcrumb = (line: string): boolean =>
  line.length <= MAX_CHROME_LINE && (/>>|»|＞＞/.test(line) || (/\s[>＞]\s/.test(line) && !/[。！？]/.test(line)));

/** A line with no Han characters and no digits worth keeping: |, ——, ***. */
const isNoise = (line: string): boolean => !/[\p{Script=Han}\p{L}\p{N}]/u.test(line);

/** Whether a single line is site chrome. */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (isNoise(t) || isLanguageBar(t) || isBreadcrumb(t)) return true;
  if (/template file .* not found|have no access/i.test(t)) return true;
  return t.length <= MAX_CHROME_LINE && CHROME_LINE.some((re) => re.test(t));
}

/** Removes chrome phrases glued to paragraphs (视频加载中…) and normalises spacing. */
export function cleanPhrases(line: string): string {
  let out = line;
  for (const re of CHROME_PHRASES) out = out.replace(re, ' ');
  return out
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * Splits raw article text into lines. Copied pages often run paragraphs together and mark
 * the breaks only with runs of spaces or full-width spaces; those become line breaks.
 */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line) => line.split(/(?:[ \u00a0\u3000]{2,}|\t+)/))
    .map(cleanPhrases)
    .filter((l) => l !== '');
}

/** The closing "share / editor" block: everything after it is page furniture. */
const END_MARKER = /^(?:分享到|[（(]?\s*(?:责编|責編|责任编辑|責任編輯)\s*[:：])/;

/**
 * Drops chrome lines, the furniture after the closing share/editor block, and paragraphs that
 * are a truncated copy of a later paragraph (the page's description meta repeated above the
 * text).
 */
export function stripChrome(lines: readonly string[]): string[] {
  const endAt = lines.findIndex((l, i) => i > lines.length / 3 && END_MARKER.test(l.trim()));
  const kept = (endAt === -1 ? lines : lines.slice(0, endAt)).filter((l) => !isChromeLine(l));
  return kept.filter((line, i) => {
    if (line.length < 40) return true;
    const head = line.slice(0, 30);
    return !kept.slice(i + 1).some((later) => later.startsWith(head));
  });
}

/** Who edited or wrote up the page: 责编、责任编辑、编辑 lines, also at the end of a 来源 line. */
const EDITOR = /(?:责编|責編|责任编辑|責任編輯|编辑|編輯)\s*[:：]\s*([\p{Script=Han}·・、，, ]{2,30}?)\s*(?=[）)]|校对|校對|审核|審核|审校|審校|来源|來源|$)/u;

/**
 * The editor named in an editor line: （責編：秦華、權娟） → 秦華、權娟; 编辑：王五 → 王五;
 * 来源：区委组织部 责任编辑：赵六 → 赵六. An empty 责任编辑: names no one.
 */
export function editorLine(lines: readonly string[]): string | undefined {
  for (const l of lines) {
    const t = l.trim();
    if (t.length > MAX_CHROME_LINE) continue;
    const name = EDITOR.exec(t)?.[1]
      ?.trim()
      .replace(/[，,\s]+/g, '、');
    if (name && name.length >= 2) return name;
  }
  return undefined;
}

/** 编者按 paragraphs are the publisher's words about the report, not the report. */
export const EDITORS_NOTE = /^[【[(（]?\s*(?:编者按|編者按|编者的话|編者的話)\s*[】\])）]?\s*[:：]?/u;

/** A column tag in front of a title or a paragraph: 【基层党建】, 【乡村振兴·典型】. */
export const COLUMN_TAG = /【[^】\n]{1,16}】/gu;

/** Removes column tags: they name the page's section, not the work. */
export const withoutColumnTags = (line: string): string => line.replace(COLUMN_TAG, '').trim();

/** 「」 and 『』 are the Traditional-script quotation marks; the casebook writes “” and ‘’. */
export const mainlandQuotes = (line: string): string => line.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');
