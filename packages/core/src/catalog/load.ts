import { z } from 'zod';
import departmentsJson from './data/departments.json' with { type: 'json' };
import measuresJson from './data/measures.json' with { type: 'json' };
import demo2016AdvancedJson from './data/sets/demo-2016-2020-commune-advanced.overlay.json' with {
  type: 'json',
};
import demo2016ModelJson from './data/sets/demo-2016-2020-commune-model.json' with { type: 'json' };
import demo2016StandardJson from './data/sets/demo-2016-2020-commune-standard.overlay.json' with {
  type: 'json',
};
import demo2026StandardJson from './data/sets/demo-2026-2030-commune-standard.overlay.json' with {
  type: 'json',
};
import demoModelResidentialAreaJson from './data/sets/demo-model-residential-area.json' with { type: 'json' };
import demoVillageStandardJson from './data/sets/demo-village-standard.json' with { type: 'json' };
import vn51Json from './data/sets/vn-51-2025-commune.json' with { type: 'json' };
import vn318AdvancedJson from './data/sets/vn-318-commune-advanced.json' with { type: 'json' };
import vn318StandardJson from './data/sets/vn-318-commune-standard.json' with { type: 'json' };
import vn319Json from './data/sets/vn-319-commune-model.json' with { type: 'json' };
import vn1980Json from './data/sets/vn-1980-commune-standard.json' with { type: 'json' };
import { parseCriteriaSet, parseCriteriaSetOverlay } from './parse';
import { CatalogError } from './problems';
import { buildRegistry } from './registry';
import {
  type CriteriaSet,
  type Department,
  Department as DepartmentSchema,
  type Measure,
  Measure as MeasureSchema,
} from './schema';

/** The shipped files as they are on disk, for tests and tools that check them one by one. */
export const shippedSetFiles: readonly unknown[] = [
  vn1980Json,
  vn318StandardJson,
  vn318AdvancedJson,
  vn319Json,
  vn51Json,
  demo2016ModelJson,
  demoVillageStandardJson,
  demoModelResidentialAreaJson,
];
export const shippedOverlayFiles: readonly unknown[] = [
  demo2016StandardJson,
  demo2016AdvancedJson,
  demo2026StandardJson,
];
export const shippedMeasuresFile: unknown = measuresJson;
export const shippedDepartmentsFile: unknown = departmentsJson;

const built = buildRegistry({
  measures: z.array(MeasureSchema).parse(measuresJson),
  departments: z.array(DepartmentSchema).parse(departmentsJson),
  sets: shippedSetFiles.map(parseCriteriaSet),
  overlays: shippedOverlayFiles.map(parseCriteriaSetOverlay),
});

/**
 * Shipped data with an error is a bug, not a state to run in: refuse to start rather than
 * evaluate against a broken catalog. Gaps are expected (official texts not yet available).
 */
const shippedErrors = built.problems.filter((p) => p.severity === 'error');
if (shippedErrors.length > 0) throw new CatalogError(shippedErrors);

/** Gaps of the shipped sets, for the catalog screen ("why can't I evaluate with 318?"). */
export const shippedCatalogGaps = built.problems;

export const measures: readonly Measure[] = built.registry.measures;
export const measuresByCode: ReadonlyMap<string, Measure> = built.registry.measuresByCode;
export const departments: readonly Department[] = built.registry.departments;
export const departmentsByCode: ReadonlyMap<string, Department> = built.registry.departmentsByCode;
export const criteriaSets: readonly CriteriaSet[] = built.registry.criteriaSets;

export function getCriteriaSet(id: string): CriteriaSet | undefined {
  return built.registry.setsById.get(id);
}
