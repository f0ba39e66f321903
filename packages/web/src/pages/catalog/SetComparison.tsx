import { formatDate } from '@ntm/core/format';
import type { CriteriaSetComparisonResponse } from '@ntm/server/contract/catalog-compare';
import { Alert, Button, Empty, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCriteriaSetComparison } from '../../api/catalog';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { type MessageKey, useI18n } from '../../i18n';
import { ComparedCriterion, changeTags } from './ComparedCriterion';
import { SetStatusTags } from './CriteriaSetTable';
import { describeCondition, levelKey, tierKey } from './labels';
import type { SetSummary } from './set-filters';

type Response = CriteriaSetComparisonResponse;
type Counts = Response['comparison']['counts'];

/** Pairs worth showing a first-time reader: a stricter provincial tier, and a change of national decision. */
const examples: readonly [string, string][] = [
  ['demo-2016-2020-commune-standard', 'demo-2016-2020-commune-advanced'],
  ['vn-1980-commune-standard', 'vn-318-commune-standard'],
];

const countTags: { key: keyof Counts; label: MessageKey; color: string }[] = [
  { key: 'criteriaAdded', label: 'catalog.count.criteriaAdded', color: 'blue' },
  { key: 'criteriaRemoved', label: 'catalog.count.criteriaRemoved', color: 'magenta' },
  { key: 'criteriaRenamed', label: 'catalog.count.criteriaRenamed', color: 'gold' },
  { key: 'indicatorsAdded', label: 'catalog.count.indicatorsAdded', color: 'blue' },
  { key: 'indicatorsRemoved', label: 'catalog.count.indicatorsRemoved', color: 'magenta' },
  { key: 'indicatorsRenamed', label: 'catalog.count.indicatorsRenamed', color: 'gold' },
  {
    key: 'thresholdsTightened',
    label: 'catalog.count.thresholdsTightened',
    color: changeTags.tightened.color,
  },
  { key: 'thresholdsLoosened', label: 'catalog.count.thresholdsLoosened', color: changeTags.loosened.color },
  { key: 'thresholdsChanged', label: 'catalog.count.thresholdsChanged', color: changeTags.changed.color },
  { key: 'thresholdsAdded', label: 'catalog.count.thresholdsAdded', color: changeTags.added.color },
  { key: 'thresholdsRemoved', label: 'catalog.count.thresholdsRemoved', color: changeTags.removed.color },
];

function SideBySide({ response }: { response: Response }) {
  const { t } = useI18n();
  const row = (key: string, label: string, show: (s: Response['from']) => ReactNode) => ({
    key,
    label,
    from: show(response.from),
    to: show(response.to),
  });
  const rows = [
    row('name', t('catalog.set'), (s) => <Typography.Text strong>{s.shortName}</Typography.Text>),
    row(
      'basis',
      t('catalog.legalBasis'),
      (s) => `${s.legalBasis.number} · ${formatDate(s.legalBasis.date)} · ${s.legalBasis.issuer}`,
    ),
    row('applies', t('catalog.appliesTo'), (s) => `${t(tierKey(s.tier))} · ${t(levelKey(s.level))}`),
    row('period', t('catalog.period'), (s) => `${s.period.fromYear}–${s.period.toYear}`),
    row('content', t('catalog.content'), (s) =>
      t('catalog.counts', { criteria: s.criteriaCount, indicators: s.indicatorCount }),
    ),
    row('status', t('catalog.status'), (s) => <SetStatusTags set={s} />),
  ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 720 }}
      columns={[
        { title: '', dataIndex: 'label', width: 160 },
        { title: t('catalog.compareFrom'), dataIndex: 'from' },
        { title: t('catalog.compareTo'), dataIndex: 'to' },
      ]}
    />
  );
}

/** One row per threshold compared, under its criterion and indicator, as the page lists them. */
function ComparisonExport({
  response,
  shown,
  changesOnly,
}: {
  response: Response;
  shown: Response['comparison']['criteria'];
  changesOnly: boolean;
}) {
  const { t } = useI18n();
  return (
    <ExportTableButton
      title={t('export.comparisonTitle', { from: response.from.shortName, to: response.to.shortName })}
      subtitle={exportSubtitle(changesOnly && t('catalog.changesOnly'))}
      demo={response.from.illustrative || response.to.illustrative}
      fileName={`so-sanh_${response.from.id}_${response.to.id}`}
      columns={[
        t('export.criterion'),
        t('export.criterionName'),
        t('scorecard.code'),
        t('scorecard.indicator'),
        t('export.change'),
        t('export.condition'),
        t('catalog.compareFrom'),
        t('catalog.compareTo'),
      ]}
      rows={() =>
        shown.flatMap((c) => {
          const criterionName = (c.after ?? c.before)?.name ?? '';
          const head = [c.number, criterionName, null, null, t(changeTags[c.change].key), null, null, null];
          const indicators = c.indicators
            .filter(
              (i) =>
                !changesOnly ||
                i.change !== 'unchanged' ||
                i.thresholds.some((x) => x.change !== 'unchanged'),
            )
            .flatMap((i) =>
              (i.thresholds.length > 0 ? i.thresholds : [null]).map((x) => [
                c.number,
                criterionName,
                i.code,
                (i.after ?? i.before)?.name ?? '',
                t(changeTags[x?.change ?? i.change].key),
                x ? describeCondition(x.when, t) : null,
                x?.before?.value ?? null,
                x?.after?.value ?? null,
              ]),
            );
          return [head, ...indicators];
        })
      }
    />
  );
}

function ComparisonResult({ response }: { response: Response }) {
  const { t } = useI18n();
  const [changesOnly, setChangesOnly] = useState(true);
  const { counts, criteria } = response.comparison;
  const shown = criteria.filter((c) => !changesOnly || c.change !== 'unchanged');
  const nonZero = countTags.filter((c) => counts[c.key] > 0);
  const notComparable = criteria.filter((c) => !c.indicatorsComparable).length;
  return (
    <Flex vertical gap={12}>
      <SideBySide response={response} />
      <Flex gap={4} wrap align="center" data-testid="compare-counts">
        {nonZero.length === 0 ? (
          <Typography.Text>{t('catalog.noDifferences')}</Typography.Text>
        ) : (
          nonZero.map((c) => (
            <Tag key={c.key} color={c.color}>
              {t(c.label, { count: counts[c.key] })}
            </Tag>
          ))
        )}
      </Flex>
      {notComparable > 0 && (
        <Alert type="info" showIcon title={t('catalog.notComparableSummary', { count: notComparable })} />
      )}
      <Flex gap={8} align="center" wrap>
        <Switch checked={changesOnly} onChange={setChangesOnly} aria-label={t('catalog.changesOnly')} />
        <Typography.Text>{t('catalog.changesOnly')}</Typography.Text>
        <ComparisonExport response={response} shown={shown} changesOnly={changesOnly} />
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('catalog.noDifferences')} />
      ) : (
        shown.map((c) => <ComparedCriterion key={c.number} criterion={c} changesOnly={changesOnly} />)
      )}
    </Flex>
  );
}

/** Two criteria sets side by side (/bo-tieu-chi?so-sanh=a&voi=b): what was added, removed, renamed, tightened. */
export function SetComparison({ sets }: { sets: readonly SetSummary[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('so-sanh') || undefined;
  const to = params.get('voi') || undefined;
  const choose = (next: { from?: string | undefined; to?: string | undefined }) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      for (const [name, value] of [
        ['so-sanh', 'from' in next ? next.from : from],
        ['voi', 'to' in next ? next.to : to],
      ] as const) {
        if (value) copy.set(name, value);
        else copy.delete(name);
      }
      return copy;
    });
  const level = sets.find((s) => s.id === from)?.level;
  const option = (s: SetSummary) => ({
    value: s.id,
    label: s.shortName,
    disabled: level !== undefined && s.level !== level && s.id !== from,
  });
  const comparison = useCriteriaSetComparison(from, to);
  const known = new Set(sets.map((s) => s.id));
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('catalog.compareFrom')}
          placeholder={t('catalog.compareFrom')}
          style={{ minWidth: 320 }}
          value={from}
          onChange={(value: string) => choose({ from: value })}
          options={sets.map((s) => ({ value: s.id, label: s.shortName }))}
          data-testid="compare-from"
        />
        <Button
          aria-label={t('catalog.swap')}
          onClick={() => choose({ from: to, to: from })}
          disabled={!from || !to}
        >
          ⇄
        </Button>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('catalog.compareTo')}
          placeholder={t('catalog.compareTo')}
          style={{ minWidth: 320 }}
          value={to}
          onChange={(value: string) => choose({ to: value })}
          options={sets.map(option)}
          data-testid="compare-to"
        />
      </Flex>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('catalog.examples')}</Typography.Text>
        {examples
          .filter(([a, b]) => known.has(a) && known.has(b))
          .map(([a, b]) => (
            <Button key={`${a}-${b}`} size="small" onClick={() => choose({ from: a, to: b })}>
              {sets.find((s) => s.id === a)?.shortName} ⇄ {sets.find((s) => s.id === b)?.shortName}
            </Button>
          ))}
      </Flex>
      {from && to ? (
        <QueryState query={comparison}>{(response) => <ComparisonResult response={response} />}</QueryState>
      ) : (
        <Empty description={t('catalog.pickTwo')} />
      )}
    </Flex>
  );
}
