import type { PrismaClient } from '@sozialatlas/db';
import { createLoaders, type Loaders } from './loaders';

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

/** Who is calling, resolved from an API key or a session cookie (modules/auth/resolve-caller.ts). */
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

export const anonymousCaller: Caller = { role: 'ANONYMOUS', canSeeSuppressed: false, canSeeUnpublished: false };

/** The HTTP exchange behind a GraphQL request, for login/logout (absent in-process and in CLIs). */
export interface HttpExchange {
  /** True when the request came over TLS (directly or via a trusted proxy): cookies get `Secure`. */
  secure: boolean;
  ip: string;
  /** Raw session token from the cookie, if any (logout deletes it). */
  sessionToken?: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export interface Context {
  prisma: PrismaClient;
  caller: Caller;
  /** Per-request DataLoaders: every relation goes through one, so no query runs per parent. */
  loaders: Loaders;
  http?: HttpExchange;
}

export function createContext(prisma: PrismaClient, caller: Caller = anonymousCaller, http?: HttpExchange): Context {
  return { prisma, caller, loaders: createLoaders(prisma, caller), http };
}
