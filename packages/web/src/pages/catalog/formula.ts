import type { Formula } from '@ntm/core';
import { formatNumber } from '@ntm/core/format';

const operators = { add: '+', sub: '−', mul: '×', div: '÷' } as const;

/** The measures a derived indicator is computed from, each once, in reading order. */
export function formulaMeasures(formula: Formula): string[] {
  if ('measure' in formula) return [formula.measure];
  if ('op' in formula)
    return [...new Set([...formulaMeasures(formula.left), ...formulaMeasures(formula.right)])];
  return [];
}

export interface FormulaNames {
  measure(code: string): string;
  indicator(code: string): string;
}

/** "(Chiều dài đường đã cứng hóa ÷ Chiều dài đường trục thôn) × 100". */
export function describeFormula(formula: Formula, names: FormulaNames): string {
  if ('measure' in formula) return names.measure(formula.measure);
  if ('indicator' in formula) return names.indicator(formula.indicator);
  if ('const' in formula) return formatNumber(formula.const);
  const side = (f: Formula) => ('op' in f ? `(${describeFormula(f, names)})` : describeFormula(f, names));
  return `${side(formula.left)} ${operators[formula.op]} ${side(formula.right)}`;
}
