/**
 * The casebook as data: one CSV row per case and one per figure. Columns follow the case
 * schema's output type, so a renamed field fails type checking here instead of silently
 * producing an empty column; the codebook page lists these same column definitions.
 */
import type { CaseData } from '../schema/case.ts';
import type { Metric } from '../schema/metric.ts';
import { measuresById } from '../schema/vocabulary.ts';
import type { Column } from './csv.ts';

export const caseColumns: Column<CaseData>[] = [
  { key: 'id', description: '案例 id（网址中的英文标识）', value: (c) => c.id },
  { key: 'title', description: '标题', value: (c) => c.title },
  { key: 'province', description: '省级行政区（GB/T 2260 名称）', value: (c) => c.region.province },
  { key: 'city', description: '地级行政区', value: (c) => c.region.city },
  { key: 'county', description: '县级行政区', value: (c) => c.region.county },
  { key: 'town', description: '乡镇、街道', value: (c) => c.region.town },
  { key: 'village', description: '村、社区', value: (c) => c.region.village },
  { key: 'region_code', description: '已知最细一级的 GB/T 2260 区划代码', value: (c) => c.region.code },
  { key: 'level', description: '实施主体层级', value: (c) => c.level },
  { key: 'year', description: '工作年份（不是报道年份）', value: (c) => c.year },
  { key: 'year_start', description: '工作起始年', value: (c) => c.period?.start },
  { key: 'year_end', description: '工作结束年', value: (c) => c.period?.end },
  { key: 'measures', description: '措施 id，以分号分隔', value: (c) => c.measures.join(';') },
  { key: 'measure_names', description: '措施名称，以分号分隔', value: (c) => c.measures.map((m) => measuresById.get(m)?.name ?? m).join(';') },
  { key: 'metric_count', description: '数据条数', value: (c) => c.metrics.length },
  { key: 'source_publisher', description: '来源发布者', value: (c) => c.source.publisher },
  { key: 'source_title', description: '来源标题（原文字形）', value: (c) => c.source.title },
  { key: 'source_date', description: '来源发表日期', value: (c) => c.source.date },
  { key: 'source_script', description: '原文字形：简或繁', value: (c) => c.source.script },
  { key: 'source_type', description: '来源体裁', value: (c) => c.source.type },
  { key: 'source_url', description: '来源网址（已知时）', value: (c) => c.source.url },
  { key: 'editor', description: '编写者', value: (c) => c.editor },
];

export type MetricRow = { case: CaseData; metric: Metric };

/** CSV has no booleans; 1 and 0 sum and filter in any spreadsheet. */
const flag = (b: boolean): number => (b ? 1 : 0);

export const metricColumns: Column<MetricRow>[] = [
  { key: 'case_id', description: '所属案例 id', value: (r) => r.case.id },
  { key: 'case_title', description: '所属案例标题', value: (r) => r.case.title },
  { key: 'province', description: '省级行政区', value: (r) => r.case.region.province },
  { key: 'year', description: '工作年份', value: (r) => r.case.year },
  { key: 'label', description: '指标', value: (r) => r.metric.label },
  { key: 'value', description: '原文数值', value: (r) => r.metric.value },
  { key: 'max', description: '区间上限（原文为区间时）', value: (r) => r.metric.max },
  { key: 'unit', description: '原文单位', value: (r) => r.metric.unit },
  { key: 'qualifier', description: '原文限定词（约、余、超过……）', value: (r) => r.metric.qualifier },
  { key: 'approximate', description: '1 = 原文是约数（约、近、余、多），0 = 不是', value: (r) => flag(r.metric.normalised.approximate) },
  {
    key: 'bound',
    description: 'lower = 原文给的是下限（超过、以上、余、多），upper = 上限（不足、以下、近），空 = 都不是',
    value: (r) => r.metric.normalised.bound,
  },
  { key: 'display', description: '按中文习惯写出的原文数据', value: (r) => r.metric.display },
  { key: 'kind', description: '数量类别（金额、人数……）；能否相加看 additive', value: (r) => r.metric.normalised.kind },
  {
    key: 'additive',
    description: '1 = 这一类别的数跨指标、跨案例相加有意义（金额、人数等），0 = 只能在同一指标内比较（个、项、家、%、时长等）',
    value: (r) => flag(r.metric.normalised.additive),
  },
  { key: 'base_unit', description: '折算后的基本单位', value: (r) => r.metric.normalised.unit },
  { key: 'base_value', description: '折算后的数值（区间取下限；是否精确看 approximate 和 bound）', value: (r) => r.metric.normalised.value },
  { key: 'base_max', description: '折算后的区间上限', value: (r) => r.metric.normalised.max },
  { key: 'base_at_least', description: '按原文至少是多少（折算后）；原文没有给出下限时为空', value: (r) => r.metric.normalised.atLeast },
  { key: 'base_at_most', description: '按原文至多是多少（折算后）；原文没有给出上限时为空', value: (r) => r.metric.normalised.atMost },
  { key: 'note', description: '说明', value: (r) => r.metric.note },
];

export const metricRows = (cases: readonly CaseData[]): MetricRow[] => cases.flatMap((c) => c.metrics.map((metric) => ({ case: c, metric })));
