import type { Database } from './database';
import { formatLsn, parseLsn, ReplicaSet, routeReads, runInReadScope, stalenessSeconds, type ReadScope, type ReplicaProbe, type ReplicaTarget } from './replicas';
import { openMigratedDatabase, openSeededDatabase } from '../../server/test/db';

// Routing is tested with two ordinary databases that differ: the "primary" is migrated and empty,
// the "replica" holds the Leipzig data; where a read went shows in what it returns. Real streaming
// replication, lag and failover are exercised by ops/topology.test.mjs.

const scope = (mode: ReadScope['mode'], minLsn?: bigint): ReadScope => ({ mode, minLsn, wrote: false });
/** Prisma's promises run when awaited: await inside the scope, as resolvers do. */
const inScope = <T,>(s: ReadScope, fn: () => PromiseLike<T>): Promise<T> => runInReadScope(s, async () => await fn());

describe('LSN and staleness', () => {
  it('parses and formats PostgreSQL LSNs', () => {
    expect(parseLsn('0/3000148')).toBe(0x3000148n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(() => parseLsn('nonsense')).toThrow(/not an LSN/);
  });

  it('measures how far behind a replica is by the primary positions it has reached', () => {
    const samples = [
      { lsn: 100n, at: 0 },
      { lsn: 200n, at: 1000 },
      { lsn: 300n, at: 2000 },
    ];
    expect(stalenessSeconds(samples, 300n, 2500)).toBe(0.5); // caught up with the newest sample
    expect(stalenessSeconds(samples, 250n, 2500)).toBe(1.5); // has everything up to 1000 ms
    expect(stalenessSeconds(samples, 99n, 2500)).toBeNull(); // behind all we remember
    expect(stalenessSeconds(samples, null, 2500)).toBeNull();
  });
});

describe('read routing', () => {
  let primary: Database;
  let replica: Database;
  let probe: ReplicaProbe;
  let primaryLsn: bigint;
  let now: number;
  let target: ReplicaTarget;
  let replicas: ReplicaSet;
  let prisma: Database['prisma'];
  let primaryAreas: number;
  let replicaAreas: number;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([openMigratedDatabase(), openSeededDatabase()]);
    primaryAreas = await primary.prisma.area.count();
    replicaAreas = await replica.prisma.area.count();
  });
  afterAll(async () => {
    await Promise.all([primary?.close(), replica?.close()]);
  });

  beforeEach(async () => {
    probe = { inRecovery: true, replayLsn: 1000n };
    primaryLsn = 1000n;
    now = 0;
    target = { name: 'replica-1', prisma: replica.prisma, probe: async () => probe };
    replicas = new ReplicaSet([target], { primaryLsn: async () => primaryLsn, maxLagSeconds: 5, checkIntervalMs: 1000 });
    prisma = routeReads(primary.prisma, replicas);
    await replicas.check(() => now);
  });

  it('the two databases differ, so a result shows where the read went', () => {
    expect(primaryAreas).toBe(0);
    expect(replicaAreas).toBeGreaterThan(60);
  });

  it('sends model and raw reads in a replica scope to a healthy replica', async () => {
    const [count, many, raw] = await inScope(scope('replica'), () =>
      Promise.all([
        prisma.area.count(),
        prisma.area.findMany({ select: { id: true } }),
        prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM area`,
      ]),
    );
    expect(count).toBe(replicaAreas);
    expect(many).toHaveLength(replicaAreas);
    expect(raw[0]!.n).toBe(replicaAreas);
  });

  it('reads outside a scope, in a primary scope (mutations) and in transactions go to the primary', async () => {
    expect(await prisma.area.count()).toBe(primaryAreas);
    expect(await inScope(scope('primary'), () => prisma.area.count())).toBe(primaryAreas);
    expect(await inScope(scope('replica'), () => prisma.$transaction((tx) => tx.area.count()))).toBe(primaryAreas);
    expect(await inScope(scope('replica'), () => prisma.$transaction([prisma.area.count()]))).toEqual([primaryAreas]);
  });

  it('after a write, the rest of the request reads the primary (read-your-own-writes)', async () => {
    const s = scope('replica');
    await inScope(s, async () => {
      expect(await prisma.area.count()).toBe(replicaAreas);
      await prisma.source.create({ data: { key: 'replica-test', title: 'Test', publisher: 'Test', licence: 'CC0', attribution: 'Test' } });
      expect(s.wrote).toBe(true);
      expect(await prisma.source.count({ where: { key: 'replica-test' } })).toBe(1);
      expect(await prisma.area.count()).toBe(primaryAreas);
    });
  });

  it("reads from a replica only once it has replayed the caller's last write", async () => {
    expect(await inScope(scope('replica', 1001n), () => prisma.area.count())).toBe(primaryAreas);
    expect(await inScope(scope('replica', 1000n), () => prisma.area.count())).toBe(replicaAreas);
  });

  it('takes a lagging replica out and puts it back when it has caught up', async () => {
    primaryLsn = 2000n; // the primary moves on, the replica stays at 1000
    for (now = 1000; now <= 7000; now += 1000) await replicas.check(() => now);
    expect(replicas.status()[0]).toMatchObject({ healthy: false, reason: expect.stringMatching(/lags more than 5 s/) });
    expect(await inScope(scope('replica'), () => prisma.area.count())).toBe(primaryAreas);

    probe = { inRecovery: true, replayLsn: 2000n };
    now += 1000;
    await replicas.check(() => now);
    expect(replicas.status()[0]).toMatchObject({ healthy: true, lagSeconds: 0 });
    expect(await inScope(scope('replica'), () => prisma.area.count())).toBe(replicaAreas);
  });

  it('keeps a replica that lags within the bound', async () => {
    primaryLsn = 2000n;
    for (now = 1000; now <= 4000; now += 1000) await replicas.check(() => now);
    expect(replicas.status()[0]).toMatchObject({ healthy: true, lagSeconds: 4 });
  });

  it('takes out a replica that cannot be reached or is no longer a standby', async () => {
    target.probe = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    await replicas.check(() => now);
    expect(replicas.status()[0]).toMatchObject({ healthy: false, reason: expect.stringMatching(/unreachable/) });
    expect(await inScope(scope('replica'), () => prisma.area.count())).toBe(primaryAreas);

    target.probe = async () => ({ inRecovery: false, replayLsn: 1000n });
    await replicas.check(() => now);
    expect(replicas.status()[0]).toMatchObject({ healthy: false, reason: expect.stringMatching(/not a standby/) });
  });

  it('answers a read that fails on the replica from the primary, and takes the replica out', async () => {
    const broken = { ...target, prisma: { area: { count: async () => Promise.reject(new Error('terminating connection')) } } } as unknown as ReplicaTarget;
    const set = new ReplicaSet([broken], { primaryLsn: async () => primaryLsn, maxLagSeconds: 5, checkIntervalMs: 1000 });
    await set.check(() => now);
    const routed = routeReads(primary.prisma, set);
    expect(await inScope(scope('replica'), () => routed.area.count())).toBe(primaryAreas);
    expect(set.status()[0]).toMatchObject({ healthy: false, reason: expect.stringMatching(/a read failed: terminating connection/) });
  });

  it('spreads reads over several healthy replicas', async () => {
    const calls: string[] = [];
    const fake = (name: string) =>
      ({ name, probe: async () => probe, prisma: { area: { count: async () => (calls.push(name), 1) } } }) as unknown as ReplicaTarget;
    const set = new ReplicaSet([fake('a'), fake('b')], { primaryLsn: async () => primaryLsn, maxLagSeconds: 5, checkIntervalMs: 1000 });
    await set.check(() => now);
    const routed = routeReads(primary.prisma, set);
    for (let i = 0; i < 4; i++) await inScope(scope('replica'), () => routed.area.count());
    expect(calls).toEqual(['a', 'b', 'a', 'b']);
  });
});
