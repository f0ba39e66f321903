import { parseVietnameseNumber } from '@ntm/core/format';
import { checkObservation } from '@ntm/core/observation';
import type { UnitValuesResponse } from '@ntm/server/contract/values';
import type { Measure } from '../../api/catalog';
import type { CriteriaSetDetail } from '../../api/queries';
import type { MessageKey } from '../../i18n';
import { formulaMeasures } from '../catalog/formula';
import type { CriterionResult, IndicatorResult, ObservedValue } from '../scorecard/indicator-format';

/** A value as stored, with its place in the review workflow (draft → submitted → verified → approved). */
export type StoredValue = UnitValuesResponse['values'][number];

/** What a field holds while the user types: text for numbers, true/false, a level name, or nothing yet. */
export type Draft = string | boolean | null;

export type FieldCheck =
  | { kind: 'unchanged' }
  | { kind: 'changed'; value: ObservedValue }
  | { kind: 'invalid'; message: string };

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Saved numbers are shown without thousands grouping ("1234,5"), so they read back unambiguously. */
export function toDraft(measure: Measure, saved: ObservedValue | undefined): Draft {
  if (saved === undefined)
    return measure.valueType === 'number' || measure.valueType === 'percent' ? '' : null;
  if (typeof saved === 'number') return String(saved).replace('.', ',');
  return saved;
}

/** "1.234" is 1234 to a Vietnamese reader and 1,234 to an English one: the parser refuses it. */
const ambiguous = /^[+-]?[1-9]\d{0,2}[.,]\d{3}%?$/;

function checkNumber(
  measure: Measure,
  text: string,
  saved: ObservedValue | undefined,
  t: Translate,
): FieldCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return saved === undefined
      ? { kind: 'unchanged' }
      : { kind: 'invalid', message: t('dataEntry.error.cannotClear') };
  }
  const value = parseVietnameseNumber(trimmed);
  if (value === null) {
    const compact = trimmed.replace(/\s+/g, '');
    return {
      kind: 'invalid',
      message: ambiguous.test(compact)
        ? t('dataEntry.error.ambiguous', {
            text: compact,
            whole: compact.replace(/[.,]/, ''),
            decimal: compact.replace('.', ','),
          })
        : t('dataEntry.error.notANumber'),
    };
  }
  const reason = checkObservation(measure, value);
  if (reason !== null) return { kind: 'invalid', message: t('dataEntry.error.value', { reason }) };
  return saved === value ? { kind: 'unchanged' } : { kind: 'changed', value };
}

/** Validates one field against its measure (type, min/max, percent 0–100) and says whether it changed. */
export function checkDraft(
  measure: Measure,
  draft: Draft,
  saved: ObservedValue | undefined,
  t: Translate,
): FieldCheck {
  if (typeof draft === 'string' && (measure.valueType === 'number' || measure.valueType === 'percent')) {
    return checkNumber(measure, draft, saved, t);
  }
  if (draft === null || draft === saved) return { kind: 'unchanged' };
  const reason = checkObservation(measure, draft);
  if (reason !== null) return { kind: 'invalid', message: t('dataEntry.error.value', { reason }) };
  return { kind: 'changed', value: draft };
}

export interface EntryRow {
  indicator: IndicatorResult;
  /** The measure typed for this indicator; null for a derived indicator. */
  measure: Measure | null;
  /** For a derived indicator: the measures it is computed from, each entered on its own. */
  inputs: Measure[];
}

export interface EntryGroup {
  criterion: CriterionResult;
  rows: EntryRow[];
}

type SetIndicator = CriteriaSetDetail['criteriaSet']['criteria'][number]['indicators'][number];

/**
 * The form follows the evaluation (the set that applies to the unit and year), with each
 * indicator's measure; a derived indicator brings the measures its formula reads.
 */
export function buildGroups(
  criteria: readonly CriterionResult[],
  set: CriteriaSetDetail['criteriaSet'],
  measures: ReadonlyMap<string, Measure>,
): EntryGroup[] {
  const definitions = new Map<string, SetIndicator>();
  for (const criterion of set.criteria) for (const i of criterion.indicators) definitions.set(i.code, i);
  const known = (code: string) => measures.get(code) ?? [];
  return criteria.map((criterion) => ({
    criterion,
    rows: criterion.indicators.map((indicator) => {
      const derived = definitions.get(indicator.code)?.derived;
      return {
        indicator,
        measure: indicator.measure === null ? null : (measures.get(indicator.measure) ?? null),
        inputs: derived ? formulaMeasures(derived).flatMap(known) : [],
      };
    }),
  }));
}

/** Measures of the form, each once, in the order they appear. */
export function formMeasures(groups: readonly EntryGroup[]): Measure[] {
  const seen = new Map<string, Measure>();
  for (const group of groups) {
    for (const row of group.rows) {
      for (const m of row.measure ? [row.measure, ...row.inputs] : row.inputs) {
        if (!seen.has(m.code)) seen.set(m.code, m);
      }
    }
  }
  return [...seen.values()];
}

export function isEditableAt(measure: Measure, level: string): boolean {
  return (measure.levelsObserved as readonly string[]).includes(level);
}
