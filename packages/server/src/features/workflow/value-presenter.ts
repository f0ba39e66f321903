import type { ObservedValue } from '@ntm/core';
import type { ValueRow } from './workflow.repository';

/** A stored value as a conflict answer shows it: what is there now and at which version. */
export function presentCurrentValue(row: ValueRow) {
  return {
    unitId: row.unit_id,
    year: row.year,
    measure: row.measure_code,
    value: JSON.parse(row.value_json) as ObservedValue,
    source: row.source,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
