// Who calls and who acts: the types every read (visibility) and every write (audit) depends on.
// Kept free of imports so that context, loaders and modules can all use them without a cycle.

/** Roles beyond anonymous read access (see docs/security.md). */
export type Role = 'ANALYST' | 'PLANNER' | 'STATISTICS' | 'ADMIN';

/** Who acts: recorded in the audit log with every write. */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'SYSTEM';
  /** user id or API key id; null for SYSTEM */
  id: number | null;
  /** e-mail of the user, name of the key, or the CLI command */
  label: string;
}

/** Who is calling, resolved from an API key or a session cookie (modules/auth/http.ts). */
export interface Caller {
  /** The caller's main role; ANONYMOUS without key or session. */
  role: 'ANONYMOUS' | Role;
  /** All roles (an API key may carry several scopes); defaults to `[role]`. */
  roles?: Role[];
  /** Absent for anonymous callers. */
  actor?: Actor;
  /** May see values under statistical confidentiality (Geheimhaltung). */
  canSeeSuppressed: boolean;
  /** May see unpublished (draft) records. */
  canSeeUnpublished: boolean;
}

/** What a caller may see, without who they are: all that read SQL may depend on. */
export type Visibility = Pick<Caller, 'canSeeSuppressed' | 'canSeeUnpublished'>;

export const anonymousCaller: Caller = { role: 'ANONYMOUS', canSeeSuppressed: false, canSeeUnpublished: false };
