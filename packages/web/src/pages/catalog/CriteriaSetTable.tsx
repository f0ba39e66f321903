import { formatDate } from '@ntm/core/format';
import { Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { levelKey, tierKey } from './labels';
import { filterSets, noSetFilter, type SetFilter, type SetSummary } from './set-filters';

const levels = ['commune', 'village'] as const;
const tiers = ['standard', 'advanced', 'model', 'village_standard', 'model_residential_area'] as const;

export function SetStatusTags({
  set,
}: {
  set: Pick<SetSummary, 'scope' | 'illustrative' | 'evaluable' | 'gaps'>;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      <Tag color={set.scope === 'national' ? 'blue' : 'cyan'}>
        {set.scope === 'national' ? t('catalog.national') : t('catalog.provincial')}
      </Tag>
      {set.illustrative && <Tag color="orange">{t('illustrative')}</Tag>}
      {set.evaluable ? (
        <Tag color="success">{t('catalog.evaluable')}</Tag>
      ) : (
        <Tooltip title={set.gaps.join(' ')}>
          <Tag color="warning">{t('catalog.notEvaluable')}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** Every criteria set with its legal basis, filterable by level, tier, scope and text. */
export function CriteriaSetTable({ sets }: { sets: readonly SetSummary[] }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<SetFilter>(noSetFilter);
  const rows = filterSets(sets, filter);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Input
          allowClear
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search')}
          style={{ width: 280 }}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <Select
          allowClear
          aria-label={t('catalog.level')}
          placeholder={t('catalog.level')}
          style={{ width: 150 }}
          value={filter.level}
          onChange={(level) => setFilter({ ...filter, level })}
          options={levels.map((l) => ({ value: l, label: t(levelKey(l)) }))}
        />
        <Select
          allowClear
          aria-label={t('catalog.tierLabel')}
          placeholder={t('catalog.tierLabel')}
          style={{ width: 220 }}
          value={filter.tier}
          onChange={(tier) => setFilter({ ...filter, tier })}
          options={tiers.map((x) => ({ value: x, label: t(tierKey(x)) }))}
        />
        <Select
          allowClear
          aria-label={t('catalog.scope')}
          placeholder={t('catalog.scope')}
          style={{ width: 160 }}
          value={filter.scope}
          onChange={(scope) => setFilter({ ...filter, scope })}
          options={[
            { value: 'national', label: t('catalog.national') },
            { value: 'provincial', label: t('catalog.provincial') },
          ]}
        />
        <ExportTableButton
          title={t('export.setsTitle')}
          subtitle={exportSubtitle(
            filter.text.trim() && `${t('catalog.search')}: "${filter.text.trim()}"`,
            filter.level && `${t('catalog.level')}: ${t(levelKey(filter.level))}`,
            filter.tier && `${t('catalog.tierLabel')}: ${t(tierKey(filter.tier))}`,
            filter.scope &&
              `${t('catalog.scope')}: ${filter.scope === 'national' ? t('catalog.national') : t('catalog.provincial')}`,
          )}
          demo={rows.some((s) => s.illustrative)}
          fileName="bo-tieu-chi"
          columns={[
            t('export.code'),
            t('catalog.set'),
            t('catalog.legalBasis'),
            { header: t('export.decisionDate'), type: 'date' },
            t('export.issuer'),
            t('catalog.appliesTo'),
            t('catalog.level'),
            { header: t('export.fromYear'), type: 'integer' },
            { header: t('export.toYear'), type: 'integer' },
            { header: t('export.criteriaCount'), type: 'integer' },
            { header: t('export.indicatorCount'), type: 'integer' },
            t('catalog.scope'),
            t('catalog.status'),
          ]}
          rows={() =>
            rows.map((s) => [
              s.id,
              s.name,
              s.legalBasis.number,
              s.legalBasis.date,
              s.legalBasis.issuer,
              t(tierKey(s.tier)),
              t(levelKey(s.level)),
              s.period.fromYear,
              s.period.toYear,
              s.criteriaCount,
              s.indicatorCount,
              s.scope === 'national' ? t('catalog.national') : t('catalog.provincial'),
              [
                s.evaluable ? t('catalog.evaluable') : t('catalog.notEvaluable'),
                s.illustrative ? t('illustrative') : null,
              ]
                .filter(Boolean)
                .join(' · '),
            ])
          }
        />
      </Flex>
      <Table<SetSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 960 }}
        expandable={{
          rowExpandable: (s) => s.gaps.length > 0,
          expandedRowRender: (s) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('catalog.gapsTitle')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {s.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </Flex>
          ),
        }}
        columns={[
          {
            title: t('catalog.set'),
            key: 'name',
            render: (_, s) => (
              <Flex vertical gap={2}>
                <Link to={`/bo-tieu-chi/${encodeURIComponent(s.id)}`} data-testid={`set-${s.id}`}>
                  {s.shortName}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.name}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('catalog.legalBasis'),
            key: 'legal',
            width: 230,
            render: (_, s) => (
              <Flex vertical gap={2}>
                <Typography.Text>
                  {s.legalBasis.number} · {formatDate(s.legalBasis.date)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.legalBasis.issuer}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('catalog.appliesTo'),
            key: 'tier',
            width: 190,
            render: (_, s) => (
              <Flex vertical gap={2}>
                <Typography.Text>{t(tierKey(s.tier))}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(levelKey(s.level))} · {s.period.fromYear}–{s.period.toYear}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('catalog.content'),
            key: 'count',
            width: 140,
            render: (_, s) =>
              t('catalog.counts', { criteria: s.criteriaCount, indicators: s.indicatorCount }),
          },
          {
            title: t('catalog.status'),
            key: 'status',
            width: 230,
            render: (_, s) => <SetStatusTags set={s} />,
          },
        ]}
      />
    </Flex>
  );
}
