import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@sozialatlas/db';
import type { Caller, Role } from './caller';
import { UnauthenticatedError } from '../../errors';
import { hashSecret, KEY_COST, verifySecret } from './password';
import { callerFor } from './roles';

// API keys of machine clients: `sa_<prefix>_<secret>`. The prefix (12 hex characters) is stored in
// clear to find the row; the secret (32 random bytes, base64url) only as a scrypt hash. The full
// key is shown once, when it is created.

const KEY_PATTERN = /^sa_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewKey {
  key: string;
  prefix: string;
  secretHash: string;
}

export async function generateApiKey(): Promise<NewKey> {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  forgetUnknownPrefix(prefix);
  return { key: `sa_${prefix}_${secret}`, prefix, secretHash: await hashSecret(secret, KEY_COST) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key.trim());
  return match ? { prefix: match[1] as string, secret: match[2] as string } : null;
}

/** Remembers secrets already verified against a stored hash, so scrypt runs once per key and process. */
const verified = new Map<string, string>();
const MAX_VERIFIED = 1000;

async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const fingerprint = createHash('sha256').update(secret).digest('base64url');
  if (verified.get(fingerprint) === stored) return true;
  if (!(await verifySecret(secret, stored))) return false;
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
  verified.set(fingerprint, stored);
  return true;
}

/**
 * Prefixes just looked up and not found, with the time they expire: a client repeating an unknown
 * key is refused without a database lookup. Random new prefixes are bounded by the per-IP limit on
 * refused keys (http.ts). A key created within the minute on this instance is let through at once;
 * another instance learns of it at most a minute later (the chance that a fresh prefix of 48 random
 * bits was just probed is negligible).
 */
const unknownPrefixes = new Map<string, number>();
const UNKNOWN_TTL_MS = 60_000;
const MAX_UNKNOWN = 10_000;

function rememberUnknown(prefix: string, now: number) {
  if (unknownPrefixes.size >= MAX_UNKNOWN) unknownPrefixes.delete(unknownPrefixes.keys().next().value as string);
  unknownPrefixes.set(prefix, now + UNKNOWN_TTL_MS);
}

function knownUnknown(prefix: string, now: number): boolean {
  const until = unknownPrefixes.get(prefix);
  if (until === undefined) return false;
  if (until > now) return true;
  unknownPrefixes.delete(prefix);
  return false;
}

/** A key was created: its prefix is no longer unknown on this instance. */
export const forgetUnknownPrefix = (prefix: string) => unknownPrefixes.delete(prefix);

/** Only every minute: `last_used_at` is for spotting unused keys, not an access log. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The caller an API key stands for. Malformed, unknown, wrong, revoked and expired keys are all
 * refused with UNAUTHENTICATED — never silently downgraded to anonymous.
 */
export async function callerFromApiKey(prisma: PrismaClient, key: string, now = new Date()): Promise<Caller> {
  const parsed = parseApiKey(key);
  if (!parsed) throw new UnauthenticatedError('Ungültiger API-Schlüssel (malformed API key)', 'INVALID_KEY');
  if (knownUnknown(parsed.prefix, now.getTime())) throw new UnauthenticatedError('Ungültiger API-Schlüssel (invalid API key)', 'INVALID_KEY');
  const row = await prisma.apiKey.findUnique({ where: { prefix: parsed.prefix } });
  if (!row) rememberUnknown(parsed.prefix, now.getTime());
  if (!row || !(await secretMatches(parsed.secret, row.secretHash))) {
    throw new UnauthenticatedError('Ungültiger API-Schlüssel (invalid API key)', 'INVALID_KEY');
  }
  if (row.revokedAt) throw new UnauthenticatedError('Der API-Schlüssel wurde widerrufen (API key revoked)', 'REVOKED_KEY');
  if (row.expiresAt && row.expiresAt <= now) throw new UnauthenticatedError('Der API-Schlüssel ist abgelaufen (API key expired)', 'EXPIRED_KEY');
  if (!row.roles.length) throw new UnauthenticatedError('Der API-Schlüssel hat keine Rolle (API key without scope)', 'INVALID_KEY');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return callerFor(row.roles as Role[], { kind: 'API_KEY', id: row.id, label: row.name });
}
