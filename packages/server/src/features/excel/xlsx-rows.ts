import { Readable } from 'node:stream';
import type { CellEntry } from '@ntm/core';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';

export interface SheetRow {
  sheet: string;
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** Index 0 is column A; missing cells are empty. */
  cells: CellEntry[];
}

const EMPTY: CellEntry = { kind: 'empty' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** ExcelJS cell values, reduced to what an import needs to know about a cell. */
export function toCellEntry(value: unknown, numFmt: string | undefined): CellEntry {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number')
    return { kind: 'number', value, percentFormat: numFmt?.includes('%') ?? false };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  }
  if (isObject(value)) {
    if ('formula' in value || 'sharedFormula' in value) {
      return { kind: 'formula', formula: String(value.formula ?? value.sharedFormula ?? '') };
    }
    if ('error' in value) return { kind: 'error', error: String(value.error) };
    if (Array.isArray(value.richText)) {
      return {
        kind: 'text',
        text: value.richText.map((run: unknown) => (isObject(run) ? String(run.text ?? '') : '')).join(''),
      };
    }
    if ('text' in value) return toCellEntry(value.text, numFmt);
  }
  return { kind: 'text', text: String(value) };
}

/**
 * Streams the rows of every sheet of a workbook without building the workbook in memory:
 * ExcelJS's streaming reader parses the sheet XML as it unpacks it, and each row is handed
 * on and forgotten. Styles are read because they tell a percentage (85% is stored as 0.85)
 * and a date from a plain number.
 */
export async function* readXlsxRows(bytes: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = (worksheet as unknown as { name: string }).name;
      for await (const row of worksheet) {
        const cells: CellEntry[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          while (cells.length < column - 1) cells.push(EMPTY);
          cells[column - 1] = toCellEntry(cell.value, cell.numFmt);
        });
        yield { sheet, row: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'file_not_xlsx',
      `Không đọc được nội dung bảng tính (${(error as Error).message}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên.`,
    );
  }
}
