import type { Unit } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { bumpDataVersion } from '../data-versions';
import { existingUnitIds, insertUnits } from './units.repository';

const levelOrder = { province: 0, district: 1, commune: 2, village: 3 } as const;

/** Parents before children and predecessors before successors, as the foreign keys require. */
export function inInsertOrder(units: readonly Unit[]): Unit[] {
  return [...units].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || levelOrder[a.level] - levelOrder[b.level],
  );
}

/** Adds units that are not there yet; an id already present is skipped, so re-running is harmless. */
export async function importUnits(
  db: Kysely<Database>,
  units: readonly Unit[],
  meta: { actor: string; at: string; reason: string },
): Promise<{ inserted: number; skipped: number }> {
  const ids = new Set(units.map((u) => u.id));
  const outside = new Set(
    units
      .flatMap((u) => [u.parentId, ...u.predecessorIds])
      .filter((ref): ref is string => ref !== null && !ids.has(ref)),
  );
  const known = await existingUnitIds(db, [...outside]);
  const dangling = units.find((u) =>
    [u.parentId, ...u.predecessorIds].some((ref) => ref !== null && outside.has(ref) && !known.has(ref)),
  );
  if (dangling) {
    throw new AppError(
      'validation_failed',
      `Đơn vị ${dangling.code} (${dangling.name}) tham chiếu đơn vị cấp trên hoặc tiền thân không tồn tại.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const existing = await existingUnitIds(trx, [...ids]);
    const fresh = inInsertOrder(units.filter((u) => !existing.has(u.id)));
    await insertUnits(trx, fresh);
    await appendAudit(
      trx,
      [
        {
          actor: meta.actor,
          action: 'import',
          entity: 'units',
          entityId: `${fresh.length} units`,
          before: null,
          after: { inserted: fresh.length, skipped: units.length - fresh.length },
          reason: meta.reason,
        },
      ],
      meta.at,
    );
    if (fresh.length > 0) await bumpDataVersion(trx, 'units');
    return { inserted: fresh.length, skipped: units.length - fresh.length };
  });
}
