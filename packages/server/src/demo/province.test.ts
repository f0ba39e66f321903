import { Unit } from '@ntm/core';
import { describe, expect, it } from 'vitest';
import { buildDemoProvince, splitInteger } from './province';
import { reorganiseDemoProvince } from './reorganisation';

describe('buildDemoProvince', () => {
  const demo = buildDemoProvince();
  const villages = demo.communes.flatMap((c) => c.villages);

  it('has 10 districts, about 120 communes and about 900 villages', () => {
    expect(demo.districts).toHaveLength(10);
    expect(demo.communes.length).toBeGreaterThanOrEqual(115);
    expect(demo.communes.length).toBeLessThanOrEqual(125);
    expect(villages.length).toBeGreaterThanOrEqual(850);
    expect(villages.length).toBeLessThanOrEqual(950);
    expect(demo.communes.filter((c) => !c.rural).map((c) => c.unit.kind)).not.toContain('xa');
  });

  it('puts exactly 8 communes and their 52 villages in the 1385 scheme', () => {
    const scheme = demo.communes.filter((c) => c.unit.flags.includes('scheme_1385'));
    expect(scheme).toHaveLength(8);
    expect(scheme.every((c) => c.unit.flags.includes('especially_difficult'))).toBe(true);
    expect(scheme.flatMap((c) => c.villages)).toHaveLength(52);
    expect(villages.filter((v) => v.flags.includes('scheme_1385'))).toHaveLength(52);
  });

  it('marks border, coastal and especially difficult communes', () => {
    const flagged = (flag: string) =>
      demo.communes.filter((c) => c.unit.flags.some((f) => f === flag)).length;
    expect(flagged('border')).toBeGreaterThan(0);
    expect(flagged('coastal')).toBeGreaterThan(0);
    expect(flagged('especially_difficult')).toBeGreaterThan(8);
  });

  it('adds up population and households from villages to the province', () => {
    for (const commune of demo.communes) {
      expect(commune.villages.reduce((a, v) => a + (v.population ?? 0), 0)).toBe(commune.unit.population);
      expect(commune.villages.reduce((a, v) => a + (v.households ?? 0), 0)).toBe(commune.unit.households);
    }
    const total = demo.districts.reduce((a, d) => a + (d.population ?? 0), 0);
    expect(demo.province.population).toBe(total);
  });

  it('labels everything as demo with unique codes', () => {
    const units = [demo.province, ...demo.districts, ...demo.communes.map((c) => c.unit), ...villages];
    expect(units.every((u) => u.isDemo && Unit.safeParse(u).success)).toBe(true);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(demo.province.name).toContain('dữ liệu demo');
  });

  it('is the same on every build', () => {
    expect(buildDemoProvince()).toEqual(demo);
  });
});

describe('reorganiseDemoProvince', () => {
  const old = buildDemoProvince();
  const next = reorganiseDemoProvince(old);

  it('merges the communes into about 40, each old commune into exactly one', () => {
    expect(next.communes.length).toBeGreaterThanOrEqual(36);
    expect(next.communes.length).toBeLessThanOrEqual(44);
    const predecessors = next.communes.flatMap((c) => c.unit.predecessorIds);
    expect(predecessors.sort()).toEqual(old.communes.map((c) => c.unit.id).sort());
    expect(next.communes.filter((c) => c.predecessors.length === 1).length).toBeGreaterThan(0);
  });

  it('hangs the new communes under the new province and moves every village', () => {
    expect(next.province.predecessorIds).toEqual([old.province.id]);
    expect(next.communes.every((c) => c.unit.parentId === next.province.id)).toBe(true);
    const moved = next.communes.flatMap((c) => c.villages.flatMap((v) => v.predecessorIds));
    expect(moved.sort()).toEqual(old.communes.flatMap((c) => c.villages.map((v) => v.id)).sort());
  });

  it('sums population and assigns commune groups to rural communes only', () => {
    for (const commune of next.communes) {
      expect(commune.unit.population).toBe(
        commune.predecessors.reduce((a, p) => a + (p.unit.population ?? 0), 0),
      );
      expect(commune.unit.communeGroup === null).toBe(commune.unit.kind === 'phuong');
    }
    const groups = new Set(next.communes.map((c) => c.unit.communeGroup));
    expect(groups).toEqual(new Set([null, 'G1', 'G2', 'G3']));
  });

  it('names villages uniquely within each new commune', () => {
    for (const commune of next.communes) {
      expect(new Set(commune.villages.map((v) => v.name)).size).toBe(commune.villages.length);
    }
  });
});

describe('splitInteger', () => {
  it('splits a total into parts that add up to it', () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInteger(7, [2, 1]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});
