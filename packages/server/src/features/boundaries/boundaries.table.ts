/** One boundary per unit record: a unit is dated, so its id already says which code at which date. */
export interface UnitBoundariesTable {
  unit_id: string;
  code: string;
  /** GeoJSON Polygon or MultiPolygon, WGS 84. */
  geometry_json: string;
  /** The uploaded file name, or "demo" for the generated boundaries of the demo province. */
  source: string;
  is_demo: number;
  updated_at: string;
  updated_by: string;
}
