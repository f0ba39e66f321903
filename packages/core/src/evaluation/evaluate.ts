import type { CriteriaSet, Criterion, Indicator, Measure } from '../catalog/schema';
import type { Unit } from '../units/unit';
import type { ObservedValue, Recognition, ValueMap } from '../values/value';
import { bandOf } from './bands';
import { EvaluationTypeError, isMet } from './compare';
import { evaluateFormula, type FormulaLookup, formulaIndicators } from './derived';
import { assessEligibility } from './eligibility';
import { EvaluatedGap } from './gap';
import type { CriterionResult, IndicatorResult, Outcome, UnitEvaluation } from './result';
import { selectThreshold } from './threshold';

export interface EvaluateUnitInput {
  set: CriteriaSet;
  unit: Unit;
  year: number;
  /** The unit's resolved values for the year, by measure code. */
  values: ValueMap;
  /** Recognitions of this unit; those of other units are ignored. */
  recognitions: readonly Recognition[];
  measures: ReadonlyMap<string, Measure>;
}

interface CriterionPlan {
  criterion: Criterion;
  slots: number[];
}

/** What can be worked out from the set alone, once, instead of for each of 10,000 communes. */
interface SetPlan {
  indicators: Indicator[];
  leads: string[];
  criteria: CriterionPlan[];
  slotByCode: Map<string, number>;
  /** Slots in an order where every derived indicator comes after the indicators it reads. */
  order: number[];
}

const plans = new WeakMap<CriteriaSet, SetPlan>();

function derivationOrder(
  set: CriteriaSet,
  indicators: readonly Indicator[],
  slotByCode: Map<string, number>,
) {
  const order: number[] = [];
  const state = new Uint8Array(indicators.length); // 0 unvisited, 1 in progress, 2 done
  const visit = (slot: number, path: readonly string[]): void => {
    if (state[slot] === 2) return;
    const indicator = indicators[slot] as Indicator;
    if (state[slot] === 1) {
      throw new Error(
        `Bộ tiêu chí ${set.id}: chỉ tiêu tính toán vòng tròn ${[...path, indicator.code].join(' → ')}`,
      );
    }
    state[slot] = 1;
    if (indicator.derived) {
      for (const code of formulaIndicators(indicator.derived)) {
        const input = slotByCode.get(code);
        if (input === undefined) {
          throw new Error(
            `Bộ tiêu chí ${set.id}: chỉ tiêu ${indicator.code} tham chiếu chỉ tiêu không có ${code}`,
          );
        }
        visit(input, [...path, indicator.code]);
      }
    }
    state[slot] = 2;
    order.push(slot);
  };
  for (let slot = 0; slot < indicators.length; slot++) visit(slot, []);
  return order;
}

function planFor(set: CriteriaSet): SetPlan {
  let plan = plans.get(set);
  if (plan) return plan;
  const indicators: Indicator[] = [];
  const leads: string[] = [];
  const criteria: CriterionPlan[] = [];
  const slotByCode = new Map<string, number>();
  for (const criterion of set.criteria) {
    const slots: number[] = [];
    for (const indicator of criterion.indicators) {
      slots.push(indicators.length);
      slotByCode.set(indicator.code, indicators.length);
      indicators.push(indicator);
      leads.push(indicator.leadDepartment ?? criterion.leadDepartment);
    }
    criteria.push({ criterion, slots });
  }
  plan = { indicators, leads, criteria, slotByCode, order: derivationOrder(set, indicators, slotByCode) };
  plans.set(set, plan);
  return plan;
}

function numberOrNull(
  value: ObservedValue | null | undefined,
  indicator: Indicator,
  what: string,
): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') {
    throw new EvaluationTypeError(
      `Chỉ tiêu ${indicator.code} tính từ ${what} cần giá trị số, nhận được ${JSON.stringify(value)}`,
      indicator.comparator,
      value,
      { indicatorCode: indicator.code },
    );
  }
  return value;
}

function resolveValues(plan: SetPlan, values: ValueMap): (ObservedValue | null)[] {
  const resolved: (ObservedValue | null)[] = new Array(plan.indicators.length).fill(null);
  let current: Indicator;
  const lookup: FormulaLookup = {
    indicator: (code) =>
      numberOrNull(resolved[plan.slotByCode.get(code) as number], current, `chỉ tiêu ${code}`),
    measure: (code) => numberOrNull(values.get(code), current, `số liệu ${code}`),
  };
  for (const slot of plan.order) {
    const indicator = plan.indicators[slot] as Indicator;
    if (indicator.derived) {
      current = indicator;
      resolved[slot] = evaluateFormula(indicator.derived, lookup);
    } else if (indicator.measure !== undefined) {
      resolved[slot] = values.get(indicator.measure) ?? null;
    }
  }
  return resolved;
}

function evaluateIndicator(
  input: EvaluateUnitInput,
  indicator: Indicator,
  value: ObservedValue | null,
  leadDepartment: string,
): IndicatorResult {
  const threshold = selectThreshold(input.set, indicator, input.unit);
  let outcome: Outcome = 'no_data';
  let gap: EvaluatedGap | null = null;
  // A value without an applicable threshold cannot be judged; it counts as missing, not as met.
  if (value !== null && threshold !== null) {
    const levels =
      indicator.measure === undefined ? undefined : input.measures.get(indicator.measure)?.levels;
    try {
      const met = isMet(indicator.comparator, value, threshold.value, levels);
      outcome = met ? 'met' : 'not_met';
      gap = new EvaluatedGap(indicator, value, threshold.value, levels, met);
    } catch (error) {
      if (error instanceof EvaluationTypeError) {
        throw new EvaluationTypeError(
          `Đơn vị ${input.unit.id}, chỉ tiêu ${indicator.code}: ${error.message}`,
          error.comparator,
          error.value,
          { unitId: input.unit.id, indicatorCode: indicator.code },
        );
      }
      throw error;
    }
  }
  return {
    code: indicator.code,
    name: indicator.name,
    measure: indicator.measure ?? null,
    unit: indicator.unit,
    valueType: indicator.valueType,
    comparator: indicator.comparator,
    value,
    threshold,
    outcome,
    gap,
    leadDepartment,
  };
}

function criterionOutcome(results: readonly IndicatorResult[]): Outcome {
  if (results.length === 0) return 'no_data';
  let noData = false;
  for (const result of results) {
    if (result.outcome === 'not_met') return 'not_met';
    if (result.outcome === 'no_data') noData = true;
  }
  return noData ? 'no_data' : 'met';
}

/**
 * Evaluates one unit against a criteria set for a year: a pure function of the catalog, the
 * unit's attributes, its values and its recognitions (PRODUCT §6).
 */
export function evaluateUnit(input: EvaluateUnitInput): UnitEvaluation {
  const plan = planFor(input.set);
  let resolved: (ObservedValue | null)[];
  try {
    resolved = resolveValues(plan, input.values);
  } catch (error) {
    if (error instanceof EvaluationTypeError) {
      throw new EvaluationTypeError(
        `Đơn vị ${input.unit.id}: ${error.message}`,
        error.comparator,
        error.value,
        {
          ...error.context,
          unitId: input.unit.id,
        },
      );
    }
    throw error;
  }

  const criteria: CriterionResult[] = [];
  let criteriaMet = 0;
  let criteriaNoData = 0;
  for (const { criterion, slots } of plan.criteria) {
    const indicators: IndicatorResult[] = [];
    let indicatorsMet = 0;
    for (const slot of slots) {
      const result = evaluateIndicator(
        input,
        plan.indicators[slot] as Indicator,
        resolved[slot] ?? null,
        plan.leads[slot] as string,
      );
      if (result.outcome === 'met') indicatorsMet++;
      indicators.push(result);
    }
    const outcome = criterionOutcome(indicators);
    if (outcome === 'met') criteriaMet++;
    else if (outcome === 'no_data') criteriaNoData++;
    criteria.push({
      number: criterion.number,
      name: criterion.name,
      group: criterion.group ?? null,
      leadDepartment: criterion.leadDepartment,
      outcome,
      indicatorsMet,
      indicatorsTotal: slots.length,
      indicators,
    });
  }

  const unitId = input.unit.id;
  const ownRecognitions = input.recognitions.filter((recognition) => recognition.unitId === unitId);
  return {
    unitId,
    year: input.year,
    criteriaSetId: input.set.id,
    criteriaSetVersion: input.set.version,
    criteria,
    criteriaMet,
    criteriaTotal: plan.criteria.length,
    criteriaNoData,
    band: bandOf(criteriaMet, plan.criteria.length),
    eligibility: assessEligibility(input.set, criteria, ownRecognitions, input.year),
  };
}
