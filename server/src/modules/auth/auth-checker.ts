import type { AuthChecker } from 'type-graphql';
import type { Context } from '../../context';
import type { Role } from './caller';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import { hasAnyRole } from './roles';

/**
 * type-graphql's guard for `@Authorized(...roles)`: anonymous callers get UNAUTHENTICATED, callers
 * without one of the roles FORBIDDEN. ADMIN passes everywhere. Runs before the resolver and
 * before any input is looked at.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (context.caller.role === 'ANONYMOUS') {
    throw new UnauthenticatedError('Bitte anmelden: diese Aktion ist nur für angemeldete Nutzer (authentication required)');
  }
  if (!hasAnyRole(context.caller, roles)) {
    throw new ForbiddenError(`Ihre Rolle darf das nicht; nötig ist: ${roles.join(' oder ')} (not allowed for your role)`);
  }
  return true;
};
