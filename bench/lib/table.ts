import { type Figure, relativeSpread } from './stats';

export type Cell = string | number | Figure | null;

function isFigure(cell: Cell): cell is Figure {
  return typeof cell === 'object' && cell !== null && 'median' in cell;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "12.3 (11.9–13.0)": the median, then the fastest and slowest run. */
export function formatCell(cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'string') return cell;
  if (!isFigure(cell)) return String(cell);
  if (cell.runs.length === 1) return formatNumber(cell.median);
  return `${formatNumber(cell.median)} (${formatNumber(cell.min)}–${formatNumber(cell.max)}, ±${Math.round((relativeSpread(cell) * 100) / 2)}%)`;
}

/** A fixed-width text table; the first column is left-aligned, the others right-aligned. */
export function renderTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = [header, ...rows.map((r) => r.map(formatCell))];
  const widths = header.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [`\n${title}`, line(header), rule, ...text.slice(1).map(line)].join('\n');
}
