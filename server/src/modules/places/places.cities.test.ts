import { useSeededGraphQL } from '../../../test/graphql';
import { useSeededHttp } from '../../../test/http';

// Orientation layers per city, each with its own source: Leipzig's from OpenStreetMap, Chemnitz's
// schools from the city's open data (seed/data/chemnitz/city.json, `places`).
describe('place layers per city', () => {
  const { db, gql } = useSeededGraphQL();

  it('Chemnitz: its 139 schools, attributed to the city, not to OpenStreetMap; Leipzig by default unchanged', async () => {
    const data = await gql.data(`{
      schools: socialBuildings(amenities: ["school"], filter: { city: "chemnitz" }) { name amenity area { name parent { name } } source { key licence attribution } }
      chemnitzStops: transitStops(filter: { city: "chemnitz" }) { id }
      leipzig: socialBuildings { source { key } area { name } }
      leipzigByKey: socialBuildings(filter: { city: "leipzig" }) { id }
      stops: transitStops(modes: [TRAM]) { source { key } }
    }`);
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM social_building`;
    expect(data.schools).toHaveLength(139);
    expect(data.schools.every((s: any) => s.amenity === 'school' && s.area.parent.name === 'Chemnitz')).toBe(true);
    expect(new Set(data.schools.map((s: any) => s.source.key))).toEqual(new Set(['chemnitz-opendata']));
    expect(data.schools[0].source.licence).toBe('Datenlizenz Deutschland – Namensnennung 2.0');
    expect(data.schools[0].source.attribution).not.toMatch(/OpenStreetMap/);
    expect(data.chemnitzStops).toEqual([]);
    // the default city: Leipzig's OSM buildings only, as before Chemnitz's schools were imported
    expect(data.leipzig).toHaveLength(n - 139);
    expect(data.leipzigByKey).toHaveLength(n - 139);
    expect(data.leipzig.every((b: any) => b.source.key !== 'chemnitz-opendata')).toBe(true);
    expect(data.stops.every((s: any) => /osm/.test(s.source.key))).toBe(true);
  });

  it('City.placeLayers lists each layer with its source and count', async () => {
    const data = await gql.data(`{ cities { key placeLayers { collection amenities count source { key } } } }`);
    const [leipzig, chemnitz] = data.cities;
    expect(chemnitz.placeLayers).toEqual([{ collection: 'social-buildings', amenities: ['school'], count: 139, source: { key: 'chemnitz-opendata' } }]);
    expect(leipzig.placeLayers.map((l: any) => l.collection)).toEqual(expect.arrayContaining(['transit-stops', 'social-buildings']));
    expect(leipzig.placeLayers.every((l: any) => l.source.key !== 'chemnitz-opendata')).toBe(true);
  });
});

describe('place collections per city (OGC)', () => {
  const { http } = useSeededHttp();
  const get = async (path: string) => {
    const response = await fetch(`${http.url}${path}`);
    return { status: response.status, body: (await response.json()) as any };
  };

  it('social-buildings of Chemnitz: its schools with the city’s attribution; Leipzig by default with OSM’s', async () => {
    const chemnitz = await get('/ogc/collections/social-buildings/items?stadt=chemnitz&limit=5');
    expect(chemnitz.status).toBe(200);
    expect(chemnitz.body.numberMatched).toBe(139);
    expect(chemnitz.body.features.every((f: any) => f.properties.source === 'chemnitz-opendata' && f.properties.amenity === 'school')).toBe(true);
    expect(JSON.stringify(chemnitz.body)).not.toMatch(/OpenStreetMap/);
    const leipzig = await get('/ogc/collections/social-buildings/items?limit=5');
    expect(leipzig.body.features.every((f: any) => f.properties.source !== 'chemnitz-opendata')).toBe(true);
    expect(JSON.stringify(leipzig.body)).toMatch(/OpenStreetMap/);
    const stops = await get('/ogc/collections/transit-stops/items?city=chemnitz&limit=1');
    expect(stops.body.numberMatched).toBe(0);
    const bad = await get('/ogc/collections/transit-stops/items?city=gera');
    expect(bad.status).toBe(400);
  });
});
