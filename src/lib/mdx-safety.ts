/**
 * Case MDX arrives by pull request, and MDX can run code at build time and in the reader's
 * browser. The body may use Markdown and the components listed here, nothing else.
 *
 * The body is parsed with the same micromark MDX extension @astrojs/mdx uses, so what this
 * module sees as text is what the build sees as text: no regex guesses about tags.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';

/** Components a case may use, with the attributes each accepts (plain string values only). */
export const ALLOWED_COMPONENTS: Record<string, readonly string[]> = {
  Note: ['title'],
};

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

export interface BodyHeading {
  depth: number;
  text: string;
  line: number;
}

export interface BodyLink {
  url: string;
  line: number;
}

export interface BodyAnalysis {
  problems: BodyProblem[];
  /** Headings outside code, in order; empty when the body does not parse. */
  headings: BodyHeading[];
  /** Targets of links and link reference definitions. */
  links: BodyLink[];
  /** Sources of images on this site (other hosts are refused). */
  images: BodyLink[];
}

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'form', 'link', 'meta', 'base', 'frame', 'frameset']);
const allowedList = () => Object.keys(ALLOWED_COMPONENTS).map((c) => `<${c}>`).join('、');
const LESS_THAN_HINT = '表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”';
const BRACE_HINT = '要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”';

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: Node[];
}

/** Browsers ignore control characters and whitespace inside a scheme, so must we. */
export const isScriptUrl = (url: string): boolean =>
  /^(javascript|vbscript|data):/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));

/** Shows a URL in a message without letting a long or multi-line one swamp the line. */
const shortUrl = (url: string) => (url.length > 30 ? `${url.slice(0, 30)}…` : url).replace(/\s+/g, ' ');

const textOf = (node: Node): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

function walk(node: Node, out: BodyAnalysis): void {
  const line = node.position?.start.line ?? 1;
  const add = (message: string) => out.problems.push({ line, message });
  switch (node.type) {
    case 'mdxjsEsm':
      add('不允许 import 或 export 语句：案例正文只能写 Markdown，组件由网站提供，无须导入');
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      add(`不允许 {…} 表达式（包括 {/* 注释 */}）；${BRACE_HINT}`);
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!name) {
        add('不允许空标签 <>…</>');
        break;
      }
      const allowedAttrs = ALLOWED_COMPONENTS[name];
      if (DANGEROUS_TAGS.has(name.toLowerCase())) add(`不允许 <${name}> 标签：正文不能含脚本、框架或样式`);
      else if (!allowedAttrs) add(`不允许标签或组件 <${name}>；只允许：${allowedList()}（如果本意是“小于”，请写全角“＜”或“\\<”）`);
      for (const attr of node.attributes ?? []) {
        if (attr.type !== 'mdxJsxAttribute') {
          add(`<${name}> 不允许 {…} 展开属性`);
          continue;
        }
        const attrName = attr.name ?? '';
        if (/^on/i.test(attrName)) add(`不允许事件属性 ${attrName}=：正文不能含脚本`);
        else if (typeof attr.value !== 'string' && attr.value !== null && attr.value !== undefined) add(`<${name}> 的属性 ${attrName} 不允许用 {…} 表达式，只能写带引号的文本`);
        else if (typeof attr.value === 'string' && isScriptUrl(attr.value)) add(`属性 ${attrName} 不允许 ${shortUrl(attr.value)} 这类脚本网址`);
        else if (allowedAttrs && !allowedAttrs.includes(attrName)) add(`<${name}> 不支持属性 ${attrName}；可用：${allowedAttrs.join('、') || '（无）'}`);
      }
      break;
    }
    case 'heading':
      out.headings.push({ depth: node.depth ?? 1, text: textOf(node).trim(), line });
      break;
    case 'link':
    case 'image':
    case 'definition':
      if (node.url && isScriptUrl(node.url)) add(`不允许 ${shortUrl(node.url)} 这类脚本网址；链接只能用 http(s) 网址或站内路径`);
      else if (node.type === 'image' && node.url && /^(https?:)?\/\//i.test(node.url))
        add(`不允许引用其他网站的图片 ${shortUrl(node.url)}：网站不从其他网站加载任何内容，读者的访问不应被第三方记录`);
      else if (node.url) (node.type === 'image' ? out.images : out.links).push({ url: node.url, line });
      break;
  }
  for (const child of node.children ?? []) walk(child, out);
}

interface SyntaxError {
  reason?: string;
  message?: string;
  ruleId?: string;
  source?: string;
  place?: { line?: number; offset?: number; start?: { line: number; offset?: number } };
}

const lineAt = (body: string, offset: number) => body.slice(0, offset).split('\n').length;

/**
 * micromark's errors are precise but speak of JSX; an editor wrote Chinese prose with a “<”
 * or an HTML comment. Say what they most likely meant, at the line where it happened.
 */
export function explainSyntaxError(body: string, error: SyntaxError): BodyProblem {
  const reason = error.reason ?? error.message ?? '';
  const start = error.place?.start ?? error.place;
  // Errors from the tree builder carry the place only in the text: “(3:1-3:7)”.
  const line = start?.line ?? Number(/\((\d+):\d+-/.exec(reason)?.[1] ?? 1);
  const offset = start?.offset;

  if (error.source === 'micromark-extension-mdx-jsx' && offset !== undefined) {
    const lt = body.lastIndexOf('<', Math.min(offset, body.length - 1));
    if (lt !== -1) {
      const at = lineAt(body, lt);
      const after = body.slice(lt + 1);
      const snippet = body.slice(lt, lt + 12).split('\n')[0];
      if (after.startsWith('!--'))
        return { line: at, message: 'MDX 不支持 HTML 注释“<!-- … -->”；请删去注释，给编辑的说明写在拉取请求里' };
      if (/^[a-z][a-z0-9+.-]*:/i.test(after))
        return { line: at, message: `MDX 不支持“<网址>”形式的自动链接（${snippet}…）；请写成 [链接文字](网址)` };
      if (!/^[A-Za-z/]/.test(after))
        return { line: at, message: `“${snippet}”中的“<”会被当作标签的开头；${LESS_THAN_HINT}` };
    }
    return { line, message: `标签写法有误（${reason}）；正文只允许 ${allowedList()} 组件，属性值要加引号，如 <Note title="编者按">…</Note>` };
  }
  const unclosed = /^Expected a closing tag for `<([^>]*)>`/.exec(reason);
  if (unclosed)
    return { line, message: `<${unclosed[1]}> 没有对应的结束标签 </${unclosed[1]}>；组件要成对书写，如 <Note title="编者按">…</Note>，且开始和结束标签各占一段` };
  if (/^Unexpected closing (slash|tag)/.test(reason))
    return { line, message: '多出的结束标签，或结束标签与开始标签不配对；请检查 </…> 是否与前面的 <…> 一一对应' };
  if (error.source === 'micromark-extension-mdx-expression')
    return { line, message: `“{”开始的内容不是合法的 MDX 表达式；正文不允许 {…} 表达式，${BRACE_HINT}` };
  return { line, message: `MDX 语法错误（${reason}）；正文里的“<”和“{”有特殊含义，${LESS_THAN_HINT}，${BRACE_HINT}` };
}

/** Dangerous opening tags outside fenced code, found without a parser for bodies that do not parse. */
function dangerousTagsIn(body: string): BodyProblem[] {
  const found: BodyProblem[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    else if (!fence)
      for (const m of text.matchAll(/<([a-z]+)\b/gi))
        if (DANGEROUS_TAGS.has(m[1]!.toLowerCase())) found.push({ line: i + 1, message: `不允许 <${m[1]}> 标签：正文不能含脚本、框架或样式` });
  });
  return found;
}

/** Parses the body as MDX and lists every construct that is not allowed, with its headings and links. */
export function analyseBody(body: string): BodyAnalysis {
  const out: BodyAnalysis = { problems: [], headings: [], links: [], images: [] };
  let tree: Node;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as Node;
  } catch (error) {
    // A <style> or <script> whose content is not valid MDX fails to parse; name the tag, not only the parse error.
    out.problems.push(...dangerousTagsIn(body), explainSyntaxError(body, error as SyntaxError));
    return out;
  }
  walk(tree, out);
  return out;
}

/** Problems in an already parsed MDX tree (the build's own, see remark-case-safety.ts). */
export function treeProblems(tree: unknown): BodyProblem[] {
  const out: BodyAnalysis = { problems: [], headings: [], links: [], images: [] };
  walk(tree as Node, out);
  return out.problems;
}

/** Only the problems: what `npm run check` reports for a body. */
export function checkMdxBody(body: string): BodyProblem[] {
  return analyseBody(body).problems;
}
