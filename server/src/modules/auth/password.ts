import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Password and key hashing with scrypt from node:crypto (no native dependency). The stored
// string names its parameters, `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised
// later without invalidating existing hashes.

function scrypt(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** For passwords people choose: N = 2^15, r = 8 (32 MiB, ≈ 100 ms). */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** For API key secrets: 256 random bits need no stretching against guessing; N = 2^12 keeps requests fast. */
export const KEY_COST: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };

const KEY_LENGTH = 32;

export async function hashSecret(secret: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await scrypt(secret, Buffer.from(saltText, 'base64url'), expected.length, { ...cost, maxmem: 256 * cost.N * cost.r });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that never matches: verified against when the e-mail is unknown, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashSecret(randomBytes(16).toString('hex')));

/** Minimum for passwords set through the CLI or the API (BSI recommends length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
