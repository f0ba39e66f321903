import type { CriteriaSetComparisonResponse } from '@ntm/server/contract/catalog-compare';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { ThresholdSource } from '../../components/ThresholdSource';
import { type MessageKey, useI18n } from '../../i18n';
import { formatRequirement } from '../scorecard/indicator-format';
import { describeCondition } from './labels';

type Comparison = CriteriaSetComparisonResponse['comparison'];
export type CriterionComparison = Comparison['criteria'][number];
type IndicatorComparison = CriterionComparison['indicators'][number];
type ThresholdComparison = IndicatorComparison['thresholds'][number];
type Outline = NonNullable<IndicatorComparison['before']>;
export type Change = ThresholdComparison['change'];

export const changeTags: Record<Change, { key: MessageKey; color: string }> = {
  added: { key: 'catalog.change.added', color: 'blue' },
  removed: { key: 'catalog.change.removed', color: 'magenta' },
  tightened: { key: 'catalog.change.tightened', color: 'volcano' },
  loosened: { key: 'catalog.change.loosened', color: 'green' },
  changed: { key: 'catalog.change.changed', color: 'gold' },
  unchanged: { key: 'catalog.change.unchanged', color: 'default' },
};

const differenceKeys: Record<IndicatorComparison['differences'][number], MessageKey> = {
  name: 'catalog.difference.name',
  unit: 'catalog.difference.unit',
  valueType: 'catalog.difference.valueType',
  comparator: 'catalog.difference.comparator',
  measure: 'catalog.difference.measure',
  formula: 'catalog.difference.formula',
};

export function ChangeTag({ change }: { change: Change }) {
  const { t } = useI18n();
  const tag = changeTags[change];
  return (
    <Tag color={tag.color} data-change={change}>
      {t(tag.key)}
    </Tag>
  );
}

function Requirement({ side, outline }: { side: ThresholdComparison['before']; outline: Outline | null }) {
  const { t } = useI18n();
  if (!side || !outline) return <Typography.Text type="secondary">—</Typography.Text>;
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  return (
    <Flex gap={4} align="center" wrap>
      <Typography.Text strong>
        {formatRequirement(outline.comparator, side.value, outline, yesNo)}
      </Typography.Text>
      <ThresholdSource source={side.source} illustrative={side.illustrative ?? false} />
    </Flex>
  );
}

function IndicatorChange({
  indicator,
  changesOnly,
}: {
  indicator: IndicatorComparison;
  changesOnly: boolean;
}) {
  const { t } = useI18n();
  const { before, after } = indicator;
  const thresholds = indicator.thresholds.filter((th) => !changesOnly || th.change !== 'unchanged');
  const renamed = indicator.differences.includes('name');
  return (
    <Flex vertical gap={6} data-testid={`compare-indicator-${indicator.code}`} data-change={indicator.change}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>{indicator.code}</Typography.Text>
        {renamed ? (
          <Typography.Text>
            <Typography.Text delete type="secondary">
              {before?.name}
            </Typography.Text>{' '}
            → {after?.name}
          </Typography.Text>
        ) : (
          <Typography.Text>{(after ?? before)?.name}</Typography.Text>
        )}
        {indicator.change === 'added' || indicator.change === 'removed' ? (
          <ChangeTag change={indicator.change} />
        ) : (
          indicator.differences.map((d) => (
            <Tag key={d} color="gold">
              {t(differenceKeys[d])}
            </Tag>
          ))
        )}
      </Flex>
      {thresholds.length > 0 && (
        <Table<ThresholdComparison>
          tableLayout="fixed"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={thresholds}
          columns={[
            {
              title: t('catalog.condition'),
              key: 'when',
              width: '28%',
              render: (_, th) => describeCondition(th.when, t),
            },
            {
              title: t('catalog.compareFrom'),
              key: 'before',
              render: (_, th) => <Requirement side={th.before} outline={before} />,
            },
            {
              title: t('catalog.compareTo'),
              key: 'after',
              render: (_, th) => <Requirement side={th.after} outline={after} />,
            },
            { title: '', key: 'change', width: 190, render: (_, th) => <ChangeTag change={th.change} /> },
          ]}
        />
      )}
    </Flex>
  );
}

/** One criterion side by side: renamed or not, and every indicator and threshold that moved. */
export function ComparedCriterion({
  criterion,
  changesOnly,
}: {
  criterion: CriterionComparison;
  changesOnly: boolean;
}) {
  const { t } = useI18n();
  const { before, after } = criterion;
  const indicators = criterion.indicators.filter((i) => !changesOnly || i.change !== 'unchanged');
  return (
    <Card
      size="small"
      data-testid={`compare-criterion-${criterion.number}`}
      data-change={criterion.change}
      title={
        <Flex gap={8} wrap align="center">
          <span>{criterion.number}.</span>
          {criterion.differences.includes('name') ? (
            <span>
              <Typography.Text delete type="secondary">
                {before?.name}
              </Typography.Text>{' '}
              → {after?.name}
            </span>
          ) : (
            <span>{(after ?? before)?.name}</span>
          )}
          {criterion.change === 'added' || criterion.change === 'removed' ? (
            <ChangeTag change={criterion.change} />
          ) : (
            criterion.differences.map((d) => (
              <Tag key={d} color="gold">
                {t(`catalog.difference.${d}`)}
              </Tag>
            ))
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {!criterion.indicatorsComparable && (
          <Typography.Text type="secondary">
            {t('catalog.notComparable', {
              from: before?.indicatorCount ?? 0,
              to: after?.indicatorCount ?? 0,
            })}
          </Typography.Text>
        )}
        {indicators.map((i) => (
          <IndicatorChange key={i.code} indicator={i} changesOnly={changesOnly} />
        ))}
        {criterion.indicatorsComparable && indicators.length === 0 && (
          <Typography.Text type="secondary">{t('catalog.noIndicatorChanges')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
