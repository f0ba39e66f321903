import type { CriteriaSet, Department, Measure } from './schema';

/** What the validator may consult besides the set itself. */
export interface CatalogContext {
  measures: ReadonlyMap<string, Measure>;
  departments: ReadonlyMap<string, Department>;
  /** Other sets, to resolve `derivedFrom`; without it that reference is not checked. */
  sets?: ReadonlyMap<string, CriteriaSet>;
}

/** Codes are stable: the server and the UI may key on them. */
export const catalogErrorCodes = [
  'schema_invalid',
  'duplicate_criterion',
  'duplicate_indicator',
  'indicator_without_source',
  'unknown_measure',
  'measure_level_mismatch',
  'value_type_mismatch',
  'comparator_mismatch',
  'threshold_type_mismatch',
  'threshold_out_of_range',
  'duplicate_threshold',
  'condition_dimension_mismatch',
  'unknown_department',
  'department_not_in_period',
  'formula_unknown_reference',
  'formula_non_numeric',
  'formula_cycle',
  'tier_level_mismatch',
  'prerequisite_tier_invalid',
  'unknown_derived_from',
  'overlay_base_mismatch',
  'overlay_unknown_criterion',
  'overlay_unknown_indicator',
  'overlay_threshold_conflict',
] as const;
export type CatalogErrorCode = (typeof catalogErrorCodes)[number];

/** Gaps are not mistakes in the data: the official text is missing, so the set cannot evaluate. */
export const catalogGapCodes = ['criterion_without_indicators', 'indicator_without_threshold'] as const;
export type CatalogGapCode = (typeof catalogGapCodes)[number];

export type CatalogProblem =
  | {
      severity: 'error';
      code: CatalogErrorCode;
      setId: string;
      criterion?: string;
      indicator?: string;
      message: string;
    }
  | {
      severity: 'gap';
      code: CatalogGapCode;
      setId: string;
      criterion?: string;
      indicator?: string;
      message: string;
    };

export interface ProblemLocation {
  setId: string;
  criterion?: string;
  indicator?: string;
}

/** "Bộ tiêu chí "x", tiêu chí 2, chỉ tiêu 2.3" — every message starts by saying where. */
export function describeLocation(at: ProblemLocation): string {
  const parts = [`Bộ tiêu chí "${at.setId}"`];
  if (at.criterion !== undefined) parts.push(`tiêu chí ${at.criterion}`);
  if (at.indicator !== undefined) parts.push(`chỉ tiêu ${at.indicator}`);
  return parts.join(', ');
}

function located(at: ProblemLocation, detail: string) {
  return {
    setId: at.setId,
    ...(at.criterion !== undefined ? { criterion: at.criterion } : {}),
    ...(at.indicator !== undefined ? { indicator: at.indicator } : {}),
    message: `${describeLocation(at)}: ${detail}`,
  };
}

export function catalogError(code: CatalogErrorCode, at: ProblemLocation, detail: string): CatalogProblem {
  return { severity: 'error', code, ...located(at, detail) };
}

export function catalogGap(code: CatalogGapCode, at: ProblemLocation, detail: string): CatalogProblem {
  return { severity: 'gap', code, ...located(at, detail) };
}

/** Thrown when shipped or imported catalog data cannot be used at all. */
export class CatalogError extends Error {
  readonly problems: readonly CatalogProblem[];

  constructor(problems: readonly CatalogProblem[]) {
    super(['Dữ liệu danh mục tiêu chí không hợp lệ:', ...problems.map((p) => `- ${p.message}`)].join('\n'));
    this.name = 'CatalogError';
    this.problems = problems;
  }
}
