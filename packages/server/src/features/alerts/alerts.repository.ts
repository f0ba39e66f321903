import type { Outcome } from '@ntm/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { MaintenanceAlertsTable } from '../obstacles/follow-up.tables';

export type AlertRow = Selectable<MaintenanceAlertsTable>;

const STATE = 'maintenance_alerts';

export async function alertsSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('follow_up_state')
    .select('seq')
    .where('name', '=', STATE)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * Moves the bookkeeping from `from` to `to` if nobody else has: on PostgreSQL a second process
 * waits on the row lock, then finds the row moved and backs off, so each change is judged once.
 */
export async function claimSeq(db: Kysely<Database>, from: number, to: number): Promise<boolean> {
  const result = await db
    .updateTable('follow_up_state')
    .set({ seq: to })
    .where('name', '=', STATE)
    .where('seq', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function changesBetween(
  db: Kysely<Database>,
  from: number,
  to: number,
): Promise<{ unitId: string; year: number }[]> {
  const rows = await db
    .selectFrom('value_changes')
    .select(['unit_id', 'year'])
    .where('seq', '>', from)
    .where('seq', '<=', to)
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, year: r.year }));
}

export async function snapshotsOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly string[],
): Promise<Map<string, Map<string, Outcome>>> {
  const out = new Map<string, Map<string, Outcome>>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db
      .selectFrom('maintenance_snapshots')
      .select(['unit_id', 'outcomes_json'])
      .where('year', '=', year)
      .where('unit_id', 'in', unitIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      out.set(row.unit_id, new Map(Object.entries(JSON.parse(row.outcomes_json) as Record<string, Outcome>)));
    }
  }
  return out;
}

export async function saveSnapshot(
  db: Kysely<Database>,
  unitId: string,
  year: number,
  criteriaSetId: string,
  outcomes: ReadonlyMap<string, Outcome>,
): Promise<void> {
  const outcomes_json = JSON.stringify(Object.fromEntries(outcomes));
  await db
    .insertInto('maintenance_snapshots')
    .values({ unit_id: unitId, year, criteria_set_id: criteriaSetId, outcomes_json })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year']).doUpdateSet({ criteria_set_id: criteriaSetId, outcomes_json }),
    )
    .execute();
}

export async function activeAlertsOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly string[],
): Promise<AlertRow[]> {
  const out: AlertRow[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('maintenance_alerts')
        .selectAll()
        .where('year', '=', year)
        .where('status', 'in', ['open', 'acknowledged'])
        .where('unit_id', 'in', unitIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function insertAlerts(db: Kysely<Database>, rows: readonly AlertRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('maintenance_alerts')
      .values([...rows])
      .execute();
}

export async function resolveAlerts(db: Kysely<Database>, ids: readonly string[], at: string): Promise<void> {
  if (ids.length > 0) {
    await db
      .updateTable('maintenance_alerts')
      .set({ status: 'resolved', resolved_at: at })
      .where('id', 'in', [...ids])
      .execute();
  }
}

export async function findAlerts(
  db: Kysely<Database>,
  filter: { year?: number; statuses?: readonly string[]; unitId?: string },
): Promise<AlertRow[]> {
  let query = db.selectFrom('maintenance_alerts').selectAll().orderBy('raised_at', 'desc').orderBy('id');
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  return query.execute();
}

export async function findAlert(db: Kysely<Database>, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('maintenance_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function acknowledgeAlert(
  db: Kysely<Database>,
  id: string,
  by: string,
  at: string,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('maintenance_alerts')
    .set({ status: 'acknowledged', acknowledged_by: by, acknowledged_at: at, acknowledgement_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
