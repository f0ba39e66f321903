import type { Recognition } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { getUnitDirectory } from '../units/unit-directory';
import { recognitionsForUnits } from './recognitions.repository';

export async function unitRecognitions(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
): Promise<{ recognitions: Recognition[] }> {
  const directory = await getUnitDirectory(db);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  return { recognitions: await recognitionsForUnits(db, [unitId]) };
}
