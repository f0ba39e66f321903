import { measuresByCode, type Refusal } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import type { AccessScope } from '../auth/access-scope';
import type { UnitDirectory } from '../units/unit-directory';
import type { StoredValue, ValueState, ValueWrite } from '../values/values.repository';
import { valuesForUnits } from '../values/values.repository';
import type { VersionEvent } from './value-history';
import { keyOf } from './workflow.repository';

/** Names a written value for a message: unit, year and measure, as a user reads them. */
export type ValueNamer = (write: ValueWrite) => string;

export function valueNamer(directory: UnitDirectory): ValueNamer {
  return (write) =>
    `${directory.byId.get(write.unitId)?.name ?? write.unitId}, năm ${write.year}, ${measuresByCode.get(write.measureCode)?.name ?? write.measureCode}`;
}

function presentStored(v: StoredValue) {
  return {
    unitId: v.unitId,
    year: v.year,
    measure: v.measureCode,
    value: v.value,
    source: v.source,
    status: v.status,
    version: v.version,
    updatedAt: v.updatedAt,
    updatedBy: v.updatedBy,
  };
}

/**
 * Before any value is written: every row must lie in the writer's area (and, for a department,
 * belong to a criterion it leads), and every row that names the version it was based on must
 * still find that version stored. A refusal writes nothing and names each row; a stale row
 * comes back with what is stored now (409), never overwritten silently.
 */
export async function guardValueWrites(
  db: Kysely<Database>,
  scope: AccessScope,
  describe: ValueNamer,
  rows: readonly { write: ValueWrite; expectedVersion: number | undefined }[],
): Promise<void> {
  const outside: RowProblem[] = rows.flatMap(({ write }, row) => {
    if (!scope.canWrite(write.unitId)) {
      return [
        {
          row,
          field: 'unitId',
          value: write.unitId,
          message: `${describe(write)}: đơn vị nằm ngoài phạm vi bạn được nhập số liệu (${scope.area}).`,
        },
      ];
    }
    if (!scope.coversMeasure(write.measureCode)) {
      return [
        {
          row,
          field: 'measure',
          value: write.measureCode,
          message: `${describe(write)}: chỉ tiêu không thuộc ${scope.area}.`,
        },
      ];
    }
    return [];
  });
  if (outside.length > 0) {
    throw new AppError(
      'forbidden',
      `${outside.length} dòng nằm ngoài phạm vi được giao; không giá trị nào được ghi. ${outside[0]?.message ?? ''}`,
      { rows: outside },
    );
  }
  const versioned = rows.filter((r) => r.expectedVersion !== undefined);
  if (versioned.length === 0) return;
  const stored = new Map(
    (
      await valuesForUnits(
        db,
        [...new Set(versioned.map((r) => r.write.unitId))],
        [...new Set(versioned.map((r) => r.write.year))],
      )
    ).map((v) => [keyOf(v), v]),
  );
  const stale: RowProblem[] = [];
  const current: unknown[] = [];
  rows.forEach(({ write, expectedVersion }, row) => {
    if (expectedVersion === undefined) return;
    const now = stored.get(keyOf(write));
    if ((now?.version ?? 0) === expectedVersion) return;
    if (now) current.push(presentStored(now));
    stale.push({
      row,
      field: 'expectedVersion',
      value: expectedVersion,
      message: now
        ? `${describe(write)}: đã được ${now.updatedBy} sửa (phiên bản ${now.version}, bạn sửa từ phiên bản ${expectedVersion}).`
        : `${describe(write)}: giá trị bạn sửa đã bị xóa.`,
    });
  });
  if (stale.length > 0) {
    throw new AppError(
      'stale_version',
      `${stale.length} giá trị đã được người khác thay đổi trong lúc bạn sửa; không giá trị nào được ghi. Hãy xem giá trị hiện tại rồi nhập lại.`,
      { rows: stale, current },
    );
  }
}

export type EditRefusal = { index: number; write: ValueWrite } & Refusal;

/** Verified and approved values are locked (see `decideEdit`); one refused row stops the whole write. */
export function throwIfRefused(refusals: readonly EditRefusal[], describe: ValueNamer): void {
  if (refusals.length === 0) return;
  const reasonMissing = refusals.some((r) => r.kind === 'reason_required');
  throw new AppError(
    reasonMissing ? 'reason_required' : 'invalid_transition',
    `${refusals.length} giá trị đang bị khóa trong quy trình duyệt; không giá trị nào được ghi. ${refusals[0]?.message ?? ''}`,
    {
      rows: refusals.map((r) => ({
        row: r.index,
        field: reasonMissing ? 'reason' : 'value',
        value: r.write.value,
        message: `${describe(r.write)}: ${r.message}`,
      })),
    },
  );
}

/** The history entry of one written value. */
export function versionEvent(
  change: { write: ValueWrite; previous: ValueState | null },
  meta: { actor: string; at: string; reason: string | null },
): VersionEvent {
  const { write, previous } = change;
  return {
    key: { unitId: write.unitId, year: write.year, measureCode: write.measureCode },
    previous: previous
      ? {
          version: previous.version,
          valueJson: JSON.stringify(previous.value),
          source: previous.source,
          status: previous.status,
          updatedBy: previous.updatedBy,
          updatedAt: previous.updatedAt,
        }
      : null,
    next: {
      version: (previous?.version ?? 0) + 1,
      valueJson: JSON.stringify(write.value),
      source: write.source,
      status: write.status,
    },
    action: previous ? (previous.status === 'approved' ? 'correct' : 'update') : 'create',
    actor: meta.actor,
    at: meta.at,
    reason: meta.reason,
  };
}
