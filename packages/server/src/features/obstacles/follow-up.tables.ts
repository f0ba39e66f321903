import type { Generated } from 'kysely';

/** Tables of migration 0009-follow-up. */
export interface ResponsibilityOverridesTable {
  criteria_set_id: string;
  year: number;
  criterion_number: string;
  /** '' for the criterion's own row. */
  indicator_code: string;
  department_code: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  is_demo: number;
  updated_at: string;
  updated_by: string;
}

export interface ObstaclesTable {
  id: string;
  unit_id: string;
  year: number;
  criteria_set_id: string;
  criterion_number: string;
  indicator_code: string | null;
  department_code: string;
  severity: string;
  status: string;
  title: string;
  description: string;
  raised_by: string;
  raised_at: string;
  due_date: string;
  resolution: string | null;
  rejection_reason: string | null;
  closed_by: string | null;
  closed_at: string | null;
  version: number;
  updated_at: string;
  is_demo: number;
}

export interface ObstacleCommentsTable {
  id: Generated<number>;
  obstacle_id: string;
  at: string;
  author: string;
  author_name: string;
  kind: string;
  body: string;
}

export interface ObstacleCommentAttachmentsTable {
  comment_id: number;
  attachment_id: string;
}

export interface MaintenanceAlertsTable {
  id: string;
  unit_id: string;
  year: number;
  criteria_set_id: string;
  recognised_tier: string;
  criterion_number: string;
  indicator_code: string;
  department_code: string;
  kind: string;
  status: string;
  gap_sentence: string | null;
  raised_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  acknowledgement_reason: string | null;
  resolved_at: string | null;
  is_demo: number;
}

export interface MaintenanceSnapshotsTable {
  unit_id: string;
  year: number;
  criteria_set_id: string;
  outcomes_json: string;
}

export interface FollowUpStateTable {
  name: string;
  seq: number;
}

export interface ReminderSettingsTable {
  id: string;
  stale_days: number;
  due_soon_days: number;
  email_digest: number;
  updated_at: string;
  updated_by: string;
}

export interface ReminderDeliveriesTable {
  key: string;
  user_id: string;
  sent_at: string;
}

export interface ReminderRecipientsTable {
  user_id: string;
  email: string;
  last_digest_notification_id: number;
  last_digest_at: string | null;
}
