import { formatDate, formatNumber, formatPercent } from '@ntm/core';

/**
 * A report as plain data, rendered alike to .xlsx and to PDF: numbers stay numbers (Excel
 * can compute with them) and are written the Vietnamese way on paper.
 */
export type ReportCell =
  | string
  | null
  | { number: number; format: 'integer' | 'decimal' | 'percent' }
  | { text: string; bold: true }
  /** An ISO calendar date, "2025-07-01", or a local time in Vietnam, "2025-07-01T10:04": an Excel date. */
  | { date: string };

export interface ReportColumn {
  header: string;
  /** Relative width: characters in Excel, a share of the page in PDF. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportTable {
  title?: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

export interface ReportDocument {
  /** File name without extension, ASCII. */
  fileName: string;
  /** The issuing body, top left of the first page, e.g. "UBND TỈNH DEMO". */
  issuer: string;
  title: string;
  subtitle: string[];
  /** The area the report is about, in the page header. */
  unitName: string;
  /** ISO date of the report, in Vietnam. */
  date: string;
  orientation: 'portrait' | 'landscape';
  tables: ReportTable[];
  notes: string[];
  /** Print the signature block (reports that are filed; not a bare table export). */
  signatures: boolean;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Vietnam (UTC+7, no daylight saving) at `instant`. */
export function vietnamDate(instant: Date): string {
  return vietnamTime(instant).slice(0, 10);
}

/** The wall-clock time in Vietnam at `instant`, "2025-07-01T10:04". */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** "ngày 05 tháng 03 năm 2022", as dated documents are signed. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

export const integer = (n: number): ReportCell => ({ number: n, format: 'integer' });
export const decimal = (n: number): ReportCell => ({ number: n, format: 'decimal' });
export const percent = (n: number): ReportCell => ({ number: n, format: 'percent' });
export const bold = (text: string): ReportCell => ({ text, bold: true });

/** The cell as printed: "1.234", "6,2", "85,5%". */
export function cellText(cell: ReportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('text' in cell) return cell.text;
  if ('date' in cell) {
    return cell.date.length > 10
      ? `${formatDate(cell.date.slice(0, 10))} ${cell.date.slice(11, 16)}`
      : formatDate(cell.date);
  }
  switch (cell.format) {
    case 'integer':
      return formatNumber(cell.number, 0);
    case 'decimal':
      return formatNumber(cell.number, 2);
    case 'percent':
      return formatPercent(Math.round(cell.number * 10) / 10);
  }
}

export function dateLine(doc: Pick<ReportDocument, 'date'>): string {
  return `Ngày lập: ${formatDate(doc.date)}`;
}
