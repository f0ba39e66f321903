import { z } from 'zod';
import { YearParam } from './common';

export const ReportName = z.enum(['criteria-results', 'bands', 'commune-list', 'targets', 'scorecard']);
export type ReportName = z.infer<typeof ReportName>;

export const ReportFormat = z.enum(['xlsx', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportParams = z.object({ name: ReportName });

export const ReportQuery = z.object({
  /** The area (district, province …), or the commune for a scorecard. */
  unitId: z.string().min(1).max(64),
  year: YearParam,
  format: ReportFormat.default('xlsx'),
  criteriaSetId: z.string().min(1).max(100).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * How a column's cells are written: numbers stay numbers, ISO dates ("2025-07-01") and
 * timestamps ("2025-07-01T03:04:05Z", shown in Vietnam time) become Excel dates.
 */
export const TableColumnType = z.enum(['text', 'integer', 'decimal', 'percent', 'date', 'datetime']);
export type TableColumnType = z.infer<typeof TableColumnType>;

export const TableColumn = z.object({
  header: z.string().max(200),
  type: TableColumnType.optional(),
});
export type TableColumn = z.infer<typeof TableColumn>;

/** A table as the web application shows it, to be saved as .xlsx. */
export const TableExportRequest = z.object({
  title: z.string().min(1).max(300),
  subtitle: z.string().max(300).optional(),
  /** A bare string is a header whose cells are written as they come. */
  columns: z
    .array(z.union([z.string().max(200), TableColumn]))
    .min(1)
    .max(200),
  rows: z
    .array(z.array(z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).max(200))
    .max(100_000),
  notes: z.array(z.string().max(1000)).max(20).optional(),
  /** The table shows demo data: the workbook says so in its title and a note. */
  demo: z.boolean().optional(),
});
export type TableExportRequest = z.infer<typeof TableExportRequest>;
