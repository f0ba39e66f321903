import { z } from 'zod';
import { Tier } from '../catalog/schema';

/** The level of the units a tier is judged on: villages climb their own ladder. */
export function tierUnitLevel(tier: Tier): 'commune' | 'village' {
  return tier === 'village_standard' || tier === 'model_residential_area' ? 'village' : 'commune';
}

/** A registration moves draft → submitted → approved; an approved one is revised as a new draft version. */
export const RegistrationStatus = z.enum(['draft', 'submitted', 'approved']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ tỉnh duyệt',
  approved: 'Tỉnh đã duyệt',
};

export const ItemDecision = z.enum(['accepted', 'adjusted', 'rejected']);
export type ItemDecision = z.infer<typeof ItemDecision>;

export const itemDecisionLabels: Record<ItemDecision, string> = {
  accepted: 'Chấp thuận',
  adjusted: 'Điều chỉnh',
  rejected: 'Không chấp thuận',
};

/** A unit a district (or commune) proposes to bring to a tier in the year, by an expected month. */
export const RegistrationItem = z.object({
  unitId: z.string().min(1).max(64),
  tier: Tier,
  expectedMonth: z.number().int().min(1).max(12),
  note: z.string().max(1000).nullable(),
});
export type RegistrationItem = z.infer<typeof RegistrationItem>;

/** The province's decision on one proposed unit; adjusting may change the tier or the month. */
export interface ReviewedItem extends RegistrationItem {
  decision: ItemDecision;
  reason: string | null;
  /** What the province approved: the proposal, or its adjustment. */
  approvedTier: Tier | null;
  approvedMonth: number | null;
}

export interface ReviewDecision {
  unitId: string;
  decision: ItemDecision;
  reason?: string | null;
  tier?: Tier;
  expectedMonth?: number;
}

/**
 * Applies the province's decisions to a submitted version: every proposed unit needs one
 * decision; adjusting or rejecting needs a reason, and an adjustment must change something.
 * Returns the reviewed items, or the problems in Vietnamese (nothing is applied then).
 */
export function reviewItems(
  items: readonly RegistrationItem[],
  decisions: readonly ReviewDecision[],
  unitName: (id: string) => string,
): { items: ReviewedItem[]; problems: string[] } {
  const problems: string[] = [];
  const byUnit = new Map<string, ReviewDecision>();
  for (const d of decisions) {
    if (byUnit.has(d.unitId)) problems.push(`${unitName(d.unitId)} có nhiều hơn một quyết định.`);
    byUnit.set(d.unitId, d);
  }
  const proposed = new Set(items.map((i) => i.unitId));
  for (const d of decisions) {
    if (!proposed.has(d.unitId))
      problems.push(`${unitName(d.unitId)} không có trong bản đăng ký đang duyệt.`);
  }
  const reviewed: ReviewedItem[] = [];
  for (const item of items) {
    const d = byUnit.get(item.unitId);
    const name = unitName(item.unitId);
    if (!d) {
      problems.push(`Chưa có quyết định cho ${name}.`);
      continue;
    }
    const reason = d.reason?.trim() ? d.reason.trim() : null;
    if (d.decision !== 'accepted' && reason === null) {
      problems.push(
        `Cần ghi lý do khi ${d.decision === 'rejected' ? 'không chấp thuận' : 'điều chỉnh'} ${name}.`,
      );
    }
    const tier = d.decision === 'adjusted' ? (d.tier ?? item.tier) : item.tier;
    const month = d.decision === 'adjusted' ? (d.expectedMonth ?? item.expectedMonth) : item.expectedMonth;
    if (d.decision === 'adjusted' && tier === item.tier && month === item.expectedMonth) {
      problems.push(`Điều chỉnh ${name} phải thay đổi mức công nhận hoặc tháng dự kiến.`);
    }
    reviewed.push({
      ...item,
      decision: d.decision,
      reason,
      approvedTier: d.decision === 'rejected' ? null : tier,
      approvedMonth: d.decision === 'rejected' ? null : month,
    });
  }
  return { items: problems.length > 0 ? [] : reviewed, problems };
}

/** What an approved version commits the registering unit to: accepted and adjusted units. */
export function approvedItems(items: readonly ReviewedItem[]): RegistrationItem[] {
  return items.flatMap((i) =>
    i.approvedTier === null || i.approvedMonth === null
      ? []
      : [{ unitId: i.unitId, tier: i.approvedTier, expectedMonth: i.approvedMonth, note: i.note }],
  );
}

export type RegistrationChange =
  | { kind: 'added'; unitId: string; after: RegistrationItem }
  | { kind: 'removed'; unitId: string; before: RegistrationItem }
  | {
      kind: 'changed';
      unitId: string;
      before: RegistrationItem;
      after: RegistrationItem;
      fields: ('tier' | 'expectedMonth' | 'note')[];
    };

/** What changed from one version's items to the next, in the next version's order, removals last. */
export function diffItems(
  before: readonly RegistrationItem[],
  after: readonly RegistrationItem[],
): RegistrationChange[] {
  const old = new Map(before.map((i) => [i.unitId, i]));
  const changes: RegistrationChange[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    seen.add(item.unitId);
    const previous = old.get(item.unitId);
    if (!previous) {
      changes.push({ kind: 'added', unitId: item.unitId, after: item });
      continue;
    }
    const fields = (['tier', 'expectedMonth', 'note'] as const).filter((f) => previous[f] !== item[f]);
    if (fields.length > 0)
      changes.push({ kind: 'changed', unitId: item.unitId, before: previous, after: item, fields });
  }
  for (const item of before) {
    if (!seen.has(item.unitId)) changes.push({ kind: 'removed', unitId: item.unitId, before: item });
  }
  return changes;
}

/** Problems with a draft's items: one line per unit registered twice. */
export function duplicateItemProblems(
  items: readonly RegistrationItem[],
  unitName: (id: string) => string,
): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const item of items) {
    if (seen.has(item.unitId)) problems.push(`${unitName(item.unitId)} được đăng ký hai lần.`);
    seen.add(item.unitId);
  }
  return problems;
}
