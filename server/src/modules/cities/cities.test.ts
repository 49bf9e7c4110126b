import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSeededGraphQL } from '../../../test/graphql';

// Two cities in one hub: Leipzig (default) and Chemnitz from its manifest (seed/data/chemnitz).
describe('cities', () => {
  const { gql } = useSeededGraphQL();

  it('lists both cities with AGS, residents from Destatis and what is missing', async () => {
    const data = await gql.data(`{ cities { key ags name isDefault residents residentsDate districtStatistics districtCount
      residentsSource { key licence } unavailable { what reason message } area { level code } } }`);
    const [leipzig, chemnitz] = data.cities;
    expect(leipzig).toMatchObject({ key: 'leipzig', ags: '14713000', isDefault: true, residents: 587857, districtStatistics: true, districtCount: 63, unavailable: [] });
    expect(chemnitz).toMatchObject({ key: 'chemnitz', ags: '14511000', isDefault: false, residents: 247237, residentsDate: '2018-12-31', districtStatistics: false, districtCount: 39 });
    expect(chemnitz.residentsSource).toEqual({ key: 'destatis-kreise-2018', licence: 'CC BY 4.0' });
    expect(chemnitz.area).toEqual({ level: 'CITY', code: '14511000' });
    expect(chemnitz.unavailable.map((u: { what: string }) => u.what)).toEqual(expect.arrayContaining(['NEED_INDEX', 'EARLY_WARNING', 'GAP_CLASSES', 'COVERAGE_RATE']));
    const statistics = chemnitz.unavailable.filter((u: { what: string }) => u.what !== 'BUDGET' && u.what !== 'ADDRESS_SEARCH');
    expect(statistics.every((u: { reason: string; message: string }) => u.reason === 'NO_DISTRICT_STATISTICS' && /keine Statistik je Stadtteil/.test(u.message))).toBe(true);
  });

  it('areas: Leipzig by default, Chemnitz by key or AGS; codes are unique per city', async () => {
    const data = await gql.data(`{
      old: areas(filter: { level: DISTRICT }) { totalCount }
      cities: areas(filter: { level: CITY }) { nodes { name } }
      ch: areas(filter: { level: DISTRICT, city: "chemnitz" }) { totalCount }
      ags: areas(filter: { level: DISTRICT, city: "14511000" }) { totalCount }
      l01: area(code: "01") { name }
      c01: area(code: "01", city: "chemnitz") { name parent { name level } }
    }`);
    expect(data.old.totalCount).toBe(63);
    expect(data.cities.nodes).toEqual([{ name: 'Leipzig' }]);
    expect(data.ch.totalCount).toBe(39);
    expect(data.ags.totalCount).toBe(39);
    expect(data.l01.name).toBe('Zentrum-Ost');
    expect(data.c01).toEqual({ name: 'Zentrum', parent: { name: 'Chemnitz', level: 'CITY' } });
  });

  it('services: the default city answers as before, Chemnitz has its own lists', async () => {
    const data = await gql.data(`{
      leipzigKitas: services(filter: { categoryKeys: ["day_care"] }) { totalCount }
      chemnitzKitas: services(filter: { categoryKeys: ["day_care"], city: "chemnitz" }) { totalCount }
      chemnitzYouth: services(filter: { categoryKeys: ["youth_social_work"], city: "chemnitz" }) { totalCount nodes { locations { area { name } } } }
    }`);
    expect(data.leipzigKitas.totalCount).toBe(362);
    expect(data.chemnitzKitas.totalCount).toBe(241);
    // 51 + 10 listed; 5 rows repeat another row's provider and address (reported as duplicates)
    expect(data.chemnitzYouth.totalCount).toBe(56);
    expect(data.chemnitzYouth.nodes.every((s: { locations: { area: { name: string } | null }[] }) => s.locations.every((l) => l.area !== null))).toBe(true);
  });

  it('an unknown city is bad input naming the known ones', async () => {
    const { errors } = await gql.run(`{ areas(filter: { city: "gera" }) { totalCount } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.city', reason: 'UNKNOWN_REFERENCE' });
    expect(errors![0]!.message).toMatch(/chemnitz \(14511000\)/);
  });
});

// The levels each city has, and for those it lacks a reason: an empty list is never left unexplained.
describe('levels per city', () => {
  const { db, gql } = useSeededGraphQL();

  it('each city names its own levels: Leipzig Ortsteile and Stadtbezirke, Chemnitz Stadtteile; a city naming none gets the generic names', async () => {
    const QUERY = `{ cities { key levels { level name nameSingular nameEn } } }`;
    const [leipzig, chemnitz] = (await gql.data(QUERY)).cities;
    expect(leipzig.levels).toEqual(expect.arrayContaining([
      { level: 'DISTRICT', name: 'Ortsteile', nameSingular: 'Ortsteil', nameEn: 'districts (Ortsteile)' },
      { level: 'BOROUGH', name: 'Stadtbezirke', nameSingular: 'Stadtbezirk', nameEn: 'boroughs (Stadtbezirke)' },
    ]));
    expect(chemnitz.levels).toEqual([{ level: 'DISTRICT', name: 'Stadtteile', nameSingular: 'Stadtteil', nameEn: 'districts (Stadtteile)' }]);
    // a city whose importer gave no names (a manifest without areas.levelName)
    await db.prisma.$executeRaw`UPDATE city SET level_names = '{}' WHERE key = 'chemnitz'`;
    try {
      const [, generic] = (await gql.data(QUERY)).cities;
      expect(generic.levels).toEqual([{ level: 'DISTRICT', name: 'Ortsteile bzw. Stadtteile', nameSingular: 'Ortsteil bzw. Stadtteil', nameEn: 'districts (Ortsteile, Stadtteile)' }]);
    } finally {
      await db.prisma.$executeRaw`UPDATE city SET level_names = ${JSON.stringify({ DISTRICT: { de: 'Stadtteile', deSingular: 'Stadtteil', en: 'districts (Stadtteile)' } })}::jsonb WHERE key = 'chemnitz'`;
    }
  });

  it('Leipzig has Stadtbezirke and Ortsteile; Chemnitz has Stadtteile and says it has no Stadtbezirke', async () => {
    const data = await gql.data(`{ cities { key levels { level count } missingLevels { level reason message messageEn } }
      boroughs: areas(filter: { level: BOROUGH, city: "chemnitz" }) { totalCount } }`);
    const [leipzig, chemnitz] = data.cities;
    expect(leipzig.levels).toEqual(expect.arrayContaining([{ level: 'BOROUGH', count: 10 }, { level: 'DISTRICT', count: 63 }]));
    expect(leipzig.missingLevels).toEqual([]);
    expect(chemnitz.levels).toEqual([{ level: 'DISTRICT', count: 39 }]);
    expect(chemnitz.missingLevels).toEqual([
      { level: 'BOROUGH', reason: 'NO_LEVEL', message: expect.stringMatching(/^Für Chemnitz liegen keine Stadtbezirke vor/), messageEn: expect.stringContaining('No boroughs') },
    ]);
    expect(data.boroughs.totalCount).toBe(0);
  });
});

// Providers, funding and budget per city: a city answers with its own data or says what it lacks.
describe('providers, funding and budget per city', () => {
  const { gql } = useSeededGraphQL();

  it('providers of Chemnitz are exactly those running a service there', async () => {
    const data = await gql.data(`{
      p: providers(first: 500, filter: { city: "chemnitz" }) { totalCount nodes { id } }
      s1: services(first: 500, filter: { city: "chemnitz" }) { totalCount nodes { provider { id } } pageInfo { endCursor hasNextPage } }
      l: providers(first: 1, filter: { city: "leipzig" }) { totalCount }
      d: providers(first: 1) { totalCount }
    }`);
    let services = data.s1;
    const owners = new Set<number>();
    for (;;) {
      for (const s of services.nodes) if (s.provider) owners.add(s.provider.id);
      if (!services.pageInfo.hasNextPage) break;
      services = (await gql.data(`query($after: String) { s: services(first: 500, after: $after, filter: { city: "chemnitz" }) {
        nodes { provider { id } } pageInfo { endCursor hasNextPage } } }`, { after: services.pageInfo.endCursor })).s;
    }
    expect(owners.size).toBeGreaterThan(0);
    expect(data.p.totalCount).toBe(owners.size);
    expect(new Set(data.p.nodes.map((p: { id: number }) => p.id))).toEqual(owners);
    // the default city answers as Leipzig does, plus providers without any service (they belong to no city)
    expect(data.d.totalCount).toBeGreaterThanOrEqual(data.l.totalCount);
    expect(data.d.totalCount).toBeLessThan(data.l.totalCount + data.p.totalCount);
  });

  it('Chemnitz has no budget: null and no plan years, and the city says why; never Leipzig’s figures', async () => {
    const data = await gql.data(`{
      years: budgetYears(city: "chemnitz")
      b: budget(city: "chemnitz", year: 2025) { year }
      leipzigYears: budgetYears
      leipzig: budget(city: "leipzig", year: 2025) { city { name } }
      c: city(city: "chemnitz") { unavailable { what reason message } }
      l: city(city: "leipzig") { unavailable { what } }
    }`);
    expect(data.years).toEqual([]);
    expect(data.b).toBeNull();
    expect(data.leipzigYears).toContain(2025);
    expect(data.leipzig.city.name).toBe('Leipzig');
    expect(data.c.unavailable).toContainEqual({ what: 'BUDGET', reason: 'NO_BUDGET', message: expect.stringContaining('kein Haushaltsplan') });
    expect(data.l.unavailable).toEqual([]);
  });

  it('funding of Chemnitz: none of its services has a funding line, so nothing of Leipzig’s is totalled there', async () => {
    const data = await gql.data(`{
      c: fundingTotals(level: DISTRICT, city: "chemnitz", fromYear: 2022, toYear: 2022) { area { code } }
      d: fundingTotals(level: DISTRICT, fromYear: 2022, toYear: 2022) { area { code } nominal }
      cf: fundings(filter: { city: "chemnitz" }) { totalCount }
      lf: fundings(filter: { city: "leipzig" }) { totalCount }
      df: fundings { totalCount }
    }`);
    expect(data.c).toEqual([]);
    expect(data.cf.totalCount).toBe(0);
    expect(new Set(data.d.map((r: { area: { code: string } }) => r.area.code)).size).toBe(63);
    expect(data.d.some((r: { nominal: string }) => Number(r.nominal) > 0)).toBe(true);
    expect(data.lf.totalCount).toBeGreaterThan(0);
    expect(data.df.totalCount).toBeGreaterThanOrEqual(data.lf.totalCount);
  });

  it('an unknown city in the provider filter is bad input naming the argument', async () => {
    const { errors } = await gql.run(`{ providers(filter: { city: "gera" }) { totalCount } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.city', reason: 'UNKNOWN_REFERENCE' });
  });

  it('the city area names the source of its boundaries, so the map can attribute another city’s areas to it', async () => {
    const data = await gql.data(`{ cities { key area { source { key publisher licence attribution } } } }`);
    const [leipzig, chemnitz] = data.cities;
    expect(leipzig.area.source.key).toBe('leipzig-gebietsgliederung');
    expect(chemnitz.area.source).toMatchObject({ key: 'chemnitz-opendata', publisher: 'Stadt Chemnitz', licence: 'Datenlizenz Deutschland – Namensnennung 2.0' });
    expect(chemnitz.area.source.attribution).toMatch(/Stadt Chemnitz/);
  });
});

// An installation imported before city.level_names existed is not imported again: the migration
// gives its cities the names their importers write.
describe('level names of an installation imported before them', () => {
  const { db } = useSeededGraphQL();

  it('the migration writes the same names as the importers', async () => {
    const imported = await db.prisma.$queryRaw<{ key: string; names: unknown }[]>`SELECT key, level_names AS names FROM city ORDER BY key`;
    expect(imported.map((c) => c.key)).toEqual(['chemnitz', 'leipzig']);
    const sql = readFileSync(path.join(__dirname, '../../../../prisma/migrations/20261203100000_city_level_names/migration.sql'), 'utf8');
    const backfill = sql.match(/^UPDATE "city" SET "level_names"[^;]+;/gm) ?? [];
    expect(backfill).toHaveLength(2);
    await db.prisma.$executeRaw`UPDATE city SET level_names = '{}'`;
    for (const statement of backfill) await db.withSession((s) => s.query(statement));
    expect(await db.prisma.$queryRaw`SELECT key, level_names AS names FROM city ORDER BY key`).toEqual(imported);
  });
});

// Services and plans inserted without a city belong to the default city, through one trigger
// function (20261203100000_city_level_names replaced the two copies).
describe('default city of new rows', () => {
  const { db } = useSeededGraphQL();

  it('one function default_city() sets the city of services and plans; a given city is kept', async () => {
    const triggers = await db.prisma.$queryRaw<{ trigger: string; fn: string }[]>`
      SELECT t.tgname AS trigger, p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE t.tgname IN ('service_default_city', 'plan_default_city') ORDER BY t.tgname`;
    expect(triggers).toEqual([{ trigger: 'plan_default_city', fn: 'default_city' }, { trigger: 'service_default_city', fn: 'default_city' }]);
    const old = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_proc WHERE proname IN ('service_default_city', 'plan_default_city')`;
    expect(old[0]!.n).toBe(0);
    const rows = await db.prisma.$queryRaw<{ own: string | null; given: string | null; plan: string | null }[]>`
      WITH s AS (INSERT INTO service (name, category_id) SELECT 'Test ohne Stadt', min(id) FROM service_category RETURNING city_id),
           g AS (INSERT INTO service (name, category_id, city_id) SELECT 'Test Chemnitz', min(id), (SELECT area_id FROM city WHERE key = 'chemnitz') FROM service_category RETURNING city_id),
           p AS (INSERT INTO plan (title, period_start, period_end, updated_at) VALUES ('Test ohne Stadt', 2026, 2030, now()) RETURNING city_id)
      SELECT (SELECT c.key FROM city c, s WHERE c.area_id = s.city_id) AS own, (SELECT c.key FROM city c, g WHERE c.area_id = g.city_id) AS given,
             (SELECT c.key FROM city c, p WHERE c.area_id = p.city_id) AS plan`;
    expect(rows).toEqual([{ own: 'leipzig', given: 'chemnitz', plan: 'leipzig' }]);
  });
});
