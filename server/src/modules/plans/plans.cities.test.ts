import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const planner = callerFor(['PLANNER'], { kind: 'USER', id: 1, label: 'planerin@leipzig.de' });

// Plans, their measures and participation events per city (issue #11): Leipzig's demo plan is not
// Chemnitz's, and a plan of Chemnitz does not show up in Leipzig's answers.
describe('plans, measures and participation per city', () => {
  const { db, gql } = useSeededGraphQL();

  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  const QUERY = `query($city: String) {
    plans(city: $city) { id title }
    measures(filter: { city: $city }) { id }
    participationEvents(filter: { city: $city }) { id }
  }`;

  it('the demo plan is Leipzig’s; a Chemnitz plan, its measures and events answer for Chemnitz only', async () => {
    const before = await gql.data(QUERY, {});
    expect(before.plans).toHaveLength(1);
    expect(before.measures.length).toBeGreaterThan(0);
    expect(before.participationEvents.length).toBeGreaterThan(0);
    expect(await gql.data(QUERY, { city: 'leipzig' })).toEqual(before);
    expect(await gql.data(QUERY, { city: 'chemnitz' })).toEqual({ plans: [], measures: [], participationEvents: [] });

    const [chemnitz] = await db.prisma.$queryRaw<{ id: number; district: number }[]>`
      SELECT c.area_id AS id, (SELECT min(a.id) FROM area a WHERE a.city_id = c.area_id AND a.level = 'DISTRICT') AS district
        FROM city c WHERE c.key = 'chemnitz'`;
    const plan = await db.prisma.plan.create({ data: { title: 'Sozialplan Chemnitz (Test)', periodStart: 2025, periodEnd: 2030, cityId: chemnitz!.id } });
    const goal = await db.prisma.goal.create({ data: { planId: plan.id, code: '1', title: 'Ziel' } });
    const measure = await db.prisma.measure.create({ data: { goalId: goal.id, code: '1.1', title: 'Maßnahme', horizon: 'SHORT', responsibleOffice: 'Sozialamt' } });
    const forPlan = await db.prisma.participationEvent.create({ data: { kind: 'WORKSHOP', title: 'Werkstatt', date: new Date('2025-05-01'), planId: plan.id } });
    // no plan, but a Stadtteil of Chemnitz
    const inArea = await db.prisma.participationEvent.create({
      data: { kind: 'DISTRICT_WALK', title: 'Stadtteilbegehung', date: new Date('2025-06-01'), areas: { create: [{ areaId: chemnitz!.district }] } },
    });

    const c = await gql.data(QUERY, { city: '14511000' });
    expect(c.plans).toEqual([{ id: plan.id, title: 'Sozialplan Chemnitz (Test)' }]);
    expect(ids(c.measures)).toEqual([measure.id]);
    expect(ids(c.participationEvents)).toEqual([forPlan.id, inArea.id].sort((a, b) => a - b));
    // Leipzig's answers, with or without the city, are as before
    expect(await gql.data(QUERY, {})).toEqual(before);
    expect(await gql.data(QUERY, { city: 'leipzig' })).toEqual(before);
  });

  it('a plan created through the API without a city belongs to the default city', async () => {
    const { createPlan } = await gql.data(`mutation { createPlan(input: { title: "Teilplan Senioren", periodStart: 2026, periodEnd: 2030 }) { id } }`, {}, planner);
    const stored = await db.prisma.plan.findUniqueOrThrow({ where: { id: createPlan.id }, select: { city: { select: { code: true } } } });
    expect(stored.city?.code).toBe('14713000');
    expect((await gql.data(QUERY, {})).plans.map((p: { id: number }) => p.id)).toContain(createPlan.id);
    expect((await gql.data(QUERY, { city: 'chemnitz' })).plans.map((p: { id: number }) => p.id)).not.toContain(createPlan.id);
  });

  it('an unknown city is bad input naming the argument', async () => {
    const plans = await gql.run(`{ plans(city: "gera") { id } }`);
    expect(plans.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'city', reason: 'UNKNOWN_REFERENCE' });
    const events = await gql.run(`{ participationEvents(filter: { city: "gera" }) { id } }`);
    expect(events.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.city' });
  });
});
