import type { CriteriaSet, Formula, UnitEvaluation } from '@ntm/core';
import {
  evaluateUnit,
  getCriteriaSet,
  MeasureValue,
  measuresByCode,
  type ObservedValue,
  Recognition,
  Unit,
} from '@ntm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDataset, summariseDemoDataset } from './dataset';
import { DEMO_SET_IDS } from './recognitions';
import type { DemoDataset } from './types';

let ds: DemoDataset;
beforeAll(() => {
  ds = buildDemoDataset();
});

function set(id: string): CriteriaSet {
  const found = getCriteriaSet(id);
  if (!found) throw new Error(`missing set ${id}`);
  return found;
}

function evaluate(setId: string, unitId: string, year: number): UnitEvaluation {
  const unit = ds.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`missing unit ${unitId}`);
  const values = new Map<string, ObservedValue>(
    ds.values.filter((v) => v.unitId === unitId && v.year === year).map((v) => [v.measureCode, v.value]),
  );
  const recognitions = ds.recognitions.filter((r) => r.unitId === unitId);
  return evaluateUnit({ set: set(setId), unit, year, values, recognitions, measures: measuresByCode });
}

function decided(year: number, tier: Recognition['tier']): Recognition[] {
  return ds.recognitions.filter(
    (r) => r.status === 'decided' && r.tier === tier && r.decisionDate?.startsWith(`${year}-`),
  );
}

const oldRuralCommunes = () =>
  ds.units.filter((u) => u.level === 'commune' && u.kind === 'xa' && u.validTo !== null);

describe('buildDemoDataset', () => {
  it('is deterministic', () => {
    expect(buildDemoDataset()).toEqual(ds);
  });

  it('has both worlds of the province', () => {
    expect(summariseDemoDataset(ds).units).toEqual({
      '2015-01-01 → 2025-06-30': expect.objectContaining({ province: 1, district: 10 }),
      '2025-07-01 → …': expect.objectContaining({ province: 1 }),
    });
    const newCommunes = ds.units.filter((u) => u.level === 'commune' && u.validTo === null);
    expect(newCommunes.length).toBeGreaterThanOrEqual(36);
    expect(newCommunes.length).toBeLessThanOrEqual(44);
  });

  it('produces valid demo units with unique ids', () => {
    expect(new Set(ds.units.map((u) => u.id)).size).toBe(ds.units.length);
    for (const unit of ds.units) {
      expect(Unit.safeParse(unit).success).toBe(true);
      expect(unit.isDemo).toBe(true);
    }
  });

  it('resolves every parent and predecessor for the whole life of the unit', () => {
    const byId = new Map(ds.units.map((u) => [u.id, u]));
    for (const unit of ds.units) {
      if (unit.parentId !== null) {
        const parent = byId.get(unit.parentId);
        expect(parent, unit.id).toBeDefined();
        expect(parent && parent.validFrom <= unit.validFrom).toBe(true);
        expect(
          parent && (parent.validTo === null || (unit.validTo !== null && unit.validTo <= parent.validTo)),
        ).toBe(true);
      }
      for (const id of unit.predecessorIds) expect(byId.get(id)?.validTo).toBe('2025-06-30');
    }
  });

  it('stores only values of known measures, within their range, for existing units', () => {
    const unitIds = new Set(ds.units.map((u) => u.id));
    const keys = new Set<string>();
    for (const value of ds.values) {
      expect(MeasureValue.safeParse(value).success).toBe(true);
      expect(unitIds.has(value.unitId)).toBe(true);
      const measure = measuresByCode.get(value.measureCode);
      expect(measure, value.measureCode).toBeDefined();
      if (!measure) continue;
      if (measure.valueType === 'boolean') expect(typeof value.value).toBe('boolean');
      else {
        expect(typeof value.value).toBe('number');
        expect(value.value).toBeGreaterThanOrEqual(measure.min ?? Number.NEGATIVE_INFINITY);
        expect(value.value).toBeLessThanOrEqual(measure.max ?? Number.POSITIVE_INFINITY);
      }
      keys.add(`${value.unitId}|${value.measureCode}|${value.year}`);
    }
    expect(keys.size).toBe(ds.values.length);
  });

  it('approves 2019–2020 values and leaves some 2021 ones in the workflow', () => {
    const statuses = (year: number) => new Set(ds.values.filter((v) => v.year === year).map((v) => v.status));
    expect(statuses(2019)).toEqual(new Set(['approved']));
    expect(statuses(2020)).toEqual(new Set(['approved']));
    expect(statuses(2021).size).toBeGreaterThan(1);
    expect(summariseDemoDataset(ds).values).toEqual(
      expect.objectContaining({
        2019: expect.any(Number),
        2021: expect.any(Number),
        2026: expect.any(Number),
      }),
    );
  });

  it('leaves about 3% of the rural communes’ 2019–2021 values missing', () => {
    const codes = new Set<string>();
    const collect = (formula: Formula): void => {
      if ('measure' in formula) codes.add(formula.measure);
      if ('op' in formula) {
        collect(formula.left);
        collect(formula.right);
      }
    };
    for (const id of [DEMO_SET_IDS.standard, DEMO_SET_IDS.advanced, DEMO_SET_IDS.model]) {
      for (const criterion of set(id).criteria) {
        for (const indicator of criterion.indicators) {
          if (indicator.measure) codes.add(indicator.measure);
          if (indicator.derived) collect(indicator.derived);
        }
      }
    }
    const communeIds = new Set(oldRuralCommunes().map((u) => u.id));
    const stored = ds.values.filter((v) => communeIds.has(v.unitId) && v.year <= 2021).length;
    const expected = codes.size * communeIds.size * 3;
    const missingShare = (expected - stored) / expected;
    expect(missingShare).toBeGreaterThan(0.015);
    expect(missingShare).toBeLessThan(0.05);
  });

  it('decides in 2021 the recognitions the demo story tells', () => {
    expect(decided(2021, 'standard')).toHaveLength(6);
    expect(decided(2021, 'advanced')).toHaveLength(4);
    expect(decided(2021, 'model')).toHaveLength(1);
    expect(decided(2021, 'model_residential_area')).toHaveLength(3);
    const schemeVillages = new Set(
      ds.units.filter((u) => u.level === 'village' && u.flags.includes('scheme_1385')).map((u) => u.id),
    );
    const villageDecisions = decided(2021, 'village_standard');
    expect(villageDecisions).toHaveLength(22);
    expect(villageDecisions.every((r) => schemeVillages.has(r.unitId))).toBe(true);
  });

  it('recognises about 60% of rural communes as standard before 2021, all as demo', () => {
    const before = ds.recognitions.filter(
      (r) => r.tier === 'standard' && r.status === 'decided' && (r.decisionDate ?? '') < '2021',
    );
    const share = before.length / oldRuralCommunes().length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
    for (const r of ds.recognitions) {
      expect(Recognition.safeParse(r).success).toBe(true);
      expect(r.isDemo).toBe(true);
      if (r.status === 'decided') expect(r.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
    }
  });

  it('states the 2021 directive and its six targets', () => {
    expect(ds.directive).toMatchObject({ number: '06/CT-UBND', date: '2021-03-12', isDemo: true });
    expect(ds.directive.title).toContain('dữ liệu demo');
    const byMetric = Object.fromEntries(ds.targets.map((t) => [t.metric, t.value]));
    expect(byMetric).toEqual({
      communes_standard_new: 8,
      communes_advanced_new: 6,
      communes_model_new: 2,
      model_residential_areas_new: 4,
      scheme_villages_standard: 29,
      average_criteria_per_commune: 17.5,
    });
    expect(ds.targets.find((t) => t.metric === 'scheme_villages_standard')?.label).toContain('29/52 thôn');
  });
});

describe('the demo province under evaluation', () => {
  it('spreads rural communes over the bands in 2021', () => {
    const bands = new Map<string, number>();
    for (const unit of oldRuralCommunes()) {
      const key = evaluate(DEMO_SET_IDS.standard, unit.id, 2021).band.key;
      bands.set(key, (bands.get(key) ?? 0) + 1);
    }
    expect([...bands.keys()].sort()).toEqual(['10-14', '15-18', '5-9', 'all', 'lt5']);
    expect(bands.get('all')).toBeGreaterThan(60);
  });

  it('has every unit decided in a year meet all criteria of its set that year', () => {
    const cases: [Recognition['tier'], string][] = [
      ['standard', DEMO_SET_IDS.standard],
      ['advanced', DEMO_SET_IDS.advanced],
      ['model', DEMO_SET_IDS.model],
      ['village_standard', DEMO_SET_IDS.village],
      ['model_residential_area', DEMO_SET_IDS.residential],
    ];
    for (const [tier, setId] of cases) {
      for (const year of [2019, 2020, 2021]) {
        for (const r of decided(year, tier)) {
          const result = evaluate(setId, r.unitId, year);
          expect(result.criteriaMet, `${r.unitId} ${tier} ${year}`).toBe(result.criteriaTotal);
        }
      }
    }
  });

  it('lets a few communes recognised before 2021 slip on one criterion in 2021', () => {
    const slipping = ds.recognitions
      .filter((r) => r.tier === 'standard' && r.status === 'decided' && (r.decisionDate ?? '') < '2021')
      .map((r) => evaluate(DEMO_SET_IDS.standard, r.unitId, 2021))
      .filter((e) => e.criteriaMet < e.criteriaTotal);
    expect(slipping.length).toBeGreaterThanOrEqual(2);
    expect(slipping.every((e) => e.criteriaMet === e.criteriaTotal - 1)).toBe(true);
  });

  it('evaluates the merged communes under the 2026–2030 set with varied results', () => {
    const results = ds.units
      .filter((u) => u.level === 'commune' && u.validTo === null && u.kind === 'xa')
      .map((u) => evaluate(DEMO_SET_IDS.standard2026, u.id, 2026));
    const met = new Set(results.map((r) => r.criteriaMet));
    expect(met.size).toBeGreaterThan(3);
    expect(results.some((r) => r.criteriaMet === r.criteriaTotal)).toBe(true);
  });
});
