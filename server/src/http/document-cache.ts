import type { DocumentNode } from 'graphql';

/**
 * Results worked out from a parsed document and the request's variables (its cost, its compiled
 * SQL), kept per document. Apollo's document store hands back the same DocumentNode for the same
 * query text, so a repeated query finds its entry; a document the store drops takes its entries
 * with it (WeakMap). At most `perDocument` variants (e.g. variable sets) are kept per document,
 * the oldest goes first, so a client sending ever new variables cannot grow it.
 */
export class DocumentCache<T> {
  private readonly entries = new WeakMap<DocumentNode, Map<string, T>>();

  constructor(private readonly perDocument = 32) {}

  /** The entry for `key` under `document`, computed by `compute` the first time. */
  get(document: DocumentNode, key: string, compute: () => T): T {
    let variants = this.entries.get(document);
    if (!variants) this.entries.set(document, (variants = new Map()));
    if (variants.has(key)) return variants.get(key) as T;
    const value = compute();
    if (variants.size >= this.perDocument) variants.delete(variants.keys().next().value as string);
    variants.set(key, value);
    return value;
  }
}

/** A key for an operation name and its variables as sent (JSON: the same variables give the same key). */
export const variablesKey = (operationName: string | null | undefined, variables: Record<string, unknown> | undefined) =>
  `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
