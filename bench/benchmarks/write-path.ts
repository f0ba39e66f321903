import { openPostgres, openSqlite } from '../dataset/databases';
import { BENCH_SOURCE, type ValueRow } from '../dataset/values';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { expectOk, listen, type Session, timedGet, timedPut } from '../lib/http';
import { oldWorldScopes } from '../lib/scopes';
import { figure } from '../lib/stats';

interface RollupBody {
  rollup: { criteria: { number: string; metCount: number }[] };
}

/** Criterion 10 (income) of the 2016–2020 set reads this measure alone. */
const INCOME = 'income_per_capita';
const INCOME_CRITERION = '10';

function incomeMet(body: string): number {
  const parsed = JSON.parse(body) as RollupBody;
  return parsed.rollup.criteria.find((c) => c.number === INCOME_CRITERION)?.metCount ?? -1;
}

async function put(url: string, session: Session, rows: readonly ValueRow[]): Promise<number> {
  let ms = 0;
  for (let i = 0; i < rows.length; i += 100_000) {
    ms += expectOk(
      await timedPut(`${url}/api/values`, session, {
        values: rows.slice(i, i + 100_000),
        reason: 'bench: ghi một tỉnh',
      }),
      'PUT /api/values',
    ).ms;
  }
  return ms;
}

/**
 * 5. The write path: a bulk update of every value of the largest province for a year
 * (a new revision of its data, with every commune's income set below the threshold), then
 * the province's and the nation's roll-ups, which must show it at once: criterion 10 met
 * nowhere in the province. The province's own data is then written back and checked again.
 */
export async function benchWritePath(ctx: BenchContext): Promise<Section> {
  const { year, province } = oldWorldScopes(ctx.dataset);
  const original = ctx.dataset.batch(province.id, year).rows;
  const communes = ctx.dataset.communesByProvince.get(province.id) ?? [];
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
    const handle = database.open();
    const { app, url } = await listen(handle);
    const provincePath = `${url}/api/units/${encodeURIComponent(province.id)}/rollup?year=${year}`;
    const nationPath = `${url}/api/rollup?year=${year}`;
    try {
      const baseline = incomeMet(expectOk(await timedGet(provincePath, database.session), provincePath).body);
      const nationBaseline = incomeMet(
        expectOk(await timedGet(nationPath, database.session), nationPath).body,
      );
      const runs = await repeat(ctx.options.runs, async (run) => {
        // Every commune's income goes below the threshold, also where the revision leaves it out.
        const revised = [
          ...ctx.dataset.batch(province.id, year, 2 + run).rows.filter((r) => r.measure !== INCOME),
          ...communes.map((c) => ({ unitId: c.id, year, measure: INCOME, value: 1, source: BENCH_SOURCE })),
        ];
        const writeMs = await put(url, database.session, revised);
        const provinceAfter = expectOk(await timedGet(provincePath, database.session), provincePath);
        const nationAfter = expectOk(await timedGet(nationPath, database.session), nationPath);
        const seen = incomeMet(provinceAfter.body);
        const nationSeen = incomeMet(nationAfter.body);
        if (seen !== 0 || nationSeen !== nationBaseline - baseline) {
          throw new Error(
            `${database.name}: tổng hợp chưa phản ánh lần ghi (tỉnh ${seen}, cần 0; toàn quốc ${nationSeen}, cần ${nationBaseline - baseline})`,
          );
        }
        const restoreMs = await put(url, database.session, original);
        const restored = expectOk(await timedGet(provincePath, database.session), provincePath);
        if (incomeMet(restored.body) !== baseline) {
          throw new Error(
            `${database.name}: tổng hợp chưa phản ánh lần ghi lại (${incomeMet(restored.body)}, cần ${baseline})`,
          );
        }
        return {
          writeMs,
          provinceMs: provinceAfter.ms,
          nationMs: nationAfter.ms,
          restoreMs,
          restoredProvinceMs: restored.ms,
        };
      });
      const f = {
        write: figure(runs.map((r) => r.writeMs)),
        province: figure(runs.map((r) => r.provinceMs)),
        nation: figure(runs.map((r) => r.nationMs)),
        restore: figure(runs.map((r) => r.restoreMs)),
        restoredProvince: figure(runs.map((r) => r.restoredProvinceMs)),
      };
      rows.push([
        database.name,
        original.length,
        f.write,
        f.province,
        f.nation,
        f.restore,
        f.restoredProvince,
        'có',
      ]);
      data[database.name] = { rows: original.length, ...f, reflected: true };
    } finally {
      await app.close();
      await handle.close();
    }
  }
  return {
    id: 'write',
    title: `5. Ghi số liệu một tỉnh (${province.name}, năm ${year}) rồi đọc tổng hợp, ms`,
    header: [
      'CSDL',
      'giá trị',
      'ghi (PUT)',
      'tổng hợp tỉnh ngay sau',
      'toàn quốc ngay sau',
      'ghi lại',
      'tổng hợp tỉnh sau ghi lại',
      'phản ánh ngay',
    ],
    rows,
    notes: [
      '"Phản ánh ngay": yêu cầu đọc đầu tiên sau khi PUT trả lời đã thấy tiêu chí 10 không đạt ở mọi xã của tỉnh.',
    ],
    data,
  };
}
