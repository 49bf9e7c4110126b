import { useSeededGraphQL } from '../../../test/graphql';

// Analyses per city: Leipzig answers as before (nothing unavailable); Chemnitz has no statistics
// per Stadtteil, so what needs them says so, typed, and nothing is filled in.
describe('analyses per city', () => {
  const { gql } = useSeededGraphQL();

  it('coverage in Chemnitz counts its services per Stadtteil without a rate, and says why', async () => {
    const data = await gql.data(`{ coverage(city: "chemnitz", year: 2022, categoryKeys: ["day_care"]) {
      rows { area { name } services targetPopulation ratioPer1000 reason } unavailable { what reason messageEn } } }`);
    const rows = data.coverage.rows as { area: { name: string }; services: number; targetPopulation: number | null; ratioPer1000: number | null }[];
    expect(rows).toHaveLength(39);
    expect(rows.reduce((n, r) => n + r.services, 0)).toBe(241);
    expect(rows.every((r) => r.targetPopulation === null && r.ratioPer1000 === null)).toBe(true);
    expect(data.coverage.unavailable).toEqual([
      { what: 'COVERAGE_RATE', reason: 'NO_DISTRICT_STATISTICS', messageEn: expect.stringContaining('not available for Chemnitz') },
    ]);
  });

  it('need index, early warning and gaps in Chemnitz: not available, typed, and no class is given', async () => {
    const data = await gql.data(`{
      n: needIndex(city: "chemnitz", year: 2022) { areas { excluded statusClass } unavailable { what reason } }
      e: earlyWarnings(city: "chemnitz", year: 2022) { unavailable { what reason } }
      g: gaps(city: "14511000", category: "day_care", year: 2022) { unavailable { what reason } }
    }`);
    expect(data.n.unavailable).toEqual([{ what: 'NEED_INDEX', reason: 'NO_DISTRICT_STATISTICS' }]);
    expect(data.n.areas).toHaveLength(39);
    expect(data.n.areas.every((a: { excluded: boolean; statusClass: string | null }) => a.excluded && a.statusClass === null)).toBe(true);
    expect(data.e.unavailable).toEqual([{ what: 'EARLY_WARNING', reason: 'NO_DISTRICT_STATISTICS' }]);
    expect(data.g.unavailable).toEqual([{ what: 'GAP_CLASSES', reason: 'NO_DISTRICT_STATISTICS' }]);
  });

  it('Leipzig: the default city, all 63 Ortsteile, nothing unavailable', async () => {
    const data = await gql.data(`{
      d: needIndex(year: 2022) { areas { area { code } statusClass } unavailable { what } }
      l: needIndex(city: "leipzig", year: 2022) { areas { area { code } statusClass } unavailable { what } }
    }`);
    expect(data.d.areas).toHaveLength(63);
    expect(data.d.unavailable).toEqual([]);
    expect(data.l).toEqual(data.d);
  });
});

// Money flows and scenarios per city: Chemnitz's own areas and services; what needs statistics per
// Stadtteil is said, not filled in; a point in Chemnitz is no area of the default city.
describe('money flows and scenarios per city', () => {
  const { db, gql } = useSeededGraphQL();
  const chemnitzZentrum = async () => {
    const [p] = await db.prisma.$queryRaw<{ lon: number; lat: number }[]>`
      SELECT ST_X(a.label_point) AS lon, ST_Y(a.label_point) AS lat FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'chemnitz' AND a.code = '01'`;
    return p!;
  };

  it('moneyFlows of Chemnitz: its 39 Stadtteile, nothing per resident, and says why', async () => {
    const data = await gql.data(`{
      c: moneyFlows(city: "chemnitz", fromYear: 2021, toYear: 2022) { byAreaYear { area { parent { name } } nominalPerResident residents } needCorrelation { rho } unavailable { what reason } }
      d: moneyFlows(fromYear: 2021, toYear: 2022) { byAreaYear { area { parent { name } } } unavailable { what } }
    }`);
    const rows = data.c.byAreaYear as { area: { parent: { name: string } }; nominalPerResident: number | null; residents: number | null }[];
    expect(new Set(rows.map((r) => r.area.parent.name))).toEqual(new Set(['Chemnitz']));
    expect(rows).toHaveLength(39 * 2);
    expect(rows.every((r) => r.residents === null && r.nominalPerResident === null)).toBe(true);
    expect(data.c.needCorrelation?.rho ?? null).toBeNull();
    expect(data.c.unavailable).toEqual([{ what: 'FUNDING_PER_RESIDENT', reason: 'NO_DISTRICT_STATISTICS' }]);
    expect(data.d.byAreaYear).toHaveLength(63 * 2);
    expect(data.d.byAreaYear.some((r: { area: { parent: { name: string } } }) => r.area.parent.name === 'Chemnitz')).toBe(false);
    expect(data.d.unavailable).toEqual([]);
  });

  it('scenario: a new day-care centre in Chemnitz-Zentrum lies in Chemnitz, not in the default city', async () => {
    const point = await chemnitzZentrum();
    const SCENARIO = `query($input: ScenarioInput!, $city: String) { scenario(input: $input, city: $city) {
      parameters { addedServices { areaId } } areas { area { code parent { name } } before { services } after { services } } unavailable { what reason } } }`;
    const input = { category: 'day_care', year: 2022, addServices: [{ ...point, capacity: 50 }] };
    const inLeipzig = await gql.run(SCENARIO, { input });
    expect(inLeipzig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.addServices[0]' });
    const { scenario } = await gql.data(SCENARIO, { input, city: 'chemnitz' });
    const zentrum = scenario.areas.find((a: { area: { code: string } }) => a.area.code === '01');
    expect(zentrum.area.parent.name).toBe('Chemnitz');
    expect(zentrum.after.services).toBe(zentrum.before.services + 1);
    expect(scenario.areas.every((a: { area: { parent: { name: string } } }) => a.area.parent.name === 'Chemnitz')).toBe(true);
    expect(scenario.unavailable).toEqual([{ what: 'SCENARIO_DEMAND', reason: 'NO_DISTRICT_STATISTICS' }]);
  });

  it('needIndexYears: Leipzig has years, Chemnitz none (no statistics per Stadtteil)', async () => {
    const data = await gql.data(`{ d: needIndexYears c: needIndexYears(city: "chemnitz") }`);
    expect(data.d.length).toBeGreaterThan(0);
    expect(data.c).toEqual([]);
  });
});
