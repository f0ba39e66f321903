import { foldDiacritics, Unit } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database, UnitsTable } from '../../db/schema';

const CHUNK = 200;

function toRow(unit: Unit): UnitsTable {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    search_text: foldDiacritics(`${unit.name} ${unit.code}`),
    kind: unit.kind,
    level: unit.level,
    parent_id: unit.parentId,
    region: unit.region,
    commune_group: unit.communeGroup,
    flags: JSON.stringify(unit.flags),
    population: unit.population,
    households: unit.households,
    area_km2: unit.areaKm2,
    valid_from: unit.validFrom,
    valid_to: unit.validTo,
    is_demo: unit.isDemo ? 1 : 0,
  };
}

function fromRow(row: UnitsTable, predecessorIds: string[]): Unit {
  return Unit.parse({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    region: row.region,
    communeGroup: row.commune_group,
    flags: JSON.parse(row.flags),
    population: row.population,
    households: row.households,
    areaKm2: row.area_km2 === null ? null : Number(row.area_km2),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    predecessorIds,
    isDemo: row.is_demo === 1,
  });
}

/** Parents must precede children: callers pass units in tree order. */
export async function insertUnits(db: Kysely<Database>, units: readonly Unit[]): Promise<void> {
  for (let i = 0; i < units.length; i += CHUNK) {
    await db
      .insertInto('units')
      .values(units.slice(i, i + CHUNK).map(toRow))
      .execute();
  }
  const links = units.flatMap((u) => u.predecessorIds.map((p) => ({ unit_id: u.id, predecessor_id: p })));
  for (let i = 0; i < links.length; i += CHUNK) {
    await db
      .insertInto('unit_predecessors')
      .values(links.slice(i, i + CHUNK))
      .execute();
  }
}

export async function loadAllUnits(db: Kysely<Database>): Promise<Unit[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('units').selectAll().execute(),
    db.selectFrom('unit_predecessors').selectAll().execute(),
  ]);
  const predecessors = new Map<string, string[]>();
  for (const link of links) {
    const list = predecessors.get(link.unit_id);
    if (list) list.push(link.predecessor_id);
    else predecessors.set(link.unit_id, [link.predecessor_id]);
  }
  return rows.map((row) => fromRow(row, predecessors.get(row.id) ?? []));
}

export async function countUnits(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function existingUnitIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}
