import { createHash, randomBytes } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Only hashes of secrets are stored, so a copied database cannot be used to log in. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
