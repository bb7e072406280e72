/**
 * Reading the YAML that editors write — a case's frontmatter, a 专题 file — as plain data, by
 * one set of rules, so the two can never be read differently: no directives, no tags (they ask
 * a parser to build something other than text, numbers and lists, and parsers disagree on
 * what they mean), no anchors or aliases (a few lines could expand into gigabytes), no
 * invisible control or bidi characters, even written as escapes in quotes. Every problem comes
 * back as a line of the file and a Chinese message.
 */
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document, type Scalar, type YAMLError } from 'yaml';

/**
 * Characters no field and no body line may hold: control characters (they corrupt CSV, feeds
 * and terminals), bidirectional overrides (they make text read differently from what it is),
 * line separators, and a byte order mark anywhere but at the very start.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

const describeChar = (c: string) => {
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c)) return `文字方向控制符（${code}），它会让文字显示得与实际内容不同`;
  if (c === '\ufeff') return `多余的字节顺序标记 BOM（${code}）`;
  if (c === '\u2028' || c === '\u2029') return `Unicode 行分隔符（${code}）`;
  return `控制字符（${code}）`;
};
export const forbiddenMessage = (c: string) => `含有不可见的${describeChar(c)}，不允许；多半是从网页或其他软件复制带来的，请删去后重新输入这一处`;

/** YAML's error codes, said in terms of what an editor typed. */
function yamlMessage(err: YAMLError): string {
  switch (err.code) {
    case 'DUPLICATE_KEY':
      return '同一个字段写了两次；请删去重复的一行';
    case 'TAB_AS_INDENT':
      return '缩进用了制表符（Tab）；YAML 只能用空格缩进';
    case 'BAD_INDENT':
      return '缩进不对：同一层的字段要左对齐，子字段比上一层多缩进两个空格';
    case 'MISSING_CHAR':
      return '引号或括号没有成对：缺少另一半的 " \' ] 或 }';
    case 'MULTIPLE_DOCS':
      return 'frontmatter 里多了一行 ---；字段只能写在开头的两行 --- 之间';
    case 'BAD_SCALAR_START':
      return '值不能以 @ 或 ` 开头；请给整个值加上引号';
    default:
      return '这一行不是“字段: 值”的形式：冒号要用半角“:”且后面有空格；值里含有“: ”“#”或以 [ { * & ! | > \' " 开头时，请给整个值加引号';
  }
}

/**
 * YAML reports an unclosed quote where the file ends; the editor needs the line that opened
 * it. `firstLine` is the file line of the text's first line (a frontmatter's follows the opening ---).
 */
function unclosedQuoteLine(text: string, firstLine: number): number | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((text) => {
    const open = /^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])/.exec(text);
    return open !== undefined && open !== null && !text.slice(open.index + open[0].length).includes(open[1]!);
  });
  return at === -1 ? undefined : at + firstLine;
}

/**
 * The line of a field's key (or a list item) in a parsed YAML document, falling back to its
 * nearest known parent; `offset` is added (a frontmatter starts on the file's second line).
 */
function yamlLineOf(doc: Document, lineCounter: LineCounter, offset: number): (path: readonly PropertyKey[]) => number {
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
      const key = path[n - 1];
      let start: number | undefined;
      if (isMap(parent)) start = (parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as Scalar | undefined)?.range?.[0];
      else if (isSeq(parent) && typeof key === 'number') start = (parent.items[key] as { range?: [number] } | undefined)?.range?.[0];
      if (start !== undefined) return lineCounter.linePos(start).line + offset;
    }
    return 1;
  };
}

export interface YamlProblem {
  line: number;
  field: string;
  message: string;
}

export interface YamlData {
  /** The data, when it could be read (its values may still have problems). */
  data?: Record<string, unknown>;
  problems: YamlProblem[];
  /** The file line of a field (a path into the data), for the schema's messages. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

export interface YamlPlace {
  /** The file line of the text's first line (a frontmatter follows the opening ---). */
  firstLine: number;
  /** What a problem of the whole text is filed under (frontmatter, 文件). */
  field: string;
  /** The field a line belongs to, for problems YAML can place only by line. */
  fieldAt: (line: number) => string;
  /** What the text should look like, said when it is not a map of fields. */
  shape: string;
}

/** Reads `text` as a map of fields; see the module's comment for what is refused. */
export function readYamlData(text: string, place: YamlPlace): YamlData {
  const problems: YamlProblem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ line, field, message });
  const noLines = () => 1;
  const directive = text.split('\n').findIndex((l) => l.startsWith('%'));
  if (directive !== -1) {
    add(directive + place.firstLine, place.field, 'YAML 格式错误：不允许 % 开头的 YAML 指令（如 %YAML）；请删去这一行');
    return { problems, lineOf: noLines };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // linePos is 1-based; only filled in with prettyErrors, which would put English into messages.
  const fileLine = (pos: number) => lineCounter.linePos(pos).line + place.firstLine - 1;
  if (doc.errors.length > 0) {
    // One message per line: YAML often reports the same slip several times.
    const seen = new Set<number>();
    for (const err of doc.errors) {
      const line = (err.code === 'MISSING_CHAR' ? unclosedQuoteLine(text, place.firstLine) : undefined) ?? fileLine(err.pos[0]);
      if (seen.has(line) || seen.size >= 3) continue;
      seen.add(line);
      add(line, place.field, `YAML 格式错误：${yamlMessage(err)}`);
    }
    return { problems, lineOf: noLines };
  }
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag && node.range) {
      const line = fileLine(node.range[0]);
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      add(line, place.fieldAt(line), `YAML 格式错误：不允许 ${tag} 这类标签；请去掉“!”开头的标签，直接写值（日期等需要时加引号）`);
    }
  });
  if (problems.length > 0) return { problems, lineOf: noLines };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    add(place.firstLine, place.field, 'YAML 格式错误：不允许使用锚点和别名（& 和 *）；请把值直接写出来');
    return { problems, lineOf: noLines };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add(place.firstLine, place.field, place.shape);
    return { problems, lineOf: noLines };
  }
  const lineOf = yamlLineOf(doc, lineCounter, place.firstLine - 1);
  // Escapes in double quotes ("\u202e") put the same characters into a value without them being in the file.
  const scanValues = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const bad = FORBIDDEN_CHARS.exec(value)?.[0];
      if (bad !== undefined) add(lineOf(path), path.join('.'), forbiddenMessage(bad));
    } else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) scanValues(v, [...path, Array.isArray(value) ? Number(k) : k]);
  };
  scanValues(data, []);
  return { data: data as Record<string, unknown>, problems, lineOf };
}
