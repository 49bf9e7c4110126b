import type { PrismaClient } from '@sozialatlas/db';
import { createLoaders, type Loaders } from './loaders';
import { anonymousCaller, type Caller } from './modules/auth/caller';

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

/**
 * A request's context. Its loaders are built on first use: a request answered without resolvers
 * (compiled reads) never needs them. The getter sits on the prototype because Apollo copies the
 * context's own properties for every operation, which would read (and so build) them.
 */
class RequestContext implements Context {
  private built?: Loaders;

  constructor(
    readonly prisma: PrismaClient,
    readonly caller: Caller,
    readonly http?: HttpExchange,
  ) {}

  get loaders(): Loaders {
    return (this.built ??= createLoaders(this.prisma, this.caller));
  }
}

export function createContext(prisma: PrismaClient, caller: Caller = anonymousCaller, http?: HttpExchange): Context {
  return new RequestContext(prisma, caller, http);
}
