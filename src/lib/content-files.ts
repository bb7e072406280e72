/**
 * What every content folder (cases, 专题) asks of its files, whatever they are for: no symbolic
 * links or hidden entries, and text in UTF-8. Each folder's own rules (extensions, sizes) stay
 * with its check.
 */
import type { Stats } from 'node:fs';

export const NOT_UTF8 = '文件不是 UTF-8 编码（可能是 GBK）；请在编辑器里用“UTF-8”编码另存';

/** A content file's text, or undefined when it is not UTF-8 (say NOT_UTF8). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a byte order mark in the text, so a second one is seen and refused.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** What no content folder may hold, whatever it is for: symbolic links and hidden entries. */
export function unsafeEntryProblem(name: string, stat: Stats): string | undefined {
  if (stat.isSymbolicLink()) return '不允许符号链接：内容文件夹里只放真实的文件（符号链接可以指向构建机器上的任何文件）';
  if (name.startsWith('.')) return '不允许以“.”开头的隐藏文件或文件夹；请删去或改名';
  return undefined;
}
