import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const planner = callerFor(['PLANNER'], { kind: 'USER', id: 2, label: 'planer@leipzig.de' });
const admin = callerFor(['ADMIN'], { kind: 'USER', id: 1, label: 'admin@leipzig.de' });

describe('editing funding, plans, measures, providers, participation and norms', () => {
  const { db, gql } = useSeededGraphQL();

  it('keeps money exact as Decimal and refuses fractions of a cent', async () => {
    const provider = await db.prisma.provider.findFirstOrThrow();
    const { createFunding } = await gql.data(
      `mutation { createFunding(input: { providerId: ${provider.id}, funder: "Sozialamt", year: 2024, amount: "1234567.89", kind: GRANT, status: GRANTED }) { id amount version } }`,
      {},
      planner,
    );
    expect(createFunding).toMatchObject({ amount: '1234567.89', version: 1 });
    const stored = await db.prisma.funding.findUniqueOrThrow({ where: { id: createFunding.id } });
    expect(stored.amount.toString()).toBe('1234567.89');
    const bad = await gql.run(`mutation { updateFunding(input: { id: ${createFunding.id}, version: 1, amount: "10.005" }) { id } }`, {}, planner);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT', argument: 'amount' });
    const stale = await gql.run(`mutation { retireFunding(id: ${createFunding.id}, version: 5) { deleted } }`, {}, planner);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const gone = await gql.data(`mutation { retireFunding(id: ${createFunding.id}, version: 1) { deleted } }`, {}, planner);
    expect(gone.retireFunding.deleted).toBe(true);
  });

  it('builds a plan with a goal and a measure with target areas', async () => {
    const area = await db.prisma.area.findFirstOrThrow({ where: { level: 'DISTRICT' } });
    const { createPlan } = await gql.data('mutation { createPlan(input: { title: "Sozialplan 2030", periodStart: 2026, periodEnd: 2030, published: false }) { id version published } }', {}, planner);
    const { createGoal } = await gql.data(`mutation { createGoal(input: { planId: ${createPlan.id}, code: "Z1", title: "Kinderarmut senken" }) { id } }`, {}, planner);
    const duplicate = await gql.run(`mutation { createGoal(input: { planId: ${createPlan.id}, code: "Z1", title: "Doppelt" }) { id } }`, {}, planner);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE' });
    const { createMeasure } = await gql.data(
      `mutation { createMeasure(input: { goalId: ${createGoal.id}, code: "M1", title: "Familienzentrum", horizon: SHORT, responsibleOffice: "Jugendamt", areaIds: [${area.id}] }) { id version areas { code } } }`,
      {},
      planner,
    );
    expect(createMeasure.areas).toEqual([{ code: area.code }]);
    const { updateMeasure } = await gql.data(`mutation { updateMeasure(input: { id: ${createMeasure.id}, version: 1, status: IN_PROGRESS, areaIds: [] }) { status version areas { code } } }`, {}, planner);
    expect(updateMeasure).toEqual({ status: 'IN_PROGRESS', version: 2, areas: [] });
    const blocked = await gql.run(`mutation { retireGoal(id: ${createGoal.id}, version: 1) { deleted } }`, {}, planner);
    expect(blocked.errors?.[0]?.extensions?.reason).toBe('HAS_DEPENDENTS');
    const invalidPeriod = await gql.run(`mutation { updatePlan(input: { id: ${createPlan.id}, version: 1, periodEnd: 2020 }) { id } }`, {}, planner);
    expect(invalidPeriod.errors?.[0]?.message).toMatch(/Planungszeitraum endet vor seinem Beginn/);
  });

  it('refuses a provider whose normalised name exists and unpublishes on retire', async () => {
    const existing = await db.prisma.provider.findFirstOrThrow();
    const twin = await gql.run(`mutation($n: String!) { createProvider(input: { name: $n, kind: NON_PROFIT }) { id } }`, { n: existing.name.toUpperCase() }, planner);
    expect(twin.errors?.[0]?.extensions?.reason).toBe('DUPLICATE');
    const { createProvider } = await gql.data('mutation { createProvider(input: { name: "Verein Nachbarschaft e. V.", kind: NON_PROFIT, website: "https://example.org" }) { id version } }', {}, planner);
    const { retireProvider } = await gql.data(`mutation { retireProvider(id: ${createProvider.id}, version: 1) { deleted version } }`, {}, planner);
    expect(retireProvider).toEqual({ deleted: false, version: 2 });
  });

  it('records participation events and changes norms by category with their version', async () => {
    const { createParticipationEvent } = await gql.data(
      'mutation { createParticipationEvent(input: { kind: SURVEY, title: "Familienbefragung", date: "2025-03-01", addressees: 1000, responseRate: 0.31 }) { id date version } }',
      {},
      planner,
    );
    expect(createParticipationEvent).toMatchObject({ date: '2025-03-01', version: 1 });
    const rate = await gql.run(`mutation { updateParticipationEvent(input: { id: ${createParticipationEvent.id}, version: 1, responseRate: 31 }) { id } }`, {}, planner);
    expect(rate.errors?.[0]?.extensions?.reason).toBe('OUT_OF_RANGE');

    const { serviceCategories } = await gql.data('{ serviceCategories { id norm { version capacityPer1000 } } }', {}, planner);
    const withNorm = serviceCategories.find((c: any) => c.norm);
    const { updateCoverageNorm } = await gql.data(
      `mutation { updateCoverageNorm(input: { categoryId: ${withNorm.id}, version: ${withNorm.norm.version}, capacityPer1000: 42 }) { capacityPer1000 version } }`,
      {},
      planner,
    );
    expect(updateCoverageNorm).toEqual({ capacityPer1000: 42, version: withNorm.norm.version + 1 });
    const weights = await gql.run(`mutation { updateCoverageNorm(input: { categoryId: ${withNorm.id}, version: ${withNorm.norm.version + 1}, zoneWeights: [0.2, 0.9, 1] }) { version } }`, {}, planner);
    expect(weights.errors?.[0]?.extensions?.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'zoneWeights', reason: 'OUT_OF_RANGE' })]));
  });

  it('lets admins read the audit log, filtered and paged', async () => {
    const { auditLog } = await gql.data('{ auditLog(filter: { entity: "measure" }, first: 1) { totalCount nodes { action actorLabel before after } pageInfo { hasNextPage } } }', {}, admin);
    expect(auditLog.totalCount).toBe(2);
    expect(auditLog.nodes[0]).toMatchObject({ action: 'create', actorLabel: 'planer@leipzig.de', before: null });
    expect(auditLog.pageInfo.hasNextPage).toBe(true);
    const refused = await gql.run('{ auditLog { totalCount } }', {}, planner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores 20 concurrent identical createFunding calls once and answers the others with CONFLICT', async () => {
    const service = await db.prisma.service.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const create = `mutation { createFunding(input: { serviceId: ${service.id}, funder: "ESF Plus", year: 2023, amount: "5000.00", kind: PROJECT_GRANT, status: APPLIED }) { id } }`;
    const results = await Promise.all(Array.from({ length: 20 }, () => gql.run(create, {}, planner)));
    const stored = await db.prisma.funding.findMany({ where: { serviceId: service.id, funder: 'ESF Plus', year: 2023 } });
    expect(stored).toHaveLength(1);
    expect(results.filter((r) => !r.errors).map((r) => (r.data as any).createFunding.id)).toEqual([stored[0]!.id]);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', existingId: stored[0]!.id });
    expect(refused[0]!.errors?.[0]?.message).toMatch(/schon erfasst \(Eintrag \d+/);
    // another year, funder or kind is another row
    expect((await gql.run(create.replace('2023', '2024'), {}, planner)).errors).toBeUndefined();
  });
});
