import { describe, expect, it } from 'vitest';
import { buildCommune, buildIndicator, buildSet, buildSource, buildThreshold } from '../testing/builders';
import { selectThreshold } from './threshold';

const indicator = buildIndicator({
  thresholds: [
    buildThreshold({ value: 45, source: buildSource({ ref: 'S16', verified: true }) }),
    buildThreshold({ value: 36, when: { regions: ['TDMNPB'] } }),
    buildThreshold({ value: 50, when: { regions: ['DBSH'] } }),
    buildThreshold({ value: 48, when: { regions: ['DBSH'], flags: ['coastal'] }, illustrative: true }),
    buildThreshold({ value: 47, when: { regions: ['DBSH'], flags: ['coastal', 'border'] } }),
    buildThreshold({ value: 30, when: { communeGroups: ['G3'] } }),
  ],
});

const set = buildSet({
  regionOverrides: [
    {
      flags: ['especially_difficult', 'safety_zone'],
      useRegion: 'TDMNPB',
      source: buildSource({ ref: 'S10', verified: true }),
    },
  ],
});

describe('selectThreshold', () => {
  it('selects by region', () => {
    const selected = selectThreshold(set, indicator, buildCommune({ region: 'DBSH' }));
    expect(selected).toMatchObject({
      value: 50,
      illustrative: false,
      selectedBy: 'vùng Đồng bằng sông Hồng',
    });
  });

  it('prefers the threshold with more matching conditions, flags counting one each', () => {
    const coastal = selectThreshold(set, indicator, buildCommune({ region: 'DBSH', flags: ['coastal'] }));
    expect(coastal).toMatchObject({
      value: 48,
      illustrative: true,
      selectedBy: 'vùng Đồng bằng sông Hồng, bãi ngang ven biển',
    });
    const both = selectThreshold(
      set,
      indicator,
      buildCommune({ region: 'DBSH', flags: ['border', 'coastal'] }),
    );
    expect(both?.value).toBe(47);
  });

  it('selects by commune group', () => {
    const selected = selectThreshold(set, indicator, buildCommune({ region: null, communeGroup: 'G3' }));
    expect(selected).toMatchObject({ value: 30, selectedBy: 'xã nhóm 3' });
  });

  it('applies the 318 override: especially difficult and safety-zone communes use TDMNPB', () => {
    const difficult = selectThreshold(
      set,
      indicator,
      buildCommune({ region: 'DBSH', flags: ['especially_difficult'] }),
    );
    expect(difficult).toMatchObject({
      value: 36,
      selectedBy: 'xã đặc biệt khó khăn áp dụng mức vùng TDMNPB',
    });
    const safetyZone = selectThreshold(
      set,
      indicator,
      buildCommune({ region: 'BTB', flags: ['safety_zone'] }),
    );
    expect(safetyZone).toMatchObject({ value: 36, selectedBy: 'xã an toàn khu áp dụng mức vùng TDMNPB' });
  });

  it('does not apply the override without its flags', () => {
    const selected = selectThreshold(
      buildSet(),
      indicator,
      buildCommune({ region: 'DBSH', flags: ['especially_difficult'] }),
    );
    expect(selected?.value).toBe(50);
  });

  it('falls back to the general threshold', () => {
    const selected = selectThreshold(set, indicator, buildCommune({ region: 'DNB' }));
    expect(selected).toEqual({
      value: 45,
      source: { ref: 'S16', verified: true },
      illustrative: false,
      selectedBy: 'ngưỡng chung',
    });
  });

  it('returns null when no threshold applies', () => {
    const regional = buildIndicator({ thresholds: [buildThreshold({ when: { regions: ['TN'] } })] });
    expect(selectThreshold(set, regional, buildCommune({ region: 'DBSH' }))).toBeNull();
    expect(selectThreshold(set, buildIndicator({ thresholds: [] }), buildCommune())).toBeNull();
  });
});
