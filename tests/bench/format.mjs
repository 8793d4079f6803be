// How the bench prints: a mark for a budget, milliseconds, and plain-text tables.
export const mark = (ok) => (ok ? '✓' : '✗');
export const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—');

/** Rows of cells as aligned columns under a rule; the columns in `right` align right. */
export function table(rows, { right = [] } = {}) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  const line = (row) =>
    row
      .map((cell, col) =>
        right.includes(col) ? String(cell).padStart(widths[col]) : String(cell).padEnd(widths[col]),
      )
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
