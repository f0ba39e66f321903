import { formatDate } from '@ntm/core/format';
import type { UnitDetailResponse } from '@ntm/server/contract/units';
import { Alert, Breadcrumb, Button, Card, Flex, Grid, Result, Segmented, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useUnit } from '../../api/queries';
import { type Tier, useTierEvaluation, useUnitTrend } from '../../api/scorecard';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { ValueWorkflow } from '../../components/workflow/ValueWorkflow';
import { useI18n } from '../../i18n';
import { selectableYears, useScope } from '../../scope';
import { CatalogLanguageNote } from '../catalog/CatalogLanguageNote';
import { describeCondition, tierKey } from '../catalog/labels';
import { UnitObstacles } from '../follow-up/UnitObstacles';
import { CriteriaList } from './CriteriaList';
import { RecognitionTable } from './RecognitionTable';
import { IndicatorsExport } from './ScorecardExport';
import { ScorecardSummary } from './ScorecardSummary';
import { VillageStatus } from './VillageStatus';

type Unit = UnitDetailResponse['unit'];

const tiersByLevel: Partial<Record<Unit['level'], readonly Tier[]>> = {
  commune: ['standard', 'advanced', 'model'],
  village: ['village_standard', 'model_residential_area'],
};

const firstTrendYear = selectableYears[0];
const trendYears = 6;

/** The years the trend shows: at most six, none before the demo data starts or the unit existed. */
function trendStart(unit: Unit, year: number): number {
  return Math.min(year, Math.max(firstTrendYear, Number(unit.validFrom.slice(0, 4)), year - trendYears + 1));
}

function existedIn(unit: Unit, year: number): boolean {
  return unit.validFrom <= `${year}-12-31` && (unit.validTo === null || unit.validTo >= `${year}-01-01`);
}

function Header({
  detail,
  tiers,
  tier,
  onTier,
}: {
  detail: UnitDetailResponse;
  tiers: readonly Tier[];
  tier: Tier;
  onTier(t: Tier): void;
}) {
  const { t } = useI18n();
  const { year } = useScope();
  const navigate = useNavigate();
  const { unit } = detail;
  const traits = describeCondition({ regions: unit.region ? [unit.region] : [], flags: unit.flags }, t);
  return (
    <Flex vertical gap={8}>
      <Breadcrumb
        items={[
          ...detail.ancestors.map((a) => ({
            key: a.id,
            title: <Link to={`/?nam=${year}&dv=${encodeURIComponent(a.id)}`}>{a.name}</Link>,
          })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="scorecard-title">
            {unit.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('scorecard.codeAndYear', { code: unit.code, year })}
            {unit.region || unit.flags.length > 0 ? ` · ${traits}` : ''}
          </Typography.Text>
          {unit.isDemo && <DemoBadge />}
        </Flex>
        <Flex gap={8} wrap>
          {tiers.length > 1 && (
            <Segmented<Tier>
              aria-label={t('scorecard.tier')}
              value={tier}
              onChange={onTier}
              options={tiers.map((value) => ({ value, label: t(tierKey(value)) }))}
            />
          )}
          <Button
            type="primary"
            data-testid="open-data-entry"
            onClick={() => void navigate(`/nhap-lieu/${encodeURIComponent(unit.id)}?nam=${year}`)}
          >
            {t('scorecard.enterData')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}

function Lineage({ detail, year }: { detail: UnitDetailResponse; year: number }) {
  const { t } = useI18n();
  const { unit, successors, predecessors } = detail;
  const links = (units: UnitDetailResponse['successors']) =>
    units.map((u, i) => (
      <span key={u.id}>
        {i > 0 && ', '}
        <Link to={`/don-vi/${encodeURIComponent(u.id)}?nam=${year}`}>{u.name}</Link>
      </span>
    ));
  return (
    <>
      {!existedIn(unit, year) && (
        <Alert
          type="warning"
          showIcon
          title={t('scorecard.notExisting', {
            name: unit.name,
            year,
            from: formatDate(unit.validFrom),
            to: unit.validTo ? formatDate(unit.validTo) : t('scorecard.now'),
          })}
          description={
            successors.length > 0 ? (
              <>
                {t('scorecard.mergedInto')} {links(successors)}
              </>
            ) : undefined
          }
        />
      )}
      {predecessors.length > 0 && (
        <Typography.Text type="secondary">
          {t('scorecard.formedFrom')} {links(predecessors)}
        </Typography.Text>
      )}
    </>
  );
}

function UnitScorecard({ detail }: { detail: UnitDetailResponse }) {
  const { t } = useI18n();
  const { year } = useScope();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const { unit } = detail;
  const tiers = tiersByLevel[unit.level] ?? [];
  const requested = params.get('hang');
  const tier = tiers.find((x) => x === requested) ?? tiers[0] ?? 'standard';
  const evaluable = tiers.length > 0;
  const evaluation = useTierEvaluation(evaluable ? unit.id : undefined, year, tier);
  const trend = useUnitTrend(evaluable ? unit.id : undefined, trendStart(unit, year), year, tier);
  const setTier = (next: Tier) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      if (next === tiers[0]) copy.delete('hang');
      else copy.set('hang', next);
      return copy;
    });

  if (!evaluable) {
    return (
      <Flex vertical gap={16}>
        <Header detail={detail} tiers={[]} tier={tier} onTier={setTier} />
        <Result
          status="info"
          title={t('scorecard.areaTitle')}
          extra={
            <Button
              type="primary"
              onClick={() => void navigate(`/?nam=${year}&dv=${encodeURIComponent(unit.id)}`)}
            >
              {t('scorecard.openAreaDashboard')}
            </Button>
          }
        />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Header detail={detail} tiers={tiers} tier={tier} onTier={setTier} />
      <Lineage detail={detail} year={year} />
      <QueryState query={evaluation}>
        {(response) => (
          <Flex vertical gap={16}>
            <ScorecardSummary response={response} trend={trend.data} year={year} />
            <Flex justify="flex-end" gap={8} align="center" wrap data-testid="scorecard-export">
              <CatalogLanguageNote />
              <IndicatorsExport response={response} year={year} />
            </Flex>
            <CriteriaList
              key={`${tier}-${year}-${response.criteriaSet.id}`}
              criteria={response.evaluation.criteria}
              trend={trend.data}
              compact={!screens.md}
            />
            {unit.level === 'commune' && (
              <Card size="small" title={t('scorecard.villages')}>
                <VillageStatus communeId={unit.id} year={year} />
              </Card>
            )}
            <UnitObstacles
              unitId={unit.id}
              unitName={response.unit.name}
              year={year}
              criteria={response.evaluation.criteria}
            />
            <Card size="small" title={t('scorecard.recognitions')}>
              <RecognitionTable
                recognitions={response.recognitions}
                unitName={response.unit.name}
                unitCode={response.unit.code}
              />
            </Card>
          </Flex>
        )}
      </QueryState>
      {/* Its table needs a desktop's width: on a phone it scrolls sideways within the page. */}
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: 720 }}>
          <ValueWorkflow unitId={unit.id} year={year} />
        </div>
      </div>
    </Flex>
  );
}

/** Unit scorecard (/don-vi/:id): every criterion and indicator of a commune or village for the year. */
export default function ScorecardPage() {
  const { id } = useParams<{ id: string }>();
  const unit = useUnit(id);
  return (
    <QueryState query={unit}>{(detail) => <UnitScorecard key={detail.unit.id} detail={detail} />}</QueryState>
  );
}
