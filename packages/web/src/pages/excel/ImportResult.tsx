import { formatNumber } from '@ntm/core/format';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Statistic, Table, Tabs } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ExportTableButton } from '../../components/ExportTableButton';
import {
  DIFF_EXPORT_LIMIT,
  DIFF_PAGE_SIZE,
  type DiffKind,
  fetchWholeDiff,
  type ImportSummary,
  useConfirmImport,
  useDiscardImport,
  useImportDiff,
  useRevertImport,
} from './excel-api';
import { type ExcelText, useExcelText } from './messages';

type Problem = ImportSummary['problems'][number];

function show(value: unknown, text: ExcelText): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? text('yes') : text('no');
  if (typeof value === 'number') return formatNumber(value, 4);
  return String(value);
}

function ProblemTable({ summary }: { summary: ImportSummary }) {
  const text = useExcelText();
  const title = text('problemsTitle', { count: summary.problemCount, rows: summary.invalidRows });
  const columns = [
    { key: 'sheet', title: text('sheet'), dataIndex: 'sheet', width: 110 },
    { key: 'row', title: text('row'), dataIndex: 'row', width: 70 },
    { key: 'column', title: text('column'), dataIndex: 'column', width: 70 },
    { key: 'header', title: text('header'), dataIndex: 'header', width: 110 },
    { key: 'value', title: text('value'), dataIndex: 'value', width: 140 },
    { key: 'message', title: text('reason'), dataIndex: 'message' },
  ] as const;
  return (
    <Flex vertical gap={8} data-testid="problem-report">
      <Alert
        type="error"
        showIcon
        message={title}
        description={
          summary.problemCount > summary.problems.length
            ? text('problemsTruncated', { shown: summary.problems.length, count: summary.problemCount })
            : undefined
        }
        action={
          <ExportTableButton
            label={text('downloadProblems')}
            title={title}
            subtitle={summary.fileName}
            columns={columns.map((c) => c.title)}
            rows={summary.problems.map((p) => [p.sheet, p.row, p.column, p.header, p.value, p.message])}
            fileName={`bao-cao-loi_${summary.fileName.replace(/\.xlsx$/i, '')}.xlsx`}
          />
        }
      />
      <Table<Problem>
        size="small"
        rowKey={(p) => `${p.sheet}!${p.column}${p.row}:${p.message}`}
        dataSource={summary.problems}
        columns={[...columns]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="problem-table"
      />
    </Flex>
  );
}

function diffTitle(kind: DiffKind, text: ExcelText): string {
  return text(kind === 'new' ? 'newValues' : kind === 'changed' ? 'changedValues' : 'unchangedValues');
}

function DiffExport({ id, kind, fileName }: { id: string; kind: DiffKind; fileName: string }) {
  const text = useExcelText();
  const withBefore = kind !== 'new';
  return (
    <ExportTableButton
      title={diffTitle(kind, text)}
      subtitle={fileName}
      columns={[
        text('unit'),
        text('indicator'),
        text('cell'),
        ...(withBefore ? [text('before')] : []),
        text('after'),
      ]}
      rows={async () =>
        (await fetchWholeDiff(id, kind)).map((e) => [
          `${e.unitName} (${e.unitCode})`,
          e.indicatorCode,
          `${e.sheet}!${e.cell}`,
          ...(withBefore ? [show(e.before, text)] : []),
          show(e.after, text),
        ])
      }
      notes={[text('diffExportLimit', { limit: formatNumber(DIFF_EXPORT_LIMIT) })]}
      fileName={`${kind}_${fileName.replace(/\.xlsx$/i, '')}.xlsx`}
    />
  );
}

function DiffTable({ id, kind, fileName }: { id: string; kind: DiffKind; fileName: string }) {
  const text = useExcelText();
  const [page, setPage] = useState(1);
  const diff = useImportDiff(id, kind, page);
  return (
    <Flex vertical gap={8} align="stretch">
      <Flex justify="flex-end">
        <DiffExport id={id} kind={kind} fileName={fileName} />
      </Flex>
      <Table
        size="small"
        loading={diff.isFetching}
        rowKey={(e) => `${e.sheet}!${e.cell}`}
        dataSource={diff.data?.entries ?? []}
        data-testid={`diff-${kind}`}
        pagination={{
          current: page,
          pageSize: DIFF_PAGE_SIZE,
          total: diff.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { key: 'unit', title: text('unit'), render: (_, e) => `${e.unitName} (${e.unitCode})` },
          { key: 'indicator', title: text('indicator'), dataIndex: 'indicatorCode', width: 110 },
          { key: 'cell', title: text('cell'), render: (_, e) => `${e.sheet}!${e.cell}`, width: 140 },
          ...(kind === 'new'
            ? []
            : [
                {
                  key: 'before',
                  title: text('before'),
                  render: (_: unknown, e: { before: unknown }) => show(e.before, text),
                },
              ]),
          { key: 'after', title: text('after'), render: (_, e) => show(e.after, text) },
        ]}
      />
    </Flex>
  );
}

/** The check of one upload: its error report, the diff, and the steps that follow (confirm, discard, revert). */
export function ImportResult({
  summary,
  onChange,
}: {
  summary: ImportSummary;
  onChange(summary: ImportSummary | null): void;
}) {
  const text = useExcelText();
  const { modal } = App.useApp();
  const confirm = useConfirmImport();
  const discard = useDiscardImport();
  const revert = useRevertImport();
  const [onlyValidRows, setOnlyValidRows] = useState(false);
  const [correction, setCorrection] = useState(false);
  const [reason, setReason] = useState('');
  const failure = [confirm.error, discard.error, revert.error].find((e) => e instanceof ApiError);
  const writes = summary.newCount + summary.changedCount;
  const blocked =
    writes === 0 ||
    (summary.problemCount > 0 && !onlyValidRows) ||
    (summary.approvedChanges > 0 && (!correction || reason.trim().length < 5));

  const pending = summary.status === 'pending';
  return (
    <Card size="small" title={text('summaryTitle', { name: summary.fileName })} data-testid="import-result">
      <Flex vertical gap={12}>
        <Flex gap={32} wrap>
          <Statistic title={text('newValues')} value={summary.newCount} data-testid="count-new" />
          <Statistic title={text('changedValues')} value={summary.changedCount} data-testid="count-changed" />
          <Statistic title={text('unchangedValues')} value={summary.unchangedCount} />
          <Statistic title={text('invalidRows')} value={summary.invalidRows} />
          <Statistic title={text('problems')} value={summary.problemCount} data-testid="count-problems" />
        </Flex>
        {failure instanceof ApiError && <Alert type="error" showIcon message={failure.detail} />}
        {summary.status === 'applied' && (
          <Alert
            type="success"
            showIcon
            data-testid="import-applied"
            message={text('applied', { count: writes, name: summary.fileName })}
            action={
              <Button
                danger
                size="small"
                loading={revert.isPending}
                onClick={() =>
                  modal.confirm({
                    content: text('revertConfirm', { name: summary.fileName }),
                    okText: text('revert'),
                    cancelText: text('cancel'),
                    onOk: () => revert.mutateAsync({ id: summary.id, body: {} }).then(onChange),
                  })
                }
              >
                {text('revert')}
              </Button>
            }
          />
        )}
        {summary.status === 'reverted' && (
          <Alert type="info" showIcon message={text('reverted', { name: summary.fileName })} />
        )}
        {pending &&
          (summary.problemCount > 0 ? (
            <ProblemTable summary={summary} />
          ) : (
            <Alert type="success" showIcon message={text('noProblems')} />
          ))}
        {pending && (
          <Tabs
            items={(['new', 'changed', 'unchanged'] as const).map((kind) => ({
              key: kind,
              label: `${diffTitle(kind, text)} (${formatNumber(
                kind === 'new'
                  ? summary.newCount
                  : kind === 'changed'
                    ? summary.changedCount
                    : summary.unchangedCount,
              )})`,
              children: <DiffTable id={summary.id} kind={kind} fileName={summary.fileName} />,
            }))}
          />
        )}
        {pending && (
          <Flex vertical gap={8}>
            {summary.problemCount > 0 && (
              <Checkbox
                checked={onlyValidRows}
                onChange={(e) => setOnlyValidRows(e.target.checked)}
                data-testid="only-valid"
              >
                {text('onlyValidRows', { rows: summary.invalidRows })}
              </Checkbox>
            )}
            {summary.approvedChanges > 0 && (
              <Flex vertical gap={6}>
                <Checkbox checked={correction} onChange={(e) => setCorrection(e.target.checked)}>
                  {text('correction', { count: summary.approvedChanges })}
                </Checkbox>
                {correction && (
                  <Input.TextArea
                    aria-label={text('correctionReason')}
                    placeholder={text('correctionReason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    maxLength={1000}
                  />
                )}
              </Flex>
            )}
            <Flex gap={8}>
              <Button
                type="primary"
                disabled={blocked}
                loading={confirm.isPending}
                data-testid="confirm-import"
                onClick={() =>
                  confirm.mutate(
                    {
                      id: summary.id,
                      body: {
                        onlyValidRows,
                        correction,
                        ...(reason.trim() ? { reason: reason.trim() } : {}),
                      },
                    },
                    { onSuccess: onChange },
                  )
                }
              >
                {text('confirm', { count: formatNumber(writes) })}
              </Button>
              <Button
                loading={discard.isPending}
                onClick={() =>
                  discard.mutate({ id: summary.id, body: {} }, { onSuccess: () => onChange(null) })
                }
              >
                {text('discard')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
