import { describe, expect, it } from 'vitest';
import { compareCriteriaSets } from './compare';
import { getCriteriaSet, measuresByCode } from './load';
import type { CriteriaSet } from './schema';
import { buildCriterion, buildIndicator, buildSet, buildThreshold } from './test-builders';

function shipped(id: string): CriteriaSet {
  const set = getCriteriaSet(id);
  if (!set) throw new Error(`no shipped set ${id}`);
  return set;
}

describe('compareCriteriaSets', () => {
  it('reports a raised floor as tightened and a raised ceiling as loosened', () => {
    const from = buildSet({
      criteria: [
        buildCriterion({
          number: '1',
          indicators: [
            buildIndicator({ code: '1.1', comparator: 'gte', thresholds: [buildThreshold({ value: 80 })] }),
            buildIndicator({ code: '1.2', comparator: 'lte', thresholds: [buildThreshold({ value: 5 })] }),
          ],
        }),
      ],
    });
    const to = buildSet({
      criteria: [
        buildCriterion({
          number: '1',
          indicators: [
            buildIndicator({ code: '1.1', comparator: 'gte', thresholds: [buildThreshold({ value: 85 })] }),
            buildIndicator({ code: '1.2', comparator: 'lte', thresholds: [buildThreshold({ value: 6 })] }),
          ],
        }),
      ],
    });
    const result = compareCriteriaSets(from, to);
    const [first, second] = result.criteria[0]?.indicators ?? [];
    expect(first?.thresholds.map((t) => t.change)).toEqual(['tightened']);
    expect(second?.thresholds.map((t) => t.change)).toEqual(['loosened']);
    expect(result.counts).toMatchObject({ thresholdsTightened: 1, thresholdsLoosened: 1 });
  });

  it('matches thresholds by the units they apply to, not by position', () => {
    const general = buildThreshold({ value: 45 });
    const delta = buildThreshold({ value: 50, when: { regions: ['DBSH'] } });
    const from = buildSet({
      criteria: [
        buildCriterion({ indicators: [buildIndicator({ comparator: 'gte', thresholds: [general, delta] })] }),
      ],
    });
    const to = buildSet({
      criteria: [
        buildCriterion({
          indicators: [
            buildIndicator({
              comparator: 'gte',
              thresholds: [buildThreshold({ value: 55, when: { regions: ['DBSH'] } }), general],
            }),
          ],
        }),
      ],
    });
    const thresholds = compareCriteriaSets(from, to).criteria[0]?.indicators[0]?.thresholds ?? [];
    expect(thresholds.map((t) => [t.when?.regions ?? [], t.change])).toEqual([
      [[], 'unchanged'],
      [['DBSH'], 'tightened'],
    ]);
  });

  it('names added, removed and renamed criteria and indicators', () => {
    const from = buildSet({
      criteria: [
        buildCriterion({ number: '1', name: 'Hộ nghèo', indicators: [buildIndicator({ code: '1.1' })] }),
        buildCriterion({ number: '2', name: 'Điện', indicators: [buildIndicator({ code: '2.1' })] }),
      ],
    });
    const to = buildSet({
      criteria: [
        buildCriterion({
          number: '1',
          name: 'Nghèo đa chiều',
          indicators: [
            buildIndicator({ code: '1.1', name: 'Tỷ lệ nghèo đa chiều' }),
            buildIndicator({ code: '1.2' }),
          ],
        }),
        buildCriterion({
          number: '10',
          name: 'Chuyển đổi số',
          indicators: [buildIndicator({ code: '10.1' })],
        }),
      ],
    });
    const result = compareCriteriaSets(from, to);
    expect(result.criteria.map((c) => [c.number, c.change, c.differences])).toEqual([
      ['1', 'changed', ['name']],
      ['2', 'removed', []],
      ['10', 'added', []],
    ]);
    expect(result.criteria[0]?.indicators.map((i) => [i.code, i.change, i.differences])).toEqual([
      ['1.1', 'changed', ['name']],
      ['1.2', 'added', []],
    ]);
    expect(result.counts).toMatchObject({
      criteriaAdded: 1,
      criteriaRemoved: 1,
      criteriaRenamed: 1,
      indicatorsAdded: 2,
      indicatorsRemoved: 1,
      indicatorsRenamed: 1,
      thresholdsAdded: 0,
    });
  });

  it('calls a changed comparator or a yes/no threshold "changed", with no direction', () => {
    const from = buildSet({
      criteria: [
        buildCriterion({
          indicators: [
            buildIndicator({ code: '1.1', comparator: 'gte', thresholds: [buildThreshold({ value: 5 })] }),
            buildIndicator({
              code: '1.2',
              valueType: 'boolean',
              comparator: 'eq',
              thresholds: [buildThreshold({ value: true })],
            }),
          ],
        }),
      ],
    });
    const to = buildSet({
      criteria: [
        buildCriterion({
          indicators: [
            buildIndicator({ code: '1.1', comparator: 'gt', thresholds: [buildThreshold({ value: 5 })] }),
            buildIndicator({
              code: '1.2',
              valueType: 'boolean',
              comparator: 'eq',
              thresholds: [buildThreshold({ value: false })],
            }),
          ],
        }),
      ],
    });
    const [comparatorChange, booleanChange] = compareCriteriaSets(from, to).criteria[0]?.indicators ?? [];
    expect(comparatorChange?.differences).toEqual(['comparator']);
    expect(comparatorChange?.thresholds[0]?.change).toBe('changed');
    expect(booleanChange?.thresholds[0]?.change).toBe('changed');
  });

  it('reads a raised level as tightened when the levels are known', () => {
    const level = (value: string) =>
      buildSet({
        criteria: [
          buildCriterion({
            indicators: [
              buildIndicator({
                measure: 'grade',
                valueType: 'level',
                comparator: 'level_gte',
                thresholds: [buildThreshold({ value })],
              }),
            ],
          }),
        ],
      });
    const levels = ['thấp', 'trung bình', 'cao'];
    const known = compareCriteriaSets(level('trung bình'), level('cao'), () => levels);
    const unknown = compareCriteriaSets(level('trung bình'), level('cao'));
    expect(known.criteria[0]?.indicators[0]?.thresholds[0]?.change).toBe('tightened');
    expect(unknown.criteria[0]?.indicators[0]?.thresholds[0]?.change).toBe('changed');
  });

  it('does not report the indicators of a set whose annex is not in the catalog as removed', () => {
    const result = compareCriteriaSets(
      shipped('vn-1980-commune-standard'),
      shipped('vn-318-commune-standard'),
    );
    expect(result.counts.indicatorsRemoved).toBe(0);
    expect(result.criteria.every((c) => !c.indicatorsComparable)).toBe(true);
    const poverty = result.criteria.find((c) => c.number === '11');
    expect([poverty?.before?.name, poverty?.after?.name, poverty?.differences]).toEqual([
      'Hộ nghèo',
      'Nghèo đa chiều',
      ['name'],
    ]);
  });

  it('finds what the demo advanced set raises over the demo standard set', () => {
    const result = compareCriteriaSets(
      shipped('demo-2016-2020-commune-standard'),
      shipped('demo-2016-2020-commune-advanced'),
      (code) => measuresByCode.get(code)?.levels,
    );
    const changed = result.criteria.filter((c) => c.change !== 'unchanged').map((c) => c.number);
    expect(changed).toEqual(['10', '11', '15', '17']);
    expect(result.counts.thresholdsTightened).toBeGreaterThan(0);
    expect(result.counts.thresholdsLoosened + result.counts.thresholdsChanged).toBe(0);
    const poverty = result.criteria.find((c) => c.number === '11')?.indicators[0]?.thresholds[0];
    expect([poverty?.before?.value, poverty?.after?.value, poverty?.change]).toEqual([5, 3, 'tightened']);
  });

  it('finds nothing between a set and itself', () => {
    const set = shipped('vn-1980-commune-standard');
    const result = compareCriteriaSets(set, set);
    expect(result.criteria.every((c) => c.change === 'unchanged')).toBe(true);
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
  });
});
