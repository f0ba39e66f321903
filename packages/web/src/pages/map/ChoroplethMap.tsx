import { LinesChart, MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import { useMemo } from 'react';
import type { Boundaries, BoundaryFeature } from '../../api/boundaries';
import { Chart } from '../../components/charts/Chart';
import { echarts } from '../../components/charts/echarts';
import type { MapModel } from './map-model';

echarts.use([MapChart, LinesChart, GeoComponent, VisualMapPiecewiseComponent]);

interface Props {
  boundaries: Boundaries;
  model: MapModel;
  /** Tooltip text of a commune, by unit id. */
  describe(unitId: string): string;
  nameOf(unitId: string): string;
  selectedId: string | null;
  onSelect(unitId: string): void;
  label: string;
  height: number;
}

function ringsOf(feature: BoundaryFeature): [number, number][][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

let registered = 0;

/**
 * Communes coloured by the model's pieces over GeoJSON boundaries from the database (no tiles:
 * there is no internet), with the outlines of the level above drawn on top.
 */
export default function ChoroplethMap({
  boundaries,
  model,
  describe,
  nameOf,
  selectedId,
  onSelect,
  label,
  height,
}: Props) {
  // A map is registered under a name; a new name per boundary set keeps an upload from showing stale shapes.
  const mapName = useMemo(() => {
    registered += 1;
    const name = `ntm-map-${registered}`;
    echarts.registerMap(name, {
      type: 'FeatureCollection',
      features: boundaries.features,
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    return name;
  }, [boundaries]);
  const outlines = useMemo(
    () => boundaries.parentOutlines.flatMap((f) => ringsOf(f).map((ring) => ({ coords: ring }))),
    [boundaries],
  );
  return (
    <Chart
      label={label}
      height={height}
      merge
      onEvents={{
        click: (params) => {
          const name = (params as { name?: unknown }).name;
          if (typeof name === 'string' && name !== '') onSelect(name);
        },
      }}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (params: { name?: string; seriesType?: string }) =>
            params.seriesType === 'map' && params.name ? describe(params.name) : '',
        },
        visualMap: {
          type: 'piecewise',
          pieces: model.pieces,
          right: 8,
          top: 8,
          itemWidth: 14,
          itemHeight: 12,
          textStyle: { fontSize: 12 },
          seriesIndex: 0,
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: 6,
        },
        geo: {
          map: mapName,
          nameProperty: 'unitId',
          roam: true,
          scaleLimit: { min: 0.8, max: 12 },
          top: 8,
          bottom: 8,
          left: 8,
          right: 230,
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#f5f5f5' },
          label: { show: false },
          emphasis: {
            label: {
              show: true,
              formatter: ({ name }: { name: string }) => nameOf(name),
              fontWeight: 'bold',
              textBorderColor: '#fff',
              textBorderWidth: 2,
            },
            itemStyle: { areaColor: '#ffe58f', borderColor: '#111', borderWidth: 1.5 },
          },
          select: { disabled: true },
          regions: selectedId
            ? [{ name: selectedId, itemStyle: { borderColor: '#111', borderWidth: 2.5 } }]
            : [],
        },
        series: [
          { type: 'map', geoIndex: 0, data: model.data },
          {
            type: 'lines',
            coordinateSystem: 'geo',
            polyline: true,
            silent: true,
            data: outlines,
            lineStyle: { color: '#262626', width: 1.6, opacity: 0.9 },
            z: 5,
          },
        ],
      }}
    />
  );
}
