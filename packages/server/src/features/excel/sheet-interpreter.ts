import { type CellEntry, type CriteriaSet, describeEntry, entryText, foldDiacritics } from '@ntm/core';
import type { ImportProblem } from '../../contract/excel';
import { AppError } from '../../errors';
import {
  columnLetter,
  IDENTITY_CELLS,
  TEMPLATE_COLUMNS,
  TEMPLATE_MARKER,
  TEMPLATE_ROWS,
  TEMPLATE_VERSION,
} from './template-layout';
import type { SheetRow } from './xlsx-rows';

/** One value cell to import, with what names it: the indicator and the set it belongs to. */
export interface ImportCell {
  column: number;
  /** Where the indicator code is written: the header of a template column, a cell of a list row. */
  indicatorColumn: number;
  indicatorCode: string;
  set: CriteriaSet;
  entry: CellEntry;
}

/** One spreadsheet row: a unit (and year) with its value cells, or the problems that stop it. */
export interface ImportRow {
  sheet: string;
  row: number;
  unitCode: string | null;
  unitColumn: number;
  year: number | null;
  yearColumn: number;
  /** The area a template was made for; its rows must stay inside it. */
  templateScopeUnitId: string | null;
  source: string | null;
  cells: ImportCell[];
  problems: ImportProblem[];
}

export interface InterpreterContext {
  findSet(id: string): CriteriaSet | undefined;
  /** Chosen on upload for list-shaped sheets without a set column. */
  defaultSetId: string | null;
  /** Merged ranges per sheet name, from the zip inspection. */
  mergedRanges(sheet: string): readonly string[];
}

interface TemplateState {
  kind: 'template';
  set: CriteriaSet;
  year: number;
  scopeUnitId: string;
  /** Column (1-based) → indicator code, once the code row has been read. */
  codes: Map<number, string> | null;
}

interface ListState {
  kind: 'list';
  columns: { unit: number; indicator: number; year: number; value: number; source?: number; set?: number };
}

type SheetState = { kind: 'undecided'; rowsSeen: number } | { kind: 'ignored' } | TemplateState | ListState;

/** A list-shaped sheet may start with a few title rows before its header. */
const HEADER_SEARCH_ROWS = 10;

const listHeaders: Record<string, keyof ListState['columns']> = {
  'ma don vi': 'unit',
  'ma chi tieu': 'indicator',
  nam: 'year',
  'gia tri': 'value',
  nguon: 'source',
  'ma bo tieu chi': 'set',
};

function cellText(cells: readonly CellEntry[], column: number): string | null {
  const entry = cells[column - 1];
  return entry ? entryText(entry) : null;
}

function templateInvalid(sheet: string, message: string): AppError {
  return new AppError('template_invalid', `Trang "${sheet}": ${message}`);
}

const problem = (
  row: SheetRow,
  column: number,
  header: string,
  value: string,
  message: string,
): ImportProblem => ({
  sheet: row.sheet,
  row: row.row,
  column: column > 0 ? columnLetter(column) : '',
  header,
  value,
  message,
});

/**
 * Reads the sheets of an upload row by row and says what each row means. A sheet is a
 * template when its first row carries the template marker, a list ("Mã đơn vị, Mã chỉ
 * tiêu, Năm, Giá trị") when such a header appears in its first rows, and is ignored
 * otherwise (the guide sheet, notes). Anything that breaks the structure of a recognised
 * sheet is a file error (`template_invalid`); anything wrong with one row is a problem of
 * that row.
 */
export class SheetInterpreter {
  private readonly states = new Map<string, SheetState>();
  private recognised = 0;

  constructor(private readonly context: InterpreterContext) {}

  get recognisedSheets(): number {
    return this.recognised;
  }

  accept(row: SheetRow): ImportRow | null {
    let state = this.states.get(row.sheet) ?? { kind: 'undecided', rowsSeen: 0 };
    if (state.kind === 'undecided') {
      state = this.decide(row, state.rowsSeen);
      this.states.set(row.sheet, state);
      if (state.kind === 'template' || state.kind === 'list') {
        this.recognised += 1;
        const merged = this.context.mergedRanges(row.sheet);
        if (merged.length > 0) {
          throw templateInvalid(
            row.sheet,
            `có ô bị gộp (${merged.slice(0, 5).join(', ')}). Hãy bỏ gộp ô (Merge & Center → Unmerge Cells), không gộp ô tiêu đề, rồi tải lên lại.`,
          );
        }
        return null;
      }
    }
    switch (state.kind) {
      case 'template':
        return this.templateRow(row, state);
      case 'list':
        return this.listRow(row, state);
      default:
        return null;
    }
  }

  private decide(row: SheetRow, rowsSeen: number): SheetState {
    if (
      row.row === TEMPLATE_ROWS.identity &&
      cellText(row.cells, IDENTITY_CELLS.marker) === TEMPLATE_MARKER
    ) {
      return this.readIdentity(row);
    }
    const columns: Partial<ListState['columns']> = {};
    row.cells.forEach((entry, index) => {
      const text = entryText(entry);
      const key = text === null ? undefined : listHeaders[foldDiacritics(text)];
      if (key !== undefined && columns[key] === undefined) columns[key] = index + 1;
    });
    if (
      columns.unit !== undefined &&
      columns.indicator !== undefined &&
      columns.year !== undefined &&
      columns.value !== undefined
    ) {
      if (columns.set === undefined && this.context.defaultSetId === null) {
        throw templateInvalid(
          row.sheet,
          'bảng dạng danh sách không có cột "Mã bộ tiêu chí"; hãy chọn bộ tiêu chí khi tải lên hoặc thêm cột đó.',
        );
      }
      return { kind: 'list', columns: columns as ListState['columns'] };
    }
    return rowsSeen + 1 >= HEADER_SEARCH_ROWS
      ? { kind: 'ignored' }
      : { kind: 'undecided', rowsSeen: rowsSeen + 1 };
  }

  private readIdentity(row: SheetRow): TemplateState {
    const version = Number(cellText(row.cells, IDENTITY_CELLS.version));
    if (version !== TEMPLATE_VERSION) {
      throw templateInvalid(
        row.sheet,
        `tệp lập theo mẫu phiên bản ${Number.isFinite(version) ? version : 'không rõ'}, hệ thống đang dùng phiên bản ${TEMPLATE_VERSION}. Hãy tải biểu mẫu mới và chép số liệu sang.`,
      );
    }
    const setId = cellText(row.cells, IDENTITY_CELLS.setId) ?? '';
    const set = this.context.findSet(setId);
    if (!set)
      throw templateInvalid(row.sheet, `biểu mẫu ghi bộ tiêu chí "${setId}" không có trong hệ thống.`);
    const setVersion = Number(cellText(row.cells, IDENTITY_CELLS.setVersion));
    if (setVersion !== set.version) {
      throw templateInvalid(
        row.sheet,
        `biểu mẫu lập theo phiên bản ${setVersion} của bộ tiêu chí ${set.shortName}, nay là phiên bản ${set.version}. Hãy tải biểu mẫu mới.`,
      );
    }
    const year = Number(cellText(row.cells, IDENTITY_CELLS.year));
    const scopeUnitId = cellText(row.cells, IDENTITY_CELLS.scopeUnitId);
    if (!Number.isInteger(year) || scopeUnitId === null) {
      throw templateInvalid(
        row.sheet,
        'dòng nhận dạng biểu mẫu (dòng 1, đang ẩn) đã bị sửa. Hãy tải biểu mẫu mới.',
      );
    }
    return { kind: 'template', set, year, scopeUnitId, codes: null };
  }

  private templateRow(row: SheetRow, state: TemplateState): ImportRow | null {
    if (row.row < TEMPLATE_ROWS.firstData) {
      if (row.row === TEMPLATE_ROWS.indicatorCode) state.codes = this.readCodes(row, state.set);
      return null;
    }
    if (state.codes === null) {
      throw templateInvalid(
        row.sheet,
        `thiếu dòng mã chỉ tiêu (dòng ${TEMPLATE_ROWS.indicatorCode}). Không xóa các dòng tiêu đề; hãy tải biểu mẫu mới.`,
      );
    }
    const codes = state.codes;
    const problems: ImportProblem[] = [];
    const cells: ImportCell[] = [];
    row.cells.forEach((entry, index) => {
      const column = index + 1;
      if (column < TEMPLATE_COLUMNS.firstIndicator || entry.kind === 'empty') return;
      const code = codes.get(column);
      if (code === undefined) {
        if (entryText(entry) === null && entry.kind === 'text') return;
        problems.push(
          problem(
            row,
            column,
            '',
            describeEntry(entry),
            'ô nằm ngoài các cột chỉ tiêu của biểu mẫu; hãy xóa ô này.',
          ),
        );
        return;
      }
      cells.push({ column, indicatorColumn: column, indicatorCode: code, set: state.set, entry });
    });
    const unitCode = cellText(row.cells, TEMPLATE_COLUMNS.unitCode);
    if (unitCode === null && cells.length === 0 && problems.length === 0) return null;
    return {
      sheet: row.sheet,
      row: row.row,
      unitCode,
      unitColumn: TEMPLATE_COLUMNS.unitCode,
      year: state.year,
      yearColumn: 0,
      templateScopeUnitId: state.scopeUnitId,
      source: null,
      cells,
      problems,
    };
  }

  private readCodes(row: SheetRow, set: CriteriaSet): Map<number, string> {
    const known = new Set(set.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
    const codes = new Map<number, string>();
    const seen = new Map<string, number>();
    row.cells.forEach((entry, index) => {
      const column = index + 1;
      if (column < TEMPLATE_COLUMNS.firstIndicator) return;
      const code = entryText(entry);
      if (code === null) return;
      if (!known.has(code)) {
        throw templateInvalid(
          row.sheet,
          `ô ${columnLetter(column)}${row.row} ghi mã chỉ tiêu "${code}" không có trong bộ tiêu chí ${set.shortName}. Không sửa dòng tiêu đề; hãy tải biểu mẫu mới.`,
        );
      }
      const first = seen.get(code);
      if (first !== undefined) {
        throw templateInvalid(
          row.sheet,
          `mã chỉ tiêu "${code}" xuất hiện hai lần (cột ${columnLetter(first)} và ${columnLetter(column)}).`,
        );
      }
      seen.set(code, column);
      codes.set(column, code);
    });
    return codes;
  }

  private listRow(row: SheetRow, state: ListState): ImportRow | null {
    const { columns } = state;
    const entryAt = (column: number): CellEntry => row.cells[column - 1] ?? { kind: 'empty' };
    const value = entryAt(columns.value);
    const unitCode = cellText(row.cells, columns.unit);
    const indicatorCode = cellText(row.cells, columns.indicator);
    const yearText = cellText(row.cells, columns.year);
    if (unitCode === null && indicatorCode === null && yearText === null && value.kind === 'empty')
      return null;

    const problems: ImportProblem[] = [];
    const year = yearText === null ? Number.NaN : Number(yearText);
    if (!Number.isInteger(year)) {
      problems.push(problem(row, columns.year, 'Năm', yearText ?? '', 'năm phải là số nguyên, ví dụ 2021.'));
    }
    const setId =
      (columns.set === undefined ? null : cellText(row.cells, columns.set)) ?? this.context.defaultSetId;
    const set = setId === null ? undefined : this.context.findSet(setId);
    if (!set) {
      problems.push(
        problem(
          row,
          columns.set ?? 0,
          'Mã bộ tiêu chí',
          setId ?? '',
          `không có bộ tiêu chí "${setId ?? ''}".`,
        ),
      );
    }
    if (indicatorCode === null) {
      problems.push(problem(row, columns.indicator, 'Mã chỉ tiêu', '', 'thiếu mã chỉ tiêu.'));
    }
    const cells: ImportCell[] =
      set && indicatorCode !== null
        ? [{ column: columns.value, indicatorColumn: columns.indicator, indicatorCode, set, entry: value }]
        : [];
    return {
      sheet: row.sheet,
      row: row.row,
      unitCode,
      unitColumn: columns.unit,
      year: Number.isInteger(year) ? year : null,
      yearColumn: columns.year,
      templateScopeUnitId: null,
      source: columns.source === undefined ? null : cellText(row.cells, columns.source),
      cells,
      problems,
    };
  }
}
