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

/**
 * Checks the password and opens a session. Unknown e-mail, wrong password and disabled accounts
 * all give the same answer after the same delay; a locked account says until when, without
 * checking the password at all.
 */
export async function login(prisma: PrismaClient, emailInput: string, password: string, now = new Date()) {
  const email = normalizeEmail(emailInput);
  const user = await prisma.user.findUnique({ where: { email } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    await sleep(FAILURE_DELAY_MS);
    const until = user.lockedUntil.toISOString().slice(11, 16);
    throw new UnauthenticatedError(`Zu viele Fehlversuche: Anmeldung bis ${until} Uhr (UTC) gesperrt (account locked)`, 'LOCKED');
  }
  const ok = await verifySecret(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled) {
    if (user) {
      const failed = user.failedLogins + 1;
      const locks = failed >= MAX_FAILED_LOGINS;
      await prisma.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: locks ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) } : { failedLogins: failed },
        });
        if (locks) await writeAudit(tx, { kind: 'USER', id: user.id, label: user.email }, { action: 'lockout', entity: 'user', entityId: user.id });
      });
    }
    await sleep(FAILURE_DELAY_MS);
    throw new UnauthenticatedError(WRONG, 'WRONG_CREDENTIALS');
  }
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    const session = await createSession(tx, user.id, now);
    await writeAudit(tx, { kind: 'USER', id: user.id, label: user.email }, { action: 'login', entity: 'user', entityId: user.id });
    return { user: updated, ...session };
  });
}
