import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { createGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';
import { gridCells } from './analysis.sql';

// The stored 250 m demand grid (demand_cell, kept by a trigger on area): equal to the grid computed
// the way the analyses computed it before (per request), the same on both databases (PGlite's
// PostGIS 3.6 and the server's 3.3: fixed expected values), and refreshed in the transaction that
// changes an area. Runs on the embedded database and, with DATABASE_URL, on the server.

const admin = callerFor(['ADMIN'], { kind: 'USER', id: 3, label: 'gis@leipzig.de' });

interface Cell { areaId: number; x: number; y: number; weight: number }

/** The grid as the analyses computed it before it was stored (one UTM zone for the level's extent), of Leipzig (the default city). */
function computedBefore(db: Database, level: string, size: number) {
  return db.prisma.$queryRaw<Cell[]>`
    WITH leipzig AS (SELECT id FROM area WHERE code = '14713000' AND level = 'CITY'),
    srid AS (
      SELECT 32600 + floor((ST_X(ST_Centroid(ST_Extent(geom))) + 180) / 6)::int + 1 AS s
        FROM area WHERE level = ${level}::area_level AND geom IS NOT NULL AND city_id = (SELECT id FROM leipzig)
    ),
    a AS MATERIALIZED (SELECT id, ST_Transform(geom, (SELECT s FROM srid)) AS g FROM area
                        WHERE level = ${level}::area_level AND geom IS NOT NULL AND city_id = (SELECT id FROM leipzig)),
    c AS (
      SELECT a.id AS area_id,
             CASE WHEN ST_Within(sq.geom, a.g) THEN sq.geom ELSE ST_Intersection(a.g, sq.geom) END AS piece
        FROM a CROSS JOIN LATERAL ST_SquareGrid(${size}::float8, a.g) AS sq
       WHERE ST_Intersects(a.g, sq.geom)
    ),
    p AS (SELECT area_id, ST_Transform(ST_Centroid(piece), 4326) AS pt, ST_Area(piece) AS w FROM c)
    SELECT area_id AS "areaId", ST_X(pt) AS x, ST_Y(pt) AS y, w AS weight FROM p WHERE w > 0
     ORDER BY area_id, ST_Y(pt), ST_X(pt)`;
}

function expectSameCells(a: Cell[], b: Cell[]) {
  expect(a.length).toBe(b.length);
  a.forEach((c, i) => {
    expect(c.areaId).toBe(b[i]!.areaId);
    expect(c.x).toBeCloseTo(b[i]!.x, 9);
    expect(c.y).toBeCloseTo(b[i]!.y, 9);
    expect(c.weight / b[i]!.weight).toBeCloseTo(1, 9);
  });
}

describe('the stored demand grid', () => {
  let db: Database;
  let gql: Awaited<ReturnType<typeof createGraphQL>>;
  beforeAll(async () => {
    db = await openSeededDatabase();
    gql = await createGraphQL(db);
  });
  afterAll(async () => {
    await gql?.stop();
    await db?.close();
  });

  it('equals the grid computed per request, and the function for other sizes', async () => {
    const stored = await gridCells(db.prisma, 'DISTRICT', 250);
    expectSameCells(stored, await computedBefore(db, 'DISTRICT', 250));
    // 500 m is not stored: computed by the same SQL function as the stored cells
    expectSameCells(await gridCells(db.prisma, 'DISTRICT', 500), await computedBefore(db, 'DISTRICT', 500));
  });

  it('has the same cells on both databases (fixed values from PostGIS 3.3 and 3.6)', async () => {
    const stored = await gridCells(db.prisma, 'DISTRICT', 250);
    expect(stored).toHaveLength(6376);
    expect(stored.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(297810286.0312, 2);
    const [zentrum] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = '00' AND level = 'DISTRICT'`;
    const cells = stored.filter((c) => c.areaId === zentrum!.id);
    expect(cells).toHaveLength(20);
    expect(cells[0]!.x).toBeCloseTo(12.371847736863417, 10);
    expect(cells[0]!.y).toBeCloseTo(51.33579542111325, 10);
    expect(cells[0]!.weight).toBeCloseTo(13373.916873755035, 4);
    expect(cells[1]!.weight).toBeCloseTo(17006.333866929708, 4);
  });

  it('is refreshed in the transaction that changes an area, and only for that area', async () => {
    const [zentrum] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = '00' AND level = 'DISTRICT'`;
    const others = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM demand_cell WHERE area_id <> ${zentrum!.id}`;
    const rolledBack = new Error('roll back');
    await expect(
      db.prisma.$transaction(async (tx) => {
        // shrink Zentrum to a 500 m × 500 m square in UTM 33, its edges in the middle of 250 m cells:
        // 3 × 3 cells (one whole, four halves, four quarters), 250,000 m² together
        await tx.$executeRaw`
          UPDATE area SET geom = ST_Multi(ST_Transform(ST_MakeEnvelope(316875, 5689875, 317375, 5690375, 32633), 4326)) WHERE id = ${zentrum!.id}`;
        const cells = await tx.$queryRaw<{ n: number; total: number }[]>`
          SELECT count(*)::int AS n, sum(weight) AS total FROM demand_cell WHERE area_id = ${zentrum!.id} AND size_m = 250`;
        expect(cells[0]!.n).toBe(9);
        expect(cells[0]!.total).toBeCloseTo(250000, 3);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const after = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM demand_cell WHERE area_id = ${zentrum!.id}`;
    expect(after[0]!.n).toBe(20);
    const othersAfter = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM demand_cell WHERE area_id <> ${zentrum!.id}`;
    expect(othersAfter).toEqual(others);
  });

  it('gets cells for planning areas an import creates; boroughs and the city get none', async () => {
    const [loc] = await db.prisma.$queryRaw<{ x: number; y: number; code: string }[]>`
      SELECT ST_X(l.geom) AS x, ST_Y(l.geom) AS y, a.code FROM location l JOIN area a ON a.id = l.area_id WHERE a.level = 'DISTRICT' ORDER BY l.id LIMIT 1`;
    const ring = [[loc!.x - 0.005, loc!.y - 0.005], [loc!.x + 0.005, loc!.y - 0.005], [loc!.x + 0.005, loc!.y + 0.005], [loc!.x - 0.005, loc!.y + 0.005], [loc!.x - 0.005, loc!.y - 0.005]];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'PR-GRID', name: 'Planungsraum Raster', level: 'PLANNING_AREA', parent_code: loc!.code }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    });
    const r = await gql.data(`mutation($g: String!) { importAreas(geojson: $g, dryRun: false) { applied created errors { message } } }`, { g: geojson }, admin);
    expect(r.importAreas).toMatchObject({ applied: true, created: 1, errors: [] });
    const planning = await gridCells(db.prisma, 'PLANNING_AREA', 250);
    expect(planning.length).toBeGreaterThan(0);
    expectSameCells(planning, await computedBefore(db, 'PLANNING_AREA', 250));
    const coarse = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM demand_cell c JOIN area a ON a.id = c.area_id WHERE a.level IN ('BOROUGH', 'CITY')`;
    expect(coarse[0]!.n).toBe(0);
  });

  it('spreads the population when the analysis runs: a value write shows at once', async () => {
    const Q = `{ accessibility(category: "youth_club", year: 2023, points: true) { points { area { id } population } } }`;
    const sum = (points: { area: { id: number }; population: number }[], id: number) => points.filter((p) => p.area.id === id).reduce((s, p) => s + p.population, 0);
    const [zentrum] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = '00' AND level = 'DISTRICT'`;
    const before = (await gql.data(Q)).accessibility.points;
    await db.prisma.$executeRaw`
      UPDATE indicator_value SET value = 1000 WHERE area_id = ${zentrum!.id} AND year = 2023 AND indicator_id = (SELECT id FROM indicator WHERE key = 'population')`;
    const after = (await gql.data(Q)).accessibility.points;
    expect(sum(before, zentrum!.id)).not.toBeCloseTo(1000, 3);
    expect(sum(after, zentrum!.id)).toBeCloseTo(1000, 6);
  });
});
