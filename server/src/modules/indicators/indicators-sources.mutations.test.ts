import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const admin = callerFor(['ADMIN'], { kind: 'USER', id: 2, label: 'admin@leipzig.de' });

const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id key title publisher licence url attribution retrievedAt synthetic version } }`;
const UPDATE_SOURCE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id title retrievedAt version } }`;
const RETIRE_SOURCE = `mutation($id: Int!, $version: Int!) { retireSource(id: $id, version: $version) { entity id deleted version } }`;
const CREATE_INDICATOR = `mutation($input: CreateIndicatorInput!) {
  createIndicator(input: $input) { id key name unit topic polarity aggregation version denominator { key } source { key } }
}`;
const UPDATE_INDICATOR = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id aggregation version denominator { key } } }`;
const RETIRE_INDICATOR = `mutation($id: Int!, $version: Int!) { retireIndicator(id: $id, version: $version) { entity id deleted } }`;

const reasons = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  ((result.errors?.[0]?.extensions?.problems ?? []) as { field: string; reason: string }[]).map((p) => `${p.field}:${p.reason}`).sort();

describe('admin: sources and indicator definitions', () => {
  let sourceId: number;
  let ids: Record<string, number>;
  const { db, gql } = useSeededGraphQL();
  beforeAll(async () => {
    sourceId = (await db.prisma.source.findUniqueOrThrow({ where: { key: 'leipzig-statistik' } })).id;
    const rows = await db.prisma.indicator.findMany({ where: { key: { in: ['population', 'unemployment_rate', 'sgb2_rate'] } } });
    ids = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  });

  const newSource = {
    key: 'jobcenter-leipzig',
    title: 'Kennzahlen nach § 48a SGB II',
    publisher: 'Jobcenter Leipzig',
    licence: 'Datenlizenz Deutschland – Namensnennung 2.0',
    attribution: 'Jobcenter Leipzig, Kennzahlen 2024',
    url: 'https://example.org/kennzahlen',
    retrievedAt: '2025-03-01',
  };

  it('creates, changes and deletes a source, with optimistic locking and an audit row for each write', async () => {
    const { createSource } = await gql.data(CREATE_SOURCE, { input: newSource }, admin);
    expect(createSource).toMatchObject({ ...newSource, synthetic: false, version: 1 });

    const { updateSource } = await gql.data(UPDATE_SOURCE, { input: { id: createSource.id, version: 1, title: 'Kennzahlen SGB II', retrievedAt: '2025-04-01' } }, admin);
    expect(updateSource).toMatchObject({ title: 'Kennzahlen SGB II', retrievedAt: '2025-04-01', version: 2 });
    const stale = await gql.run(UPDATE_SOURCE, { input: { id: createSource.id, version: 1, title: 'Zu spät' } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const { retireSource } = await gql.data(RETIRE_SOURCE, { id: createSource.id, version: 2 }, admin);
    expect(retireSource).toEqual({ entity: 'source', id: createSource.id, deleted: true, version: null });
    expect(await db.prisma.source.findUnique({ where: { id: createSource.id } })).toBeNull();
    const audit = await db.prisma.auditLog.findMany({ where: { entity: 'source', entityId: String(createSource.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]).toMatchObject({ actorLabel: 'admin@leipzig.de', before: expect.objectContaining({ title: newSource.title }), after: expect.objectContaining({ title: 'Kennzahlen SGB II' }) });
  });

  it('refuses invalid sources with German messages, and keeps cited sources', async () => {
    const before = await db.prisma.source.count();
    const bad = await gql.run(CREATE_SOURCE, { input: { key: 'Leipzig Statistik', title: '', licence: 'CC BY 4.0', url: 'ftp://x', retrievedAt: '2999-01-01' } }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reasons(bad)).toEqual(['attribution:REQUIRED', 'key:INVALID_FORMAT', 'publisher:REQUIRED', 'retrievedAt:OUT_OF_RANGE', 'title:REQUIRED', 'url:INVALID_FORMAT']);
    expect(bad.errors?.[0]?.message).toMatch(/Das Abrufdatum liegt in der Zukunft/);
    const impossible = await gql.run(CREATE_SOURCE, { input: { ...newSource, key: 'neu', retrievedAt: '2025-02-30' } }, admin);
    expect(impossible.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(impossible.errors?.[0]?.message).toMatch(/„2025-02-30“ ist kein gültiges Datum/);
    const twin = await gql.run(CREATE_SOURCE, { input: { ...newSource, key: 'leipzig-statistik' } }, admin);
    expect(reasons(twin)).toEqual(['key:DUPLICATE']);
    expect(await db.prisma.source.count()).toBe(before);

    const cited = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    const refused = await gql.run(RETIRE_SOURCE, { id: sourceId, version: cited.version }, admin);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('HAS_DEPENDENTS');
    expect(refused.errors?.[0]?.message).toMatch(/Die Quelle wird noch zitiert \(\d+ Indikator\(en\)/);
  });

  it('creates an indicator only with a consistent unit, rule and weight', async () => {
    const base = { key: 'sgb2_women_share', name: 'SGB-II-Quote der Frauen', description: 'Anteil der Frauen in Bedarfsgemeinschaften an allen Frauen.', unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE', sourceId };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ aggregation: 'WEIGHTED_MEAN' }, ['denominatorId:REQUIRED']],
      [{ aggregation: 'WEIGHTED_MEAN', denominatorId: ids.sgb2_rate }, ['denominatorId:INVALID_FORMAT']],
      [{ aggregation: 'WEIGHTED_MEAN', denominatorId: 999999 }, ['denominatorId:UNKNOWN_REFERENCE']],
      [{ aggregation: 'SUM' }, ['aggregation:INVALID_FORMAT']],
      [{ aggregation: 'NOT_DERIVABLE', denominatorId: ids.population }, ['denominatorId:INVALID_FORMAT']],
      [{ aggregation: 'NOT_DERIVABLE', key: 'population' }, ['key:DUPLICATE']],
      [{ aggregation: 'NOT_DERIVABLE', key: 'SGB2-Frauen' }, ['key:INVALID_FORMAT']],
      [{ aggregation: 'NOT_DERIVABLE', sourceId: 999999 }, ['sourceId:UNKNOWN_REFERENCE']],
    ];
    for (const [change, expected] of cases) {
      const result = await gql.run(CREATE_INDICATOR, { input: { ...base, ...change } }, admin);
      expect([JSON.stringify(change), reasons(result)]).toEqual([JSON.stringify(change), expected]);
    }
    const sum = await gql.run(CREATE_INDICATOR, { input: { ...base, aggregation: 'SUM' } }, admin);
    expect(sum.errors?.[0]?.message).toMatch(/Werte in der Einheit „Prozent“ lassen sich nicht addieren/);

    const { createIndicator } = await gql.data(CREATE_INDICATOR, { input: { ...base, aggregation: 'WEIGHTED_MEAN', denominatorId: ids.population } }, admin);
    expect(createIndicator).toMatchObject({ key: 'sgb2_women_share', unit: 'PERCENT', aggregation: 'WEIGHTED_MEAN', version: 1, denominator: { key: 'population' }, source: { key: 'leipzig-statistik' } });

    const { retireIndicator } = await gql.data(RETIRE_INDICATOR, { id: createIndicator.id, version: 1 }, admin);
    expect(retireIndicator).toEqual({ entity: 'indicator', id: createIndicator.id, deleted: true });
    const audit = await db.prisma.auditLog.findMany({ where: { entity: 'indicator', entityId: String(createIndicator.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'retire']);
  });

  it('derives the Stadtbezirk and city values again when the aggregation rule changes', async () => {
    const derived = () =>
      db.prisma.indicatorValue.findMany({ where: { indicatorId: ids.unemployment_rate, derived: true }, orderBy: [{ areaId: 'asc' }, { year: 'asc' }], select: { areaId: true, year: true, value: true, status: true } });
    const seeded = await derived();
    expect(seeded.length).toBeGreaterThan(0);
    const version = (await db.prisma.indicator.findUniqueOrThrow({ where: { id: ids.unemployment_rate! } })).version;

    const { updateIndicator: off } = await gql.data(UPDATE_INDICATOR, { input: { id: ids.unemployment_rate, version, aggregation: 'NOT_DERIVABLE' } }, admin);
    expect(off).toMatchObject({ aggregation: 'NOT_DERIVABLE', version: version + 1, denominator: null });
    expect(await derived()).toEqual([]);

    const { updateIndicator: on } = await gql.data(UPDATE_INDICATOR, { input: { id: ids.unemployment_rate, version: version + 1, aggregation: 'WEIGHTED_MEAN', denominatorId: ids.population } }, admin);
    expect(on).toMatchObject({ aggregation: 'WEIGHTED_MEAN', denominator: { key: 'population' } });
    // Σ(rate · population) / Σ population again, exactly as the seed derived it.
    expect(await derived()).toEqual(seeded);
  });

  it('keeps the unit of an indicator with values and the rule of a weight others use', async () => {
    const population = await db.prisma.indicator.findUniqueOrThrow({ where: { id: ids.population! } });
    const unit = await gql.run(UPDATE_INDICATOR, { input: { id: population.id, version: population.version, unit: 'PERCENT', aggregation: 'NOT_DERIVABLE' } }, admin);
    expect(reasons(unit)).toEqual(['aggregation:HAS_DEPENDENTS', 'unit:HAS_DEPENDENTS']);
    expect(unit.errors?.[0]?.message).toMatch(/Bezugsgröße von .*unemployment_rate/);
    const refused = await gql.run(RETIRE_INDICATOR, { id: population.id, version: population.version }, admin);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('HAS_DEPENDENTS');
    expect(refused.errors?.[0]?.message).toMatch(/Der Indikator wird noch verwendet \([\d.]+ Werte, Bezugsgröße von \d+ Indikator\(en\)/);
    expect(await db.prisma.indicator.findUniqueOrThrow({ where: { id: population.id } })).toEqual(population);
  });

  it('shows the version of indicators, sources and areas for the next edit', async () => {
    const { indicator, sources, area } = await gql.data(`{ indicator(key: "population") { version } sources { key version } area(code: "00") { version } }`);
    expect(indicator.version).toBeGreaterThanOrEqual(1);
    expect(sources.every((s: { version: number }) => s.version >= 1)).toBe(true);
    expect(area.version).toBe(1);
  });
});
