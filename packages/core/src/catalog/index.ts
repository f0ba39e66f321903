export {
  type ComparisonCounts,
  type CriteriaSetComparison,
  type CriterionComparison,
  type CriterionDifference,
  type CriterionOutline,
  compareCriteriaSets,
  type IndicatorComparison,
  type IndicatorDifference,
  type IndicatorOutline,
  type ItemChange,
  type LevelsOf,
  type ThresholdChange,
  type ThresholdComparison,
} from './compare';
export { assessEvaluability, type Evaluability } from './completeness';
export { conditionKey, uncoveredCells } from './coverage';
export {
  CriteriaSetOverlay,
  type CriteriaSetOverlayInput,
  type DeriveResult,
  deriveCriteriaSet,
} from './derive';
export { type FormulaReferences, formulaCycles, formulaReferences } from './formulas';
export {
  criteriaSets,
  departments,
  departmentsByCode,
  getCriteriaSet,
  measures,
  measuresByCode,
  shippedCatalogGaps,
} from './load';
export { type ReferenceProblem, validateDepartments, validateMeasures } from './measure-catalog';
export { parseCriteriaSet, parseCriteriaSetOverlay } from './parse';
export {
  type CatalogContext,
  CatalogError,
  type CatalogErrorCode,
  type CatalogGapCode,
  type CatalogProblem,
  catalogErrorCodes,
  catalogGapCodes,
  describeLocation,
} from './problems';
export { buildRegistry, type CatalogRegistry, type RegistryInput } from './registry';
export * from './schema';
export { isLowerTier, tierFitsLevel } from './tiers';
export { validateCriteriaSet, validateCriteriaSetJson } from './validate';
export { comparatorsFor, thresholdValueFits } from './value-types';
