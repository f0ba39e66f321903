import fs from 'node:fs';
import path from 'node:path';
import type { ObservedValue } from '@ntm/core';
import ExcelJS from 'exceljs';
import { CACHE_DIR, datasetKey } from '../dataset/databases';
import type { Dataset } from '../dataset/national';
import { communeMeasures, type ValueRow } from '../dataset/values';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { REPO_DIR, runToEnd } from '../lib/processes';
import { figure } from '../lib/stats';

interface ChildResult {
  ms: number;
  count: number;
  maxRssMb: number;
}

/** Requests of at most this many rows: the bulk write's own limit is 200,000. */
const REQUEST_ROWS = 100_000;

/**
 * The national workbook: one row per commune of the old structure, one column per measure a
 * commune reports (the year's second revision, so that importing it changes the data), and
 * the same rows as bulk write request bodies. Both are cached next to the data set.
 */
async function prepareFiles(dataset: Dataset, year: number) {
  const base = path.join(CACHE_DIR, `${datasetKey(dataset)}-import-${year}`);
  const xlsx = `${base}.xlsx`;
  const ndjson = `${base}.ndjson`;
  const meta = `${base}.json`;
  if (fs.existsSync(meta))
    return {
      xlsx,
      ndjson,
      ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as { rows: number; columns: number; values: number }),
    };
  const columns = communeMeasures.map((m) => m.code);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${xlsx}.partial`,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(['Mã xã', 'Tên xã', ...columns]).commit();
  const out = fs.createWriteStream(`${ndjson}.partial`);
  let pending: ValueRow[] = [];
  let values = 0;
  let rows = 0;
  const flush = () => {
    if (pending.length > 0)
      out.write(`${JSON.stringify({ values: pending, reason: 'bench: nhập số liệu toàn quốc' })}\n`);
    pending = [];
  };
  const byId = new Map(dataset.units.oldCommunes.map((c) => [c.id, c]));
  for (const [provinceId, communes] of dataset.communesByProvince) {
    if (communes[0]?.validTo === null) continue;
    const batch = dataset.batch(provinceId, year, 1);
    const byCommune = new Map<string, Map<string, ObservedValue>>();
    for (const row of batch.rows) {
      if (!byId.has(row.unitId)) continue;
      let map = byCommune.get(row.unitId);
      if (!map) {
        map = new Map();
        byCommune.set(row.unitId, map);
      }
      map.set(row.measure, row.value);
      if (pending.length >= REQUEST_ROWS) flush();
      pending.push(row);
      values++;
    }
    for (const commune of communes) {
      const own = byCommune.get(commune.id);
      sheet.addRow([commune.code, commune.name, ...columns.map((c) => own?.get(c) ?? null)]).commit();
      rows++;
    }
  }
  flush();
  await workbook.commit();
  await new Promise<void>((resolve) => out.end(resolve));
  fs.renameSync(`${xlsx}.partial`, xlsx);
  fs.renameSync(`${ndjson}.partial`, ndjson);
  const info = { rows, columns: columns.length + 2, values };
  fs.writeFileSync(meta, JSON.stringify(info));
  return { xlsx, ndjson, ...info };
}

async function child(args: string[]): Promise<ChildResult> {
  const out = await runToEnd(process.execPath, [
    '--import',
    'tsx',
    path.join(REPO_DIR, 'bench/lib/import-child.ts'),
    ...args,
  ]);
  const last = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as ChildResult;
}

/**
 * 4. Import of a national values workbook. Until the Excel import lands this measures the
 * JSON bulk write of the same rows (request schema + the product's bulk write, per request
 * of 100,000 rows), against ExcelJS's own streaming read of the workbook, each in a process
 * of its own for its peak memory. Every run writes into a fresh copy of the data set.
 */
export async function benchImport(ctx: BenchContext): Promise<Section> {
  const year = Math.max(...ctx.dataset.spec.oldYears);
  const files = await prepareFiles(ctx.dataset, year);
  const target = path.join(CACHE_DIR, 'work', 'import.sqlite');
  const results = await repeat(ctx.options.runs, async () => {
    const read = await child(['exceljs-read', files.xlsx]);
    for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(ctx.sqliteFile, target);
    const write = await child(['json-write', files.ndjson, target]);
    if (write.count === 0)
      throw new Error('nhập số liệu không làm thay đổi giá trị nào: không đo được việc ghi');
    return { read, write };
  });
  fs.rmSync(target, { force: true });
  const read = figure(results.map((r) => r.read.ms));
  const write = figure(results.map((r) => r.write.ms));
  const ratio = figure(results.map((r) => r.write.ms / r.read.ms));
  const readMem = figure(results.map((r) => r.read.maxRssMb));
  const writeMem = figure(results.map((r) => r.write.maxRssMb));
  const perSecond = figure(results.map((r) => files.values / (r.write.ms / 1000)));
  return {
    id: 'import',
    title: `4. Nhập số liệu toàn quốc năm ${year}: ${files.rows} dòng × ${files.columns} cột (${files.values} giá trị)`,
    header: ['bước', 'ms', 'giá trị/s', 'so với ExcelJS đọc', 'bộ nhớ đỉnh MB'],
    rows: [
      ['ExcelJS đọc tệp (tham chiếu)', read, null, '1×', readMem],
      ['ghi hàng loạt JSON (PUT /api/values)', write, perSecond, `${ratio.median.toFixed(2)}×`, writeMem],
    ],
    notes: [
      'Nhập Excel của sản phẩm (issue #7) chưa có trong mã khi đo: đo ghi hàng loạt JSON cùng các dòng.',
    ],
    data: {
      year,
      ...files,
      exceljsReadMs: read,
      jsonWriteMs: write,
      ratio,
      exceljsPeakMb: readMem,
      jsonWritePeakMb: writeMem,
      valuesPerSecond: perSecond,
    },
  };
}
