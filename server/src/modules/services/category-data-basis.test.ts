import { useSeededGraphQL } from '../../../test/graphql';

describe('which categories rest on real and which on demo data', () => {
  const { db, gql } = useSeededGraphQL();

  it('says REAL or DEMO per category with the sources, and never mixes them in the seeded data', async () => {
    const { serviceCategories } = await gql.data(`{ serviceCategories { key dataBasis { basis realServices demoServices sources { key title synthetic } } } }`);
    const by = Object.fromEntries(serviceCategories.map((c: any) => [c.key, c.dataBasis]));
    expect(by.day_care).toMatchObject({ basis: 'REAL', demoServices: 0, sources: [{ key: 'leipzig-kivan' }] });
    expect(by.senior_meeting.basis).toBe('REAL');
    expect(by.senior_meeting.sources.map((s: any) => s.key)).toContain('leipzig-data-rdf');
    expect(by.youth_club).toMatchObject({ basis: 'DEMO', realServices: 0, sources: [{ key: 'demo', synthetic: true }] });
    expect(by.public_office.sources[0].title).toContain('2018');
    expect(serviceCategories.filter((c: any) => c.dataBasis.basis === 'MIXED')).toEqual([]);
  });
});
