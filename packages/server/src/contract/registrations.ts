import { ItemDecision, RegistrationStatus, Tier } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

export const RegistrationItemInput = z.object({
  unitId: z.string().min(1).max(64),
  tier: Tier,
  expectedMonth: z.number().int().min(1, 'Tháng từ 1 đến 12').max(12, 'Tháng từ 1 đến 12'),
  note: z.string().max(1000).nullable().default(null),
});

export const RegistrationCreateRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  unitId: z.string().min(1).max(64),
});
export const RegistrationItemsRequest = z.object({ items: z.array(RegistrationItemInput).max(500) });
export type RegistrationItemsRequest = z.infer<typeof RegistrationItemsRequest>;
export const RegistrationReviewRequest = z.object({
  decisions: z
    .array(
      z.object({
        unitId: z.string().min(1).max(64),
        decision: ItemDecision,
        reason: z.string().max(2000).nullable().optional(),
        tier: Tier.optional(),
        expectedMonth: z.number().int().min(1).max(12).optional(),
      }),
    )
    .max(500),
  note: z.string().max(2000).nullable().optional(),
});
export type RegistrationReviewRequest = z.infer<typeof RegistrationReviewRequest>;
export const RegistrationIdParams = z.object({ registrationId: z.string().min(1).max(64) });
export const RegistrationListQuery = z.object({ year: YearParam });

export const RegistrationSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  status: RegistrationStatus,
  currentVersion: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  itemCount: z.number().int(),
  approvedCount: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  isDemo: z.boolean(),
});
export const RegistrationListResponse = z.object({
  year: z.number().int(),
  registrations: z.array(RegistrationSummary),
  /** Units the viewer may open a registration for this year (none for read-only roles). */
  canRegisterFor: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RegistrationListResponse = z.infer<typeof RegistrationListResponse>;

const ItemSnapshot = z.object({ tier: Tier, expectedMonth: z.number().int(), note: z.string().nullable() });

export const RegistrationVersionSchema = z.object({
  version: z.number().int(),
  status: RegistrationStatus,
  createdAt: z.string(),
  createdBy: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      parentName: z.string().nullable(),
      tier: Tier,
      expectedMonth: z.number().int(),
      note: z.string().nullable(),
      decision: ItemDecision.nullable(),
      reason: z.string().nullable(),
      approvedTier: Tier.nullable(),
      approvedMonth: z.number().int().nullable(),
    }),
  ),
  /** What this version proposes differently from what the previous version approved. */
  changes: z.array(
    z.object({
      kind: z.enum(['added', 'removed', 'changed']),
      unitId: z.string(),
      unitName: z.string(),
      before: ItemSnapshot.nullable(),
      after: ItemSnapshot.nullable(),
    }),
  ),
});

export const RegistrationDetailResponse = z.object({
  registration: RegistrationSummary,
  versions: z.array(RegistrationVersionSchema),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  /** An approved registration the viewer may open a new version of. */
  canRevise: z.boolean(),
});
export type RegistrationDetailResponse = z.infer<typeof RegistrationDetailResponse>;

export const CandidatesQuery = z.object({
  year: YearParam,
  tier: Tier,
  unitId: z.string().min(1).max(64),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});

export const CandidatesResponse = z.object({
  year: z.number().int(),
  tier: Tier,
  criteriaSet: z.object({ id: z.string(), shortName: z.string() }),
  prerequisites: z.array(Tier),
  candidates: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      parentName: z.string().nullable(),
      criteriaMissing: z.number().int(),
      criteriaNoData: z.number().int(),
      totalNormalisedGap: z.number(),
      missingPrerequisites: z.array(Tier),
      pendingRecognition: z.string().nullable(),
      /** Status of the registration of the year that already lists the unit, if any. */
      registeredIn: z.object({ registrationId: z.string(), status: RegistrationStatus }).nullable(),
    }),
  ),
});
export type CandidatesResponse = z.infer<typeof CandidatesResponse>;
