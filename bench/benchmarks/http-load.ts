import path from 'node:path';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { freePort, REPO_DIR, runToEnd, type Spawned, spawnTs, waitForOk } from '../lib/processes';
import { dashboardScopes } from '../lib/scopes';
import { figure } from '../lib/stats';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number };
  throughput: { average: number };
  errors: number;
  non2xx: number;
}

/** What Chromium sends: the product compresses the responses that are the same for many requests. */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

async function autocannon(url: string, seconds: number, cookie: string | null): Promise<AutocannonResult> {
  const out = await runToEnd(process.execPath, [
    path.join(REPO_DIR, 'node_modules/autocannon/autocannon.js'),
    '--json',
    '--connections',
    '10',
    '--duration',
    String(seconds),
    '--headers',
    `accept-encoding=${ACCEPT_ENCODING}`,
    ...(cookie ? ['--headers', `cookie=${cookie}`] : []),
    url,
  ]);
  const result = JSON.parse(out) as AutocannonResult;
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} lỗi, ${result.non2xx} trả lời khác 2xx`);
  }
  return result;
}

/** The body's size on the wire, compressed as the browser's request lets it be. */
async function bytesSent(url: string, cookie: string): Promise<number> {
  const response = await fetch(url, { headers: { cookie, 'accept-encoding': ACCEPT_ENCODING } });
  await response.arrayBuffer();
  const length = Number(response.headers.get('content-length'));
  if (!response.ok || !Number.isFinite(length)) throw new Error(`${url}: HTTP ${response.status}`);
  return length;
}

/**
 * 3. Throughput of the dashboard (a province's roll-up) and the unit scorecard under load
 * from autocannon in its own process, against the product server started as `npm start`
 * starts it, each as a share of a bare Fastify endpoint measured in the same run. The
 * endpoints take turns within a run so that both see the same machine.
 */
export async function benchHttpLoad(ctx: BenchContext): Promise<Section> {
  const scopes = dashboardScopes(ctx.dataset);
  const seconds = ctx.options.quick ? 2 : 8;
  const serverPort = await freePort();
  const barePort = await freePort();
  const server: Spawned = spawnTs(
    'packages/server/src/main.ts',
    {
      DATA_DIR: path.dirname(ctx.sqliteFile),
      CATALOG_DIR: ctx.catalogDir,
      DATABASE_URL: '',
    },
    serverPort,
  );
  const bare: Spawned = spawnTs('bench/lib/bare-server.ts', {}, barePort);
  try {
    const started = performance.now();
    await waitForOk(bare, `${bare.url}/bare`, started);
    await waitForOk(server, `${server.url}/api/auth/me`, started);
    const dashboardUrl = `${server.url}/api/units/${encodeURIComponent(scopes.province.id)}/rollup?year=${scopes.year}`;
    const dashboardBytes = await bytesSent(dashboardUrl, ctx.sessions.sqlite.cookie);
    const endpoints = [
      { name: 'Fastify trần (/bare)', url: `${bare.url}/bare`, cookie: null },
      {
        name: `Fastify trần, thân ${(dashboardBytes / 1024).toFixed(1)} KB như tổng quan tỉnh`,
        url: `${bare.url}/bare/${dashboardBytes}`,
        cookie: null,
      },
      {
        name: `tổng quan tỉnh (${scopes.province.name}, ${scopes.year})`,
        url: dashboardUrl,
        cookie: ctx.sessions.sqlite.cookie,
      },
      {
        name: `thẻ điểm xã (${scopes.commune.name})`,
        url: `${server.url}/api/units/${encodeURIComponent(scopes.commune.id)}/evaluation?year=${scopes.year}`,
        cookie: ctx.sessions.sqlite.cookie,
      },
    ];
    // Warm up: the first answers load units and evaluate; that is benchmark 6, not this one.
    for (const e of endpoints) await autocannon(e.url, 1, e.cookie);
    const byEndpoint = new Map<string, AutocannonResult[]>();
    await repeat(ctx.options.runs, async () => {
      for (const e of endpoints) {
        const list = byEndpoint.get(e.name) ?? [];
        list.push(await autocannon(e.url, seconds, e.cookie));
        byEndpoint.set(e.name, list);
      }
    });
    const bareRps = figure((byEndpoint.get(endpoints[0]?.name ?? '') ?? []).map((r) => r.requests.average));
    const rows: Section['rows'] = [];
    const data: Record<string, unknown> = {};
    for (const e of endpoints) {
      const results = byEndpoint.get(e.name) ?? [];
      const rps = figure(results.map((r) => r.requests.average));
      const ratios = results.map((r, i) => r.requests.average / (bareRps.runs[i] ?? Number.NaN));
      const f = {
        rps,
        ratio: figure(ratios),
        p50: figure(results.map((r) => r.latency.p50)),
        p99: figure(results.map((r) => r.latency.p99)),
        kb: (results[0]?.throughput.average ?? 0) / (results[0]?.requests.average || 1) / 1024,
      };
      rows.push([e.name, f.rps, `${(f.ratio.median * 100).toFixed(1)}%`, f.p50, f.p99, f.kb]);
      data[e.name] = { url: e.url.replace(/^http:\/\/[^/]+/, ''), ...f };
    }
    return {
      id: 'http',
      title: `3. Tải HTTP (autocannon, 10 kết nối, ${seconds} s mỗi lượt)`,
      header: ['điểm cuối', 'yêu cầu/s', 'so với Fastify trần', 'p50 ms', 'p99 ms', 'KB/trả lời'],
      rows,
      notes: [
        'Máy chủ chạy như npm start (tiến trình riêng, SQLite), mỗi yêu cầu mang phiên đăng nhập của quản trị tỉnh; bộ giới hạn tốc độ chỉ gắn với đăng nhập, không với các điểm cuối được đo.',
        `Mọi yêu cầu gửi accept-encoding: ${ACCEPT_ENCODING} như Chromium; KB/trả lời là số byte trên đường truyền. Dòng "thân … KB" là Fastify trần gửi một thân dựng sẵn cỡ đó: trần của riêng việc gửi số byte ấy.`,
      ],
      data,
    };
  } finally {
    await server.stop();
    await bare.stop();
  }
}
