import { describe, expect, it } from 'vitest';
import { buildDemoProvince } from '../../demo/province';
import { reorganiseDemoProvince } from '../../demo/reorganisation';
import { buildDemoBoundaries } from './demo-boundaries';

function demoUnits() {
  const old = buildDemoProvince();
  const reorganised = reorganiseDemoProvince(old);
  return [
    old.province,
    ...old.districts,
    ...old.communes.map((c) => c.unit),
    reorganised.province,
    ...reorganised.communes.map((c) => c.unit),
  ];
}

function ringArea(ring: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

describe('buildDemoBoundaries', () => {
  const units = demoUnits();
  const boundaries = buildDemoBoundaries(units);
  const areaOf = new Map(
    boundaries.map((b) => {
      const polygons = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
      return [b.unitId, polygons.reduce((sum, rings) => sum + rings.reduce((s, r) => s + ringArea(r), 0), 0)];
    }),
  );

  it('gives every province, district and commune of both periods one boundary, the same on every run', () => {
    expect(boundaries.map((b) => b.unitId).sort()).toEqual(units.map((u) => u.id).sort());
    expect(buildDemoBoundaries(units)).toEqual(boundaries);
  });

  it('draws closed rings, exteriors counter-clockwise, inside WGS 84', () => {
    for (const b of boundaries) {
      const polygons = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
      for (const [exterior] of polygons) {
        expect(exterior?.[0]).toEqual(exterior?.[exterior.length - 1]);
        expect(ringArea(exterior ?? [])).toBeGreaterThan(0);
        for (const [lon, lat] of exterior ?? []) {
          expect(Math.abs(lon)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        }
      }
    }
  });

  it('tiles each parent with its children, and a merged commune with its predecessors', () => {
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 + a * 1e-4);
    for (const parent of units.filter((u) => u.level !== 'commune')) {
      const children = units.filter((u) => u.parentId === parent.id);
      close(
        areaOf.get(parent.id) ?? 0,
        children.reduce((sum, c) => sum + (areaOf.get(c.id) ?? 0), 0),
      );
    }
    for (const merged of units.filter((u) => u.level === 'commune' && u.predecessorIds.length > 0)) {
      close(
        areaOf.get(merged.id) ?? 0,
        merged.predecessorIds.reduce((sum, p) => sum + (areaOf.get(p) ?? 0), 0),
      );
    }
  });
});
