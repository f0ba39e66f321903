import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 16-byte salt), encoded as a PHC
 * string that carries its own parameters, so stronger settings later still verify old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must never let anyone in.
    return false;
  }
}

let decoy: Promise<string> | null = null;

/** Spends the time of a real check when the username is unknown, so timing does not reveal accounts. */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hash('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
}
