import { compareVietnamese, foldDiacritics } from '@ntm/core/format';
import { Card, Input, Typography } from 'antd';
import { useState } from 'react';
import type { BoundaryFeature } from '../../api/boundaries';
import type { CommuneRow, Rollup } from '../../api/dashboard';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { tierLabel } from '../catalog/labels';

interface Props {
  features: readonly BoundaryFeature[];
  rows: ReadonlyMap<string, CommuneRow>;
  /** The roll-up the map colours by, when the year could be evaluated. */
  rollup: Rollup | undefined;
  year: number;
  selectedId: string | null;
  onSelect(unitId: string): void;
}

/** The communes of the map as a list: the keyboard's way to the map, evaluated communes first. */
export function CommuneList({ features, rows, rollup, year, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const folded = foldDiacritics(query);
  const listed = features
    .filter(
      (f) => folded === '' || foldDiacritics(`${f.properties.name} ${f.properties.code}`).includes(folded),
    )
    .sort(
      (a, b) =>
        Number(rows.has(b.properties.unitId)) - Number(rows.has(a.properties.unitId)) ||
        compareVietnamese(a.properties.name, b.properties.name),
    );
  return (
    <Card
      size="small"
      title={t('map.listTitle')}
      extra={
        <ExportTableButton
          title={t('map.listTitle')}
          subtitle={exportSubtitle(
            rollup?.unit.name,
            t('export.year', { year }),
            rollup?.criteriaSet.shortName,
            query.trim() && `${t('heatmap.search')}: "${query.trim()}"`,
          )}
          demo={rollup?.unit.isDemo ?? features.some((f) => f.properties.isDemo)}
          fileName={`danh-sach-xa-ban-do_${year}`}
          columns={[
            t('export.code'),
            t('dashboard.commune'),
            { header: t('heatmap.metColumn'), type: 'integer' },
            { header: t('export.criteriaTotal'), type: 'integer' },
            t('heatmap.tierColumn'),
          ]}
          rows={() =>
            listed.map((f) => {
              const row = rows.get(f.properties.unitId);
              return [
                f.properties.code,
                f.properties.name,
                row?.criteriaMet ?? null,
                row?.criteriaTotal ?? null,
                row === undefined
                  ? t('map.notEvaluated')
                  : row.recognisedTier === null
                    ? t('dashboard.notRecognised')
                    : tierLabel(row.recognisedTier, t),
              ];
            })
          }
        />
      }
    >
      <Input.Search
        allowClear
        aria-label={t('heatmap.search')}
        placeholder={t('heatmap.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <ul
        aria-label={t('map.listTitle')}
        style={{ maxHeight: 300, overflow: 'auto', listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="map-commune-list"
      >
        {listed.map((f) => {
          const row = rows.get(f.properties.unitId);
          const selected = f.properties.unitId === selectedId;
          return (
            <li key={f.properties.unitId}>
              <button
                type="button"
                onClick={() => onSelect(f.properties.unitId)}
                aria-pressed={selected}
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  width: '100%',
                  padding: '3px 6px',
                  border: 'none',
                  borderRadius: 4,
                  cursor: 'pointer',
                  textAlign: 'left',
                  background: selected ? '#e6f4ec' : 'transparent',
                }}
              >
                <span>{f.properties.name}</span>
                <Typography.Text type="secondary">
                  {row ? `${row.criteriaMet}/${row.criteriaTotal}` : '—'}
                </Typography.Text>
              </button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
