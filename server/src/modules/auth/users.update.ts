import type { Context } from '../../context';
import { ConflictError, NotFoundError } from '../../errors';
import { actorOf, writeAudit } from '../common/writes/audit';
import { given } from '../common/writes/versioned';
import { InputValidationError, problem } from '../common/writes/validation';
import type { UpdateUserInput } from './auth.type';
import { hashSecret } from './password';

/** Optimistic update of an account; a new password or disabling ends the user's sessions. */
export async function updateVersionedUser(ctx: Context, input: UpdateUserInput) {
  // an administrator who disables or demotes their own account could lock everyone out
  const actor = ctx.caller.actor;
  if (actor?.kind === 'USER' && actor.id === input.id && (input.disabled === true || (input.role && input.role !== 'ADMIN'))) {
    throw new InputValidationError([
      problem(input.disabled ? 'disabled' : 'role', 'OWN_ACCOUNT', 'Das eigene Konto kann nicht gesperrt oder herabgestuft werden; das muss eine andere Administratorin oder ein anderer Administrator tun.'),
    ]);
  }
  const passwordHash = input.password ? await hashSecret(input.password) : undefined;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError('user', input.id);
    const data = given({
      displayName: input.displayName,
      role: input.role,
      disabled: input.disabled,
      passwordHash,
      ...(passwordHash ? { failedLogins: 0, lockedUntil: null } : {}),
    });
    const { count } = await tx.user.updateMany({ where: { id: input.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError('user', input.id, before.version);
    if (passwordHash || input.disabled || (input.role && input.role !== before.role)) await tx.session.deleteMany({ where: { userId: input.id } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actorOf(ctx.caller), { action: 'update', entity: 'user', entityId: input.id, before, after });
    return after;
  });
}
