import { describe, expect, it } from 'vitest';
import type { Formula } from '../catalog/schema';
import { evaluateFormula, type FormulaLookup } from './derived';

function lookup(
  indicators: Record<string, number | null>,
  measures: Record<string, number | null> = {},
): FormulaLookup {
  return {
    indicator: (code) => indicators[code] ?? null,
    measure: (code) => measures[code] ?? null,
  };
}

const share: Formula = {
  op: 'mul',
  left: { op: 'div', left: { measure: 'poor_households' }, right: { measure: 'households' } },
  right: { const: 100 },
};

describe('evaluateFormula', () => {
  it('computes arithmetic over measures, indicators and constants', () => {
    expect(evaluateFormula(share, lookup({}, { poor_households: 31, households: 500 }))).toBeCloseTo(6.2, 9);
    expect(
      evaluateFormula({ op: 'sub', left: { indicator: '2.1' }, right: { const: 0.5 } }, lookup({ '2.1': 3 })),
    ).toBe(2.5);
    expect(evaluateFormula({ op: 'add', left: { const: 1 }, right: { const: 2 } }, lookup({}))).toBe(3);
  });

  it('propagates a missing input as null', () => {
    expect(evaluateFormula(share, lookup({}, { poor_households: 31 }))).toBeNull();
    expect(evaluateFormula(share, lookup({}, { households: 500 }))).toBeNull();
  });

  it('gives null on division by zero', () => {
    expect(evaluateFormula(share, lookup({}, { poor_households: 0, households: 0 }))).toBeNull();
  });
});
