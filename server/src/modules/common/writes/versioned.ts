import { Prisma } from '@sozialatlas/db';
import type { Context } from '../../../context';
import { ConflictError, NotFoundError } from '../../../errors';
import { actorOf, writeAudit, type Tx } from './audit';
import { InputValidationError, problem } from './validation';

/** Prisma models edited through the API; each has `id` and `version`. */
export type VersionedModel =
  | 'service'
  | 'provider'
  | 'location'
  | 'funding'
  | 'plan'
  | 'goal'
  | 'measure'
  | 'participationEvent'
  | 'coverageNorm'
  | 'indicator'
  | 'source'
  | 'area';

type Row = { id: number; version: number } & Record<string, unknown>;
/** The part of a Prisma delegate the generic helpers use (the models differ only in their data). */
interface Delegate {
  findUnique(args: { where: { id: number } }): Promise<Row | null>;
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  updateMany(args: { where: { id: number; version: number }; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: number; version: number } }): Promise<{ count: number }>;
}
const delegate = (tx: Tx, model: VersionedModel) => tx[model] as unknown as Delegate;

/**
 * Runs an edit in one transaction, so the write and its audit row commit together. Database
 * refusals that slipped past validation become input errors a planner can act on.
 */
export async function edit<T>(ctx: Context, fn: (tx: Tx) => Promise<T>, options: { duplicate?: () => Promise<Error> } = {}): Promise<T> {
  try {
    return await ctx.prisma.$transaction(fn);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      if (error.code === 'P2002') {
        if (options.duplicate) throw await options.duplicate();
        throw new InputValidationError([problem(String(error.meta?.target ?? 'input'), 'DUPLICATE', 'Ein solcher Eintrag existiert bereits.')]);
      }
      if (error.code === 'P2003') {
        throw new InputValidationError([problem(String(error.meta?.field_name ?? 'input'), 'UNKNOWN_REFERENCE', 'Ein verknüpfter Eintrag existiert nicht (mehr).')]);
      }
    }
    throw error;
  }
}

export async function createAudited(ctx: Context, tx: Tx, model: VersionedModel, entity: string, data: Record<string, unknown>): Promise<Row> {
  const row = await delegate(tx, model).create({ data });
  await writeAudit(tx, actorOf(ctx.caller), { action: 'create', entity, entityId: row.id, after: row });
  return row;
}

/** Fails with CONFLICT (someone else saved first) or NOT_FOUND after a 0-row update or delete. */
async function refuse(tx: Tx, model: VersionedModel, entity: string, id: number): Promise<never> {
  const current = await delegate(tx, model).findUnique({ where: { id } });
  if (!current) throw new NotFoundError(entity, id);
  throw new ConflictError(entity, id, current.version);
}

/** What the audit row keeps of the record before a versioned write (NotFound when it is gone). */
async function stateBefore(tx: Tx, model: VersionedModel, entity: string, id: number, snapshot?: (row: Row) => Promise<unknown>): Promise<unknown> {
  const before = await delegate(tx, model).findUnique({ where: { id } });
  if (!before) throw new NotFoundError(entity, id);
  return snapshot ? snapshot(before) : before;
}

/**
 * Optimistic locking: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`.
 * Zero rows means the record changed since the caller read `version` (or is gone).
 * `after` lets callers finish related writes (links, the point) before the audit row is taken.
 */
export async function updateAudited(
  ctx: Context,
  tx: Tx,
  model: VersionedModel,
  entity: string,
  id: number,
  version: number,
  data: Record<string, unknown>,
  options: { action?: string; after?: () => Promise<void>; snapshot?: (row: Row) => Promise<unknown> } = {},
): Promise<Row> {
  const table = delegate(tx, model);
  const beforeSnapshot = await stateBefore(tx, model, entity, id, options.snapshot);
  const { count } = await table.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) return refuse(tx, model, entity, id);
  await options.after?.();
  const after = (await table.findUnique({ where: { id } })) as Row;
  await writeAudit(tx, actorOf(ctx.caller), {
    action: options.action ?? 'update',
    entity,
    entityId: id,
    before: beforeSnapshot,
    after: options.snapshot ? await options.snapshot(after) : after,
  });
  return after;
}

/** Deletes with the same version check; the audit row keeps the last state. */
export async function deleteAudited(
  ctx: Context,
  tx: Tx,
  model: VersionedModel,
  entity: string,
  id: number,
  version: number,
  snapshot?: (row: Row) => Promise<unknown>,
): Promise<void> {
  const beforeSnapshot = await stateBefore(tx, model, entity, id, snapshot);
  const { count } = await delegate(tx, model).deleteMany({ where: { id, version } });
  if (count === 0) return refuse(tx, model, entity, id);
  await writeAudit(tx, actorOf(ctx.caller), { action: 'retire', entity, entityId: id, before: beforeSnapshot });
}

/** Drops `undefined` (= not given) so only the fields a caller sent are written. */
export function given<T extends Record<string, unknown>>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}
