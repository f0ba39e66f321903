import { describe, expect, it } from 'vitest';
import { buildCommuneRow } from '../dashboard/test-builders';
import { applyHeatmap, emptyFilter, parseFilter, writeFilter } from './heatmap-filter';

const criteria = ['1', '2', '3'];
const districts = new Map([
  ['d-1', 'Huyện Yên Thọ'],
  ['d-2', 'Huyện Ân Thi'],
]);
const rows = [
  buildCommuneRow({
    unitId: 'a',
    code: '01',
    name: 'Xã Đông Hòa',
    parentId: 'd-1',
    criteriaMet: 3,
    recognisedTier: 'advanced',
  }),
  buildCommuneRow({
    unitId: 'b',
    code: '02',
    name: 'Xã Ân Phú',
    parentId: 'd-2',
    criteriaMet: 1,
    band: 'lt3',
    recognisedTier: null,
    outcomes: ['met', 'not_met', 'no_data'],
  }),
  buildCommuneRow({
    unitId: 'c',
    code: '03',
    name: 'Xã Anh Sơn',
    parentId: 'd-1',
    criteriaMet: 2,
    band: 'lt3',
    recognisedTier: null,
    outcomes: ['not_met', 'met', 'met'],
    totalNormalisedGap: 0.4,
  }),
];
const names = (list: { name: string }[]) => list.map((r) => r.name);

describe('heat map filter', () => {
  it('searches names and codes without diacritics, Đ included', () => {
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, q: 'dong hoa' }, districts))).toEqual([
      'Xã Đông Hòa',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, q: '03' }, districts))).toEqual([
      'Xã Anh Sơn',
    ]);
  });

  it('filters by district, tier, band and the outcome of one criterion', () => {
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, district: 'd-1' }, districts))).toEqual([
      'Xã Anh Sơn',
      'Xã Đông Hòa',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, tier: 'none' }, districts))).toEqual([
      'Xã Anh Sơn',
      'Xã Ân Phú',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, band: 'all' }, districts))).toEqual([
      'Xã Đông Hòa',
    ]);
    expect(
      names(applyHeatmap(rows, criteria, { ...emptyFilter, criterion: '2', outcome: 'not_met' }, districts)),
    ).toEqual(['Xã Ân Phú']);
  });

  it('sorts in Vietnamese order, by criteria met, by district, or not-met-first on a criterion', () => {
    expect(names(applyHeatmap(rows, criteria, emptyFilter, districts))).toEqual([
      'Xã Anh Sơn',
      'Xã Ân Phú',
      'Xã Đông Hòa',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, sort: 'met-asc' }, districts))).toEqual([
      'Xã Ân Phú',
      'Xã Anh Sơn',
      'Xã Đông Hòa',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, sort: 'district' }, districts))).toEqual([
      'Xã Ân Phú',
      'Xã Anh Sơn',
      'Xã Đông Hòa',
    ]);
    expect(names(applyHeatmap(rows, criteria, { ...emptyFilter, sort: 'criterion:3' }, districts))).toEqual([
      'Xã Ân Phú',
      'Xã Anh Sơn',
      'Xã Đông Hòa',
    ]);
  });

  it('keeps the filter in the URL next to the year and area, and ignores values it does not know', () => {
    const filter = {
      ...emptyFilter,
      q: 'an',
      district: 'd-1',
      tier: 'none' as const,
      criterion: '17',
      outcome: 'not_met' as const,
      sort: 'met-asc' as const,
    };
    const params = writeFilter(new URLSearchParams('nam=2021&dv=p-1'), filter);
    expect(params.toString()).toBe('nam=2021&dv=p-1&q=an&huyen=d-1&muc=none&tc=17&kq=not_met&sx=met-asc');
    expect(parseFilter(params)).toEqual(filter);
    expect(parseFilter(new URLSearchParams('muc=gold&kq=maybe&sx=random'))).toEqual(emptyFilter);
  });
});
