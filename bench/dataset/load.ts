import type { Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema';
import { systemViewer } from '../../packages/server/src/features/auth/viewer';
import { importUnits } from '../../packages/server/src/features/units/units.import';
import { writeValues } from '../../packages/server/src/features/values/values.service';
import type { Dataset } from './national';

export interface LoadReport {
  units: number;
  values: number;
  unitsMs: number;
  valuesMs: number;
}

const BENCH_TIME = new Date('2026-01-15T08:00:00Z');

/**
 * Loads the data set the way the product loads data: units through the units import, values
 * through the bulk write (validation, audit entry per value, one transaction per batch).
 */
export async function loadDataset(
  db: Kysely<Database>,
  dataset: Dataset,
  progress: (line: string) => void,
): Promise<LoadReport> {
  let started = performance.now();
  await importUnits(db, dataset.units.units, {
    actor: 'bench',
    at: BENCH_TIME.toISOString(),
    reason: 'bench: đơn vị hành chính thật, thôn và thuộc tính sinh ngẫu nhiên (minh họa)',
  });
  const unitsMs = performance.now() - started;
  progress(`  ${dataset.units.units.length} đơn vị trong ${(unitsMs / 1000).toFixed(1)} s`);
  started = performance.now();
  let values = 0;
  let lastReport = started;
  for (const batch of dataset.batches()) {
    if (batch.rows.length === 0) continue;
    await writeValues(
      db,
      systemViewer('bench'),
      { values: batch.rows, reason: 'bench: số liệu minh họa' },
      () => BENCH_TIME,
    );
    values += batch.rows.length;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      const rate = values / ((lastReport - started) / 1000);
      progress(`  ${values} số liệu (${Math.round(rate)}/s), năm ${batch.year}`);
    }
  }
  const valuesMs = performance.now() - started;
  progress(`  ${values} số liệu trong ${(valuesMs / 1000).toFixed(1)} s`);
  return { units: dataset.units.units.length, values, unitsMs, valuesMs };
}
