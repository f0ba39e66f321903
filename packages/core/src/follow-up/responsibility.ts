import type { CriteriaSet, Criterion, Indicator } from '../catalog/schema';

/** A named person to contact about a criterion, kept with the province's assignment. */
export interface ResponsibilityContact {
  name: string;
  phone: string | null;
  email: string | null;
}

/**
 * The province's assignment for one year: a criterion (indicatorCode null) or one indicator of
 * it to a department, with a contact. It replaces the catalog's default for that year only.
 */
export interface ResponsibilityOverride {
  criteriaSetId: string;
  year: number;
  criterionNumber: string;
  indicatorCode: string | null;
  departmentCode: string;
  contact: ResponsibilityContact | null;
}

export interface Responsibility {
  departmentCode: string;
  /** `catalog`: the set's default, with its source; `province`: the province's assignment for the year. */
  origin: 'catalog' | 'province';
  /** Whether the catalog's source states the assignment; a province's own assignment is its decision. */
  verified: boolean;
  contact: ResponsibilityContact | null;
}

function catalogDefault(criterion: Criterion, indicator: Indicator | undefined): Responsibility {
  return {
    departmentCode: indicator?.leadDepartment ?? criterion.leadDepartment,
    origin: 'catalog',
    verified: criterion.leadDepartmentSource.verified,
    contact: null,
  };
}

/** Looks overrides up by key; build once per set and year, then resolve many rows. */
export class ResponsibilityResolver {
  private readonly byKey = new Map<string, ResponsibilityOverride>();

  constructor(
    readonly set: CriteriaSet,
    readonly year: number,
    overrides: readonly ResponsibilityOverride[],
  ) {
    for (const o of overrides) {
      if (o.criteriaSetId !== set.id || o.year !== year) continue;
      this.byKey.set(keyOf(o.criterionNumber, o.indicatorCode), o);
    }
  }

  /**
   * An indicator's own override first, then its criterion's override, then the catalog (the
   * indicator's own lead department, else the criterion's).
   */
  resolve(criterion: Criterion, indicator?: Indicator): Responsibility {
    const own = indicator ? this.byKey.get(keyOf(criterion.number, indicator.code)) : undefined;
    const ofCriterion = this.byKey.get(keyOf(criterion.number, null));
    // A criterion-level override does not move an indicator the catalog gives to another department.
    const inherited =
      ofCriterion && (!indicator || indicator.leadDepartment === undefined) ? ofCriterion : undefined;
    const chosen = own ?? inherited;
    if (!chosen) return catalogDefault(criterion, indicator);
    return {
      departmentCode: chosen.departmentCode,
      origin: 'province',
      verified: true,
      contact: chosen.contact,
    };
  }

  /** The department an obstacle on this criterion (and indicator, if named) is routed to. */
  route(criterionNumber: string, indicatorCode: string | null): Responsibility | null {
    const criterion = this.set.criteria.find((c) => c.number === criterionNumber);
    if (!criterion) return null;
    if (indicatorCode === null) return this.resolve(criterion);
    const indicator = criterion.indicators.find((i) => i.code === indicatorCode);
    return indicator ? this.resolve(criterion, indicator) : null;
  }
}

function keyOf(criterionNumber: string, indicatorCode: string | null): string {
  return `${criterionNumber}|${indicatorCode ?? ''}`;
}

export interface ResponsibilityRow extends Responsibility {
  criterionNumber: string;
  criterionName: string;
  /** Null for the criterion's own row. */
  indicatorCode: string | null;
  indicatorName: string | null;
  /** The catalog's default, shown next to a province override. */
  catalogDepartmentCode: string;
}

/**
 * The matrix of a set for a year: one row per criterion, plus a row for each indicator whose
 * department differs from its criterion's (in the catalog or by the province's decision).
 */
export function responsibilityMatrix(resolver: ResponsibilityResolver): ResponsibilityRow[] {
  const rows: ResponsibilityRow[] = [];
  for (const criterion of resolver.set.criteria) {
    const own = resolver.resolve(criterion);
    rows.push({
      ...own,
      criterionNumber: criterion.number,
      criterionName: criterion.name,
      indicatorCode: null,
      indicatorName: null,
      catalogDepartmentCode: criterion.leadDepartment,
    });
    for (const indicator of criterion.indicators) {
      const resolved = resolver.resolve(criterion, indicator);
      const catalogCode = indicator.leadDepartment ?? criterion.leadDepartment;
      const differs =
        resolved.departmentCode !== own.departmentCode ||
        catalogCode !== criterion.leadDepartment ||
        (resolved.origin === 'province' && resolved.contact !== own.contact);
      if (!differs) continue;
      rows.push({
        ...resolved,
        criterionNumber: criterion.number,
        criterionName: criterion.name,
        indicatorCode: indicator.code,
        indicatorName: indicator.name,
        catalogDepartmentCode: catalogCode,
      });
    }
  }
  return rows;
}
