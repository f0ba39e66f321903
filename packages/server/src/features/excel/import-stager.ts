import {
  type CriteriaSet,
  decideEdit,
  describeEntry,
  type Indicator,
  measuresByCode,
  type ObservedValue,
  parseEntry,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { ImportFormat, ImportProblem } from '../../contract/excel';
import type { Database } from '../../db/schema';
import type { RowProblem } from '../../errors';
import type { UnitDirectory } from '../units/unit-directory';
import { type ValueState, valueStatesForUnits } from '../values/values.repository';
import { createValueRowValidator, type ValueRowValidator } from '../values/values.service';
import { type ChangeSetValueRow, insertChangeSetValues } from './excel.repository';
import type { ImportCell, ImportRow } from './sheet-interpreter';
import { columnLetter } from './template-layout';
import type { UnitLookup, WriteScope } from './unit-lookup';

/** The report lists this many problems; the count covers them all. */
export const PROBLEM_LIMIT = 5000;

interface PendingValue {
  unitId: string;
  measureCode: string;
  year: number;
  indicatorCode: string;
  sheet: string;
  row: number;
  column: number;
  shown: string;
  value: ObservedValue;
  source: string;
}

export interface StagedTotals {
  format: ImportFormat;
  criteriaSetId: string | null;
  year: number | null;
  scopeUnitId: string | null;
  sheetRows: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  approvedChanges: number;
  invalidRows: number;
  problemCount: number;
  problems: ImportProblem[];
}

function single<T>(values: Set<T>): T | null {
  return values.size === 1 ? ([...values][0] as T) : null;
}

/**
 * Checks spreadsheet rows in batches — unit and scope, indicator, what was typed, then the
 * rules of the one bulk write path — and stages the valid ones with what they would replace,
 * so that a file of any size is judged whole before anything is written.
 */
export class ImportStager {
  private readonly validator: ValueRowValidator;
  private readonly problems: ImportProblem[] = [];
  private readonly formats = new Set<'template' | 'list'>();
  private readonly sets = new Set<string>();
  private readonly years = new Set<number>();
  private readonly scopes = new Set<string>();
  private problemCount = 0;
  private sheetRows = 0;
  private invalidRows = 0;
  private seq = 0;
  private readonly counts = { new: 0, changed: 0, unchanged: 0 };
  private approvedChanges = 0;
  private readonly indicators = new Map<CriteriaSet, Map<string, Indicator>>();

  constructor(
    private readonly db: Kysely<Database>,
    directory: UnitDirectory,
    private readonly lookup: UnitLookup,
    private readonly changeSetId: string,
    private readonly scope: WriteScope | null,
    private readonly defaultSource: string,
  ) {
    this.validator = createValueRowValidator(directory);
  }

  /**
   * A row is staged only when every one of its cells is valid, including against what is
   * stored: a verified value waits for its approval and cannot be overwritten.
   */
  async stage(rows: readonly ImportRow[]): Promise<void> {
    const checked = rows.map((row) => {
      const problems = [...row.problems];
      return { row, problems, values: this.checkRow(row, problems) };
    });
    const stored = await this.storedFor(checked.flatMap((c) => (c.problems.length === 0 ? c.values : [])));
    const staged: ChangeSetValueRow[] = [];
    for (const { problems, values } of checked) {
      this.sheetRows += 1;
      const candidates = problems.length === 0 ? values.map((v) => this.stagedRow(v, stored, problems)) : [];
      if (problems.length > 0) {
        this.invalidRows += 1;
        this.report(problems);
        continue;
      }
      for (const candidate of candidates) {
        if (candidate === null) continue;
        this.counts[candidate.kind] += 1;
        if (candidate.approved) this.approvedChanges += 1;
        this.seq += 1;
        staged.push({ ...candidate.row, seq: this.seq });
      }
    }
    await insertChangeSetValues(this.db, staged);
  }

  totals(): StagedTotals {
    const format: ImportFormat = this.formats.size === 1 ? (single(this.formats) ?? 'template') : 'mixed';
    return {
      format,
      criteriaSetId: single(this.sets),
      year: single(this.years),
      scopeUnitId: single(this.scopes),
      sheetRows: this.sheetRows,
      newCount: this.counts.new,
      changedCount: this.counts.changed,
      unchangedCount: this.counts.unchanged,
      approvedChanges: this.approvedChanges,
      invalidRows: this.invalidRows,
      problemCount: this.problemCount,
      problems: this.problems,
    };
  }

  private report(problems: readonly ImportProblem[]): void {
    this.problemCount += problems.length;
    for (const p of problems) if (this.problems.length < PROBLEM_LIMIT) this.problems.push(p);
  }

  private checkRow(row: ImportRow, problems: ImportProblem[]): PendingValue[] {
    this.formats.add(row.templateScopeUnitId === null ? 'list' : 'template');
    if (row.templateScopeUnitId !== null) this.scopes.add(row.templateScopeUnitId);
    const at = (column: number, header: string, value: string, message: string): ImportProblem => ({
      sheet: row.sheet,
      row: row.row,
      column: column > 0 ? columnLetter(column) : '',
      header,
      value,
      message,
    });
    const unitCell = (message: string) => at(row.unitColumn, 'Mã đơn vị', row.unitCode ?? '', message);

    let unitId: string | null = null;
    if (row.unitCode === null) {
      problems.push(unitCell('thiếu mã đơn vị.'));
    } else if (row.year !== null) {
      const match = this.lookup.find(row.unitCode, row.year);
      if ('problem' in match) {
        problems.push(unitCell(match.problem));
      } else if (
        row.templateScopeUnitId !== null &&
        !this.lookup.isWithin(match.unit, row.templateScopeUnitId)
      ) {
        problems.push(unitCell(`${match.unit.name} không thuộc địa bàn của biểu mẫu.`));
      } else if (this.scope !== null && !this.scope.canWrite(match.unit.id)) {
        problems.push(
          unitCell(`${match.unit.name} nằm ngoài phạm vi bạn được nhập số liệu (${this.scope.area}).`),
        );
      } else {
        unitId = match.unit.id;
      }
    }

    const values: PendingValue[] = [];
    for (const cell of row.cells) {
      const checked = this.checkCell(row, cell, unitId);
      if ('indicatorProblem' in checked) {
        problems.push(at(cell.indicatorColumn, 'Mã chỉ tiêu', cell.indicatorCode, checked.indicatorProblem));
      } else if ('problem' in checked) {
        problems.push(at(cell.column, cell.indicatorCode, describeEntry(cell.entry), checked.problem));
      } else if ('rowProblems' in checked) {
        for (const p of checked.rowProblems) {
          const onUnit = p.field === 'unitId' || p.field === 'year';
          problems.push(
            onUnit
              ? unitCell(p.message)
              : at(cell.column, cell.indicatorCode, describeEntry(cell.entry), p.message),
          );
        }
      } else if (checked.value !== null) {
        values.push(checked.value);
      }
    }
    return values;
  }

  private checkCell(
    row: ImportRow,
    cell: ImportCell,
    unitId: string | null,
  ):
    | { indicatorProblem: string }
    | { problem: string }
    | { rowProblems: RowProblem[] }
    | { value: PendingValue | null } {
    const indicator = this.indicatorsOf(cell.set).get(cell.indicatorCode);
    if (!indicator) {
      return {
        indicatorProblem: `bộ tiêu chí ${cell.set.shortName} không có chỉ tiêu "${cell.indicatorCode}".`,
      };
    }
    const measure = indicator.measure === undefined ? undefined : measuresByCode.get(indicator.measure);
    if (!measure) {
      return { indicatorProblem: `chỉ tiêu ${indicator.code} được tính tự động, không nhập trực tiếp.` };
    }
    const parsed = parseEntry(measure, cell.entry);
    if (!parsed.ok) return { problem: `${measure.name}: ${parsed.reason}.` };
    if (parsed.value === null || unitId === null || row.year === null) return { value: null };
    const source = row.source ?? this.defaultSource;
    const checked = this.validator.check(
      { unitId, year: row.year, measure: measure.code, value: parsed.value, source },
      row.row - 1,
    );
    if (!checked.write) return { rowProblems: checked.problems };
    this.sets.add(cell.set.id);
    this.years.add(row.year);
    return {
      value: {
        unitId,
        measureCode: measure.code,
        year: row.year,
        indicatorCode: indicator.code,
        sheet: row.sheet,
        row: row.row,
        column: cell.column,
        shown: describeEntry(cell.entry),
        value: parsed.value,
        source,
      },
    };
  }

  private indicatorsOf(set: CriteriaSet): Map<string, Indicator> {
    let byCode = this.indicators.get(set);
    if (!byCode) {
      byCode = new Map(set.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
      this.indicators.set(set, byCode);
    }
    return byCode;
  }

  private async storedFor(values: readonly PendingValue[]): Promise<Map<string, ValueState>> {
    if (values.length === 0) return new Map();
    const unitIds = [...new Set(values.map((p) => p.unitId))];
    const years = [...new Set(values.map((p) => p.year))];
    return new Map(
      (await valueStatesForUnits(this.db, unitIds, years)).map((v) => [
        `${v.unitId}|${v.year}|${v.measureCode}`,
        v,
      ]),
    );
  }

  /** The staged form of a value, or null (with a problem) when what is stored may not be changed. */
  private stagedRow(
    p: PendingValue,
    stored: ReadonlyMap<string, ValueState>,
    problems: ImportProblem[],
  ): { row: ChangeSetValueRow; kind: 'new' | 'changed' | 'unchanged'; approved: boolean } | null {
    const before = stored.get(`${p.unitId}|${p.year}|${p.measureCode}`);
    const valueJson = JSON.stringify(p.value);
    const kind: 'new' | 'changed' | 'unchanged' = !before
      ? 'new'
      : JSON.stringify(before.value) === valueJson
        ? 'unchanged'
        : 'changed';
    // A template holds every indicator of its set: values left as they are need no right to write.
    if (kind !== 'unchanged' && this.scope?.coversMeasure && !this.scope.coversMeasure(p.measureCode)) {
      problems.push({
        sheet: p.sheet,
        row: p.row,
        column: columnLetter(p.column),
        header: p.indicatorCode,
        value: p.shown,
        message: `chỉ tiêu ${p.indicatorCode} không thuộc phạm vi bạn được nhập (${this.scope.area}).`,
      });
      return null;
    }
    // An approved value may still change as a correction, decided when the import is confirmed.
    if (before && kind === 'changed' && before.status !== 'approved') {
      const decision = decideEdit(before.status, null);
      if (!decision.ok) {
        problems.push({
          sheet: p.sheet,
          row: p.row,
          column: columnLetter(p.column),
          header: p.indicatorCode,
          value: p.shown,
          message: decision.message,
        });
        return null;
      }
    }
    const row: ChangeSetValueRow = {
      change_set_id: this.changeSetId,
      seq: 0,
      kind,
      unit_id: p.unitId,
      measure_code: p.measureCode,
      year: p.year,
      indicator_code: p.indicatorCode,
      sheet: p.sheet,
      cell: `${columnLetter(p.column)}${p.row}`,
      value_json: valueJson,
      source: p.source,
      before_json: before
        ? JSON.stringify({ value: before.value, source: before.source, status: before.status })
        : null,
    };
    return { row, kind, approved: kind === 'changed' && before?.status === 'approved' };
  }
}
