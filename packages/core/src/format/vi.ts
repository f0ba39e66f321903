const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(maxFractionDigits: number): Intl.NumberFormat {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, format);
  }
  return format;
}

function groupThousands(digits: string): string {
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    out = out === '' ? digits.slice(start, end) : `${digits.slice(start, end)}.${out}`;
  }
  return out;
}

/**
 * Intl formatting costs about a microsecond, and a national evaluation writes millions of
 * gap sentences, so ordinary numbers are formatted here. Rounding is half away from zero on
 * the shortest decimal form, as Intl does (1.005 → "1,01"); anything unusual (exponent
 * notation, more than 15 significant digits) is left to Intl.
 */
function formatPlain(n: number, maxFractionDigits: number): string | null {
  const text = Math.abs(n).toString();
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  let integer = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > maxFractionDigits) {
    const roundUp = fraction.charCodeAt(maxFractionDigits) >= 53; // "5"
    fraction = fraction.slice(0, maxFractionDigits);
    if (roundUp) {
      if (integer.length + fraction.length > 15) return null;
      const scaled = String(Number(integer + fraction) + 1).padStart(integer.length + fraction.length, '0');
      integer = scaled.slice(0, scaled.length - fraction.length) || '0';
      fraction = scaled.slice(scaled.length - fraction.length);
    }
  }
  let fractionEnd = fraction.length;
  while (fractionEnd > 0 && fraction.charCodeAt(fractionEnd - 1) === 48) fractionEnd--;
  fraction = fraction.slice(0, fractionEnd);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${groupThousands(integer)}${fraction ? `,${fraction}` : ''}`;
}

/** vi-VN grouping and decimal comma: 1234.5 → "1.234,5". */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  if (
    Number.isFinite(n) &&
    Number.isInteger(maxFractionDigits) &&
    maxFractionDigits >= 0 &&
    maxFractionDigits <= 20
  ) {
    const plain = formatPlain(n, maxFractionDigits);
    if (plain !== null) return plain;
  }
  return numberFormat(maxFractionDigits).format(n);
}

/** The number is already a percentage (6.2 means 6,2%), as percent values are stored. */
export function formatPercent(n: number): string {
  return `${formatNumber(n)}%`;
}

const isoDatePrefix = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** "2021-03-12" (or a full ISO timestamp) → "12/03/2021". */
export function formatDate(iso: string): string {
  const match = isoDatePrefix.exec(iso);
  if (!match) throw new RangeError(`Không phải ngày ISO yyyy-mm-dd: "${iso}"`);
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

const allowedNumberText = /^[+-]?[\d.,]+$/;
const digitsOnly = /^\d+$/;
const leadingGroup = /^[1-9]\d{0,2}$/;

function isThousandsGrouping(integerPart: string, separator: string): boolean {
  const groups = integerPart.split(separator);
  const [head, ...tail] = groups;
  if (head === undefined || !leadingGroup.test(head)) return false;
  return tail.length > 0 && tail.every((group) => /^\d{3}$/.test(group));
}

/**
 * Reads a number typed the Vietnamese way or the English way, and refuses to guess.
 *
 * Rules, after removing spaces and one trailing "%" (the percentage itself is returned, "85%" → 85):
 * - both "." and "," present: the one that comes last is the decimal mark, the other must
 *   group thousands correctly ("1.234,5" → 1234.5, "1,234.5" → 1234.5);
 * - one kind of mark, several times: thousands grouping ("1.234.567" → 1234567);
 * - one mark once: a decimal mark ("6,2" and "6.2" → 6.2), EXCEPT when it is followed by
 *   exactly three digits after a non-zero integer part of one to three digits: "1.234" is
 *   1234 in Vietnamese and 1.234 in English, so it is ambiguous and returns null;
 * - anything else (letters, misplaced marks, empty text) returns null.
 */
export function parseVietnameseNumber(text: string): number | null {
  let s = text.replace(/\s+/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (!allowedNumberText.test(s)) return null;
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let integerPart: string;
  let fractionPart = '';
  let groupSeparator: string | null = null;

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalIndex = Math.max(lastDot, lastComma);
    groupSeparator = lastDot > lastComma ? ',' : '.';
    integerPart = s.slice(0, decimalIndex);
    fractionPart = s.slice(decimalIndex + 1);
    if (!digitsOnly.test(fractionPart)) return null;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const marks = s.split(mark).length - 1;
    if (marks > 1) {
      groupSeparator = mark;
      integerPart = s;
    } else {
      const [before = '', after = ''] = s.split(mark);
      if (!digitsOnly.test(before) || !digitsOnly.test(after)) return null;
      if (after.length === 3 && leadingGroup.test(before)) return null;
      integerPart = before;
      fractionPart = after;
    }
  } else {
    integerPart = s;
  }

  if (groupSeparator !== null) {
    if (!isThousandsGrouping(integerPart, groupSeparator)) return null;
    integerPart = integerPart.split(groupSeparator).join('');
  }
  if (!digitsOnly.test(integerPart)) return null;
  const value = Number(fractionPart ? `${integerPart}.${fractionPart}` : integerPart);
  return Number.isFinite(value) ? sign * value : null;
}

/**
 * Canonical form for storing and comparing Vietnamese text. Legacy fonts and some keyboards
 * type the Icelandic eth (Ð U+00D0, ð U+00F0) where "Đ"/"đ" is meant; they look identical.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00D0/g, '\u0110')
    .replace(/\u00F0/g, '\u0111')
    .trim()
    .replace(/\s+/g, ' ');
}

const combiningMarks = /\p{M}/gu;

/** Search key: "Đồng Hòa" → "dong hoa". */
export function foldDiacritics(s: string): string {
  return normaliseText(s).toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(combiningMarks, '');
}

export const viCollator = new Intl.Collator('vi');

export function compareVietnamese(a: string, b: string): number {
  return viCollator.compare(a, b);
}
