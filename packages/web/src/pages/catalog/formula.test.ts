import type { Formula } from '@ntm/core';
import { describe, expect, it } from 'vitest';
import { describeFormula, formulaMeasures } from './formula';

const share: Formula = {
  op: 'mul',
  left: { op: 'div', left: { measure: 'hardened_km' }, right: { measure: 'road_km' } },
  right: { const: 100 },
};

describe('formula helpers', () => {
  it('lists the measures a derived indicator needs, once each', () => {
    expect(formulaMeasures(share)).toEqual(['hardened_km', 'road_km']);
    expect(formulaMeasures({ op: 'add', left: { measure: 'a' }, right: { measure: 'a' } })).toEqual(['a']);
    expect(formulaMeasures({ indicator: '2.1' })).toEqual([]);
  });

  it('writes the formula in words with Vietnamese numbers', () => {
    const names = {
      measure: (code: string) =>
        ({ hardened_km: 'Đường đã cứng hóa', road_km: 'Đường trục thôn' })[code] ?? code,
      indicator: (code: string) => `chỉ tiêu ${code}`,
    };
    expect(describeFormula(share, names)).toBe('(Đường đã cứng hóa ÷ Đường trục thôn) × 100');
    expect(describeFormula({ op: 'sub', left: { indicator: '10' }, right: { const: 1.5 } }, names)).toBe(
      'chỉ tiêu 10 − 1,5',
    );
  });
});
