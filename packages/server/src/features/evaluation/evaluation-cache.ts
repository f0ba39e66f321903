import {
  type CriteriaSet,
  type EvaluationSummary,
  evaluateUnit,
  measuresByCode,
  type ObservedValue,
  type Recognition,
  summariseEvaluation,
  type Unit,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { ValueBasis } from '../../contract/evaluation';
import type { Database } from '../../db/schema';
import { kept } from '../../kept';
import { type DataVersions, readDataVersions, valueChangesSince } from '../data-versions';
import { allRecognitions } from '../recognitions/recognitions.repository';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { type ResolvedValues, resolveValuesFor } from './resolved-values';

/**
 * What one server process keeps of the evaluation, per database: each commune's resolved values
 * and its evaluation summary, by year, basis and set. Evaluation is a pure function of the
 * catalog, the units, the values and the recognitions (PRODUCT §6), so an entry stays right
 * until one of those changes. Before every use the data versions are read from the database —
 * where every process's writes bump them — and exactly what a write touched is dropped:
 * the communes whose values, villages' values or merged predecessors' values changed in that
 * year (from `value_changes`), every summary when recognitions change, everything when units
 * do. The catalog is fixed for the life of a process.
 */
interface Caches {
  versions: DataVersions | null;
  /** Moves whenever anything is dropped: a computation that began before a drop keeps its result to itself. */
  generation: number;
  values: Map<string, Map<string, ReadonlyMap<string, ObservedValue>>>;
  summaries: Map<string, Map<string, EvaluationSummary>>;
  /** Whole roll-ups and unit evaluations, each valid while nothing at all has been dropped since it was made. */
  responses: Map<string, { generation: number; response: unknown }>;
  recognitions: Promise<Map<string, Recognition[]>> | null;
  /** Syncs run one after another, so that a slower one never undoes a newer one. */
  syncing: Promise<unknown>;
  /** Syncs begun and not yet finished. */
  pending: number;
}

const byDatabase = new WeakMap<Kysely<Database>, Caches>();

const MAX_RESPONSES = 1000;

/** More changed units than this since the last look: drop the years they touch rather than work out each one. */
const BULK_CHANGE = 20_000;

function cachesOf(db: Kysely<Database>): Caches {
  let caches = byDatabase.get(db);
  if (!caches) {
    caches = {
      versions: null,
      generation: 0,
      values: new Map(),
      summaries: new Map(),
      responses: new Map(),
      recognitions: null,
      syncing: Promise.resolve(),
      pending: 0,
    };
    byDatabase.set(db, caches);
  }
  return caches;
}

function yearOfKey(key: string): number {
  return Number(key.slice(0, key.indexOf('|')));
}

/** Every unit reachable from `start` by following `next`, `start` included. */
function reachable(start: string, next: (id: string) => Iterable<string>): Set<string> {
  const out = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    for (const following of next(id)) stack.push(following);
  }
  return out;
}

/** The communes whose evaluation reads the unit's values: itself, its commune, its successors'. */
export function dependants(directory: UnitDirectory, unitId: string): Set<string> {
  return reachable(unitId, (id) => {
    const parentId = directory.byId.get(id)?.parentId;
    const successors = directory.successorsOf.get(id) ?? [];
    return parentId ? [parentId, ...successors] : successors;
  });
}

const childrenByDirectory = new WeakMap<UnitDirectory, Map<string, string[]>>();

/**
 * The other way round from `dependants`: for each unit whose values the evaluation of one of
 * `communes` reads — the commune, every unit below it, its merged predecessors and theirs — the
 * communes that read them. Built from a few communes (the recognised ones) instead of walking
 * up from each of hundreds of thousands of changed units.
 */
export function readersOf(directory: UnitDirectory, communes: Iterable<string>): Map<string, string[]> {
  const childrenOf = kept(childrenByDirectory, directory, () => {
    const map = new Map<string, string[]>();
    for (const unit of directory.units) {
      if (unit.parentId === null) continue;
      const list = map.get(unit.parentId);
      if (list) list.push(unit.id);
      else map.set(unit.parentId, [unit.id]);
    }
    return map;
  });
  const readers = new Map<string, string[]>();
  for (const communeId of communes) {
    const read = reachable(communeId, (id) => [
      ...(childrenOf.get(id) ?? []),
      ...(directory.byId.get(id)?.predecessorIds ?? []),
    ]);
    for (const id of read) {
      const list = readers.get(id);
      if (list) list.push(communeId);
      else readers.set(id, [communeId]);
    }
  }
  return readers;
}

function dropCommunes(caches: Caches, year: number, ids: ReadonlySet<string>): void {
  for (const store of [caches.values, caches.summaries]) {
    for (const [key, entries] of store) {
      if (yearOfKey(key) !== year) continue;
      for (const id of ids) entries.delete(id);
    }
  }
}

function dropYears(caches: Caches, years: ReadonlySet<number>): void {
  for (const store of [caches.values, caches.summaries]) {
    for (const key of [...store.keys()]) if (years.has(yearOfKey(key))) store.delete(key);
  }
}

async function apply(db: Kysely<Database>, caches: Caches, versions: DataVersions): Promise<void> {
  const known = caches.versions;
  // Counters only grow, so a reading lower in any of them was taken before the one already applied.
  if (
    known &&
    (versions.values < known.values ||
      versions.units < known.units ||
      versions.recognitions < known.recognitions)
  ) {
    return;
  }
  if (!known || versions.units !== known.units) {
    caches.values.clear();
    caches.summaries.clear();
    caches.recognitions = null;
    caches.generation++;
  } else {
    if (versions.recognitions !== known.recognitions) {
      caches.summaries.clear();
      caches.recognitions = null;
      caches.generation++;
    }
    if (versions.values > known.values) {
      const changes = await valueChangesSince(db, known.values);
      if (changes.length > BULK_CHANGE) {
        dropYears(caches, new Set(changes.map((c) => c.year)));
      } else if (changes.length > 0) {
        const directory = await getUnitDirectory(db, versions);
        const byYear = new Map<number, Set<string>>();
        for (const change of changes) {
          const ids = byYear.get(change.year) ?? new Set<string>();
          for (const id of dependants(directory, change.unitId)) ids.add(id);
          byYear.set(change.year, ids);
        }
        for (const [year, ids] of byYear) dropCommunes(caches, year, ids);
      }
      caches.generation++;
    }
  }
  caches.versions = versions;
}

/**
 * Brings this process's caches up to the database's data versions; call first in every
 * request, with the reading the request has already taken if it has one.
 */
export async function syncEvaluationCache(db: Kysely<Database>, reading?: DataVersions): Promise<Caches> {
  const caches = cachesOf(db);
  const versions = reading ?? (await readDataVersions(db));
  const known = caches.versions;
  // Already there, and no sync under way that could be moving them: nothing to apply.
  if (
    caches.pending === 0 &&
    known !== null &&
    known.units === versions.units &&
    known.values === versions.values &&
    known.recognitions === versions.recognitions
  ) {
    return caches;
  }
  caches.pending++;
  const done = caches.syncing
    .catch(() => undefined)
    .then(() => apply(db, caches, versions))
    .finally(() => {
      caches.pending--;
    });
  caches.syncing = done;
  await done;
  return caches;
}

/** The unit directory and the evaluation caches, brought to one reading of the data versions. */
export interface DataSnapshot {
  directory: UnitDirectory;
  caches: Caches;
}

/**
 * One reading of the data versions for a whole request — the one taken when the request
 * arrived, if given: on a cached roll-up that reading is the only query, where the session,
 * the directory and the caches each used to take their own.
 */
export async function dataSnapshot(db: Kysely<Database>, reading?: DataVersions): Promise<DataSnapshot> {
  const versions = reading ?? (await readDataVersions(db));
  const [directory, caches] = await Promise.all([
    getUnitDirectory(db, versions),
    syncEvaluationCache(db, versions),
  ]);
  return { directory, caches };
}

/** Every recognition, by unit; read once per `recognitions` version. */
export function recognitionsByUnit(
  db: Kysely<Database>,
  caches: Caches,
): Promise<Map<string, Recognition[]>> {
  caches.recognitions ??= allRecognitions(db).then((all) => {
    const map = new Map<string, Recognition[]>();
    for (const r of all) {
      const list = map.get(r.unitId);
      if (list) list.push(r);
      else map.set(r.unitId, [r]);
    }
    return map;
  });
  const loading = caches.recognitions;
  loading.catch(() => {
    if (caches.recognitions === loading) caches.recognitions = null;
  });
  return loading;
}

function entriesOf<T>(store: Map<string, Map<string, T>>, key: string): Map<string, T> {
  return kept(store, key, () => new Map<string, T>());
}

export interface SummaryQuery {
  year: number;
  basis: ValueBasis;
  set: CriteriaSet;
}

/**
 * The evaluation summary of each commune, from the cache where it holds one, else evaluated
 * from resolved values (themselves cached) and kept — unless something was dropped meanwhile,
 * in which case the fresh result serves this request only.
 */
export async function evaluationSummaries(
  db: Kysely<Database>,
  caches: Caches,
  directory: UnitDirectory,
  communes: readonly Unit[],
  query: SummaryQuery,
): Promise<EvaluationSummary[]> {
  const generation = caches.generation;
  const valuesKey = `${query.year}|${query.basis}`;
  const summaryKey = `${valuesKey}|${query.set.id}@${query.set.version}`;
  const summaries = entriesOf(caches.summaries, summaryKey);
  const result: (EvaluationSummary | undefined)[] = communes.map((c) => summaries.get(c.id));
  const missing = communes.filter((_, i) => result[i] === undefined);
  if (missing.length > 0) {
    const cachedValues = entriesOf(caches.values, valuesKey);
    const known = new Map<string, ReadonlyMap<string, ObservedValue>>();
    for (const commune of missing) {
      const values = cachedValues.get(commune.id);
      if (values) known.set(commune.id, values);
    }
    const unresolved = missing.filter((c) => !known.has(c.id));
    const [resolved, recognitions] = await Promise.all([
      unresolved.length > 0
        ? resolveValuesFor(db, directory, unresolved, query.year, query.basis)
        : Promise.resolve(new Map<string, ResolvedValues>()),
      recognitionsByUnit(db, caches),
    ]);
    const keep = caches.generation === generation;
    const empty = new Map<string, ObservedValue>();
    const fresh = new Map<string, EvaluationSummary>();
    for (const commune of missing) {
      const cached = known.get(commune.id);
      const values = cached ?? resolved.get(commune.id)?.values ?? empty;
      if (keep && !cached) cachedValues.set(commune.id, values);
      const summary = summariseEvaluation(
        evaluateUnit({
          set: query.set,
          unit: commune,
          year: query.year,
          values,
          recognitions: recognitions.get(commune.id) ?? [],
          measures: measuresByCode,
        }),
      );
      fresh.set(commune.id, summary);
      if (keep) summaries.set(commune.id, summary);
    }
    communes.forEach((c, i) => {
      result[i] ??= fresh.get(c.id);
    });
  }
  return result as EvaluationSummary[];
}

/**
 * A response made once and served while the caches stay untouched: any drop (a value written
 * anywhere, a recognition, a unit) makes every such response be made again — a roll-up from the
 * summaries, a unit's evaluation from its values — which costs little next to evaluating the
 * area. `key` must name everything the response depends on besides the data: the kind, the
 * subtree or unit, year, basis, set, tier and date.
 */
export async function cachedWhileUnchanged<T>(
  caches: Caches,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const generation = caches.generation;
  const cached = caches.responses.get(key);
  if (cached && cached.generation === generation) return cached.response as T;
  const response = await make();
  if (caches.generation === generation) {
    // Any subtree, unit, year and date may be asked for; a bound keeps odd requests from piling up.
    if (caches.responses.size >= MAX_RESPONSES) caches.responses.clear();
    caches.responses.set(key, { generation, response });
  }
  return response;
}
