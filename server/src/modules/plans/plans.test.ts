import { anonymousCaller, type Caller } from '../auth/caller';
import { useSeededGraphQL } from '../../../test/graphql';

const planner: Caller = { ...anonymousCaller, role: 'PLANNER', canSeeUnpublished: true };

describe('plans, measures and participation API on the demo data', () => {
  const statements: string[] = [];
  const { db, gql } = useSeededGraphQL({ onQuery: (sql) => statements.push(sql) });

  const areaId = async (name: string) => (await db.prisma.area.findFirstOrThrow({ where: { name, level: 'DISTRICT', cityArea: { code: '14713000' } } })).id;

  it('returns the plan with goals, measures, references and source', async () => {
    const data = await gql.data(`{ plans { id title periodStart periodEnd adoptedAt source { synthetic }
      references { title note url targetPlan { id } }
      goals { code measures { code horizon status responsibleOffice goal { code } } } } }`);
    expect(data.plans).toHaveLength(1);
    const plan = data.plans[0];
    expect(plan).toMatchObject({ periodStart: 2024, periodEnd: 2028, adoptedAt: '2024-03-20', source: { synthetic: true } });
    expect(plan.goals.map((g: { code: string }) => g.code)).toEqual(['1.1', '2.1', '4.1', '5.5', '6.1']);
    expect(plan.goals.flatMap((g: any) => g.measures)).toHaveLength(await db.prisma.measure.count());
    const m613 = plan.goals[4].measures.find((m: { code: string }) => m.code === '6.1.3');
    expect(m613).toEqual({ code: '6.1.3', horizon: 'MEDIUM', status: 'SUSPENDED', responsibleOffice: 'Sozialamt', goal: { code: '6.1' } });
    // the real plans it is modelled on and refers to, with their facts
    expect(plan.references.map((r: { title: string }) => r.title)).toEqual([
      'Integrierter Kommunaler Sozialplan der Stadt Gera 2024–2028',
      'Sozialreport Leipzig',
      'Fachplan Kinder- und Jugendförderung der Stadt Leipzig',
      'Soziale Stadt Mockau Nord und Süd 2017–2026',
    ]);
    expect(plan.references[0]).toMatchObject({ targetPlan: null, url: expect.stringMatching(/^https:\/\/gera\.de\//) });
    expect(plan.references[0].note).toMatch(/6 Handlungsfelder, 46 Ziele, 118 Maßnahmen; vom Stadtrat am 28\.06\.2023 beschlossen/);
  });

  it('is built like Gera’s plan: six fields of action, goals and measures numbered within them, every placeholder marked', async () => {
    const { plans } = await gql.data(`{ plans { fields { code title placeholder } goals { code placeholder field { code } measures { code placeholder description } } } }`);
    const [plan] = plans;
    expect(plan.fields.map((f: { code: string }) => f.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    // Gera's titles of fields 1–3 are real; 4–6 were not in the sources and are marked
    expect(plan.fields.slice(0, 3)).toEqual([
      { code: '1', title: 'Steuerung, Vernetzung und Nachhaltigkeit', placeholder: false },
      { code: '2', title: 'Familie und Sorgearbeit', placeholder: false },
      { code: '3', title: 'Bildung und Arbeitswelt', placeholder: false },
    ]);
    expect(plan.fields.slice(3).every((f: { placeholder: boolean; title: string }) => f.placeholder && /Platzhalter/.test(f.title))).toBe(true);
    for (const goal of plan.goals) {
      expect(goal.code.split('.')[0]).toBe(goal.field.code);
      for (const m of goal.measures) expect(m.code.startsWith(`${goal.code}.`)).toBe(true);
    }
    // Gera's goal 5.5 and its two measures are the real texts; the Leipzig goals are invented
    const gera = plan.goals.find((g: { code: string }) => g.code === '5.5');
    expect(gera).toMatchObject({ placeholder: false, measures: [{ code: '5.5.1', placeholder: false }, { code: '5.5.2', placeholder: false }] });
    expect(gera.measures[0].description).toMatch(/Gera.*Fristigkeit, Amt, Stand und Zielgebiete sind erfunden/);
    expect(plan.goals.filter((g: { code: string }) => g.code !== '5.5').every((g: { placeholder: boolean; measures: { placeholder: boolean }[] }) => g.placeholder && g.measures.every((m) => m.placeholder))).toBe(true);
  });

  it('a goal’s field of action must be of the same plan', async () => {
    const [other] = await db.prisma.$queryRaw<{ id: number }[]>`INSERT INTO plan (title, period_start, period_end) VALUES ('Anderer Plan', 2025, 2030) RETURNING id`;
    const [field] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT f.id FROM plan_field f JOIN plan p ON p.id = f.plan_id WHERE p.title LIKE 'Integrierter Sozialplan Leipzig%' AND f.code = '1'`;
    await expect(db.prisma.$executeRaw`INSERT INTO goal (plan_id, field_id, code, title) VALUES (${other!.id}, ${field!.id}, '1.1', 'Fremdes Feld')`).rejects.toThrow(/goal_field_id_plan_id_fkey/);
    await db.prisma.$executeRaw`DELETE FROM plan WHERE id = ${other!.id}`;
  });

  it('finds measures by area, through the query and the area field, equal to the link table', async () => {
    const id = await areaId('Grünau-Mitte');
    const expected = await db.prisma.$queryRaw<{ code: string }[]>`
      SELECT m.code FROM measure m WHERE m.id IN (SELECT measure_id FROM measure_area WHERE area_id = ${id}) ORDER BY m.code`;
    const data = await gql.data(`query($a: Int!) {
      measures(filter: { areaId: $a }) { code areas { name } indicators { key } }
      area(id: $a) { measures { code } }
    }`, { a: id });
    expect(expected.map((e) => e.code)).toEqual(['1.1.3', '2.1.1', '2.1.3', '4.1.1']);
    expect(data.measures.map((m: { code: string }) => m.code)).toEqual(expected.map((e) => e.code));
    expect(data.area.measures.map((m: { code: string }) => m.code)).toEqual(expected.map((e) => e.code));
    const m21 = data.measures.find((m: { code: string }) => m.code === '4.1.1');
    const m21Areas = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT a.name FROM area a JOIN measure_area ma ON ma.area_id = a.id JOIN measure m ON m.id = ma.measure_id
       WHERE m.code = '4.1.1' ORDER BY a.code`;
    expect(m21Areas.map((a) => a.name).sort()).toEqual(['Grünau-Mitte', 'Grünau-Nord', 'Grünau-Ost']);
    expect(m21.areas.map((a: { name: string }) => a.name)).toEqual(m21Areas.map((a) => a.name));
    expect(m21.indicators.map((i: { key: string }) => i.key)).toEqual(['old_age_ratio']);
  });

  it('filters measures by status and horizon (AND)', async () => {
    const data = await gql.data(`{ measures(filter: { statuses: [IN_PROGRESS, NOT_STARTED], horizons: [MEDIUM] }) { code status horizon } }`);
    const expected = await db.prisma.measure.count({ where: { status: { in: ['IN_PROGRESS', 'NOT_STARTED'] }, horizon: 'MEDIUM' } });
    expect(data.measures).toHaveLength(expected);
    expect(expected).toBeGreaterThan(1);
    for (const m of data.measures) expect(m.horizon).toBe('MEDIUM');
  });

  it('returns the provider survey with addressees and response rate', async () => {
    const data = await gql.data(`{ participationEvents(filter: { from: "2024-06-01", to: "2024-06-30" }) { kind title date participants addressees responseRate areas { name } } }`);
    expect(data.participationEvents).toHaveLength(1);
    const survey = data.participationEvents[0];
    expect(survey).toMatchObject({ kind: 'SURVEY', date: '2024-06-03', participants: 39, addressees: 79, responseRate: 0.49, areas: [] });
    expect(Math.round(survey.addressees * survey.responseRate)).toBe(survey.participants);
  });

  it('lists participation events of an area by date', async () => {
    const id = await areaId('Volkmarsdorf');
    const data = await gql.data(`query($a: Int!) {
      participationEvents(filter: { areaId: $a }) { title }
      area(id: $a) { participationEvents { title date } }
    }`, { a: id });
    expect(data.participationEvents.map((e: { title: string }) => e.title)).toEqual(['Stadtteilbegehung Volkmarsdorf (Demo)']);
    expect(data.area.participationEvents).toEqual([{ title: 'Stadtteilbegehung Volkmarsdorf (Demo)', date: '2024-05-22' }]);
  });

  it('takes dates as the Date scalar and refuses impossible ones, in variables and in the document', async () => {
    const query = `query ($from: Date, $to: Date) { participationEvents(filter: { from: $from, to: $to }) { date } }`;
    const dates = (await gql.data(query, { from: '2024-05-22', to: '2024-05-22' })).participationEvents.map((e: { date: string }) => e.date);
    expect(dates).toEqual(['2024-05-22']);
    expect((await gql.data(query, { from: '2024-05-23', to: '2024-12-31' })).participationEvents.every((e: { date: string }) => e.date >= '2024-05-23')).toBe(true);
    const variable = await gql.run(query, { from: '2024-13-01' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toMatch(/\$from.*2024-13-01.*expected a calendar date YYYY-MM-DD/);
    const literal = await gql.run(`{ participationEvents(filter: { from: "2024-13-01" }) { title } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/„2024-13-01“ ist kein gültiges Datum.*YYYY-MM-DD/);
  });

  it('hides an unpublished plan and its measures from anonymous callers', async () => {
    const plan = await db.prisma.plan.findFirstOrThrow();
    await db.prisma.plan.update({ where: { id: plan.id }, data: { published: false } });
    try {
      const q = `query($id: Int!) { plans { id } plan(id: $id) { id } measures { code } }`;
      const anonymous = await gql.data(q, { id: plan.id });
      expect(anonymous).toEqual({ plans: [], plan: null, measures: [] });
      const internal = await gql.data(q, { id: plan.id }, planner);
      expect(internal.plan).toEqual({ id: plan.id });
      expect(internal.measures).toHaveLength(await db.prisma.measure.count());
    } finally {
      await db.prisma.plan.update({ where: { id: plan.id }, data: { published: true } });
    }
  });

  it('runs the same number of SQL statements for 5 and for all 63 districts with measures and events', async () => {
    const q = `query($n: Int!) { areas(filter: { level: DISTRICT }, first: $n) { nodes {
      measures { code areas { name } indicators { key } goal { code plan { title } } }
      participationEvents { title areas { code } plan { id } }
    } } }`;
    const count = async (n: number) => {
      statements.length = 0;
      const data = await gql.data(q, { n });
      expect(data.areas.nodes).toHaveLength(n);
      return statements.length;
    };
    const five = await count(5);
    const all = await count(63);
    expect(all).toBe(five);
  });
});
