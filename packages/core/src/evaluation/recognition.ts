import type { Tier } from '../catalog/schema';
import { isLowerTier } from '../catalog/tiers';
import type { IsoDate } from '../units/unit';
import type { Recognition } from '../values/value';

/**
 * Only a decision counts (PRODUCT §3): decided on or before `asOf` and not revoked by then.
 * A record already marked revoked keeps counting for the years before its revocation date;
 * one marked revoked without a date is treated as revoked all along rather than guessed.
 */
export function isRecognitionInForce(recognition: Recognition, tier: Tier, asOf: IsoDate): boolean {
  if (recognition.tier !== tier) return false;
  if (recognition.status !== 'decided' && recognition.status !== 'revoked') return false;
  if (recognition.decisionDate === null || recognition.decisionDate > asOf) return false;
  if (recognition.revokedDate !== null) return recognition.revokedDate > asOf;
  return recognition.status === 'decided';
}

/** The highest rung a unit holds a decision in force for on `asOf` (null: not recognised at any tier). */
export function highestTierInForce(recognitions: readonly Recognition[], asOf: IsoDate): Tier | null {
  let highest: Tier | null = null;
  for (const recognition of recognitions) {
    if (!isRecognitionInForce(recognition, recognition.tier, asOf)) continue;
    if (highest === null || isLowerTier(highest, recognition.tier)) highest = recognition.tier;
  }
  return highest;
}
