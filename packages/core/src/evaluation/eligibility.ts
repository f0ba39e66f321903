import { type CriteriaSet, tierLabels } from '../catalog/schema';
import { formatDate } from '../format/vi';
import { yearEnd } from '../units/tree';
import type { Recognition } from '../values/value';
import { isRecognitionInForce } from './recognition';
import type { CriterionResult, TierEligibility } from './result';

/**
 * Whether the unit may be proposed for the set's tier at the end of `year`. `recognitions`
 * are the unit's own. Manual prerequisites do not block: they are listed for a person to
 * confirm, since no value in the system can show them.
 */
export function assessEligibility(
  set: Pick<CriteriaSet, 'tier' | 'prerequisites'>,
  criteria: readonly Pick<CriterionResult, 'outcome'>[],
  recognitions: readonly Recognition[],
  year: number,
): TierEligibility {
  const asOf = yearEnd(year);
  const allCriteriaMet = criteria.length > 0 && criteria.every((criterion) => criterion.outcome === 'met');
  const unmetPrerequisites: string[] = [];
  const manualConditions: string[] = [];
  for (const prerequisite of set.prerequisites) {
    if (prerequisite.kind === 'manual') {
      manualConditions.push(prerequisite.text);
      continue;
    }
    const tier = prerequisite.tier;
    if (!recognitions.some((recognition) => isRecognitionInForce(recognition, tier, asOf))) {
      unmetPrerequisites.push(
        `Chưa có quyết định công nhận “${tierLabels[tier]}” có hiệu lực đến ${formatDate(asOf)}`,
      );
    }
  }
  return {
    tier: set.tier,
    allCriteriaMet,
    unmetPrerequisites,
    manualConditions,
    eligible: allCriteriaMet && unmetPrerequisites.length === 0,
  };
}
