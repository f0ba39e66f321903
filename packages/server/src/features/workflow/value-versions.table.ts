/** Every state a measure value has been in: one row per version, written by the change that made it. */
export interface MeasureValueVersionsTable {
  unit_id: string;
  year: number;
  measure_code: string;
  version: number;
  value_json: string;
  source: string | null;
  status: string;
  action: string;
  actor: string;
  at: string;
  reason: string | null;
}
