import type { Tier } from '../catalog/schema';
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
