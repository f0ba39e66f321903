import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { listWorkbook } from './excel-files';
import { testDialect } from './harness';

const saved = {
  DATA_DIR: process.env.DATA_DIR,
  DATABASE_URL: process.env.DATABASE_URL,
  INIT_CWD: process.env.INIT_CWD,
};
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-cli-'));
let schema: string | null = null;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The CLI opens its own database from the environment: a temporary SQLite folder or PostgreSQL schema. */
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
  expect((await cli('seed-demo')).code).toBe(0);
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

describe(`Excel and report commands on ${testDialect}`, () => {
  it('exports a template for a district and a year', async () => {
    const result = await cli(
      'export-template',
      '99003',
      '2018',
      '--set',
      'demo-2016-2020-commune-standard',
      '--out',
      'mau.xlsx',
    );
    expect(result.code).toBe(0);
    expect(fs.statSync(path.join(folder, 'mau.xlsx')).size).toBeGreaterThan(5000);
  });

  it('checks a file with --dry-run without writing, then imports it', async () => {
    const file = path.join(folder, 'danh-sach.xlsx');
    fs.writeFileSync(file, await listWorkbook([['9900301', '10', 2018, '38,5']]));
    const dry = await cli(
      'import-values',
      'danh-sach.xlsx',
      '--dry-run',
      '--set',
      'demo-2016-2020-commune-standard',
    );
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('1 giá trị mới');
    expect(dry.out).toContain('không ghi gì');
    const run = await cli('import-values', 'danh-sach.xlsx', '--set', 'demo-2016-2020-commune-standard');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Đã ghi 1 giá trị');
    const again = await cli(
      'import-values',
      'danh-sach.xlsx',
      '--dry-run',
      '--set',
      'demo-2016-2020-commune-standard',
    );
    expect(again.out).toContain('0 giá trị mới, 0 thay đổi, 1 không đổi');
  });

  it('lists the problems of a bad file and writes nothing', async () => {
    fs.writeFileSync(path.join(folder, 'loi.xlsx'), await listWorkbook([['9900301', '10', 2018, '1.234']]));
    const result = await cli('import-values', 'loi.xlsx', '--set', 'demo-2016-2020-commune-standard');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Danh sách!D2 \[10\] "1\.234": .*không rõ/);
    expect(result.err).toContain('không giá trị nào được ghi');
  });

  it('writes a standard report as PDF and refuses an unknown one', async () => {
    const result = await cli(
      'report',
      'criteria-results',
      'DEMO',
      '2021',
      '--format',
      'pdf',
      '--out',
      'bc.pdf',
    );
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'bc.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const unknown = await cli('report', 'khong-co', 'DEMO', '2021');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('criteria-results');
  });
});
