import { Button, Drawer, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useUnitEvaluation } from '../../api/queries';
import { OutcomeTag } from '../../components/OutcomeTag';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { IndicatorTable } from '../scorecard/IndicatorTable';
import { IndicatorsExport } from '../scorecard/ScorecardExport';
import type { CellChoice } from './HeatmapGrid';

interface Props {
  choice: CellChoice | null;
  year: number;
  criteriaSetId: string;
  onClose(): void;
}

/** The indicators behind one heat-map cell: values, thresholds with their source, gaps. */
export function IndicatorDrawer({ choice, year, criteriaSetId, onClose }: Props) {
  const { t } = useI18n();
  const evaluation = useUnitEvaluation(choice?.unitId, year, criteriaSetId);
  return (
    <Drawer
      open={choice !== null}
      onClose={onClose}
      size={560}
      title={
        choice ? `${choice.unitName} — ${t('dashboard.criterionShort', { number: choice.criterion })}` : ''
      }
      data-testid="indicator-drawer"
      extra={
        choice && (
          <Link to={`/don-vi/${encodeURIComponent(choice.unitId)}?nam=${year}`}>
            <Button type="primary" data-testid="open-scorecard">
              {t('heatmap.openScorecard')}
            </Button>
          </Link>
        )
      }
    >
      {choice && (
        <QueryState query={evaluation}>
          {(data) => {
            const criterion = data.evaluation.criteria.find((c) => c.number === choice.criterion);
            if (!criterion) return <Typography.Text type="secondary">{t('noData')}</Typography.Text>;
            return (
              <Flex vertical gap={12}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {`${criterion.number}. ${criterion.name}`}
                  </Typography.Title>
                  <OutcomeTag outcome={criterion.outcome} />
                  <Typography.Text type="secondary">
                    {t('heatmap.indicatorsMet', {
                      met: criterion.indicatorsMet,
                      total: criterion.indicatorsTotal,
                    })}
                  </Typography.Text>
                  <IndicatorsExport response={data} year={year} criterionNumber={criterion.number} />
                </Flex>
                <IndicatorTable criterion={criterion} trend={undefined} compact />
                <Link to={`/nhap-lieu/${encodeURIComponent(choice.unitId)}?nam=${year}`}>
                  {t('heatmap.enterData')}
                </Link>
              </Flex>
            );
          }}
        </QueryState>
      )}
    </Drawer>
  );
}
