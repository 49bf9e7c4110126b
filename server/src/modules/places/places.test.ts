import { useSeededGraphQL } from '../../../test/graphql';

describe('orientation layers: transit stops and OSM social buildings', () => {
  const { db, gql } = useSeededGraphQL();

  it('holds the shipped stops per mode, each with its Ortsteil', async () => {
    const rows = await db.prisma.$queryRaw<{ mode: string; n: number; inside: number }[]>`
      SELECT mode::text, count(*)::int AS n, count(area_id)::int AS inside FROM transit_stop GROUP BY mode ORDER BY mode`;
    // tram 520 and train 49 as published; bus 1,256 less the elements without coordinates or outside Leipzig (see the import report)
    expect(rows.find((r) => r.mode === 'TRAM')!.n).toBe(520);
    expect(rows.find((r) => r.mode === 'TRAIN')!.n).toBe(49);
    expect(rows.find((r) => r.mode === 'BUS')!.n).toBeGreaterThan(1_100);
    const { transitStops } = await gql.data(`{ transitStops(modes: [TRAM]) { name mode lon lat osmId area { level } } }`);
    expect(transitStops).toHaveLength(520);
    expect(transitStops.every((s: { mode: string }) => s.mode === 'TRAM')).toBe(true);
    expect(transitStops.find((s: { name: string }) => s.name === 'Sportforum Süd')).toMatchObject({ osmId: 'node/26080888', area: { level: 'DISTRICT' } });
  });

  it('filters stops by area and bounding box', async () => {
    const zentrum = await db.prisma.area.findFirstOrThrow({ where: { name: 'Zentrum', level: 'DISTRICT', cityArea: { code: '14713000' } } });
    const { transitStops: inZentrum } = await gql.data(`query($id: Int!) { transitStops(filter: { areaId: $id }) { area { name } } }`, { id: zentrum.id });
    expect(inZentrum.length).toBeGreaterThan(0);
    expect(inZentrum.every((s: { area: { name: string } }) => s.area.name === 'Zentrum')).toBe(true);
    const { transitStops: inBox } = await gql.data(`{ transitStops(filter: { bbox: [12.37, 51.335, 12.38, 51.345] }) { lon lat } }`);
    expect(inBox.length).toBeGreaterThan(0);
    expect(inBox.every((s: { lon: number; lat: number }) => s.lon >= 12.37 && s.lon <= 12.38 && s.lat >= 51.335 && s.lat <= 51.345)).toBe(true);
    const bad = await gql.run(`{ transitStops(filter: { bbox: [12.4, 51.3, 12.3, 51.4] }) { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('social buildings: de-duplicated OSM ways, filtered by amenity', async () => {
    const [{ n, ways }] = await db.prisma.$queryRaw<{ n: number; ways: number }[]>`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ways FROM social_building`;
    expect(n).toBe(ways);
    const { socialBuildings } = await gql.data(`{ socialBuildings(amenities: ["social_facility"]) { amenity name lon lat area { name } } }`);
    expect(socialBuildings.length).toBeGreaterThan(10);
    expect(socialBuildings.every((b: { amenity: string }) => b.amenity === 'social_facility')).toBe(true);
  });

  it('gives each accessibility demand point the distance to its nearest stop, as PostGIS measures it', async () => {
    const { accessibility } = await gql.data(`{
      accessibility(category: "day_care", year: 2023, demand: LABEL_POINTS, points: true) {
        points { lon lat nearestStopMeters(modes: [TRAM]) all: nearestStopMeters }
      }
    }`);
    const points = accessibility.points as { lon: number; lat: number; nearestStopMeters: number; all: number }[];
    expect(points.length).toBeGreaterThan(50);
    for (const p of points.slice(0, 5)) {
      const [{ m }] = await db.prisma.$queryRaw<{ m: number }[]>`
        SELECT min(ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(${p.lon}::float8, ${p.lat}::float8), 4326)::geography)) AS m
          FROM transit_stop WHERE mode = 'TRAM'`;
      expect(Math.abs(p.nearestStopMeters - m)).toBeLessThanOrEqual(Math.max(2, m * 0.01));
      expect(p.all).toBeLessThanOrEqual(p.nearestStopMeters);
    }
  });
});

