import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../src/db/compiled-once';
import { createTestDatabase, type TestDatabase } from './harness';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('data_versions')
    .values([
      { name: 'compiled-a', version: 1 },
      { name: 'compiled-b', version: 2 },
    ])
    .execute();
});

afterAll(async () => {
  await database.dispose();
});

describe('queries compiled once', () => {
  const versionsBetween = compiledOnce((db, prefix: string, below: string) =>
    db
      .selectFrom('data_versions')
      .select(['name', 'version'])
      .where('name', 'like', prefix)
      .where('version', '<', (eb) => eb.cast(eb.val(below), 'integer'))
      .where('version', '>', 0)
      .orderBy('name'),
  );

  it('runs with each call’s own arguments and keeps the constants it was built with', async () => {
    expect(await versionsBetween(database.db, 'compiled-%', '3')).toEqual([
      { name: 'compiled-a', version: 1 },
      { name: 'compiled-b', version: 2 },
    ]);
    expect(await versionsBetween(database.db, 'compiled-%', '2')).toEqual([
      { name: 'compiled-a', version: 1 },
    ]);
    expect(await versionsBetween(database.db, 'nothing-%', '3')).toEqual([]);
  });

  it('compiles again inside a transaction and sees its uncommitted rows', async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('data_versions').values({ name: 'compiled-c', version: 1 }).execute();
        expect(await versionsBetween(trx, 'compiled-c', '9')).toEqual([{ name: 'compiled-c', version: 1 }]);
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
    expect(await versionsBetween(database.db, 'compiled-c', '9')).toEqual([]);
  });

  it('refuses a query that drops an argument instead of passing it as a parameter', async () => {
    const ignoresItsArgument = compiledOnce((db, _unused: string) =>
      db.selectFrom('data_versions').select('name'),
    );
    await expect(ignoresItsArgument(database.db, 'x')).rejects.toThrow(/every argument/);
  });
});
