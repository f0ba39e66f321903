import { formulaReferences } from '../catalog/formulas';
import type { CriteriaSet, Department, Formula, Indicator } from '../catalog/schema';

/**
 * A department and every department merged into it (its predecessors through `successor`),
 * so the successor of a 2025 merger answers for the criteria its predecessors led.
 */
export function departmentLineage(departments: readonly Department[], code: string): Set<string> {
  const lineage = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.successor !== undefined && lineage.has(d.successor) && !lineage.has(d.code)) {
        lineage.add(d.code);
        grew = true;
      }
    }
  }
  return lineage;
}

function measuresOfIndicator(set: CriteriaSet, indicator: Indicator, seen: Set<string>): string[] {
  if (seen.has(indicator.code)) return [];
  seen.add(indicator.code);
  if (indicator.measure !== undefined) return [indicator.measure];
  if (indicator.derived === undefined) return [];
  const refs = formulaReferences(indicator.derived as Formula);
  const byCode = new Map(set.criteria.flatMap((c) => c.indicators).map((i) => [i.code, i]));
  return [
    ...refs.measures,
    ...refs.indicators.flatMap((code) => {
      const ref = byCode.get(code);
      return ref ? measuresOfIndicator(set, ref, seen) : [];
    }),
  ];
}

/**
 * The measures a department answers for: those observed by the indicators of every criterion
 * (or indicator) it leads, in any criteria set, including the measures a derived indicator
 * is computed from.
 */
export function measuresLedBy(
  sets: readonly CriteriaSet[],
  departments: readonly Department[],
  code: string,
): Set<string> {
  const lineage = departmentLineage(departments, code);
  const measures = new Set<string>();
  for (const set of sets) {
    for (const criterion of set.criteria) {
      for (const indicator of criterion.indicators) {
        if (!lineage.has(indicator.leadDepartment ?? criterion.leadDepartment)) continue;
        for (const m of measuresOfIndicator(set, indicator, new Set())) measures.add(m);
      }
    }
  }
  return measures;
}
