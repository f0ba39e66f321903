import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { cellText, dateLine, longDate, type ReportCell, type ReportDocument } from './report-document';

const require = createRequire(import.meta.url);
const fontsDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

// Roboto ships with pdfmake and covers every Vietnamese letter. Documents are built here from
// our own data, so pdfmake never needs to fetch a URL or read any file but its fonts.
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontsDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontsDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontsDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontsDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir + path.sep));

function tableCell(cell: ReportCell, align: 'left' | 'center' | 'right' | undefined): TableCell {
  const numeric = typeof cell === 'object' && cell !== null && 'number' in cell;
  return {
    text: cellText(cell),
    bold: typeof cell === 'object' && cell !== null && 'bold' in cell,
    alignment: align ?? (numeric ? 'right' : 'left'),
  };
}

function tables(doc: ReportDocument): Content[] {
  return doc.tables.flatMap((table): Content[] => {
    const total = table.columns.reduce((sum, c) => sum + c.width, 0);
    return [
      ...(table.title ? [{ text: table.title, style: 'tableTitle' } as Content] : []),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: table.columns.map((c) => `${((100 * c.width) / total).toFixed(2)}%`),
          body: [
            table.columns.map((c) => ({ text: c.header, style: 'tableHeader' })),
            ...table.rows.map((row) => row.map((cell, i) => tableCell(cell, table.columns[i]?.align))),
          ],
        },
        layout: {
          fillColor: (rowIndex: number) => (rowIndex === 0 ? '#E2F0D9' : null),
          hLineColor: () => '#999999',
          vLineColor: () => '#999999',
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
        },
        fontSize: 8.5,
        margin: [0, 0, 0, 12],
      },
    ];
  });
}

function signatureBlock(doc: ReportDocument): Content {
  return {
    columns: [
      {
        stack: [
          { text: ' ' },
          { text: 'NGƯỜI LẬP BIỂU', bold: true },
          { text: '(Ký, ghi rõ họ tên)', italics: true },
        ],
      },
      {
        stack: [
          { text: `......, ${longDate(doc.date)}`, italics: true },
          { text: 'THỦ TRƯỞNG ĐƠN VỊ', bold: true },
          { text: '(Ký, ghi rõ họ tên, đóng dấu)', italics: true },
        ],
      },
    ],
    columnGap: 20,
    alignment: 'center',
    margin: [0, 24, 0, 0],
    unbreakable: true,
  };
}

/**
 * A4 PDF with the area and date in every page header, "Trang x/y" in the footer, the national
 * heading, the tables, the notes and the signature block.
 */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: doc.orientation,
    pageMargins: [36, 54, 36, 48],
    info: { title: doc.title, creator: 'NTM Monitor', producer: 'NTM Monitor' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    header: () => ({
      columns: [
        { text: doc.unitName, alignment: 'left' },
        { text: dateLine(doc), alignment: 'right' },
      ],
      margin: [36, 24, 36, 0],
      fontSize: 8,
      color: '#555555',
    }),
    footer: (currentPage: number, pageCount: number) => ({
      text: `Trang ${currentPage}/${pageCount}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
    content: [
      {
        columns: [
          { text: doc.issuer, bold: true, alignment: 'center', width: '40%' },
          {
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
              { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
            ],
            alignment: 'center',
            width: '60%',
          },
        ],
        fontSize: 9.5,
        margin: [0, 0, 0, 16],
      },
      { text: doc.title, style: 'title' },
      ...doc.subtitle.map((line): Content => ({ text: line, style: 'subtitle' })),
      { text: ' ', margin: [0, 0, 0, 6] },
      ...tables(doc),
      ...doc.notes.map(
        (note): Content => ({ text: note, italics: true, fontSize: 8.5, margin: [0, 0, 0, 3] }),
      ),
      ...(doc.signatures ? [signatureBlock(doc)] : []),
    ],
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, italics: true, alignment: 'center' },
      tableTitle: { fontSize: 10.5, bold: true, margin: [0, 4, 0, 4] },
      tableHeader: { bold: true, alignment: 'center' },
    },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
