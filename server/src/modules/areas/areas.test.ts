import { useSeededGraphQL } from '../../../test/graphql';

describe('areas API on the Leipzig data', () => {
  const { db, gql } = useSeededGraphQL();

  it('lists 63 districts, 10 boroughs and one city by level', async () => {
    const data = await gql.data(`{
      d: areas(filter: { level: DISTRICT }) { totalCount }
      b: areas(filter: { level: BOROUGH }) { totalCount nodes { code name } }
      c: areas(filter: { level: CITY }) { totalCount nodes { name } }
    }`);
    expect(data.d.totalCount).toBe(63);
    expect(data.b.totalCount).toBe(10);
    expect(data.b.nodes.map((b: { name: string }) => b.name).sort()).toEqual(
      ['Alt-West', 'Mitte', 'Nord', 'Nordost', 'Nordwest', 'Ost', 'Süd', 'Südost', 'Südwest', 'West'],
    );
    expect(data.c.nodes).toEqual([{ name: 'Leipzig' }]);
  });

  it('finds an area by code with its parent and the parent’s children', async () => {
    const data = await gql.data(`{ area(code: "62") { name level parent { code name children { code } parent { level } } } }`);
    expect(data.area.name).toBe('Grünau-Mitte');
    expect(data.area.parent.name).toBe('West');
    expect(data.area.parent.children.map((c: { code: string }) => c.code)).toEqual(['60', '61', '62', '63', '64', '65', '66']);
    expect(data.area.parent.parent.level).toBe('CITY');
  });

  it('combines filters with AND: name search within a level', async () => {
    const data = await gql.data(`{ areas(filter: { nameContains: "grünau", level: DISTRICT }) { nodes { name } } }`);
    expect(data.areas.nodes.map((a: { name: string }) => a.name).sort()).toEqual(
      ['Grünau-Mitte', 'Grünau-Nord', 'Grünau-Ost', 'Grünau-Siedlung', 'Lausen-Grünau'],
    );
  });

  it('finds the areas containing a point at every level', async () => {
    // The representative point of Zentrum lies in Zentrum, in Mitte, in Leipzig.
    const [point] = await db.prisma.$queryRaw<{ lon: number; lat: number }[]>`
      SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM area WHERE code = '00'`;
    const data = await gql.data(`query($p: PointInput!) { areas(filter: { containsPoint: $p }) { nodes { code level } } }`, { p: point });
    expect(data.areas.nodes.map((a: { code: string }) => a.code).sort()).toEqual(['0', '00', '14713000']);
  });

  it('finds districts intersecting a bounding box (only those, checked against PostGIS directly)', async () => {
    const box = { minLon: 12.36, minLat: 51.33, maxLon: 12.39, maxLat: 51.35 };
    const expected = await db.prisma.$queryRaw<{ code: string }[]>`
      SELECT code FROM area WHERE level = 'DISTRICT'
         AND ST_Intersects(geom, ST_MakeEnvelope(12.36, 51.33, 12.39, 51.35, 4326)) ORDER BY code`;
    const data = await gql.data(`query($b: BoundingBoxInput!) { areas(filter: { bbox: $b, level: DISTRICT }) { nodes { code } } }`, { b: box });
    expect(data.areas.nodes.map((a: { code: string }) => a.code).sort()).toEqual(expected.map((e) => e.code));
    expect(expected.length).toBeGreaterThan(1);
  });

  it('returns touching neighbours of the same level', async () => {
    const data = await gql.data(`{ area(code: "00") { neighbours { code level } } }`);
    const codes = data.area.neighbours.map((n: { code: string }) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['01', '03', '04', '05', '06']));
    expect(codes).not.toContain('62');
    expect(new Set(data.area.neighbours.map((n: { level: string }) => n.level))).toEqual(new Set(['DISTRICT']));
  });

  it('returns geometry only on request, simplified in metres and rounded to the asked precision', async () => {
    const data = await gql.data(`{ area(code: "62") {
      full: geometry
      simple: geometry(simplify: 50, precision: 4)
      labelPoint(precision: 5)
      areaKm2
    } }`);
    const count = (g: { coordinates: number[][][][] }) => g.coordinates.flat(2).length;
    expect(data.area.full.type).toBe('MultiPolygon');
    expect(data.area.simple.type).toBe('MultiPolygon');
    expect(count(data.area.simple)).toBeLessThan(count(data.area.full));
    for (const [lon, lat] of data.area.simple.coordinates.flat(2)) {
      expect(lon).toBeCloseTo(lon, 4);
      expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
      expect(lon).toBeGreaterThan(12.2); // longitude first: the stored order is GeoJSON's, not the file's swapped one
      expect(lat).toBeGreaterThan(51.2);
    }
    expect(data.area.labelPoint.type).toBe('Point');
    expect(data.area.areaKm2).toBeGreaterThan(0.5);
    expect(data.area.areaKm2).toBeLessThan(5);
  });

  it('serves the map\'s zoom levels from geometry stored for every area, the same as simplifying on request', async () => {
    const [stored] = await db.prisma.$queryRaw<{ areas: number; levels: number; differing: number }[]>`
      SELECT count(DISTINCT a.id)::int AS areas, count(gl.*)::int AS levels,
             count(*) FILTER (WHERE NOT ST_Equals(gl.geom, area_simplify(a.geom, a.label_point, gl.tolerance_m)))::int AS differing
        FROM area a JOIN area_geometry_level gl ON gl.area_id = a.id`;
    const [withGeometry] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM area WHERE geom IS NOT NULL`;
    expect(stored).toEqual({ areas: withGeometry!.n, levels: 5 * withGeometry!.n, differing: 0 });

    // what the API returns at a stored level is the stored row (marked here), not a new computation
    const area = await db.prisma.area.findFirstOrThrow({ where: { code: '62', cityArea: { code: '14713000' } } });
    const query = `{ area(code: "62") { geometry(simplify: 15, precision: 6) } }`;
    const before = (await gql.data(query)).area.geometry;
    await db.prisma.$executeRaw`UPDATE area_geometry_level SET geom = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(1, 2), 4326), 0.5, 2))
                                  WHERE area_id = ${area.id}::int AND tolerance_m = 15`;
    try {
      const marked = (await gql.data(query)).area.geometry;
      expect(marked.coordinates.flat(2)[0]).toEqual([1.5, 2]);
      // a tolerance that is not stored is computed
      expect((await gql.data(`{ area(code: "62") { geometry(simplify: 16, precision: 6) } }`)).area.geometry.coordinates.flat(2)[0][0]).toBeGreaterThan(12);
    } finally {
      await db.prisma.$executeRaw`UPDATE area SET geom = geom WHERE id = ${area.id}::int`; // the trigger rewrites the levels
    }
    expect((await gql.data(query)).area.geometry).toEqual(before);
  });

  it('pages with cursors: stable order, no overlap, total count over all pages', async () => {
    const q = `query($after: String) { areas(first: 30, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await gql.data(q, { after });
      seen.push(...data.areas.nodes.map((n: { id: number }) => n.id));
      after = data.areas.pageInfo.hasNextPage ? data.areas.pageInfo.endCursor : null;
      expect(data.areas.totalCount).toBe(74);
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(74);
    expect(new Set(seen).size).toBe(74);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const tooMany = await gql.run(`{ areas(first: 501) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const both = await gql.run(`{ area(id: 1, code: "00") { name } }`);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tolerance = await gql.run(`{ area(code: "00") { geometry(simplify: -5) } }`);
    expect(tolerance.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'simplify' });
    const cursor = await gql.run(`{ areas(after: "garbage") { totalCount } }`);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
