import { compareVietnamese } from '@ntm/core/format';
import { Button, Flex, Input, Select } from 'antd';
import type { Rollup } from '../../api/dashboard';
import { useI18n } from '../../i18n';
import { bandLabel, tierKey } from '../catalog/labels';
import { foldedSearch } from '../dashboard/folded-search';
import {
  emptyFilter,
  type HeatmapFilter,
  type HeatmapSort,
  isFiltered,
  type Outcome,
  type TierFilter,
} from './heatmap-filter';

interface Props {
  filter: HeatmapFilter;
  onChange(filter: HeatmapFilter): void;
  rollup: Rollup;
  districts: readonly { id: string; name: string }[];
}

export function HeatmapFilters({ filter, onChange, rollup, districts }: Props) {
  const { t } = useI18n();
  const update = (patch: Partial<HeatmapFilter>) => onChange({ ...filter, ...patch });
  const tiers: TierFilter[] = ['none', 'standard', 'advanced', 'model'];
  const outcomes: Outcome[] = ['not_met', 'no_data', 'met'];
  const outcomeLabel = (o: Outcome) => (o === 'met' ? t('met') : o === 'not_met' ? t('notMet') : t('noData'));
  return (
    <Flex gap={8} wrap align="center" data-testid="heatmap-filters">
      <Input.Search
        allowClear
        aria-label={t('heatmap.search')}
        placeholder={t('heatmap.search')}
        style={{ width: 250 }}
        value={filter.q}
        onChange={(e) => update({ q: e.target.value })}
      />
      {districts.length > 0 && (
        <Select<string>
          allowClear
          aria-label={t('heatmap.district')}
          placeholder={t('heatmap.district')}
          style={{ width: 190 }}
          value={filter.district ?? undefined}
          onChange={(value) => update({ district: value ?? null })}
          options={[...districts]
            .sort((a, b) => compareVietnamese(a.name, b.name))
            .map((d) => ({ value: d.id, label: d.name }))}
          showSearch={foldedSearch}
          data-testid="filter-district"
        />
      )}
      <Select<TierFilter>
        allowClear
        aria-label={t('heatmap.tier')}
        placeholder={t('heatmap.tier')}
        style={{ width: 170 }}
        value={filter.tier ?? undefined}
        onChange={(value) => update({ tier: value ?? null })}
        options={tiers.map((tier) => ({
          value: tier,
          label: tier === 'none' ? t('dashboard.notRecognised') : t(tierKey(tier)),
        }))}
        data-testid="filter-tier"
      />
      <Select<string>
        allowClear
        aria-label={t('heatmap.band')}
        placeholder={t('heatmap.band')}
        style={{ width: 170 }}
        value={filter.band ?? undefined}
        onChange={(value) => update({ band: value ?? null })}
        options={rollup.rollup.bands.map((b) => ({ value: b.key, label: bandLabel(b, t) }))}
        data-testid="filter-band"
      />
      <Select<string>
        allowClear
        aria-label={t('heatmap.criterion')}
        placeholder={t('heatmap.criterion')}
        style={{ width: 220 }}
        value={filter.criterion ?? undefined}
        onChange={(value) =>
          update({ criterion: value ?? null, outcome: value ? (filter.outcome ?? 'not_met') : null })
        }
        options={rollup.rollup.criteria.map((c) => ({ value: c.number, label: `${c.number}. ${c.name}` }))}
        showSearch={foldedSearch}
        data-testid="filter-criterion"
      />
      {filter.criterion !== null && (
        <Select<Outcome>
          aria-label={t('heatmap.outcome')}
          style={{ width: 150 }}
          value={filter.outcome ?? 'not_met'}
          onChange={(value) => update({ outcome: value })}
          options={outcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))}
          data-testid="filter-outcome"
        />
      )}
      <Select<HeatmapSort>
        aria-label={t('heatmap.sort')}
        style={{ width: 210 }}
        value={filter.sort}
        onChange={(value) => update({ sort: value })}
        options={[
          { value: 'name', label: t('heatmap.sortName') },
          { value: 'met-asc', label: t('heatmap.sortMetAsc') },
          { value: 'met-desc', label: t('heatmap.sortMetDesc') },
          ...(districts.length > 0 ? [{ value: 'district' as const, label: t('heatmap.sortDistrict') }] : []),
          ...(filter.sort.startsWith('criterion:')
            ? [{ value: filter.sort, label: t('heatmap.sortCriterion', { number: filter.sort.slice(10) }) }]
            : []),
        ]}
        data-testid="heatmap-sort"
      />
      {isFiltered(filter) && (
        <Button onClick={() => onChange({ ...emptyFilter, sort: filter.sort })}>{t('heatmap.reset')}</Button>
      )}
    </Flex>
  );
}
