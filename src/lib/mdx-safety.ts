/**
 * Case MDX arrives by pull request, and MDX can run code at build time and in the reader's
 * browser. The body may use Markdown and the components listed here, nothing else.
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

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'form', 'link', 'meta', 'base', 'frame', 'frameset']);
const allowedList = () => Object.keys(ALLOWED_COMPONENTS).map((c) => `<${c}>`).join('、');

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: Node[];
}

/** Browsers ignore control characters and whitespace inside a scheme, so must we. */
const isScriptUrl = (url: string): boolean =>
  /^(javascript|vbscript|data):/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));

function checkNode(node: Node, problems: BodyProblem[]): void {
  const line = node.position?.start.line ?? 1;
  const add = (message: string) => problems.push({ line, message });
  switch (node.type) {
    case 'mdxjsEsm':
      add('不允许 import 或 export 语句：案例正文只能写 Markdown');
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      add('不允许 {…} 表达式：如要写花括号，请用全角“｛｝”或写成 \\{');
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!name) {
        add('不允许空标签 <>…</>');
        break;
      }
      const allowedAttrs = ALLOWED_COMPONENTS[name];
      if (DANGEROUS_TAGS.has(name.toLowerCase())) add(`不允许 <${name}> 标签`);
      else if (!allowedAttrs) add(`不允许标签或组件 <${name}>；只允许：${allowedList()}。如要写“<”请用全角“＜”`);
      for (const attr of node.attributes ?? []) {
        if (attr.type !== 'mdxJsxAttribute') {
          add(`<${name}> 不允许 {…} 展开属性`);
          continue;
        }
        const attrName = attr.name ?? '';
        if (/^on/i.test(attrName)) add(`不允许事件属性 ${attrName}=`);
        else if (typeof attr.value !== 'string' && attr.value !== null && attr.value !== undefined) add(`<${name}> 的属性 ${attrName} 不允许用 {…} 表达式，只能写文本`);
        else if (typeof attr.value === 'string' && isScriptUrl(attr.value)) add(`属性 ${attrName} 不允许 javascript: 等脚本网址`);
        else if (allowedAttrs && !allowedAttrs.includes(attrName)) add(`<${name}> 不支持属性 ${attrName}；可用：${allowedAttrs.join('、') || '（无）'}`);
      }
      break;
    }
    case 'link':
    case 'image':
    case 'definition':
      if (node.url && isScriptUrl(node.url)) add(`不允许 ${node.url.slice(0, 30)} 这类脚本网址；链接只能用 http(s) 或站内路径`);
      break;
  }
  for (const child of node.children ?? []) checkNode(child, problems);
}

/** Parses the body as MDX and lists every construct that is not allowed. */
export function checkMdxBody(body: string): BodyProblem[] {
  let tree: Node;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as Node;
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line: number } }; reason?: string; message?: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    return [{ line, message: `MDX 语法错误（${e.reason ?? e.message}）。正文里的“<”和“{”有特殊含义，要写这两个字符请改用全角“＜”“｛”或在前面加反斜杠` }];
  }
  const problems: BodyProblem[] = [];
  checkNode(tree, problems);
  return problems;
}
