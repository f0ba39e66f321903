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

/** A table as the web application shows it, to be saved as .xlsx. */
export const TableExportRequest = z.object({
  title: z.string().min(1).max(300),
  subtitle: z.string().max(300).optional(),
  columns: z.array(z.string().max(200)).min(1).max(200),
  rows: z.array(z.array(z.union([z.string().max(2000), z.number(), z.null()])).max(200)).max(100_000),
  notes: z.array(z.string().max(1000)).max(20).optional(),
});
export type TableExportRequest = z.infer<typeof TableExportRequest>;
