import fs from 'node:fs';
import path from 'node:path';
import { type CriteriaSetOverlayInput, parseCriteriaSetOverlay } from '@ntm/core';
import demo2016 from '../../packages/core/src/catalog/data/sets/demo-2016-2020-commune-standard.overlay.json' with {
  type: 'json',
};
import type { CatalogExtension } from '../../packages/server/src/features/catalog/catalog.service';

/**
 * Two sets that exist only for the benchmark. The national 1980 set lacks some official
 * thresholds and the 51/2025 set has no indicators yet, so neither can evaluate; these
 * overlays borrow the demo province's illustrative thresholds and are national in scope, so
 * the server picks them for every real commune of the country. Never shipped.
 */
const legalBasis = {
  number: 'BENCH',
  date: '2026-01-01',
  issuer: 'NTM Monitor benchmark',
  title: 'Bộ tiêu chí chỉ dùng để đo hiệu năng (ngưỡng minh họa)',
  source: { ref: 'demo', verified: false, note: 'Chỉ dùng cho bench/, không phải văn bản thật' },
};

export const BENCH_OLD_SET = 'bench-2016-2020-commune-standard';
export const BENCH_NEW_SET = 'bench-2026-2030-commune-standard';

const overlays: CriteriaSetOverlayInput[] = [
  {
    id: BENCH_OLD_SET,
    version: 1,
    name: 'Bộ tiêu chí xã NTM 2016–2020 cho đo hiệu năng (ngưỡng minh họa)',
    shortName: 'Bench – xã NTM 2016–2020',
    scope: 'national',
    derivedFrom: 'vn-1980-commune-standard',
    legalBasis,
    // The old units exist from 2020 to mid-2025; the 318 set that would judge 2022–2025 has no
    // indicators in the catalog, so the benchmark keeps the 1980 criteria for those years.
    period: { fromYear: 2020, toYear: 2025 },
    illustrative: true,
    addThresholds: demo2016.addThresholds,
  },
  {
    id: BENCH_NEW_SET,
    version: 1,
    name: 'Bộ tiêu chí xã NTM 2026–2030 cho đo hiệu năng (chỉ tiêu minh họa)',
    shortName: 'Bench – xã NTM 2026–2030',
    scope: 'national',
    derivedFrom: 'demo-2026-2030-commune-standard',
    legalBasis,
    illustrative: true,
  },
];

export function benchCatalog(): CatalogExtension {
  return { sets: [], overlays: overlays.map(parseCriteriaSetOverlay) };
}

/** Writes the overlays as a deployment catalog folder, for server processes the bench starts. */
export function writeBenchCatalogFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  for (const overlay of overlays) {
    fs.writeFileSync(
      path.join(folder, `${overlay.id}.overlay.json`),
      `${JSON.stringify(overlay, null, 2)}\n`,
    );
  }
  return folder;
}
