import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { BoundaryFeature } from '../../api/boundaries';
import type { CommuneRow } from '../../api/dashboard';
import { useI18n } from '../../i18n';
import { tierKey } from '../catalog/labels';

interface Props {
  feature: BoundaryFeature | undefined;
  row: CommuneRow | undefined;
  districtName: string | undefined;
  year: number;
}

/** The commune picked on the map or in the list, with a way to its scorecard. */
export function SelectedCommune({ feature, row, districtName, year }: Props) {
  const { t } = useI18n();
  if (!feature) {
    return (
      <Card size="small" title={t('map.pickCommune')} data-testid="map-selection">
        <Typography.Text type="secondary">{t('map.pickHelp')}</Typography.Text>
      </Card>
    );
  }
  const items = [
    { key: 'code', label: t('map.code'), children: feature.properties.code },
    ...(districtName ? [{ key: 'district', label: t('heatmap.district'), children: districtName }] : []),
    {
      key: 'met',
      label: t('heatmap.metColumn'),
      children: row ? `${row.criteriaMet}/${row.criteriaTotal}` : t('map.notEvaluated'),
    },
    ...(row
      ? [
          {
            key: 'tier',
            label: t('heatmap.tierColumn'),
            children: row.recognisedTier ? t(tierKey(row.recognisedTier)) : t('dashboard.notRecognised'),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={feature.properties.name}
      data-testid="map-selection"
      extra={
        <Link to={`/don-vi/${encodeURIComponent(feature.properties.unitId)}?nam=${year}`}>
          {t('heatmap.openScorecard')}
        </Link>
      }
    >
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
