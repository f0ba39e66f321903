import type { Measure } from '../catalog/schema';
import { foldDiacritics, formatDate, formatNumber, normaliseText, parseVietnameseNumber } from '../format/vi';
import type { ObservedValue } from './value';

/**
 * What one spreadsheet cell holds, independent of the file format. `percentFormat` is set
 * when the cell is formatted as a percentage: Excel turns a typed "85%" into 0.85.
 */
export type CellEntry =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; iso: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

/** `value: null` is a blank cell: nothing was entered, which is not an error. */
export type EntryResult = { ok: true; value: ObservedValue | null } | { ok: false; reason: string };

export type EntryMeasure = Pick<Measure, 'valueType' | 'levels'>;

const trueWords = new Set(['dat', 'co', 'x', '1', 'true']);
const falseWords = new Set(['khong dat', 'chua dat', 'khong', '0', 'false']);

/** One to three digits, one mark, three digits: "1.234" is 1234 in Vietnamese and 1.234 in English. */
const ambiguousGrouping = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

const fail = (reason: string): EntryResult => ({ ok: false, reason });
const ok = (value: ObservedValue | null): EntryResult => ({ ok: true, value });

/** Excel stores 85% as 0.85; scaling back must not turn it into 85.00000000000001. */
function fromPercentFormat(value: number): number {
  return Number((value * 100).toPrecision(12));
}

function parseBoolean(entry: CellEntry): EntryResult {
  switch (entry.kind) {
    case 'boolean':
      return ok(entry.value);
    case 'number':
      if (entry.value === 1) return ok(true);
      if (entry.value === 0) return ok(false);
      return fail('phải là "Đạt" hoặc "Không đạt" (hoặc x, 1, 0)');
    case 'text': {
      const word = foldDiacritics(entry.text);
      if (trueWords.has(word)) return ok(true);
      if (falseWords.has(word)) return ok(false);
      return fail('phải là "Đạt" hoặc "Không đạt" (hoặc x, 1, 0)');
    }
    default:
      return fail('phải là "Đạt" hoặc "Không đạt"');
  }
}

function parseNumber(measure: EntryMeasure, entry: CellEntry): EntryResult {
  const percent = measure.valueType === 'percent';
  if (entry.kind === 'number') {
    if (!Number.isFinite(entry.value)) return fail('không phải là số');
    if (!entry.percentFormat) return ok(entry.value);
    return percent
      ? ok(fromPercentFormat(entry.value))
      : fail('ô được định dạng phần trăm nhưng chỉ tiêu này không phải là tỷ lệ %');
  }
  if (entry.kind !== 'text') return fail('phải là số');
  const text = entry.text.replace(/\s+/g, '');
  if (text.includes('%') && !percent) return fail('có dấu % nhưng chỉ tiêu này không phải là tỷ lệ %');
  const value = parseVietnameseNumber(text);
  if (value !== null) return ok(value);
  if (ambiguousGrouping.test(text.replace(/%$/, ''))) {
    return fail(
      'không rõ dấu chấm/phẩy là phần thập phân hay phân cách hàng nghìn; hãy viết rõ, ví dụ 1234 hoặc 1,234',
    );
  }
  return fail('không phải là số');
}

function parseLevel(measure: EntryMeasure, entry: CellEntry): EntryResult {
  const levels = measure.levels ?? [];
  if (entry.kind !== 'text') return fail(`phải là một trong các mức: ${levels.join(', ')}`);
  const wanted = foldDiacritics(entry.text);
  const match = levels.find((level) => foldDiacritics(level) === wanted);
  return match === undefined ? fail(`phải là một trong các mức: ${levels.join(', ')}`) : ok(match);
}

/**
 * Reads what people actually type into a cell for a measure: "6,2", "6.2", "85%", "Đạt",
 * "Không đạt", "x", stray spaces, the look-alike "Ð". Anything that could mean two things
 * ("1.234"), a formula, an error or a cell Excel turned into a date is refused with a
 * Vietnamese reason. Ranges are not checked here (see `checkObservation`).
 */
export function parseEntry(measure: EntryMeasure, entry: CellEntry): EntryResult {
  if (entry.kind === 'empty') return ok(null);
  if (entry.kind === 'text') {
    const text = normaliseText(entry.text);
    if (text === '') return ok(null);
    entry = { kind: 'text', text };
  }
  if (entry.kind === 'formula') {
    return fail(`ô chứa công thức (=${entry.formula}); hãy dán giá trị thay cho công thức`);
  }
  if (entry.kind === 'error') return fail(`ô đang báo lỗi ${entry.error}`);
  if (entry.kind === 'date') {
    return fail(
      `Excel đã hiểu giá trị thành ngày ${formatDate(entry.iso)}; hãy định dạng ô là Số hoặc Văn bản rồi nhập lại`,
    );
  }
  switch (measure.valueType) {
    case 'boolean':
      return parseBoolean(entry);
    case 'number':
    case 'percent':
      return parseNumber(measure, entry);
    case 'level':
      return parseLevel(measure, entry);
  }
}

/** The text of a cell that names something (a unit or indicator code, a year), or null when it cannot. */
export function entryText(entry: CellEntry): string | null {
  switch (entry.kind) {
    case 'text': {
      const text = normaliseText(entry.text);
      return text === '' ? null : text;
    }
    case 'number':
      return entry.percentFormat ? null : String(entry.value);
    default:
      return null;
  }
}

/** How a cell is shown back to the user in an error report: as they typed it, as far as the file tells. */
export function describeEntry(entry: CellEntry): string {
  switch (entry.kind) {
    case 'empty':
      return '';
    case 'text':
      return entry.text;
    case 'number':
      return entry.percentFormat
        ? `${formatNumber(fromPercentFormat(entry.value), 10)}%`
        : formatNumber(entry.value, 10);
    case 'boolean':
      return entry.value ? 'TRUE' : 'FALSE';
    case 'date':
      return formatDate(entry.iso);
    case 'formula':
      return `=${entry.formula}`;
    case 'error':
      return entry.error;
  }
}
