import { z } from 'zod';
import { IsoDate } from '../units/unit';

export const ObservedValue = z.union([z.number(), z.boolean(), z.string()]);
export type ObservedValue = z.infer<typeof ObservedValue>;

export const ValueStatus = z.enum(['draft', 'submitted', 'verified', 'approved']);
export type ValueStatus = z.infer<typeof ValueStatus>;

/** An observation of a measure for a unit and a year (PRODUCT §6: measures, not set-bound values). */
export const MeasureValue = z.object({
  unitId: z.string(),
  measureCode: z.string(),
  year: z.number().int(),
  value: ObservedValue,
  source: z.string().nullable(),
  status: ValueStatus,
});
export type MeasureValue = z.infer<typeof MeasureValue>;

/** Values of one unit and year, keyed by measure code. */
export type ValueMap = ReadonlyMap<string, ObservedValue>;

export const RecognitionStatus = z.enum(['registered', 'dossier', 'appraised', 'decided', 'revoked']);
export type RecognitionStatus = z.infer<typeof RecognitionStatus>;

export const Recognition = z.object({
  id: z.string(),
  unitId: z.string(),
  tier: z.enum(['standard', 'advanced', 'model', 'modern', 'village_standard', 'model_residential_area']),
  criteriaSetId: z.string().nullable(),
  status: RecognitionStatus,
  decisionNumber: z.string().nullable(),
  decisionDate: IsoDate.nullable(),
  issuer: z.string().nullable(),
  revokedDate: IsoDate.nullable(),
  isDemo: z.boolean(),
});
export type Recognition = z.infer<typeof Recognition>;
