import { describe, expect, it } from 'vitest';
import { CriteriaSetOverlay, type CriteriaSetOverlayInput, deriveCriteriaSet } from './derive';
import type { CriteriaSet } from './schema';
import { buildCriterion, buildIndicator, buildSet, buildThreshold } from './test-builders';

const official = { ref: 'S16', verified: true };
const demoSource = { ref: 'demo', verified: false, note: 'Ngưỡng minh họa' };

function buildBase(): CriteriaSet {
  return buildSet({
    id: 'base',
    scope: 'national',
    illustrative: false,
    thresholdDimension: 'region',
    gaps: ['Thiếu ngưỡng 1.2'],
    criteria: [
      buildCriterion({
        indicators: [
          buildIndicator({
            code: '1.1',
            thresholds: [buildThreshold({ value: 50, source: official, when: { regions: ['DBSH'] } })],
          }),
          buildIndicator({ code: '1.2', thresholds: [] }),
        ],
      }),
    ],
  });
}

function buildOverlay(overrides: Partial<CriteriaSetOverlayInput> = {}): CriteriaSetOverlay {
  return CriteriaSetOverlay.parse({
    id: 'province-set',
    version: 1,
    name: 'Bộ tiêu chí tỉnh (dữ liệu demo)',
    shortName: 'Tỉnh',
    scope: 'provincial',
    provinceCode: 'DEMO',
    derivedFrom: 'base',
    legalBasis: {
      number: '01/2017/QĐ-UBND (DEMO)',
      date: '2017-01-01',
      issuer: 'UBND Tỉnh Demo',
      title: 'Bộ tiêu chí (dữ liệu demo)',
      source: { ref: 'demo', verified: false },
    },
    illustrative: true,
    ...overrides,
  });
}

function derived(base: CriteriaSet, overlay: CriteriaSetOverlay): CriteriaSet {
  const result = deriveCriteriaSet(base, overlay);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.set;
}

const indicatorOf = (set: CriteriaSet, code: string) =>
  set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);

describe('deriveCriteriaSet', () => {
  it('adds thresholds and keeps every official one with its source', () => {
    const base = buildBase();
    const overlay = buildOverlay({
      addThresholds: {
        '1.1': [{ value: 40, source: demoSource, illustrative: true }],
        '1.2': [{ value: 6, source: demoSource, illustrative: true }],
      },
    });
    const set = derived(base, overlay);
    expect(indicatorOf(set, '1.1')?.thresholds).toEqual([
      { value: 50, source: official, when: { regions: ['DBSH'] } },
      { value: 40, source: demoSource, illustrative: true },
    ]);
    expect(indicatorOf(set, '1.2')?.thresholds).toEqual([
      { value: 6, source: demoSource, illustrative: true },
    ]);
    expect(indicatorOf(base, '1.2')?.thresholds).toEqual([]);
  });

  it('takes identity and legal basis from the overlay and the rest from the base', () => {
    const set = derived(buildBase(), buildOverlay());
    expect(set).toMatchObject({
      id: 'province-set',
      scope: 'provincial',
      provinceCode: 'DEMO',
      derivedFrom: 'base',
      thresholdDimension: 'region',
      tier: 'standard',
      illustrative: true,
      gaps: [],
    });
    expect(set.legalBasis.number).toBe('01/2017/QĐ-UBND (DEMO)');
  });

  it('refuses an added threshold that would shadow an official one', () => {
    const overlay = buildOverlay({
      addThresholds: { '1.1': [{ value: 30, source: demoSource, when: { regions: ['DBSH'] } }] },
    });
    const result = deriveCriteriaSet(buildBase(), overlay);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.code, p.indicator])).toEqual([
      ['overlay_threshold_conflict', '1.1'],
    ]);
  });

  it('replaces thresholds only when asked to, for a stricter provincial tier', () => {
    const overlay = buildOverlay({
      tier: 'advanced',
      replaceThresholds: { '1.1': [{ value: 60, source: demoSource, illustrative: true }] },
    });
    const set = derived(buildBase(), overlay);
    expect(indicatorOf(set, '1.1')?.thresholds).toEqual([
      { value: 60, source: demoSource, illustrative: true },
    ]);
    expect(set.tier).toBe('advanced');
  });

  it('reports an unknown indicator code in the overlay, naming it', () => {
    const overlay = buildOverlay({ addThresholds: { '1.9': [{ value: 1, source: demoSource }] } });
    const result = deriveCriteriaSet(buildBase(), overlay);
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'overlay_unknown_indicator',
      setId: 'province-set',
    });
    expect(problem?.indicator).toBe('1.9');
    expect(problem?.message).toContain('chỉ tiêu 1.9');
  });

  it('reports an unknown criterion number in the overlay', () => {
    const overlay = buildOverlay({ addIndicators: { '7': [buildIndicator({ code: '7.1' })] } });
    const result = deriveCriteriaSet(buildBase(), overlay);
    expect(!result.ok && result.problems.map((p) => [p.code, p.criterion])).toEqual([
      ['overlay_unknown_criterion', '7'],
    ]);
  });

  it('reports an overlay applied to another base than the one it names', () => {
    const result = deriveCriteriaSet(buildSet({ id: 'other' }), buildOverlay());
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['overlay_base_mismatch']);
  });

  it('adds indicators to a criterion and reassigns its lead department', () => {
    const overlay = buildOverlay({
      addIndicators: { '1': [buildIndicator({ code: '1.3' })] },
      leadDepartments: { '1': { department: 'home_affairs', source: demoSource } },
    });
    const set = derived(buildBase(), overlay);
    expect(set.criteria[0]?.indicators.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3']);
    expect(set.criteria[0]?.leadDepartment).toBe('home_affairs');
    expect(set.criteria[0]?.leadDepartmentSource).toEqual(demoSource);
  });

  it('rejects a misspelt overlay key instead of ignoring it', () => {
    const input = { ...buildOverlay(), addTresholds: {} };
    expect(CriteriaSetOverlay.safeParse(input).success).toBe(false);
  });
});
