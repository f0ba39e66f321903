import { ObservedValue, Tier } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

const Outcome = z.enum(['met', 'not_met', 'no_data']);

export const UnitTrendQuery = z
  .object({ fromYear: YearParam, toYear: YearParam, tier: Tier.default('standard') })
  .refine((q) => q.fromYear <= q.toYear, { message: 'Năm đầu phải không sau năm cuối', path: ['fromYear'] })
  .refine((q) => q.toYear - q.fromYear < 20, { message: 'Tối đa 20 năm mỗi lần', path: ['toYear'] });

export const TrendYearSchema = z.object({
  year: z.number().int(),
  criteriaSetId: z.string().nullable(),
  criteriaSetShortName: z.string().nullable(),
  criteriaMet: z.number().int().nullable(),
  criteriaTotal: z.number().int().nullable(),
  criteriaNoData: z.number().int().nullable(),
  /** Why the year has no evaluation: the unit did not exist, or no usable criteria set applied. */
  unavailable: z.string().nullable(),
  criteria: z.array(z.object({ number: z.string(), outcome: Outcome })),
  indicators: z.array(z.object({ code: z.string(), value: ObservedValue.nullable(), outcome: Outcome })),
});
export type TrendYear = z.infer<typeof TrendYearSchema>;

export const UnitTrendResponse = z.object({
  unitId: z.string(),
  tier: Tier,
  years: z.array(TrendYearSchema),
});
export type UnitTrendResponse = z.infer<typeof UnitTrendResponse>;
