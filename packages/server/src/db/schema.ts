import type { Generated } from 'kysely';
import type { AttachmentsTable } from '../features/attachments/attachments.table';
import type { SessionsTable, UsersTable } from '../features/auth/accounts.table';
import type { UnitBoundariesTable } from '../features/boundaries/boundaries.table';
import type { NotificationsTable } from '../features/notifications/notifications.table';
import type {
  FollowUpStateTable,
  MaintenanceAlertsTable,
  MaintenanceSnapshotsTable,
  ObstacleCommentAttachmentsTable,
  ObstacleCommentsTable,
  ObstaclesTable,
  ReminderDeliveriesTable,
  ReminderRecipientsTable,
  ReminderSettingsTable,
  ResponsibilityOverridesTable,
} from '../features/obstacles/follow-up.tables';
import type {
  DirectiveTasksTable,
  RegistrationItemsTable,
  RegistrationsTable,
  RegistrationVersionsTable,
  TaskReportAttachmentsTable,
  TaskReportsTable,
} from '../features/plans/plans.tables';
import type { MeasureValueVersionsTable } from '../features/workflow/value-versions.table';

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
  submitted_by: string | null;
  submitted_at: string | null;
  verified_by: string | null;
  verified_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  returned_by: string | null;
  returned_at: string | null;
  return_reason: string | null;
  /** The value last approved; it stays in force while a correction goes through the workflow. */
  approved_value_json: string | null;
  approved_version: number | null;
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
  /** Metric settings (TargetParams) as JSON; null when the metric needs none. */
  params_json: string | null;
  is_demo: number | null;
  version: number | null;
  updated_at: string | null;
  updated_by: string | null;
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
  /** The import (change set) this entry belongs to, so an import can be traced and reverted as one. */
  change_set_id: string | null;
  /** The unit the change concerns, so a unit's history is one indexed query. */
  unit_id: string | null;
}

/** Monotonic counters that let every server process know when cached data went stale. */
export interface DataVersionsTable {
  name: string;
  version: number;
}

/** A unit and year whose values a write changed; `seq` is the `values` data version it bumped to. */
export interface ValueChangesTable {
  seq: number;
  unit_id: string;
  year: number;
}

/** An import from Excel: pending after its preview, then applied, and possibly reverted as one. */
export interface ChangeSetsTable {
  id: string;
  kind: string;
  status: string;
  file_name: string;
  format: string;
  criteria_set_id: string | null;
  year: number | null;
  scope_unit_id: string | null;
  sheet_rows: number;
  new_count: number;
  changed_count: number;
  unchanged_count: number;
  /** Changes to approved values: written only as a correction, with a reason. */
  approved_changes: number;
  invalid_rows: number;
  problem_count: number;
  problems_json: string;
  only_valid_rows: number;
  reason: string | null;
  created_at: string;
  created_by: string;
  applied_at: string | null;
  applied_by: string | null;
  reverted_at: string | null;
  reverted_by: string | null;
}

/** One value of a change set; `before_json` is the stored value it replaces (null: there was none). */
export interface ChangeSetValuesTable {
  change_set_id: string;
  seq: number;
  kind: string;
  unit_id: string;
  measure_code: string;
  year: number;
  indicator_code: string;
  sheet: string;
  cell: string;
  value_json: string;
  source: string | null;
  before_json: string | null;
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
  value_changes: ValueChangesTable;
  change_sets: ChangeSetsTable;
  change_set_values: ChangeSetValuesTable;
  unit_boundaries: UnitBoundariesTable;
  users: UsersTable;
  sessions: SessionsTable;
  notifications: NotificationsTable;
  measure_value_versions: MeasureValueVersionsTable;
  attachments: AttachmentsTable;
  registrations: RegistrationsTable;
  registration_versions: RegistrationVersionsTable;
  registration_items: RegistrationItemsTable;
  directive_tasks: DirectiveTasksTable;
  task_reports: TaskReportsTable;
  task_report_attachments: TaskReportAttachmentsTable;
  responsibility_overrides: ResponsibilityOverridesTable;
  obstacles: ObstaclesTable;
  obstacle_comments: ObstacleCommentsTable;
  obstacle_comment_attachments: ObstacleCommentAttachmentsTable;
  maintenance_alerts: MaintenanceAlertsTable;
  maintenance_snapshots: MaintenanceSnapshotsTable;
  follow_up_state: FollowUpStateTable;
  reminder_settings: ReminderSettingsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  reminder_recipients: ReminderRecipientsTable;
}
