/**
 * A handout or a single case as a Word (.docx) file, built in the browser with `docx` from the
 * same article markup the site shows, so the Word file says what the page says. Loaded only
 * when someone asks for a Word file (dynamic import), since `docx` is large.
 *
 * Headings, paragraphs, lists, the metrics table (as a real Word table), discussion questions,
 * the source with its link and the citation line are kept; navigation, buttons, charts and
 * images are left out. Chinese text is set in 宋体 (headings 黑体), which Word and WPS have
 * and LibreOffice maps to its CJK fonts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';

export interface DocxCase {
  /** The case's article (or the handout's section for it); its first h1 or h2 is the case title. */
  element: Element;
  /** The case's public address, printed under its title. */
  address: string;
}

export interface DocxHandout {
  /** Without a title, the file holds one case and no cover. */
  title?: string;
  course?: string;
  date?: string;
  siteTitle: string;
  cases: DocxCase[];
}

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', hint: 'eastAsia' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', hint: 'eastAsia' };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
/** Parts of a page that are not part of the text. */
const SKIP = 'nav, button, script, style, svg, img, picture, template, [hidden], .no-print, .case-actions, .case-qr, .case-number, .case-address, .chart';
/** The case titles (Word's 标题 1), so the address can go right under each. */
const titles = new WeakSet<Paragraph>();

type Style = Pick<IRunOptions, 'bold' | 'italics' | 'superScript' | 'subScript'>;

const clean = (text: string) => text.replace(/\s+/g, ' ');

/** The runs of an element's inline content: text, emphasis, links (made absolute) and line breaks. */
function runs(node: Node, base: string, style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = clean(child.textContent ?? '');
      if (text) out.push(new TextRun({ text, ...style }));
      continue;
    }
    if (!(child instanceof Element) || child.matches(SKIP)) continue;
    const tag = child.localName;
    // Items of an inline list (the measure tags in the facts) read as 党建扶贫、整顿软弱涣散党组织.
    if (tag === 'li' && child.previousElementSibling) out.push(new TextRun({ text: '、', ...style }));
    if (tag === 'br') out.push(new TextRun({ text: '', break: 1 }));
    else if (tag === 'a' && child.getAttribute('href')) {
      const link = new URL(child.getAttribute('href')!, base).href;
      out.push(new ExternalHyperlink({ link, children: [new TextRun({ text: clean(child.textContent ?? ''), style: 'Hyperlink', ...style })] }));
    } else if (tag === 'strong' || tag === 'b' || tag === 'th') out.push(...runs(child, base, { ...style, bold: true }));
    else if (tag === 'em' || tag === 'i') out.push(...runs(child, base, { ...style, italics: true }));
    else if (tag === 'sup') out.push(...runs(child, base, { ...style, superScript: true }));
    else if (tag === 'sub') out.push(...runs(child, base, { ...style, subScript: true }));
    else out.push(...runs(child, base, style));
  }
  return out;
}

const paragraph = (children: ParagraphChild[], options: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ children, spacing: { after: 120 }, ...options });

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function wordTable(table: HTMLTableElement, base: string): (Paragraph | Table)[] {
  const caption = table.caption?.textContent?.trim();
  const rows = [...table.rows].map(
    (row) =>
      new TableRow({
        // Repeated on every page; only set when true, since readers take the flag's presence as true.
        ...(row.parentElement?.localName === 'thead' && { tableHeader: true }),
        cantSplit: true,
        children: [...row.cells].map(
          (cell) =>
            new TableCell({
              children: [new Paragraph({ children: runs(cell, base, cell.localName === 'th' ? { bold: true } : {}) })],
              borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
              margins: { top: 40, bottom: 40, left: 80, right: 80 },
            }),
        ),
      }),
  );
  return [
    ...(caption ? [paragraph([new TextRun({ text: caption, size: 18, color: '555555' })])] : []),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
    paragraph([]),
  ];
}

/**
 * The blocks of a case. `topLevel` is the HTML level of the case title (1 on a case page,
 * 2 in a handout), which becomes Word's 标题 1.
 */
function blocks(element: Element, base: string, topLevel: number, firstHeading: { pageBreak: boolean }): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const child of element.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = clean(child.textContent ?? '').trim();
      if (text) out.push(paragraph([new TextRun(text)]));
      continue;
    }
    if (!(child instanceof Element) || child.matches(SKIP)) continue;
    const tag = child.localName;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const level = Math.min(HEADINGS.length - 1, Math.max(0, Number(heading[1]) - topLevel));
      const block = paragraph(runs(child, base), { heading: HEADINGS[level]!, pageBreakBefore: level === 0 && firstHeading.pageBreak, keepNext: true });
      if (level === 0) titles.add(block);
      out.push(block);
      firstHeading.pageBreak = true;
    } else if (tag === 'p' || tag === 'summary' || tag === 'figcaption' || tag === 'caption') {
      out.push(paragraph(runs(child, base), tag === 'summary' ? { keepNext: true } : {}));
    } else if (tag === 'ul' || tag === 'ol') {
      [...child.children].forEach((li, i) => {
        const marker = tag === 'ol' ? `${i + 1}. ` : '• ';
        out.push(paragraph([new TextRun(marker), ...runs(li, base)], { indent: { left: 420, hanging: 420 } }));
      });
    } else if (tag === 'dl') {
      for (const term of child.querySelectorAll(':scope > dt')) {
        const description = term.nextElementSibling?.localName === 'dd' ? term.nextElementSibling : undefined;
        out.push(paragraph([new TextRun({ text: `${clean(term.textContent ?? '').trim()}：`, bold: true }), ...(description ? runs(description, base) : [])]));
      }
    } else if (tag === 'table') {
      out.push(...wordTable(child as HTMLTableElement, base));
    } else {
      // Sections, divs, details, blockquotes: their blocks, in order.
      out.push(...blocks(child, base, topLevel, firstHeading));
    }
  }
  return out;
}

function caseBlocks({ element, address }: DocxCase, pageBreak: boolean): (Paragraph | Table)[] {
  const title = element.querySelector('h1, h2');
  const topLevel = title ? Number(title.localName[1]) : 1;
  const body = blocks(element, address, topLevel, { pageBreak });
  // The address right under the title, so a printed copy leads back to the page.
  const at = body.findIndex((b) => b instanceof Paragraph && titles.has(b)) + 1;
  body.splice(
    at,
    0,
    paragraph([
      new TextRun({ text: '网络版：', color: '555555' }),
      new ExternalHyperlink({ link: address, children: [new TextRun({ text: address, style: 'Hyperlink' })] }),
    ]),
  );
  return body;
}

function cover(h: DocxHandout & { title: string }): Paragraph[] {
  const line = (text: string, size = 28) => paragraph([new TextRun({ text, size })], { alignment: AlignmentType.CENTER });
  return [
    paragraph([], { spacing: { before: 2400 } }),
    new Paragraph({ children: [new TextRun(h.title)], heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 480 } }),
    ...(h.course ? [line(h.course)] : []),
    ...(h.date ? [line(h.date, 24)] : []),
    line(h.siteTitle, 24),
    paragraph([new TextRun({ text: `本讲义收录${h.cases.length}个案例`, bold: true })], { spacing: { before: 720, after: 120 } }),
    ...h.cases.map((c, i) => paragraph([new TextRun(`${i + 1}. ${clean(c.element.querySelector('h1, h2')?.textContent ?? '').trim()}`)])),
  ];
}

export async function docxBlob(h: DocxHandout): Promise<Blob> {
  const children = [...(h.title ? cover({ ...h, title: h.title }) : []), ...h.cases.flatMap((c, i) => caseBlocks(c, Boolean(h.title) || i > 0))];
  const doc = new Document({
    creator: h.siteTitle,
    title: h.title ?? clean(h.cases[0]?.element.querySelector('h1, h2')?.textContent ?? '').trim(),
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 22, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 44, bold: true } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 200 } } },
        heading2: { run: { font: HEADING_FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: HEADING_FONT, size: 24, bold: true, color: '000000' } },
        heading4: { run: { font: HEADING_FONT, size: 22, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${h.siteTitle} · 第`, size: 18 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  new TextRun({ text: '页', size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBlob(doc);
}

/** Hands the file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const a = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `${name.replace(/[\\/:*?"<>|]+/g, '_').trim() || '讲义'}.docx`,
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
