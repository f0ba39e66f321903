import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { OutcomeTag } from '../../components/OutcomeTag';
import { ThresholdSource } from '../../components/ThresholdSource';
import { useI18n } from '../../i18n';
import { IndicatorSparkline } from './IndicatorSparkline';
import {
  type CriterionResult,
  englishGap,
  formatObservedValue,
  formatRequirement,
  gapWithoutName,
  type IndicatorResult,
} from './indicator-format';
import { ProvenanceTag } from './ProvenanceTag';
import { indicatorSeries } from './trend';

interface Props {
  criterion: CriterionResult;
  trend: UnitTrendResponse | undefined;
  /** Phone width: one block per indicator instead of a table. */
  compact: boolean;
}

/** An indicator's value, requirement and gap as the page writes them, in its language. */
export function useIndicatorText() {
  const { t, language } = useI18n();
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  return {
    value: (i: IndicatorResult) => (i.value === null ? null : formatObservedValue(i.value, i, yesNo)),
    requirement: (i: IndicatorResult) =>
      i.threshold === null ? null : formatRequirement(i.comparator, i.threshold.value, i, yesNo),
    gap: (i: IndicatorResult) => {
      if (i.outcome === 'no_data')
        return i.provenance === 'derived' ? t('scorecard.noDataDerived') : t('noData');
      // A met yes/no indicator's sentence is just "Đạt", which the result column already says.
      if (i.outcome === 'met' && i.valueType === 'boolean') return null;
      if (!i.gap) return null;
      return language === 'vi' ? gapWithoutName(i.gap.sentence, i.name) : englishGap(i, t, yesNo);
    },
  };
}

function Threshold({ indicator }: { indicator: IndicatorResult }) {
  const text = useIndicatorText();
  const { t } = useI18n();
  if (indicator.threshold === null)
    return <Typography.Text type="secondary">{t('scorecard.noThreshold')}</Typography.Text>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Flex gap={4} align="center" wrap>
        <Typography.Text strong>{text.requirement(indicator)}</Typography.Text>
        <ThresholdSource
          source={indicator.threshold.source}
          illustrative={indicator.threshold.illustrative}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {indicator.threshold.selectedBy}
      </Typography.Text>
    </Flex>
  );
}

function Gap({ indicator }: { indicator: IndicatorResult }) {
  const text = useIndicatorText();
  const gap = text.gap(indicator);
  if (gap === null) return null;
  return (
    <Typography.Text type={indicator.outcome === 'not_met' ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
      {gap}
    </Typography.Text>
  );
}

function Value({ indicator }: { indicator: IndicatorResult }) {
  const text = useIndicatorText();
  const value = text.value(indicator);
  return (
    <Flex vertical gap={2} align="flex-start">
      <Typography.Text strong={value !== null} type={value === null ? 'secondary' : undefined}>
        {value ?? '—'}
      </Typography.Text>
      {value !== null && <ProvenanceTag provenance={indicator.provenance} />}
    </Flex>
  );
}

const rowProps = (indicator: IndicatorResult) =>
  ({
    'data-testid': `indicator-${indicator.code}`,
    'data-outcome': indicator.outcome,
  }) as HTMLAttributes<HTMLElement>;

/** Every indicator of a criterion: value, threshold with its source, met or not, the gap, and its trend. */
export function IndicatorTable({ criterion, trend, compact }: Props) {
  const { t } = useI18n();
  if (compact) {
    return (
      <Flex vertical gap={8}>
        {criterion.indicators.map((i) => (
          <div key={i.code} {...rowProps(i)} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text>
                <Typography.Text strong>{i.code}</Typography.Text> {i.name}
              </Typography.Text>
              <OutcomeTag outcome={i.outcome} />
            </Flex>
            <Gap indicator={i} />
            <Flex gap={16} wrap style={{ marginTop: 4 }}>
              <div>
                <Typography.Text type="secondary">{t('scorecard.value')}: </Typography.Text>
                <Value indicator={i} />
              </div>
              <div>
                <Typography.Text type="secondary">{t('scorecard.threshold')}: </Typography.Text>
                <Threshold indicator={i} />
              </div>
              {trend && <IndicatorSparkline points={indicatorSeries(trend, i.code)} indicator={i} />}
            </Flex>
          </div>
        ))}
      </Flex>
    );
  }
  return (
    <Table<IndicatorResult>
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={criterion.indicators}
      onRow={rowProps}
      columns={[
        { title: t('scorecard.code'), dataIndex: 'code', width: 64 },
        {
          title: t('scorecard.indicator'),
          key: 'name',
          render: (_, i) => (
            <Flex vertical gap={2}>
              <Typography.Text>{i.name}</Typography.Text>
              <Gap indicator={i} />
            </Flex>
          ),
        },
        { title: t('scorecard.value'), key: 'value', width: 150, render: (_, i) => <Value indicator={i} /> },
        {
          title: t('scorecard.threshold'),
          key: 'threshold',
          width: 200,
          render: (_, i) => <Threshold indicator={i} />,
        },
        {
          title: t('scorecard.result'),
          key: 'outcome',
          width: 100,
          render: (_, i) => <OutcomeTag outcome={i.outcome} />,
        },
        {
          title: t('scorecard.trend'),
          key: 'trend',
          width: 120,
          render: (_, i) =>
            trend ? <IndicatorSparkline points={indicatorSeries(trend, i.code)} indicator={i} /> : null,
        },
      ]}
    />
  );
}
