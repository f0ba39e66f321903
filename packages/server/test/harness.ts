import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/features/seed/seed-demo';
import { createAdmin } from '../src/features/users/create-admin';
import type { AuthOptions } from '../src/http/access';
import { buildApp } from '../src/http/app';
import { demoUsers, type Session, signIn } from './sessions';

/** Integration tests run on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set (.ci/run does both). */
export const testDialect = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestDatabase extends DatabaseHandle {
  /** Drops what the test created (the PostgreSQL schema) and closes the pool. */
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty database: an in-memory SQLite file or a throw-away PostgreSQL schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = openDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrateToLatest(handle.db, handle.dialect);
    return { ...handle, dispose: () => handle.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const handle = openDatabase({ databaseUrl: scoped.toString(), sqliteFile: ':memory:', poolSize: 4 });
  await migrateToLatest(handle.db, handle.dialect);
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export interface TestApp {
  /** `app.inject` is anonymous: for the tests of 401 and 403. */
  app: FastifyInstance;
  database: TestDatabase;
  /** Signed in as the province admin, with the session's CSRF token on every write. */
  inject: Session['inject'];
  close(): Promise<void>;
}

const TEST_ADMIN = { username: 'test.admin', password: 'Quan-tri-2026' };

export async function createTestApp(options: {
  seed: boolean;
  auth?: Partial<AuthOptions>;
}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed) await seedDemo(database.db, new Date('2026-01-15T08:00:00Z'));
  else await createAdmin(database.db, { ...TEST_ADMIN, displayName: 'Quản trị kiểm thử', reset: false });
  const app = await buildApp({ database, auth: { loginRateLimit: 10_000, ...options.auth } });
  await app.ready();
  const admin = options.seed
    ? await signIn(app, demoUsers.admin)
    : await signIn(app, TEST_ADMIN.username, TEST_ADMIN.password);
  return {
    app,
    database,
    inject: admin.inject,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
