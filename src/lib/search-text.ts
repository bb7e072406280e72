/**
 * Text added to pages for the search index only. Cases are written in Simplified Chinese and
 * queries are converted to Simplified before searching, so the one Traditional text on a page
 * — the title of a Traditional source — also gets its Simplified form indexed beside it.
 */
import type { Convert } from './query.ts';

/** The Simplified form of a Traditional text, or undefined when conversion changes nothing. */
export function simplifiedVariant(text: string, toSimplified: Convert): string | undefined {
  const converted = toSimplified(text);
  return converted === text ? undefined : converted;
}

let converter: Convert | undefined;
/** OpenCC's Traditional → Simplified (mainland) converter, built once: its dictionary takes a moment to load. */
export async function traditionalToSimplified(): Promise<Convert> {
  if (!converter) {
    const OpenCC = await import('opencc-js/t2cn');
    converter = OpenCC.Converter({ from: 't', to: 'cn' });
  }
  return converter;
}
