import { describe, expect, it } from 'vitest';
import { en } from '../../messages/en';
import { vi } from '../../messages/vi';
import { bandLabel, tierLabel } from './labels';

const translator =
  (dictionary: Record<string, string>) =>
  (key: string, vars: Record<string, string | number> = {}) =>
    (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

describe('bandLabel', () => {
  const bands = [
    { key: 'all', min: 19, max: 19 },
    { key: '15-18', min: 15, max: 18 },
    { key: '4', min: 4, max: 4 },
    { key: 'lt5', min: 0, max: 4 },
  ];

  it('reads the standard bands from their keys, in Vietnamese as the core labels them', () => {
    expect(bands.map((b) => bandLabel(b, translator(vi)))).toEqual([
      'Đạt 19 tiêu chí',
      'Đạt 15–18 tiêu chí',
      'Đạt 4 tiêu chí',
      'Dưới 5 tiêu chí',
    ]);
  });

  it('and in English', () => {
    expect(bands.map((b) => bandLabel(b, translator(en)))).toEqual([
      'All 19 criteria met',
      '15–18 criteria met',
      '4 criteria met',
      'Fewer than 5 criteria met',
    ]);
  });
});

describe('tierLabel', () => {
  it('names a tier code in the language, and shows an unknown code as it is', () => {
    expect(tierLabel('advanced', translator(en))).toBe(en['catalog.tier.advanced']);
    expect(tierLabel('advanced', translator(vi))).toBe('NTM nâng cao');
    expect(tierLabel('future_tier', translator(vi))).toBe('future_tier');
  });
});
