/**
 * Search queries. Cases are written in Simplified Chinese, so a Traditional query is
 * converted before it reaches the index (第一書記 → 第一书记). The converter is passed in, so
 * this stays pure and the browser loads OpenCC's small t2cn dictionary only.
 */
// Imported statically: the search page imports the same module statically, and a dynamic
// import here only made the bundler warn that it could not split it off (INEFFECTIVE_DYNAMIC_IMPORT).
import * as OpenCC from 'opencc-js/t2cn';

export type Convert = (text: string) => string;

/** Trims, folds full-width spaces and converts the script; several words stay several words. */
export function normaliseQuery(raw: string, toSimplified: Convert): string {
  return toSimplified(
    raw
      .replace(/\u3000/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

let converter: Convert | undefined;
/** OpenCC's Traditional → Simplified (mainland) converter, built once on first use: building it takes a moment. */
export async function traditionalToSimplified(): Promise<Convert> {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter;
}
