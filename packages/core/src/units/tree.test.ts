import { describe, expect, it } from 'vitest';
import { buildCommune, buildDistrict, buildProvince, buildVillage } from '../testing/builders';
import { buildTreeIndex, isValidOn, lineage, unitsAsOf, yearEnd } from './tree';

describe('validity', () => {
  const merged = buildCommune({ validFrom: '2010-01-01', validTo: '2025-06-30' });

  it('includes both ends of the validity period', () => {
    expect(isValidOn(merged, '2010-01-01')).toBe(true);
    expect(isValidOn(merged, '2025-06-30')).toBe(true);
    expect(isValidOn(merged, '2025-07-01')).toBe(false);
    expect(isValidOn(merged, '2009-12-31')).toBe(false);
    expect(isValidOn(buildCommune({ validTo: null }), '2999-01-01')).toBe(true);
  });

  it('filters units as of a date', () => {
    const successor = buildCommune({ id: 'c-new', validFrom: '2025-07-01' });
    expect(unitsAsOf([merged, successor], '2025-06-30').map((u) => u.id)).toEqual(['c-1']);
    expect(unitsAsOf([merged, successor], '2025-07-01').map((u) => u.id)).toEqual(['c-new']);
  });

  it('gives the last day of a year', () => {
    expect(yearEnd(2021)).toBe('2021-12-31');
  });
});

describe('buildTreeIndex', () => {
  const units = [
    buildProvince(),
    buildDistrict(),
    buildCommune({ id: 'c-1' }),
    buildCommune({ id: 'c-2', validTo: '2020-12-31' }),
    buildVillage({ id: 'v-1', parentId: 'c-1' }),
    buildVillage({ id: 'v-2', parentId: 'c-1' }),
  ];
  const tree = buildTreeIndex(units, '2021-12-31');

  it('leaves out units not valid on the date', () => {
    expect(tree.byId.has('c-2')).toBe(false);
    expect(tree.children('d-1').map((u) => u.id)).toEqual(['c-1']);
  });

  it('lists ancestors from the parent up', () => {
    expect(tree.ancestors('v-1').map((u) => u.id)).toEqual(['c-1', 'd-1', 'p-1']);
    expect(tree.ancestors('p-1')).toEqual([]);
  });

  it('lists descendants depth first, optionally of one level', () => {
    expect(tree.descendants('p-1').map((u) => u.id)).toEqual(['d-1', 'c-1', 'v-1', 'v-2']);
    expect(tree.descendants('p-1', 'village').map((u) => u.id)).toEqual(['v-1', 'v-2']);
    expect(tree.children('v-1')).toEqual([]);
  });

  it('walks a subtree once per level and hands out the same frozen list after that', () => {
    const villages = tree.descendants('p-1', 'village');
    expect(tree.descendants('p-1', 'village')).toBe(villages);
    expect(Object.isFrozen(villages)).toBe(true);
    expect(tree.descendants('p-1').map((u) => u.id)).toEqual(['d-1', 'c-1', 'v-1', 'v-2']);
  });
});

describe('lineage', () => {
  it('collects predecessors transitively, nearest first', () => {
    const units = [
      buildCommune({ id: 'a', validTo: '2019-12-31' }),
      buildCommune({ id: 'b', validTo: '2019-12-31' }),
      buildCommune({ id: 'ab', predecessorIds: ['a', 'b'], validFrom: '2020-01-01', validTo: '2025-06-30' }),
      buildCommune({ id: 'c', validTo: '2025-06-30' }),
      buildCommune({ id: 'abc', predecessorIds: ['ab', 'c'], validFrom: '2025-07-01' }),
    ];
    expect(lineage('abc', units).map((u) => u.id)).toEqual(['ab', 'c', 'a', 'b']);
    expect(lineage('a', units)).toEqual([]);
  });

  it('stops on cycles in bad data', () => {
    const units = [
      buildCommune({ id: 'x', predecessorIds: ['y'] }),
      buildCommune({ id: 'y', predecessorIds: ['x'] }),
    ];
    expect(lineage('x', units).map((u) => u.id)).toEqual(['y']);
  });
});
