import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { createGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const statistics = callerFor(['STATISTICS'], { kind: 'API_KEY', id: 7, label: 'Statistikstelle' });
const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) {
  importIndicatorValues(csv: $csv, dryRun: $dryRun) {
    dryRun applied rows created updated unchanged derived changesTruncated warnings
    errors { line column reason message }
    changes { line areaCode indicatorKey year kind beforeValue value status }
  }
}`;

describe('importing indicator values from CSV', () => {
  let db: Database;
  let gql: Awaited<ReturnType<typeof createGraphQL>>;
  let districts: { id: number; code: string; parentId: number | null }[];
  let populationId: number;
  const lastYear = new Date().getUTCFullYear() - 1;
  beforeAll(async () => {
    db = await openSeededDatabase();
    gql = await createGraphQL(db);
    districts = await db.prisma.area.findMany({ where: { level: 'DISTRICT' }, orderBy: { code: 'asc' }, take: 2 });
    populationId = (await db.prisma.indicator.findUniqueOrThrow({ where: { key: 'population' } })).id;
  });
  afterAll(async () => {
    await gql?.stop();
    await db?.close();
  });

  const run = (csv: string, dryRun: boolean) => gql.data(IMPORT, { csv, dryRun }, statistics).then((d) => d.importIndicatorValues);
  const [a, b] = [0, 1];
  const csvFor = (values: [number, number][]) =>
    ['area_code,indicator_key,year,value,status', ...values.map(([i, v]) => `${districts[i]!.code},population,${lastYear},${v},REGULAR`)].join('\n');

  it('lists what would change in a dry run and writes nothing', async () => {
    const before = await db.prisma.indicatorValue.count();
    const result = await run(csvFor([[a, 1000], [b, 2000]]), true);
    expect(result).toMatchObject({ dryRun: true, applied: false, rows: 2, created: 2, updated: 0, errors: [] });
    expect(result.changes.map((c: any) => [c.line, c.kind, c.value])).toEqual([[2, 'CREATE', 1000], [3, 'CREATE', 2000]]);
    expect(await db.prisma.indicatorValue.count()).toBe(before);
  });

  it('writes on commit, derives the parent values again and records one audit row', async () => {
    const result = await run(csvFor([[a, 1000], [b, 2000]]), false);
    expect(result).toMatchObject({ applied: true, created: 2 });
    const stored = await db.prisma.indicatorValue.findMany({ where: { indicatorId: populationId, year: lastYear, areaId: { in: districts.map((d) => d.id) } } });
    expect(stored.map((v) => v.value).sort()).toEqual([1000, 2000]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'import' } });
    expect(audit).toMatchObject({ actorKind: 'API_KEY', actorLabel: 'Statistikstelle', entity: 'indicator_value' });
    expect(audit.after).toHaveLength(2);

    const again = await run(csvFor([[a, 1000], [b, 2500]]), true);
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(again.changes[0]).toMatchObject({ line: 3, kind: 'UPDATE', beforeValue: 2000, value: 2500 });
  });

  it('reports every bad line with its number and writes nothing at all', async () => {
    const before = await db.prisma.indicatorValue.findMany({ where: { indicatorId: populationId, year: lastYear } });
    const csv = [
      'area_code,indicator_key,year,value,status',
      `${districts[a]!.code},population,${lastYear},999,REGULAR`, // fine, but must not be written
      `XX99,population,${lastYear},5,REGULAR`,
      `${districts[a]!.code},no_such_indicator,${lastYear},5,REGULAR`,
      `${districts[b]!.code},population,${lastYear},"1.234,5",REGULAR`,
      `${districts[b]!.code},population,1800,5,REGULAR`,
      `${districts[a]!.code},population,${lastYear},7,REGULAR`,
      `${districts[b]!.code},population,${lastYear - 1},-3,REGULAR`,
      `${districts[b]!.code},population,${lastYear - 2},,REGULAR`,
    ].join('\n');
    const result = await run(csv, false);
    expect(result.applied).toBe(false);
    expect(result.errors.map((e: any) => [e.line, e.reason])).toEqual([
      [3, 'UNKNOWN_AREA'],
      [4, 'UNKNOWN_INDICATOR'],
      [5, 'NUMBER_FORMAT'],
      [6, 'YEAR_OUT_OF_RANGE'],
      [7, 'DUPLICATE_ROW'],
      [8, 'WRONG_UNIT'],
      [9, 'MISSING_VALUE'],
    ]);
    expect(result.errors[4].message).toBe(`Zeile 7: Gebiet ${districts[a]!.code}, Indikator population, Jahr ${lastYear} steht schon in Zeile 2. / Line 7: area ${districts[a]!.code}, indicator population, year ${lastYear} is already in line 2.`);
    expect(await db.prisma.indicatorValue.findMany({ where: { indicatorId: populationId, year: lastYear } })).toEqual(before);
  });

  it('reads German Excel files (semicolon, decimal comma) and German status words', async () => {
    const csv = `\uFEFFarea_code;indicator_key;year;value;status\r\n${districts[a]!.code};population;${lastYear};1200;vorläufig\r\n`;
    const result = await run(csv, true);
    expect(result.errors).toEqual([]);
    expect(result.changes[0]).toMatchObject({ value: 1200, status: 'PROVISIONAL', kind: 'UPDATE' });
  });

  it('a corrected population re-derives the borough and city rates weighted by it (not only the population)', async () => {
    const year = 2022;
    const [district] = await db.prisma.$queryRaw<{ code: string; parent: number; population: number }[]>`
      SELECT a.code, a.parent_id AS parent, v.value AS population FROM area a
        JOIN indicator_value v ON v.area_id = a.id AND v.indicator_id = ${populationId} AND v.year = ${year}
       WHERE a.level = 'DISTRICT' ORDER BY a.code LIMIT 1`;
    const result = await run(`area_code,indicator_key,year,value,status\n${district!.code},population,${year},${district!.population * 3},REGULAR`, false);
    expect(result).toMatchObject({ applied: true, updated: 1 });
    // Σ rate·population / Σ population over the borough's Ortsteile, straight from the stored values
    const [expected] = await db.prisma.$queryRaw<{ rate: number }[]>`
      SELECT sum(r.value * p.value) / sum(p.value) AS rate
        FROM area c
        JOIN indicator_value r ON r.area_id = c.id AND r.year = ${year} AND r.indicator_id = (SELECT id FROM indicator WHERE key = 'sgb2_rate')
        JOIN indicator_value p ON p.area_id = c.id AND p.year = ${year} AND p.indicator_id = ${populationId}
       WHERE c.parent_id = ${district!.parent}`;
    const [stored] = await db.prisma.$queryRaw<{ value: number }[]>`
      SELECT value FROM indicator_value WHERE area_id = ${district!.parent} AND year = ${year}
         AND indicator_id = (SELECT id FROM indicator WHERE key = 'sgb2_rate')`;
    expect(stored!.value).toBeCloseTo(expected!.rate, 9);
  });

  it('accepts what the seed accepts: a crime rate above 1,000 per 1,000 in the new safety topic', async () => {
    const admin = callerFor(['ADMIN'], { kind: 'USER', id: 2, label: 'admin@leipzig.de' });
    const sourceId = (await db.prisma.source.findFirstOrThrow({ where: { key: 'leipzig-statistik' } })).id;
    await gql.data(
      `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { key } }`,
      { input: { key: 'crimes_per_1000', name: 'Straftaten je 1.000 Einwohner', description: 'Polizeiliche Kriminalstatistik.', unit: 'PER_THOUSAND', topic: 'SAFETY', polarity: 'HIGHER_IS_WORSE', aggregation: 'NOT_DERIVABLE', sourceId } },
      admin,
    );
    const result = await run(`area_code,indicator_key,year,value,status\n${districts[a]!.code},crimes_per_1000,${lastYear},1250.5,REGULAR`, true);
    expect(result).toMatchObject({ errors: [], created: 1 });
  });

  it('gives the plausibility warnings a statistician expects, and still writes nothing in a dry run', async () => {
    const year = 2022;
    const [d] = await db.prisma.$queryRaw<{ code: string; population: number }[]>`
      SELECT a.code, v.value AS population FROM area a JOIN indicator_value v ON v.area_id = a.id AND v.indicator_id = ${populationId} AND v.year = ${year}
       WHERE a.level = 'DISTRICT' AND v.value > 5000 ORDER BY a.code LIMIT 1`;
    const csv = [
      'area_code,indicator_key,year,value,status',
      `${d!.code},unemployed,${year},0,REGULAR`,
      `${d!.code},population_female,${year},${Math.round(d!.population * 4)},REGULAR`,
    ].join('\n');
    const result = await run(csv, true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      `Zeile 2: Gebiet ${d!.code}, unemployed, ${year}: Anzahl 0 bei ${d!.population} Einwohnern / count 0 with ${d!.population} residents`,
      expect.stringMatching(new RegExp(`^Zeile 3: Gebiet ${d!.code}, population_female, ${year}: \\d+ nach \\d+ im Vorjahr \\(Sprung über Faktor 3\\) / \\d+ after \\d+ the year before \\(jump beyond factor 3\\)$`)),
    ]);
  });

  it('refuses a wrong header', async () => {
    const result = await run('gebiet,indikator,jahr,wert\n00,population,2020,1', true);
    expect(result.errors[0]).toMatchObject({ line: 1, reason: 'BAD_HEADER' });
  });

  it('refuses rows for Stadtbezirke and the city unless allowDerivedLevels is given, naming the row', async () => {
    const borough = await db.prisma.area.findFirstOrThrow({ where: { level: 'BOROUGH' }, orderBy: { code: 'asc' } });
    const city = await db.prisma.area.findFirstOrThrow({ where: { level: 'CITY' } });
    const csv = ['area_code,indicator_key,year,value,status', `${districts[a]!.code},population,${lastYear},1234,REGULAR`,
      `${borough.code},population,${lastYear},99999,REGULAR`, `${city.code},population,${lastYear},600000,REGULAR`].join('\n');
    const refused = await run(csv, false);
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e: any) => [e.line, e.column, e.reason])).toEqual([[3, 'area_code', 'DERIVED_LEVEL'], [4, 'area_code', 'DERIVED_LEVEL']]);
    expect(refused.errors[0].message).toMatch(new RegExp(`^Zeile 3: ${borough.name} \\(${borough.code}\\) ist ein Stadtbezirk; .*allowDerivedLevels`));
    const allowed = await gql.data(`mutation($csv: String!) { importIndicatorValues(csv: $csv, dryRun: true, allowDerivedLevels: true) { errors { reason } rows } }`, { csv }, statistics);
    expect(allowed.importIndicatorValues).toEqual({ errors: [], rows: 3 });
  });

  it('answers a NUL byte in a cell with BAD_USER_INPUT naming the line, not an internal error', async () => {
    const csv = `area_code,indicator_key,year,value,status\n${districts[a]!.code},population,${lastYear},12\u000034,REGULAR`;
    const result = await gql.run(IMPORT, { csv, dryRun: true }, statistics);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'csv' });
    expect(result.errors?.[0]?.message).toMatch(/NUL-Zeichen \(Zeile 2\)/);
  });

  it('reads the codes of the city given: "01" is Chemnitz-Zentrum with city chemnitz; a code of another city only is a line error naming it', async () => {
    const CITY_IMPORT = `mutation($csv: String!, $city: String) { importIndicatorValues(csv: $csv, dryRun: true, city: $city) {
      errors { line column reason message } changes { areaCode } } }`;
    const codes = await db.prisma.$queryRaw<{ chemnitzOnly: string; leipzigOnly: string }[]>`
      SELECT (SELECT min(a.code) FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'chemnitz' AND a.level = 'DISTRICT'
                AND NOT EXISTS (SELECT 1 FROM area l JOIN city lc ON lc.area_id = l.city_id WHERE lc.key = 'leipzig' AND l.code = a.code)) AS "chemnitzOnly",
             (SELECT min(a.code) FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'leipzig' AND a.level = 'DISTRICT'
                AND NOT EXISTS (SELECT 1 FROM area o JOIN city oc ON oc.area_id = o.city_id WHERE oc.key = 'chemnitz' AND o.code = a.code)) AS "leipzigOnly"`;
    const { chemnitzOnly, leipzigOnly } = codes[0]!;
    const line = (code: string) => `area_code,indicator_key,year,value,status\n${code},population,${lastYear},100,REGULAR`;

    const chemnitz = (await gql.data(CITY_IMPORT, { csv: line('01'), city: 'chemnitz' }, statistics)).importIndicatorValues;
    expect(chemnitz.errors).toEqual([]);
    expect(chemnitz.changes).toEqual([{ areaCode: '01' }]);

    const wrongCity = (await gql.data(CITY_IMPORT, { csv: line(chemnitzOnly) }, statistics)).importIndicatorValues;
    expect(wrongCity.errors).toEqual([{ line: 2, column: 'area_code', reason: 'AREA_OF_OTHER_CITY', message: expect.stringMatching(/nur in Chemnitz \(chemnitz\).*only of Chemnitz/) }]);
    const wrongOther = (await gql.data(CITY_IMPORT, { csv: line(leipzigOnly), city: '14511000' }, statistics)).importIndicatorValues;
    expect(wrongOther.errors).toEqual([expect.objectContaining({ reason: 'AREA_OF_OTHER_CITY', message: expect.stringContaining('in Chemnitz nicht, nur in Leipzig (leipzig)') })]);

    const unknown = await gql.run(CITY_IMPORT, { csv: line('01'), city: 'gera' }, statistics);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'city', reason: 'UNKNOWN_REFERENCE' });
  });
  it('values imported for the Stadtteile of Chemnitz give the city statistics per district; a dry run or a city total does not', async () => {
    const CITY_IMPORT = `mutation($csv: String!, $city: String, $dryRun: Boolean!, $derived: Boolean) {
      importIndicatorValues(csv: $csv, dryRun: $dryRun, city: $city, allowDerivedLevels: $derived) { applied errors { reason } } }`;
    const chemnitz = async () =>
      (await gql.data(`{ cities { key districtStatistics unavailable { what } } }`)).cities.find((c: { key: string }) => c.key === 'chemnitz');
    expect(await chemnitz()).toMatchObject({ districtStatistics: false, unavailable: expect.arrayContaining([{ what: 'NEED_INDEX' }]) });
    const line = (code: string) => `area_code,indicator_key,year,value,status\n${code},population,${lastYear},100,REGULAR`;

    await gql.data(CITY_IMPORT, { csv: line('01'), city: 'chemnitz', dryRun: true }, statistics);
    // the city total is not a figure per district
    const total = (await gql.data(CITY_IMPORT, { csv: line('14511000'), city: 'chemnitz', dryRun: false, derived: true }, statistics)).importIndicatorValues;
    expect(total).toEqual({ applied: true, errors: [] });
    expect((await chemnitz()).districtStatistics).toBe(false);

    const district = (await gql.data(CITY_IMPORT, { csv: line('01'), city: 'chemnitz', dryRun: false }, statistics)).importIndicatorValues;
    expect(district).toEqual({ applied: true, errors: [] });
    // Chemnitz still has no budget and no address table
    expect(await chemnitz()).toMatchObject({ districtStatistics: true, unavailable: [{ what: 'BUDGET' }, { what: 'ADDRESS_SEARCH' }] });
    const leipzig = (await gql.data(`{ cities { key districtStatistics } }`)).cities.find((c: { key: string }) => c.key === 'leipzig');
    expect(leipzig.districtStatistics).toBe(true);
  });
});
