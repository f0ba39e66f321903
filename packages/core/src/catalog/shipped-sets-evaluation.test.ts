import { describe, expect, it } from 'vitest';
import { evaluateUnit } from '../evaluation/evaluate';
import { selectThreshold } from '../evaluation/threshold';
import { buildRecognition, buildUnit } from '../testing/builders';
import { CommuneGroup, Region, type Unit } from '../units/unit';
import type { ObservedValue } from '../values/value';
import { assessEvaluability } from './completeness';
import { criteriaSets, departmentsByCode, measuresByCode } from './load';
import type { CriteriaSet, Formula, Indicator } from './schema';

const context = {
  measures: measuresByCode,
  departments: departmentsByCode,
  sets: new Map(criteriaSets.map((s) => [s.id, s])),
};

function measureLeaves(formula: Formula): string[] {
  if ('measure' in formula) return [formula.measure];
  if ('op' in formula) return [...measureLeaves(formula.left), ...measureLeaves(formula.right)];
  return [];
}

/** The value that just meets the threshold: the boundary itself, so an off-by-one comparator fails. */
function justMeeting(indicator: Indicator, set: CriteriaSet, unit: Unit): ObservedValue {
  const threshold = selectThreshold(set, indicator, unit);
  if (threshold === null)
    throw new Error(`${set.id} ${indicator.code}: no threshold for ${unit.region ?? unit.communeGroup}`);
  const t = threshold.value;
  switch (indicator.comparator) {
    case 'is_true':
      return true;
    case 'is_false':
      return false;
    case 'gt':
      return (t as number) + 0.01;
    case 'lt':
      return (t as number) - 0.01;
    case 'gte':
    case 'lte':
    case 'eq':
    case 'level_gte':
      return t;
  }
}

function unitsFor(set: CriteriaSet): Unit[] {
  const level = set.level;
  const kind = level === 'village' ? 'thon' : 'xa';
  switch (set.thresholdDimension) {
    case 'region':
      return Region.options.map((region) =>
        buildUnit({ id: `u-${region}`, level, kind, region, communeGroup: null }),
      );
    case 'commune_group':
      return CommuneGroup.options.map((group) =>
        buildUnit({ id: `u-${group}`, level, kind, region: null, communeGroup: group }),
      );
    case 'none':
      return [buildUnit({ id: 'u', level, kind })];
  }
}

describe('every shipped criteria set', () => {
  const evaluable = criteriaSets.filter((s) => assessEvaluability(s, context).evaluable);

  it('ships the expected evaluable and incomplete sets', () => {
    expect(evaluable.map((s) => s.id).sort()).toEqual([
      'demo-2016-2020-commune-advanced',
      'demo-2016-2020-commune-model',
      'demo-2016-2020-commune-standard',
      'demo-2026-2030-commune-standard',
      'demo-model-residential-area',
      'demo-village-standard',
      'vn-319-commune-model',
    ]);
    for (const id of [
      'vn-1980-commune-standard',
      'vn-318-commune-standard',
      'vn-318-commune-advanced',
      'vn-51-2025-commune',
    ]) {
      const set = criteriaSets.find((s) => s.id === id);
      expect(set && assessEvaluability(set, context).evaluable).toBe(false);
    }
  });

  for (const set of evaluable) {
    it(`${set.id}: a unit meeting every threshold meets every criterion in every region or group`, () => {
      for (const unit of unitsFor(set)) {
        const values = new Map<string, ObservedValue>();
        for (const indicator of set.criteria.flatMap((c) => c.indicators)) {
          if (indicator.measure) values.set(indicator.measure, justMeeting(indicator, set, unit));
          else if (indicator.derived) for (const m of measureLeaves(indicator.derived)) values.set(m, 10);
        }
        const recognitions = set.prerequisites.flatMap((p) =>
          p.kind === 'recognition'
            ? [
                buildRecognition({
                  unitId: unit.id,
                  tier: p.tier,
                  decisionDate: '2019-05-01',
                  status: 'decided',
                }),
              ]
            : [],
        );
        const result = evaluateUnit({
          set,
          unit,
          year: 2021,
          values,
          recognitions,
          measures: measuresByCode,
        });
        const failing = result.criteria.flatMap((c) => c.indicators).filter((i) => i.outcome !== 'met');
        expect(failing.map((i) => `${i.code}:${i.outcome}`)).toEqual([]);
        expect(result.criteriaMet).toBe(set.criteria.length);
        expect(result.eligibility.eligible).toBe(true);
      }
    });

    it(`${set.id}: one value just short of its threshold fails exactly its criterion`, () => {
      const unit = unitsFor(set)[0] as Unit;
      const numeric = set.criteria
        .flatMap((c) => c.indicators.map((i) => ({ c, i })))
        .find(({ i }) => i.measure && (i.comparator === 'gte' || i.comparator === 'lte'));
      if (!numeric) return;
      const values = new Map<string, ObservedValue>();
      for (const indicator of set.criteria.flatMap((c) => c.indicators)) {
        if (indicator.measure) values.set(indicator.measure, justMeeting(indicator, set, unit));
        else if (indicator.derived) for (const m of measureLeaves(indicator.derived)) values.set(m, 10);
      }
      const boundary = justMeeting(numeric.i, set, unit) as number;
      values.set(
        numeric.i.measure as string,
        numeric.i.comparator === 'gte' ? boundary - 0.5 : boundary + 0.5,
      );
      const result = evaluateUnit({
        set,
        unit,
        year: 2021,
        values,
        recognitions: [],
        measures: measuresByCode,
      });
      const failed = result.criteria.filter((c) => c.outcome !== 'met').map((c) => c.number);
      expect(failed).toEqual([numeric.c.number]);
    });
  }
});
