import { type UnitLevel, unitLevels } from '../units/unit';
import { conditionKey, foreignConditions, uncoveredCells } from './coverage';
import { formulaCycles, formulaReferences } from './formulas';
import { schemaProblems, vietnameseErrors } from './json-problems';
import {
  type CatalogContext,
  type CatalogProblem,
  catalogError,
  catalogGap,
  type ProblemLocation,
} from './problems';
import { CriteriaSet, type Criterion, type Indicator, type Measure } from './schema';
import { isLowerTier, tierFitsLevel } from './tiers';
import { comparatorsFor, isNumericValueType, thresholdValueFits, valueTypeLabels } from './value-types';

/**
 * Checks raw JSON (a file, an upload): schema problems first, named by set, criterion and
 * indicator; when the shape is right, the same checks as `validateCriteriaSet`.
 */
export function validateCriteriaSetJson(json: unknown, ctx: CatalogContext): CatalogProblem[] {
  const parsed = CriteriaSet.safeParse(json, { error: vietnameseErrors });
  if (!parsed.success) return schemaProblems(json, parsed.error);
  return validateCriteriaSet(parsed.data, ctx);
}

/**
 * Checks a parsed set against the measure and department catalogs. Errors are mistakes in
 * the data; gaps are official content that is not available yet. Either makes the set
 * unusable for evaluation (see `assessEvaluability`).
 */
export function validateCriteriaSet(set: CriteriaSet, ctx: CatalogContext): CatalogProblem[] {
  return [...checkSetHeader(set, ctx), ...checkCriteria(set, ctx)];
}

function checkSetHeader(set: CriteriaSet, ctx: CatalogContext): CatalogProblem[] {
  const at = { setId: set.id };
  const problems: CatalogProblem[] = [];
  if (!tierFitsLevel(set.tier, set.level)) {
    problems.push(
      catalogError('tier_level_mismatch', at, `hạng "${set.tier}" không dùng cho đơn vị cấp "${set.level}".`),
    );
  }
  for (const p of set.prerequisites) {
    if (p.kind === 'recognition' && !isLowerTier(p.tier, set.tier)) {
      problems.push(
        catalogError(
          'prerequisite_tier_invalid',
          at,
          `điều kiện tiên quyết là đã được công nhận hạng "${p.tier}", nhưng hạng đó không thấp hơn hạng "${set.tier}" của bộ tiêu chí.`,
        ),
      );
    }
  }
  if (set.derivedFrom !== undefined) {
    if (set.derivedFrom === set.id) {
      problems.push(catalogError('unknown_derived_from', at, 'bộ tiêu chí không thể kế thừa chính nó.'));
    } else if (ctx.sets && !ctx.sets.has(set.derivedFrom)) {
      problems.push(
        catalogError(
          'unknown_derived_from',
          at,
          `kế thừa bộ tiêu chí "${set.derivedFrom}" không có trong danh mục.`,
        ),
      );
    }
  }
  if (set.regionOverrides.length > 0 && set.thresholdDimension !== 'region') {
    problems.push(
      catalogError(
        'condition_dimension_mismatch',
        at,
        `có quy định áp dụng ngưỡng theo vùng cho xã có cờ đặc biệt, nhưng bộ tiêu chí không phân ngưỡng theo vùng (${set.thresholdDimension}).`,
      ),
    );
  }
  return problems;
}

function checkCriteria(set: CriteriaSet, ctx: CatalogContext): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seenNumbers = new Set<string>();
  const seenCodes = new Set<string>();
  const allIndicators = set.criteria.flatMap((c) => c.indicators);
  const indicatorsByCode = new Map(allIndicators.map((i) => [i.code, i]));
  const cycles = formulaCycles(allIndicators);

  for (const criterion of set.criteria) {
    const at = { setId: set.id, criterion: criterion.number };
    if (seenNumbers.has(criterion.number)) {
      problems.push(catalogError('duplicate_criterion', at, `số tiêu chí ${criterion.number} bị trùng.`));
    }
    seenNumbers.add(criterion.number);
    problems.push(...checkDepartment(criterion.leadDepartment, set, at, ctx));
    if (criterion.indicators.length === 0) {
      problems.push(
        catalogGap(
          'criterion_without_indicators',
          at,
          `tiêu chí "${criterion.name}" chưa có chỉ tiêu nào (nội dung chính thức chưa có trong dữ liệu).`,
        ),
      );
    }
    for (const indicator of criterion.indicators) {
      const indicatorAt = { ...at, indicator: indicator.code };
      if (seenCodes.has(indicator.code)) {
        problems.push(
          catalogError('duplicate_indicator', indicatorAt, `mã chỉ tiêu ${indicator.code} bị trùng.`),
        );
      }
      seenCodes.add(indicator.code);
      const loop = cycles.get(indicator.code);
      if (loop) {
        problems.push(
          catalogError('formula_cycle', indicatorAt, `công thức tính tạo vòng lặp: ${loop.join(' → ')}.`),
        );
      }
      problems.push(...checkIndicator(indicator, criterion, set, indicatorAt, ctx, indicatorsByCode));
    }
  }
  return problems;
}

function checkDepartment(
  code: string,
  set: CriteriaSet,
  at: ProblemLocation,
  ctx: CatalogContext,
): CatalogProblem[] {
  const department = ctx.departments.get(code);
  if (!department) {
    return [
      catalogError('unknown_department', at, `sở phụ trách "${code}" không có trong danh mục sở, ngành.`),
    ];
  }
  const endYear = department.validTo ? Number(department.validTo.slice(0, 4)) : Number.POSITIVE_INFINITY;
  const startYear = department.validFrom
    ? Number(department.validFrom.slice(0, 4))
    : Number.NEGATIVE_INFINITY;
  if (endYear < set.period.fromYear || startYear > set.period.toYear) {
    return [
      catalogError(
        'department_not_in_period',
        at,
        `sở phụ trách "${department.name}" không tồn tại trong giai đoạn ${set.period.fromYear}–${set.period.toYear} của bộ tiêu chí.`,
      ),
    ];
  }
  return [];
}

function checkIndicator(
  indicator: Indicator,
  criterion: Criterion,
  set: CriteriaSet,
  at: ProblemLocation,
  ctx: CatalogContext,
  indicatorsByCode: ReadonlyMap<string, Indicator>,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (indicator.leadDepartment !== undefined && indicator.leadDepartment !== criterion.leadDepartment) {
    problems.push(...checkDepartment(indicator.leadDepartment, set, at, ctx));
  }
  const hasMeasure = indicator.measure !== undefined;
  const hasFormula = indicator.derived !== undefined;
  if (hasMeasure === hasFormula) {
    problems.push(
      catalogError(
        'indicator_without_source',
        at,
        hasMeasure
          ? 'chỉ tiêu vừa gắn với số liệu vừa có công thức tính; chỉ được chọn một.'
          : 'chỉ tiêu không gắn với số liệu nào và cũng không có công thức tính.',
      ),
    );
  }
  const measure = indicator.measure === undefined ? undefined : ctx.measures.get(indicator.measure);
  if (indicator.measure !== undefined) {
    problems.push(...checkMeasure(indicator, indicator.measure, measure, set.level, at));
  }
  if (indicator.derived) {
    problems.push(...checkFormula(indicator, at, ctx, indicatorsByCode));
  }
  if (!comparatorsFor(indicator.valueType).includes(indicator.comparator)) {
    problems.push(
      catalogError(
        'comparator_mismatch',
        at,
        `phép so sánh "${indicator.comparator}" không dùng được cho giá trị kiểu ${valueTypeLabels[indicator.valueType]} (được dùng: ${comparatorsFor(indicator.valueType).join(', ')}).`,
      ),
    );
  }
  problems.push(...checkThresholds(indicator, measure, set, at));
  return problems;
}

function checkMeasure(
  indicator: Indicator,
  code: string,
  measure: Measure | undefined,
  level: UnitLevel,
  at: ProblemLocation,
): CatalogProblem[] {
  if (!measure) {
    return [catalogError('unknown_measure', at, `số liệu "${code}" không có trong danh mục số liệu.`)];
  }
  const problems: CatalogProblem[] = [];
  if (measure.valueType !== indicator.valueType) {
    problems.push(
      catalogError(
        'value_type_mismatch',
        at,
        `chỉ tiêu kiểu ${valueTypeLabels[indicator.valueType]} nhưng số liệu "${code}" kiểu ${valueTypeLabels[measure.valueType]}.`,
      ),
    );
  }
  if (!reachesLevel(measure, level)) {
    problems.push(
      catalogError(
        'measure_level_mismatch',
        at,
        `số liệu "${code}" được thu thập ở cấp ${measure.levelsObserved.join(', ')} và không cộng dồn lên được cấp "${level}" của bộ tiêu chí.`,
      ),
    );
  }
  return problems;
}

/** Observed at the level itself, or below it with a rule that rolls it up. */
function reachesLevel(measure: Measure, level: UnitLevel): boolean {
  if (measure.levelsObserved.includes(level)) return true;
  if (measure.rollup.kind === 'none') return false;
  const depth = unitLevels.indexOf(level);
  return measure.levelsObserved.some((l) => unitLevels.indexOf(l) > depth);
}

function checkFormula(
  indicator: Indicator,
  at: ProblemLocation,
  ctx: CatalogContext,
  indicatorsByCode: ReadonlyMap<string, Indicator>,
): CatalogProblem[] {
  if (!indicator.derived) return [];
  const problems: CatalogProblem[] = [];
  if (!isNumericValueType(indicator.valueType)) {
    problems.push(
      catalogError(
        'value_type_mismatch',
        at,
        `chỉ tiêu tính bằng công thức phải có kiểu số hoặc tỷ lệ %, không phải ${valueTypeLabels[indicator.valueType]}.`,
      ),
    );
  }
  const refs = formulaReferences(indicator.derived);
  for (const code of refs.indicators) {
    const target = indicatorsByCode.get(code);
    if (!target) {
      problems.push(
        catalogError(
          'formula_unknown_reference',
          at,
          `công thức dùng chỉ tiêu "${code}" không có trong bộ tiêu chí.`,
        ),
      );
    } else if (!isNumericValueType(target.valueType)) {
      problems.push(
        catalogError('formula_non_numeric', at, `công thức dùng chỉ tiêu "${code}" không phải kiểu số.`),
      );
    }
  }
  for (const code of refs.measures) {
    const target = ctx.measures.get(code);
    if (!target) {
      problems.push(
        catalogError(
          'formula_unknown_reference',
          at,
          `công thức dùng số liệu "${code}" không có trong danh mục số liệu.`,
        ),
      );
    } else if (!isNumericValueType(target.valueType)) {
      problems.push(
        catalogError('formula_non_numeric', at, `công thức dùng số liệu "${code}" không phải kiểu số.`),
      );
    }
  }
  return problems;
}

function checkThresholds(
  indicator: Indicator,
  measure: Measure | undefined,
  set: CriteriaSet,
  at: ProblemLocation,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seenConditions = new Set<string>();
  indicator.thresholds.forEach((threshold, index) => {
    const label = `ngưỡng thứ ${index + 1}`;
    if (!thresholdValueFits(indicator.valueType, threshold.value)) {
      problems.push(
        catalogError(
          'threshold_type_mismatch',
          at,
          `${label} có giá trị ${JSON.stringify(threshold.value)} không phải kiểu ${valueTypeLabels[indicator.valueType]}.`,
        ),
      );
    } else if (indicator.valueType === 'level' && !measure?.levels?.includes(String(threshold.value))) {
      problems.push(
        catalogError(
          'threshold_type_mismatch',
          at,
          `${label} có mức "${String(threshold.value)}" không thuộc các mức của số liệu (${(measure?.levels ?? []).join(', ')}).`,
        ),
      );
    } else if (typeof threshold.value === 'number' && measure && !withinBounds(threshold.value, measure)) {
      problems.push(
        catalogError(
          'threshold_out_of_range',
          at,
          `${label} có giá trị ${threshold.value} nằm ngoài khoảng cho phép của số liệu "${measure.code}" (${measure.min ?? '…'}–${measure.max ?? '…'}).`,
        ),
      );
    }
    const foreign = foreignConditions(threshold.when, set.thresholdDimension);
    if (foreign.length > 0) {
      problems.push(
        catalogError(
          'condition_dimension_mismatch',
          at,
          `${label} đặt điều kiện theo ${foreign.join(' và ')}, nhưng bộ tiêu chí phân ngưỡng theo ${dimensionLabel(set.thresholdDimension)}.`,
        ),
      );
    }
    const key = conditionKey(threshold.when);
    if (seenConditions.has(key)) {
      problems.push(
        catalogError('duplicate_threshold', at, `${label} trùng điều kiện áp dụng với một ngưỡng trước đó.`),
      );
    }
    seenConditions.add(key);
  });
  const missing = uncoveredCells(indicator.thresholds, set.thresholdDimension);
  if (missing.length > 0) {
    problems.push(
      catalogGap('indicator_without_threshold', at, missingThresholdText(indicator, missing, set)),
    );
  }
  return problems;
}

function withinBounds(value: number, measure: Measure): boolean {
  return (
    (measure.min === undefined || value >= measure.min) && (measure.max === undefined || value <= measure.max)
  );
}

function dimensionLabel(dimension: CriteriaSet['thresholdDimension']): string {
  if (dimension === 'region') return 'vùng';
  if (dimension === 'commune_group') return 'nhóm xã';
  return 'mức chung (không phân vùng, nhóm)';
}

function missingThresholdText(indicator: Indicator, missing: string[], set: CriteriaSet): string {
  if (set.thresholdDimension === 'none') return `chỉ tiêu "${indicator.name}" chưa có ngưỡng.`;
  const noneAtAll = indicator.thresholds.every((t) => (t.when?.flags?.length ?? 0) > 0);
  const scope = set.thresholdDimension === 'region' ? 'vùng' : 'nhóm xã';
  if (noneAtAll) return `chỉ tiêu "${indicator.name}" chưa có ngưỡng cho ${scope} nào.`;
  return `chỉ tiêu "${indicator.name}" chưa có ngưỡng cho ${scope}: ${missing.join(', ')}.`;
}
