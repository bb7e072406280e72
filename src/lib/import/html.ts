/**
 * Text of an article page. A real HTML parser (hast) reads the page; navigation, headers,
 * footers, scripts and forms are dropped before the text is taken, so only the article and
 * whatever chrome sits inside it reach the line-level cleaner.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes, Parents, Root } from 'hast';

const DROPPED_TAGS = new Set(['nav', 'header', 'footer', 'script', 'style', 'noscript', 'template', 'iframe', 'form', 'aside', 'select', 'button', 'svg']);
/** Class or id words that mark navigation blocks on sites without semantic tags. */
const DROPPED_MARKS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|share|footer|header|sidebar|copyright|toolbar)(?:$|[\s_-])/i;

const marks = (el: Element): string => {
  const { className, id } = el.properties;
  return [Array.isArray(className) ? className.join(' ') : String(className ?? ''), String(id ?? '')].join(' ');
};

function prune(node: Parents): void {
  node.children = node.children.filter((child) => {
    if (child.type === 'comment') return false;
    if (child.type !== 'element') return true;
    if (DROPPED_TAGS.has(child.tagName) || DROPPED_MARKS.test(marks(child))) return false;
    prune(child);
    return true;
  });
}

function find(node: Nodes, tag: string): Element | undefined {
  if (node.type === 'element' && node.tagName === tag) return node;
  if ('children' in node)
    for (const child of node.children) {
      const hit = find(child, tag);
      if (hit) return hit;
    }
  return undefined;
}

export interface HtmlArticle {
  /** Text of the page's <h1>, or of <title> when there is none. */
  heading?: string | undefined;
  /** Text of <title>, which often carries the site's name after a dash. */
  pageTitle?: string | undefined;
  /** The remaining text, one block per line. */
  text: string;
}

export function htmlToText(html: string): HtmlArticle {
  const tree: Root = fromHtml(html);
  const pageTitle = find(tree, 'title');
  const titleText = pageTitle ? toText(pageTitle).trim() : undefined;
  const body = find(tree, 'body') ?? tree;
  prune(body);
  const h1 = find(body, 'h1');
  const heading = h1 ? toText(h1).trim() : titleText;
  return { heading: heading || undefined, pageTitle: titleText || undefined, text: toText(body) };
}
