import type { Formula, Indicator } from './schema';

export interface FormulaReferences {
  indicators: string[];
  measures: string[];
}

export function formulaReferences(formula: Formula): FormulaReferences {
  if ('indicator' in formula) return { indicators: [formula.indicator], measures: [] };
  if ('measure' in formula) return { indicators: [], measures: [formula.measure] };
  if ('const' in formula) return { indicators: [], measures: [] };
  const left = formulaReferences(formula.left);
  const right = formulaReferences(formula.right);
  return {
    indicators: [...left.indicators, ...right.indicators],
    measures: [...left.measures, ...right.measures],
  };
}

/**
 * Derived indicators that depend on themselves through other derived indicators, each
 * reported once with the loop it sits on, e.g. ["2.2", "2.3", "2.2"].
 */
export function formulaCycles(indicators: readonly Indicator[]): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const i of indicators) {
    if (i.derived) deps.set(i.code, formulaReferences(i.derived).indicators);
  }
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();

  const visit = (code: string, path: string[]): void => {
    const start = path.indexOf(code);
    if (start >= 0) {
      const loop = [...path.slice(start), code];
      for (const member of path.slice(start)) if (!cycles.has(member)) cycles.set(member, loop);
      return;
    }
    if (done.has(code)) return;
    for (const next of deps.get(code) ?? []) visit(next, [...path, code]);
    done.add(code);
  };
  for (const code of deps.keys()) visit(code, []);
  return cycles;
}
