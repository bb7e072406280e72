/**
 * Turns zod issues into one Chinese line each that an editor can act on: the field, the bad
 * value and what is allowed. Modelled on Starlight's parseWithFriendlyErrors.
 *
 * Every parse of case data goes through parseWithChineseErrors, so the schema has one error map:
 * the wording below for the issues editors meet, and zod's own zh-CN locale as the fallback for
 * any other issue (never zod's English default).
 */
import { z } from 'astro/zod';

/** zod's zh-CN messages, used only where the wording below has no case of its own. */
const zhCN = z.locales.zhCN().localeError;
const fallbackMessage = (issue: z.core.$ZodRawIssue): string => {
  const made = zhCN(issue);
  return (typeof made === 'string' ? made : made?.message) ?? '不符合要求';
};

/** Parses with the schema, every issue message in Chinese (see friendlyProblems for the wording). */
export function parseWithChineseErrors<T extends z.ZodType>(schema: T, data: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(data, { reportInput: true, error: fallbackMessage });
}

export interface FieldProblem {
  /** Dotted path of the field, as written in the frontmatter: region.province, metrics.2.unit. */
  field: string;
  /** Path segments, for finding the line in the YAML source. */
  path: PropertyKey[];
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象（缩进的子字段）',
  date: '日期',
  null: '空值',
  undefined: '空',
};

const MAX_LISTED = 40;

/** A short rendering of the value the editor wrote. */
export function showValue(value: unknown): string {
  if (value === undefined) return '（空）';
  if (value === null) return '（空值 null）';
  if (typeof value === 'string') return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

export function listAllowed(values: readonly unknown[]): string {
  const shown = values
    .slice(0, MAX_LISTED)
    .map((v) => String(v))
    .join('、');
  return values.length > MAX_LISTED ? `${shown} 等 ${values.length} 个` : shown;
}

/** An allowed value the editor probably meant: 湖北 → 湖北省, first-secretery → first-secretary. */
export function closest(value: string, allowed: readonly string[]): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const containing = allowed.filter((a) => a.startsWith(v) || a.includes(v) || v.includes(a));
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(v.length / 3)) + 1;
  for (const a of allowed) {
    const d = editDistance(v, a);
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return '缺少必填字段';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际写的是${showValue(value)}（${TYPE_NAMES[typeOf(value)] ?? typeOf(value)}）`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return `太短：至少 ${n} 个字，实际 ${String(value).length} 个字`;
      if (issue.origin === 'array') return `至少要有 ${n} 项，实际 ${Array.isArray(value) ? value.length : 0} 项`;
      return `${showValue(value)} 太小：不能小于 ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `太长：最多 ${n} 个字，实际 ${String(value).length} 个字`;
      if (issue.origin === 'array') return `最多 ${n} 项，实际 ${Array.isArray(value) ? value.length : 0} 项`;
      return `${showValue(value)} 太大：不能大于 ${n}`;
    }
    case 'invalid_value': {
      const guess = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      return `${showValue(value)} 不是允许的值${guess ? `（是否想写“${guess}”？）` : ''}；可选：${listAllowed(issue.values)}`;
    }
    case 'invalid_format':
      return `${showValue(value)} 格式不对：${issue.message}`;
    case 'not_multiple_of':
      return `${showValue(value)} 应为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段 ${issue.keys.map((k) => `“${k}”`).join('、')}（拼写错误或多余的字段）`;
    case 'invalid_union':
      return `${showValue(value)} 不符合要求`;
    case 'custom': {
      // `bare`: the message says what it is about, and the value is a whole list not worth repeating.
      const { allowed, bare } = (issue.params as { allowed?: unknown[]; bare?: boolean } | undefined) ?? {};
      const base = bare ? issue.message : `${showValue(value)} ${issue.message}`;
      return allowed && allowed.length > 0 ? `${base}；可选：${listAllowed(allowed)}` : base;
    }
    default:
      // issue.message is zod's zh-CN text here (parseWithChineseErrors).
      return `${showValue(value)} 不符合要求（${issue.message}）`;
  }
}

/** One problem per issue; `data` is the parsed frontmatter, used to show the value written. */
export function friendlyProblems(error: z.ZodError, data: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    // What the editor wrote at that field; zod's own `input` is sometimes the enclosing object.
    const written = valueAt(data, path);
    const value = written === undefined && 'input' in issue && issue.code !== 'unrecognized_keys' ? issue.input : written;
    // Unknown keys are reported on the key itself, so the line points at the typo.
    const fieldPath = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
    return { field: fieldPath.map(String).join('.') || '（frontmatter）', path: fieldPath, message: describe(issue, value) };
  });
}
