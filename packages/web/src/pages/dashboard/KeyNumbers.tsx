import { formatNumber } from '@ntm/core/format';
import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { Rollup } from '../../api/dashboard';
import { useI18n } from '../../i18n';
import { tierKey } from '../catalog/labels';

function Figure({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
}) {
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 24, lineHeight: 1.2 }} data-testid={testId}>
        {value}
      </Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Average criteria per commune and recognised communes per tier (cumulative decisions in force). */
export function KeyNumbers({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const r = rollup.rollup;
  const total = r.criteria.length;
  const count = (tier: string) => r.tiers.find((x) => x.tier === tier)?.recognisedCount ?? 0;
  const share = (n: number) =>
    r.evaluatedCount === 0 ? '' : `${formatNumber((100 * n) / r.evaluatedCount, 1)}%`;
  const allMet = r.bands.find((b) => b.min === total)?.count ?? 0;
  return (
    <Card
      size="small"
      title={t('dashboard.keyNumbersTitle')}
      extra={
        <Tooltip title={rollup.criteriaSet.name}>
          <Flex gap={4} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {rollup.criteriaSet.shortName}
            </Typography.Text>
            {rollup.criteriaSet.illustrative && <Tag color="orange">{t('illustrative')}</Tag>}
          </Flex>
        </Tooltip>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={24} wrap>
          <Flex vertical gap={0} style={{ minWidth: 150 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('dashboard.averageCriteria')}
            </Typography.Text>
            <Typography.Text
              strong
              style={{ fontSize: 32, lineHeight: 1.2, color: '#1f7a4d' }}
              data-testid="average-criteria"
              data-value={r.averageCriteriaMet}
            >
              {formatNumber(r.averageCriteriaMet, 2)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.ofCriteria', { total })}
            </Typography.Text>
          </Flex>
          <Figure
            label={t('dashboard.communesEvaluated')}
            value={formatNumber(r.evaluatedCount)}
            testId="communes-evaluated"
          />
          <Figure
            label={t('dashboard.communesAllMet', { total })}
            value={formatNumber(allMet)}
            testId="communes-all-met"
            hint={share(allMet)}
          />
        </Flex>
        <Flex gap={24} wrap>
          {(['standard', 'advanced', 'model'] as const).map((tier) => (
            <Figure
              key={tier}
              label={t(tierKey(tier))}
              value={formatNumber(count(tier))}
              testId={`tier-count-${tier}`}
              hint={`${share(count(tier))} ${t('dashboard.cumulative')}`}
            />
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}
