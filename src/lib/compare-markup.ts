/**
 * The comparison table's markup, from the rows of src/lib/compare.ts. A real table: the cases
 * are columns (<th scope="col">), the fields rows (<th scope="row">), so a screen reader names
 * the case and the field of every cell. Shared measures are marked in words, not colour alone.
 */
import { escapeHtml } from './html.ts';
import { sharedMark, type Comparison, type CompareRow } from './compare.ts';

export interface CompareLinks {
  caseUrl: (id: string) => string;
  measureUrl: (id: string) => string;
}

const list = (items: string[]): string => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<span class="muted">无</span>');

function cellHtml(row: CompareRow, i: number, compared: number, links: CompareLinks): string {
  switch (row.type) {
    case 'text':
      return escapeHtml(row.cells[i]!);
    case 'list':
      return list(row.cells[i]!.map(escapeHtml));
    case 'measures':
      return list(
        row.cells[i]!.map((m) => {
          const mark = sharedMark(m.sharedBy, compared);
          return `<a href="${escapeHtml(links.measureUrl(m.id))}">${escapeHtml(m.name)}</a>${mark ? `<strong class="shared-mark">（${mark}）</strong>` : ''}`;
        }),
      );
    case 'metrics':
      return list(
        row.cells[i]!.map(
          (m) =>
            `${escapeHtml(m.label)}：<span class="figure">${escapeHtml(m.display)}</span>${m.note ? `<span class="muted">（${escapeHtml(m.note)}）</span>` : ''}`,
        ),
      );
  }
}

/** The <table>; each column head carries a 移除 button with data-remove set to the case id. */
export function comparisonTableHtml(comparison: Comparison, links: CompareLinks): string {
  const n = comparison.columns.length;
  const heads = comparison.columns
    .map(
      (c) =>
        `<th scope="col"><a href="${escapeHtml(links.caseUrl(c.id))}">${escapeHtml(c.title)}</a>` +
        `<button type="button" class="secondary no-print" data-remove="${escapeHtml(c.id)}" aria-label="从对比中移除“${escapeHtml(c.title)}”">移除</button></th>`,
    )
    .join('');
  const rows = comparison.rows
    .map(
      (row) =>
        `<tr data-row="${escapeHtml(row.key)}"><th scope="row">${escapeHtml(row.label)}</th>${comparison.columns.map((_, i) => `<td>${cellHtml(row, i, n, links)}</td>`).join('')}</tr>`,
    )
    .join('');
  return (
    `<table class="compare-table">` +
    `<caption>${n}个案例并排对比。措施后标“共同”的是各案例都有的措施，标“几个案例共有”的是其中几个案例都有的；数据按类别（金额、人数……）同行排列，保留原文的约数和上下限。</caption>` +
    `<colgroup><col class="field" />${'<col />'.repeat(n)}</colgroup>` +
    `<thead><tr><th scope="col">字段</th>${heads}</tr></thead><tbody>${rows}</tbody></table>`
  );
}
