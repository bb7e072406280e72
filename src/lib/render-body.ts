/**
 * Turns a checked case body into HTML. This is the casebook's MDX compiler: case files are
 * never handed to the bundler, so nothing in them can become code. It takes the tree that
 * `parseBody` made for the check (one parser), refuses again anything the rules refuse (so a
 * caller that skipped the check still cannot publish it), and renders only Markdown and the
 * allowed components; raw HTML does not exist in MDX's syntax tree.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import GithubSlugger from 'github-slugger';
import type { CaseImage } from './case-images.ts';
import { analyseBody, type BodyNode } from './mdx-safety.ts';
import { withBase } from './remark-base-links.ts';

/**
 * Ids the case page gives its own sections (and the layout its main region). Body headings
 * that would take one of them get a suffix instead, so a link to #metrics always lands on the
 * page's table of figures.
 */
export const CASE_PAGE_IDS = {
  main: 'main',
  objectives: 'objectives',
  metrics: 'metrics',
  questions: 'questions',
  teachingNotes: 'teaching-notes',
  source: 'source',
} as const;

export interface RenderedBody {
  html: string;
  /** Headings with their ids, as Astro's `render()` reports them. */
  headings: { depth: number; slug: string; text: string }[];
}

export interface RenderOptions {
  /** The site's base path; site links in the body get it in front. */
  base: string;
  /** The checked images of this case, by the source written in the body (./photo.jpg). */
  images: ReadonlyMap<string, CaseImage>;
}

/** Where an image is published, under the site's base. */
export const caseImagePath = (base: string, name: string) => `${base.replace(/\/?$/, '/')}case-images/${name}`;

interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: unknown[];
}

const processor = unified()
  .use(remarkRehype, {
    handlers: {
      // The only component a case may use; its markup lives here and nowhere else.
      mdxJsxFlowElement: (state: { all(node: unknown): unknown[] }, node: BodyNode): HastElement => note(state, node, 'aside'),
      mdxJsxTextElement: (state: { all(node: unknown): unknown[] }, node: BodyNode): HastElement => note(state, node, 'span'),
    },
  } as never)
  .use(rehypeStringify);

function note(state: { all(node: unknown): unknown[] }, node: BodyNode, tagName: string): HastElement {
  if (node.name !== 'Note') throw new Error(`不允许的组件 <${node.name ?? ''}>`);
  const title = node.attributes?.find((a) => a.name === 'title')?.value;
  const children = state.all(node);
  const heading: HastElement[] =
    typeof title === 'string' && title !== ''
      ? [
          {
            type: 'element',
            tagName: tagName === 'aside' ? 'p' : 'span',
            properties: { className: ['note-title'] },
            children: [{ type: 'text', value: title }],
          },
        ]
      : [];
  return { type: 'element', tagName, properties: { className: ['note'] }, children: [...heading, ...children] };
}

const textOf = (node: BodyNode): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

/** Parses, checks and renders a body; throws (with the Chinese reasons) when the body breaks a rule. */
export function renderBody(body: string, options: RenderOptions): RenderedBody {
  const analysis = analyseBody(body);
  if (analysis.problems.length > 0 || !analysis.tree)
    throw new Error(`正文含有不允许的内容，已停止编译：${analysis.problems.map((p) => `第 ${p.line} 行：${p.message}`).join('；')}`);
  return renderTree(analysis.tree, options);
}

/**
 * Renders a tree that `analyseBody` found free of problems (the check renders right after
 * checking, without parsing twice). The tree is changed in place.
 */
export function renderTree(tree: BodyNode, options: RenderOptions): RenderedBody {
  const slugger = new GithubSlugger();
  for (const id of Object.values(CASE_PAGE_IDS)) slugger.slug(id);
  const headings: RenderedBody['headings'] = [];
  const imageIds = new Set<string>();
  const collect = (node: BodyNode): void => {
    if (node.type === 'imageReference' && node.identifier) imageIds.add(node.identifier);
    node.children?.forEach(collect);
  };
  collect(tree);

  const visit = (node: BodyNode): void => {
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      const slug = slugger.slug(text);
      node.data = { ...node.data, hProperties: { id: slug } };
      headings.push({ depth: node.depth ?? 1, slug, text });
    } else if (node.type === 'image' || (node.type === 'definition' && imageIds.has(node.identifier ?? ''))) {
      const image = options.images.get(node.url ?? '');
      // Every image source was checked and read before rendering; one that was not is never published.
      if (!image) throw new Error(`图片 ${node.url ?? ''} 没有经过检查，不能发布`);
      node.url = caseImagePath(options.base, image.name);
      node.data = { ...node.data, hProperties: { width: image.width, height: image.height, loading: 'lazy', decoding: 'async' } };
    } else if ((node.type === 'link' || node.type === 'definition') && node.url) {
      node.url = withBase(node.url, options.base);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  const html = processor.stringify(processor.runSync(tree as never) as never);
  return { html, headings };
}
