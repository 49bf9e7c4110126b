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

/** Only every minute: `last_used_at` is for spotting unused keys, not an access log. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The caller an API key stands for. Malformed, unknown, wrong, revoked and expired keys are all
 * refused with UNAUTHENTICATED — never silently downgraded to anonymous.
 */
export async function callerFromApiKey(prisma: PrismaClient, key: string, now = new Date()): Promise<Caller> {
  const parsed = parseApiKey(key);
  if (!parsed) throw new UnauthenticatedError('Ungültiger API-Schlüssel (malformed API key)', 'INVALID_KEY');
  const row = await prisma.apiKey.findUnique({ where: { prefix: parsed.prefix } });
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
