import path from 'node:path';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { freePort, spawnTs, waitForOk } from '../lib/processes';
import { oldWorldScopes } from '../lib/scopes';
import { figure } from '../lib/stats';

/**
 * 6. Cold start: from spawning the server (as `npm start` runs it, on the national SQLite
 * file) to its first answered request, then to its first answer of the largest province's
 * roll-up (which loads every unit and evaluates the province) and of the nation's.
 */
export async function benchColdStart(ctx: BenchContext): Promise<Section> {
  const { year, province } = oldWorldScopes(ctx.dataset);
  const runs = await repeat(ctx.options.runs, async () => {
    const port = await freePort();
    const started = performance.now();
    const server = spawnTs(
      'packages/server/src/main.ts',
      { DATA_DIR: path.dirname(ctx.sqliteFile), CATALOG_DIR: ctx.catalogDir, DATABASE_URL: '' },
      port,
    );
    try {
      const firstMs = await waitForOk(server, `${server.url}/api/auth/me`, started);
      await waitForOk(
        server,
        `${server.url}/api/units/${encodeURIComponent(province.id)}/rollup?year=${year}`,
        started,
      );
      const provinceMs = performance.now() - started;
      await waitForOk(server, `${server.url}/api/rollup?year=${year}`, started);
      return { firstMs, provinceMs, rollupMs: performance.now() - started };
    } finally {
      await server.stop();
    }
  });
  const first = figure(runs.map((r) => r.firstMs));
  const provinceFirst = figure(runs.map((r) => r.provinceMs));
  const rollup = figure(runs.map((r) => r.rollupMs));
  return {
    id: 'cold',
    title: '6. Khởi động nguội (SQLite, toàn quốc), ms từ lúc chạy tiến trình',
    header: ['mốc', 'ms'],
    rows: [
      ['trả lời đầu tiên (GET /api/auth/me)', first],
      [`tổng hợp tỉnh đầu tiên (${province.name}, năm ${year})`, provinceFirst],
      [`rồi tổng hợp toàn quốc đầu tiên (năm ${year})`, rollup],
    ],
    data: { firstAnswerMs: first, firstProvinceRollupMs: provinceFirst, firstNationRollupMs: rollup },
  };
}
