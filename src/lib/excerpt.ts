/**
 * Pagefind's excerpts are made for space-separated languages. On Chinese text they come back
 * with artefacts a reader sees as typos: a highlighted word split into two boxes
 * (`<mark>第一</mark><mark>书记</mark>`, one per segment), ". " where one block of the page
 * ends (`主要做法. 网格化服务`), a space after every full stop, and a window that starts
 * in the middle of the previous sentence (`元。 选好用好…`). This puts them back into
 * Chinese typography. The input is Pagefind's excerpt HTML: the page's text, already
 * escaped, with <mark> around matches; the output keeps exactly that markup.
 */

const HAN = '\\p{Script=Han}';
/** Closing and sentence punctuation after which Chinese text takes no space. */
const CJK_PUNCT = '，。、；：！？”’）》」』】…—';
/** Where a sentence ends. */
const SENTENCE_END = '。！？；';
/** A leading remnant of the previous sentence is dropped only when it is this short. */
const MAX_REMNANT = 8;

export function tidyExcerpt(html: string): string {
  let text = html
    .replaceAll('\u200b', '')
    // One highlight per run of matched segments.
    .replace(/<\/mark>(\s*)<mark>/g, (_, space: string) => space)
    // Pagefind joins blocks (headings, list items) with ". "; after Chinese text that is a 。
    .replace(new RegExp(`(${HAN}|[${CJK_PUNCT}])(</mark>)?\\. `, 'gu'), (_, ch: string, close = '') => `${ch}${close}${SENTENCE_END.includes(ch) ? '' : '。'}`)
    // No space after Chinese punctuation, nor between two Chinese characters.
    .replace(new RegExp(`([${CJK_PUNCT}])(</mark>)? +`, 'gu'), '$1$2')
    .replace(new RegExp(`(${HAN})(</?mark>)? +(?=(</?mark>)?${HAN})`, 'gu'), '$1$2');

  // Start at a sentence when the window begins with the short tail of the previous one.
  const lead = new RegExp(`^[^<${SENTENCE_END}]{0,${MAX_REMNANT}}[${SENTENCE_END}]`, 'u').exec(text);
  if (lead && lead[0].length < text.length) text = text.slice(lead[0].length);
  text = text.replace(new RegExp(`^[${CJK_PUNCT}\\s]+`, 'u'), '');
  if (text && !new RegExp(`[${SENTENCE_END}…]$`, 'u').test(text)) text += '…';
  return text;
}
