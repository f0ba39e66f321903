import { Tooltip, Typography } from 'antd';
import { outcomeColors } from '../../components/OutcomeTag';
import { useI18n } from '../../i18n';
import { formatObservedValue, type IndicatorResult } from './indicator-format';
import { sparklineGeometry, type TrendPoint } from './trend';

const WIDTH = 96;
const HEIGHT = 24;

/** An indicator over the years: the line shows numbers, each dot's colour whether the year met the threshold. */
export function IndicatorSparkline({
  points,
  indicator,
}: {
  points: readonly TrendPoint[];
  indicator: Pick<IndicatorResult, 'valueType' | 'unit'>;
}) {
  const { t } = useI18n();
  const { dots, path } = sparklineGeometry(points, WIDTH, HEIGHT);
  if (dots.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  const lines = points.map(
    (p) => `${p.year}: ${p.value === null ? t('noData') : formatObservedValue(p.value, indicator, yesNo)}`,
  );
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <svg
        role="img"
        aria-label={lines.join('; ')}
        width={WIDTH}
        height={HEIGHT}
        style={{ display: 'block' }}
      >
        <path d={path} fill="none" stroke="#8c8c8c" strokeWidth={1.5} />
        {dots.map((d) => (
          <circle
            key={d.point.year}
            cx={d.x}
            cy={d.y}
            r={3}
            fill={outcomeColors[d.point.outcome ?? 'no_data']}
            data-outcome={d.point.outcome}
          />
        ))}
      </svg>
    </Tooltip>
  );
}
