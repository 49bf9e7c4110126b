// Geheimhaltung that holds on every path. The leaks of issue 13 as tests: after the population of
// one Ortsteil is suppressed through the documented CSV import, no public path (GraphQL, CSV and
// GeoJSON export, OGC API – Features, the analyses) may give it back — not from a Stadtbezirk or
// city rate weighted by population, not from its parts (men + women, Germans + foreigners), not
// from the Stadtbezirk total minus the other Ortsteile, and not after the seed runs again.
import { parse } from 'csv-parse/sync';
import type { Database } from '@sozialatlas/db';
import { importStatistics } from '@sozialatlas/seed';
import { callerFor, systemActor } from '../src/modules/auth/roles';
import { importIndicatorValues } from '../src/modules/imports/indicator-values.import';
import { openSeededDatabase } from './db';
import { createGraphQL } from './graphql';
import { startHttp } from './http';
import { resolveCity } from '../src/modules/cities/city.sql';

const YEAR = 2022;
const COUNTS = ['population', 'population_male', 'population_female', 'population_german', 'foreigners'];
const RELATIONS = [
  ['population', 'population_male', 'population_female'],
  ['population', 'population_german', 'foreigners'],
];

interface Area {
  id: number;
  code: string;
  level: string;
  parentId: number | null;
}

/** key|code → the value a path publishes (null: not shown). */
type Published = Map<string, number | null>;

describe('suppression holds on every path (issue 13, item 1)', () => {
  let db: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  let gql: Awaited<ReturnType<typeof createGraphQL>>;
  let areas: Area[];
  let target: Area; // the Ortsteil whose population is suppressed
  let borough: Area;
  let city: Area;
  let truePopulation: number;
  let rates: string[]; // indicators weighted by population
  let importResult: Awaited<ReturnType<typeof importIndicatorValues>>;

  const children = (a: Area) => areas.filter((c) => c.parentId === a.id);
  const keys = () => [...COUNTS, ...rates];

  beforeAll(async () => {
    db = await openSeededDatabase();
    http = await startHttp(db);
    gql = await createGraphQL(db);
    // Leipzig's areas only: Chemnitz, the second city of the seed, has no statistics per Stadtteil.
    areas = await db.prisma.$queryRaw<Area[]>`SELECT a.id, a.code, a.level::text AS level, a.parent_id AS "parentId" FROM area a
      JOIN city c ON c.area_id = a.city_id WHERE c.key = 'leipzig' ORDER BY a.code`;
    city = areas.find((a) => a.level === 'CITY')!;
    borough = areas.filter((a) => a.level === 'BOROUGH').find((b) => children(b).length >= 3)!;
    target = children(borough)[0]!;
    rates = (
      await db.prisma.$queryRaw<{ key: string }[]>`
        SELECT i.key FROM indicator i JOIN indicator d ON d.id = i.denominator_id
         WHERE d.key = 'population' AND i.aggregation = 'WEIGHTED_MEAN' ORDER BY i.key`
    ).map((r) => r.key);
    const [row] = await db.prisma.$queryRaw<{ value: number }[]>`
      SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
       WHERE i.key = 'population' AND v.area_id = ${target.id} AND v.year = ${YEAR}`;
    truePopulation = row!.value;
    // The documented path: the statistics office marks the cell as suppressed (keeping its number).
    importResult = await importIndicatorValues(
      db.prisma,
      `area_code,indicator_key,year,value,status\n${target.code},population,${YEAR},${truePopulation},SUPPRESSED\n`,
      { dryRun: false, city: await resolveCity(db.prisma, undefined), actor: systemActor('test: Geheimhaltung') },
    );
  });
  afterAll(async () => {
    await gql?.stop();
    await http?.close();
    await db?.close();
  });

  /**
   * Everything an attacker can do with published numbers: solve the suppressed population back.
   * Returns the ways that work (empty = safe).
   */
  function leaks(pub: Published): string[] {
    const found: string[] = [];
    const v = (key: string, a: Area) => pub.get(`${key}|${a.code}`) ?? null;
    const hidden = (key: string, a: Area) => v(key, a) === null;
    if (!hidden('population', target)) found.push('the suppressed population itself is published');
    // From parts: total = Σ parts in one area, every relation with exactly one unknown.
    for (const a of areas) {
      for (const relation of RELATIONS) {
        const unknown = relation.filter((k) => pub.has(`${k}|${a.code}`) && hidden(k, a));
        if (unknown.length === 1) found.push(`${unknown[0]} of ${a.code} = ${relation[0]} − parts (${relation.join(', ')})`);
      }
    }
    // From the hierarchy: parent = Σ children, exactly one unknown among them.
    for (const parent of areas.filter((a) => a.level !== 'DISTRICT')) {
      for (const key of COUNTS) {
        const cells = [parent, ...children(parent)];
        if (!cells.every((a) => pub.has(`${key}|${a.code}`))) continue;
        const unknown = cells.filter((a) => hidden(key, a));
        if (unknown.length === 1) found.push(`${key} of ${unknown[0]!.code} from the sum over ${parent.code}`);
      }
    }
    // From a weighted rate of the borough: p_x = (Σ r_i p_i − R Σ p_i) / (R − r_x) over the others.
    for (const key of rates) {
      const R = v(key, borough);
      const others = children(borough).filter((c) => c.id !== target.id);
      const rx = v(key, target);
      if (R === null || rx === null || R === rx) continue;
      if (others.some((c) => v(key, c) === null || v('population', c) === null)) continue;
      const num = others.reduce((s, c) => s + v(key, c)! * v('population', c)!, 0);
      const den = others.reduce((s, c) => s + v('population', c)!, 0);
      const solved = (num - R * den) / (R - rx);
      if (Math.abs(solved - truePopulation) < 0.01 * truePopulation) found.push(`population of ${target.code} from the borough's ${key}`);
    }
    // Any weighted mean published for a parent while one of its inputs is hidden gives an equation
    // in the hidden value (with the published totals: it solves it).
    for (const key of rates) {
      for (const parent of [borough, city]) {
        if (hidden(key, parent)) continue;
        const inputs = children(parent).flatMap((c) => [[key, c], ['population', c]] as const);
        const hiddenInputs = inputs.filter(([k, c]) => hidden(k, c));
        if (hiddenInputs.length) found.push(`${key} of ${parent.code} is published although ${hiddenInputs.map(([k, c]) => `${k} of ${c.code}`).join(', ')} is hidden`);
      }
    }
    return found;
  }

  const relevantAreas = () => [city, borough, ...areas.filter((a) => a.level === 'BOROUGH' && a.id !== borough.id), ...areas.filter((a) => a.level === 'DISTRICT')];

  /** All values of the year over GraphQL, page by page (anonymous caller, the server's own schema and context). */
  async function graphQLNodes(fields: string): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const body = await gql.run<any>(
        `query($keys: [String!]!, $year: Int!, $after: String) { indicatorValues(first: 500, after: $after, filter: { indicatorKeys: $keys, years: [$year] }) {
           nodes { ${fields} area { code level } indicator { key } } pageInfo { hasNextPage endCursor } } }`,
        { keys: keys(), year: YEAR, after },
      );
      expect(body.errors).toBeUndefined();
      nodes.push(...body.data.indicatorValues.nodes);
      after = body.data.indicatorValues.pageInfo.hasNextPage ? body.data.indicatorValues.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  async function viaGraphQL(): Promise<Published> {
    const pub: Published = new Map();
    for (const n of await graphQLNodes('value')) pub.set(`${n.indicator.key}|${n.area.code}`, n.value);
    return pub;
  }

  async function viaCsvExport(): Promise<Published> {
    const pub: Published = new Map();
    for (const level of ['DISTRICT', 'BOROUGH', 'CITY']) {
      for (let i = 0; i < keys().length; i += 20) {
        const chunk = keys().slice(i, i + 20);
        const text = await (await fetch(`${http.url}/export/areas.csv?level=${level}&indicators=${chunk.join(',')}&years=${YEAR}`)).text();
        const rows: Record<string, string>[] = parse(text.replace(/^\uFEFF/, ''), { columns: true });
        for (const r of rows) for (const k of chunk) pub.set(`${k}|${r.code}`, r[`${k}_${YEAR}`] === '' ? null : Number(r[`${k}_${YEAR}`]));
      }
    }
    return pub;
  }

  async function viaGeoJsonExport(): Promise<Published> {
    const pub: Published = new Map();
    for (const level of ['DISTRICT', 'BOROUGH', 'CITY']) {
      for (let i = 0; i < keys().length; i += 20) {
        const chunk = keys().slice(i, i + 20);
        const body = await (await fetch(`${http.url}/export/areas.geojson?level=${level}&indicators=${chunk.join(',')}&years=${YEAR}`)).json();
        for (const f of body.features) for (const k of chunk) pub.set(`${k}|${f.properties.code}`, f.properties[`${k}_${YEAR}`]);
      }
    }
    return pub;
  }

  async function viaOgc(): Promise<Published> {
    const pub: Published = new Map();
    for (const collection of ['districts', 'boroughs', 'city']) {
      for (let i = 0; i < keys().length; i += 10) {
        const chunk = keys().slice(i, i + 10);
        const body = await (await fetch(`${http.url}/ogc/collections/${collection}/items?limit=100&indicators=${chunk.join(',')}&datetime=${YEAR}`)).json();
        for (const f of body.features) for (const k of chunk) pub.set(`${k}|${f.properties.code}`, f.properties[`${k}_year`] === YEAR ? f.properties[k] : null);
      }
    }
    return pub;
  }

  it('the import suppresses the cell and recomputes every dependent value in the same transaction', () => {
    expect(importResult).toMatchObject({ applied: true, errors: [], updated: 1 });
    expect(relevantAreas()).toHaveLength(areas.length);
  });

  it.each([
    ['GraphQL', viaGraphQL],
    ['the CSV export', viaCsvExport],
    ['the GeoJSON export', viaGeoJsonExport],
    ['the OGC API', viaOgc],
  ])('gives the suppressed population back through no equation via %s', async (_path, read) => {
    const pub = await read();
    expect(pub.size).toBeGreaterThan(areas.length * COUNTS.length);
    expect(leaks(pub)).toEqual([]);
  });

  it('says why a value is missing, and keeps the city total published', async () => {
    const nodes = (await graphQLNodes('value missingReason origin')) as { value: number | null; missingReason: string | null; origin: string; area: { code: string; level: string }; indicator: { key: string } }[];
    const at = (key: string, code: string) => nodes.find((n) => n.indicator.key === key && n.area.code === code)!;
    expect(at('population', target.code)).toMatchObject({ value: null, missingReason: 'SUPPRESSED', origin: 'IMPORT' });
    expect(at('sgb2_rate', borough.code)).toMatchObject({ value: null, missingReason: 'SECONDARY_SUPPRESSION' });
    const secondaryPopulation = nodes.filter((n) => n.indicator.key === 'population' && n.missingReason === 'SECONDARY_SUPPRESSION');
    expect(secondaryPopulation.length).toBeGreaterThan(0);
    // The city total stays published: the complementary cell is an Ortsteil, not the total.
    expect(at('population', city.code).value).not.toBeNull();
    for (const n of nodes) if (n.value !== null) expect(n.missingReason).toBeNull();
  });

  it('the analyses give the suppressed population back nowhere, and still answer for the other areas', async () => {
    const hidden = new Set(
      [...(await viaGraphQL()).entries()].filter(([k, v]) => k.startsWith('population|') && v === null).map(([k]) => k.split('|')[1]!),
    );
    expect(hidden.has(target.code)).toBe(true);
    const { coverage } = await gql.data(`{ coverage(level: DISTRICT, year: ${YEAR}, categoryKeys: ["youth_club"]) {
      rows { area { code } targetPopulation ratioPer1000 servicesPer1000 required gap reason } } }`);
    for (const r of coverage.rows) {
      if (!hidden.has(r.area.code)) continue;
      expect(r).toMatchObject({ targetPopulation: null, ratioPer1000: null, servicesPer1000: null, required: null, gap: null, reason: 'SUPPRESSED' });
    }
    expect(coverage.rows.filter((r: any) => r.targetPopulation !== null).length).toBeGreaterThan(50);

    const { moneyFlows } = await gql.data(`{ moneyFlows(fromYear: ${YEAR}, toYear: ${YEAR}) {
      byAreaYear { area { code } residents nominalPerResident realPerResident } } }`);
    for (const r of moneyFlows.byAreaYear) {
      if (hidden.has(r.area?.code)) expect(r).toMatchObject({ residents: null, nominalPerResident: null, realPerResident: null });
    }

    const { needIndex } = await gql.data(`{ needIndex(year: ${YEAR}) { areas { area { code } population rank } } }`);
    for (const a of needIndex.areas) if (hidden.has(a.area.code)) expect(a.population).toBeNull();
    expect(needIndex.areas.filter((a: any) => a.rank !== null).length).toBeGreaterThan(50);

    // Rules that compare with the city use no withheld city value; the others still raise alerts.
    const { earlyWarnings } = await gql.data(`{ earlyWarnings(year: ${YEAR}) { alerts { indicatorKey years cityValues area { code } } } }`);
    const cityRates = await viaGraphQL();
    for (const alert of earlyWarnings.alerts) {
      if (alert.cityValues === null) continue;
      for (const [n, year] of alert.years.entries()) {
        if (year !== YEAR) continue;
        expect(cityRates.get(`${alert.indicatorKey}|${city.code}`) ?? alert.cityValues[n]).toBe(alert.cityValues[n]);
        if (rates.includes(alert.indicatorKey)) expect(cityRates.get(`${alert.indicatorKey}|${city.code}`)).not.toBeNull();
      }
    }
    expect(earlyWarnings.alerts.length).toBeGreaterThan(0);
  });

  it('a second seed run keeps the suppression, reports the conflict and leaks nothing', async () => {
    const report = await importStatistics(db.prisma);
    expect(report.warnings.join('\n')).toContain('imported later');
    expect(report.details.conflicts).toEqual([
      expect.objectContaining({ indicator: 'population', year: YEAR, kept: expect.objectContaining({ status: 'SUPPRESSED', by: 'test: Geheimhaltung' }) }),
    ]);
    expect(leaks(await viaGraphQL())).toEqual([]);
  });

  it('an import that would publish the suppressed cell again is a conflict, not a silent write', async () => {
    const statistics = callerFor(['STATISTICS'], { kind: 'API_KEY', id: 9, label: 'Statistikstelle' });
    const csv = `area_code,indicator_key,year,value,status\n${target.code},population,${YEAR},${truePopulation},REGULAR\n`;
    const { importIndicatorValues: result } = await gql.data(
      `mutation($csv: String!) { importIndicatorValues(csv: $csv, dryRun: false) { applied updated conflicts { line reason message } } }`,
      { csv },
      statistics,
    );
    expect(result).toMatchObject({ applied: false, updated: 0, conflicts: [{ line: 2, reason: 'LIFTS_SUPPRESSION' }] });
    expect(leaks(await viaGraphQL())).toEqual([]);
  });
});
