import { checkObservation, getCriteriaSet, measuresByCode, type Unit } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  BulkValueWriteRequest,
  BulkValueWriteResponse,
  UnitValuesResponse,
  ValueWriteRow,
} from '../../contract/values';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { type AuditEntry, appendAudit } from '../audit/audit.repository';
import { bumpDataVersion } from '../data-versions';
import { getUnitDirectory, requireUnit } from '../units/unit-directory';
import { upsertValues, type ValueWrite, valuesForUnits } from './values.repository';

export async function getUnitValues(
  db: Kysely<Database>,
  unitId: string,
  year: number,
): Promise<UnitValuesResponse> {
  const directory = await getUnitDirectory(db);
  requireUnit(directory, unitId);
  const rows = await valuesForUnits(db, [unitId], [year]);
  return {
    unitId,
    year,
    values: rows
      .map((r) => ({
        measure: r.measureCode,
        value: r.value,
        source: r.source,
        status: r.status,
        version: r.version,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy,
      }))
      .sort((a, b) => a.measure.localeCompare(b.measure)),
  };
}

function existsDuring(unit: Unit, year: number): boolean {
  return unit.validFrom <= `${year}-12-31` && (unit.validTo === null || unit.validTo >= `${year}-01-01`);
}

function resolveMeasureCode(row: ValueWriteRow, problems: RowProblem[], index: number): string | null {
  if (row.measure !== undefined) return row.measure;
  if (row.indicator === undefined || row.criteriaSetId === undefined) {
    problems.push({
      row: index,
      field: 'measure',
      value: null,
      message: 'Cần mã đại lượng (measure) hoặc cặp bộ tiêu chí + mã chỉ tiêu (criteriaSetId, indicator).',
    });
    return null;
  }
  const set = getCriteriaSet(row.criteriaSetId);
  if (!set) {
    problems.push({
      row: index,
      field: 'criteriaSetId',
      value: row.criteriaSetId,
      message: `Không có bộ tiêu chí "${row.criteriaSetId}".`,
    });
    return null;
  }
  const indicator = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === row.indicator);
  if (!indicator) {
    problems.push({
      row: index,
      field: 'indicator',
      value: row.indicator,
      message: `Bộ tiêu chí ${set.shortName} không có chỉ tiêu "${row.indicator}".`,
    });
    return null;
  }
  if (!indicator.measure) {
    problems.push({
      row: index,
      field: 'indicator',
      value: row.indicator,
      message: `Chỉ tiêu ${indicator.code} được tính tự động từ các chỉ tiêu khác, không nhập trực tiếp.`,
    });
    return null;
  }
  return indicator.measure;
}

/** Validates every row first; writes all of them in one transaction or none (PRODUCT §5). */
export async function writeValues(
  db: Kysely<Database>,
  request: BulkValueWriteRequest,
  actor: string,
  now: () => Date = () => new Date(),
): Promise<BulkValueWriteResponse> {
  const directory = await getUnitDirectory(db);
  const problems: RowProblem[] = [];
  const writes: ValueWrite[] = [];
  const seen = new Map<string, number>();

  request.values.forEach((row, index) => {
    const unit = directory.byId.get(row.unitId);
    if (!unit) {
      problems.push({
        row: index,
        field: 'unitId',
        value: row.unitId,
        message: `Không có đơn vị "${row.unitId}".`,
      });
    } else if (!existsDuring(unit, row.year)) {
      problems.push({
        row: index,
        field: 'year',
        value: row.year,
        message: `${unit.name} không tồn tại trong năm ${row.year} (hiệu lực ${unit.validFrom} – ${unit.validTo ?? 'nay'}).`,
      });
    }
    const measureCode = resolveMeasureCode(row, problems, index);
    if (measureCode === null) return;
    const measure = measuresByCode.get(measureCode);
    if (!measure) {
      problems.push({
        row: index,
        field: 'measure',
        value: measureCode,
        message: `Không có đại lượng "${measureCode}".`,
      });
      return;
    }
    if (unit && !measure.levelsObserved.includes(unit.level)) {
      problems.push({
        row: index,
        field: 'measure',
        value: measureCode,
        message: `Đại lượng "${measure.name}" không được nhập ở cấp ${unit.level}.`,
      });
    }
    const reason = checkObservation(measure, row.value);
    if (reason !== null) {
      problems.push({
        row: index,
        field: 'value',
        value: row.value,
        message: `${measure.name}: giá trị ${reason}.`,
      });
    }
    const key = `${row.unitId}|${row.year}|${measureCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: index,
        field: 'measure',
        value: measureCode,
        message: `Trùng với dòng ${first + 1}: cùng đơn vị, năm và đại lượng.`,
      });
    } else {
      seen.set(key, index);
    }
    writes.push({
      unitId: row.unitId,
      measureCode,
      year: row.year,
      value: row.value,
      source: row.source ?? null,
      status: 'draft',
    });
  });

  if (problems.length > 0) {
    throw new AppError('validation_failed', `Có ${problems.length} lỗi; không giá trị nào được ghi.`, {
      rows: problems,
    });
  }

  return db.transaction().execute(async (trx) => {
    const unitIds = [...new Set(writes.map((w) => w.unitId))];
    const years = [...new Set(writes.map((w) => w.year))];
    const before = new Map(
      (await valuesForUnits(trx, unitIds, years)).map((v) => [`${v.unitId}|${v.year}|${v.measureCode}`, v]),
    );
    const changed: ValueWrite[] = [];
    const audit: AuditEntry[] = [];
    let created = 0;
    for (const write of writes) {
      const key = `${write.unitId}|${write.year}|${write.measureCode}`;
      const previous = before.get(key);
      if (
        previous &&
        JSON.stringify(previous.value) === JSON.stringify(write.value) &&
        previous.source === write.source
      ) {
        continue;
      }
      if (!previous) created += 1;
      changed.push(write);
      audit.push({
        actor,
        action: previous ? 'update' : 'create',
        entity: 'measure_value',
        entityId: key,
        before: previous
          ? { value: previous.value, source: previous.source, version: previous.version }
          : null,
        after: { value: write.value, source: write.source },
        reason: request.reason ?? null,
      });
    }
    if (changed.length > 0) {
      const at = now().toISOString();
      await upsertValues(trx, changed, { at, by: actor });
      await appendAudit(trx, audit, at);
      await bumpDataVersion(trx, 'values');
    }
    return {
      written: changed.length,
      created,
      updated: changed.length - created,
      unchanged: writes.length - changed.length,
    };
  });
}
