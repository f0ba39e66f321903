import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { problemDetail } from '../../api/client';
import { type ImportSummary, uploadWorkbook } from './excel-api';
import { useExcelText } from './messages';

type UploadState =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string; percent: number }
  | { kind: 'failed'; message: string };

/** Sends the chosen file with a progress bar; the server's check of the whole file follows the upload. */
export function UploadCard({
  criteriaSetId,
  onUploaded,
}: {
  criteriaSetId: string | undefined;
  onUploaded(summary: ImportSummary): void;
}) {
  const text = useExcelText();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ kind: 'idle' });

  const send = async (file: File) => {
    setState({ kind: 'sending', name: file.name, percent: 0 });
    try {
      const summary = await uploadWorkbook(file, { criteriaSetId }, (percent) =>
        setState({ kind: 'sending', name: file.name, percent }),
      );
      setState({ kind: 'idle' });
      onUploaded(summary);
    } catch (error) {
      setState({ kind: 'failed', message: problemDetail(error) });
    }
  };

  return (
    <Card size="small" title={text('uploadTitle')} data-testid="upload-card">
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{text('uploadHelp')}</Typography.Text>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="upload-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void send(file);
          }}
        />
        <div>
          <Button onClick={() => input.current?.click()} disabled={state.kind === 'sending'}>
            {text('chooseFile')}
          </Button>
        </div>
        {state.kind === 'sending' && (
          <div data-testid="upload-progress">
            <Typography.Text>
              {state.percent < 100 ? text('uploading', { name: state.name }) : text('checking')}
            </Typography.Text>
            <Progress percent={state.percent} status={state.percent < 100 ? 'active' : 'normal'} />
          </div>
        )}
        {state.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            message={text('uploadFailed')}
            description={state.message}
            data-testid="upload-error"
          />
        )}
      </Flex>
    </Card>
  );
}
