import type { PrismaClient, UserRole } from '@sozialatlas/db';
import type { Actor } from './caller';
import { writeAudit } from '../common/writes/audit';
import { InputValidationError, problem } from '../common/writes/validation';
import { normalizeEmail } from './login';
import { hashSecret, MIN_PASSWORD_LENGTH } from './password';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: UserRole;
}

/** Creates an account (API and the create-admin CLI); the password is only ever stored hashed. */
export async function createUser(prisma: PrismaClient, input: NewUser, actor: Actor) {
  const email = normalizeEmail(input.email);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new InputValidationError([problem('password', 'TOO_SHORT', `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`)]);
  }
  if (await prisma.user.findUnique({ where: { email } })) {
    throw new InputValidationError([problem('email', 'DUPLICATE', 'Für diese E-Mail-Adresse gibt es schon ein Konto.')]);
  }
  const passwordHash = await hashSecret(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, displayName: input.displayName.trim(), passwordHash, role: input.role } });
    await writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: user.id, after: user });
    return user;
  });
}
