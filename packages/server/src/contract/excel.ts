import { ObservedValue } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

export const TemplateQuery = z.object({
  unitId: z.string().min(1).max(64),
  year: YearParam,
  criteriaSetId: z.string().min(1).max(100).optional(),
});
export type TemplateQuery = z.infer<typeof TemplateQuery>;

/** One line of an import's error report: where in the file, what was there, and why it is refused. */
export const ImportProblem = z.object({
  sheet: z.string(),
  /** Excel row number (1-based). */
  row: z.number().int(),
  /** Column letter, "" when the problem concerns the whole row. */
  column: z.string(),
  /** What the column holds: an indicator code or a column title. */
  header: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportStatus = z.enum(['pending', 'applied', 'reverted', 'discarded']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportFormat = z.enum(['template', 'list', 'mixed']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportSummary = z.object({
  id: z.string(),
  status: ImportStatus,
  fileName: z.string(),
  format: ImportFormat,
  criteriaSetId: z.string().nullable(),
  year: z.number().int().nullable(),
  scopeUnitId: z.string().nullable(),
  /** Spreadsheet rows holding data (a unit in a template, a value in a list). */
  sheetRows: z.number().int(),
  newCount: z.number().int(),
  changedCount: z.number().int(),
  unchangedCount: z.number().int(),
  /** Changed values that were approved: they are written only as a correction, with a reason. */
  approvedChanges: z.number().int(),
  /** Rows left out because they hold at least one problem. */
  invalidRows: z.number().int(),
  problemCount: z.number().int(),
  /** The problems, in file order; at most `problemLimit` of them. */
  problems: z.array(ImportProblem),
  problemLimit: z.number().int(),
  onlyValidRows: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  revertedAt: z.string().nullable(),
  revertedBy: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportUploadQuery = z.object({
  /** For list-shaped sheets without a "Mã bộ tiêu chí" column. */
  criteriaSetId: z.string().min(1).max(100).optional(),
  /** The area the uploader may write; rows outside it are refused. */
  scopeUnitId: z.string().min(1).max(64).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

export const ImportIdParams = z.object({ id: z.string().min(1).max(64) });

export const DiffKind = z.enum(['new', 'changed', 'unchanged']);
export type DiffKind = z.infer<typeof DiffKind>;

export const ImportDiffQuery = z.object({
  kind: DiffKind,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ImportDiffQuery = z.infer<typeof ImportDiffQuery>;

export const ImportDiffEntry = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  indicatorCode: z.string(),
  measure: z.string(),
  sheet: z.string(),
  cell: z.string(),
  before: ObservedValue.nullable(),
  after: ObservedValue,
});

export const ImportDiffResponse = z.object({
  kind: DiffKind,
  total: z.number().int(),
  offset: z.number().int(),
  entries: z.array(ImportDiffEntry),
});
export type ImportDiffResponse = z.infer<typeof ImportDiffResponse>;

export const ConfirmImportRequest = z.object({
  /** Write the valid rows of a file that has problems; recorded on the change set. */
  onlyValidRows: z.boolean().default(false),
  /** Needed when the import changes approved values; `reason` then says why. */
  correction: z.boolean().default(false),
  reason: z.string().max(1000).optional(),
});
export type ConfirmImportRequest = z.infer<typeof ConfirmImportRequest>;

export const RevertImportRequest = z.object({ reason: z.string().max(1000).optional() });
export type RevertImportRequest = z.infer<typeof RevertImportRequest>;

export const ImportListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const ImportListResponse = z.object({ imports: z.array(ImportSummary) });
export type ImportListResponse = z.infer<typeof ImportListResponse>;
