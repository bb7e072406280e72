/**
 * Traditional → Simplified conversion (OpenCC) and detection of the script an article was
 * published in, which a case records in `source.script`.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { SCRIPTS } from '../../schema/source.ts';

type Script = (typeof SCRIPTS)[number];

const toCn = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Share of Han characters OpenCC changes above which a text counts as Traditional. Simplified
 * text is left almost untouched (a few variant forms), Traditional text changes by a fifth or
 * more, so the threshold sits well between the two.
 */
export const TRADITIONAL_SHARE = 0.05;

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);

/** Share of the Han characters of `original` that differ in `converted` (same length assumed). */
export function changedShare(original: string, converted: string): number {
  const a = [...original];
  const b = [...converted];
  if (a.length !== b.length) return 1;
  let han = 0;
  let changed = 0;
  a.forEach((ch, i) => {
    if (!isHan(ch)) return;
    han++;
    if (b[i] !== ch) changed++;
  });
  return han === 0 ? 0 : changed / han;
}

export interface ScriptResult {
  script: Script;
  /** Share of Han characters the conversion changed, 0..1. */
  share: number;
}

export function detectScript(text: string): ScriptResult {
  const share = changedShare(text, toCn(text));
  return { script: share >= TRADITIONAL_SHARE ? '繁' : '简', share };
}

/**
 * Converts to Simplified only when the text is Traditional: OpenCC also rewrites a few
 * variant characters in Simplified text, which would alter quotations for no reason.
 */
export function toSimplified(text: string, script: Script): string {
  return script === '繁' ? toCn(text) : text;
}
