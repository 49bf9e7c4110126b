// The statistics (kdvalues) import through GraphQL: the seed's importer, mapping checks and
// plausibility warnings, on the seeded Leipzig database.
import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { createGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const statistics = callerFor(['STATISTICS'], { kind: 'API_KEY', id: 7, label: 'Statistikstelle' });
const admin = callerFor(['ADMIN'], { kind: 'USER', id: 2, label: 'admin@leipzig.de' });
const IMPORT = `mutation($files: [StatisticsFileInput!]!, $mapping: StatisticsMappingInput, $dryRun: Boolean!) {
  importStatistics(files: $files, mapping: $mapping, dryRun: $dryRun) {
    dryRun applied mapping files rowsRead ortsteilValues unchanged unmapped plausibility liftsSuppression warnings
    errors { file path message }
    skipped { row reason }
  }
}`;

const kd = (data: Record<string, Record<string, { value: unknown; district: string }[]>>) => JSON.stringify({ meta: { source: 'test', title: 'test' }, data });
const crimes = {
  key: 'crimes_per_1000', name: 'Straftaten je 1.000 Einwohner', nameEn: 'Crimes per 1,000 residents', description: 'Polizeiliche Kriminalstatistik.',
  unit: 'PER_THOUSAND', topic: 'SAFETY', polarity: 'HIGHER_IS_WORSE', aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
};
const population = { key: 'population', name: 'Einwohner insgesamt', nameEn: 'Residents, total', description: 'Einwohner.', unit: 'COUNT', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL', aggregation: 'SUM' };
const unemployed = { key: 'unemployed', name: 'Arbeitslose', nameEn: 'Unemployed', description: 'Arbeitslose.', unit: 'COUNT', topic: 'LABOUR', polarity: 'HIGHER_IS_WORSE', aggregation: 'SUM' };
const mappingOf = (indicators: object[], subIndicators: Record<string, unknown>) => ({
  name: 'sicherheit.mapping.json',
  json: JSON.stringify({ indicators, files: [{ file: 'leipzig-sicherheit.json', priority: 1, subIndicators }] }),
});

describe('importing statistics files (kdvalues) through GraphQL', () => {
  let db: Database;
  let gql: Awaited<ReturnType<typeof createGraphQL>>;
  let ortsteile: { id: number; name: string; code: string; parentId: number | null }[];
  beforeAll(async () => {
    db = await openSeededDatabase();
    gql = await createGraphQL(db);
    ortsteile = await db.prisma.area.findMany({ where: { level: 'DISTRICT' }, orderBy: { code: 'asc' } });
  });
  afterAll(async () => {
    await gql?.stop();
    await db?.close();
  });
  const run = (vars: Record<string, unknown>, caller = statistics) => gql.data(IMPORT, vars, caller).then((d) => d.importStatistics);
  const stored = async (key: string, areaId: number, year: number) =>
    (await db.prisma.$queryRaw<{ value: number | null; origin: string }[]>`
      SELECT v.value, v.origin::text FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.key = ${key} AND v.area_id = ${areaId} AND v.year = ${year}`)[0];

  it('an administrator imports a new file with a new indicator from data alone; the borough value is derived', async () => {
    const year = 2022;
    const borough = ortsteile.filter((o) => o.parentId === ortsteile[0]!.parentId);
    const rows = borough.map((o, i) => ({ value: i === 0 ? 1250 : 40 + i, district: o.name }));
    const vars = { files: [{ name: 'leipzig-sicherheit.json', json: kd({ [year]: { 'Straftaten je 1.000 EW': rows } }) }], mapping: mappingOf([population, crimes], { 'Straftaten je 1.000 EW': 'crimes_per_1000' }) };
    // the statistics office may not define indicators: the mapping names one not in the catalogue
    const refused = await run({ ...vars, dryRun: false });
    expect(refused).toMatchObject({ applied: false, errors: [{ file: 'sicherheit.mapping.json', path: '/indicators (crimes_per_1000)', message: expect.stringMatching(/steht nicht im Katalog.* \/ indicator "crimes_per_1000" is not in the catalogue/) }] });
    const dry = await run({ ...vars, dryRun: true }, admin);
    expect(dry).toMatchObject({ dryRun: true, applied: false, errors: [], ortsteilValues: borough.length, unmapped: [] });
    expect(await db.prisma.indicator.findUnique({ where: { key: 'crimes_per_1000' } })).toBeNull();
    const done = await run({ ...vars, dryRun: false }, admin);
    expect(done).toMatchObject({ applied: true, errors: [], ortsteilValues: borough.length });
    // 1,250 per 1,000: what the CSV import accepts, the kdvalues import accepts too
    expect(await stored('crimes_per_1000', ortsteile[0]!.id, year)).toEqual({ value: 1250, origin: 'IMPORT' });
    const [expected] = await db.prisma.$queryRaw<{ v: number }[]>`
      SELECT sum(c.value * p.value) / sum(p.value) AS v FROM indicator_value c
        JOIN indicator_value p ON p.area_id = c.area_id AND p.year = c.year AND p.indicator_id = (SELECT id FROM indicator WHERE key = 'population')
       WHERE c.indicator_id = (SELECT id FROM indicator WHERE key = 'crimes_per_1000') AND c.year = ${year}
         AND c.area_id = ANY(${borough.map((o) => o.id)}::int[])`;
    expect((await stored('crimes_per_1000', ortsteile[0]!.parentId!, year))!.value).toBeCloseTo(expected!.v, 9);
    const audit = await db.prisma.auditLog.findFirst({ where: { action: 'import', actorLabel: 'admin@leipzig.de' }, orderBy: { id: 'desc' } });
    expect(audit?.after).toMatchObject({ mapping: 'sicherheit.mapping.json', files: ['leipzig-sicherheit.json'] });
  });

  it('the statistics office imports into known indicators; plausibility warnings and every unmapped sub-indicator come back', async () => {
    const year = 2022;
    const [populous] = await db.prisma.$queryRaw<{ id: number; name: string; population: number }[]>`
      SELECT a.id, a.name, v.value AS population FROM area a JOIN indicator_value v ON v.area_id = a.id AND v.year = ${year}
        AND v.indicator_id = (SELECT id FROM indicator WHERE key = 'population') WHERE a.level = 'DISTRICT' AND v.value > 5000 ORDER BY a.code LIMIT 1`;
    const extra = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Merkmal ${i + 1}`, [{ value: i, district: populous!.name }]]));
    const result = await run({
      files: [{ name: 'leipzig-sicherheit.json', json: kd({ [year]: { Arbeitslose: [{ value: 0, district: populous!.name }], ...extra } }) }],
      mapping: mappingOf([population, unemployed], { Arbeitslose: 'unemployed' }),
      dryRun: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.plausibility).toEqual([`${populous!.name}, unemployed, ${year}: Anzahl 0 bei ${populous!.population} Einwohnern / count 0 with ${populous!.population} residents`]);
    expect(result.unmapped).toHaveLength(20);
    expect(result.unmapped).toContain('leipzig-sicherheit.json › Merkmal 20 (1 rows, 2022–2022)');
    expect(await stored('unemployed', populous!.id, year)).not.toMatchObject({ value: 0 });
  });

  it('a broken mapping and an unreadable file are errors with file and JSON path; nothing is written', async () => {
    const before = await db.prisma.indicatorValue.count();
    const result = await run({
      files: [{ name: 'leipzig-sicherheit.json', json: '{"meta": {' }],
      mapping: { name: 'm.json', json: JSON.stringify({ indicators: [{ ...population, unit: 'PERSONS' }], files: [] }) },
      dryRun: false,
    });
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual([
      { file: 'leipzig-sicherheit.json', path: '/', message: expect.stringMatching(/^kein lesbares JSON .* \/ not readable JSON$/) },
      { file: 'm.json', path: '/indicators/0/unit', message: expect.stringMatching(/^muss einer dieser Werte sein: COUNT, .* \/ must be equal to one of the allowed values$/) },
    ]);
    expect(await db.prisma.indicatorValue.count()).toBe(before);
  });

  it('the shipped mapping is the default: a file of the shipped shape imports as the seed would', async () => {
    const o = ortsteile[1]!;
    const result = await run({ files: [{ name: 'leipzig-einwohnerdichte.json', json: kd({ '2019': { Einwohnerdichte: [{ value: 1234, district: o.name }], Flächen: [{ value: 1, district: o.name }] } }) }], dryRun: true });
    expect(result).toMatchObject({ mapping: 'leipzig/statistics.mapping.json', errors: [], ortsteilValues: 1 });
    expect(result.unmapped).toEqual(['leipzig-einwohnerdichte.json › Flächen (1 rows, 2019–2019)']);
  });

  it('reads the Ortsteile of the city given; a name of another city only is a skipped row naming it', async () => {
    const CITY_IMPORT = IMPORT.replace('$dryRun: Boolean!)', '$dryRun: Boolean!, $city: String)').replace('dryRun: $dryRun)', 'dryRun: $dryRun, city: $city)');
    const [only] = await db.prisma.$queryRaw<{ id: number; name: string }[]>`
      SELECT a.id, a.name FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'chemnitz' AND a.level = 'DISTRICT'
         AND NOT EXISTS (SELECT 1 FROM area l JOIN city lc ON lc.area_id = l.city_id WHERE lc.key = 'leipzig' AND l.name = a.name) ORDER BY a.code LIMIT 1`;
    const year = 2023;
    const vars = {
      files: [{ name: 'leipzig-sicherheit.json', json: kd({ [year]: { Einwohner: [{ value: 1234, district: only!.name }] } }) }],
      mapping: mappingOf([population], { Einwohner: 'population' }),
      dryRun: false,
    };
    const inLeipzig = (await gql.data(CITY_IMPORT, vars, statistics)).importStatistics;
    expect(inLeipzig.ortsteilValues).toBe(0);
    expect(inLeipzig.skipped).toEqual([{ row: expect.stringContaining(only!.name), reason: expect.stringMatching(/nur in Chemnitz/) }]);
    const inChemnitz = (await gql.data(CITY_IMPORT, { ...vars, city: 'chemnitz' }, statistics)).importStatistics;
    expect(inChemnitz).toMatchObject({ applied: true, errors: [], skipped: [], ortsteilValues: 1 });
    expect(await stored('population', only!.id, year)).toEqual({ value: 1234, origin: 'IMPORT' });
  });
});

