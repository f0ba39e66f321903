import { Unit } from '@ntm/core';
import { describe, expect, it } from 'vitest';
import {
  type AddressTables,
  UnknownProvinceError,
  unitsFromAddressDatabase,
  unitsFromAddressTables,
} from './address-database';

type MappingRow = AddressTables['wardMappings'][number];

function buildMapping(overrides: Partial<MappingRow> = {}): MappingRow {
  return {
    old_ward_code: '16000',
    old_ward_name: 'Xã Đông Hòa',
    old_district_name: 'Huyện Đông Sơn',
    old_province_name: 'Tỉnh Thanh Hóa',
    new_ward_code: '16001',
    new_ward_name: 'Xã Đông Tiến',
    new_province_name: 'Thanh Hóa',
    ...overrides,
  };
}

function buildTables(overrides: Partial<AddressTables> = {}): AddressTables {
  return {
    provinces: [{ province_code: '38', name: 'Thanh Hóa', place_type: 'Tỉnh' }],
    wards: [{ ward_code: '16001', name: 'Xã Đông Tiến', province_code: '38' }],
    wardMappings: [buildMapping()],
    ...overrides,
  };
}

function byId(units: Unit[], id: string): Unit {
  const unit = units.find((u) => u.id === id);
  if (!unit) throw new Error(`missing unit ${id}`);
  return unit;
}

function countBy(units: Unit[], key: (u: Unit) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const unit of units) counts[key(unit)] = (counts[key(unit)] ?? 0) + 1;
  return counts;
}

describe('unitsFromAddressDatabase — the whole country', () => {
  const units = unitsFromAddressDatabase();
  const current = units.filter((u) => u.validFrom === '2025-07-01');

  it('has the 34 provinces and 3,321 communes of July 2025', () => {
    expect(countBy(current, (u) => u.level)).toEqual({ province: 34, commune: 3321 });
    expect(countBy(current, (u) => u.kind)).toMatchObject({ xa: 2621, phuong: 687, dac_khu: 13 });
  });

  it('keeps the 63 old provinces, ending on 30/6/2025', () => {
    const oldProvinces = units.filter((u) => u.level === 'province' && u.validTo === '2025-06-30');
    expect(oldProvinces).toHaveLength(63);
    expect(oldProvinces.every((u) => u.region !== null)).toBe(true);
  });

  it('produces valid units with unique ids and resolvable parents and predecessors', () => {
    const ids = new Set(units.map((u) => u.id));
    expect(ids.size).toBe(units.length);
    for (const unit of units) {
      expect(Unit.safeParse(unit).success).toBe(true);
      if (unit.parentId !== null) expect(ids.has(unit.parentId)).toBe(true);
      for (const id of unit.predecessorIds) expect(ids.has(id)).toBe(true);
    }
  });

  it('gives the same official code two distinct ids in the two worlds', () => {
    expect(byId(units, 'vn:2025:26882').name).toBe('Phường An Hội Tây');
    expect(byId(units, 'vn:old:26882').name).toBe('Phường 14');
  });

  it('links a merged ward to every old ward in it, including one split between two wards', () => {
    const anHoiTay = byId(units, 'vn:2025:26882');
    expect(anHoiTay.predecessorIds).toEqual([
      'vn:old:26881',
      'vn:old:26882',
      'vn:old:79:quan-go-vap:phuong-13',
    ]);
    expect(byId(units, 'vn:2025:26878').predecessorIds).toContain('vn:old:79:quan-go-vap:phuong-13');

    const phuong14 = byId(units, 'vn:old:26882');
    expect(phuong14).toMatchObject({
      level: 'commune',
      kind: 'phuong',
      validTo: '2025-06-30',
      region: 'DNB',
    });
    expect(byId(units, phuong14.parentId ?? '')).toMatchObject({ name: 'Quận Gò Vấp', kind: 'quan' });
    expect(byId(units, 'vn:old:79:quan-go-vap').parentId).toBe('vn:old:79');
  });

  it('links the merged provinces to their predecessors', () => {
    expect(byId(units, 'vn:2025:08').predecessorIds).toEqual(['vn:old:02', 'vn:old:08']);
  });

  it('sets communeGroup null and isDemo false on every real unit', () => {
    expect(units.every((u) => u.communeGroup === null && !u.isDemo)).toBe(true);
  });
});

describe('unitsFromAddressDatabase — one province', () => {
  it('keeps Thanh Hóa and only the old units merged into it', () => {
    const units = unitsFromAddressDatabase({ provinceCode: '38' });
    const current = units.filter((u) => u.validFrom === '2025-07-01');
    expect(countBy(current, (u) => u.level)).toEqual({ province: 1, commune: 166 });
    expect(byId(units, 'vn:2025:38')).toMatchObject({ name: 'Tỉnh Thanh Hóa', region: 'BTB' });

    const old = units.filter((u) => u.validTo === '2025-06-30');
    expect(old.filter((u) => u.level === 'province').map((u) => u.id)).toEqual(['vn:old:38']);
    expect(old.every((u) => u.region === 'BTB')).toBe(true);
    const ids = new Set(units.map((u) => u.id));
    for (const unit of units) if (unit.parentId !== null) expect(ids.has(unit.parentId)).toBe(true);
  });

  it('throws UnknownProvinceError naming the unknown code', () => {
    expect(() => unitsFromAddressDatabase({ provinceCode: '02' })).toThrow(UnknownProvinceError);
    expect(() => unitsFromAddressDatabase({ provinceCode: '02' })).toThrow(/"02"/);
  });
});

describe('unitsFromAddressTables', () => {
  it('resolves a mapping by new commune name when its code lost the leading zero', () => {
    const tables = buildTables({
      wards: [{ ward_code: '07081', name: 'Xã Đông Tiến', province_code: '38' }],
      wardMappings: [buildMapping({ new_ward_code: '7081' })],
    });
    expect(byId(unitsFromAddressTables(tables), 'vn:2025:07081').predecessorIds).toEqual(['vn:old:16000']);
  });

  it('trusts the name over a code that points at another commune', () => {
    const tables = buildTables({
      wards: [
        { ward_code: '16001', name: 'Xã Đông Tiến', province_code: '38' },
        { ward_code: '16002', name: 'Xã Tây Tiến', province_code: '38' },
      ],
      wardMappings: [buildMapping({ new_ward_code: '16002' })],
    });
    const units = unitsFromAddressTables(tables);
    expect(byId(units, 'vn:2025:16001').predecessorIds).toEqual(['vn:old:16000']);
    expect(byId(units, 'vn:2025:16002').predecessorIds).toEqual([]);
  });

  it('gives an old commune without a code one id across all its rows', () => {
    const tables = buildTables({
      wards: [
        { ward_code: '16001', name: 'Xã Đông Tiến', province_code: '38' },
        { ward_code: '16002', name: 'Xã Tây Tiến', province_code: '38' },
      ],
      wardMappings: [
        buildMapping({ old_ward_code: null, old_ward_name: 'Xã Hòa Bình' }),
        buildMapping({ old_ward_code: null, old_ward_name: 'Xã Hòa Bình', new_ward_name: 'Xã Tây Tiến' }),
      ],
    });
    const units = unitsFromAddressTables(tables);
    const id = 'vn:old:38:huyen-dong-son:xa-hoa-binh';
    expect(byId(units, 'vn:2025:16001').predecessorIds).toEqual([id]);
    expect(byId(units, 'vn:2025:16002').predecessorIds).toEqual([id]);
    expect(units.filter((u) => u.id === id)).toHaveLength(1);
  });

  it('uses the coded id when an uncoded row names a commune that also has a code', () => {
    const tables = buildTables({
      wardMappings: [buildMapping({ old_ward_code: null }), buildMapping()],
    });
    const oldCommunes = unitsFromAddressTables(tables).filter(
      (u) => u.level === 'commune' && u.validTo !== null,
    );
    expect(oldCommunes.map((u) => u.id)).toEqual(['vn:old:16000']);
  });

  it('normalises names to NFC', () => {
    const decomposed = 'Xã Đông Hòa'.normalize('NFD');
    const units = unitsFromAddressTables(
      buildTables({ wardMappings: [buildMapping({ old_ward_name: decomposed })] }),
    );
    expect(byId(units, 'vn:old:16000').name).toBe('Xã Đông Hòa'.normalize('NFC'));
  });

  it('leaves a special zone without old communes with no predecessors', () => {
    const tables = buildTables({
      wards: [{ ward_code: '16900', name: 'Đặc khu Hòn Mê', province_code: '38' }],
      wardMappings: [
        buildMapping({
          old_ward_code: '',
          old_ward_name: null,
          old_district_name: null,
          old_province_name: null,
          new_ward_code: '16900',
          new_ward_name: 'Đặc khu Hòn Mê',
        }),
      ],
    });
    const units = unitsFromAddressTables(tables);
    expect(byId(units, 'vn:2025:16900')).toMatchObject({ kind: 'dac_khu', predecessorIds: [], region: null });
  });

  it('rejects an old province outside the 63-province table', () => {
    const tables = buildTables({ wardMappings: [buildMapping({ old_province_name: 'Tỉnh Hà Tây' })] });
    expect(() => unitsFromAddressTables(tables)).toThrow(/Hà Tây/);
  });
});
