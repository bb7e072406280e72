/** RFC 4180 CSV, with a byte order mark so Excel opens the Chinese text as UTF-8. */
export interface Column<T> {
  /** Header written in the file (ASCII, stable for scripts). */
  key: string;
  /** What the column holds, for the codebook. */
  description: string;
  value: (row: T) => string | number | undefined;
}

/**
 * Text that Excel, WPS or LibreOffice would read as a formula (=, +, -, @, or a tab or carriage
 * return before one) gets a leading apostrophe, as OWASP advises: a case's title cannot become
 * `=HYPERLINK(…)` in an analyst's spreadsheet. Numbers stay numbers.
 */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const quote = (cell: string | number | undefined): string => {
  const text = cell === undefined ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map((c) => quote(c.key)).join(','), ...rows.map((r) => columns.map((c) => quote(c.value(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
