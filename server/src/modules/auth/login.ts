import type { PrismaClient } from '@sozialatlas/db';
import { UnauthenticatedError } from '../../errors';
import { writeAudit } from '../common/writes/audit';
import { dummyPasswordHash, verifySecret } from './password';
import { createSession } from './session';

/** After this many failed logins in a row the account is locked for `LOCKOUT_MS`. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Every failed attempt answers only after this delay (without blocking other requests). */
export const FAILURE_DELAY_MS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRONG = 'E-Mail-Adresse oder Passwort ist falsch (wrong e-mail or password)';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const lockedError = (until: Date) =>
  new UnauthenticatedError(`Zu viele Fehlversuche: Anmeldung bis ${until.toISOString().slice(11, 16)} Uhr (UTC) gesperrt (account locked)`, 'LOCKED');

/**
 * Checks the password and opens a session. Unknown e-mail, wrong password and disabled accounts
 * all give the same answer after the same delay; a locked account says until when, without
 * checking the password at all.
 *
 * The failure count is kept in the database and changed only by single atomic statements, so
 * parallel attempts (also on several API instances) cannot all read the same old count: each
 * attempt first takes a number (`failed_logins + 1 … RETURNING`); attempts beyond the limit are
 * refused and lock the account without checking the password; a success resets the count.
 */
export async function login(prisma: PrismaClient, emailInput: string, password: string, now = new Date()) {
  const email = normalizeEmail(emailInput);
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await verifySecret(password, await dummyPasswordHash());
    await sleep(FAILURE_DELAY_MS);
    throw new UnauthenticatedError(WRONG, 'WRONG_CREDENTIALS');
  }
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const [attempt] = await prisma.$queryRaw<{ failed: number; lockedUntil: Date | null }[]>`
    UPDATE app_user SET failed_logins = failed_logins + 1
     WHERE id = ${user.id} AND (locked_until IS NULL OR locked_until <= ${now})
     RETURNING failed_logins AS failed, locked_until AS "lockedUntil"`;
  if (!attempt || attempt.failed > MAX_FAILED_LOGINS) {
    // locked, or more attempts in flight than allowed: lock (if not yet) without checking
    const [locked] = await prisma.$queryRaw<{ lockedUntil: Date }[]>`
      UPDATE app_user SET locked_until = COALESCE(CASE WHEN locked_until > ${now} THEN locked_until END, ${lockUntil}), failed_logins = 0
       WHERE id = ${user.id} RETURNING locked_until AS "lockedUntil"`;
    await sleep(FAILURE_DELAY_MS);
    throw lockedError(locked?.lockedUntil ?? lockUntil);
  }
  const ok = await verifySecret(password, user.passwordHash);
  if (!ok || user.disabled) {
    if (attempt.failed === MAX_FAILED_LOGINS) {
      // this attempt used up the last one: lock, and log the lock once
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE app_user SET failed_logins = 0, locked_until = ${lockUntil} WHERE id = ${user.id}`;
        await writeAudit(tx, { kind: 'USER', id: user.id, label: user.email }, { action: 'lockout', entity: 'user', entityId: user.id });
      });
    }
    await sleep(FAILURE_DELAY_MS);
    throw new UnauthenticatedError(WRONG, 'WRONG_CREDENTIALS');
  }
  return prisma.$transaction(async (tx) => {
    // a lock set by a parallel burst while this password was being checked still holds
    const [fresh] = await tx.$queryRaw<{ lockedUntil: Date | null }[]>`SELECT locked_until AS "lockedUntil" FROM app_user WHERE id = ${user.id} FOR UPDATE`;
    if (fresh?.lockedUntil && fresh.lockedUntil > now) throw lockedError(fresh.lockedUntil);
    const updated = await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    const session = await createSession(tx, user.id, now);
    await writeAudit(tx, { kind: 'USER', id: user.id, label: user.email }, { action: 'login', entity: 'user', entityId: user.id });
    return { user: updated, ...session };
  });
}
