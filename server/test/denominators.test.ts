// True denominators (issue 13, item 2): rates whose numerator and denominator are both published
// per Ortsteil roll up as a ratio of two counts; rates weighted by a stand-in carry a flag that the
// API, both exports and the profile show.
import { parse } from 'csv-parse/sync';
import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from './db';
import { startHttp } from './http';

describe('ratio of two counts and flagged proxy denominators', () => {
  let db: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    db = await openSeededDatabase();
    http = await startHttp(db);
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  /** Σ numerator ÷ Σ denominator over the Ortsteile, straight from the stored values. */
  const ratioOfSums = async (numerator: string, denominator: string, year: number) => {
    const [row] = await db.prisma.$queryRaw<{ r: number }[]>`
      SELECT sum(n.value) / sum(d.value) AS r
        FROM area a
        JOIN indicator_value n ON n.area_id = a.id AND n.year = ${year} AND n.indicator_id = (SELECT id FROM indicator WHERE key = ${numerator})
        JOIN indicator_value d ON d.area_id = a.id AND d.year = ${year} AND d.indicator_id = (SELECT id FROM indicator WHERE key = ${denominator})
       WHERE a.level = 'DISTRICT'`;
    return row!.r;
  };
  const cityValue = async (key: string, year: number) => {
    const { body } = await http.graphql(`query($key: String!, $year: Int!) {
      areas(filter: { level: CITY }) { nodes { value(indicator: $key, year: $year) { value status derived } } } }`, { key, year });
    return body.data.areas.nodes[0].value;
  };

  it('derives the city shares from the sums of numerator and denominator, not from rounded Ortsteil shares', async () => {
    expect((await cityValue('foreigner_share', 2022)).value).toBeCloseTo(100 * (await ratioOfSums('foreigners', 'population', 2022)), 9);
    expect((await cityValue('migrant_share', 2022)).value).toBeCloseTo(100 * (await ratioOfSums('migrants', 'population', 2022)), 9);
    expect((await cityValue('sgb2_persons_per_household', 2022)).value).toBeCloseTo(await ratioOfSums('sgb2_persons', 'sgb2_households', 2022), 9);
    expect(await cityValue('foreigner_share', 2022)).toMatchObject({ derived: true, status: 'REGULAR' });
  });

  it('flags the rates weighted by a stand-in denominator in the API and in both exports', async () => {
    const { body } = await http.graphql(`{ indicators { key aggregation denominatorProxy numerator { key } denominator { key } } }`);
    const byKey = new Map(body.data.indicators.map((i: any) => [i.key, i]));
    expect(byKey.get('sgb2_rate')).toMatchObject({ aggregation: 'WEIGHTED_MEAN', denominatorProxy: true, denominator: { key: 'population' } });
    expect(byKey.get('foreigner_share')).toMatchObject({ aggregation: 'RATIO_OF_COUNTS', denominatorProxy: false, numerator: { key: 'foreigners' }, denominator: { key: 'population' } });
    const proxies = body.data.indicators.filter((i: any) => i.denominatorProxy).map((i: any) => i.key).sort();
    expect(proxies).toEqual(['old_age_ratio', 'sgb2_child_share', 'sgb2_employable_rate', 'sgb2_rate', 'unemployment_rate', 'youth_ratio']);

    const geo = await (await fetch(`${http.url}/export/areas.geojson?level=CITY&indicators=sgb2_rate,foreigner_share&years=2022`)).json();
    expect(geo.indicators).toHaveLength(2);
    expect(geo.indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'sgb2_rate', denominator_proxy: true }),
        expect.objectContaining({ key: 'foreigner_share', denominator_proxy: false, aggregation: 'RATIO_OF_COUNTS' }),
      ]),
    );
    const csv: Record<string, string>[] = parse(await (await fetch(`${http.url}/export/areas.csv?level=BOROUGH&indicators=sgb2_rate,foreigner_share&years=2022`)).text(), { columns: true });
    expect(csv.length).toBeGreaterThan(0);
    for (const row of csv) expect(row.hinweis).toBe('Näherung (Nenner ersatzweise Einwohner insgesamt): sgb2_rate');
  });
});
