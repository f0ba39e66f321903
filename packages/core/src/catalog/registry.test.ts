import { describe, expect, it } from 'vitest';
import { CriteriaSetOverlay } from './derive';
import { buildRegistry } from './registry';
import { buildCriterion, buildDepartment, buildIndicator, buildMeasure, buildSet } from './test-builders';

const overlay = (id: string, derivedFrom: string, extra: Record<string, unknown> = {}) =>
  CriteriaSetOverlay.parse({
    id,
    version: 1,
    name: `Bộ ${id} (dữ liệu demo)`,
    shortName: id,
    scope: 'provincial',
    derivedFrom,
    legalBasis: {
      number: '1/QĐ-UBND (DEMO)',
      date: '2020-01-01',
      issuer: 'UBND Tỉnh Demo',
      title: 'Thử',
      source: { ref: 'demo', verified: false },
    },
    illustrative: true,
    ...extra,
  });

const base = buildSet({ id: 'base' });
const input = { measures: [buildMeasure()], departments: [buildDepartment()] };

describe('buildRegistry', () => {
  it('materialises overlays in dependency order, whatever order they come in', () => {
    const { registry, problems } = buildRegistry({
      ...input,
      sets: [base],
      overlays: [overlay('advanced', 'standard', { tier: 'advanced' }), overlay('standard', 'base')],
    });
    expect(problems).toEqual([]);
    expect(registry.criteriaSets.map((s) => s.id)).toEqual(['base', 'standard', 'advanced']);
    expect(registry.setsById.get('advanced')?.derivedFrom).toBe('standard');
  });

  it('reports an overlay whose base is missing, by the overlay id', () => {
    const { registry, problems } = buildRegistry({
      ...input,
      sets: [base],
      overlays: [overlay('orphan', 'nowhere')],
    });
    expect(registry.setsById.has('orphan')).toBe(false);
    expect(problems.map((p) => [p.code, p.setId])).toEqual([['unknown_derived_from', 'orphan']]);
    expect(problems[0]?.message).toContain('"nowhere"');
  });

  it('reports two sets with the same id', () => {
    const { problems } = buildRegistry({ ...input, sets: [base, base], overlays: [] });
    expect(problems.map((p) => [p.code, p.setId])).toEqual([['schema_invalid', 'base']]);
  });

  it('validates the derived sets it builds', () => {
    const added = { addIndicators: { '1': [buildIndicator({ code: '1.2', measure: 'unknown' })] } };
    const { problems } = buildRegistry({ ...input, sets: [base], overlays: [overlay('p', 'base', added)] });
    expect(problems.map((p) => [p.code, p.setId, p.indicator])).toEqual([['unknown_measure', 'p', '1.2']]);
  });

  it('indexes measures and departments by code', () => {
    const { registry } = buildRegistry({
      ...input,
      sets: [buildSet({ id: 'x', criteria: [buildCriterion()] })],
      overlays: [],
    });
    expect(registry.measuresByCode.get('poverty_rate')?.name).toBe('Tỷ lệ hộ nghèo');
    expect(registry.departmentsByCode.get('labour')?.shortName).toBe('Sở LĐTB&XH');
  });
});
