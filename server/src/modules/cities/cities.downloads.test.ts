import { parse } from 'csv-parse/sync';
import { useSeededHttp } from '../../../test/http';

// /export and /ogc per city: `city` (or `stadt`) by key or AGS; without it the default city, as before.
describe('downloads per city', () => {
  const { http } = useSeededHttp();
  const get = async (path: string) => {
    const response = await fetch(`${http.url}${path}`);
    return { status: response.status, body: (await response.json()) as any };
  };

  it('/export/areas: Leipzig by default, Chemnitz with stadt=chemnitz or city=14511000', async () => {
    const leipzig = await get('/export/areas.geojson?level=DISTRICT&indicators=population&years=2022');
    const chemnitz = await get('/export/areas.geojson?level=DISTRICT&indicators=population&years=2022&stadt=chemnitz');
    const byAgs = await get('/export/areas.geojson?level=DISTRICT&indicators=population&years=2022&city=14511000');
    expect(leipzig.body.features).toHaveLength(63);
    expect(chemnitz.body.features).toHaveLength(39);
    expect(byAgs.body.features.map((f: any) => f.properties.code)).toEqual(chemnitz.body.features.map((f: any) => f.properties.code));
    expect(chemnitz.body.features.find((f: any) => f.properties.code === '01').properties.name).toBe('Zentrum');
    // no statistics per Stadtteil: the value is missing, never filled in
    expect(chemnitz.body.features.every((f: any) => f.properties.population_2022 === null)).toBe(true);
  });

  it('/export/services.csv of Chemnitz lists its day-care centres only', async () => {
    const csv = await (await fetch(`${http.url}/export/services.csv?categories=day_care&stadt=chemnitz`)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(241);
    expect(rows.every((r) => r.city === 'Chemnitz')).toBe(true);
  });

  it('an unknown city is a 400 naming the parameter', async () => {
    const response = await get('/export/areas.geojson?level=DISTRICT&indicators=population&years=2022&stadt=gera');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('stadt');
    const ogc = await get('/ogc/collections/districts/items?city=gera');
    expect(ogc.status).toBe(400);
  });

  it('/ogc items per city, with the city carried into the next link; a Stadtteil by code in its city', async () => {
    const page = await get('/ogc/collections/districts/items?stadt=chemnitz&limit=10');
    expect(page.status).toBe(200);
    expect(page.body.numberMatched).toBe(39);
    const next = page.body.links.find((l: any) => l.rel === 'next').href as string;
    expect(next).toContain('stadt=chemnitz');
    const leipzig = await get('/ogc/collections/districts/items?limit=1');
    expect(leipzig.body.numberMatched).toBe(63);
    const one = await get('/ogc/collections/districts/items/01?stadt=chemnitz');
    expect(one.body.properties.name).toBe('Zentrum');
    const services = await get('/ogc/collections/services/items?category=day_care&city=chemnitz&limit=1');
    expect(services.body.numberMatched).toBe(241);
  });
});
