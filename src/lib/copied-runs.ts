/**
 * Own words: finds the stretches of a case body that repeat a source report. Cases are
 * written from reports in the project's own words, so a run of 15 or more characters shared
 * with the report is almost always a copied clause. Both texts are compared "squeezed":
 * full-width and half-width forms are folded together and spaces and punctuation dropped,
 * because re-spacing a copied sentence ("2014 年" for "2014年") or changing its commas does
 * not make it one's own. What the case puts in quotes or title marks (“三创三业”,
 * 《管理暂行办法》, 「…」) is a citation and never counts.
 *
 * The caller converts a Traditional report to Simplified first (import/script.ts); this
 * module only compares text.
 */
import { lineOf, lineStarts } from './text-lines.ts';

/** Shortest run reported: shorter shared runs are names, figures and set phrases. */
export const MIN_COPIED_RUN = 15;

/** A report this large is not a news article; the comparison stays linear in the report anyway. */
export const MAX_REPORT_CHARS = 2_000_000;

export interface CopiedRun {
  /** Line of the body where the run starts, counted from `firstLine`. */
  line: number;
  /** The run as written in the case, spaces and punctuation included. */
  text: string;
  /** Characters the run shares with the report once squeezed (what the 15-character rule counts). */
  length: number;
}

export interface CopiedRunOptions {
  /** Shortest shared run to report; MIN_COPIED_RUN unless a test wants another. */
  minLength?: number;
  /** Line number of the body's first line in its file, so lines point into the file. */
  firstLine?: number;
}

/** Quotations and titles the case cites: “…” 《…》 「…」 『…』 (one line at most, so an unclosed mark cannot hide a paragraph). */
const CITED = /“[^”\n]*”|《[^》\n]*》|「[^」\n]*」|『[^』\n]*』/g;

/** What a squeezed text keeps: letters, digits and Han characters (marks of Han text such as combining accents stay with them). */
const KEPT = /[\p{L}\p{N}\p{M}]/u;

/** One character folded for comparison: full-width forms to half-width, Latin letters to lower case. */
const fold = (ch: string): string => ch.normalize('NFKC').toLowerCase();

interface Squeezed {
  /** Kept characters, folded, one per code point of the original. */
  chars: string[];
  /** For each kept character, its offset in the original text. */
  offsets: number[];
}

/**
 * The characters a comparison looks at, with where each came from. Folding can turn one
 * character into several (NFKC of ㈠ is "(一)"); only the kept ones count.
 */
function squeeze(text: string, from = 0, to = text.length): Squeezed {
  const chars: string[] = [];
  const offsets: number[] = [];
  let at = from;
  for (const ch of text.slice(from, to)) {
    for (const f of fold(ch)) {
      if (KEPT.test(f)) {
        chars.push(f);
        offsets.push(at);
      }
    }
    at += ch.length;
  }
  return { chars, offsets };
}

/** Every window of `size` squeezed characters of the report, for constant-time look-ups. */
function windowsOf(report: string, size: number): Set<string> {
  const { chars } = squeeze(report.length > MAX_REPORT_CHARS ? report.slice(0, MAX_REPORT_CHARS) : report);
  const windows = new Set<string>();
  for (let i = 0; i + size <= chars.length; i++) windows.add(chars.slice(i, i + size).join(''));
  return windows;
}

/** Stretches of the body outside citations, as [start, end) offsets. */
function uncitedSpans(body: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of body.matchAll(CITED)) {
    spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  spans.push([start, body.length]);
  return spans.filter(([a, b]) => b > a);
}

/**
 * Every run of the body that the report also contains, longest stretch first within each
 * place, in the order they appear. A run is a maximal stretch of the body covered by windows
 * of `minLength` squeezed characters that occur in the report; it never crosses a citation.
 */
export function findCopiedRuns(body: string, report: string, options: CopiedRunOptions = {}): CopiedRun[] {
  const size = Math.max(1, options.minLength ?? MIN_COPIED_RUN);
  const firstLine = options.firstLine ?? 1;
  const windows = windowsOf(report, size);
  if (windows.size === 0) return [];
  const starts = lineStarts(body);
  const lineAt = (offset: number): number => firstLine - 1 + lineOf(starts, offset);
  const runs: CopiedRun[] = [];
  for (const [from, to] of uncitedSpans(body)) {
    const { chars, offsets } = squeeze(body, from, to);
    // covered[i]: some shared window includes squeezed character i.
    const covered = new Uint8Array(chars.length);
    for (let i = 0; i + size <= chars.length; i++) {
      if (windows.has(chars.slice(i, i + size).join(''))) covered.fill(1, i, i + size);
    }
    for (let i = 0; i < chars.length;) {
      if (!covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < chars.length && covered[j]) j++;
      const start = offsets[i]!;
      const last = offsets[j - 1]!;
      const end = last + String.fromCodePoint(body.codePointAt(last)!).length;
      runs.push({ line: lineAt(start), text: body.slice(start, end), length: j - i });
      i = j;
    }
  }
  return runs;
}

/** The check's line for one run: `与原始报道雷同：“…”（N 字）`, the run shown on one line. */
export function copiedRunMessage(run: CopiedRun): string {
  return `与原始报道雷同：“${run.text.replace(/\s*\n\s*/g, ' ')}”（${run.length} 字）`;
}
