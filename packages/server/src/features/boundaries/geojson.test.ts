import { describe, expect, it } from 'vitest';
import { readBoundaryFeatures } from './geojson';

const square = [
  [
    [105, 19],
    [105.1, 19],
    [105.1, 19.1],
    [105, 19.1],
    [105, 19],
  ],
];

function feature(
  properties: Record<string, unknown>,
  geometry: unknown = { type: 'Polygon', coordinates: square },
) {
  return { type: 'Feature', properties, geometry };
}

describe('readBoundaryFeatures', () => {
  it('reads polygons and multipolygons keyed by the chosen property, dropping altitudes', () => {
    const read = readBoundaryFeatures(
      {
        type: 'FeatureCollection',
        features: [
          feature({ ma_xa: ' 00001 ' }),
          feature(
            { ma_xa: 2 },
            { type: 'MultiPolygon', coordinates: [[square[0]?.map(([x, y]) => [x, y, 12])]] },
          ),
        ],
      },
      'ma_xa',
    );
    expect(read.problems).toEqual([]);
    expect(read.boundaries.map((b) => [b.row, b.code, b.geometry.type])).toEqual([
      [0, '00001', 'Polygon'],
      [1, '2', 'MultiPolygon'],
    ]);
    const multi = read.boundaries[1]?.geometry;
    expect(multi?.type === 'MultiPolygon' && multi.coordinates[0]?.[0]?.[0]).toEqual([105, 19]);
  });

  it('refuses a file that is not a FeatureCollection', () => {
    expect(readBoundaryFeatures([1, 2], 'code').fileProblem).toMatch(/FeatureCollection/);
    expect(readBoundaryFeatures({ type: 'FeatureCollection', features: [] }, 'code').fileProblem).toMatch(
      /không có đối tượng/,
    );
  });

  it('reports one problem per unusable feature, naming it', () => {
    const open = [
      [
        [105, 19],
        [105.1, 19],
        [105.1, 19.1],
        [105, 19.1],
      ],
    ];
    const projected = [
      [
        [580000, 2100000],
        [581000, 2100000],
        [581000, 2101000],
        [580000, 2100000],
      ],
    ];
    const read = readBoundaryFeatures(
      {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'no code' }),
          feature({ code: 'A' }, { type: 'Point', coordinates: [105, 19] }),
          feature({ code: 'B' }, { type: 'Polygon', coordinates: open }),
          feature({ code: 'C' }, { type: 'Polygon', coordinates: projected }),
          feature({ code: 'D' }),
          feature({ code: 'D' }),
        ],
      },
      'code',
    );
    expect(read.boundaries.map((b) => b.code)).toEqual(['D']);
    expect(read.problems.map((p) => [p.row, p.field])).toEqual([
      [0, 'properties.code'],
      [1, 'geometry'],
      [2, 'geometry'],
      [3, 'geometry'],
      [5, 'properties.code'],
    ]);
    expect(read.problems[0]?.message).toBe('Đối tượng #1 thiếu thuộc tính "code" (mã đơn vị hành chính).');
    expect(read.problems[2]?.message).toMatch(/không khép kín/);
    expect(read.problems[3]?.message).toMatch(/WGS 84/);
    expect(read.problems[4]?.message).toMatch(/trùng với đối tượng #5/);
  });
});
