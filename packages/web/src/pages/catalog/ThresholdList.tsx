import { Flex, Tag, Typography } from 'antd';
import type { CriteriaSetDetail } from '../../api/queries';
import { ThresholdSource } from '../../components/ThresholdSource';
import { useI18n } from '../../i18n';
import { formatRequirement } from '../scorecard/indicator-format';
import { describeCondition } from './labels';

type Indicator = CriteriaSetDetail['criteriaSet']['criteria'][number]['indicators'][number];

/** An indicator's thresholds, one line per region, commune group or flag, each with its source and status. */
export function ThresholdList({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  if (indicator.thresholds.length === 0) return <Tag color="warning">{t('catalog.noThreshold')}</Tag>;
  return (
    <Flex vertical gap={2}>
      {indicator.thresholds.map((threshold) => (
        <Flex key={JSON.stringify(threshold.when ?? null)} gap={6} align="center" wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {describeCondition(threshold.when, t)}:
          </Typography.Text>
          <Typography.Text strong>
            {formatRequirement(indicator.comparator, threshold.value, indicator, yesNo)}
          </Typography.Text>
          <ThresholdSource source={threshold.source} illustrative={threshold.illustrative ?? false} />
        </Flex>
      ))}
    </Flex>
  );
}
