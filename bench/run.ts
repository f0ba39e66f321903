import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../packages/server/src/db/database';
import { installCatalogExtension } from '../packages/server/src/features/catalog/catalog.service';
import { benchColdStart } from './benchmarks/cold-start';
import { benchEvaluation } from './benchmarks/evaluation';
import { benchHttpLoad } from './benchmarks/http-load';
import { benchImport } from './benchmarks/import';
import { benchRollup } from './benchmarks/rollup';
import { benchWritePath } from './benchmarks/write-path';
import { benchCatalog, writeBenchCatalogFolder } from './dataset/catalog';
import {
  BENCH_DIR,
  CACHE_DIR,
  openPostgres,
  openSqlite,
  provisionPostgres,
  provisionSqlite,
} from './dataset/databases';
import { buildDataset, NATIONAL, postgresSpec, QUICK } from './dataset/national';
import type { BenchContext, Options, Section } from './lib/context';
import { ensureBenchAdmin, listen, type Session, signIn } from './lib/http';
import { renderTable } from './lib/table';

const benchmarks: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  evaluation: benchEvaluation,
  rollup: benchRollup,
  http: benchHttpLoad,
  cold: benchColdStart,
  // The two that write run last: the others read the data set as generated.
  import: benchImport,
  write: benchWritePath,
};

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'latest-year': { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-postgres': { type: 'boolean', default: false },
      runs: { type: 'string' },
      label: { type: 'string' },
    },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [];
  const unknown = only.filter((name) => !(name in benchmarks));
  if (unknown.length > 0) {
    throw new Error(
      `Không có benchmark ${unknown.join(', ')}; chọn trong: ${Object.keys(benchmarks).join(', ')}`,
    );
  }
  const quick = values.quick ?? false;
  return {
    quick,
    latestYear: values['latest-year'] ?? false,
    only,
    postgres: !(values['no-postgres'] ?? false),
    runs: values.runs ? Number(values.runs) : quick ? 2 : 3,
    label: values.label ?? (quick ? 'quick' : 'national'),
  };
}

const options = parseOptions();
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
// Other work on the machine slows every figure; the results say how busy it was.
const loadAtStart = os.loadavg();
installCatalogExtension(benchCatalog());
const spec = options.quick ? QUICK : NATIONAL;
const dataset = buildDataset(options.latestYear ? postgresSpec(spec) : spec);
log(
  `NTM Monitor bench — bộ dữ liệu ${dataset.spec.name}: ${dataset.units.units.length} đơn vị, ${dataset.units.oldCommunes.length} xã cũ, ${dataset.units.newCommunes.length} xã mới, năm ${dataset.years.join(', ')}; ${options.runs} lượt mỗi phép đo`,
);
const sqlite = await provisionSqlite(dataset, log);
const postgres = options.postgres
  ? await provisionPostgres(buildDataset(postgresSpec(dataset.spec)), log)
  : null;

/** The benchmark's admin on a database, and a session that every later app on it accepts. */
async function sessionOn(database: DatabaseHandle): Promise<Session> {
  await ensureBenchAdmin(database.db);
  const { app, url } = await listen(database);
  try {
    return await signIn(url);
  } finally {
    await app.close();
    await database.close();
  }
}

const ctx: BenchContext = {
  options,
  dataset,
  sqliteFile: sqlite.workFile,
  postgresUrl: postgres?.url ?? null,
  catalogDir: writeBenchCatalogFolder(path.join(CACHE_DIR, 'catalog')),
  sessions: {
    sqlite: await sessionOn(openSqlite(sqlite.workFile)),
    postgres: postgres ? await sessionOn(openPostgres(postgres.url)) : null,
  },
  log,
};

const sections: Section[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (options.only.length > 0 && !options.only.includes(name)) continue;
  const t = performance.now();
  log(`\n… ${name}`);
  const section = await run(ctx);
  sections.push(section);
  log(renderTable(section.title, section.header, section.rows));
  for (const note of section.notes ?? []) log(`  ${note}`);
  log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

const totalSeconds = (performance.now() - started) / 1000;
const resultsDir = path.join(BENCH_DIR, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.join(resultsDir, `${options.label}-${stamp}.json`);
const report = {
  label: options.label,
  at: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  dataset: {
    name: dataset.spec.name,
    units: dataset.units.units.length,
    oldCommunes: dataset.units.oldCommunes.length,
    newCommunes: dataset.units.newCommunes.length,
    years: dataset.years,
    loadSqlite: sqlite.load,
    loadPostgres: postgres?.load ?? null,
  },
  options,
  totalSeconds,
  loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() },
  sections: Object.fromEntries(
    sections.map((s) => [s.id, { title: s.title, header: s.header, rows: s.rows, data: s.data }]),
  ),
};
fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
fs.copyFileSync(file, path.join(resultsDir, `${options.label}-latest.json`));
log(
  `\nXong trong ${totalSeconds.toFixed(0)} s (tải máy lúc đầu ${loadAtStart[0]?.toFixed(1)}, lúc cuối ${os.loadavg()[0]?.toFixed(1)} trên ${os.cpus().length} nhân). Kết quả: ${path.relative(process.cwd(), file)}`,
);
