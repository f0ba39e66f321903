import type { Comparator, SourceRef, Tier, ValueType } from '../catalog/schema';
import type { ObservedValue } from '../values/value';

export type Outcome = 'met' | 'not_met' | 'no_data';

export interface SelectedThreshold {
  value: number | boolean | string;
  source: SourceRef;
  illustrative: boolean;
  /** Why this threshold was chosen, e.g. "vùng DBSH", "xã đặc biệt khó khăn → TDMNPB", "chung". */
  selectedBy: string;
}

export interface Gap {
  /** Signed distance in the indicator's unit: negative = short of the threshold. */
  amount: number | null;
  unit: string;
  /** Vietnamese sentence, e.g. "Tỷ lệ hộ nghèo 6,2% — cao hơn ngưỡng 5% là 1,2 điểm %". */
  sentence: string;
  /** Gap relative to the threshold, 0 when met, for ranking units by closeness. */
  normalised: number;
}

export interface IndicatorResult {
  code: string;
  name: string;
  measure: string | null;
  unit: string;
  valueType: ValueType;
  comparator: Comparator;
  value: ObservedValue | null;
  threshold: SelectedThreshold | null;
  outcome: Outcome;
  gap: Gap | null;
  leadDepartment: string;
}

export interface CriterionResult {
  number: string;
  name: string;
  group: string | null;
  leadDepartment: string;
  outcome: Outcome;
  indicatorsMet: number;
  indicatorsTotal: number;
  indicators: IndicatorResult[];
}

export interface Band {
  /** Stable key, e.g. "all", "15-18", "10-14", "5-9", "lt5" for 19-criterion sets. */
  key: string;
  label: string;
  min: number;
  max: number;
}

export interface TierEligibility {
  tier: Tier;
  allCriteriaMet: boolean;
  unmetPrerequisites: string[];
  /** Conditions a human must confirm (satisfaction survey, no construction debt ...). */
  manualConditions: string[];
  eligible: boolean;
}

export interface UnitEvaluation {
  unitId: string;
  year: number;
  criteriaSetId: string;
  criteriaSetVersion: number;
  criteria: CriterionResult[];
  criteriaMet: number;
  criteriaTotal: number;
  criteriaNoData: number;
  band: Band;
  eligibility: TierEligibility;
}
