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
    expect(chemnitz.unavailable.every((u: { reason: string; message: string }) => u.reason === 'NO_DISTRICT_STATISTICS' && /keine Statistik je Stadtteil/.test(u.message))).toBe(true);
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
