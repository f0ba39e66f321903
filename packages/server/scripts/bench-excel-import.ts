/**
 * Measures the Excel round trip at national scale: a province-sized tree holding 10,600
 * communes (about the number of communes in Vietnam before 2025), a template with one row per
 * commune and one column per indicator entered directly, every cell filled, then preview and
 * confirmation. Run: `npx tsx packages/server/scripts/bench-excel-import.ts [--pg <url>]`.
 * Not part of the test suite: it takes longer than a test should.
 */
import { parseArgs } from 'node:util';
import { formatNumber, getCriteriaSet, measuresByCode, type ObservedValue, type Unit } from '@ntm/core';
import { buildCommune, buildDistrict, buildProvince } from '@ntm/core/testing';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { bumpDataVersion } from '../src/features/data-versions';
import { confirmImport, previewImport } from '../src/features/excel/excel-import.service';
import { exportTemplate } from '../src/features/excel/excel-template.service';
import type { TemplateColumn, TemplateRow } from '../src/features/excel/template-layout';
import { writeTemplate } from '../src/features/excel/template-writer';
import { insertUnits } from '../src/features/units/units.repository';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 10_600);
const PER_DISTRICT = 106;
const YEAR = 2018;
const SET_ID = 'demo-2016-2020-commune-standard';

const { values: args } = parseArgs({ options: { pg: { type: 'string' } } });
const database = openDatabase({ databaseUrl: args.pg ?? null, sqliteFile: ':memory:' });
await migrateToLatest(database.db, database.dialect);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

/** Wall time, and CPU time of this process: on a shared machine the second is the steadier figure. */
async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  peakRss = process.memoryUsage().rss;
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${label.padEnd(34)} ${formatNumber(seconds, 1).padStart(6)} s (CPU ${formatNumber(cpuSeconds, 1)} s)   đỉnh RSS ${formatNumber(peakRss / 1024 / 1024, 0)} MB\n`,
  );
  return result;
}

const province = buildProvince({
  id: 'bench:p',
  code: 'B00',
  name: 'Tỉnh Đo Kiểm',
  region: 'BTB',
  validFrom: '2015-01-01',
});
const units: Unit[] = [province];
for (let d = 0; d < COMMUNES / PER_DISTRICT; d++) {
  const district = buildDistrict({
    id: `bench:d${d}`,
    code: `B${String(d).padStart(3, '0')}`,
    name: `Huyện Số ${d + 1}`,
    parentId: province.id,
    region: 'BTB',
    validFrom: '2015-01-01',
  });
  units.push(district);
  for (let c = 0; c < PER_DISTRICT; c++) {
    const n = d * PER_DISTRICT + c;
    units.push(
      buildCommune({
        id: `bench:c${n}`,
        code: String(10000 + n).padStart(5, '0'),
        name: `Xã Đồng Hòa ${n + 1}`,
        parentId: district.id,
        region: 'BTB',
        validFrom: '2015-01-01',
      }),
    );
  }
}
await timed('Nạp đơn vị', async () => {
  await database.db.transaction().execute(async (trx) => {
    await insertUnits(trx, units);
    await bumpDataVersion(trx, 'units');
  });
});

const empty = await timed('Xuất biểu mẫu trống', () =>
  exportTemplate(database.db, { unitId: province.id, year: YEAR, criteriaSetId: SET_ID }),
);

const set = getCriteriaSet(SET_ID);
if (!set) throw new Error(SET_ID);
const columns: TemplateColumn[] = set.criteria.flatMap((criterion) =>
  criterion.indicators.flatMap((indicator) => {
    const measure = indicator.measure ? measuresByCode.get(indicator.measure) : undefined;
    return measure
      ? [
          {
            criterionNumber: criterion.number,
            criterionName: criterion.name,
            indicator,
            measure,
            threshold: '',
          },
        ]
      : [];
  }),
);
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const rows: TemplateRow[] = units
  .filter((u) => u.level === 'commune')
  .map((unit) => ({
    unit,
    parentName: '',
    values: new Map<string, ObservedValue>(
      columns.map((c) => [
        c.measure.code,
        c.measure.valueType === 'boolean' ? random() < 0.7 : Math.round(random() * 1000) / 10,
      ]),
    ),
  }));
const filled = await timed('Điền số liệu vào biểu mẫu', () =>
  writeTemplate({
    set,
    year: YEAR,
    scope: province,
    columns,
    rows,
    exportedAt: new Date().toISOString(),
    isDemo: true,
  }),
);

const preview = await timed('Tải lên, kiểm tra, xem trước', () =>
  previewImport(database.db, { bytes: filled, fileName: 'ca-nuoc.xlsx' }, {}, 'bench'),
);
if (preview.problemCount > 0) throw new Error(JSON.stringify(preview.problems.slice(0, 5)));
const applied = await timed('Xác nhận ghi (một giao dịch)', () =>
  confirmImport(database.db, preview.id, { onlyValidRows: false, correction: false }, 'bench'),
);
clearInterval(sampler);

process.stdout.write(
  [
    '',
    `CSDL: ${database.dialect}`,
    `Biểu mẫu trống: ${formatNumber(empty.bytes.length / 1024 / 1024, 1)} MB; tệp đã điền: ${formatNumber(filled.length / 1024 / 1024, 1)} MB`,
    `${formatNumber(preview.sheetRows)} dòng × ${columns.length} cột chỉ tiêu = ${formatNumber(applied.newCount)} giá trị ghi`,
    '',
  ].join('\n'),
);
await database.close();
