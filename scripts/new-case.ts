/**
 * `npm run new-case`: writes a draft case with every field and the four body sections.
 *
 *   npm run new-case -- --title 标题 --province 北京市 --county 门头沟区 --level 乡镇 --year 2003 --measures capable-leaders
 *
 * Without flags, on a terminal, it asks for each value instead.
 */
import { createInterface } from 'node:readline/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE } from '../src/config.ts';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { listAllowed } from '../src/schema/errors.ts';
import { LEVELS } from '../src/schema/region.ts';
import { measureIds } from '../src/schema/vocabulary.ts';
import { provinceNames } from '../src/lib/gazetteer.ts';
import {
  baseId,
  isValidId,
  newCaseData,
  optionProblems,
  placeholderBody,
  renderCase,
  uniqueId,
  writeNewFile,
  METRICS_HINT,
  type NewCaseOptions,
} from '../src/lib/scaffold.ts';
import { isEntryPoint, runCommand, UsageError, type Output } from './cli.ts';

const USAGE = `用法：npm run new-case -- --title 标题 --province 省 [--city 市] [--county 县区] [--town 乡镇]
        --level 级别 --year 年份 --measures 措施id,措施id [--id 案例id | --slug 英文提示] [--editor 编辑] [--dir 目录]

必填：--title --province --level --year --measures
  --level     可选：${LEVELS.join('、')}
  --measures  逗号分隔，可选：${listAllowed(measureIds)}
  --province  如 北京市、湖北省（须与 GB/T 2260 一致）
  --id        小写英文、数字和连字符；不给时由地名拼音和年份生成，如 miaofengshan-2003
在终端里不带参数运行时会逐项询问。`;

/** `npm run new-case` with these arguments; returns the exit code. */
export const newCaseCommand = (args: string[], out: Output = console): Promise<number> => runCommand(() => main(args, out), out, '生成失败');

const OPTIONS = {
  id: { type: 'string' },
  slug: { type: 'string' },
  title: { type: 'string' },
  province: { type: 'string' },
  city: { type: 'string' },
  county: { type: 'string' },
  town: { type: 'string' },
  level: { type: 'string' },
  year: { type: 'string' },
  measures: { type: 'string' },
  editor: { type: 'string' },
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function parse(args: string[]): Values {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

const REQUIRED = ['title', 'province', 'level', 'year', 'measures'] as const;

/** Asks on the terminal for each value the flags did not give. */
async function ask(values: Values): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  // The line iterator keeps lines typed (or pasted) ahead of their question; rl.question drops them.
  const lines = rl[Symbol.asyncIterator]();
  try {
    const prompt = async (key: keyof typeof values, question: string, optional = false) => {
      if (values[key] !== undefined) return;
      process.stdout.write(`${question}${optional ? '（可留空）' : ''}：`);
      const next = await lines.next();
      if (next.done) throw new UsageError('\n输入已结束，未生成案例。');
      const answer = String(next.value).trim();
      if (answer || !optional) (values as Record<string, unknown>)[key] = answer;
    };
    await prompt('title', '标题（地名：做法，4–60 字）');
    await prompt('province', `省级行政区（如 ${provinceNames().slice(0, 3).join('、')}）`);
    await prompt('city', '地级市（直辖市不填）', true);
    await prompt('county', '县区', true);
    await prompt('town', '乡镇或街道', true);
    await prompt('level', `实施主体级别（${LEVELS.join('、')}）`);
    await prompt('year', '工作年份（如 2014）');
    await prompt('measures', `措施 id，逗号分隔（${listAllowed(measureIds)}）`);
    await prompt('id', '案例 id（小写英文和连字符，留空则自动生成）', true);
  } finally {
    rl.close();
  }
}

async function main(args: string[], out: Output): Promise<void> {
  const values = parse(args);
  if (values.help) {
    out.log(USAGE);
    return;
  }
  if (REQUIRED.some((k) => values[k] === undefined)) {
    if (!process.stdin.isTTY) {
      const missing = REQUIRED.filter((k) => values[k] === undefined).map((k) => `--${k}`);
      throw new UsageError(`缺少参数 ${missing.join('、')}（不在终端中运行时须用参数给出）。\n\n${USAGE}`);
    }
    await ask(values);
  }
  const year = Number(values.year);
  const options: NewCaseOptions = {
    id: values.id || undefined,
    slug: values.slug || undefined,
    title: values.title!.trim(),
    province: values.province!.trim(),
    city: values.city?.trim() || undefined,
    county: values.county?.trim() || undefined,
    town: values.town?.trim() || undefined,
    level: values.level!.trim(),
    year: Number.isFinite(year) && values.year!.trim() !== '' ? year : (values.year as unknown as number),
    measures: values.measures!.split(/[,，、\s]+/).filter(Boolean),
    editor: values.editor?.trim() || undefined,
  };
  const dir = resolve(PROJECT_ROOT, values.dir ?? SITE.casesDir);
  const base = baseId(options);
  if (options.id && !isValidId(options.id)) throw new UsageError(`--id“${options.id}”不合格式：只能用小写英文字母、数字和单个连字符，如 shashi-three-ventures`);
  // An id the editor chose is meant literally; a derived one just needs to be free.
  const id = options.id ? base : uniqueId(dir, base);
  const data = newCaseData(options, id);
  const problems = optionProblems(data);
  if (problems.length > 0) throw new UsageError(`参数有误：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const file = join(dir, `${id}.mdx`);
  try {
    writeNewFile(file, renderCase(data, placeholderBody(), { fields: { metrics: METRICS_HINT } }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${relative(process.cwd(), file)} 已存在，不会覆盖；请换一个 --id。`);
    throw error;
  }
  out.log(`已生成草稿 ${relative(process.cwd(), file) || file}（draft: true）。`);
  out.log('请把所有“待改写”处改写后，再把 draft 改为 false；npm run check 会拦下仍含“待改写”的正式案例。');
}

if (isEntryPoint(import.meta.url)) process.exitCode = await newCaseCommand(process.argv.slice(2));
