import { describe, expect, it } from 'vitest';
import type { Region } from '../units/unit';
import { criteriaSets, departmentsByCode, getCriteriaSet } from './load';
import type { CriteriaSet, Indicator, Threshold } from './schema';

function shipped(id: string): CriteriaSet {
  const set = getCriteriaSet(id);
  if (!set) throw new Error(`set ${id} is not shipped`);
  return set;
}

function indicator(set: CriteriaSet, code: string): Indicator {
  const found = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`indicator ${code} not in ${set.id}`);
  return found;
}

const general = (i: Indicator) => i.thresholds.find((t) => !t.when);
const forRegion = (i: Indicator, region: string) =>
  i.thresholds.find((t) => t.when?.regions?.includes(region as never));

describe('Decision 1980/QĐ-TTg', () => {
  const set = shipped('vn-1980-commune-standard');

  it('has its legal basis', () => {
    expect(set.legalBasis).toMatchObject({
      number: '1980/QĐ-TTg',
      date: '2016-10-17',
      issuer: 'Thủ tướng Chính phủ',
      effectiveDate: '2016-12-01',
    });
    expect(set.legalBasis.source.verified).toBe(true);
    expect(set.period).toEqual({ fromYear: 2016, toYear: 2021 });
    expect(set.note).toContain('08/3/2022');
  });

  it('has 19 criteria in 5 groups and the 49 indicator rows, 17.1 split in two', () => {
    expect(set.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(new Set(set.criteria.map((c) => c.group)).size).toBe(5);
    const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    expect(codes).toHaveLength(50);
    expect(codes).toContain('17.1a');
    expect(codes).toContain('17.1b');
  });

  it('has the income thresholds of [S16] by region', () => {
    const income = indicator(set, '10');
    expect(income.comparator).toBe('gte');
    expect(income.unit).toBe('triệu đồng/người/năm');
    const expected: [Region, number][] = [
      ['TDMNPB', 36],
      ['DBSH', 50],
      ['BTB', 36],
      ['DHNTB', 41],
      ['TN', 41],
      ['DNB', 59],
      ['DBSCL', 50],
    ];
    for (const [region, value] of expected) {
      expect(forRegion(income, region)).toMatchObject({ value, source: { ref: 'S16', verified: true } });
    }
    expect(general(income)).toMatchObject({ value: 45, source: { ref: 'S16', verified: true } });
  });

  it('keeps the headline values of [S5] as verified general thresholds', () => {
    const headline: [string, number][] = [
      ['4.2', 98],
      ['5', 80],
      ['9.2', 80],
      ['12', 90],
      ['15.1', 85],
      ['17.6', 85],
      ['17.8', 100],
    ];
    for (const [code, value] of headline) {
      expect(general(indicator(set, code)), code).toMatchObject({
        value,
        source: { ref: 'S5', verified: true },
      });
    }
  });

  it('marks the thresholds the reference does not verify as unverified', () => {
    expect(forRegion(indicator(set, '2.2'), 'DBSH')).toMatchObject({
      value: 100,
      source: { verified: false },
    });
    expect(forRegion(indicator(set, '2.2'), 'TDMNPB')).toMatchObject({
      value: 50,
      source: { verified: false },
    });
    expect(general(indicator(set, '16'))).toMatchObject({ value: 70, source: { verified: false } });
  });

  it('leaves out thresholds that are not available, including the weak ≤6% poverty figure', () => {
    for (const code of ['2.3', '2.4', '3.1', '11', '14.2', '14.3', '15.3', '17.1a', '17.1b', '17.7']) {
      expect(indicator(set, code).thresholds, code).toEqual([]);
    }
  });
});

describe('Decision 318/QĐ-TTg', () => {
  const standardNames = [
    'Quy hoạch',
    'Giao thông',
    'Thủy lợi và phòng, chống thiên tai',
    'Điện',
    'Trường học',
    'Cơ sở vật chất văn hóa',
    'Cơ sở hạ tầng thương mại nông thôn',
    'Thông tin và Truyền thông',
    'Nhà ở dân cư',
    'Thu nhập',
    'Nghèo đa chiều',
    'Lao động',
    'Tổ chức sản xuất và phát triển kinh tế nông thôn',
    'Giáo dục và Đào tạo',
    'Y tế',
    'Văn hóa',
    'Môi trường và an toàn thực phẩm',
    'Hệ thống chính trị và tiếp cận pháp luật',
    'Quốc phòng và An ninh',
  ];

  it('has the 19 verified criterion names of the standard set', () => {
    const set = shipped('vn-318-commune-standard');
    expect(set.criteria.map((c) => c.name)).toEqual(standardNames);
    expect(set.criteria.every((c) => c.nameSource.ref === 'S12' && c.nameSource.verified)).toBe(true);
    expect(set.legalBasis).toMatchObject({
      number: '318/QĐ-TTg',
      date: '2022-03-08',
      effectiveDate: '2022-03-08',
    });
  });

  it('has the advanced names as corroborated, not verified', () => {
    const set = shipped('vn-318-commune-advanced');
    expect(set.criteria).toHaveLength(19);
    expect(set.criteria[14]?.name).toBe('Hành chính công');
    expect(set.criteria[17]?.name).toBe('Chất lượng môi trường sống');
    expect(set.criteria.every((c) => c.nameSource.ref === 'S66' && !c.nameSource.verified)).toBe(true);
    expect(set.prerequisites).toContainEqual(
      expect.objectContaining({ kind: 'recognition', tier: 'standard' }),
    );
  });

  it('evaluates especially difficult and safety-zone communes as TDMNPB', () => {
    for (const id of ['vn-318-commune-standard', 'vn-318-commune-advanced']) {
      const overrides = shipped(id).regionOverrides;
      expect(overrides.map((o) => [o.flags, o.useRegion, o.source.verified])).toEqual([
        [['especially_difficult'], 'TDMNPB', true],
        [['safety_zone'], 'TDMNPB', true],
      ]);
    }
  });
});

describe('Decision 319/QĐ-TTg', () => {
  it('requires advanced recognition and the three verified conditions', () => {
    const set = shipped('vn-319-commune-model');
    expect(set.tier).toBe('model');
    expect(set.prerequisites[0]).toMatchObject({
      kind: 'recognition',
      tier: 'advanced',
      source: { ref: 'S15' },
    });
    expect(set.prerequisites.filter((p) => p.kind === 'manual' && p.source.ref === 'S25')).toHaveLength(3);
    expect(general(indicator(set, '1'))).toMatchObject({
      value: 110,
      source: { ref: 'S15', verified: true },
    });
    expect(general(indicator(set, '2'))).toMatchObject({ value: 1 });
    expect(indicator(set, '3').comparator).toBe('is_true');
  });
});

describe('Decision 51/2025/QĐ-TTg', () => {
  const set = shipped('vn-51-2025-commune');

  it('has the 10 verified criterion names', () => {
    expect(set.criteria.map((c) => c.name)).toEqual([
      'Quy hoạch',
      'Hạ tầng kinh tế - xã hội',
      'Phát triển kinh tế nông thôn',
      'Đào tạo nguồn nhân lực nông thôn',
      'Văn hóa, giáo dục, y tế',
      'Giảm nghèo và an sinh xã hội',
      'Khoa học công nghệ và chuyển đổi số',
      'Môi trường và cảnh quan nông thôn',
      'Xây dựng hệ thống chính trị và hành chính công',
      'Tiếp cận pháp luật và an ninh, quốc phòng',
    ]);
    expect(set.criteria.every((c) => c.nameSource.ref === 'S60' && c.nameSource.verified)).toBe(true);
  });

  it('has its legal basis, period and commune groups', () => {
    expect(set.legalBasis).toMatchObject({
      number: '51/2025/QĐ-TTg',
      date: '2025-12-29',
      effectiveDate: '2026-02-15',
      signer: 'Phó Thủ tướng Trần Hồng Hà',
    });
    expect(set.period).toEqual({ fromYear: 2026, toYear: 2030 });
    expect(set.thresholdDimension).toBe('commune_group');
  });

  it('assigns only departments that exist after the 2025 mergers', () => {
    for (const c of set.criteria)
      expect(departmentsByCode.get(c.leadDepartment)?.validTo, c.number).toBeUndefined();
  });
});

describe('official facts stay apart from demo values', () => {
  const thresholdsOf = (s: CriteriaSet): Threshold[] =>
    s.criteria.flatMap((c) => c.indicators.flatMap((i) => i.thresholds));

  it('has no illustrative value in a national set', () => {
    for (const set of criteriaSets.filter((s) => s.scope === 'national')) {
      expect(set.illustrative, set.id).toBe(false);
      expect(
        thresholdsOf(set).some((t) => t.illustrative || t.source.ref === 'demo'),
        set.id,
      ).toBe(false);
    }
  });

  it('marks every demo set and every demo threshold as illustrative', () => {
    for (const set of criteriaSets.filter((s) => s.scope === 'provincial')) {
      expect(set.illustrative, set.id).toBe(true);
      expect(set.provinceCode, set.id).toBe('DEMO');
      expect(set.name, set.id).toContain('(dữ liệu demo)');
      expect(set.legalBasis.number, set.id).toContain('DEMO');
      for (const t of thresholdsOf(set).filter((t) => t.source.ref === 'demo')) {
        expect(t.illustrative, set.id).toBe(true);
        expect(t.source.note, set.id).toContain('minh họa');
      }
    }
  });

  it('keeps the official 1980 thresholds in the demo set derived from it', () => {
    const base = shipped('vn-1980-commune-standard');
    const demo = shipped('demo-2016-2020-commune-standard');
    for (const c of base.criteria) {
      for (const i of c.indicators) {
        expect(indicator(demo, i.code).thresholds.slice(0, i.thresholds.length), i.code).toEqual(
          i.thresholds,
        );
      }
    }
  });

  it('keeps the verified green-fence rule of Hà Tĩnh in the model residential area set', () => {
    const set = shipped('demo-model-residential-area');
    expect(set.criteria).toHaveLength(10);
    expect(set.criteria[2]?.name).toBe('Hàng rào');
    expect(general(indicator(set, '3'))).toMatchObject({
      value: 70,
      source: { ref: 'S37a', verified: true },
    });
    expect(set.criteria.every((c) => c.nameSource.ref === 'S37a' && c.nameSource.verified)).toBe(true);
  });
});
