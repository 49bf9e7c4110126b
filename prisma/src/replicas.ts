import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from '../generated/prisma/client';

// Read replicas (docs/operations.md). Reads go to a PostgreSQL streaming replica only inside a
// read scope that the HTTP layer opens for read-only work (GraphQL queries, exports, OGC); all
// else (mutations, sign-in, CLIs, seeding, migrations) uses the primary. A replica is used only
// while its last health check found it reachable, a standby, and no further behind than the
// bound; a read that fails on a replica is retried on the primary and the replica taken out.

/** What the current request may read from. */
export interface ReadScope {
  /** 'replica': reads may go to a healthy replica; 'primary': everything to the primary. */
  mode: 'replica' | 'primary';
  /** The caller's last write position (read-your-writes): a replica must have replayed this far. */
  minLsn?: bigint;
  /** Set by the first write in this request: every later read of it goes to the primary. */
  wrote: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Runs `fn` (and everything it starts) with `scope` as the current read scope. */
export function runInReadScope<T>(scope: ReadScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

export function currentReadScope(): ReadScope | undefined {
  return scopes.getStore();
}

/** PostgreSQL's text form of an LSN ("16/B374D848") as a number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not an LSN: "${text}"`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** What one probe of a replica found. */
export interface ReplicaProbe {
  inRecovery: boolean;
  /** pg_last_wal_replay_lsn(); null if it has replayed nothing. */
  replayLsn: bigint | null;
}

export interface ReplicaTarget {
  /** For logs and /readyz: host:port/database, never the password. */
  name: string;
  prisma: PrismaClient;
  probe(): Promise<ReplicaProbe>;
}

export interface ReplicaStatus {
  name: string;
  healthy: boolean;
  /** Seconds the replica is behind at most (see `stalenessSeconds`); null when unknown. */
  lagSeconds: number | null;
  reason?: string;
}

interface PrimarySample {
  lsn: bigint;
  at: number;
}

/**
 * How old a replica's data is at most: the primary had flushed `sample.lsn` at `sample.at`; a
 * replica that has replayed that far holds everything committed until then. Its staleness is the
 * age of the newest such sample (0 when it caught up with the latest); null when it is behind
 * every sample still kept, i.e. further behind than we remember.
 */
export function stalenessSeconds(samples: readonly PrimarySample[], replayLsn: bigint | null, now: number): number | null {
  if (replayLsn === null) return null;
  for (let i = samples.length - 1; i >= 0; i--) {
    const sample = samples[i]!;
    if (sample.lsn <= replayLsn) return Math.max(0, (now - sample.at) / 1000);
  }
  return null;
}

export interface ReplicaSetOptions {
  /** The primary's flushed WAL position now (pg_current_wal_flush_lsn()). */
  primaryLsn(): Promise<bigint>;
  maxLagSeconds: number;
  checkIntervalMs: number;
  /** A probe that takes longer counts as failed. */
  probeTimeoutMs?: number;
  onChange?(status: ReplicaStatus): void;
}

interface ReplicaState extends ReplicaStatus {
  target: ReplicaTarget;
  replayLsn: bigint | null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The replicas, their health, and the choice of one for a read. */
export class ReplicaSet {
  private readonly states: ReplicaState[];
  private samples: PrimarySample[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    targets: ReplicaTarget[],
    private readonly options: ReplicaSetOptions,
  ) {
    // Out until the first check has seen them: a replica never serves unchecked.
    this.states = targets.map((target) => ({ target, name: target.name, healthy: false, lagSeconds: null, replayLsn: null, reason: 'not checked yet' }));
  }

  get size() {
    return this.states.length;
  }

  status(): ReplicaStatus[] {
    return this.states.map(({ name, healthy, lagSeconds, reason }) => ({ name, healthy, lagSeconds, ...(reason ? { reason } : {}) }));
  }

  /** One round of health checks; concurrent callers share it. */
  check(now: () => number = Date.now): Promise<void> {
    this.checking ??= this.runCheck(now).finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async runCheck(now: () => number) {
    const timeoutMs = this.options.probeTimeoutMs ?? Math.max(500, this.options.checkIntervalMs);
    try {
      // The primary first: a replica that replayed this far right after is caught up.
      this.samples.push({ lsn: await withTimeout(this.options.primaryLsn(), timeoutMs, 'primary WAL position'), at: now() });
    } catch {
      // Primary unreachable: staleness cannot grow from samples we do not have; keep judging by
      // the samples we have (a stuck replica falls behind all of them and goes out).
    }
    // Keep samples long enough to measure staleness up to the bound (and a little beyond).
    const keepFrom = now() - (this.options.maxLagSeconds * 1000 + 2 * this.options.checkIntervalMs);
    while (this.samples.length > 1 && this.samples[0]!.at < keepFrom) this.samples.shift();

    await Promise.all(
      this.states.map(async (state) => {
        let healthy = false;
        let reason: string | undefined;
        try {
          const probe = await withTimeout(state.target.probe(), timeoutMs, 'replica check');
          state.replayLsn = probe.replayLsn;
          state.lagSeconds = stalenessSeconds(this.samples, probe.replayLsn, now());
          if (!probe.inRecovery) reason = 'not a standby (promoted?): its data may differ from the primary';
          else if (state.lagSeconds === null || state.lagSeconds > this.options.maxLagSeconds)
            reason = `lags more than ${this.options.maxLagSeconds} s behind the primary`;
          else healthy = true;
        } catch (error) {
          state.lagSeconds = null;
          reason = `unreachable: ${(error as Error).message}`;
        }
        this.set(state, healthy, reason);
      }),
    );
  }

  private set(state: ReplicaState, healthy: boolean, reason: string | undefined) {
    const changed = state.healthy !== healthy;
    state.healthy = healthy;
    state.reason = reason;
    if (changed) this.options.onChange?.(this.statusOf(state));
  }

  private statusOf({ name, healthy, lagSeconds, reason }: ReplicaState): ReplicaStatus {
    return { name, healthy, lagSeconds, ...(reason ? { reason } : {}) };
  }

  /** A healthy replica that has replayed at least `minLsn` (round robin), or none. */
  pick(minLsn?: bigint): ReplicaTarget | undefined {
    for (let i = 0; i < this.states.length; i++) {
      const state = this.states[(this.next + i) % this.states.length]!;
      if (!state.healthy) continue;
      if (minLsn !== undefined && (state.replayLsn === null || state.replayLsn < minLsn)) continue;
      this.next = (this.next + i + 1) % this.states.length;
      return state.target;
    }
    return undefined;
  }

  /** A read failed on this replica where the primary answered: out until a check finds it well. */
  markFailed(target: ReplicaTarget, error: unknown) {
    const state = this.states.find((s) => s.target === target);
    if (state?.healthy) this.set(state, false, `a read failed: ${(error as Error)?.message ?? String(error)}`);
  }

  start() {
    if (this.timer || this.states.length === 0) return;
    const tick = () => {
      void this.check().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.checkIntervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.checking;
  }
}

const READ_OPERATIONS = new Set([
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'groupBy',
  'aggregate',
  'count',
  '$queryRaw',
  '$queryRawTyped',
]);

type AnyClient = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function onReplica(target: ReplicaTarget, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const client = target.prisma as unknown as AnyClient;
  if (model) return client[model.charAt(0).toLowerCase() + model.slice(1)][operation](args);
  // raw reads: args is the Sql object of the tagged template (or the TypedSQL query)
  return client[operation](args);
}

/**
 * The primary's client, extended so that reads in a replica read scope go to a replica. Writes,
 * transactions, and every read outside such a scope run on the primary as before. A raw read that
 * turns out to write (refused by the read-only standby) or any failing replica read is retried on
 * the primary: a reader never sees a replica's fault.
 */
export function routeReads(primary: PrismaClient, replicas: ReplicaSet): PrismaClient {
  return primary.$extends({
    query: {
      $allOperations({ model, operation, args, query, ...rest }) {
        const scope = scopes.getStore();
        if (!scope) return query(args);
        if (!READ_OPERATIONS.has(operation)) {
          scope.wrote = true;
          return query(args);
        }
        const internal = (rest as { __internalParams?: { transaction?: unknown } }).__internalParams;
        if (scope.mode !== 'replica' || scope.wrote || internal?.transaction) return query(args);
        const target = replicas.pick(scope.minLsn);
        if (!target) return query(args);
        return onReplica(target, model, operation, args).catch(async (replicaError: unknown) => {
          const result = await query(args);
          replicas.markFailed(target, replicaError);
          return result;
        });
      },
    },
  }) as unknown as PrismaClient;
}
