import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { createGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';
import { formatAreaReport } from '../../scripts/import-areas';

const admin = callerFor(['ADMIN'], { kind: 'USER', id: 3, label: 'gis@leipzig.de' });
const IMPORT = `mutation($geojson: String!, $dryRun: Boolean!, $swapAxes: Boolean, $level: AreaLevel, $sourceKey: String) {
  importAreas(geojson: $geojson, dryRun: $dryRun, swapAxes: $swapAxes, level: $level, sourceKey: $sourceKey) {
    dryRun applied features srid created updated unchanged absentCount absentCodes locationsMoved derivedWritten derivedRemoved changesTruncated
    errors { feature code reason message }
    warnings { feature code reason message }
    changes { feature code name level kind nameBefore parentCode parentCodeBefore nameChanged parentChanged geometryChanged sourceChanged areaKm2Before areaKm2 }
    locationMoves { locationId name fromCode toCode }
  }
}`;

type Ring = number[][];
/** A square ring of `size` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, size = 0.01): Ring => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });

// Area of a 0.01° × 0.01° square at latitude 51.34° on the WGS84 ellipsoid, by hand:
// one degree of latitude there is 111,132.95 − 559.82·cos(2φ) + 1.18·cos(4φ) ≈ 111,254.8 m,
// one degree of longitude π/180 · a·cos φ / √(1 − e²·sin²φ) ≈ 69,699 m;
// 0.01² of that ≈ 1,112.5 m × 697.0 m ≈ 0.7754 km².
const SQUARE_KM2 = 0.7754;

describe('importing areas from GeoJSON', () => {
  let db: Database;
  let gql: Awaited<ReturnType<typeof createGraphQL>>;
  /** a day-care location with a point in an Ortsteil */
  let loc: { id: number; x: number; y: number; code: string; areaId: number; version: number };
  beforeAll(async () => {
    db = await openSeededDatabase();
    gql = await createGraphQL(db);
    [loc] = await db.prisma.$queryRaw<typeof loc[]>`
      SELECT l.id, ST_X(l.geom) AS x, ST_Y(l.geom) AS y, a.code, a.id AS "areaId", l.version
        FROM location l JOIN area a ON a.id = l.area_id WHERE a.level = 'DISTRICT' ORDER BY l.id LIMIT 1`;
  });
  afterAll(async () => {
    await gql?.stop();
    await db?.close();
  });

  const run = (geojson: string, dryRun: boolean, extra: Record<string, unknown> = {}) =>
    gql.data(IMPORT, { geojson, dryRun, ...extra }, admin).then((d) => d.importAreas);
  const state = async () => ({
    areas: await db.prisma.$queryRaw`SELECT id, code, name, level::text, parent_id, version, ST_AsEWKT(geom) AS geom FROM area ORDER BY id`,
    locations: await db.prisma.$queryRaw`SELECT id, area_id, version FROM location ORDER BY id`,
    audit: await db.prisma.auditLog.count(),
  });

  // Two planning areas side by side in the Ortsteil of the location; A around its point, B east of A.
  const squareA = () => square(loc.x - 0.005, loc.y - 0.005);
  const squareB = () => square(loc.x + 0.005, loc.y - 0.005);
  const planningAreas = (a: Ring, b: Ring, nameB = 'Planungsraum B') =>
    collection([
      feature({ code: 'PR-A', name: 'Planungsraum A', level: 'PLANNING_AREA', parent_code: loc.code }, [a]),
      feature({ code: 'PR-B', name: nameB, level: 'Planungsraum', parent_code: loc.code }, [b]),
    ]);

  let dryRun: any;
  it('lists what would be created and which location would move in a dry run, and writes nothing', async () => {
    const before = await state();
    dryRun = await run(planningAreas(squareA(), squareB()), true);
    expect(dryRun).toMatchObject({ dryRun: true, applied: false, features: 2, srid: 4326, created: 2, updated: 0, unchanged: 0, errors: [], warnings: [], absentCount: 0 });
    expect(dryRun.changes.map((c: any) => [c.feature, c.kind, c.code, c.level, c.parentCode])).toEqual([
      [1, 'CREATE', 'PR-A', 'PLANNING_AREA', loc.code],
      [2, 'CREATE', 'PR-B', 'PLANNING_AREA', loc.code],
    ]);
    expect(dryRun.changes[0].areaKm2).toBeCloseTo(SQUARE_KM2, 2);
    expect(dryRun.locationMoves).toContainEqual(expect.objectContaining({ locationId: loc.id, fromCode: loc.code, toCode: 'PR-A' }));
    expect(await state()).toEqual(before);
  });

  it('applies exactly what the dry run said: areas, derived fields, moved locations, audit rows', async () => {
    const lastAudit = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const applied = await run(planningAreas(squareA(), squareB()), false);
    expect(applied).toMatchObject({ applied: true, created: 2, errors: [] });
    const { applied: _a, dryRun: _d, derivedWritten, derivedRemoved, ...same } = applied;
    const { applied: _a2, dryRun: _d2, derivedWritten: _w, derivedRemoved: _r, ...said } = dryRun;
    expect(same).toEqual(said);
    // New planning areas without values: the Ortsteil keeps its published values, nothing derived is removed.
    expect(derivedRemoved).toBe(0);

    const rows = await db.prisma.$queryRaw<{ code: string; level: string; parent: string; version: number; km2: number; inside: boolean }[]>`
      SELECT a.code, a.level::text AS level, p.code AS parent, a.version, a.area_km2 AS km2, ST_Covers(a.geom, a.label_point) AS inside
        FROM area a JOIN area p ON p.id = a.parent_id WHERE a.code IN ('PR-A', 'PR-B') ORDER BY a.code`;
    expect(rows.map((r) => [r.code, r.level, r.parent, r.version, r.inside])).toEqual([
      ['PR-A', 'PLANNING_AREA', loc.code, 1, true],
      ['PR-B', 'PLANNING_AREA', loc.code, 1, true],
    ]);
    expect(rows[0]!.km2).toBeCloseTo(SQUARE_KM2, 2);

    const moved = await db.prisma.location.findUniqueOrThrow({ where: { id: loc.id }, include: { area: true } });
    expect(moved.area?.code).toBe('PR-A');
    expect(moved.version).toBe(loc.version + 1);
    const audit = await db.prisma.auditLog.findMany({ where: { id: { gt: lastAudit } }, orderBy: { id: 'asc' } });
    expect(audit.filter((a) => a.entity === 'area').map((a) => [a.action, a.actorLabel, (a.after as any).code])).toEqual([
      ['import', 'gis@leipzig.de', 'PR-A'],
      ['import', 'gis@leipzig.de', 'PR-B'],
    ]);
    expect(audit.filter((a) => a.entity === 'location')).toHaveLength(applied.locationsMoved);

    const again = await run(planningAreas(squareA(), squareB()), true);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, locationsMoved: 0, changes: [] });
  });

  it('moves a location to another area when a boundary is updated, and says so first', async () => {
    const areaB = await db.prisma.area.findFirstOrThrow({ where: { code: 'PR-B' } });
    // A moves one square west, B takes A's old place (with the location's point) and a new name.
    const file = planningAreas(square(loc.x - 0.015, loc.y - 0.005), squareA(), 'Planungsraum B (neu)');
    const preview = await run(file, true);
    expect(preview).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect(preview.changes.find((c: any) => c.code === 'PR-B')).toMatchObject({
      kind: 'UPDATE',
      nameBefore: 'Planungsraum B',
      name: 'Planungsraum B (neu)',
      nameChanged: true,
      parentChanged: false,
      geometryChanged: true,
    });
    expect(preview.locationMoves).toContainEqual(expect.objectContaining({ locationId: loc.id, fromCode: 'PR-A', toCode: 'PR-B' }));

    const applied = await run(file, false);
    expect(applied.locationMoves).toEqual(preview.locationMoves);
    // the stored zoom levels follow the new boundaries (written by the database in the import)
    const [levels] = await db.prisma.$queryRaw<{ n: number; stale: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT ST_Equals(gl.geom, area_simplify(a.geom, a.label_point, gl.tolerance_m)))::int AS stale
        FROM area a JOIN area_geometry_level gl ON gl.area_id = a.id WHERE a.code IN ('PR-A', 'PR-B')`;
    expect(levels).toEqual({ n: 10, stale: 0 });
    const moved = await db.prisma.location.findUniqueOrThrow({ where: { id: loc.id } });
    expect(moved.areaId).toBe(areaB.id);
    const stored = await db.prisma.area.findFirstOrThrow({ where: { code: 'PR-B' } });
    expect(stored).toMatchObject({ name: 'Planungsraum B (neu)', version: 2 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: 'area', entityId: String(areaB.id) }, orderBy: { id: 'desc' } });
    // The old boundary is kept in the audit row, so it can be restored.
    expect((audit.before as any).geometry.coordinates[0][0][0][0]).toBeCloseTo(loc.x + 0.005, 6);
    expect((audit.after as any).version).toBe(2);
  });

  it('reports every bad feature with its number and code, and writes nothing at all', async () => {
    const before = await state();
    const bowTie = [[12.3, 51.3], [12.31, 51.31], [12.31, 51.3], [12.3, 51.31], [12.3, 51.3]];
    const line = [[12.33, 51.3], [12.34, 51.3], [12.35, 51.3], [12.33, 51.3]];
    const pr = (code: string, extra: Record<string, unknown> = {}) => ({ code, name: `Gebiet ${code}`, level: 'PLANNING_AREA', parent_code: loc.code, ...extra });
    const file = collection([
      feature(pr('N1'), [square(12.4, 51.3)]), // fine, but must not be written
      feature(pr('', {}), [square(12.4, 51.3)]),
      feature(pr('N1'), [square(12.4, 51.3)]),
      feature(pr('N4', { name: ' ' }), [square(12.4, 51.3)]),
      feature(pr('N5', { level: 'Kiez' }), [square(12.4, 51.3)]),
      feature(pr('N6', { parent_code: 'XX' }), [square(12.4, 51.3)]),
      feature(pr('N7'), [12.4, 51.3], 'Point'),
      feature(pr('N8'), [line]),
      feature(pr('N9'), [square(51.3, 12.4)]),
      feature(pr('N10'), [[[316000, 5690000], [317000, 5690000], [317000, 5691000], [316000, 5690000]]]),
      feature(pr('N11', { level: 'DISTRICT' }), [square(12.4, 51.3)]),
      feature(pr('00', { level: 'BOROUGH', parent_code: '14713000' }), [square(12.4, 51.3)]),
      feature(pr('N13'), [bowTie]),
      feature(pr('N14', { parent_code: undefined }), [square(12.4, 51.3)]),
      feature(pr('N15'), [[[12.4, 51.3], [12.41, 51.3], [12.41, 51.31], [12.4, 51.31]]]),
      feature(pr(5 as never), [square(12.4, 51.3)]),
      feature(pr('N17'), [square(2.35, 48.85)]), // Paris
    ]);
    const result = await run(file, false);
    expect(result.applied).toBe(false);
    expect(result.errors.map((e: any) => [e.feature, e.code, e.reason])).toEqual([
      [2, null, 'MISSING_CODE'],
      [3, 'N1', 'DUPLICATE_CODE'],
      [4, 'N4', 'MISSING_NAME'],
      [5, 'N5', 'UNKNOWN_LEVEL'],
      [6, 'N6', 'UNKNOWN_PARENT'],
      [7, 'N7', 'NOT_POLYGON'],
      [8, 'N8', 'INVALID_GEOMETRY'],
      [9, 'N9', 'SWAPPED_COORDINATES'],
      [10, 'N10', 'NOT_WGS84'],
      [11, 'N11', 'PARENT_LEVEL'],
      [12, '00', 'LEVEL_CHANGED'],
      [14, 'N14', 'MISSING_PARENT'],
      [15, 'N15', 'BAD_COORDINATES'],
      [16, null, 'BAD_CODE'],
      [17, 'N17', 'OUTSIDE_REGION'],
    ]);
    const message = (n: number) => result.errors.find((e: any) => e.feature === n).message;
    expect(message(3)).toBe('Objekt 3 (Code „N1“): Der Code steht schon in Objekt 1.');
    expect(message(9)).toMatch(/^Objekt 9 \(Code „N9“\): Breite und Länge sind vertauscht/);
    expect(message(8)).toMatch(/Die Geometrie ist ungültig \(.+\) und lässt sich nicht reparieren/);
    expect(message(12)).toMatch(/als Ortsteil \(DISTRICT\) gespeichert/);
    expect(message(17)).toBe('Objekt 17 (Code „N17“): Das Gebiet liegt nicht in Deutschland (Länge 5,8–15,1°, Breite 47,2–55,1°).');
    expect(result.warnings.map((w: any) => [w.feature, w.code, w.reason])).toEqual([[13, 'N13', 'REPAIRED_GEOMETRY']]);
    expect(result.warnings[0].message).toMatch(/Self-intersection.*wird mit ST_MakeValid repariert/);
    expect(await state()).toEqual(before);
  });

  it('refuses what is not a GeoJSON FeatureCollection with a message for the whole file', async () => {
    // line 3 is '  "features": [,]': the stray comma is its 16th character
    const bad = await run('{\n  "type": "FeatureCollection",\n  "features": [,]\n}', true);
    expect(bad.errors).toEqual([expect.objectContaining({ feature: 0, reason: 'BAD_JSON', message: expect.stringMatching(/^Datei: Die Datei ist kein gültiges JSON \(Fehler in Zeile 3, Spalte 16\)/) })]);
    expect((await run('{"type": "Feature"}', true)).errors[0]).toMatchObject({ feature: 0, reason: 'NOT_FEATURE_COLLECTION' });
    const otherCrs = collection([feature({ code: 'X', name: 'X', level: 'DISTRICT' }, [square(12.4, 51.3)])], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31468' } } });
    expect((await run(otherCrs, true)).errors[0]).toMatchObject({ feature: 0, reason: 'UNSUPPORTED_CRS', message: expect.stringContaining('EPSG::31468') });
  });

  it('reads swapped files with swapAxes, a default level, and ETRS89/UTM files (EPSG:25833) by transforming them', async () => {
    const swapped = collection([feature({ code: 'S1', name: 'Vertauscht', parent_code: loc.code }, [square(51.3, 12.4)])]);
    const read = await run(swapped, true, { swapAxes: true, level: 'PLANNING_AREA' });
    expect(read.errors).toEqual([]);
    expect(read.changes[0]).toMatchObject({ code: 'S1', level: 'PLANNING_AREA', kind: 'CREATE' });

    // 1 km × 1 km in UTM zone 33N around Leipzig-Lindenau (E 316 km, N 5,690 km). The UTM scale factor
    // there is 0.9996 · (1 + 184²/(2 · 6,381²)) ≈ 1.000016, so the ellipsoidal area is 1 / 1.000016² ≈ 0.99997 km².
    const utm = (x: number, y: number) => [[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]];
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25833' } };
    const projected = await run(collection([feature({ code: 'U1', name: 'UTM', level: 'PLANNING_AREA', parent_code: loc.code }, [utm(316000, 5690000)])], { crs }), true);
    expect(projected).toMatchObject({ srid: 25833, errors: [], created: 1 });
    expect(projected.changes[0].areaKm2).toBeCloseTo(1.0, 3);
    const degrees = await run(collection([feature({ code: 'U2', name: 'Grad', level: 'PLANNING_AREA', parent_code: loc.code }, [square(12.4, 51.3)])], { crs }), true);
    expect(degrees.errors[0]).toMatchObject({ feature: 1, reason: 'CRS_MISMATCH', message: expect.stringMatching(/sehen nach Grad aus/) });
  });

  it('sets the source of the boundaries when asked, and refuses an unknown one', async () => {
    const file = collection([feature({ code: 'PR-A', name: 'Planungsraum A', level: 'PLANNING_AREA' }, [square(loc.x - 0.015, loc.y - 0.005)])]);
    const unknown = await run(file, false, { sourceKey: 'gibt-es-nicht' });
    expect(unknown.errors).toEqual([expect.objectContaining({ feature: 0, reason: 'UNKNOWN_SOURCE', message: 'Datei: Die Quelle „gibt-es-nicht“ ist unbekannt.' })]);
    const result = await run(file, false, { sourceKey: 'leipzig-gebietsgliederung' });
    expect(result).toMatchObject({ applied: true, updated: 1, locationsMoved: 0 });
    expect(result.changes).toEqual([expect.objectContaining({ code: 'PR-A', sourceChanged: true, geometryChanged: false, nameChanged: false, parentChanged: false })]);
    const area = await db.prisma.area.findFirstOrThrow({ where: { code: 'PR-A' }, include: { source: true, parent: true } });
    expect(area).toMatchObject({ version: 3, source: { key: 'leipzig-gebietsgliederung' }, parent: { code: loc.code } });
  });

  it('never deletes areas missing from the file and says so', async () => {
    const result = await run(collection([feature({ code: 'PR-A', name: 'Planungsraum A', level: 'PLANNING_AREA' }, [square(loc.x - 0.015, loc.y - 0.005)])]), false);
    expect(result).toMatchObject({ unchanged: 1, absentCount: 1, absentCodes: ['PR-B'], applied: false });
    expect(await db.prisma.area.count({ where: { code: 'PR-B' } })).toBe(1);
    expect(formatAreaReport(result).join('\n')).toMatch(/1 gespeicherte Gebiete dieser Ebenen fehlen in der Datei und bleiben unverändert \(ein Import löscht nie\): PR-B/);
  });

  it('refuses boundaries with too many vertices and absurdly nested coordinates, naming the feature', async () => {
    // a star with 100,000 spikes around the location: froze the embedded database for 29 minutes
    const spikes = 100_000;
    const star: number[][] = Array.from({ length: spikes }, (_, i) => {
      const angle = (2 * Math.PI * i) / spikes;
      const r = i % 2 ? 0.002 : 0.004;
      return [loc.x + r * Math.cos(angle), loc.y + r * Math.sin(angle)];
    });
    star.push(star[0]!);
    // written as text: JSON.stringify itself overflows at this depth
    const nested = `${'['.repeat(5000)}12.4,51.3${']'.repeat(5000)}`;
    const before = await state();
    const file = collection([
      feature({ code: 'STERN', name: 'Stern', level: 'PLANNING_AREA', parent_code: loc.code }, [star]),
      feature({ code: 'TIEF', name: 'Tief', level: 'PLANNING_AREA', parent_code: loc.code }, 'NESTED'),
    ]).replace('"NESTED"', nested);
    const result = await run(file, true);
    expect(result.errors.map((e: any) => [e.feature, e.code, e.reason])).toEqual([[1, 'STERN', 'TOO_MANY_VERTICES'], [2, 'TIEF', 'BAD_COORDINATES']]);
    expect(result.errors[0].message).toMatch(/^Objekt 1 \(Code „STERN“\): Die Grenze hat 100\.001 Stützpunkte; höchstens 25\.000 je Gebiet/);
    expect(result.errors[1].message).toMatch(/verschachtelte Liste/);
    expect(await state()).toEqual(before);
  });

  it('reads the codes of the city given: "01" is Chemnitz-Zentrum with city chemnitz, Leipzig stays untouched; parents are of that city', async () => {
    const CITY_IMPORT = `mutation($geojson: String!, $dryRun: Boolean!, $city: String) { importAreas(geojson: $geojson, dryRun: $dryRun, level: DISTRICT, city: $city) {
      applied errors { reason message } changes { code kind nameBefore geometryChanged } } }`;
    const [zentrum] = await db.prisma.$queryRaw<{ geometry: string }[]>`
      SELECT ST_AsGeoJSON(a.geom) AS geometry FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'chemnitz' AND a.code = '01'`;
    const renamed = feature({ code: '01', name: 'Zentrum (Chemnitz)' }, JSON.parse(zentrum!.geometry).coordinates, JSON.parse(zentrum!.geometry).type);
    const added = feature({ code: 'T1', name: 'Testviertel', parent_code: '14511000' }, [square(12.9, 50.8)]);
    const geojson = collection([renamed, added]);
    const leipzigName = async () => (await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT a.name FROM area a JOIN city c ON c.area_id = a.city_id WHERE c.key = 'leipzig' AND a.code = '01'`)[0]!.name;
    const before = await leipzigName();

    // without a city the codes are Leipzig's: "01" is Zentrum-Ost, and Chemnitz is no parent there
    const asDefault = (await gql.data(CITY_IMPORT, { geojson: collection([renamed]), dryRun: true }, admin)).importAreas;
    expect(asDefault.changes).toEqual([expect.objectContaining({ code: '01', nameBefore: before })]);
    const foreignParent = (await gql.data(CITY_IMPORT, { geojson, dryRun: true }, admin)).importAreas;
    expect(foreignParent.errors).toEqual([
      expect.objectContaining({
        reason: 'UNKNOWN_PARENT',
        message: 'Objekt 2 (Code „T1“): Das übergeordnete Gebiet „14511000“ gibt es weder in der Datei noch im Bestand von Leipzig, nur in Chemnitz (chemnitz); für diese Stadt mit city (CLI: --city) importieren.',
      }),
    ]);
    const dry = (await gql.data(CITY_IMPORT, { geojson, dryRun: true, city: 'chemnitz' }, admin)).importAreas;
    expect(dry.changes).toEqual([
      expect.objectContaining({ code: '01', kind: 'UPDATE', nameBefore: 'Zentrum' }),
      expect.objectContaining({ code: 'T1', kind: 'CREATE', nameBefore: null }),
    ]);
    const done = (await gql.data(CITY_IMPORT, { geojson, dryRun: false, city: 'chemnitz' }, admin)).importAreas;
    expect(done).toMatchObject({ applied: true, errors: [] });
    const rows = await db.prisma.$queryRaw<{ code: string; name: string; parent: string }[]>`
      SELECT a.code, a.name, p.name AS parent FROM area a JOIN area p ON p.id = a.parent_id JOIN city c ON c.area_id = a.city_id
       WHERE c.key = 'chemnitz' AND a.code IN ('01', 'T1') ORDER BY a.code`;
    expect(rows).toEqual([{ code: '01', name: 'Zentrum (Chemnitz)', parent: 'Chemnitz' }, { code: 'T1', name: 'Testviertel', parent: 'Chemnitz' }]);
    expect(await leipzigName()).toBe(before);
  });
});

