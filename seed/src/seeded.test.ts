// Checks on the seeded template (the real Leipzig files, as `npm start` imports them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../server/test/db';
import { isSeeded, seedLeipzig } from './index';
import { FLAT_FUNDING_SERVICES } from './importers/demo';
import { BOROUGHS, CITY_CODE } from './importers/districts';
import { leipzigDataDir } from './paths';
import type { ImportReport } from './report';

let db: Database;
let rerun: ImportReport[];
const q = <T>(sql: TemplateStringsArray, ...values: unknown[]) => db.prisma.$queryRaw<T[]>(sql, ...values);

beforeAll(async () => {
  db = await openSeededDatabase();
  // a second run on the seeded database: must change nothing, and still report what it saw
  rerun = await seedLeipzig(db.prisma, { quiet: true });
});
afterAll(() => db?.close());

test('re-import writes nothing', async () => {
  expect(rerun.map((r) => [r.source, r.written])).toEqual(rerun.map((r) => [r.source, 0]));
  expect(rerun.find((r) => r.source.startsWith('Leipzig statistics'))!.unchanged).toBeGreaterThan(50_000);
  expect(await isSeeded(db.prisma)).toBe(true);
});

test('areas: 63 Ortsteile, 10 Stadtbezirke with their names, 1 city, linked; Chemnitz: its city and 39 Stadtteile', async () => {
  const levels = await q<{ city: string; level: string; n: number }>`
    SELECT c.code AS city, a.level::text, count(*)::int AS n FROM area a JOIN area c ON c.id = a.city_id GROUP BY c.code, a.level ORDER BY 1, 2`;
  expect(levels.filter((l) => l.city === CITY_CODE).map((l) => [l.level, l.n])).toEqual([['BOROUGH', 10], ['CITY', 1], ['DISTRICT', 63]]);
  expect(levels.filter((l) => l.city === '14511000').map((l) => [l.level, l.n])).toEqual([['CITY', 1], ['DISTRICT', 39]]);
  expect(levels.every((l) => l.city === CITY_CODE || l.city === '14511000')).toBe(true);
  const boroughs = await q<{ code: string; name: string; parent: string }>`
    SELECT b.code, b.name, p.code AS parent FROM area b JOIN area p ON p.id = b.parent_id WHERE b.level = 'BOROUGH' ORDER BY b.code`;
  expect(Object.fromEntries(boroughs.map((b) => [b.code, b.name]))).toEqual(BOROUGHS);
  expect(new Set(boroughs.map((b) => b.parent))).toEqual(new Set([CITY_CODE]));
  const [city] = await q<{ name: string; parent_id: number | null; km2: number }>`SELECT name, parent_id, area_km2 AS km2 FROM area WHERE code = ${CITY_CODE}`;
  expect(city).toMatchObject({ name: 'Leipzig', parent_id: null });
  expect(city!.km2).toBeGreaterThan(290); // Leipzig: 297.8 km²
  expect(city!.km2).toBeLessThan(305);
  const bad = await q<{ code: string }>`
    SELECT d.code FROM area d JOIN area b ON b.id = d.parent_id
     WHERE d.level = 'DISTRICT' AND d.city_id = b.city_id AND b.city_id = (SELECT id FROM area WHERE code = ${CITY_CODE})
       AND (b.level <> 'BOROUGH' OR b.code <> left(d.code, 1))`;
  expect(bad).toEqual([]);
  const [zentrum] = await q<{ name: string; inside: boolean }>`
    SELECT name, ST_Covers(geom, ST_SetSRID(ST_MakePoint(12.3747, 51.3397), 4326)) AS inside FROM area WHERE code = '00'`;
  expect(zentrum).toEqual({ name: 'Zentrum', inside: true }); // lon/lat order after the swap: Markt, Leipzig
  const districts = rerun[0]!;
  expect(districts.details.axisOrder).toBe('lat,lon');
});

test('derived city population is the sum of the 63 Ortsteile in the file', async () => {
  const file = JSON.parse(readFileSync(path.join(leipzigDataDir(), 'leipzig-einwohner-insgesamt.json'), 'utf8'));
  for (const year of ['2000', '2023']) {
    const rows = file.data[year]['Einwohner insgesamt'] as { value: number }[];
    expect(rows).toHaveLength(63);
    const expected = rows.reduce((s, r) => s + r.value, 0);
    const [v] = await q<{ value: number; derived: boolean; status: string }>`
      SELECT v.value, v.derived, v.status::text FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
       WHERE i.key = 'population' AND a.code = ${CITY_CODE} AND v.year = ${Number(year)}`;
    expect(v).toEqual({ value: expected, derived: true, status: 'REGULAR' });
  }
});

test('indicators: units and aggregation as mapped; no values for ambiguous or unmapped sub-indicators', async () => {
  const rows = await q<{ key: string; unit: string; aggregation: string; den: string | null }>`
    SELECT i.key, i.unit::text, i.aggregation::text, d.key AS den FROM indicator i LEFT JOIN indicator d ON d.id = i.denominator_id`;
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
  expect(byKey.population).toMatchObject({ unit: 'COUNT', aggregation: 'SUM' });
  expect(byKey.sgb2_rate).toMatchObject({ unit: 'PERCENT', aggregation: 'WEIGHTED_MEAN', den: 'population' });
  expect(byKey.household_income_median).toMatchObject({ unit: 'EUR_PER_MONTH', aggregation: 'NOT_DERIVABLE' });
  expect(byKey.population_density).toMatchObject({ unit: 'PER_KM2', aggregation: 'NOT_DERIVABLE' });
  const [derivedMedian] = await q<{ n: number }>`
    SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.aggregation = 'NOT_DERIVABLE' AND v.derived`;
  expect(derivedMedian!.n).toBe(0);
  const stats = rerun[1]!;
  const skipped = stats.skipped.map((s) => `${s.row}: ${s.reason}`);
  expect(skipped.filter((s) => /› (Männer|Frauen): mehrdeutig: .* \/ ambiguous duplicates/.test(s) && /bedarfsgemeinschaften|mit-kindern/.test(s))).toHaveLength(4);
  expect(skipped).toContainEqual(expect.stringMatching(/leipzig-bedarfsgemeinschaften\.json › Leistungen: Merkmal nicht in der Zuordnung .* \/ sub-indicator not in the mapping/));
  expect(skipped).toContainEqual(expect.stringMatching(/leipzig-mit-kindern\.json › SGB-II-Quote: sgb2_rate is taken from leipzig-bedarfsgemeinschaften\.json .* 0 different/));
  expect(String(stats.details.densityCheck)).toMatch(/63\/63 Ortsteile/);
  // the plausibility warnings on the shipped files, as written in docs/data.md
  const plausibility = stats.details.plausibility as string[];
  const kinds = (re: RegExp) => plausibility.filter((w) => re.test(w)).length;
  expect([plausibility.length, kinds(/: Anzahl 0 bei \d+ Einwohnern/), kinds(/: 0 % nach/), kinds(/Sprung über Faktor 3/)]).toEqual([664, 623, 0, 41]);
  expect(plausibility).toContain('Schleußig, unemployed_under_25, 2018: Anzahl 0 bei 12893 Einwohnern / count 0 with 12893 residents');
  // every unmapped sub-indicator, none cut off
  expect(stats.details.unmapped).toHaveLength(9);
});

test('day-care centres: 362 services, providers de-duplicated and classified, 11 without coordinates', async () => {
  const [services] = await q<{ n: number; cap: number }>`
    SELECT count(*)::int AS n, count(s.capacity)::int AS cap FROM service s JOIN service_category c ON c.id = s.category_id JOIN source o ON o.id = s.source_id
     WHERE c.key = 'day_care' AND o.key = 'leipzig-kivan'`;
  expect(services).toEqual({ n: 362, cap: 0 });
  const kitas = rerun[2]!;
  expect(kitas.details.withoutCoordinates).toHaveLength(11);
  expect(kitas.details.providers).toBe('77 distinct raw names → 77 after normalisation');
  const [noPoint] = await q<{ n: number }>`
    SELECT count(*)::int AS n FROM location l JOIN source s ON s.id = l.source_id WHERE s.key = 'leipzig-kivan' AND l.geom IS NULL`;
  expect(noPoint!.n).toBe(12); // 11 without coordinates + 1 with coordinates outside Leipzig
  const providers = await q<{ name: string; kind: string; umbrella: string | null }>`
    SELECT p.name, p.kind::text, p.umbrella::text FROM provider p JOIN source s ON s.id = p.source_id WHERE s.key = 'leipzig-kivan'`;
  expect(providers).toHaveLength(77);
  const by = Object.fromEntries(providers.map((p) => [p.name, p]));
  expect(by['Amt für Schule']!.kind).toBe('MUNICIPAL');
  expect(by['Kinderland 2000 GmbH']!.kind).toBe('COMMERCIAL');
  expect(by['Caritasverband Leipzig e. V.']).toMatchObject({ kind: 'NON_PROFIT', umbrella: 'CARITAS' });
  const [inArea] = await q<{ n: number }>`
    SELECT count(*)::int AS n FROM location l JOIN area a ON a.id = l.area_id JOIN source s ON s.id = l.source_id WHERE s.key = 'leipzig-kivan' AND a.level = 'DISTRICT'`;
  expect(inArea!.n).toBe(350);
});

test('price index 2000–2024, 2020 = 100', async () => {
  const rows = await q<{ year: number; value: number; base_year: number }>`SELECT year, value, base_year FROM price_index ORDER BY year`;
  expect(rows).toHaveLength(25);
  expect(rows.find((r) => r.year === 2020)).toMatchObject({ value: 100, base_year: 2020 });
});

test('demo data: linked to the synthetic source, flat funding group, plan and participation', async () => {
  const [demo] = await q<{ services: number; providers: number; unlinked: number; outside: number }>`
    SELECT (SELECT count(*) FROM service s JOIN source o ON o.id = s.source_id WHERE o.synthetic)::int AS services,
           (SELECT count(*) FROM provider p JOIN source o ON o.id = p.source_id WHERE o.synthetic)::int AS providers,
           (SELECT count(*) FROM service WHERE source_id IS NULL)::int + (SELECT count(*) FROM funding WHERE source_id IS NULL)::int
             + (SELECT count(*) FROM plan WHERE source_id IS NULL)::int + (SELECT count(*) FROM participation_event WHERE source_id IS NULL)::int AS unlinked,
           (SELECT count(*) FROM location l JOIN source o ON o.id = l.source_id WHERE o.synthetic AND l.area_id IS NULL)::int AS outside`;
  // demo services only in the categories without real services (outpatient_help, low_threshold, youth_club)
  expect(demo).toEqual({ services: 70, providers: 40, unlinked: 0, outside: 0 });
  const mixed = await q<{ key: string }>`
    SELECT c.key FROM service s JOIN service_category c ON c.id = s.category_id JOIN source o ON o.id = s.source_id
     GROUP BY c.key HAVING bool_or(o.synthetic) AND bool_or(NOT o.synthetic)`;
  expect(mixed).toEqual([]);
  const flat = await q<{ service_id: number }>`
    SELECT f.service_id FROM funding f JOIN source o ON o.id = f.source_id AND o.synthetic
     WHERE f.year BETWEEN 2015 AND 2024 GROUP BY f.service_id, f.funder HAVING count(*) = 10 AND count(DISTINCT f.amount) = 1`;
  expect(flat).toHaveLength(FLAT_FUNDING_SERVICES);
  const shared = await q<{ n: number }>`SELECT count(*)::int AS n FROM service_location GROUP BY location_id HAVING count(*) = 3`;
  expect(shared.length).toBeGreaterThanOrEqual(1);
  const [survey] = await q<{ addressees: number; response_rate: number }>`SELECT addressees, response_rate FROM participation_event WHERE kind = 'SURVEY'`;
  expect(survey).toEqual({ addressees: 79, response_rate: 0.49 });
  const [plan] = await q<{ goals: number; measures: number; refs: number; events: number }>`
    SELECT (SELECT count(*) FROM goal)::int AS goals, (SELECT count(*) FROM measure)::int AS measures,
           (SELECT count(*) FROM plan_reference)::int AS refs, (SELECT count(*) FROM participation_event)::int AS events`;
  expect(plan).toEqual({ goals: 5, measures: 14, refs: 4, events: 5 });
  const norms = await q<{ key: string; weights: number[] }>`
    SELECT c.key, n.zone_weights AS weights FROM coverage_norm n JOIN service_category c ON c.id = n.category_id`;
  expect(norms).toHaveLength(8);
  expect(norms[0]!.weights).toEqual([1, 0.68, 0.22]);
});

test('real services: the RDF lists and the Behördenwegweiser, every location saying how it was placed', async () => {
  const perSource = await q<{ key: string; services: number }>`
    SELECT o.key, count(*)::int AS services FROM service s JOIN source o ON o.id = s.source_id
     WHERE o.key IN ('leipzig-data-rdf', 'leipzig-behoerdenwegweiser-2018') GROUP BY o.key ORDER BY o.key`;
  expect(perSource.map((r) => r.key)).toEqual(['leipzig-behoerdenwegweiser-2018', 'leipzig-data-rdf']);
  expect(perSource.every((r) => r.services > 100)).toBe(true);
  const [senior] = await q<{ n: number }>`
    SELECT count(*)::int AS n FROM service s JOIN service_category c ON c.id = s.category_id WHERE s.external_id LIKE 'http://leipzig-data.de/Data/Seniorenbuero/%' AND c.key = 'senior_meeting'`;
  expect(senior!.n).toBe(10);
  // a point only with EXACT or NEAREST_NUMBER; AMBIGUOUS and NOT_FOUND stay without one
  const [placed] = await q<{ unmarked: number; inconsistent: number; nearest_without_note: number }>`
    SELECT count(*) FILTER (WHERE l.geocode_match IS NULL)::int AS unmarked,
           count(*) FILTER (WHERE (l.geom IS NULL) <> (l.geocode_match IN ('AMBIGUOUS', 'NOT_FOUND')))::int AS inconsistent,
           count(*) FILTER (WHERE l.geocode_match = 'NEAREST_NUMBER' AND l.geocode_note IS NULL)::int AS nearest_without_note
      FROM location l JOIN source o ON o.id = l.source_id WHERE o.key IN ('leipzig-data-rdf', 'leipzig-behoerdenwegweiser-2018')`;
  expect(placed).toEqual({ unmarked: 0, inconsistent: 0, nearest_without_note: 0 });
  const reports = rerun.filter((r) => r.details.geocoding);
  expect(reports.map((r) => r.source)).toEqual([
    'Seniorenbueros.ttl', 'Buergervereine.ttl', 'Vereine.ttl', 'OeffentlicheEinrichtungen.ttl', 'KirchlicheEinrichtungen.ttl',
    'leipzig-behoerdenwegweiser-2018-soziales.geojson',
  ]);
  // culture is skipped with its reason, not put into a social category
  const vereine = reports.find((r) => r.source === 'Vereine.ttl')!;
  expect(vereine.skipped.some((s) => /category not social in this product: .*Kulturvereine/.test(s.reason))).toBe(true);
  // the existing Kita providers are reused, not duplicated
  const [dupes] = await q<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT normalized_name FROM provider GROUP BY 1 HAVING count(*) > 1) d`;
  expect(dupes!.n).toBe(0);
});

test('a broken list file writes nothing of that file; the files before it stay', async () => {
  const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const { importRealServices } = await import('./importers/real-services');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'services-'));
  cpSync(path.join(leipzigDataDir(), 'services'), dir, { recursive: true });
  const offices = JSON.parse(readFileSync(path.join(dir, 'leipzig-behoerdenwegweiser-2018-soziales.geojson'), 'utf8'));
  offices.features.push({ type: 'Feature', properties: { id: 'x', name: 'Kaputt', hierarchy: null }, geometry: null });
  writeFileSync(path.join(dir, 'leipzig-behoerdenwegweiser-2018-soziales.geojson'), JSON.stringify(offices));
  await db.prisma.$executeRaw`DELETE FROM service WHERE source_id = (SELECT id FROM source WHERE key = 'leipzig-behoerdenwegweiser-2018')`;
  await expect(importRealServices(db.prisma, { dir })).rejects.toThrow();
  const [after] = await q<{ offices: number }>`
    SELECT count(*)::int AS offices FROM service WHERE source_id = (SELECT id FROM source WHERE key = 'leipzig-behoerdenwegweiser-2018')`;
  expect(after!.offices).toBe(0);
});

test('demo locations are the same points on both databases (PostGIS 3.3 server, 3.6 embedded)', async () => {
  // ST_GeneratePoints gave other points for the same seed on the two PostGIS versions (8 of the demo
  // locations, e.g. demo-loc-007, -020 and -072 below), and so other gap figures; these fixed
  // values hold on both
  const rows = await q<{ ext: string; code: string; x: number; y: number }>`
    SELECT l.external_id AS ext, a.code, ST_X(l.geom) AS x, ST_Y(l.geom) AS y
      FROM location l JOIN area a ON a.id = l.area_id
     WHERE l.external_id IN ('demo-loc-007', 'demo-loc-020', 'demo-loc-072') ORDER BY l.external_id`;
  const expected = [
    { ext: 'demo-loc-007', code: '81', x: 12.30057620830471, y: 51.364391579987256 },
    { ext: 'demo-loc-020', code: '50', x: 12.342219416211094, y: 51.31635530537942 },
    { ext: 'demo-loc-072', code: '52', x: 12.33456369909507, y: 51.31512983221763 },
  ];
  expect(rows).toHaveLength(3);
  rows.forEach((r, i) => {
    expect(r.ext).toBe(expected[i]!.ext);
    expect(r.code).toBe(expected[i]!.code);
    expect(r.x).toBeCloseTo(expected[i]!.x, 12);
    expect(r.y).toBeCloseTo(expected[i]!.y, 12);
  });
});
