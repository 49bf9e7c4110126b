import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse } from 'graphql';
import type { Caller } from '../modules/auth/caller';
import { queryLimits } from './limits';

/**
 * Trusted documents: the operations the map client was built with (client codegen writes them as
 * "sha256:<hex>" → document into client/dist/trusted-documents.json). When enforced, anonymous
 * callers may only run these; callers with an API key or a session may send any document.
 */
export interface TrustedDocuments {
  readonly size: number;
  /** The document of a hash, given as "sha256:<hex>" or bare hex (APQ); undefined if unknown. */
  byHash(hash: string): string | undefined;
  /** Whether a query text is one of the documents (whitespace, order and __typename placement aside). */
  includesText(query: string): boolean;
}

/**
 * The id of a document as the client's codegen computes it: SHA-256 of its normalised print
 * (stable order of definitions, selections and arguments; no comments or extra whitespace), so
 * the text urql sends and the text in the list give the same id. Null if the text does not parse.
 */
export function documentId(query: string): string | null {
  try {
    const normalised = printExecutableGraphQLDocument(parse(query, { noLocation: true, maxTokens: queryLimits.maxTokens }));
    return `sha256:${createHash('sha256').update(normalised).digest('hex')}`;
  } catch {
    return null;
  }
}

/** Up to this many distinct trusted texts are remembered, so a known text is parsed only once. */
const KNOWN_TEXTS_MAX = 1000;

export function trustedDocumentsFrom(list: Record<string, string>, source = 'trusted documents'): TrustedDocuments {
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(list)) {
    // A list that does not hash to its own keys was edited by hand or is corrupt: refuse to start.
    if (documentId(document) !== id) throw new Error(`${source}: the document listed as ${id} does not have that hash`);
    documents.set(id, document);
  }
  const knownTexts = new Set<string>();
  return {
    size: documents.size,
    byHash(hash) {
      return documents.get(hash.startsWith('sha256:') ? hash : `sha256:${hash}`);
    },
    includesText(query) {
      if (knownTexts.has(query)) return true;
      const id = documentId(query);
      if (id === null || !documents.has(id)) return false;
      if (knownTexts.size < KNOWN_TEXTS_MAX) knownTexts.add(query);
      return true;
    },
  };
}

/**
 * Reads the list written by the client build. Missing is fine unless enforcement is on: then the
 * server must not start, or it would refuse the map's every request (or, worse, let all through).
 */
export function loadTrustedDocuments(options: { enforce: boolean; file: string }): TrustedDocuments | null {
  if (!existsSync(options.file)) {
    if (!options.enforce) return null;
    throw new Error(
      `TRUSTED_DOCUMENTS=true, but the list of trusted documents ${options.file} does not exist: build the map client (npm run build) or set TRUSTED_DOCUMENTS_FILE`,
    );
  }
  return trustedDocumentsFrom(JSON.parse(readFileSync(options.file, 'utf8')) as Record<string, string>, options.file);
}

type Params = Record<string, unknown>;

/** The hash a request names instead of (or besides) a query: `documentId` or APQ's sha256Hash. */
function requestedHash(params: Params): string | undefined {
  if (typeof params.documentId === 'string' && params.documentId) return params.documentId;
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    // GET sends extensions as JSON in the query string
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined;
    }
  }
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' && persisted.sha256Hash ? persisted.sha256Hash : undefined;
}

/** Replaces a hash-only request by the full document, so Apollo runs it like any other. */
function substitute(req: Request, params: Params, document: string) {
  if (req.method === 'GET') {
    const url = new URL(req.url, 'http://localhost');
    url.searchParams.set('query', document);
    url.searchParams.delete('documentId');
    url.searchParams.delete('extensions');
    req.url = `${url.pathname}${url.search}`;
    return;
  }
  const { documentId: _id, extensions, ...rest } = params;
  const { persistedQuery: _pq, ...otherExtensions } = (typeof extensions === 'object' && extensions ? extensions : {}) as Params;
  req.body = { ...rest, query: document, ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}) };
}

const refusals = {
  notFound: {
    status: 404,
    message:
      'Diese gespeicherte Abfrage ist dem Server nicht bekannt. Bitte laden Sie die Seite neu. (persisted document not found)',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
  },
  untrusted: {
    status: 403,
    message:
      'Ohne Anmeldung sind nur die Abfragen der Karte erlaubt. Für eigene Abfragen brauchen Sie einen API-Schlüssel (siehe docs/security.md). (anonymous callers may only send the map’s trusted documents)',
    extensions: { code: 'FORBIDDEN', reason: 'UNTRUSTED_DOCUMENT' },
  },
} as const;

function refuse(res: Response, kind: keyof typeof refusals) {
  const { status, message, extensions } = refusals[kind];
  res.status(status).json({ errors: [{ message, extensions }] });
}

/**
 * Express middleware in front of Apollo at /graphql (after the caller is known and the body is
 * parsed). Hash-only requests for a listed document are always served; with `enforce`, anonymous
 * requests with any other document are refused before parsing, validation or execution.
 */
export function trustedDocumentsGuard(documents: TrustedDocuments | null, enforce: boolean, callerOf: (req: Request) => Caller): RequestHandler {
  if (enforce && !documents) throw new Error('trusted documents are enforced but no list was loaded');
  return (req: Request, res: Response, next: NextFunction) => {
    const anonymous = callerOf(req).role === 'ANONYMOUS';
    const params = (req.method === 'GET' ? req.query : req.body) as unknown;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      // batches and non-JSON bodies: Apollo refuses them anyway, but never let them pass unchecked
      return enforce && anonymous ? refuse(res, 'untrusted') : next();
    }
    const query = typeof (params as Params).query === 'string' && (params as Params).query !== '' ? ((params as Params).query as string) : undefined;
    const hash = requestedHash(params as Params);
    if (query === undefined && hash !== undefined) {
      const document = documents?.byHash(hash);
      if (document !== undefined) {
        substitute(req, params as Params, document);
        return next();
      }
      // Callers with a key may use Apollo's automatic persisted queries; anonymous ones may not.
      return enforce && anonymous ? refuse(res, 'notFound') : next();
    }
    if (!enforce || !anonymous) return next();
    if (query !== undefined && documents!.includesText(query)) return next();
    return refuse(res, 'untrusted');
  };
}
