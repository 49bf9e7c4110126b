import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@sozialatlas/db';
import type { Caller, Role } from './caller';
import { callerFor } from './roles';

// Login sessions of the web app. The cookie carries a random token; the database keeps only its
// SHA-256, so a leaked database does not yield usable sessions.

export const SESSION_COOKIE = 'sozialatlas_session';
/** A working day; after that people log in again. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(prisma: Pick<PrismaClient, 'session'>, userId: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user behind a cookie token; null when unknown, expired or the user is disabled. */
export async function callerFromSession(prisma: PrismaClient, token: string, now = new Date()): Promise<Caller | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt <= now || session.user.disabled) return null;
  return callerFor([session.user.role as Role], { kind: 'USER', id: session.user.id, label: session.user.email });
}

export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
