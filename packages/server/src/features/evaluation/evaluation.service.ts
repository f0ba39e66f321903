import {
  applicableSets,
  type CriteriaSet,
  compareVietnamese,
  evaluateUnit,
  highestTierInForce,
  isRecognitionInForce,
  measuresByCode,
  rollUpSummaries,
  type Tier,
  type TreeIndex,
  type Unit,
  type UnitEvaluation,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  NationRollupResponse,
  RollupResponse,
  UnitEvaluationResponse,
  ValueBasis,
  VillageEvaluationsResponse,
} from '../../contract/evaluation';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { kept } from '../../kept';
import {
  allCriteriaSets,
  evaluabilityOf,
  requireCriteriaSet,
  summariseSet,
} from '../catalog/catalog.service';
import { recognitionsForUnits } from '../recognitions/recognitions.repository';
import { getUnitDirectory, provinceOf, requireUnit, type UnitDirectory } from '../units/unit-directory';
import { summariseUnit } from '../units/units.service';
import {
  cachedWhileUnchanged,
  type DataSnapshot,
  dataSnapshot,
  evaluationSummaries,
  recognitionsByUnit,
} from './evaluation-cache';
import { type ResolvedValues, resolveValuesFor } from './resolved-values';

/** Codes of the unit's province and of every predecessor province, so 2026 communes find 2016–2020 sets. */
export function provinceCodes(directory: UnitDirectory, unit: Unit): string[] {
  const province = provinceOf(directory, unit);
  if (!province) return [];
  const codes: string[] = [];
  const stack = [province];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || codes.includes(current.code)) continue;
    codes.push(current.code);
    for (const p of current.predecessorIds) {
      const predecessor = directory.byId.get(p);
      if (predecessor) stack.push(predecessor);
    }
  }
  return codes;
}

export function chooseCriteriaSet(
  directory: UnitDirectory,
  unit: Unit,
  year: number,
  tier: Tier,
  requestedId?: string,
): CriteriaSet {
  const set = requestedId ? requireCriteriaSet(requestedId) : pickSet(directory, unit, year, tier);
  if (set.level !== unit.level) {
    throw new AppError(
      'unit_not_evaluable',
      `Bộ tiêu chí ${set.shortName} áp dụng cho cấp ${set.level}, không áp dụng cho ${unit.name}.`,
    );
  }
  const { evaluable, problems } = evaluabilityOf(set);
  if (!evaluable) {
    throw new AppError(
      'criteria_set_incomplete',
      `Bộ tiêu chí ${set.shortName} chưa đủ ngưỡng để đánh giá (${problems.length} mục còn thiếu).`,
      { problems },
    );
  }
  return set;
}

function pickSet(directory: UnitDirectory, unit: Unit, year: number, tier: Tier): CriteriaSet {
  const candidates = applicableSets(allCriteriaSets(), {
    level: unit.level,
    tier,
    year,
    provinceCodes: provinceCodes(directory, unit),
  });
  const usable = candidates.find((s) => evaluabilityOf(s).evaluable);
  if (usable) return usable;
  const best = candidates[0];
  if (best) {
    const { problems } = evaluabilityOf(best);
    throw new AppError(
      'criteria_set_incomplete',
      `Năm ${year} áp dụng bộ tiêu chí ${best.shortName}, nhưng bộ này chưa đủ ngưỡng để đánh giá.`,
      { problems },
    );
  }
  throw new AppError('no_criteria_set', `Không có bộ tiêu chí nào áp dụng cho ${unit.name} năm ${year}.`);
}

function evaluateResolved(
  set: CriteriaSet,
  unit: Unit,
  year: number,
  resolved: ResolvedValues | undefined,
  recognitions: Parameters<typeof evaluateUnit>[0]['recognitions'],
): UnitEvaluation {
  return evaluateUnit({
    set,
    unit,
    year,
    values: resolved?.values ?? new Map(),
    recognitions,
    measures: measuresByCode,
  });
}

export async function evaluateOneUnit(
  db: Kysely<Database>,
  unitId: string,
  query: { year: number; tier: Tier; criteriaSetId?: string; basis?: ValueBasis },
  known?: UnitDirectory,
): Promise<UnitEvaluationResponse> {
  const directory = known ?? (await getUnitDirectory(db));
  const unit = requireUnit(directory, unitId);
  if (unit.level === 'commune' && !isRuralCommune(unit)) {
    throw new AppError(
      'unit_not_evaluable',
      `${unit.name} không phải là xã; Chương trình nông thôn mới chỉ đánh giá các xã (không đánh giá phường, thị trấn, đặc khu).`,
    );
  }
  const set = chooseCriteriaSet(directory, unit, query.year, query.tier, query.criteriaSetId);
  const [resolved, recognitions] = await Promise.all([
    resolveValuesFor(db, directory, [unit], query.year, query.basis),
    recognitionsForUnits(db, [unit.id]),
  ]);
  const unitValues = resolved.get(unit.id);
  const evaluation = evaluateResolved(set, unit, query.year, unitValues, recognitions);
  return {
    unit: summariseUnit(directory, unit, unit.validTo ?? yearEnd(query.year)),
    criteriaSet: summariseSet(set),
    evaluation: {
      ...evaluation,
      criteria: evaluation.criteria.map((c) => ({
        ...c,
        indicators: c.indicators.map((i) => ({
          ...i,
          provenance: i.measure === null ? 'derived' : (unitValues?.provenance.get(i.measure) ?? null),
        })),
      })),
    },
    recognitions,
    basis: query.basis ?? 'latest',
  };
}

type VillageRow = VillageEvaluationsResponse['villages'][number];

/**
 * Each village of a commune judged under the village standard, with one read of values and
 * recognitions for all of them: a commune has dozens of villages and the page shows them at once.
 */
export async function evaluateVillages(
  db: Kysely<Database>,
  communeId: string,
  query: { year: number; basis?: ValueBasis },
  keep: (unitId: string) => boolean = () => true,
): Promise<VillageEvaluationsResponse> {
  const directory = await getUnitDirectory(db);
  const commune = requireUnit(directory, communeId);
  const asOf = yearEnd(query.year);
  const tree = directory.treeOn(asOf);
  if (commune.level !== 'commune' || !tree.byId.has(commune.id)) {
    throw new AppError(
      'unit_not_evaluable',
      `${commune.name} không phải là xã có hiệu lực vào cuối năm ${query.year}; danh sách thôn lập theo xã.`,
    );
  }
  const villages = tree
    .descendants(commune.id, 'village')
    .filter((v) => keep(v.id))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const basis = query.basis ?? 'latest';
  const [resolved, recognitions] = await Promise.all([
    resolveValuesFor(db, directory, villages, query.year, basis),
    recognitionsForUnits(
      db,
      villages.map((v) => v.id),
    ),
  ]);
  const rows = villages.map((village): VillageRow => {
    const own = recognitions.filter((r) => r.unitId === village.id);
    const decided = own.filter((r) => isRecognitionInForce(r, 'village_standard', asOf)).at(-1) ?? null;
    const head = {
      unit: summariseUnit(directory, village, asOf),
      recognition: decided,
    };
    try {
      const set = chooseCriteriaSet(directory, village, query.year, 'village_standard');
      const e = evaluateResolved(set, village, query.year, resolved.get(village.id), own);
      return {
        ...head,
        status:
          e.criteriaNoData === e.criteriaTotal ? 'no_data' : e.eligibility.allCriteriaMet ? 'met' : 'not_met',
        criteriaSetId: set.id,
        criteriaMet: e.criteriaMet,
        criteriaTotal: e.criteriaTotal,
        criteriaNoData: e.criteriaNoData,
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ...head,
        status: 'not_evaluable',
        criteriaSetId: null,
        criteriaMet: 0,
        criteriaTotal: 0,
        criteriaNoData: 0,
        problem: { code: error.code, message: error.message },
      };
    }
  });
  return {
    commune: summariseUnit(directory, commune, asOf),
    year: query.year,
    basis,
    villages: rows,
  };
}

/** Communes that the NTM program judges: rural communes (xã), not wards or townships. */
export function isRuralCommune(unit: Unit): boolean {
  return unit.level === 'commune' && unit.kind === 'xa';
}

const ruralCommunesByTree = new WeakMap<TreeIndex, Map<string, readonly Unit[]>>();
const nationByTree = new WeakMap<TreeIndex, { communes: readonly Unit[]; provinceCount: number }>();

/**
 * The rural communes under a unit in a tree, worked out once per tree: every roll-up request
 * needs the list before it can look for its cached result.
 */
function ruralCommunesUnder(tree: TreeIndex, root: Unit): readonly Unit[] {
  const byRoot = kept(ruralCommunesByTree, tree, () => new Map<string, readonly Unit[]>());
  return kept(byRoot, root.id, () =>
    (root.level === 'commune' ? [root] : tree.descendants(root.id, 'commune')).filter(isRuralCommune),
  );
}

/** Every province of a tree and its rural communes, once per tree. */
function nationOf(tree: TreeIndex): { communes: readonly Unit[]; provinceCount: number } {
  return kept(nationByTree, tree, () => {
    const provinces = [...tree.byId.values()].filter((u) => u.parentId === null);
    return {
      communes: provinces.flatMap((p) => ruralCommunesUnder(tree, p)),
      provinceCount: provinces.length,
    };
  });
}

export async function rollUpSubtree(
  db: Kysely<Database>,
  unitId: string,
  query: RollupRequest,
  snapshot?: DataSnapshot,
): Promise<RollupResponse> {
  const data = snapshot ?? (await dataSnapshot(db));
  const { directory } = data;
  const root = requireUnit(directory, unitId);
  const asOf = query.date ?? yearEnd(query.year);
  const tree = directory.treeOn(asOf);
  if (!tree.byId.has(root.id)) {
    throw new AppError(
      'unit_not_evaluable',
      `${root.name} không tồn tại vào ngày ${asOf}; hãy chọn đơn vị có hiệu lực vào ngày đó.`,
    );
  }
  const communes = ruralCommunesUnder(tree, root);
  const probe = communes[0] ?? { ...root, level: 'commune' as const };
  return rollUpCommunes(db, data, communes, probe, { ...query, asOf, scope: root.id }, () => ({
    unit: summariseUnit(directory, root, asOf),
  }));
}

/** The whole country: every rural commune of every province that exists on the date. */
export async function rollUpNation(
  db: Kysely<Database>,
  query: RollupRequest,
  snapshot?: DataSnapshot,
): Promise<NationRollupResponse> {
  const data = snapshot ?? (await dataSnapshot(db));
  const { directory } = data;
  const asOf = query.date ?? yearEnd(query.year);
  const tree = directory.treeOn(asOf);
  const { communes, provinceCount } = nationOf(tree);
  const probe = communes[0];
  if (!probe) {
    throw new AppError('unit_not_evaluable', `Không có xã nào có hiệu lực vào ngày ${asOf} để tổng hợp.`);
  }
  return rollUpCommunes(db, data, communes, probe, { ...query, asOf, scope: 'nation' }, () => ({
    provinceCount,
  }));
}

export interface RollupRequest {
  year: number;
  criteriaSetId?: string;
  date?: string;
  basis?: ValueBasis;
}

/**
 * The roll-up of `communes` with `head` (what names the subtree) in front. The whole response is
 * kept, so that while nothing changes a request costs neither evaluation nor assembly and the
 * route can send the JSON it wrote the first time.
 */
async function rollUpCommunes<H extends object>(
  db: Kysely<Database>,
  { directory, caches }: DataSnapshot,
  communes: readonly Unit[],
  probe: Unit,
  query: RollupRequest & { asOf: string; scope: string },
  head: () => H,
): Promise<H & Omit<RollupResponse, 'unit'>> {
  const basis = query.basis ?? 'latest';
  // The set is chosen from the catalog and the units, which only change with the caches: the
  // requested id (or none) names it in the key, and the choice is made on a miss only.
  return cachedWhileUnchanged(
    caches,
    ['rollup', query.scope, query.year, basis, query.criteriaSetId ?? '', query.asOf].join('|'),
    async () => {
      const set = chooseCriteriaSet(directory, probe, query.year, 'standard', query.criteriaSetId);
      const [summaries, recognitions] = await Promise.all([
        evaluationSummaries(db, caches, directory, communes, { year: query.year, basis, set }),
        recognitionsByUnit(db, caches),
      ]);
      const rollup = rollUpSummaries({
        set,
        summaries,
        recognitions: communes.flatMap((c) => recognitions.get(c.id) ?? []),
        unitIds: communes.map((c) => c.id),
        year: query.year,
      });
      return {
        ...head(),
        asOf: query.asOf,
        basis,
        criteriaSet: summariseSet(set),
        rollup,
        communes: summaries.map((e, i) => {
          const commune = communes[i] as Unit;
          return {
            unitId: commune.id,
            code: commune.code,
            name: commune.name,
            parentId: commune.parentId,
            criteriaMet: e.criteriaMet,
            criteriaTotal: e.criteriaTotal,
            criteriaNoData: e.criteriaNoData,
            band: e.bandKey,
            totalNormalisedGap: e.totalNormalisedGap,
            outcomes: [...e.outcomes],
            recognisedTier: highestTierInForce(recognitions.get(commune.id) ?? [], yearEnd(query.year)),
          };
        }),
      };
    },
  );
}
