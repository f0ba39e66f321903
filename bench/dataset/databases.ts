import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { type LoadReport, loadDataset } from './load';
import type { Dataset } from './national';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const CACHE_DIR = path.join(BENCH_DIR, '.cache');

/** The files that decide the generated data; how it is loaded does not change it. */
const GENERATOR_FILES = ['catalog.ts', 'national.ts', 'units.ts', 'values.ts'];

/**
 * The cache key: the generator's own source and the data set's shape, so a change to either
 * regenerates the data set instead of measuring a stale one.
 */
export function datasetKey(dataset: Dataset): string {
  const hash = createHash('sha256');
  for (const name of GENERATOR_FILES) hash.update(fs.readFileSync(path.join(BENCH_DIR, 'dataset', name)));
  hash.update(JSON.stringify(dataset.spec));
  return `${dataset.spec.name}-${hash.digest('hex').slice(0, 10)}`;
}

export interface Provisioned {
  /** Null when the cached copy was reused. */
  load: LoadReport | null;
}

/**
 * A SQLite file holding the data set, loaded once into `.cache/` and reused; each run works on
 * a copy so the write benchmarks never change the cached data.
 */
export async function provisionSqlite(
  dataset: Dataset,
  progress: (line: string) => void,
): Promise<Provisioned & { file: string; workFile: string }> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const key = datasetKey(dataset);
  const file = path.join(CACHE_DIR, `${key}.sqlite`);
  let load: LoadReport | null = null;
  if (!fs.existsSync(file)) {
    progress(
      `Nạp bộ dữ liệu ${dataset.spec.name} vào SQLite (một lần, lưu ở ${path.relative(process.cwd(), file)})`,
    );
    const partial = `${file}.partial`;
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    const handle = openDatabase({ databaseUrl: null, sqliteFile: partial });
    await migrateToLatest(handle.db, handle.dialect);
    load = await loadDataset(handle.db, dataset, progress);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
    await handle.close();
    fs.renameSync(partial, file);
  }
  // Migrations added since the cache was built (indexes) apply to the cache itself, once.
  const handle = openDatabase({ databaseUrl: null, sqliteFile: file });
  await migrateToLatest(handle.db, handle.dialect);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
  await handle.close();
  const workDir = path.join(CACHE_DIR, 'work');
  fs.mkdirSync(workDir, { recursive: true });
  const workFile = path.join(workDir, 'ntm.sqlite');
  for (const f of [workFile, `${workFile}-wal`, `${workFile}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(file, workFile);
  return { load, file, workFile };
}

/** The server to create the bench databases on; each data set gets a database of its own. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function databaseUrl(name: string): string {
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A PostgreSQL database holding the data set, loaded once and kept between runs (a marker
 * table says the load finished). A database rather than a schema of the test database, so
 * that nothing here is visible to the integration tests. The benchmarks on PostgreSQL only
 * read, except the write path, which writes back what it changes.
 */
export async function provisionPostgres(
  dataset: Dataset,
  progress: (line: string) => void,
): Promise<Provisioned & { url: string; database: string }> {
  const database = `ntm_bench_${datasetKey(dataset).replace(/-/g, '_')}`;
  const url = databaseUrl(database);
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  let load: LoadReport | null = null;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    let loaded = false;
    if (exists.rowCount !== 0) {
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const marker = await check.query(`select to_regclass('public.bench_loaded') is not null as loaded`);
      await check.end();
      loaded = (marker.rows[0] as { loaded: boolean }).loaded;
    }
    if (!loaded) {
      progress(`Nạp bộ dữ liệu ${dataset.spec.name} vào PostgreSQL (một lần, cơ sở dữ liệu ${database})`);
      // Older data sets of the same name are dropped, so the disk does not fill up.
      const stale = await admin.query('select datname from pg_database where datname like $1', [
        `ntm_bench_${dataset.spec.name}_%`,
      ]);
      for (const row of stale.rows as { datname: string }[])
        await admin.query(`drop database ${row.datname}`);
      await admin.query(`create database ${database}`);
      const handle = openDatabase({ databaseUrl: url, sqliteFile: ':memory:', poolSize: 4 });
      try {
        await migrateToLatest(handle.db, handle.dialect);
        load = await loadDataset(handle.db, dataset, progress);
        await sql`analyze`.execute(handle.db);
        await sql`create table bench_loaded (at timestamptz not null default now())`.execute(handle.db);
      } finally {
        await handle.close();
      }
    }
  } finally {
    await admin.end();
  }
  const handle = openDatabase({ databaseUrl: url, sqliteFile: ':memory:', poolSize: 2 });
  await migrateToLatest(handle.db, handle.dialect);
  await handle.close();
  return { load, url, database };
}

export function openSqlite(file: string): DatabaseHandle {
  return openDatabase({ databaseUrl: null, sqliteFile: file });
}

export function openPostgres(url: string): DatabaseHandle {
  return openDatabase({ databaseUrl: url, sqliteFile: ':memory:' });
}
