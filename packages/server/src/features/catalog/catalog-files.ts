import fs from 'node:fs';
import path from 'node:path';
import {
  CatalogError,
  type CriteriaSet,
  type CriteriaSetOverlay,
  parseCriteriaSet,
  parseCriteriaSetOverlay,
} from '@ntm/core';
import type { CatalogExtension } from './catalog.service';

/** A catalog folder that cannot be read or holds a file that is not a valid set. */
export class CatalogFilesError extends Error {
  override name = 'CatalogFilesError';
}

/**
 * Reads a deployment's catalog folder: every `*.overlay.json` is an overlay on another set,
 * every other `*.json` a full criteria set. Files are read in name order so that every server
 * process started on the same folder builds the same catalog.
 */
export function readCatalogFolder(folder: string): CatalogExtension {
  let names: string[];
  try {
    names = fs
      .readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new CatalogFilesError(
      `Không đọc được thư mục bộ tiêu chí "${folder}": ${(error as Error).message}`,
    );
  }
  const sets: CriteriaSet[] = [];
  const overlays: CriteriaSetOverlay[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CatalogFilesError(
        `Tệp bộ tiêu chí "${file}" không phải JSON hợp lệ: ${(error as Error).message}`,
      );
    }
    try {
      if (name.endsWith('.overlay.json')) overlays.push(parseCriteriaSetOverlay(json));
      else sets.push(parseCriteriaSet(json));
    } catch (error) {
      if (error instanceof CatalogError) throw new CatalogFilesError(`Tệp "${file}": ${error.message}`);
      throw error;
    }
  }
  return { sets, overlays };
}
