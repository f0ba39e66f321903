import { compareVietnamese, formatNumber } from '@ntm/core/format';
import { Alert, Card, Col, Flex, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { boundariesDownloadUrl, useBoundaries } from '../../api/boundaries';
import { ApiError } from '../../api/client';
import { useArea } from '../../api/dashboard';
import { useRollup } from '../../api/queries';
import { useCurrentUser } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useScope, yearEndDate } from '../../scope';
import { bandLabel, tierKey } from '../catalog/labels';
import { AreaHeading } from '../dashboard/AreaHeading';
import { CommuneList } from './CommuneList';
import { type MapMode, mapModel } from './map-model';
import { SelectedCommune } from './SelectedCommune';

const ChoroplethMap = lazy(() => import('./ChoroplethMap'));
// Only the province admin sees the upload form; nobody else downloads it.
const BoundaryUpload = lazy(() => import('./BoundaryUpload').then((m) => ({ default: m.BoundaryUpload })));

const MAP_HEIGHT = 540;

export default function MapPage() {
  const { t } = useI18n();
  const { year, unitId } = useScope();
  const date = yearEndDate(year);
  const area = useArea(year, unitId);
  const boundaries = useBoundaries(area.areaId, date);
  const rollup = useRollup(area.areaId, year);
  // Replacing boundaries is the coordination office's job; the server refuses anyone else too.
  const user = useCurrentUser();
  const [mode, setMode] = useState<MapMode>('criteria');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const districtNames = useMemo(() => new Map(area.districts.map((d) => [d.id, d.name])), [area.districts]);
  const rows = useMemo(() => new Map((rollup.data?.communes ?? []).map((c) => [c.unitId, c])), [rollup.data]);
  const rollupError = rollup.error instanceof ApiError ? rollup.error.detail : null;

  const describe = (id: string) => {
    const feature = boundaries.data?.features.find((f) => f.properties.unitId === id);
    const row = rows.get(id);
    if (!feature) return '';
    if (!row) return `${feature.properties.name}: ${t('map.notEvaluated')}`;
    const tier = row.recognisedTier ? t(tierKey(row.recognisedTier)) : t('dashboard.notRecognised');
    return `${feature.properties.name}: ${t('map.criteriaMet', { met: row.criteriaMet, total: row.criteriaTotal })} · ${tier}`;
  };

  return (
    <Flex vertical gap={12} data-testid="map-page">
      <AreaHeading
        title={t('map.title', { year })}
        area={area}
        extra={
          <Segmented<MapMode>
            aria-label={t('map.colourBy')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'criteria', label: t('map.byCriteria') },
              { value: 'tier', label: t('map.byTier') },
            ]}
            data-testid="map-mode"
          />
        }
      />
      {rollupError && (
        <Alert type="warning" showIcon title={t('map.noEvaluation', { year })} description={rollupError} />
      )}
      <QueryState query={boundaries}>
        {(data) => {
          const model = mapModel(data, rollup.data, mode, {
            notEvaluated: t('map.notEvaluated'),
            notRecognised: t('dashboard.notRecognised'),
            tier: (tier) => t(tierKey(tier)),
            band: (band) => bandLabel(band, t),
          });
          const names = new Map(data.features.map((f) => [f.properties.unitId, f.properties.name]));
          const selected = data.features.find((f) => f.properties.unitId === selectedId);
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Card size="small" styles={{ body: { padding: 4 } }}>
                  {data.features.length === 0 ? (
                    <Alert type="info" showIcon title={t('map.noBoundaries')} style={{ margin: 12 }} />
                  ) : (
                    <Suspense
                      fallback={<Skeleton.Node active style={{ width: '100%', height: MAP_HEIGHT }} />}
                    >
                      <ChoroplethMap
                        boundaries={data}
                        model={model}
                        describe={describe}
                        nameOf={(id) => names.get(id) ?? id}
                        selectedId={selectedId}
                        onSelect={setSelectedId}
                        height={MAP_HEIGHT}
                        label={t('map.chartLabel', { count: data.features.length, year })}
                      />
                    </Suspense>
                  )}
                  <Flex gap={8} wrap style={{ padding: '4px 8px' }} align="center">
                    {data.features.some((f) => f.properties.isDemo) && (
                      <Tag color="orange" data-testid="demo-boundaries">
                        {t('map.demoBoundaries')}
                      </Tag>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('map.featureCount', { count: formatNumber(data.features.length) })}
                    </Typography.Text>
                    {area.areaId && (
                      <Typography.Link
                        href={boundariesDownloadUrl(area.areaId, date)}
                        download
                        style={{ fontSize: 12 }}
                      >
                        {t('map.download')}
                      </Typography.Link>
                    )}
                  </Flex>
                  {data.missing.length > 0 && (
                    <Alert
                      type="warning"
                      showIcon
                      data-testid="missing-boundaries"
                      style={{ margin: 8 }}
                      title={t('map.missing', { count: data.missing.length })}
                      description={data.missing
                        .map((m) => m.name)
                        .sort(compareVietnamese)
                        .join(', ')}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Flex vertical gap={12}>
                  <SelectedCommune
                    feature={selected}
                    row={selectedId ? rows.get(selectedId) : undefined}
                    districtName={
                      selected?.properties.parentId
                        ? districtNames.get(selected.properties.parentId)
                        : undefined
                    }
                    year={year}
                  />
                  <CommuneList
                    features={data.features}
                    rows={rows}
                    rollup={rollup.data}
                    year={year}
                    selectedId={selectedId}
                    onSelect={setSelectedId}
                  />
                </Flex>
              </Col>
              {user?.role === 'province_admin' && (
                <Col span={24}>
                  <Suspense fallback={null}>
                    <BoundaryUpload date={date} />
                  </Suspense>
                </Col>
              )}
            </Row>
          );
        }}
      </QueryState>
    </Flex>
  );
}
