import {
  type CriteriaSet,
  evaluateUnit,
  type Indicator,
  isMet,
  measuresByCode,
  type ObservedValue,
  selectThreshold,
  type Unit,
  yearEnd,
} from '@ntm/core';
import {
  isRuralCommune,
  rollUpNation,
} from '../../packages/server/src/features/evaluation/evaluation.service';
import { resolveValuesFor } from '../../packages/server/src/features/evaluation/resolved-values';
import { getUnitDirectory } from '../../packages/server/src/features/units/unit-directory';
import { openSqlite } from '../dataset/databases';
import { type BenchContext, repeat, type Section } from '../lib/context';
import { figure } from '../lib/stats';

type Values = ReadonlyMap<string, ObservedValue>;

interface PlainIndicator {
  criterion: number;
  measure: string | null;
  ratio: { numerator: string; denominator: string } | null;
  comparator: Indicator['comparator'];
  levels: readonly string[] | undefined;
  /** Threshold value by the unit attributes that select it. */
  thresholds: Map<string, ObservedValue | null>;
  indicator: Indicator;
}

function attributesKey(unit: Unit): string {
  return `${unit.region}|${unit.communeGroup}|${unit.flags.join(',')}`;
}

/**
 * The baseline the issue asks for: the same judgement written as a bare loop — one map lookup
 * per value, thresholds looked up by unit attributes, a comparison, a count per criterion —
 * with no result objects, gaps or eligibility.
 */
function plainLoop(set: CriteriaSet, communes: readonly Unit[], values: ReadonlyMap<string, Values>): number {
  const indicators: PlainIndicator[] = set.criteria.flatMap((criterion, c) =>
    criterion.indicators.map((indicator) => {
      const formula = indicator.derived;
      const ratio =
        formula &&
        'op' in formula &&
        'op' in formula.left &&
        'measure' in formula.left.left &&
        'measure' in formula.left.right
          ? { numerator: formula.left.left.measure, denominator: formula.left.right.measure }
          : null;
      const levels = indicator.measure ? measuresByCode.get(indicator.measure)?.levels : undefined;
      return {
        criterion: c,
        measure: indicator.measure ?? null,
        ratio,
        comparator: indicator.comparator,
        levels,
        thresholds: new Map(),
        indicator,
      };
    }),
  );
  for (const commune of communes) {
    for (const p of indicators) {
      const key = attributesKey(commune);
      if (!p.thresholds.has(key))
        p.thresholds.set(key, selectThreshold(set, p.indicator, commune)?.value ?? null);
    }
  }
  const unmet = new Uint8Array(set.criteria.length);
  let criteriaMet = 0;
  for (const commune of communes) {
    const own = values.get(commune.id);
    if (!own) continue;
    unmet.fill(0);
    const key = attributesKey(commune);
    for (const p of indicators) {
      let value: ObservedValue | undefined;
      if (p.measure !== null) value = own.get(p.measure);
      else if (p.ratio) {
        const n = own.get(p.ratio.numerator);
        const d = own.get(p.ratio.denominator);
        value = typeof n === 'number' && typeof d === 'number' && d !== 0 ? (n / d) * 100 : undefined;
      }
      const threshold = p.thresholds.get(key);
      if (value === undefined || threshold === null || threshold === undefined) unmet[p.criterion] = 1;
      else if (!isMet(p.comparator, value, threshold, p.levels)) unmet[p.criterion] = 1;
    }
    for (let c = 0; c < unmet.length; c++) if (unmet[c] === 0) criteriaMet++;
  }
  return criteriaMet;
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * 1. Full re-evaluation of every rural commune of the country, for one year and for every
 * year: end to end through the service on a fresh connection (values read from the
 * database, resolved, evaluated, rolled up), the evaluation engine alone on values already
 * in memory, and the plain loop over the same values.
 */
export async function benchEvaluation(ctx: BenchContext): Promise<Section> {
  const handle = openSqlite(ctx.sqliteFile);
  const directory = await getUnitDirectory(handle.db);
  const rows: Section['rows'] = [];
  const data: Record<string, unknown> = {};
  const totals = { endToEnd: [] as number[][], engine: [] as number[][], loop: [] as number[][] };
  const runs = ctx.options.runs;
  for (const year of ctx.dataset.years) {
    const set = ctx.dataset.setFor(year);
    const communes = directory.treeOn(yearEnd(year)).byId;
    const rural = [...communes.values()].filter(isRuralCommune);
    const resolved = await resolveValuesFor(handle.db, directory, rural, year);
    const values = new Map([...resolved].map(([id, r]) => [id, r.values as Values]));

    const endToEnd = await repeat(runs, async () => {
      // A new connection has empty caches: this is the cost of evaluating the country from scratch.
      const fresh = openSqlite(ctx.sqliteFile);
      await getUnitDirectory(fresh.db);
      const started = performance.now();
      const result = await rollUpNation(fresh.db, { year });
      const ms = performance.now() - started;
      await fresh.close();
      if (result.rollup.evaluatedCount !== rural.length) {
        throw new Error(`năm ${year}: tổng hợp ${result.rollup.evaluatedCount} xã, cần ${rural.length}`);
      }
      return ms;
    });
    let met = 0;
    const engine = await repeat(runs, async () =>
      time(() => {
        met = 0;
        for (const commune of rural) {
          met += evaluateUnit({
            set,
            unit: commune,
            year,
            values: values.get(commune.id) ?? new Map(),
            recognitions: [],
            measures: measuresByCode,
          }).criteriaMet;
        }
      }),
    );
    let loopMet = 0;
    const loop = await repeat(runs, async () =>
      time(() => {
        loopMet = plainLoop(set, rural, values);
      }),
    );
    if (loopMet !== met)
      throw new Error(`năm ${year}: vòng lặp thường đếm ${loopMet} tiêu chí đạt, bộ máy đếm ${met}`);
    totals.endToEnd.push(endToEnd);
    totals.engine.push(engine);
    totals.loop.push(loop);
    const e2e = figure(endToEnd);
    const eng = figure(engine);
    const lp = figure(loop);
    rows.push([
      `${year} (${set.criteria.length} tiêu chí)`,
      rural.length,
      e2e,
      eng,
      lp,
      `${(eng.median / lp.median).toFixed(2)}×`,
      `${(e2e.median / lp.median).toFixed(1)}×`,
    ]);
    data[year] = { communes: rural.length, endToEndMs: e2e, engineMs: eng, plainLoopMs: lp };
  }
  const sumRuns = (per: number[][]) =>
    per[0]?.map((_, run) => per.reduce((n, y) => n + (y[run] ?? 0), 0)) ?? [];
  const all = {
    endToEnd: figure(sumRuns(totals.endToEnd)),
    engine: figure(sumRuns(totals.engine)),
    loop: figure(sumRuns(totals.loop)),
  };
  rows.push([
    `tất cả ${ctx.dataset.years.length} năm`,
    null,
    all.endToEnd,
    all.engine,
    all.loop,
    `${(all.engine.median / all.loop.median).toFixed(2)}×`,
    `${(all.endToEnd.median / all.loop.median).toFixed(1)}×`,
  ]);
  data.allYears = all;
  await handle.close();
  return {
    id: 'evaluation',
    title: '1. Đánh giá lại mọi xã (SQLite), ms',
    header: [
      'năm',
      'xã',
      'đầu–cuối (CSDL→kết quả)',
      'bộ máy đánh giá',
      'vòng lặp thường',
      'bộ máy / vòng lặp',
      'đầu–cuối / vòng lặp',
    ],
    rows,
    notes: [
      'đầu–cuối: rollUpNation trên kết nối mới (bộ nhớ đệm trống): đọc số liệu, tổng hợp thôn và xã tiền thân, đánh giá, tổng hợp.',
      'bộ máy đánh giá: evaluateUnit cho mọi xã trên số liệu đã nằm trong bộ nhớ; vòng lặp thường: cùng phép so sánh, không tạo kết quả.',
    ],
    data,
  };
}
