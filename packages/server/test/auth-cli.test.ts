import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { buildApp } from '../src/http/app';
import { testDialect } from './harness';

const saved = {
  DATA_DIR: process.env.DATA_DIR,
  DATABASE_URL: process.env.DATABASE_URL,
  INIT_CWD: process.env.INIT_CWD,
  NTM_ADMIN_PASSWORD: process.env.NTM_ADMIN_PASSWORD,
};
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-admin-'));
let schema: string | null = null;

async function cli(password: string, ...argv: string[]) {
  process.env.NTM_ADMIN_PASSWORD = password;
  const lines: string[] = [];
  const code = await runCli(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}

async function login(username: string, password: string): Promise<number> {
  const config = loadConfig();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'ntm.sqlite'),
  });
  const app = await buildApp({ database });
  try {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    return response.statusCode;
  } finally {
    await app.close();
    await database.close();
  }
}

/** The command opens its own database from the environment: a temporary SQLite folder or PostgreSQL schema. */
beforeAll(async () => {
  process.env.INIT_CWD = folder;
  process.env.DATA_DIR = path.join(folder, 'data');
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    process.env.DATABASE_URL = scoped.toString();
  } else {
    delete process.env.DATABASE_URL;
  }
});
afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (url && schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
});

describe(`create-admin on ${testDialect}`, () => {
  it('creates the first province admin, who can then sign in', async () => {
    const weak = await cli('ngan', 'create-admin', 'vpdp');
    expect(weak.code).toBe(1);
    expect(weak.text).toContain('ít nhất');
    const created = await cli('Van-phong-2026', 'create-admin', 'VPDP', '--name', 'Văn phòng Điều phối NTM');
    expect(created).toEqual({ code: 0, text: 'Đã tạo tài khoản quản trị tỉnh "vpdp".' });
    expect(await login('vpdp', 'Van-phong-2026')).toBe(200);
  });

  it('refuses an existing name unless told to reset it, which sets a new password', async () => {
    const again = await cli('Khac-hẳn-2026', 'create-admin', 'vpdp');
    expect(again.code).toBe(1);
    expect(again.text).toContain('--reset');
    const reset = await cli('Mat-khau-moi-2026', 'create-admin', 'vpdp', '--reset');
    expect(reset.code).toBe(0);
    expect(await login('vpdp', 'Van-phong-2026')).toBe(401);
    expect(await login('vpdp', 'Mat-khau-moi-2026')).toBe(200);
  });
});
