import type { Prisma } from '@sozialatlas/db';
import type { Actor, Caller } from '../../auth/caller';

export type Tx = Prisma.TransactionClient;

/** Secrets never reach the audit log, not even as hashes. */
const SECRET_FIELDS = new Set(['passwordHash', 'secretHash', 'tokenHash']);

/** A record as plain JSON: Decimal → string, Date → ISO string, secrets dropped. */
export function snapshot(record: unknown): Prisma.InputJsonValue | undefined {
  if (record === null || record === undefined) return undefined;
  return JSON.parse(JSON.stringify(record, (key, value) => (SECRET_FIELDS.has(key) ? undefined : value))) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: number | string | null;
  before?: unknown;
  after?: unknown;
}

export const actorOf = (caller: Caller): Actor => caller.actor ?? { kind: 'SYSTEM', id: null, label: 'anonymous' };

const auditRow = (actor: Actor, entry: AuditEntry) => ({
  actorKind: actor.kind,
  actorId: actor.id,
  actorLabel: actor.label,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
  before: snapshot(entry.before),
  after: snapshot(entry.after),
});

/** One audit row; call it inside the transaction of the write so both commit or neither. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(actor, entry) });
}

/** Many audit rows in one statement (imports: one row per record written). */
export async function writeAudits(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await tx.auditLog.createMany({ data: entries.map((entry) => auditRow(actor, entry)) });
}
