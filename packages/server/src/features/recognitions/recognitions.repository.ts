import { Recognition } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database, RecognitionsTable } from '../../db/schema';

function fromRow(row: RecognitionsTable): Recognition {
  return Recognition.parse({
    id: row.id,
    unitId: row.unit_id,
    tier: row.tier,
    criteriaSetId: row.criteria_set_id,
    status: row.status,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    revokedDate: row.revoked_date,
    isDemo: row.is_demo === 1,
  });
}

export async function insertRecognitions(
  db: Kysely<Database>,
  recognitions: readonly Recognition[],
): Promise<void> {
  for (let i = 0; i < recognitions.length; i += 200) {
    await db
      .insertInto('recognitions')
      .values(
        recognitions.slice(i, i + 200).map((r) => ({
          id: r.id,
          unit_id: r.unitId,
          tier: r.tier,
          criteria_set_id: r.criteriaSetId,
          status: r.status,
          decision_number: r.decisionNumber,
          decision_date: r.decisionDate,
          issuer: r.issuer,
          revoked_date: r.revokedDate,
          is_demo: r.isDemo ? 1 : 0,
        })),
      )
      .execute();
  }
}

export async function recognitionsForUnits(
  db: Kysely<Database>,
  unitIds: readonly string[],
): Promise<Recognition[]> {
  const out: Recognition[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db
      .selectFrom('recognitions')
      .selectAll()
      .where('unit_id', 'in', unitIds.slice(i, i + 500))
      .orderBy('decision_date')
      .execute();
    for (const row of rows) out.push(fromRow(row));
  }
  return out;
}

export async function allRecognitions(db: Kysely<Database>): Promise<Recognition[]> {
  const rows = await db.selectFrom('recognitions').selectAll().orderBy('decision_date').execute();
  return rows.map(fromRow);
}
