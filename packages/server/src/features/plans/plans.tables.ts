/** One registration per year and registering unit (a district, or a commune in the two-level province). */
export interface RegistrationsTable {
  id: string;
  year: number;
  unit_id: string;
  status: string;
  current_version: number;
  /** The version progress is measured against; null until the province first approves. */
  approved_version: number | null;
  is_demo: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface RegistrationVersionsTable {
  registration_id: string;
  version: number;
  status: string;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  note: string | null;
}

/** A proposed unit of one version, with the province's decision once reviewed. */
export interface RegistrationItemsTable {
  registration_id: string;
  version: number;
  seq: number;
  unit_id: string;
  tier: string;
  expected_month: number;
  note: string | null;
  decision: string | null;
  decision_reason: string | null;
  approved_tier: string | null;
  approved_month: number | null;
}

/** A task of a directive, assigned to a department or to a unit (district or commune). */
export interface DirectiveTasksTable {
  id: string;
  directive_id: string;
  number: string;
  content: string;
  assignee_department: string | null;
  assignee_unit_id: string | null;
  deadline: string;
  status: string;
  completed_on: string | null;
  /** When the assignee was told the task is overdue, so they are told once. */
  overdue_notified_at: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface TaskReportsTable {
  id: string;
  task_id: string;
  reported_on: string;
  content: string;
  progress_percent: number | null;
  status_after: string;
  is_demo: number;
  created_at: string;
  created_by: string;
}

export interface TaskReportAttachmentsTable {
  report_id: string;
  attachment_id: string;
}
