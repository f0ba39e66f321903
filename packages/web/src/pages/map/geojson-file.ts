/** What the upload form needs to know about a chosen file before sending it. */
export interface GeoJsonFile {
  name: string;
  content: unknown;
  featureCount: number;
  /** Property names of the first features, to choose the one holding the unit code. */
  propertyNames: string[];
  suggestedCodeProperty: string;
}

export type GeoJsonFileResult =
  | { ok: true; file: GeoJsonFile }
  | { ok: false; reason: 'not_json' | 'not_collection' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the text of a chosen file. Only the shape needed for the form is checked here; the
 * server validates every feature and code and answers with a report per feature.
 */
export function readGeoJsonFile(name: string, text: string): GeoJsonFileResult {
  let content: unknown;
  try {
    content = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (!isRecord(content) || content.type !== 'FeatureCollection' || !Array.isArray(content.features)) {
    return { ok: false, reason: 'not_collection' };
  }
  const names = new Set<string>();
  for (const feature of content.features.slice(0, 20)) {
    if (isRecord(feature) && isRecord(feature.properties))
      for (const key of Object.keys(feature.properties)) names.add(key);
  }
  const propertyNames = [...names];
  const suggested =
    propertyNames.find((n) => n === 'code') ??
    propertyNames.find((n) => /^(ma|code|ma_?(xa|dv|dvhc|don_?vi))$/i.test(n)) ??
    propertyNames.find((n) => /^ma|code/i.test(n)) ??
    'code';
  return {
    ok: true,
    file: {
      name,
      content,
      featureCount: content.features.length,
      propertyNames,
      suggestedCodeProperty: suggested,
    },
  };
}
