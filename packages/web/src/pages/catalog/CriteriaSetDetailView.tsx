import { formatDate } from '@ntm/core/format';
import { Alert, Button, Collapse, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useDepartments, useMeasures } from '../../api/catalog';
import { type CriteriaSetDetail, useCriteriaSet, useCriteriaSets } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { ThresholdSource } from '../../components/ThresholdSource';
import { useI18n } from '../../i18n';
import { CriteriaSetExport } from './CriteriaSetExport';
import { SetStatusTags } from './CriteriaSetTable';
import { describeFormula } from './formula';
import { levelKey, tierKey, valueTypeKey } from './labels';
import { ThresholdList } from './ThresholdList';

type Detail = CriteriaSetDetail;
type Indicator = Detail['criteriaSet']['criteria'][number]['indicators'][number];

function LegalBasis({ detail }: { detail: Detail }) {
  const { t } = useI18n();
  const set = detail.criteriaSet;
  const basis = set.legalBasis;
  const sets = useCriteriaSets();
  const baseName = sets.data?.criteriaSets.find((s) => s.id === set.derivedFrom)?.shortName;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'basis',
          label: t('catalog.legalBasis'),
          children: (
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{basis.number}</Typography.Text>
              <span>{t('catalog.dated', { date: formatDate(basis.date) })}</span>
              <ThresholdSource source={basis.source} illustrative={set.illustrative} />
            </Flex>
          ),
        },
        {
          key: 'issuer',
          label: t('catalog.issuer'),
          children: basis.signer ? `${basis.issuer} (${basis.signer})` : basis.issuer,
        },
        { key: 'title', label: t('catalog.legalTitle'), children: basis.title, span: 'filled' },
        {
          key: 'applies',
          label: t('catalog.appliesTo'),
          children: `${t(tierKey(set.tier))} · ${t(levelKey(set.level))}`,
        },
        {
          key: 'period',
          label: t('catalog.period'),
          children: `${set.period.fromYear}–${set.period.toYear}${
            basis.effectiveDate
              ? ` · ${t('catalog.effective', { date: formatDate(basis.effectiveDate) })}`
              : ''
          }`,
        },
        {
          key: 'dimension',
          label: t('catalog.dimension'),
          children: t(`catalog.dimension.${set.thresholdDimension}`),
        },
        {
          key: 'derived',
          label: t('catalog.derivedFrom'),
          children: set.derivedFrom ? (
            <Link to={`/bo-tieu-chi/${encodeURIComponent(set.derivedFrom)}`}>
              {baseName ?? set.derivedFrom}
            </Link>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}

function Prerequisites({ detail }: { detail: Detail }) {
  const { t } = useI18n();
  const list = detail.criteriaSet.prerequisites;
  if (list.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('catalog.prerequisites')}</Typography.Text>
      {list.map((p) => (
        <Flex key={p.kind === 'manual' ? p.text : p.tier} gap={6} align="center" wrap>
          <Typography.Text>
            {p.kind === 'manual' ? p.text : t('catalog.requiresRecognition', { tier: t(tierKey(p.tier)) })}
          </Typography.Text>
          <ThresholdSource source={p.source} illustrative={false} />
        </Flex>
      ))}
    </Flex>
  );
}

function IndicatorTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useI18n();
  const measures = useMeasures();
  const measureName = (code: string) => measures.data?.measures.find((m) => m.code === code)?.name ?? code;
  return (
    <Table<Indicator>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={indicators}
      columns={[
        { title: t('scorecard.code'), dataIndex: 'code', width: 64 },
        {
          title: t('scorecard.indicator'),
          key: 'name',
          render: (_, i) => (
            <Flex vertical gap={2} align="flex-start">
              <Typography.Text>{i.name}</Typography.Text>
              <Flex gap={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(valueTypeKey(i.valueType))}
                  {i.unit && i.valueType !== 'percent' ? ` · ${i.unit}` : ''}
                </Typography.Text>
                {!i.textSource.verified && <ThresholdSource source={i.textSource} illustrative={false} />}
              </Flex>
              {i.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.note}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t('catalog.measure'),
          key: 'measure',
          width: 260,
          render: (_, i) =>
            i.derived ? (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('catalog.derived')}:{' '}
                {describeFormula(i.derived, {
                  measure: measureName,
                  indicator: (code) => `${t('catalog.indicator')} ${code}`,
                })}
              </Typography.Text>
            ) : (
              <Typography.Text style={{ fontSize: 13 }}>
                {i.measure ? measureName(i.measure) : '—'}
              </Typography.Text>
            ),
        },
        {
          title: t('catalog.thresholds'),
          key: 'thresholds',
          width: 380,
          render: (_, i) => <ThresholdList indicator={i} />,
        },
      ]}
    />
  );
}

function SetDetail({ detail }: { detail: Detail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const departments = useDepartments();
  const set = detail.criteriaSet;
  const departmentName = (code: string) =>
    departments.data?.departments.find((d) => d.code === code)?.shortName ?? code;
  const measures = useMeasures();
  const measureName = (code: string) => measures.data?.measures.find((m) => m.code === code)?.name ?? code;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {set.name}
          </Typography.Title>
          <SetStatusTags set={{ ...set, evaluable: detail.evaluable }} />
        </Flex>
        <Flex gap={8} align="center">
          <CriteriaSetExport set={set} departmentName={departmentName} measureName={measureName} />
          <Button onClick={() => void navigate('/bo-tieu-chi')}>{t('catalog.backToList')}</Button>
          <Button
            type="primary"
            onClick={() => void navigate(`/bo-tieu-chi?so-sanh=${encodeURIComponent(set.id)}`)}
          >
            {t('catalog.compareWith')}
          </Button>
        </Flex>
      </Flex>
      <LegalBasis detail={detail} />
      {set.note && <Alert type="info" showIcon title={set.note} />}
      {set.gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('catalog.gapsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {set.gaps.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          }
        />
      )}
      {detail.problems.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'problems',
              label: t('catalog.problems', { count: detail.problems.length }),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {detail.problems.map((p) => (
                    <li key={`${p.code}-${p.criterion ?? ''}-${p.indicator ?? ''}-${p.message}`}>
                      {p.message}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Prerequisites detail={detail} />
      <Collapse
        items={set.criteria.map((c) => ({
          key: c.number,
          label: (
            <Flex gap={8} wrap align="center" justify="space-between">
              <Typography.Text strong>
                {c.number}. {c.name}
              </Typography.Text>
              <Flex gap={6} wrap align="center">
                {c.group && <Tag>{c.group}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {departmentName(c.leadDepartment)} ·{' '}
                  {t('catalog.indicatorCount', { count: c.indicators.length })}
                </Typography.Text>
              </Flex>
            </Flex>
          ),
          children:
            c.indicators.length > 0 ? (
              <IndicatorTable indicators={c.indicators} />
            ) : (
              <Typography.Text type="secondary">{t('catalog.noIndicators')}</Typography.Text>
            ),
        }))}
      />
    </Flex>
  );
}

/** One criteria set in full: legal basis, gaps, prerequisites, criteria, indicators and thresholds. */
export function CriteriaSetDetailView({ id }: { id: string }) {
  const detail = useCriteriaSet(id);
  return <QueryState query={detail}>{(d) => <SetDetail detail={d} />}</QueryState>;
}
