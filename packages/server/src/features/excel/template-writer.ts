import { PassThrough } from 'node:stream';
import { formatDate, type ObservedValue, type UnitLevel } from '@ntm/core';
import ExcelJS from 'exceljs';
import { vietnamDate } from '../reports/report-document';
import {
  BOOLEAN_CHOICES,
  columnLetter,
  DATA_SHEET,
  GUIDE_SHEET,
  IDENTITY_CELLS,
  TEMPLATE_COLUMNS,
  TEMPLATE_MARKER,
  TEMPLATE_ROWS,
  TEMPLATE_VERSION,
  type TemplateColumn,
  type TemplateContent,
} from './template-layout';

const levelNames: Record<UnitLevel, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  village: 'thôn, bản',
};

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2F0D9' } };
const lockedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 10 },
  fill: headerFill,
  border,
  alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
  protection: { locked: true },
};

function cellValue(column: TemplateColumn, value: ObservedValue | undefined): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? BOOLEAN_CHOICES[0] : BOOLEAN_CHOICES[1];
  if (column.measure.valueType === 'level') return String(value);
  return value;
}

function validationFor(column: TemplateColumn): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    promptTitle: `Chỉ tiêu ${column.indicator.code}`.slice(0, 32),
  };
  const measure = column.measure;
  switch (measure.valueType) {
    case 'boolean':
      return {
        ...common,
        type: 'list',
        formulae: [`"${BOOLEAN_CHOICES.join(',')}"`],
        error: 'Chọn "Đạt" hoặc "Không đạt".',
        prompt: 'Chọn "Đạt" hoặc "Không đạt" (x cũng được hiểu là Đạt).',
      };
    case 'level':
      return {
        ...common,
        type: 'list',
        formulae: [`"${(measure.levels ?? []).join(',')}"`],
        error: 'Chọn một mức trong danh sách.',
        prompt: 'Chọn một mức trong danh sách.',
      };
    case 'percent': {
      const min = measure.min ?? 0;
      const max = measure.max ?? 100;
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [min, max],
        error: `Nhập tỷ lệ % là số từ ${min} đến ${max}, ví dụ 85 hoặc 85,5.`,
        prompt: `Tỷ lệ %: số từ ${min} đến ${max}, ví dụ 85 hoặc 85,5.`,
      };
    }
    case 'number': {
      const min = measure.min ?? -1e12;
      const max = measure.max ?? 1e12;
      const range =
        measure.min !== undefined && measure.max !== undefined
          ? `từ ${measure.min} đến ${measure.max}`
          : measure.min !== undefined
            ? `từ ${measure.min} trở lên`
            : 'bất kỳ';
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [min, max],
        error: `Nhập một số ${range}${measure.unit ? ` (${measure.unit})` : ''}.`.slice(0, 225),
        prompt: `Số ${range}${measure.unit ? `, đơn vị ${measure.unit}` : ''}.`.slice(0, 250),
      };
    }
  }
}

/** ExcelJS supports range validations (one rule per column) but its typings omit `dataValidations`. */
function rangeValidations(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof rangeValidations> }).dataValidations;
}

function unitLabel(column: TemplateColumn): string {
  switch (column.measure.valueType) {
    case 'boolean':
      return 'Đạt / Không đạt';
    case 'level':
      return 'Mức';
    case 'percent':
      return '%';
    case 'number':
      return column.indicator.unit || column.measure.unit || 'Số';
  }
}

function guideLines(content: TemplateContent): [string, string][] {
  const set = content.set;
  const level = levelNames[set.level];
  const lastRow = TEMPLATE_ROWS.firstData + content.rows.length - 1;
  const info: [string, string][] = [
    ['Bộ tiêu chí', `${set.name} (${set.shortName})`],
    [
      'Căn cứ',
      `${set.legalBasis.number} ngày ${formatDate(set.legalBasis.date)} của ${set.legalBasis.issuer}`,
    ],
    ['Năm số liệu', String(content.year)],
    ['Địa bàn', `${content.scope.name} (mã ${content.scope.code})`],
    ['Số đơn vị', `${content.rows.length} ${level} (dòng ${TEMPLATE_ROWS.firstData}–${lastRow})`],
    ['Ngày xuất mẫu', formatDate(vietnamDate(new Date(content.exportedAt)))],
    ['Phiên bản mẫu', String(TEMPLATE_VERSION)],
  ];
  if (content.isDemo) {
    info.push(['Lưu ý', 'Dữ liệu demo (minh họa), không phải số liệu chính thức.']);
  }
  const steps = [
    `Mỗi dòng của trang "${DATA_SHEET}" là một ${level}; mỗi cột là một chỉ tiêu. Các dòng ${TEMPLATE_ROWS.criterion}–${TEMPLATE_ROWS.threshold} ghi tiêu chí, mã và tên chỉ tiêu, đơn vị tính và ngưỡng đạt áp dụng cho địa bàn.`,
    `Chỉ nhập vào các ô trắng từ dòng ${TEMPLATE_ROWS.firstData}. Mã, tên đơn vị và các dòng tiêu đề đã được khóa. Không thêm, xóa, gộp (merge) hay đổi thứ tự cột và dòng tiêu đề; không đổi tên trang.`,
    'Chỉ tiêu Có/Không: chọn "Đạt" hoặc "Không đạt" trong danh sách (gõ x cũng được hiểu là Đạt).',
    'Tỷ lệ %: nhập số từ 0 đến 100, ví dụ 85 hoặc 85,5 (gõ 85% cũng được).',
    'Số thập phân: dùng dấu phẩy (6,2) hoặc dấu chấm (6.2). Số có dạng 1.234 hoặc 1,234 bị từ chối vì không rõ là một nghìn hai trăm ba mươi tư hay một phẩy hai ba bốn: hãy viết 1234 hoặc 1,234 kèm thêm chữ số (1,2340).',
    'Không dùng công thức. Nếu đã tính bằng công thức, hãy sao chép rồi Dán đặc biệt → Giá trị.',
    'Ô để trống: giữ nguyên số liệu đang có trong hệ thống (không xóa). Muốn xóa một giá trị, dùng màn hình nhập liệu.',
    `Số liệu điền sẵn là số liệu của hệ thống ngày ${formatDate(vietnamDate(new Date(content.exportedAt)))}.`,
    'Khi tải tệp lên, hệ thống kiểm tra toàn bộ tệp và liệt kê từng lỗi (trang, dòng, cột, giá trị, lý do). Không có gì được ghi cho đến khi cả tệp hợp lệ, trừ khi bạn chọn chỉ nhập các dòng hợp lệ (việc này được ghi lại).',
    'Trước khi ghi, bạn xem trước các thay đổi: giá trị mới, giá trị thay đổi (cũ → mới), giá trị không đổi. Mỗi lần nhập được lưu vết và có thể hoàn tác toàn bộ.',
    'Không đặt mật khẩu cho tệp; dung lượng tối đa 20 MB.',
  ];
  return [...info, ['', ''], ['Cách nhập', ''], ...steps.map((s, i): [string, string] => [`${i + 1}.`, s])];
}

function writeGuide(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: TemplateContent): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET, { properties: { tabColor: { argb: 'FF1F7A4D' } } });
  sheet.columns = [{ width: 18 }, { width: 110 }];
  const title = sheet.addRow(['HƯỚNG DẪN NHẬP SỐ LIỆU NÔNG THÔN MỚI']);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([]).commit();
  for (const [label, text] of guideLines(content)) {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
}

async function writeDataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  content: TemplateContent,
): Promise<void> {
  const { set, columns } = content;
  const sheet = workbook.addWorksheet(DATA_SHEET, {
    views: [
      {
        state: 'frozen',
        xSplit: TEMPLATE_COLUMNS.firstIndicator - 1,
        ySplit: TEMPLATE_ROWS.firstData - 1,
      },
    ],
  });
  const unlocked: Partial<ExcelJS.Style> = { protection: { locked: false } };
  sheet.columns = [
    { width: 12 },
    { width: 28 },
    { width: 24 },
    ...columns.map(() => ({ width: 16, style: unlocked })),
  ];

  const identity = sheet.getRow(TEMPLATE_ROWS.identity);
  identity.getCell(IDENTITY_CELLS.marker).value = TEMPLATE_MARKER;
  identity.getCell(IDENTITY_CELLS.version).value = TEMPLATE_VERSION;
  identity.getCell(IDENTITY_CELLS.setId).value = set.id;
  identity.getCell(IDENTITY_CELLS.setVersion).value = set.version;
  identity.getCell(IDENTITY_CELLS.year).value = content.year;
  identity.getCell(IDENTITY_CELLS.scopeUnitId).value = content.scope.id;
  identity.eachCell((cell) => {
    cell.protection = { locked: true };
  });
  identity.hidden = true;
  identity.commit();

  const title = sheet.getRow(TEMPLATE_ROWS.title);
  const heading = `BIỂU NHẬP SỐ LIỆU NĂM ${content.year} — ${content.scope.name} — ${set.shortName}`;
  title.getCell(1).value =
    content.isDemo && !/demo/i.test(heading) ? `${heading} (dữ liệu demo, minh họa)` : heading;
  title.getCell(1).font = { bold: true, size: 13 };
  title.getCell(1).protection = { locked: true };
  title.height = 22;
  title.commit();

  const headers: [number, string[], string[]][] = [
    [
      TEMPLATE_ROWS.criterion,
      ['Mã đơn vị', 'Tên đơn vị', 'Thuộc'],
      columns.map((c) => `TC ${c.criterionNumber}. ${c.criterionName}`),
    ],
    [TEMPLATE_ROWS.indicatorCode, ['', '', 'Mã chỉ tiêu →'], columns.map((c) => c.indicator.code)],
    [TEMPLATE_ROWS.indicatorName, ['', '', 'Tên chỉ tiêu →'], columns.map((c) => c.indicator.name)],
    [TEMPLATE_ROWS.unit, ['', '', 'Đơn vị tính →'], columns.map(unitLabel)],
    [TEMPLATE_ROWS.threshold, ['', '', 'Ngưỡng đạt →'], columns.map((c) => c.threshold)],
  ];
  for (const [rowNumber, fixed, perColumn] of headers) {
    const row = sheet.getRow(rowNumber);
    [...fixed, ...perColumn].forEach((text, i) => {
      const cell = row.getCell(i + 1);
      cell.value = text;
      cell.style = headerStyle;
    });
    if (rowNumber === TEMPLATE_ROWS.indicatorName) row.height = 75;
    if (rowNumber === TEMPLATE_ROWS.criterion) row.height = 30;
    row.commit();
  }

  const lockedStyle: Partial<ExcelJS.Style> = { fill: lockedFill, border, protection: { locked: true } };
  const dataStyle: Partial<ExcelJS.Style> = { border, protection: { locked: false } };
  content.rows.forEach((entry, index) => {
    const row = sheet.getRow(TEMPLATE_ROWS.firstData + index);
    const fixed = [entry.unit.code, entry.unit.name, entry.parentName];
    fixed.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      cell.value = text;
      cell.style = lockedStyle;
    });
    columns.forEach((column, i) => {
      const cell = row.getCell(TEMPLATE_COLUMNS.firstIndicator + i);
      cell.value = cellValue(column, entry.values.get(column.measure.code));
      cell.style = dataStyle;
    });
    row.commit();
  });

  if (content.rows.length > 0) {
    const validations = rangeValidations(sheet);
    const last = TEMPLATE_ROWS.firstData + content.rows.length - 1;
    columns.forEach((column, i) => {
      const letter = columnLetter(TEMPLATE_COLUMNS.firstIndicator + i);
      validations.add(`${letter}${TEMPLATE_ROWS.firstData}:${letter}${last}`, validationFor(column));
    });
  }
  // No password: the protection keeps codes and headers from being changed by accident; it is not a secret.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  sheet.commit();
}

/**
 * Writes the template with ExcelJS's streaming writer, so a national file (10,000+ rows)
 * never exists as a tree of cell objects: each row is serialised as soon as it is complete.
 */
export async function writeTemplate(content: TemplateContent): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'NTM Monitor';
  workbook.title = `Biểu nhập số liệu ${content.set.shortName} năm ${content.year}`;
  workbook.created = new Date(content.exportedAt);
  await writeDataSheet(workbook, content);
  writeGuide(workbook, content);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
