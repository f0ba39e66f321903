import type { Formula } from '../catalog/schema';

export interface FormulaLookup {
  indicator(code: string): number | null;
  measure(code: string): number | null;
}

/**
 * Missing inputs give null rather than a number computed from a guess; so does division by
 * zero (a share of zero households is undefined, not 0%).
 */
export function evaluateFormula(formula: Formula, lookup: FormulaLookup): number | null {
  if ('const' in formula) return formula.const;
  if ('indicator' in formula) return lookup.indicator(formula.indicator);
  if ('measure' in formula) return lookup.measure(formula.measure);
  const left = evaluateFormula(formula.left, lookup);
  if (left === null) return null;
  const right = evaluateFormula(formula.right, lookup);
  if (right === null) return null;
  let result: number;
  switch (formula.op) {
    case 'add':
      result = left + right;
      break;
    case 'sub':
      result = left - right;
      break;
    case 'mul':
      result = left * right;
      break;
    case 'div':
      if (right === 0) return null;
      result = left / right;
      break;
  }
  return Number.isFinite(result) ? result : null;
}

/** Indicator codes a formula reads, to order derived indicators after their inputs. */
export function formulaIndicators(formula: Formula, into: Set<string> = new Set()): Set<string> {
  if ('indicator' in formula) into.add(formula.indicator);
  else if ('op' in formula) {
    formulaIndicators(formula.left, into);
    formulaIndicators(formula.right, into);
  }
  return into;
}
