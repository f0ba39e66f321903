import type { CriteriaSet, Indicator, Measure, ObservedValue, Unit } from '@ntm/core';

/**
 * Where everything sits in the data-entry template. Row 1 is hidden and identifies the file
 * (marker, layout version, criteria set and its version, year, area), so that the importer
 * knows what it reads from the first row it streams, whatever the order of the sheets.
 */
export const TEMPLATE_MARKER = 'NTM-MAU-NHAP-LIEU';
/** Raise when the layout changes; older files are then refused with a clear message. */
export const TEMPLATE_VERSION = 1;

export const DATA_SHEET = 'Số liệu';
export const GUIDE_SHEET = 'Hướng dẫn';

export const TEMPLATE_ROWS = {
  identity: 1,
  title: 2,
  criterion: 3,
  indicatorCode: 4,
  indicatorName: 5,
  unit: 6,
  threshold: 7,
  firstData: 8,
} as const;

export const TEMPLATE_COLUMNS = { unitCode: 1, unitName: 2, parentName: 3, firstIndicator: 4 } as const;

/** Cells of the identity row, by column (1-based). */
export const IDENTITY_CELLS = {
  marker: 1,
  version: 2,
  setId: 3,
  setVersion: 4,
  year: 5,
  scopeUnitId: 6,
} as const;

export const BOOLEAN_CHOICES = ['Đạt', 'Không đạt'] as const;

export interface TemplateColumn {
  criterionNumber: string;
  criterionName: string;
  indicator: Indicator;
  measure: Measure;
  /** "≥ 70%", or one threshold per region/group when the area spans several. */
  threshold: string;
}

export interface TemplateRow {
  unit: Unit;
  parentName: string;
  values: ReadonlyMap<string, ObservedValue>;
}

export interface TemplateContent {
  set: CriteriaSet;
  year: number;
  scope: Unit;
  columns: readonly TemplateColumn[];
  rows: readonly TemplateRow[];
  /** ISO timestamp of the export; the guide says the pre-filled values are as of then. */
  exportedAt: string;
  isDemo: boolean;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
