import type { Department, Measure } from './schema';

export interface ReferenceProblem {
  code:
    | 'duplicate_measure'
    | 'measure_bounds_invalid'
    | 'measure_levels_missing'
    | 'rollup_unknown_measure'
    | 'duplicate_department'
    | 'department_successor_unknown'
    | 'department_period_invalid';
  /** Measure or department code. */
  subject: string;
  message: string;
}

/** Checks the measure catalog on its own: what every set relies on. */
export function validateMeasures(measures: readonly Measure[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const byCode = new Map<string, Measure>();
  for (const m of measures) {
    if (byCode.has(m.code)) {
      problems.push({
        code: 'duplicate_measure',
        subject: m.code,
        message: `Số liệu "${m.code}" bị khai báo trùng.`,
      });
    }
    byCode.set(m.code, m);
  }
  for (const m of measures) {
    if (m.min !== undefined && m.max !== undefined && m.min > m.max) {
      problems.push({
        code: 'measure_bounds_invalid',
        subject: m.code,
        message: `Số liệu "${m.code}": giá trị nhỏ nhất lớn hơn giá trị lớn nhất.`,
      });
    }
    if (m.valueType === 'percent' && (m.min === undefined || m.max === undefined)) {
      problems.push({
        code: 'measure_bounds_invalid',
        subject: m.code,
        message: `Số liệu "${m.code}": tỷ lệ % phải có giới hạn dưới và trên.`,
      });
    }
    if (m.valueType === 'level' && (m.levels?.length ?? 0) < 2) {
      problems.push({
        code: 'measure_levels_missing',
        subject: m.code,
        message: `Số liệu "${m.code}": số liệu theo mức phải liệt kê ít nhất hai mức.`,
      });
    }
    if (m.rollup.kind === 'share_true') {
      const source = byCode.get(m.rollup.ofMeasure);
      if (source?.valueType !== 'boolean') {
        problems.push({
          code: 'rollup_unknown_measure',
          subject: m.code,
          message: `Số liệu "${m.code}": tỷ lệ được tính từ "${m.rollup.ofMeasure}", nhưng đó không phải số liệu có/không trong danh mục.`,
        });
      }
    }
  }
  return problems;
}

/** Checks the department catalog: merged departments must hand over to a known successor. */
export function validateDepartments(departments: readonly Department[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const codes = new Set<string>();
  for (const d of departments) {
    if (codes.has(d.code)) {
      problems.push({
        code: 'duplicate_department',
        subject: d.code,
        message: `Sở "${d.code}" bị khai báo trùng.`,
      });
    }
    codes.add(d.code);
  }
  for (const d of departments) {
    if (d.successor !== undefined && !codes.has(d.successor)) {
      problems.push({
        code: 'department_successor_unknown',
        subject: d.code,
        message: `${d.name}: sở kế thừa "${d.successor}" không có trong danh mục.`,
      });
    }
    if (d.validFrom !== undefined && d.validTo !== undefined && d.validFrom > d.validTo) {
      problems.push({
        code: 'department_period_invalid',
        subject: d.code,
        message: `${d.name}: ngày bắt đầu sau ngày kết thúc.`,
      });
    }
  }
  return problems;
}
