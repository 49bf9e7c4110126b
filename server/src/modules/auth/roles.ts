import type { Actor, Caller, Role } from './caller';

export const ROLES: readonly Role[] = ['ANALYST', 'PLANNER', 'STATISTICS', 'ADMIN'];

/** When a caller holds several roles, the strongest is its main `role`. */
const STRENGTH: Record<Role, number> = { ANALYST: 0, PLANNER: 1, STATISTICS: 2, ADMIN: 3 };

/**
 * What the roles may see. Every signed-in role sees drafts (unpublished records); values under
 * statistical confidentiality only the statistics office and admins.
 */
export function callerFor(roles: readonly Role[], actor: Actor): Caller {
  const unique = [...new Set(roles)].sort((a, b) => STRENGTH[b] - STRENGTH[a]);
  const main = unique[0];
  if (!main) throw new Error('a signed-in caller needs at least one role');
  return {
    role: main,
    roles: unique,
    actor,
    canSeeUnpublished: true,
    canSeeSuppressed: unique.includes('STATISTICS') || unique.includes('ADMIN'),
  };
}

export const rolesOf = (caller: Caller): Role[] => (caller.role === 'ANONYMOUS' ? [] : (caller.roles ?? [caller.role]));

/** ADMIN may do everything; otherwise one of the required roles is needed. */
export function hasAnyRole(caller: Caller, required: readonly Role[]): boolean {
  const held = rolesOf(caller);
  if (held.includes('ADMIN')) return true;
  return required.length === 0 ? held.length > 0 : required.some((role) => held.includes(role));
}

/** The actor recorded for command-line tools. */
export const systemActor = (command: string): Actor => ({ kind: 'SYSTEM', id: null, label: command });
