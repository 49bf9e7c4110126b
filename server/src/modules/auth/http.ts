import type { PrismaClient } from '@sozialatlas/db';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { type HttpExchange } from '../../context';
import { anonymousCaller, type Caller } from './caller';
import { UnauthenticatedError } from '../../errors';
import { callerFromApiKey, parseApiKey } from './api-key';
import { callerFromSession, readCookie, SESSION_COOKIE } from './session';

// The HTTP side of access control: who is calling (API key or session cookie), the cookie itself,
// and the rate limits in front of /graphql.

const callers = new WeakMap<Request, Caller>();
const sessionTokens = new WeakMap<Request, string>();

/** The API key sent as `Authorization: Bearer <key>` or `x-api-key: <key>`, if any. */
export function apiKeyOf(req: Request): string | undefined {
  const header = req.get('x-api-key');
  if (header !== undefined) return header;
  const authorization = req.get('authorization');
  if (authorization === undefined) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  // Any other scheme is a credential we do not accept: refuse rather than ignore it.
  return bearer ? (bearer[1] as string) : '';
}

function sendUnauthenticated(res: Response, error: UnauthenticatedError) {
  res.status(401).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/**
 * Resolves the caller once per request. A presented API key must be valid (401 otherwise); a
 * stale session cookie only makes the caller anonymous and is cleared, so a browser with an old
 * cookie still sees the public map.
 */
export function resolveCaller(prisma: PrismaClient): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const key = apiKeyOf(req);
      if (key !== undefined) {
        callers.set(req, await callerFromApiKey(prisma, key));
        return next();
      }
      const token = readCookie(req.get('cookie'), SESSION_COOKIE);
      if (token) {
        const caller = await callerFromSession(prisma, token);
        if (caller) {
          callers.set(req, caller);
          sessionTokens.set(req, token);
        } else {
          res.clearCookie(SESSION_COOKIE, cookieOptions(req));
        }
      }
      next();
    } catch (error) {
      if (error instanceof UnauthenticatedError) return sendUnauthenticated(res, error);
      next(error);
    }
  };
}

/** The caller resolved by `resolveCaller` (anonymous when it did not run). */
export const callerOf = (req: Request): Caller => callers.get(req) ?? anonymousCaller;

function cookieOptions(req: Request) {
  // `req.secure` is true for https, also behind a proxy trusted by `trust proxy` (X-Forwarded-Proto).
  return { httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/' };
}

/** Gives login/logout access to the cookie of this exchange. */
export function httpExchange(req: Request, res: Response): HttpExchange {
  return {
    secure: req.secure,
    ip: req.ip ?? '',
    sessionToken: sessionTokens.get(req),
    setSessionCookie: (token, expiresAt) => res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), expires: expiresAt }),
    clearSessionCookie: () => res.clearCookie(SESSION_COOKIE, cookieOptions(req)),
  };
}

export interface RateLimits {
  /** Requests per minute and client IP address (requests without an API key). */
  perIpPerMinute: number;
  /** Requests per minute and API key. */
  perKeyPerMinute: number;
  /** Requests per minute to /export and /ogc, per API key or else per IP address (large answers). */
  downloadsPerMinute: number;
  /** Refused API keys (401) per minute and IP address; beyond it keys from there are not even looked up. */
  invalidKeysPerMinute: number;
}

const tooMany = (_req: Request, res: Response) => {
  res.status(429).json({ errors: [{ message: 'Zu viele Anfragen – bitte kurz warten (too many requests)', extensions: { code: 'RATE_LIMITED' } }] });
};

// The client address is what Express derives under the configured `trust proxy` (TRUSTED_PROXIES);
// a forwarded header from an untrusted peer is ignored, which is what we want, not a misconfiguration.
const common = { windowMs: 60_000, standardHeaders: 'draft-8' as const, legacyHeaders: false, handler: tooMany, validate: { xForwardedForHeader: false } };

/**
 * Fixed one-minute windows, in memory of this process (docs/security.md#rate-limits says why):
 * per API key (by its prefix, counted before the key is checked) and per IP address for everything
 * else; IPv6 clients count per /56 network. A separate counter per IP address for refused keys
 * runs before the key is looked up, so random fake keys cost no database work once it is full.
 * `/export` and `/ogc` have their own, smaller budget (each answer can be half a megabyte).
 */
export function rateLimits(limits: RateLimits): { graphql: RequestHandler[]; downloads: RequestHandler[] } {
  const prefixOf = (req: Request) => parseApiKey(apiKeyOf(req) ?? '')?.prefix;
  const invalidKeys = rateLimit({
    ...common,
    limit: limits.invalidKeysPerMinute,
    skip: (req) => apiKeyOf(req) === undefined,
    // only refused keys count; valid ones are limited per key below
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
  });
  const pair = (perKey: number, perIp: number, name: string) => [
    rateLimit({ ...common, limit: perKey, skip: (req) => prefixOf(req) === undefined, keyGenerator: (req) => `${name}:key:${prefixOf(req)}` }),
    rateLimit({ ...common, limit: perIp, skip: (req) => prefixOf(req) !== undefined }),
  ];
  return {
    graphql: [invalidKeys, ...pair(limits.perKeyPerMinute, limits.perIpPerMinute, 'graphql')],
    downloads: [invalidKeys, ...pair(limits.downloadsPerMinute, limits.downloadsPerMinute, 'downloads')],
  };
}
