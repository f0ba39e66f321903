import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { buildDemoDataset } from '../../demo';
import { appendAudit } from '../audit/audit.repository';
import { seedDemoBoundaries } from '../boundaries/boundaries.service';
import { bumpDataVersion } from '../data-versions';
import { seedFollowUpDemo } from '../obstacles/demo-follow-up';
import { seedDemoPlans } from '../plans/demo-plans';
import { insertRecognitions } from '../recognitions/recognitions.repository';
import { insertDirectives, insertTargets } from '../targets/targets.repository';
import { inInsertOrder } from '../units/units.import';
import { countUnits, insertUnits } from '../units/units.repository';
import { ensureDemoAccounts } from '../users/demo-accounts';
import { upsertValues } from '../values/values.repository';

export interface SeedSummary {
  units: number;
  values: number;
  recognitions: number;
  targets: number;
}

export class SeedRefusedError extends Error {}

/** Loads "Tỉnh Demo" in one transaction; refuses a database that already holds units. */
export async function seedDemo(db: Kysely<Database>, at: Date = new Date()): Promise<SeedSummary> {
  if ((await countUnits(db)) > 0) {
    throw new SeedRefusedError('Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu demo vào cơ sở dữ liệu trống.');
  }
  const demo = buildDemoDataset();
  const stamp = at.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertUnits(trx, inInsertOrder(demo.units));
    await seedDemoBoundaries(trx, demo.units, stamp);
    await upsertValues(
      trx,
      demo.values.map((v) => ({ ...v })),
      { at: stamp, by: 'seed-demo' },
    );
    await insertRecognitions(trx, demo.recognitions);
    await insertDirectives(trx, [
      {
        id: demo.directive.id,
        number: demo.directive.number,
        date: demo.directive.date,
        issuer: demo.directive.issuer,
        title: demo.directive.title,
        summary: demo.directive.summary,
        is_demo: 1,
      },
    ]);
    await insertTargets(
      trx,
      demo.targets.map((t) => ({
        id: t.id,
        year: t.year,
        scope_unit_id: t.scopeUnitId,
        metric: t.metric,
        value: t.value,
        label: t.label,
        directive_id: t.directiveId,
        note: t.note,
        params_json: null,
        is_demo: 1,
        version: 1,
        updated_at: stamp,
        updated_by: 'seed-demo',
      })),
    );
    await seedDemoPlans(trx, demo);
    await appendAudit(
      trx,
      [
        {
          actor: 'seed-demo',
          action: 'import',
          entity: 'demo_dataset',
          entityId: 'tinh-demo',
          before: null,
          after: {
            units: demo.units.length,
            values: demo.values.length,
            recognitions: demo.recognitions.length,
          },
          reason: 'Nạp dữ liệu demo (Tỉnh Demo)',
        },
      ],
      stamp,
    );
    for (const name of ['units', 'values', 'recognitions'] as const) await bumpDataVersion(trx, name);
  });
  await ensureDemoAccounts(db, at);
  await seedFollowUpDemo(db, at);
  return {
    units: demo.units.length,
    values: demo.values.length,
    recognitions: demo.recognitions.length,
    targets: demo.targets.length,
  };
}
