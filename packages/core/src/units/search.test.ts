import { describe, expect, it } from 'vitest';
import { buildCommune, buildDistrict, buildVillage } from '../testing/builders';
import { searchUnits } from './search';

const units = [
  buildCommune({ id: 'c-1', code: '13510', name: 'Đồng Hòa' }),
  buildCommune({ id: 'c-2', code: '13513', name: 'An Đồng' }),
  buildCommune({ id: 'c-3', code: '13516', name: 'Đồng Hòa Tây' }),
  buildCommune({ id: 'c-4', code: '13519', name: 'Hòa Bình' }),
  buildDistrict({ id: 'd-1', code: '336', name: 'Kiến Thụy' }),
  buildVillage({ id: 'v-1', code: '13510-01', name: 'Thôn Đồng Hòa' }),
];

const ids = (query: string, opts?: Parameters<typeof searchUnits>[2]) =>
  searchUnits(units, query, opts).map((u) => u.id);

describe('searchUnits', () => {
  it('finds names without diacritics', () => {
    expect(ids('dong hoa')).toEqual(['c-1', 'c-3', 'v-1']);
  });

  it('treats the eth look-alike as Đ and ignores case', () => {
    expect(ids('\u00D0ỒNG HÒA')[0]).toBe('c-1');
  });

  it('ranks exact, then prefix, then word prefix, then substring', () => {
    expect(ids('Đồng')).toEqual(['c-1', 'c-3', 'c-2', 'v-1']);
    expect(ids('hoa')).toEqual(['c-4', 'c-1', 'c-3', 'v-1']);
    expect(ids('ong')).toEqual(['c-2', 'c-1', 'c-3', 'v-1']);
  });

  it('matches codes', () => {
    expect(ids('13513')).toEqual(['c-2']);
    expect(ids('1351')).toEqual(['c-2', 'c-1', 'c-3', 'c-4', 'v-1']);
  });

  it('needs every query word to match', () => {
    expect(ids('dong tay')).toEqual(['c-3']);
    expect(ids('dong xyz')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('filters by level and limits the results', () => {
    expect(ids('dong hoa', { levels: ['village'] })).toEqual(['v-1']);
    expect(ids('dong', { limit: 2 })).toEqual(['c-1', 'c-3']);
  });
});
