import type { TableColumnType } from '@ntm/server/contract/reports';
import { App, Button } from 'antd';
import { useState } from 'react';
import { problemDetail } from '../api/client';
import { downloadTable } from '../api/table-export';
import { useI18n } from '../i18n';

export type { TableColumnType as ExportColumnType };

/**
 * A column of the exported sheet. A bare string is a header whose cells are written as they
 * come; `type` makes Excel keep numbers as numbers (integer, decimal, percent in points) and
 * turn ISO dates ("2025-07-01") into dates.
 */
export type ExportColumn = string | { header: string; type?: TableColumnType };

export type ExportCell = string | number | boolean | null;

/** The title-row line under the title: area, year and the filters in force, empty parts left out. */
export function exportSubtitle(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' · ');
}

export interface ExportTableButtonProps {
  /** The sheet's title row: what the table is, e.g. "Xã gần đạt chuẩn nhất". */
  title: string;
  /** The area, year and filters the table shows, under the title. */
  subtitle?: string;
  columns: ExportColumn[];
  /**
   * The rows as the table shows them (same filters, same order); a function is called on click,
   * and may fetch the rows a paged table does not hold.
   */
  rows: ExportCell[][] | (() => ExportCell[][] | Promise<ExportCell[][]>);
  fileName: string;
  /** The table shows demo data; the workbook is labelled so. */
  demo?: boolean;
  notes?: string[];
  /** Button text; "Tải .xlsx" by default. */
  label?: string;
  disabled?: boolean;
}

/**
 * "Tải .xlsx" for any table of the application (PRODUCT §4.9): the rows as displayed, written by
 * the server so that numbers and dates keep their type and no cell becomes a formula.
 */
export function ExportTableButton(props: ExportTableButtonProps) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const rows = typeof props.rows === 'function' ? await props.rows() : props.rows;
      const fileName = props.fileName.toLowerCase().endsWith('.xlsx')
        ? props.fileName
        : `${props.fileName}.xlsx`;
      await downloadTable(
        {
          title: props.title,
          ...(props.subtitle ? { subtitle: props.subtitle } : {}),
          columns: props.columns,
          rows,
          ...(props.notes?.length ? { notes: props.notes } : {}),
          ...(props.demo ? { demo: true } : {}),
        },
        fileName,
      );
    } catch (error) {
      void message.error(problemDetail(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      loading={busy}
      disabled={props.disabled}
      onClick={() => void download()}
      data-testid="export-xlsx"
    >
      {props.label ?? t('export.xlsx')}
    </Button>
  );
}
