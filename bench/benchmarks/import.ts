import fs from 'node:fs';
import path from 'node:path';
import type { ObservedValue } from '@ntm/core';
import pg from 'pg';
import { systemViewer } from '../../packages/server/src/features/auth/viewer';
import { templateContent } from '../../packages/server/src/features/excel/excel-template.service';
import { TEMPLATE_VERSION } from '../../packages/server/src/features/excel/template-layout';
import { writeTemplate } from '../../packages/server/src/features/excel/template-writer';
import { BENCH_DATABASE_URL, CACHE_DIR, openSqlite } from '../dataset/databases';
import type { Dataset } from '../dataset/national';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { REPO_DIR, runToEnd } from '../lib/processes';
import { figure } from '../lib/stats';

interface ReadResult {
  ms: number;
  count: number;
  maxRssMb: number;
}

interface ImportResult {
  previewMs: number;
  confirmMs: number;
  /** Values the confirmation wrote (new + changed). */
  count: number;
  sheetRows: number;
  unchanged: number;
  /** Loading the unit directory, which a running server already holds: not part of the import. */
  warmUpMs: number;
  maxRssMb: number;
}

interface TemplateFiles {
  files: string[];
  rows: number;
  /** Indicator columns of the template (the set's measures entered at commune level). */
  columns: number;
  cells: number;
  bytes: number;
}

/**
 * The files a national import is made of. A template names one area (its hidden identity row)
 * and the importer keeps every row inside it; the largest area is a province, as the country
 * has no unit above its provinces. So the nation is one template per province of the year,
 * written by the product's own exporter (`templateContent` + `writeTemplate`: the rural communes
 * of the province, one column per indicator entered directly) and filled with the data set's
 * second revision of the year, so that importing it changes most values.
 */
async function prepareTemplates(dataset: Dataset, sqliteFile: string, year: number): Promise<TemplateFiles> {
  const dir = path.join(CACHE_DIR, `${dataset.spec.name}-import-${year}-v${TEMPLATE_VERSION}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const set = dataset.setFor(year);
  const handle = openSqlite(sqliteFile);
  const out: TemplateFiles = { files: [], rows: 0, columns: 0, cells: 0, bytes: 0 };
  try {
    for (const [provinceId, communes] of dataset.communesByProvince) {
      if (communes[0]?.validTo === null) continue;
      const { content, fileName } = await templateContent(handle.db, systemViewer('bench-import'), {
        unitId: provinceId,
        year,
        criteriaSetId: set.id,
      });
      const next = new Map<string, Map<string, ObservedValue>>();
      for (const row of dataset.batch(provinceId, year, 1).rows) {
        let values = next.get(row.unitId);
        if (!values) {
          values = new Map();
          next.set(row.unitId, values);
        }
        values.set(row.measure, row.value);
      }
      const rows = content.rows.map((r) => ({ ...r, values: next.get(r.unit.id) ?? new Map() }));
      const bytes = await writeTemplate({ ...content, rows });
      const file = path.join(dir, fileName);
      fs.writeFileSync(file, bytes);
      out.files.push(file);
      out.rows += rows.length;
      out.columns = content.columns.length;
      out.cells += rows.reduce(
        (n, r) => n + content.columns.filter((c) => r.values.has(c.measure.code)).length,
        0,
      );
      out.bytes += bytes.length;
    }
  } finally {
    await handle.close();
  }
  return out;
}

async function child<T>(args: string[]): Promise<T> {
  const out = await runToEnd(process.execPath, [
    '--import',
    'tsx',
    path.join(REPO_DIR, 'bench/lib/import-child.ts'),
    ...args,
  ]);
  const last = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as T;
}

/** A throw-away copy of the loaded PostgreSQL database, so the import never changes the data set. */
async function withPostgresCopy<T>(sourceUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const source = new URL(sourceUrl).pathname.slice(1);
  const copy = `${source.slice(0, 40)}_import`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${copy}`);
    await admin.query(`create database ${copy} template ${source}`);
    const url = new URL(sourceUrl);
    url.pathname = `/${copy}`;
    try {
      return await use(url.toString());
    } finally {
      await admin.query(`drop database if exists ${copy}`);
    }
  } finally {
    await admin.end();
  }
}

/** `reads[i]` is ExcelJS's read in the same run as `results[i]`: a ratio of the same moment's load. */
function importRow(name: string, results: ImportResult[], reads: readonly number[]) {
  const preview = figure(results.map((r) => r.previewMs));
  const confirm = figure(results.map((r) => r.confirmMs));
  const total = figure(results.map((r) => r.previewMs + r.confirmMs));
  const ratio = figure(results.map((r, i) => (r.previewMs + r.confirmMs) / (reads[i] as number)));
  const memory = figure(results.map((r) => r.maxRssMb));
  const perSecond = figure(results.map((r) => r.count / ((r.previewMs + r.confirmMs) / 1000)));
  return {
    row: [name, preview, confirm, total, perSecond, `${ratio.median.toFixed(2)}×`, memory],
    data: {
      previewMs: preview,
      confirmMs: confirm,
      totalMs: total,
      ratio,
      peakMb: memory,
      valuesPerSecond: perSecond,
      written: results[0]?.count,
      unchanged: results[0]?.unchanged,
      sheetRows: results[0]?.sheetRows,
      warmUpMs: figure(results.map((r) => r.warmUpMs)),
    },
  };
}

/**
 * 4. The product's Excel import of a national values workbook: every province's template
 * (above), uploaded (`previewImport`: read, check every row, stage the diff) and confirmed
 * (`confirmImport`: one transaction, one audited change set) as a system viewer, against
 * ExcelJS's own streaming read of the same files; each in a process of its own for its peak
 * memory, on a fresh copy of the data set every run.
 */
export async function benchImport(ctx: BenchContext): Promise<Section> {
  const year = Math.max(...ctx.dataset.spec.oldYears);
  const templates = await prepareTemplates(ctx.dataset, ctx.sqliteFile, year);
  const target = path.join(CACHE_DIR, 'work', 'import.sqlite');
  const check = (result: ImportResult, database: string) => {
    if (result.count === 0)
      throw new Error(`${database}: nhập số liệu không làm thay đổi giá trị nào: không đo được việc ghi`);
    return result;
  };
  const results = await repeat(ctx.options.runs, async () => {
    const read = await child<ReadResult>(['exceljs-read', ...templates.files]);
    for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(ctx.sqliteFile, target);
    const sqlite = check(await child<ImportResult>(['excel-import', target, ...templates.files]), 'SQLite');
    const postgres = ctx.postgresUrl
      ? check(
          await withPostgresCopy(ctx.postgresUrl, (url) =>
            child<ImportResult>(['excel-import', url, ...templates.files]),
          ),
          'PostgreSQL',
        )
      : null;
    return { read, sqlite, postgres };
  });
  for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  const read = figure(results.map((r) => r.read.ms));
  const readMem = figure(results.map((r) => r.read.maxRssMb));
  const reads = results.map((r) => r.read.ms);
  const sqlite = importRow(
    'nhập Excel, SQLite',
    results.map((r) => r.sqlite),
    reads,
  );
  const withPostgres = results.flatMap((r) => (r.postgres ? [{ ...r, postgres: r.postgres }] : []));
  const postgres =
    withPostgres.length > 0
      ? importRow(
          'nhập Excel, PostgreSQL',
          withPostgres.map((r) => r.postgres),
          withPostgres.map((r) => r.read.ms),
        )
      : null;
  return {
    id: 'import',
    title: `4. Nhập Excel năm ${year}: ${templates.files.length} biểu mẫu tỉnh, ${templates.rows} dòng × ${templates.columns} cột chỉ tiêu (${templates.cells} ô có số liệu, ${(templates.bytes / 2 ** 20).toFixed(1)} MB)`,
    header: [
      'bước',
      'xem trước ms',
      'xác nhận ms',
      'tổng ms',
      'giá trị ghi/s',
      'so với ExcelJS đọc',
      'bộ nhớ đỉnh MB',
    ],
    rows: [
      ['ExcelJS đọc tệp (tham chiếu)', null, null, read, null, '1×', readMem],
      sqlite.row,
      ...(postgres ? [postgres.row] : []),
    ],
    notes: [
      `Giá trị ghi mỗi lượt: ${sqlite.data.written} (không đổi: ${sqlite.data.unchanged}); nạp danh mục đơn vị trước khi đo (máy chủ đang chạy đã có sẵn): ${Math.round(sqlite.data.warmUpMs.median)} ms.`,
    ],
    data: {
      year,
      templates: { ...templates, files: templates.files.map((f) => path.basename(f)) },
      exceljsReadMs: read,
      exceljsPeakMb: readMem,
      sqlite: sqlite.data,
      postgres: postgres?.data ?? null,
    },
  };
}
