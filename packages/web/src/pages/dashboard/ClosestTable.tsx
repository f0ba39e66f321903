import { formatNumber } from '@ntm/core/format';
import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Rollup } from '../../api/dashboard';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { type ClosestCommune, closestCommunes } from './dashboard-model';

/** Communes not yet recognised at the set's tier, fewest criteria missing first, then smallest gap. */
export function ClosestTable({
  rollup,
  districtNames,
  year,
}: {
  rollup: Rollup;
  districtNames: ReadonlyMap<string, string>;
  year: number;
}) {
  const { t } = useI18n();
  const rows = closestCommunes(rollup, districtNames);
  return (
    <Card
      size="small"
      title={t('dashboard.closestTitle')}
      style={{ height: '100%' }}
      extra={
        <ExportTableButton
          title={t('dashboard.closestTitle')}
          subtitle={exportSubtitle(
            rollup.unit.name,
            t('export.year', { year }),
            rollup.criteriaSet.shortName,
          )}
          demo={rollup.unit.isDemo}
          fileName={`xa-gan-dat-chuan_${rollup.unit.code}_${year}`}
          columns={[
            { header: '#', type: 'integer' },
            t('dashboard.commune'),
            t('export.parentUnit'),
            { header: t('dashboard.criteriaMissing'), type: 'integer' },
            t('export.criteriaNotMet'),
            { header: t('dashboard.totalGap'), type: 'decimal' },
          ]}
          rows={() =>
            rows.map((r) => [
              r.rank,
              r.name,
              r.districtName,
              r.criteriaMissing,
              r.missing.join(', '),
              Math.round(r.totalGap * 100) / 100,
            ])
          }
        />
      }
    >
      <Table<ClosestCommune>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={rows}
        // On a phone the table scrolls inside its card rather than widening the page.
        scroll={{ x: 480 }}
        data-testid="closest-table"
        locale={{ emptyText: t('dashboard.closestEmpty') }}
        columns={[
          { key: 'rank', title: '#', dataIndex: 'rank', width: 36 },
          {
            key: 'name',
            title: t('dashboard.commune'),
            render: (_, row) => (
              <span>
                <Link to={`/don-vi/${encodeURIComponent(row.unitId)}?nam=${year}`}>{row.name}</Link>
                {row.districtName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {` · ${row.districtName}`}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            key: 'missing',
            title: t('dashboard.criteriaMissing'),
            render: (_, row) => (
              <span>
                {row.criteriaMissing === 0 && (
                  <Tag color="green" style={{ whiteSpace: 'normal' }}>
                    {t('dashboard.readyForRecognition')}
                  </Tag>
                )}
                <Typography.Text strong>
                  {row.criteriaMissing === 0 ? '' : row.criteriaMissing}
                </Typography.Text>{' '}
                {row.missing.slice(0, 4).map((n) => (
                  <Tag key={n} color="red" style={{ marginInlineEnd: 2 }}>
                    {t('dashboard.criterionShort', { number: n })}
                  </Tag>
                ))}
                {row.missing.length > 4 && <Typography.Text type="secondary">…</Typography.Text>}
              </span>
            ),
          },
          {
            key: 'gap',
            title: (
              <Tooltip title={t('dashboard.totalGapHelp')}>
                <span>{t('dashboard.totalGap')}</span>
              </Tooltip>
            ),
            align: 'right',
            width: 80,
            render: (_, row) => formatNumber(row.totalGap, 2),
          },
        ]}
      />
    </Card>
  );
}
