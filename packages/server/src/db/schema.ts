import type { Generated } from 'kysely';

/**
 * Table types. Booleans are stored as 0/1 integers and JSON as text so that one schema and
 * one set of queries serve SQLite and PostgreSQL alike.
 */
export interface UnitsTable {
  id: string;
  code: string;
  name: string;
  /** Lower-case, diacritics folded: lets both databases search without custom collations. */
  search_text: string;
  kind: string;
  level: string;
  parent_id: string | null;
  region: string | null;
  commune_group: string | null;
  flags: string;
  population: number | null;
  households: number | null;
  area_km2: number | null;
  valid_from: string;
  valid_to: string | null;
  is_demo: number;
}

export interface UnitPredecessorsTable {
  unit_id: string;
  predecessor_id: string;
}

export interface MeasureValuesTable {
  unit_id: string;
  measure_code: string;
  year: number;
  value_json: string;
  source: string | null;
  status: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface RecognitionsTable {
  id: string;
  unit_id: string;
  tier: string;
  criteria_set_id: string | null;
  status: string;
  decision_number: string | null;
  decision_date: string | null;
  issuer: string | null;
  revoked_date: string | null;
  is_demo: number;
}

export interface DirectivesTable {
  id: string;
  number: string;
  date: string;
  issuer: string;
  title: string;
  summary: string;
  is_demo: number;
}

export interface TargetsTable {
  id: string;
  year: number;
  scope_unit_id: string;
  metric: string;
  value: number;
  label: string;
  directive_id: string | null;
  note: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

/** Monotonic counters that let every server process know when cached data went stale. */
export interface DataVersionsTable {
  name: string;
  version: number;
}

export interface Database {
  units: UnitsTable;
  unit_predecessors: UnitPredecessorsTable;
  measure_values: MeasureValuesTable;
  recognitions: RecognitionsTable;
  directives: DirectivesTable;
  targets: TargetsTable;
  audit_log: AuditLogTable;
  data_versions: DataVersionsTable;
}
