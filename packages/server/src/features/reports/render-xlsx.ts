import ExcelJS from 'exceljs';
import { dateLine, longDate, type ReportCell, type ReportDocument } from './report-document';

const numberFormats = { integer: '#,##0', decimal: '#,##0.0#', percent: '0.0"%"' } as const;

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2F0D9' } };

function setCell(cell: ExcelJS.Cell, value: ReportCell): void {
  if (value === null || typeof value === 'string') {
    // A string is always written as a shared string, never as a formula, even when it starts with "=".
    cell.value = value;
  } else if ('text' in value) {
    cell.value = value.text;
    cell.font = { bold: true };
  } else if ('date' in value) {
    // Excel has no time zones: the wall-clock reading in Vietnam is written as if it were UTC.
    const withTime = value.date.length > 10;
    cell.value = new Date(withTime ? `${value.date}:00Z` : `${value.date}T00:00:00Z`);
    cell.numFmt = withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
  } else {
    cell.value = value.number;
    cell.numFmt = numberFormats[value.format];
  }
}

/**
 * The report as one worksheet, printable on A4 (page numbers in the footer, the area and date
 * in the header), with numbers stored as numbers.
 */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Monitor';
  workbook.title = doc.title;
  const sheet = workbook.addWorksheet('Báo cáo', {
    pageSetup: {
      paperSize: 9,
      orientation: doc.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${doc.unitName.replace(/&/g, '&&')}&R${dateLine(doc)}`,
      oddFooter: '&CTrang &P/&N',
    },
  });
  const width = Math.max(...doc.tables.map((t) => t.columns.length), 2);
  const widths = Array.from({ length: width }, (_, i) =>
    Math.max(...doc.tables.map((t) => t.columns[i]?.width ?? 0), 8),
  );
  sheet.columns = widths.map((w) => ({ width: w }));

  sheet.addRow([doc.issuer]).font = { bold: true };
  const title = sheet.addRow([doc.title]);
  title.font = { bold: true, size: 14 };
  for (const line of doc.subtitle) sheet.addRow([line]).font = { italic: true };
  sheet.addRow([dateLine(doc)]);

  for (const table of doc.tables) {
    sheet.addRow([]);
    if (table.title) sheet.addRow([table.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = headerFill;
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    });
    for (const cells of table.rows) {
      const row = sheet.addRow([]);
      cells.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        setCell(cell, value);
        cell.border = border;
        cell.alignment = {
          wrapText: true,
          vertical: 'top',
          horizontal:
            table.columns[i]?.align ??
            (typeof value === 'object' && value !== null && 'number' in value ? 'right' : 'left'),
        };
      });
    }
  }
  if (doc.notes.length > 0) {
    sheet.addRow([]);
    for (const note of doc.notes) sheet.addRow([note]).font = { italic: true };
  }
  if (doc.signatures) {
    sheet.addRow([]);
    const right = Math.max(width - 1, 2);
    const place = sheet.addRow([]);
    place.getCell(right).value = `......, ${longDate(doc.date)}`;
    place.getCell(right).font = { italic: true };
    const roles = sheet.addRow([]);
    roles.getCell(1).value = 'NGƯỜI LẬP BIỂU';
    roles.getCell(right).value = 'THỦ TRƯỞNG ĐƠN VỊ';
    roles.font = { bold: true };
    const hints = sheet.addRow([]);
    hints.getCell(1).value = '(Ký, ghi rõ họ tên)';
    hints.getCell(right).value = '(Ký, ghi rõ họ tên, đóng dấu)';
    hints.font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
