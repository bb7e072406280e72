/**
 * Case MDX arrives by pull request, and MDX can run code at build time and in the reader's
 * browser. The body may use Markdown and the components listed here, nothing else.
 *
 * The body is parsed once, by `parseBody`, for the check and for the page alike (see
 * render-body.ts): what this module sees as text is what the reader sees as text. Before
 * parsing, the size of what the parser must handle is bounded (BODY_LIMITS), because some
 * inputs make Markdown parsing quadratic or recurse past the stack.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { imageReferenceProblem } from './case-images.ts';

/** Components a case may use, with the attributes each accepts (plain string values only). */
export const ALLOWED_COMPONENTS: Record<string, readonly string[]> = {
  Note: ['title'],
};

/**
 * Limits on a body, documented in CONTRIBUTING.md. Real cases stay far below them: the longest
 * seed paragraph has about 600 characters, the deepest list two levels. Past them, Markdown
 * parsing slows quadratically (thousands of `*a` in one paragraph) or nests past the stack.
 */
export const BODY_LIMITS = {
  /** Characters in one line. */
  lineLength: 5000,
  /** Block quotes and list levels inside each other. */
  nesting: 10,
  /**
   * List and quote lines, each counted by its nesting level. Markdown parsing slows
   * quadratically with many nested lists or quotes in a row (2,000 three-level lists: 8 s);
   * the seed cases stay far below it.
   */
  containerLines: 3000,
  /** Emphasis, link, code and strike-through marks (* _ [ ] ` ~) in one paragraph. */
  marksPerParagraph: 600,
  /** Elements inside each other in the parsed body (components can nest without indentation). */
  treeDepth: 40,
} as const;

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

/** A node of the parsed body (mdast with MDX and GFM nodes). */
export interface BodyNode {
  type: string;
  name?: string | null;
  url?: string;
  identifier?: string;
  value?: string;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: BodyNode[];
  data?: Record<string, unknown>;
}

export interface BodyAnalysis {
  problems: BodyProblem[];
  /** Headings outside code, in order; empty when the body does not parse. */
  headings: BodyHeading[];
  /** Targets of links and of link reference definitions that no image uses. */
  links: BodyLink[];
  /** Sources of images, inline or by reference, all of the form ./name.ext. */
  images: BodyLink[];
  /** The parsed body, when it parsed. */
  tree?: BodyNode;
}

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'form', 'link', 'meta', 'base', 'frame', 'frameset', 'svg', 'math']);
const allowedList = () =>
  Object.keys(ALLOWED_COMPONENTS)
    .map((c) => `<${c}>`)
    .join('、');
const LESS_THAN_HINT = '表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”';
const BRACE_HINT = '要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”';

/** Browsers ignore control characters and whitespace inside a scheme, so must we. */
export const isScriptUrl = (url: string): boolean =>
  // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a scheme, so the check must too
  /^(javascript|vbscript|data|file|blob):/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));

/** Shows a URL in a message without letting a long or multi-line one swamp the line. */
const shortUrl = (url: string) => (url.length > 30 ? `${url.slice(0, 30)}…` : url).replace(/\s+/g, ' ');

const isOtherHost = (url: string) => /^([a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(url);

/** The one Markdown + MDX parser of case bodies; GFM tables and CJK-friendly emphasis included. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCjkFriendly);

const textOf = (node: BodyNode): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

/** Lines that go past BODY_LIMITS, found without parsing: what the parser could not bear. */
export function limitProblems(body: string): BodyProblem[] {
  const found: BodyProblem[] = [];
  const lines = body.split('\n');
  let marks = 0;
  let paragraphStart = 0;
  let containers = 0;
  lines.forEach((text, i) => {
    if (text.length > BODY_LIMITS.lineLength)
      found.push({ line: i + 1, message: `这一行有 ${text.length} 个字符，超过上限 ${BODY_LIMITS.lineLength}；请分成几段` });
    // Each quote marker, list marker and two columns of indentation can open one more level.
    const lead = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/.exec(text)![0];
    const depth = (lead.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0) + Math.floor(lead.replace(/[^ \t]/g, '').replace(/\t/g, '    ').length / 2);
    if (depth > BODY_LIMITS.nesting)
      found.push({ line: i + 1, message: `引用（>）和列表嵌套了约 ${depth} 层，超过上限 ${BODY_LIMITS.nesting} 层；请减少嵌套` });
    const before = containers;
    containers += depth;
    if (before <= BODY_LIMITS.containerLines && containers > BODY_LIMITS.containerLines)
      found.push({ line: i + 1, message: `列表和引用的行（按嵌套层数累计）超过 ${BODY_LIMITS.containerLines}，无法可靠排版；请精简列表和引用` });
    if (text.trim() === '') {
      marks = 0;
      paragraphStart = i + 1;
      return;
    }
    const marksBefore = marks;
    marks += text.match(/[*_[\]`~]/g)?.length ?? 0;
    if (marksBefore <= BODY_LIMITS.marksPerParagraph && marks > BODY_LIMITS.marksPerParagraph)
      found.push({
        line: paragraphStart + 1,
        message: `这一段的 Markdown 标记（* _ [ ] \` ~）超过 ${BODY_LIMITS.marksPerParagraph} 个，无法可靠排版；请分段或删去多余的标记`,
      });
  });
  return found.slice(0, 5);
}

/** Parses a body, or says why it cannot: the limits first, then MDX syntax. */
export function parseBody(body: string): { tree: BodyNode } | { problems: BodyProblem[] } {
  const tooMuch = limitProblems(body);
  if (tooMuch.length > 0) return { problems: tooMuch };
  let tree: BodyNode;
  try {
    tree = parser.runSync(parser.parse(body)) as unknown as BodyNode;
  } catch (error) {
    // A <style> or <script> whose content is not valid MDX fails to parse; name the tag, not only the parse error.
    return { problems: [...dangerousTagsIn(body), explainSyntaxError(body, error as SyntaxError)] };
  }
  const deepest = deepestNode(tree);
  if (deepest.depth > BODY_LIMITS.treeDepth)
    return { problems: [{ line: deepest.line, message: `组件或列表嵌套超过 ${BODY_LIMITS.treeDepth} 层；请减少嵌套` }] };
  return { tree };
}

/** The depth of the tree and the line of its deepest node, found without recursion. */
function deepestNode(root: BodyNode): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  const stack: [BodyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, line: node.position?.start.line ?? 1 };
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

function walk(root: BodyNode, out: BodyAnalysis, imageIds: Set<string>): void {
  // Depth is bounded by BODY_LIMITS.nesting before parsing, so recursion is safe here.
  const visit = (node: BodyNode): void => {
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
          else if (typeof attr.value !== 'string' && attr.value !== null && attr.value !== undefined)
            add(`<${name}> 的属性 ${attrName} 不允许用 {…} 表达式，只能写带引号的文本`);
          else if (typeof attr.value === 'string' && isScriptUrl(attr.value)) add(`属性 ${attrName} 不允许 ${shortUrl(attr.value)} 这类脚本网址`);
          else if (allowedAttrs && !allowedAttrs.includes(attrName)) add(`<${name}> 不支持属性 ${attrName}；可用：${allowedAttrs.join('、') || '（无）'}`);
        }
        break;
      }
      case 'heading':
        out.headings.push({ depth: node.depth ?? 1, text: textOf(node).trim(), line });
        break;
      case 'image':
      case 'link':
      case 'definition': {
        const url = node.url ?? '';
        const isImage = node.type === 'image' || (node.type === 'definition' && imageIds.has(node.identifier ?? ''));
        if (isScriptUrl(url)) add(`不允许 ${shortUrl(url)} 这类脚本网址；链接只能用 http(s) 网址或站内路径`);
        else if (isImage && isOtherHost(url)) add(`不允许引用其他网站的图片 ${shortUrl(url)}：网站不从其他网站加载任何内容，读者的访问不应被第三方记录`);
        else if (isImage) {
          const problem = imageReferenceProblem(url);
          if (problem) add(problem);
          else out.images.push({ url, line });
        } else if (url) out.links.push({ url, line });
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
}

/** Identifiers of the definitions that images use (![图][logo] uses [logo]: …). */
function imageReferenceIds(root: BodyNode): Set<string> {
  const ids = new Set<string>();
  const visit = (node: BodyNode): void => {
    if (node.type === 'imageReference' && node.identifier) ids.add(node.identifier);
    node.children?.forEach(visit);
  };
  visit(root);
  return ids;
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
      if (after.startsWith('!--')) return { line: at, message: 'MDX 不支持 HTML 注释“<!-- … -->”；请删去注释，给编辑的说明写在拉取请求里' };
      if (/^[a-z][a-z0-9+.-]*:/i.test(after)) return { line: at, message: `MDX 不支持“<网址>”形式的自动链接（${snippet}…）；请写成 [链接文字](网址)` };
      if (!/^[A-Za-z/]/.test(after)) return { line: at, message: `“${snippet}”中的“<”会被当作标签的开头；${LESS_THAN_HINT}` };
    }
    return { line, message: `标签写法有误；正文只允许 ${allowedList()} 组件，属性值要加引号，如 <Note title="编者按">…</Note>` };
  }
  const unclosed = /^Expected a closing tag for `<([^>]*)>`/.exec(reason);
  if (unclosed)
    return {
      line,
      message: `<${unclosed[1]}> 没有对应的结束标签 </${unclosed[1]}>；组件要成对书写，如 <Note title="编者按">…</Note>，且开始和结束标签各占一段`,
    };
  if (/^Unexpected closing (slash|tag)/.test(reason))
    return { line, message: '多出的结束标签，或结束标签与开始标签不配对；请检查 </…> 是否与前面的 <…> 一一对应' };
  if (error.source === 'micromark-extension-mdx-expression' || error.source === 'micromark-extension-mdxjs-esm')
    return { line, message: `“{”开始的内容不是合法的 MDX 表达式；正文不允许 {…} 表达式，${BRACE_HINT}` };
  // Anything else (a parser limit we did not foresee) is still the file's problem, said in Chinese.
  return { line, message: `正文无法解析（MDX 语法错误）；正文里的“<”和“{”有特殊含义，${LESS_THAN_HINT}，${BRACE_HINT}` };
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

/** Parses the body and lists every construct that is not allowed, with its headings, links and images. */
export function analyseBody(body: string): BodyAnalysis {
  const out: BodyAnalysis = { problems: [], headings: [], links: [], images: [] };
  const parsed = parseBody(body);
  if ('problems' in parsed) {
    out.problems.push(...parsed.problems);
    return out;
  }
  walk(parsed.tree, out, imageReferenceIds(parsed.tree));
  out.tree = parsed.tree;
  return out;
}

/** Only the problems: what `npm run check` reports for a body. */
export function checkMdxBody(body: string): BodyProblem[] {
  return analyseBody(body).problems;
}
