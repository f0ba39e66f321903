import { formatNumber } from '@ntm/core/format';
import { Card, Flex, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Rollup } from '../../api/dashboard';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { outcomeColors } from '../../components/OutcomeTag';
import { useI18n } from '../../i18n';

/**
 * Communes meeting each criterion as bars drawn in HTML: the numbers stay readable text, each
 * bar is a link to the heat map filtered on the communes that do not meet the criterion.
 */
export function CriteriaMetBars({ rollup, heatmapSearch }: { rollup: Rollup; heatmapSearch: string }) {
  const { t } = useI18n();
  const evaluated = rollup.rollup.evaluatedCount;
  const width = (n: number) => `${evaluated === 0 ? 0 : (100 * n) / evaluated}%`;
  return (
    <Card
      size="small"
      title={t('dashboard.criteriaTitle')}
      style={{ height: '100%' }}
      extra={
        <ExportTableButton
          title={t('dashboard.criteriaTitle')}
          subtitle={exportSubtitle(
            rollup.unit.name,
            t('export.year', { year: rollup.rollup.year }),
            rollup.criteriaSet.shortName,
            `${t('dashboard.communesEvaluated')}: ${formatNumber(evaluated)}`,
          )}
          demo={rollup.unit.isDemo}
          fileName={`xa-dat-tung-tieu-chi_${rollup.unit.code}_${rollup.rollup.year}`}
          columns={[
            t('export.criterionNumber'),
            t('heatmap.criterion'),
            { header: t('met'), type: 'integer' },
            { header: t('notMet'), type: 'integer' },
            { header: t('noData'), type: 'integer' },
            { header: t('export.metShare'), type: 'percent' },
          ]}
          rows={() =>
            rollup.rollup.criteria.map((c) => [
              c.number,
              c.name,
              c.metCount,
              c.notMetCount,
              c.noDataCount,
              Math.round(c.metShare * 1000) / 10,
            ])
          }
        />
      }
    >
      <Flex vertical gap={4} role="list" aria-label={t('dashboard.criteriaTitle')}>
        {rollup.rollup.criteria.map((c) => {
          const detail = t('dashboard.criterionDetail', {
            met: formatNumber(c.metCount),
            notMet: formatNumber(c.notMetCount),
            noData: formatNumber(c.noDataCount),
          });
          return (
            <Tooltip key={c.number} title={detail} placement="left">
              <Link
                to={`/ma-tran?${heatmapSearch}&tc=${encodeURIComponent(c.number)}&kq=not_met`}
                role="listitem"
                aria-label={`${t('dashboard.criterionShort', { number: c.number })} ${c.name}: ${c.metCount}/${evaluated}. ${detail}`}
                style={{
                  display: 'grid',
                  gridTemplateColumns: '190px 1fr 72px',
                  gap: 8,
                  alignItems: 'center',
                  color: 'inherit',
                }}
              >
                <Typography.Text ellipsis style={{ fontSize: 13 }}>
                  {`${c.number}. ${c.name}`}
                </Typography.Text>
                <div
                  style={{
                    display: 'flex',
                    height: 14,
                    background: '#f0f0f0',
                    borderRadius: 3,
                    overflow: 'hidden',
                  }}
                >
                  <div style={{ width: width(c.metCount), background: outcomeColors.met }} />
                  <div style={{ width: width(c.notMetCount), background: outcomeColors.not_met }} />
                  <div style={{ width: width(c.noDataCount), background: outcomeColors.no_data }} />
                </div>
                <Typography.Text
                  style={{ fontSize: 13, textAlign: 'right' }}
                  data-testid={`criterion-met-count-${c.number}`}
                  data-value={c.metCount}
                >
                  {`${formatNumber(c.metCount)}/${formatNumber(evaluated)}`}
                </Typography.Text>
              </Link>
            </Tooltip>
          );
        })}
      </Flex>
      <Flex gap={12} style={{ marginTop: 8 }} wrap>
        {(['met', 'not_met', 'no_data'] as const).map((o) => (
          <Flex key={o} gap={4} align="center">
            <span
              style={{
                width: 10,
                height: 10,
                background: outcomeColors[o],
                display: 'inline-block',
                borderRadius: 2,
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o === 'met' ? t('met') : o === 'not_met' ? t('notMet') : t('noData')}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
