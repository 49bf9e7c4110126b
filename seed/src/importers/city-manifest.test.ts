import type { Database } from '@sozialatlas/db';
import { openMigratedDatabase } from '../../../server/test/db';
import { fixtureDir } from '../test/fixtures';
import { cityResidents } from './cities';
import { fill, importCity, readManifest } from './city-manifest';

// A third city is an import, not a code change: a fabricated "Teststadt" (a fixture, not shipped)
// with a manifest and three files goes in with the same importer as Chemnitz.
const cell = (i: number, j = 0, size = 0.01) => {
  const x = 10 + i * size;
  const y = 50 + j * size;
  return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
};
const point = (id: number, props: Record<string, unknown>, coordinates: number[] | null) => ({
  type: 'Feature', properties: { NR: id, ...props }, geometry: coordinates ? { type: 'Point', coordinates } : null,
});
const manifest = (over: Record<string, unknown> = {}) => ({
  key: 'teststadt', ags: '09999000', name: 'Teststadt',
  source: { key: 'teststadt-opendata', title: 'Teststadt Open Data (erfunden)', publisher: 'Teststadt', licence: 'CC0 1.0', attribution: 'Teststadt (Testdaten)' },
  areas: { file: 'viertel.geojson', code: 'NR', name: 'NAME' },
  services: [{ file: 'treffs.geojson', category: 'youth_club', id: 'NR', name: ['{NAME}', 'Treff {STRASSE}'], provider: 'TRAEGER', street: 'STRASSE', postalCode: 'PLZ', targetGroups: ['YOUNG_PEOPLE'], legalBases: ['SGB_VIII'] }],
  places: [{ file: 'schulen.geojson', amenity: 'school', id: 'NR', name: '{NAME}', operator: 'TRAEGER', street: 'STRASSE' }],
  ...over,
});
const files = (m: unknown = manifest()) => ({
  'city.json': m,
  'viertel.geojson': {
    type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    features: [
      { type: 'Feature', properties: { NR: '01', NAME: 'Altstadt' }, geometry: { type: 'Polygon', coordinates: [cell(0)] } },
      { type: 'Feature', properties: { NR: '02', NAME: 'Neustadt' }, geometry: { type: 'Polygon', coordinates: [cell(1)] } },
    ],
  },
  'treffs.geojson': {
    type: 'FeatureCollection',
    features: [
      point(1, { NAME: 'Jugendtreff Altstadt', TRAEGER: 'Jugendhilfe Teststadt e. V.', STRASSE: 'Markt 1' }, [10.005, 50.005]),
      point(2, { TRAEGER: 'Jugendhilfe Teststadt e.V.', STRASSE: 'Ring 2' }, [50.005, 10.015]), // [lat, lon]
      point(3, { NAME: 'Jugendtreff Altstadt', TRAEGER: 'Jugendhilfe Teststadt e. V.', STRASSE: 'Markt 1' }, [10.005, 50.005]), // repeats 1
      point(4, { NAME: 'Treff draußen', TRAEGER: 'Anderer Verein', STRASSE: 'Feldweg' }, [10.5, 50.5]), // outside
      point(5, { NAME: 'Ohne Punkt', STRASSE: 'Irgendwo' }, null),
    ],
  },
  'schulen.geojson': {
    type: 'FeatureCollection',
    features: [
      point(1, { NAME: 'Grundschule Altstadt', TRAEGER: 'Kommunal', STRASSE: 'Schulweg 1' }, [10.002, 50.002]),
      point(2, { NAME: 'Oberschule Neustadt', TRAEGER: 'Frei', STRASSE: 'Ring 9' }, [10.015, 50.005]),
      point(3, { NAME: 'Schule draußen' }, [10.5, 50.5]), // outside
      point(4, { STRASSE: 'ohne Namen' }, [10.003, 50.003]),
    ],
  },
});

describe('a third city from a manifest', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(() => db?.close());

  it('imports the city, its districts and services, and reports every row it leaves out', async () => {
    const dir = fixtureDir(files());
    const [areas, services, schools] = await importCity(db.prisma, dir);
    expect(areas!.details.areas).toEqual({ city: 1, districts: 2 });
    expect(areas!.details.residents).toMatch(/no Kreis 09999/);
    expect(services!.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^no point geometry/),
      expect.stringMatching(/already imported from treffs.geojson #0/),
      expect.stringMatching(/outside every district of Teststadt/),
    ]);
    expect(services!.warnings).toEqual(['1 points given as [lat, lon]: axes swapped on import']);

    const [city] = await db.prisma.$queryRaw<{ key: string; residents: number | null; districts: number; services: number; placed: number }[]>`
      SELECT c.key, c.residents,
             (SELECT count(*)::int FROM area a WHERE a.city_id = c.area_id AND a.level = 'DISTRICT') AS districts,
             (SELECT count(*)::int FROM service s WHERE s.city_id = c.area_id) AS services,
             (SELECT count(*)::int FROM location l JOIN area a ON a.id = l.area_id WHERE a.city_id = c.area_id) AS placed
        FROM city c WHERE c.key = 'teststadt'`;
    expect(city).toEqual({ key: 'teststadt', residents: null, districts: 2, services: 2, placed: 2 });
    // the two spellings of the provider are one provider
    const [providers] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM provider WHERE normalized_name LIKE 'jugendhilfe teststadt%'`;
    expect(providers!.n).toBe(1);

    // the context layer: social places of the city's own source, never attributed to OpenStreetMap
    expect(schools!.skipped.map((s) => s.reason)).toEqual(['no NR or name', expect.stringMatching(/outside every district of Teststadt/)]);
    const places = await db.prisma.$queryRaw<{ name: string; amenity: string; operator: string | null; source: string; district: string }[]>`
      SELECT b.name, b.amenity, b.operator, s.key AS source, a.name AS district
        FROM social_building b JOIN source s ON s.id = b.source_id JOIN area a ON a.id = b.area_id ORDER BY b.name`;
    expect(places).toEqual([
      { name: 'Grundschule Altstadt', amenity: 'school', operator: 'Kommunal', source: 'teststadt-opendata', district: 'Altstadt' },
      { name: 'Oberschule Neustadt', amenity: 'school', operator: 'Frei', source: 'teststadt-opendata', district: 'Neustadt' },
    ]);

    // a manifest without areas.levelName names no level: the API gives the generic names
    const [names] = await db.prisma.$queryRaw<{ names: unknown }[]>`SELECT level_names AS names FROM city WHERE key = 'teststadt'`;
    expect(names!.names).toEqual({});

    // idempotent: a second run writes nothing
    const again = await importCity(db.prisma, dir);
    expect(again.map((r) => r.written)).toEqual([0, 0, 0]);
  });

  it('refuses a manifest with a category the product does not have, or a context layer without amenity, before writing anything', () => {
    const dir = fixtureDir(files(manifest({ key: 'zweitstadt', services: [{ ...manifest().services[0], category: 'bowling' }] })));
    expect(() => readManifest(dir)).toThrow(/category "bowling" is not a product category/);
    const places = fixtureDir(files(manifest({ places: [{ file: 'schulen.geojson', id: 'NR', name: '{NAME}' }] })));
    expect(() => readManifest(places)).toThrow(/places\[0\] \(schulen.geojson\): amenity must be/);
    const badName = fixtureDir(files(manifest({ areas: { ...manifest().areas, levelName: { de: 'Viertel' } } })));
    expect(() => readManifest(badName)).toThrow(/areas.levelName needs de, deSingular and en/);
    const missing = fixtureDir(files(manifest({ places: [{ file: 'fehlt.geojson', amenity: 'school', id: 'NR', name: '{NAME}' }] })));
    expect(() => readManifest(missing)).toThrow(/file fehlt.geojson missing/);
  });

  it('fills name templates from the first one whose fields are all there', () => {
    expect(fill(['{BEZEICHNUNG}', 'Schulsozialarbeit {STRASSE}'], { BEZEICHNUNG: null, STRASSE: 'Markt 1' })).toBe('Schulsozialarbeit Markt 1');
    expect(fill(['{A} {B}'], { A: 'x' })).toBeNull();
  });

  it('residents: the Kreis total only for a kreisfreie Stadt', () => {
    expect(cityResidents('14511000')).toMatchObject({ residents: 247237 });
    expect(cityResidents('14522000').residents).toBeNull();
  });
});
