import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { downloadTable } from './excel-api';

/**
 * "Tải .xlsx" for any table a page shows: the rows as displayed, numbers kept as numbers.
 * Meant for every table of the application (PRODUCT §4.9), not only this page's.
 */
export function ExportTableButton(props: {
  label: string;
  title: string;
  subtitle?: string;
  columns: string[];
  rows: (string | number | null)[][];
  fileName: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadTable(
        {
          title: props.title,
          ...(props.subtitle ? { subtitle: props.subtitle } : {}),
          columns: props.columns,
          rows: props.rows,
        },
        props.fileName,
      );
    } catch (error) {
      void message.error(error instanceof ApiError ? error.detail : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" loading={busy} onClick={() => void download()}>
      {props.label}
    </Button>
  );
}
