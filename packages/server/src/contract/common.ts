import { z } from 'zod';

export const IsoDateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Ngày không tồn tại');

export const YearParam = z.coerce
  .number({ error: 'Năm phải là số' })
  .int('Năm phải là số nguyên')
  .min(2000, 'Năm phải từ 2000')
  .max(2100, 'Năm phải đến 2100');

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  rows: z
    .array(z.object({ row: z.number(), field: z.string(), value: z.unknown(), message: z.string() }))
    .optional(),
  problems: z.array(z.unknown()).optional(),
  /** With a stale-version conflict (409): the values as they are stored now. */
  current: z.array(z.unknown()).optional(),
});

export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
