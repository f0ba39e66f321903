import { describe, expect, it } from 'vitest';
import { filterUnits } from './unit-filter';

const units = [
  { name: 'Xã Đông Sơn', code: '9900301' },
  { name: 'Xã Ân Hòa', code: '9900302' },
  { name: 'Xã Sông Xanh', code: '9900303' },
  { name: 'Xã An Bình', code: '9900304' },
];

describe('filterUnits', () => {
  it('ignores diacritics, case and đ', () => {
    expect(filterUnits(units, 'song xanh').map((u) => u.name)).toEqual(['Xã Sông Xanh']);
    expect(filterUnits(units, 'DONG').map((u) => u.name)).toEqual(['Xã Đông Sơn']);
  });

  it('finds by code and lists everything for an empty query, in Vietnamese order', () => {
    expect(filterUnits(units, '9900302').map((u) => u.name)).toEqual(['Xã Ân Hòa']);
    expect(filterUnits(units, '  ').map((u) => u.name)).toEqual([
      'Xã An Bình',
      'Xã Ân Hòa',
      'Xã Đông Sơn',
      'Xã Sông Xanh',
    ]);
  });
});
