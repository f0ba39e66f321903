import { z } from 'zod';

export const AttachmentRef = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  unitId: z.string().nullable(),
  isDemo: z.boolean(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const AttachmentUploadQuery = z.object({
  unitId: z.string().min(1).max(64).optional(),
});

export const AttachmentIdParams = z.object({ id: z.string().min(1).max(64) });

/** A list of attachment ids sent with a report or a comment. */
export const AttachmentIds = z.array(z.string().min(1).max(64)).max(10, 'Tối đa 10 tệp đính kèm').default([]);
