import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { useSeededHttp } from '../../../test/http';

const run = promisify(execFile);
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
// A box around western Leipzig (Grünau, Lausen, Miltitz …), longitude first.
const WEST = { minLon: 12.25, minLat: 51.29, maxLon: 12.33, maxLat: 51.34 };
const westBbox = `${WEST.minLon},${WEST.minLat},${WEST.maxLon},${WEST.maxLat}`;

describe('OGC API – Features at /ogc', () => {
  // GDAL pages through whole collections several times within a minute: a generous download budget
  const { db, http } = useSeededHttp({}, { RATE_LIMIT_DOWNLOADS: '10000' });

  const get = async (path: string) => {
    const response = await fetch(`${http.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as any };
  };
  const href = (links: any[], rel: string) => links.find((l) => l.rel === rel)?.href as string | undefined;
  const dbValue = async (code: string, key: string, year: number) => {
    const [row] = await db.prisma.$queryRaw<{ value: number | null }[]>`
      SELECT v.value FROM indicator_value v JOIN area a ON a.id = v.area_id JOIN indicator i ON i.id = v.indicator_id
       WHERE a.code = ${code} AND i.key = ${key} AND v.year = ${year}`;
    return row?.value;
  };
  const publishedServiceLocations = async () => {
    const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM service s JOIN service_location sl ON sl.service_id = s.id
       WHERE s.published AND s.city_id = (SELECT id FROM area WHERE code = '14713000')`;
    return row!.n;
  };

  it('has a landing page whose links lead to the API definition, conformance and collections', async () => {
    const landing = await get('/ogc');
    expect(landing.status).toBe(200);
    expect(landing.type).toContain('application/json');
    const links = landing.body.links as any[];
    expect(href(links, 'self')).toBe(`${http.url}/ogc`);
    for (const [rel, type] of [['service-desc', 'application/vnd.oai.openapi+json'], ['conformance', 'application/json'], ['data', 'application/json']]) {
      const response = await fetch(href(links, rel)!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type!);
    }
    expect((await get('/ogc/?f=json')).status).toBe(200);
    expect((await get('/ogc?f=html')).body).toMatchObject({ parameter: 'f' });
  });

  it('declares the core, GeoJSON and OpenAPI 3.0 conformance classes and serves an OpenAPI document', async () => {
    const { body } = await get('/ogc/conformance');
    expect(body.conformsTo).toEqual(expect.arrayContaining([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    ]));
    const api = (await get('/ogc/api')).body;
    expect(api.openapi).toMatch(/^3\.0\./);
    const limit = api.paths['/collections/{collectionId}/items'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ default: 100, maximum: 1000 });
  });

  it('serves the orientation layers (stops, OSM social buildings) as point collections with the ODbL attribution', async () => {
    const { body: meta } = await get('/ogc/collections/transit-stops');
    expect(meta).toMatchObject({ id: 'transit-stops', attribution: '© OpenStreetMap contributors (ODbL 1.0)', licence: 'ODbL 1.0' });
    const { status, body } = await get(`/ogc/collections/transit-stops/items?bbox=${westBbox}&limit=1000`);
    expect(status).toBe(200);
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM transit_stop WHERE geom && ST_MakeEnvelope(${WEST.minLon}, ${WEST.minLat}, ${WEST.maxLon}, ${WEST.maxLat}, 4326)`;
    expect(body.numberMatched).toBe(n);
    expect(body.features.length).toBe(Math.min(n, 1000));
    const first = body.features[0];
    expect(first.geometry.type).toBe('Point');
    expect(first.properties).toMatchObject({ mode: expect.stringMatching(/^(TRAM|BUS|TRAIN)$/), osm_id: expect.stringMatching(/^node\//) });
    const { body: one } = await get(`/ogc/collections/transit-stops/items/${first.id}`);
    expect(one.properties.osm_id).toBe(first.properties.osm_id);
    const { body: buildings } = await get('/ogc/collections/social-buildings/items?limit=5');
    expect(buildings.features[0].properties).toHaveProperty('amenity');
    expect((await get('/ogc/collections/social-buildings/items/x1')).status).toBe(404);
  });

  it('describes the collections with extent, CRS84, attribution and items links', async () => {
    const { body } = await get('/ogc/collections');
    expect(body.collections.map((c: any) => c.id)).toEqual(['districts', 'boroughs', 'city', 'services', 'transit-stops', 'social-buildings']);
    const districts = body.collections[0];
    expect(districts.crs).toEqual([CRS84]);
    const [minLon, minLat, maxLon, maxLat] = districts.extent.spatial.bbox[0];
    // Leipzig, longitude first.
    expect(minLon).toBeGreaterThan(12.1);
    expect(maxLon).toBeLessThan(12.7);
    expect(minLat).toBeGreaterThan(51.2);
    expect(maxLat).toBeLessThan(51.5);
    expect(districts.extent.temporal.interval[0][1]).toMatch(/^\d{4}-12-31T/);
    expect(districts.attribution).toContain('Stadt Leipzig');
    expect(districts.indicators.map((i: any) => i.key)).toContain('sgb2_rate');
    const items = districts.links.find((l: any) => l.rel === 'items');
    expect(items).toMatchObject({ type: 'application/geo+json', href: `${http.url}/ogc/collections/districts/items` });
    expect((await get('/ogc/collections/services')).body.attribution).toContain('Demo-Daten');
    expect((await get('/ogc/collections/nope')).status).toBe(404);
  });

  it('pages through all 63 districts with next/prev links, numberMatched and numberReturned', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${http.url}/ogc/collections/districts/items?limit=25`;
    let pages = 0;
    while (url) {
      const response = await fetch(url);
      expect(response.headers.get('content-type')).toContain('application/geo+json');
      const page = (await response.json()) as any;
      expect(page.type).toBe('FeatureCollection');
      expect(page.numberMatched).toBe(63);
      expect(page.numberReturned).toBe(page.features.length);
      if (pages > 0) expect(href(page.links, 'prev')).toBeDefined();
      seen.push(...page.features.map((f: any) => f.id));
      url = href(page.links, 'next');
      pages++;
    }
    expect(pages).toBe(3);
    const codes = await db.prisma.area.findMany({ where: { level: 'DISTRICT', cityArea: { code: '14713000' } }, select: { code: true }, orderBy: { code: 'asc' } });
    expect(seen).toEqual(codes.map((c) => c.code));

    const first = (await get('/ogc/collections/districts/items')).body;
    expect(first.numberReturned).toBe(63); // default limit 100
    expect(href(first.links, 'next')).toBeUndefined();
    // limit above 1000 is capped (the links then carry limit=1000), not refused.
    const capped = await get('/ogc/collections/services/items?limit=5000&offset=100');
    expect(capped.status).toBe(200);
    expect(capped.body.numberReturned).toBe(Math.min(1000, capped.body.numberMatched - 100));
    expect(href(capped.body.links, 'prev')).toBe(`${http.url}/ogc/collections/services/items?limit=1000`);
    expect((await get('/ogc/collections/boroughs/items')).body.numberMatched).toBe(10);
    expect((await get('/ogc/collections/city/items')).body.numberMatched).toBe(1);
  });

  it('filters by bbox with the same result as PostGIS, geometry in lon/lat order', async () => {
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM area
       WHERE level = 'DISTRICT' AND ST_Intersects(geom, ST_MakeEnvelope(${WEST.minLon}, ${WEST.minLat}, ${WEST.maxLon}, ${WEST.maxLat}, 4326))`;
    const { body } = await get(`/ogc/collections/districts/items?bbox=${westBbox}`);
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(63);
    expect(body.numberMatched).toBe(n);
    expect(body.features.map((f: any) => f.properties.name)).toContain('Grünau-Mitte');
    const [lon, lat] = body.features[0].geometry.coordinates[0][0][0];
    expect(lon).toBeGreaterThan(12);
    expect(lon).toBeLessThan(13);
    expect(lat).toBeGreaterThan(51);
    expect(lat).toBeLessThan(52);

    const [{ s }] = await db.prisma.$queryRaw<{ s: number }[]>`
      SELECT count(*)::int AS s FROM service sv JOIN service_location sl ON sl.service_id = sv.id JOIN location l ON l.id = sl.location_id
       WHERE sv.published AND ST_Intersects(l.geom, ST_MakeEnvelope(${WEST.minLon}, ${WEST.minLat}, ${WEST.maxLon}, ${WEST.maxLat}, 4326))`;
    const services = (await get(`/ogc/collections/services/items?bbox=${westBbox}&limit=1000`)).body;
    expect(services.numberMatched).toBe(s);
    expect(services.features.every((f: any) => {
      const [x, y] = f.geometry.coordinates;
      return x >= WEST.minLon && x <= WEST.maxLon && y >= WEST.minLat && y <= WEST.maxLat;
    })).toBe(true);
  });

  it('puts the chosen indicators of the chosen year as properties, equal to the database', async () => {
    const { body } = await get('/ogc/collections/districts/items?indicators=sgb2_rate,population&datetime=2022');
    const gruenau = body.features.find((f: any) => f.id === '62');
    expect(gruenau.properties).toMatchObject({
      code: '62',
      sgb2_rate: await dbValue('62', 'sgb2_rate', 2022),
      sgb2_rate_status: 'REGULAR',
      sgb2_rate_year: 2022,
      population: await dbValue('62', 'population', 2022),
    });
    expect(body.indicators.map((i: any) => i.key)).toEqual(['sgb2_rate', 'population']);

    // year= is an alias; an interval takes the latest year inside it; an RFC 3339 instant its year.
    const byYear = (await get('/ogc/collections/districts/items/62?indicators=sgb2_rate&year=2020')).body;
    expect(byYear.properties.sgb2_rate).toBe(await dbValue('62', 'sgb2_rate', 2020));
    expect((await get('/ogc/collections/districts/items/62?indicators=sgb2_rate&datetime=2019/2021')).body.properties.sgb2_rate_year).toBe(2021);
    expect((await get('/ogc/collections/districts/items/62?indicators=sgb2_rate&datetime=../2018')).body.properties.sgb2_rate_year).toBe(2018);
    expect((await get('/ogc/collections/districts/items/62?indicators=sgb2_rate&datetime=2021-06-30T12:00:00Z')).body.properties.sgb2_rate_year).toBe(2021);

    // Default: population of the latest year.
    const [{ latest }] = await db.prisma.$queryRaw<{ latest: number }[]>`
      SELECT max(v.year) AS latest FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.key = 'population'`;
    const plain = (await get('/ogc/collections/boroughs/items')).body.features[0];
    expect(plain.properties.population_year).toBe(latest);
    expect(plain.properties.population).toBe(await dbValue(plain.id, 'population', latest));
  });

  it('serves single features and 404 for unknown ones', async () => {
    const feature = await get('/ogc/collections/districts/items/62');
    expect(feature.type).toContain('application/geo+json');
    expect(feature.body).toMatchObject({ type: 'Feature', id: '62', properties: { name: 'Grünau-Mitte' } });
    expect(feature.body.geometry.type).toBe('MultiPolygon');
    const page = (await get('/ogc/collections/services/items?limit=1')).body;
    const service = await get(`/ogc/collections/services/items/${page.features[0].id}`);
    expect(service.body).toMatchObject({ type: 'Feature', id: page.features[0].id, geometry: { type: 'Point' } });
    expect((await get('/ogc/collections/districts/items/nope')).status).toBe(404);
    expect((await get('/ogc/collections/services/items/1')).status).toBe(404);
  });

  it('serves one feature per published service location, with category, status and datetime filters', async () => {
    const all = (await get('/ogc/collections/services/items?limit=1')).body;
    expect(all.numberMatched).toBe(await publishedServiceLocations());
    expect(Object.keys(all.features[0].properties)).toEqual(expect.arrayContaining(['name', 'category', 'provider', 'capacity', 'status', 'demo_data']));

    const dayCare = (await get('/ogc/collections/services/items?category=day_care&status=ACTIVE&limit=1000')).body;
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM service s JOIN service_category c ON c.id = s.category_id JOIN service_location sl ON sl.service_id = s.id
       WHERE s.published AND c.key = 'day_care' AND s.status = 'ACTIVE' AND s.city_id = (SELECT id FROM area WHERE code = '14713000')`;
    expect(dayCare.numberMatched).toBe(n);
    expect(dayCare.features.every((f: any) => f.properties.category === 'day_care')).toBe(true);

    const [{ running }] = await db.prisma.$queryRaw<{ running: number }[]>`
      SELECT count(*)::int AS running FROM service s JOIN service_location sl ON sl.service_id = s.id
       WHERE s.published AND (s.start_date IS NULL OR s.start_date <= DATE '2016-12-31') AND (s.end_date IS NULL OR s.end_date >= DATE '2016-01-01')
         AND s.city_id = (SELECT id FROM area WHERE code = '14713000')`;
    expect((await get('/ogc/collections/services/items?datetime=2016&limit=1')).body.numberMatched).toBe(running);
  });

  it('answers bad parameters with 400 and the parameter name', async () => {
    const cases: [string, string][] = [
      ['bbox=12.2,51.3,12.3', 'bbox'],
      ['bbox=a,b,c,d', 'bbox'],
      ['bbox=51.3,12.2,51.4,12.3,1', 'bbox'],
      ['bbox=12.3,51.3,12.2,51.4', 'bbox'],
      ['bbox=200,0,210,10', 'bbox'],
      ['bbox-crs=EPSG:25833&bbox=1,2,3,4', 'bbox-crs'],
      ['crs=EPSG:4326', 'crs'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-5', 'offset'],
      ['indicators=nope', 'indicators'],
      ['indicators=x;DROP TABLE area', 'indicators'],
      ['datetime=2022-02-30', 'datetime'],
      ['datetime=2023/2020', 'datetime'],
      ['year=20', 'year'],
      ['year=2020&datetime=2020', 'year'],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(`/ogc/collections/districts/items?${query}`);
      expect({ query, status: response.status, parameter: response.body.parameter }).toEqual({ query, status: 400, parameter });
    }
    expect((await get('/ogc/collections/services/items?status=OPEN')).body).toMatchObject({ parameter: 'status' });
  });

  it('keeps suppressed values out', async () => {
    const [row] = await db.prisma.$queryRaw<{ value: number }[]>`
      UPDATE indicator_value SET status = 'SUPPRESSED', base_status = 'SUPPRESSED'
       WHERE area_id = (SELECT id FROM area WHERE code = '35')
         AND indicator_id = (SELECT id FROM indicator WHERE key = 'unemployed') AND year = 2020
      RETURNING value`;
    expect(row!.value).not.toBeNull();
    const response = await fetch(`${http.url}/ogc/collections/districts/items/35?indicators=unemployed&datetime=2020`);
    const text = await response.text();
    const feature = JSON.parse(text);
    expect(feature.properties).toMatchObject({ unemployed: null, unemployed_status: 'SUPPRESSED', unemployed_year: 2020 });
    expect(text).not.toMatch(new RegExp(`"unemployed":\\s*${row!.value}\\b`));
    const list = (await get('/ogc/collections/districts/items?indicators=unemployed&datetime=2020')).body;
    expect(list.features.find((f: any) => f.id === '35').properties.unemployed).toBeNull();
  });

  describe("GDAL's own client (ogrinfo, OAPIF driver)", () => {
    // Debian's gdal-bin; CI installs it. Never skipped: a missing ogrinfo fails with instructions.
    const gdalEnv = { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', GDAL_HTTP_TIMEOUT: '60', CPL_DEBUG: 'OFF' };
    delete gdalEnv.http_proxy;
    delete gdalEnv.HTTP_PROXY;
    const ogrinfo = async (...args: string[]) => {
      const { stdout } = await run('ogrinfo', args, { env: gdalEnv, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      return stdout;
    };
    const features = (output: string, layer: string) => output.split('\n').filter((l) => l.startsWith(`OGRFeature(${layer}):`)).length;

    beforeAll(async () => {
      try {
        await run('ogrinfo', ['--version']);
      } catch (error) {
        throw new Error(`ogrinfo (GDAL) is not on PATH: install Debian's gdal-bin (apt-get install gdal-bin), as CI does. (${(error as Error).message})`);
      }
    });

    it('lists the collections and reads all 63 districts through the paging links', async () => {
      const url = `OAPIF:${http.url}/ogc`;
      const layers = await ogrinfo('-ro', '-so', url);
      for (const name of ['districts', 'boroughs', 'city', 'services']) expect(layers).toMatch(new RegExp(`\\d+: ${name} \\(title: `));

      const summary = await ogrinfo('-ro', '-so', `${url}?indicators=sgb2_rate&datetime=2022`, 'districts');
      expect(summary).toContain('Geometry: Multi Polygon');
      expect(summary).toContain('Feature Count: 63');
      expect(summary).toMatch(/Extent: \(12\.\d+, 51\.\d+\) - \(12\.\d+, 51\.\d+\)/);
      expect(summary).toContain('sgb2_rate: Real'); // from the JSON Schema, not guessed from the first page

      // GDAL's default page size is 10: this follows six "next" links.
      const all = await ogrinfo('-ro', '-q', '-geom=NO', `${url}?indicators=sgb2_rate&datetime=2022`, 'districts');
      expect(features(all, 'districts')).toBe(63);
      const gruenau = all.split('OGRFeature(districts):').find((block) => /code \(String\) = 62\n/.test(block))!;
      expect(gruenau).toContain(`sgb2_rate (Real) = ${await dbValue('62', 'sgb2_rate', 2022)}`);
    });

    it('reads every service location and applies a spatial filter as bbox', async () => {
      const url = `OAPIF:${http.url}/ogc`;
      const all = await ogrinfo('-ro', '-q', '-geom=NO', '-oo', 'PAGE_SIZE=200', url, 'services');
      expect(features(all, 'services')).toBe(await publishedServiceLocations());

      const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM area
         WHERE level = 'DISTRICT' AND ST_Intersects(geom, ST_MakeEnvelope(${WEST.minLon}, ${WEST.minLat}, ${WEST.maxLon}, ${WEST.maxLat}, 4326))`;
      const spatial = await ogrinfo('-ro', '-q', '-geom=NO', '-spat', ...westBbox.split(','), url, 'districts');
      // GDAL sends the box as bbox and then also tests each geometry itself; both agree with PostGIS.
      expect(features(spatial, 'districts')).toBe(n);
    });
  });
});
