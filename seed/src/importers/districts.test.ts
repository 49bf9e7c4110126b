import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectAxisOrder, type Database } from '@sozialatlas/db';
import { openMigratedDatabase } from '../../../server/test/db';
import { leipzigDataDir } from '../paths';
import { feature, fixtureDir, square, tinyDistricts } from '../test/fixtures';
import { importDistricts } from './districts';

describe('detectAxisOrder', () => {
  const real = JSON.parse(readFileSync(path.join(leipzigDataDir(), 'leipzig-districts.json'), 'utf8'));

  test('the shipped file is [lat, lon] although it claims CRS84', () => {
    expect(detectAxisOrder(real.features).order).toBe('lat,lon');
  });

  test('a copy with the axes swapped back is read as GeoJSON order', () => {
    const swapped = real.features.map((f: { geometry: { coordinates: number[][][] } }) => ({
      ...f,
      geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => ring.map(([a, b]) => [b, a])) },
    }));
    expect(detectAxisOrder(swapped).order).toBe('lon,lat');
  });

  test('refuses to guess when neither reading is plausible', () => {
    expect(() => detectAxisOrder([feature('00', 'X', [[100, 10], [101, 10], [101, 11], [100, 10]])] as never)).toThrow(/cannot detect the axis order/);
  });
});

describe('importDistricts on fixtures', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openMigratedDatabase();
  });
  afterEach(() => db?.close());

  test('builds Stadtbezirke and the city from the Ortsteile, idempotently', async () => {
    const dir = fixtureDir({ 'd.json': tinyDistricts() });
    const first = await importDistricts(db.prisma, { file: path.join(dir, 'd.json') });
    expect(first.details.axisOrder).toBe('lon,lat');
    expect(first.details.areas).toEqual({ city: 1, boroughs: 2, districts: 3 });
    expect(first.warnings).toContainEqual(expect.stringMatching(/no "Gesamt" feature/));
    const areas = await db.prisma.$queryRaw<{ code: string; level: string; parent: string | null; km2: number }[]>`
      SELECT a.code, a.level::text, p.code AS parent, a.area_km2 AS km2 FROM area a LEFT JOIN area p ON p.id = a.parent_id ORDER BY a.code`;
    expect(areas.map((a) => [a.code, a.level, a.parent])).toEqual([
      ['0', 'BOROUGH', '14713000'], ['00', 'DISTRICT', '0'], ['01', 'DISTRICT', '0'],
      ['1', 'BOROUGH', '14713000'], ['10', 'DISTRICT', '1'], ['14713000', 'CITY', null],
    ]);
    const km2 = Object.fromEntries(areas.map((a) => [a.code, a.km2]));
    expect(km2['0']).toBeCloseTo(km2['00']! + km2['01']!, 6);
    expect(km2['14713000']).toBeCloseTo(km2['0']! + km2['1']!, 6);
    const second = await importDistricts(db.prisma, { file: path.join(dir, 'd.json') });
    expect(second.written).toBe(0);
  });

  test('a bow-tie polygon is repaired and reported; a degenerate one is rejected with a message', async () => {
    const bowTie = [[12.3, 51.3], [12.31, 51.31], [12.31, 51.3], [12.3, 51.31], [12.3, 51.3]];
    const line = [[12.33, 51.3], [12.34, 51.3], [12.35, 51.3], [12.33, 51.3]];
    const dir = fixtureDir({
      'd.json': { type: 'FeatureCollection', features: [feature('00', 'Schleife', bowTie), feature('01', 'B', square(1)), feature('02', 'Strich', line)] },
    });
    const report = await importDistricts(db.prisma, { file: path.join(dir, 'd.json') });
    expect(report.repaired).toEqual([{ row: 'feature 00 Schleife', reason: expect.stringMatching(/Self-intersection.*repaired with ST_MakeValid/) }]);
    expect(report.skipped).toEqual([{ row: 'feature 02 Strich', reason: expect.stringMatching(/ST_MakeValid leaves no valid polygon/) }]);
    const [a] = await db.prisma.$queryRaw<{ valid: boolean; parts: number; type: string }[]>`
      SELECT ST_IsValid(geom) AS valid, ST_NumGeometries(geom) AS parts, GeometryType(geom) AS type FROM area WHERE code = '00'`;
    expect(a).toEqual({ valid: true, parts: 2, type: 'MULTIPOLYGON' });
    const codes = await db.prisma.$queryRaw<{ code: string }[]>`SELECT code FROM area WHERE level = 'DISTRICT' ORDER BY code`;
    expect(codes.map((c) => c.code)).toEqual(['00', '01']);
  });
});
