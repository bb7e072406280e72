/**
 * /data/cases.json: every structured field of every published case, for analysts and other
 * sites. The shape is spelled out field by field rather than spreading the schema's output, so
 * a renamed schema field fails type checking here and the file's shape changes only with
 * `SCHEMA_VERSION`. Absent values are `null`, never missing keys, so every case has the same keys.
 */
import type { CaseData } from '../schema/case.ts';
import type { Metric } from '../schema/metric.ts';
import { measuresById } from '../schema/vocabulary.ts';
import { splitMeasures } from './measure-use.ts';
import type { Bound } from './metrics.ts';

/** Raised when a field is renamed, removed or changes meaning; adding a field keeps the major number. */
export const SCHEMA_VERSION = '1.0';

export interface OpenMetric {
  label: string;
  value: number;
  max: number | null;
  unit: string;
  qualifier: string | null;
  display: string;
  note: string | null;
  normalised: {
    kind: string;
    unit: string;
    additive: boolean;
    value: number;
    max: number | null;
    approximate: boolean;
    bound: Bound;
    atLeast: number | null;
    atMost: number | null;
  };
}

export interface OpenCase {
  id: string;
  title: string;
  summary: string;
  /** Site-relative address of the case page (with the site's base path). */
  url: string;
  region: {
    province: string;
    city: string | null;
    county: string | null;
    town: string | null;
    village: string | null;
    note: string | null;
    /** The most precise GB/T 2260 code known, and the code of each level. */
    code: string;
    provinceCode: string;
    cityCode: string | null;
    countyCode: string | null;
    townCode: string | null;
    villageCode: string | null;
  };
  level: string;
  year: number;
  period: { start: number; end: number } | null;
  measures: { id: string; name: string; category: string; primary: boolean }[];
  metrics: OpenMetric[];
  source: { publisher: string; title: string; date: string; url: string | null; script: string; type: string; author: string | null };
  objectives: string[];
  questions: string[];
  editor: string;
}

export interface OpenData {
  schemaVersion: string;
  /** Licences of the case texts and of the structured data (SITE.licence). */
  licence: { text: string; data: string };
  /** The day the file was built, YYYY-MM-DD. */
  buildDate: string;
  caseCount: number;
  cases: OpenCase[];
}

const orNull = <T>(v: T | undefined): T | null => v ?? null;

export function openMetric(m: Metric): OpenMetric {
  const n = m.normalised;
  return {
    label: m.label,
    value: m.value,
    max: orNull(m.max),
    unit: m.unit,
    qualifier: orNull(m.qualifier),
    display: m.display,
    note: orNull(m.note),
    normalised: {
      kind: n.kind,
      unit: n.unit,
      additive: n.additive,
      value: n.value,
      max: orNull(n.max),
      approximate: n.approximate,
      bound: n.bound,
      atLeast: orNull(n.atLeast),
      atMost: orNull(n.atMost),
    },
  };
}

export function openCase(c: CaseData, pageUrl: (id: string) => string): OpenCase {
  const primary = new Set(splitMeasures(c).primary);
  const r = c.region;
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    url: pageUrl(c.id),
    region: {
      province: r.province,
      city: orNull(r.city),
      county: orNull(r.county),
      town: orNull(r.town),
      village: orNull(r.village),
      note: orNull(r.note),
      code: r.code,
      provinceCode: r.provinceCode,
      cityCode: orNull(r.cityCode),
      countyCode: orNull(r.countyCode),
      townCode: orNull(r.townCode),
      villageCode: orNull(r.villageCode),
    },
    level: c.level,
    year: c.year,
    period: c.period ? { start: c.period.start, end: c.period.end } : null,
    measures: c.measures.map((id) => {
      const m = measuresById.get(id);
      return { id, name: m?.name ?? id, category: m?.category ?? '', primary: primary.has(id) };
    }),
    metrics: c.metrics.map(openMetric),
    source: {
      publisher: c.source.publisher,
      title: c.source.title,
      date: c.source.date,
      url: orNull(c.source.url),
      script: c.source.script,
      type: c.source.type,
      author: orNull(c.source.author),
    },
    objectives: [...c.objectives],
    questions: [...c.questions],
    editor: c.editor,
  };
}

export interface OpenDataOptions {
  licence: { readonly text: string; readonly data: string };
  buildDate: Date;
  pageUrl: (id: string) => string;
}

/** Drafts never reach the file, even if a caller passes them: they are not published. */
export function openData(cases: readonly CaseData[], options: OpenDataOptions): OpenData {
  const published = cases.filter((c) => !c.draft);
  return {
    schemaVersion: SCHEMA_VERSION,
    licence: { text: options.licence.text, data: options.licence.data },
    buildDate: options.buildDate.toISOString().slice(0, 10),
    caseCount: published.length,
    cases: published.map((c) => openCase(c, options.pageUrl)),
  };
}
