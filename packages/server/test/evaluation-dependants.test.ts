import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRuralCommune } from '../src/features/evaluation/evaluation.service';
import { dependants, readersOf } from '../src/features/evaluation/evaluation-cache';
import { seedDemo } from '../src/features/seed/seed-demo';
import { getUnitDirectory } from '../src/features/units/unit-directory';
import { createTestDatabase, type TestDatabase, testDialect } from './harness';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});

afterAll(async () => {
  await database.dispose();
});

describe(`which communes a unit's values concern, on ${testDialect}`, () => {
  it('finds from the communes exactly the units whose changes reach them, through villages and mergers', async () => {
    const directory = await getUnitDirectory(database.db);
    const communes = directory.units.filter(isRuralCommune).map((u) => u.id);
    const readers = readersOf(directory, communes);
    let pairs = 0;
    let throughMergers = 0;
    for (const unit of directory.units) {
      const fromReaders = new Set(readers.get(unit.id) ?? []);
      const fromDependants = new Set(
        [...dependants(directory, unit.id)].filter((id) => communes.includes(id)),
      );
      expect(fromReaders, unit.id).toEqual(fromDependants);
      pairs += fromReaders.size;
      for (const id of fromReaders)
        if (directory.byId.get(id)?.predecessorIds.length && id !== unit.id) throughMergers++;
    }
    // The demo province has villages under its communes and 2025 communes merged from older ones.
    expect(pairs).toBeGreaterThan(directory.units.length);
    expect(throughMergers).toBeGreaterThan(0);
  });
});
