import { describe, expect, it } from 'vitest';
import { type CellEntry, describeEntry, entryText, parseEntry } from './parse-entry';

const text = (t: string): CellEntry => ({ kind: 'text', text: t });
const num = (value: number, percentFormat = false): CellEntry => ({ kind: 'number', value, percentFormat });
const boolean = { valueType: 'boolean' } as const;
const percent = { valueType: 'percent' } as const;
const number = { valueType: 'number' } as const;
const level = { valueType: 'level' as const, levels: ['Yếu', 'Trung bình', 'Khá', 'Tốt'] };

describe('parseEntry: yes/no', () => {
  it.each([
    ['Đạt', true],
    ['đạt', true],
    [' Ðạt ', true],
    ['Dat', true],
    ['x', true],
    ['X', true],
    ['Có', true],
    ['Không đạt', false],
    ['Không  đạt', false],
    ['KHÔNG ĐẠT', false],
    ['Chưa đạt', false],
    ['Không', false],
  ])('reads %j as %s', (typed, expected) => {
    expect(parseEntry(boolean, text(typed))).toEqual({ ok: true, value: expected });
  });

  it('reads Excel booleans and 1/0', () => {
    expect(parseEntry(boolean, { kind: 'boolean', value: false })).toEqual({ ok: true, value: false });
    expect(parseEntry(boolean, num(1))).toEqual({ ok: true, value: true });
    expect(parseEntry(boolean, num(0))).toEqual({ ok: true, value: false });
  });

  it.each(['-', 'đạt?', 'gần đạt', 'v'])('refuses %j', (typed) => {
    const result = parseEntry(boolean, text(typed));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('Đạt');
  });

  it('refuses other numbers', () => {
    expect(parseEntry(boolean, num(2)).ok).toBe(false);
  });
});

describe('parseEntry: numbers and percentages', () => {
  it.each([
    ['6,2', 6.2],
    ['6.2', 6.2],
    [' 6,2 ', 6.2],
    ['85%', 85],
    ['85 %', 85],
    ['99,5%', 99.5],
    ['1.234,5', 1234.5],
    ['0', 0],
  ])('reads %j for a percentage as %d', (typed, expected) => {
    expect(parseEntry(percent, text(typed))).toEqual({ ok: true, value: expected });
  });

  it('scales a cell Excel formatted as a percentage back to the stored percentage', () => {
    expect(parseEntry(percent, num(0.85, true))).toEqual({ ok: true, value: 85 });
    expect(parseEntry(percent, num(0.062, true))).toEqual({ ok: true, value: 6.2 });
    expect(parseEntry(percent, num(85))).toEqual({ ok: true, value: 85 });
  });

  it('refuses a percentage where the indicator is not a rate', () => {
    expect(parseEntry(number, text('45%')).ok).toBe(false);
    expect(parseEntry(number, num(0.45, true)).ok).toBe(false);
  });

  it('refuses what could mean two numbers', () => {
    const result = parseEntry(number, text('1.234'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('không rõ') });
    expect(parseEntry(number, text('1,234')).ok).toBe(false);
    expect(parseEntry(number, text('1.234,0'))).toEqual({ ok: true, value: 1234 });
  });

  it.each(['năm mươi', '6,2,3', '1..2', 'x'])('refuses %j as not a number', (typed) => {
    expect(parseEntry(number, text(typed))).toEqual({ ok: false, reason: 'không phải là số' });
  });
});

describe('parseEntry: levels', () => {
  it('matches a level whatever the case or diacritics typed', () => {
    expect(parseEntry(level, text('khá'))).toEqual({ ok: true, value: 'Khá' });
    expect(parseEntry(level, text('TRUNG BINH'))).toEqual({ ok: true, value: 'Trung bình' });
    expect(parseEntry(level, text('Xuất sắc')).ok).toBe(false);
  });
});

describe('parseEntry: cells that are never values', () => {
  it('treats blank cells as nothing entered', () => {
    expect(parseEntry(number, { kind: 'empty' })).toEqual({ ok: true, value: null });
    expect(parseEntry(number, text('   '))).toEqual({ ok: true, value: null });
  });

  it('refuses formulas, errors and dates with a reason that says what to do', () => {
    const formula = parseEntry(number, { kind: 'formula', formula: 'B2*2' });
    expect(formula).toEqual({ ok: false, reason: expect.stringContaining('công thức (=B2*2)') });
    expect(parseEntry(number, { kind: 'error', error: '#N/A' })).toEqual({
      ok: false,
      reason: 'ô đang báo lỗi #N/A',
    });
    const date = parseEntry(percent, { kind: 'date', iso: '2021-02-06' });
    expect(date).toEqual({ ok: false, reason: expect.stringContaining('06/02/2021') });
  });
});

describe('entryText and describeEntry', () => {
  it('reads codes typed as text or stored as numbers', () => {
    expect(entryText(text(' 99101 '))).toBe('99101');
    expect(entryText(num(2021))).toBe('2021');
    expect(entryText({ kind: 'empty' })).toBeNull();
    expect(entryText({ kind: 'formula', formula: 'A1' })).toBeNull();
  });

  it('shows a cell as the user sees it', () => {
    expect(describeEntry(num(1234.5))).toBe('1.234,5');
    expect(describeEntry(num(0.85, true))).toBe('85%');
    expect(describeEntry({ kind: 'formula', formula: 'SUM(A1:A3)' })).toBe('=SUM(A1:A3)');
  });
});
