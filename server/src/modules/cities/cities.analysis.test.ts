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
