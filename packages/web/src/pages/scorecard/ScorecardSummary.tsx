import { formatDate } from '@ntm/core/format';
import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { bandLabel, tierKey } from '../catalog/labels';
import { CriteriaTrend } from './CriteriaTrend';

interface Props {
  response: UnitEvaluationResponse;
  trend: UnitTrendResponse | undefined;
  year: number;
}

/** Long Vietnamese tier names must wrap on a phone rather than overflow the card. */
const wrapping = { whiteSpace: 'normal', height: 'auto' } as const;

function Eligibility({ response }: { response: UnitEvaluationResponse }) {
  const { t } = useI18n();
  const { eligibility } = response.evaluation;
  const tier = t(tierKey(eligibility.tier));
  const decided = response.recognitions.find(
    (r) => r.tier === eligibility.tier && r.status === 'decided' && r.revokedDate === null,
  );
  return (
    <Flex vertical gap={4} align="flex-start">
      {decided && (
        <Tag color="green" data-testid="scorecard-recognised" style={wrapping}>
          {t('scorecard.recognisedAs', {
            tier,
            number: decided.decisionNumber ?? '',
            date: decided.decisionDate ? formatDate(decided.decisionDate) : '',
          })}
        </Tag>
      )}
      <Tag
        color={eligibility.eligible ? 'success' : 'default'}
        data-testid="scorecard-eligibility"
        style={wrapping}
      >
        {eligibility.eligible ? t('scorecard.eligible', { tier }) : t('scorecard.notEligible', { tier })}
      </Tag>
      {eligibility.unmetPrerequisites.map((p) => (
        <Typography.Text key={p} type="danger" style={{ fontSize: 13 }}>
          {t('scorecard.unmetPrerequisite', { text: p })}
        </Typography.Text>
      ))}
      {eligibility.manualConditions.map((c) => (
        <Typography.Text key={c} type="secondary" style={{ fontSize: 13 }}>
          {t('scorecard.manualCondition', { text: c })}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The verdict at a glance: criteria met, band, eligibility, the set used, and the years before. */
export function ScorecardSummary({ response, trend, year }: Props) {
  const { t } = useI18n();
  const { evaluation, criteriaSet } = response;
  return (
    <Card size="small">
      <Row gutter={[24, 16]}>
        <Col xs={24} sm={12} md={5}>
          <div data-testid="scorecard-criteria-met" data-value={evaluation.criteriaMet}>
            <Statistic
              title={t('scorecard.criteriaMet')}
              value={evaluation.criteriaMet}
              suffix={`/ ${evaluation.criteriaTotal}`}
            />
          </div>
          <Typography.Text type="secondary">{bandLabel(evaluation.band, t)}</Typography.Text>
          {evaluation.criteriaNoData > 0 && (
            <div>
              <Typography.Text type="warning">
                {t('scorecard.criteriaNoData', { count: evaluation.criteriaNoData })}
              </Typography.Text>
            </div>
          )}
        </Col>
        <Col xs={24} sm={12} md={7}>
          <Typography.Text type="secondary">{t('scorecard.eligibility')}</Typography.Text>
          <Eligibility response={response} />
        </Col>
        <Col xs={24} md={6}>
          <Typography.Text type="secondary">{t('scorecard.criteriaSet')}</Typography.Text>
          <div>
            <Link to={`/bo-tieu-chi/${encodeURIComponent(criteriaSet.id)}`}>{criteriaSet.shortName}</Link>
          </div>
          <Flex gap={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {criteriaSet.legalBasis.number} · {formatDate(criteriaSet.legalBasis.date)}
            </Typography.Text>
            {criteriaSet.illustrative && <Tag color="orange">{t('illustrative')}</Tag>}
          </Flex>
        </Col>
        <Col xs={24} md={6}>
          <Typography.Text type="secondary">{t('scorecard.trendTitle')}</Typography.Text>
          {trend ? (
            <CriteriaTrend trend={trend} currentYear={year} />
          ) : (
            <Skeleton.Input active size="small" />
          )}
        </Col>
      </Row>
    </Card>
  );
}
