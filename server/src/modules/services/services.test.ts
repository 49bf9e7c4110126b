import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anonymousCaller, type Caller } from '../auth/caller';
import { useSeededGraphQL } from '../../../test/graphql';
import { nearBox } from './service.sql';

const planner: Caller = { ...anonymousCaller, role: 'PLANNER', canSeeUnpublished: true };
const kitaFile = path.resolve(__dirname, '../../../../seed/data/leipzig/leipzig-kitas.json');

describe('services API on the Leipzig data', () => {
  const statements: string[] = [];
  const { db, gql } = useSeededGraphQL({ onQuery: (sql) => statements.push(sql) });

  const areaId = async (code: string) => (await db.prisma.area.findFirstOrThrow({ where: { code, cityArea: { code: '14713000' } } })).id;

  it('lists all 362 day-care centres of the source file', async () => {
    const kitas = JSON.parse(readFileSync(kitaFile, 'utf8')) as unknown[];
    const data = await gql.data(`{ services(filter: { categoryKeys: ["day_care"] }) { totalCount } }`);
    expect(kitas).toHaveLength(362);
    expect(data.services.totalCount).toBe(362);
    expect(await db.prisma.service.count({ where: { category: { key: 'day_care' }, city: { code: '14713000' } } })).toBe(362);
  });

  it('lists the category taxonomy with norms and their target indicator', async () => {
    const data = await gql.data(`{ serviceCategories { key name nameEn norm { capacityPer1000 zoneRadiiM zoneWeights targetIndicator { key } } } }`);
    expect(data.serviceCategories.map((c: { key: string }) => c.key)).toEqual([...data.serviceCategories.map((c: { key: string }) => c.key)].sort());
    const dayCare = data.serviceCategories.find((c: { key: string }) => c.key === 'day_care');
    expect(dayCare).toMatchObject({ name: 'Kindertagesstätte', norm: { capacityPer1000: 38.5, zoneRadiiM: [500, 1000, 1500], zoneWeights: [1, 0.68, 0.22] } });
    expect(dayCare.norm.targetIndicator.key).toBe('population');
  });

  it('filters by area spatially: day care in Grünau-Mitte and in the borough West match a PostGIS count', async () => {
    for (const code of ['62', '6']) {
      const [expected] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT s.id)::int AS n
          FROM area a, location l, service_location sl, service s, service_category c
         WHERE a.code = ${code} AND a.city_id = (SELECT id FROM area WHERE code = '14713000') AND ST_Within(l.geom, a.geom) AND sl.location_id = l.id AND s.id = sl.service_id
           AND c.id = s.category_id AND c.key = 'day_care'`;
      const data = await gql.data(`query($a: Int!) { services(filter: { categoryKeys: ["day_care"], areaId: $a }, first: 500) { totalCount nodes { id } } }`, {
        a: await areaId(code),
      });
      expect(expected!.n).toBeGreaterThan(0);
      expect(data.services.totalCount).toBe(expected!.n);
      expect(data.services.nodes).toHaveLength(expected!.n);
    }
  });

  it('finds services within a radius by geodesic distance, and only those', async () => {
    const centre = { lon: 12.3731, lat: 51.3397 }; // Markt, Leipzig
    const expected = await db.prisma.$queryRaw<{ id: number }[]>`
      SELECT sl.service_id AS id FROM service_location sl JOIN location l ON l.id = sl.location_id
       GROUP BY sl.service_id
      HAVING min(ST_Distance(l.geom::geography, ST_GeogFromText('SRID=4326;POINT(12.3731 51.3397)'))) <= 1000
       ORDER BY 1`;
    const data = await gql.data(`query($n: NearInput!) { services(filter: { near: $n }, first: 500) { nodes { id } } }`, {
      n: { ...centre, radiusM: 1000 },
    });
    expect(expected.length).toBeGreaterThan(5);
    expect(data.services.nodes.map((s: { id: number }) => s.id)).toEqual(expected.map((e) => e.id));
  });

  it('prefilters `near` by a box that holds every point at the radius, on the spheroid, at any latitude', async () => {
    for (const lat of [-80, -51.34, 0, 23.5, 51.34, 70, 87]) {
      for (const radiusM of [1, 1000, 99_999]) {
        const box = nearBox(12.37, lat, radiusM);
        // points at the radius every 15°, computed by PostGIS on WGS 84
        const [row] = await db.prisma.$queryRaw<{ outside: number }[]>`
          SELECT count(*) FILTER (WHERE NOT ST_Covers(ST_MakeEnvelope(${box!.minLon}::float8, ${box!.minLat}::float8, ${box!.maxLon}::float8, ${box!.maxLat}::float8, 4326), p))::int AS outside
            FROM (SELECT ST_Project(ST_SetSRID(ST_MakePoint(12.37, ${lat}::float8), 4326)::geography, ${radiusM}::float8, radians(az))::geometry AS p
                    FROM generate_series(0, 345, 15) az) points`;
        expect(row!.outside).toBe(0);
      }
    }
    expect(nearBox(12.37, 88.5, 99_999)).toBeUndefined(); // would reach a pole: geodesic test only
    expect(nearBox(179.9, 51, 10_000)).toBeUndefined(); // would cross the antimeridian
  });

  it('sends `near` with the indexable box before the geodesic test', async () => {
    statements.length = 0;
    await gql.data(`{ services(filter: { near: { lon: 12.3731, lat: 51.3397, radiusM: 500 } }) { totalCount } }`);
    expect(statements.some((sql) => /l\.geom && ST_MakeEnvelope\(.*\) AND ST_DWithin\(l\.geom::geography/s.test(sql))).toBe(true);
  });

  it('refuses a radius of 0 or 100 km with BAD_USER_INPUT naming the argument', async () => {
    for (const radiusM of [0, 100_000]) {
      const result = await gql.run(`query($n: NearInput!) { services(filter: { near: $n }) { totalCount } }`, {
        n: { lon: 12.37, lat: 51.34, radiusM },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.near.radiusM' });
    }
  });

  it('combines category, target group, status and bounding box with AND', async () => {
    const [expected] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM service s JOIN service_category c ON c.id = s.category_id
       WHERE c.key IN ('senior_meeting', 'youth_club') AND 'SENIORS' = ANY(s.target_groups) AND s.status = 'ACTIVE'
         AND s.id IN (SELECT sl.service_id FROM service_location sl JOIN location l ON l.id = sl.location_id
                       WHERE ST_X(l.geom) BETWEEN 12.2 AND 12.4 AND ST_Y(l.geom) BETWEEN 51.2 AND 51.4)`;
    const data = await gql.data(`{ services(filter: {
      categoryKeys: ["senior_meeting", "youth_club"], targetGroups: [SENIORS], statuses: [ACTIVE],
      bbox: { minLon: 12.2, minLat: 51.2, maxLon: 12.4, maxLat: 51.4 } }) { totalCount nodes { targetGroups category { key } } } }`);
    expect(data.services.totalCount).toBe(expected!.n);
    expect(expected!.n).toBeGreaterThan(0);
    for (const s of data.services.nodes) expect(s.targetGroups).toContain('SENIORS');
  });

  it('returns a service with its category, provider, locations, point, area, dates and opening hours', async () => {
    const svc = await db.prisma.service.findFirstOrThrow({ where: { category: { key: 'youth_club' } }, orderBy: { id: 'asc' } });
    const data = await gql.data(`query($id: Int!) { service(id: $id) {
      name startDate capacity capacityUnit openingHours accessibility
      category { key } provider { name kind } source { key synthetic }
      locations { street city point(precision: 5) area { level name } services { id } }
    } }`, { id: svc.id });
    const s = data.service;
    expect(s.name).toBe(svc.name);
    expect(s.startDate).toBe('2015-01-01');
    expect(s.capacityUnit).toBe('PLACES');
    expect(s.openingHours[0]).toEqual({ day: 'MONDAY', opens: '14:00', closes: '20:00' });
    expect(s.category.key).toBe('youth_club');
    expect(s.provider.name).toMatch(/\(Demo\)$/);
    expect(s.source).toEqual({ key: 'demo', synthetic: true });
    expect(s.locations[0].point.type).toBe('Point');
    expect(s.locations[0].area.level).toBe('DISTRICT');
    expect(s.locations[0].services.map((x: { id: number }) => x.id)).toContain(svc.id);
  });

  it('shows the shared house in Grünau-Mitte with its three services', async () => {
    const loc = await db.prisma.location.findFirstOrThrow({ where: { name: { startsWith: 'Haus der sozialen Dienste' } }, include: { services: true } });
    const svc = loc.services[0]!.serviceId;
    const data = await gql.data(`query($id: Int!) { service(id: $id) { locations { name area { name } services { category { key } } } } }`, { id: svc });
    const house = data.service.locations[0];
    expect(house.area.name).toBe('Grünau-Mitte');
    // counselling and senior_meeting have real services, so the demo house holds the next demo categories
    expect(house.services.map((s: { category: { key: string } }) => s.category.key).sort()).toEqual(['low_threshold', 'outpatient_help', 'youth_club']);
  });

  it('counts services per category for two areas in one query, equal to the services filter', async () => {
    const ids = [await areaId('62'), await areaId('6')];
    statements.length = 0;
    const data = await gql.data(`{ areas(filter: { codes: ["62", "6"] }) { nodes { id
      serviceStats { category { key } services capacity capacityUnit servicesWithoutCapacity } } } }`);
    const statsStatements = statements.filter((s) => /ST_Covers\(a\.geom, l\.geom\)/.test(s)).length;
    expect(statsStatements).toBe(1);
    for (const area of data.areas.nodes) {
      expect(ids).toContain(area.id);
      // The demo data gives no location shares: a service's capacity is split evenly over its
      // locations, so the area gets capacity × (its locations inside) / (all its locations).
      expect(await db.prisma.serviceLocation.count({ where: { share: { not: null } } })).toBe(0);
      const expected = await db.prisma.$queryRaw<{ key: string; n: number; cap: number | null; missing: number }[]>`
        WITH per AS (
          SELECT s.id, s.category_id, s.capacity, count(*) AS all_locations,
                 count(*) FILTER (WHERE ST_Intersects(a.geom, l.geom)) AS inside
            FROM service s JOIN service_location sl ON sl.service_id = s.id JOIN location l ON l.id = sl.location_id
            JOIN area a ON a.id = ${area.id}::int
           WHERE s.status = 'ACTIVE' GROUP BY s.id
        )
        SELECT c.key, count(*)::int AS n, sum(p.capacity * p.inside / p.all_locations)::float8 AS cap,
               count(*) FILTER (WHERE p.capacity IS NULL)::int AS missing
          FROM per p JOIN service_category c ON c.id = p.category_id
         WHERE p.inside > 0
         GROUP BY c.key ORDER BY c.key`;
      expect(expected.length).toBeGreaterThan(0);
      expect(area.serviceStats.map((x: any) => [x.category.key, x.services, x.capacity, x.servicesWithoutCapacity])).toEqual(
        expected.map((e) => [e.key, e.n, e.cap, e.missing]),
      );
      const dayCare = area.serviceStats.find((x: any) => x.category.key === 'day_care');
      const list = await gql.data(`query($a: Int!) { services(filter: { areaId: $a, categoryKeys: ["day_care"], statuses: [ACTIVE] }) { totalCount } }`, { a: area.id });
      expect(dayCare.services).toBe(list.services.totalCount);
      expect(dayCare.capacity).toBeNull();
      expect(dayCare.servicesWithoutCapacity).toBe(dayCare.services);
    }
  });

  it('gives the same counts and capacities per category as the coverage analysis, so a printed profile agrees with itself', async () => {
    const id = await areaId('62');
    const data = await gql.data(`query($id: Int!) { area(id: $id) { serviceStats { category { key } services capacity } }
      coverage(year: 2022, level: DISTRICT) { rows { area { id } category services capacity } } }`, { id });
    const coverage = new Map(data.coverage.rows.filter((r: any) => r.area?.id === id).map((r: any) => [r.category, r]));
    const withCapacity = data.area.serviceStats.filter((x: any) => x.capacity !== null);
    expect(withCapacity.length).toBeGreaterThan(0);
    for (const stat of withCapacity) {
      expect(coverage.get(stat.category.key)).toMatchObject({ services: stat.services, capacity: expect.closeTo(stat.capacity, 6) });
    }
  });

  it('hides unpublished services from anonymous callers but not from planners', async () => {
    const svc = await db.prisma.service.findFirstOrThrow({ where: { category: { key: 'counselling' } }, orderBy: { id: 'asc' } });
    await db.prisma.service.update({ where: { id: svc.id }, data: { published: false } });
    try {
      const q = `query($id: Int!) { service(id: $id) { id published } services(filter: { categoryKeys: ["counselling"] }) { totalCount } }`;
      const total = await db.prisma.service.count({ where: { category: { key: 'counselling' } } });
      const anonymous = await gql.data(q, { id: svc.id });
      expect(anonymous.service).toBeNull();
      expect(anonymous.services.totalCount).toBe(total - 1);
      const internal = await gql.data(q, { id: svc.id }, planner);
      expect(internal.service).toEqual({ id: svc.id, published: false });
      expect(internal.services.totalCount).toBe(total);
    } finally {
      await db.prisma.service.update({ where: { id: svc.id }, data: { published: true } });
    }
  });

  it('runs the same number of SQL statements for 5 and for 50 services with nested relations', async () => {
    const q = `query($n: Int!) { services(first: $n, filter: { categoryKeys: ["youth_club", "senior_meeting", "day_care", "counselling"] }) { nodes {
      id openingHours category { key norm { targetIndicator { key } } } provider { name services { id } } source { key }
      fundings(fromYear: 2020) { amount } locations { point area { name parent { name } } services { id } }
    } } }`;
    const count = async (n: number) => {
      statements.length = 0;
      const data = await gql.data(q, { n });
      expect(data.services.nodes).toHaveLength(n);
      return statements.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(14);
  });
});
