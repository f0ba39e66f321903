import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  foldDiacritics,
  formatDate,
  formatNumber,
  formatPercent,
  normaliseText,
  parseVietnameseNumber,
} from './vi';

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-1.2)).toBe('-1,2');
  });

  it('rounds to the requested fraction digits', () => {
    expect(formatNumber(1.23456)).toBe('1,23');
    expect(formatNumber(1.5, 0)).toBe('2');
    expect(formatNumber(2.5, 3)).toBe('2,5');
  });
});

describe('formatPercent and formatDate', () => {
  it('formats a stored percentage', () => {
    expect(formatPercent(6.2)).toBe('6,2%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2021-03-12')).toBe('12/03/2021');
    expect(formatDate('2022-08-02T10:00:00Z')).toBe('02/08/2022');
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => formatDate('12/03/2021')).toThrow(RangeError);
  });
});

describe('parseVietnameseNumber', () => {
  it.each([
    ['6,2', 6.2],
    ['6.2', 6.2],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['85%', 85],
    [' 85 % ', 85],
    ['1 234,5', 1234.5],
    ['-3,5', -3.5],
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    ['1,2345', 1.2345],
    ['42', 42],
  ])('reads %j as %d', (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it.each(['1.234', '1,234', '12.345', '999,000'])('refuses to guess on ambiguous %j', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });

  it.each(['', 'abc', '6,2 triệu', '1.23.4', '1.234.5,6', ',5', '6,', '1,2,3.4'])(
    'rejects malformed %j',
    (text) => {
      expect(parseVietnameseNumber(text)).toBeNull();
    },
  );
});

describe('text normalisation and folding', () => {
  it('normalises to NFC, fixes the eth look-alike and collapses spaces', () => {
    const decomposed = 'Ho\u0300a'.normalize('NFD');
    expect(normaliseText(`  \u00D0ồng   ${decomposed} `)).toBe('Đồng Hòa');
  });

  it('folds case, diacritics and đ for search', () => {
    expect(foldDiacritics('Đồng Hòa')).toBe('dong hoa');
    expect(foldDiacritics('\u00D0ỒNG  HÒA')).toBe('dong hoa');
    expect(foldDiacritics('Nghĩa Hưng')).toBe('nghia hung');
  });

  it('sorts in Vietnamese alphabetical order', () => {
    expect(['Đồng', 'Dương', 'Ấp', 'An', 'Bình'].sort(compareVietnamese)).toEqual([
      'An',
      'Ấp',
      'Bình',
      'Dương',
      'Đồng',
    ]);
  });
});
