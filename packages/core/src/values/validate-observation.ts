import type { Measure } from '../catalog/schema';
import type { ObservedValue } from './value';

/**
 * Checks one observation against its measure. Returns a Vietnamese reason, or null when
 * the value is acceptable. Nothing is coerced here: parsing what people type is the
 * importer's job, so a wrong type is an error, never a guess.
 */
export function checkObservation(measure: Measure, value: ObservedValue): string | null {
  switch (measure.valueType) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'phải là Đạt/Không đạt (true/false)';
    case 'level': {
      if (typeof value !== 'string') return 'phải là một mức (chuỗi)';
      const levels = measure.levels ?? [];
      return levels.includes(value) ? null : `phải là một trong các mức: ${levels.join(', ')}`;
    }
    case 'number':
    case 'percent': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'phải là số';
      const min = measure.min ?? (measure.valueType === 'percent' ? 0 : undefined);
      const max = measure.max ?? (measure.valueType === 'percent' ? 100 : undefined);
      if (min !== undefined && value < min) return `phải từ ${formatBound(min)} trở lên`;
      if (max !== undefined && value > max) return `phải không quá ${formatBound(max)}`;
      return null;
    }
  }
}

function formatBound(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
}
