import { openPostgres, openSqlite } from '../dataset/databases';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { expectOk, listen, timedGet } from '../lib/http';
import { oldWorldScopes } from '../lib/scopes';
import { figure, percentile } from '../lib/stats';

interface ScopeRun {
  firstMs: number;
  p50: number;
  p95: number;
  p99: number;
  kb: number;
}

/**
 * 2. Latency of the roll-up endpoint for the nation, the largest province and one commune
 * with its villages, on SQLite and PostgreSQL. Each run starts a fresh app on a fresh
 * connection: the first request pays for loading the units and evaluating; the percentiles
 * are over the requests that follow it.
 */
export async function benchRollup(ctx: BenchContext): Promise<Section> {
  const scopes = oldWorldScopes(ctx.dataset);
  const year = scopes.year;
  const counts = ctx.options.quick
    ? { nation: 5, province: 20, commune: 50 }
    : { nation: 30, province: 100, commune: 200 };
  const targets = [
    { scope: 'toàn quốc', path: `/api/rollup?year=${year}`, n: counts.nation },
    {
      scope: `tỉnh (${scopes.province.name})`,
      path: `/api/units/${encodeURIComponent(scopes.province.id)}/rollup?year=${year}`,
      n: counts.province,
    },
    {
      scope: `xã (${scopes.commune.name})`,
      path: `/api/units/${encodeURIComponent(scopes.commune.id)}/rollup?year=${year}`,
      n: counts.commune,
    },
  ];
  const databases = [
    { name: 'SQLite', open: () => openSqlite(ctx.sqliteFile), session: ctx.sessions.sqlite },
    ...(ctx.postgresUrl && ctx.sessions.postgres
      ? [
          {
            name: 'PostgreSQL',
            open: () => openPostgres(ctx.postgresUrl as string),
            session: ctx.sessions.postgres,
          },
        ]
      : []),
  ];
  const rows: Section['rows'] = [];
  const data: Record<string, unknown> = {};
  for (const database of databases) {
    for (const target of targets) {
      const runs = await repeat<ScopeRun>(ctx.options.runs, async () => {
        const handle = database.open();
        const { app, url } = await listen(handle);
        try {
          const first = expectOk(await timedGet(url + target.path, database.session), target.path);
          const samples: number[] = [];
          for (let i = 0; i < target.n; i++)
            samples.push(expectOk(await timedGet(url + target.path, database.session), target.path).ms);
          return {
            firstMs: first.ms,
            p50: percentile(samples, 50),
            p95: percentile(samples, 95),
            p99: percentile(samples, 99),
            kb: first.bytes / 1024,
          };
        } finally {
          await app.close();
          await handle.close();
        }
      });
      const f = {
        first: figure(runs.map((r) => r.firstMs)),
        p50: figure(runs.map((r) => r.p50)),
        p95: figure(runs.map((r) => r.p95)),
        p99: figure(runs.map((r) => r.p99)),
      };
      rows.push([database.name, target.scope, target.n, f.first, f.p50, f.p95, f.p99, runs[0]?.kb ?? null]);
      data[`${database.name}:${target.scope}`] = {
        path: target.path,
        requests: target.n,
        ...f,
        responseKb: runs[0]?.kb,
      };
    }
  }
  return {
    id: 'rollup',
    title: `2. Độ trễ API tổng hợp (/rollup), năm ${year}, ms`,
    header: ['CSDL', 'phạm vi', 'số yêu cầu', 'yêu cầu đầu', 'p50', 'p95', 'p99', 'KB'],
    rows,
    notes: [
      'Mỗi lượt: ứng dụng mới trên kết nối mới; "yêu cầu đầu" gồm nạp danh mục đơn vị và đánh giá lần đầu.',
    ],
    data,
  };
}
