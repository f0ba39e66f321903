import { UnitKind, UnitLevel } from '@ntm/core';
import { z } from 'zod';
import { IsoDateParam } from './common';

/** [longitude, latitude] in WGS 84, as GeoJSON (RFC 7946) orders them. */
export const Position = z.tuple([z.number(), z.number()]);
export const LinearRing = z.array(Position);

export const PolygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing) });
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing)),
});
export const BoundaryGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

const BoundaryUnit = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  level: UnitLevel,
  parentId: z.string().nullable(),
});

export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: BoundaryUnit.extend({ source: z.string(), isDemo: z.boolean() }),
  geometry: BoundaryGeometry,
});
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

export const BoundariesQuery = z.object({
  date: IsoDateParam.optional(),
  level: UnitLevel.default('commune'),
});

/**
 * A GeoJSON FeatureCollection (it can be saved and uploaded again as it is) of the units of
 * one level inside a subtree, with the outlines of their parents and the units lacking a boundary.
 */
export const BoundariesResponse = z.object({
  type: z.literal('FeatureCollection'),
  asOf: z.string(),
  level: UnitLevel,
  features: z.array(BoundaryFeature),
  parentOutlines: z.array(BoundaryFeature),
  missing: z.array(BoundaryUnit),
});
export type BoundariesResponse = z.infer<typeof BoundariesResponse>;

export const BoundaryUploadRequest = z.object({
  /** Codes are matched against the units in force on this date. */
  date: IsoDateParam,
  fileName: z.string().trim().max(255).optional(),
  /** The feature property holding the official unit code. */
  codeProperty: z.string().trim().min(1, 'Nhập tên thuộc tính chứa mã đơn vị').max(64).default('code'),
  /** Store the known codes and skip the unknown ones (reported back) instead of refusing the file. */
  ignoreUnknownCodes: z.boolean().default(false),
  geojson: z.unknown(),
});
export type BoundaryUploadRequest = z.infer<typeof BoundaryUploadRequest>;

export const BoundaryUploadResponse = z.object({
  asOf: z.string(),
  stored: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), code: z.string() })),
});
export type BoundaryUploadResponse = z.infer<typeof BoundaryUploadResponse>;
