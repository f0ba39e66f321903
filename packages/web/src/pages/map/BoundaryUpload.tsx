import { formatDate, formatNumber } from '@ntm/core/format';
import { Alert, Button, Card, Flex, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useUploadBoundaries } from '../../api/boundaries';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { type GeoJsonFile, readGeoJsonFile } from './geojson-file';

/**
 * Replaces boundaries from an official GeoJSON. Codes are matched on the server against the
 * units in force on `date`; a file with unknown codes is refused with a report, and the user
 * may then store the known ones and skip the rest.
 */
export function BoundaryUpload({ date }: { date: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<GeoJsonFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [codeProperty, setCodeProperty] = useState('code');
  const upload = useUploadBoundaries();
  const error = upload.error instanceof ApiError ? upload.error : null;

  const choose = async (chosen: File) => {
    upload.reset();
    const read = readGeoJsonFile(chosen.name, await chosen.text());
    if (read.ok) {
      setFile(read.file);
      setFileError(null);
      setCodeProperty(read.file.suggestedCodeProperty);
    } else {
      setFile(null);
      setFileError(
        t(read.reason === 'not_json' ? 'map.fileNotJson' : 'map.fileNotCollection', { name: chosen.name }),
      );
    }
  };
  const send = (ignoreUnknownCodes: boolean) => {
    if (!file) return;
    upload.mutate({ date, fileName: file.name, codeProperty, ignoreUnknownCodes, geojson: file.content });
  };

  return (
    <Card size="small" title={t('map.uploadTitle')} data-testid="boundary-upload">
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('map.uploadHelp', { date: formatDate(date) })}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
          >
            <Button data-testid="choose-geojson">{t('map.chooseFile')}</Button>
          </Upload>
          {file && (
            <Typography.Text data-testid="chosen-file">
              {t('map.fileSummary', { name: file.name, count: formatNumber(file.featureCount) })}
            </Typography.Text>
          )}
        </Flex>
        {fileError && <Alert type="error" showIcon title={fileError} data-testid="file-error" />}
        {file && (
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t('map.codeProperty')}</Typography.Text>
            <Select
              aria-label={t('map.codeProperty')}
              style={{ minWidth: 160 }}
              value={codeProperty}
              onChange={setCodeProperty}
              options={(file.propertyNames.length > 0 ? file.propertyNames : ['code']).map((n) => ({
                value: n,
                label: n,
              }))}
            />
            <Button
              type="primary"
              loading={upload.isPending}
              onClick={() => send(false)}
              data-testid="send-geojson"
            >
              {t('map.send')}
            </Button>
          </Flex>
        )}
        {upload.data && (
          <Alert
            type="success"
            showIcon
            data-testid="upload-success"
            title={t('map.uploadDone', {
              stored: formatNumber(upload.data.stored),
              replaced: formatNumber(upload.data.replaced),
              created: formatNumber(upload.data.created),
            })}
            description={
              upload.data.skipped.length > 0
                ? t('map.uploadSkipped', { codes: upload.data.skipped.map((s) => s.code).join(', ') })
                : undefined
            }
          />
        )}
        {upload.error && (
          <Flex vertical gap={8} data-testid="upload-report">
            <Alert
              type="error"
              showIcon
              title={error ? error.detail : String(upload.error)}
              action={
                error?.code === 'unknown_unit_codes' && file && error.rows.length < file.featureCount ? (
                  <Button size="small" danger onClick={() => send(true)} data-testid="ignore-unknown">
                    {t('map.ignoreUnknown', { count: error.rows.length })}
                  </Button>
                ) : undefined
              }
            />
            {error && error.rows.length > 0 && (
              <Table
                size="small"
                rowKey={(row) => `${row.row}-${row.field}`}
                dataSource={error.rows}
                pagination={error.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
                data-testid="upload-problems"
                columns={[
                  { key: 'row', title: t('map.feature'), width: 90, render: (_, row) => `#${row.row + 1}` },
                  { key: 'message', title: t('map.problem'), dataIndex: 'message' },
                ]}
              />
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
