import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const planner = callerFor(['PLANNER'], { kind: 'USER', id: 1, label: 'planerin@leipzig.de' });

const GEOCODE = `query($address: String!, $postalCode: String, $city: String) {
  geocode(address: $address, postalCode: $postalCode, city: $city) {
    match lon lat distanceMeters note attribution address { street houseNumber postalCode } area { code name level }
  }
}`;
const REVERSE = `query($lon: Float!, $lat: Float!, $maxDistance: Float, $city: String) {
  reverseGeocode(lon: $lon, lat: $lat, maxDistance: $maxDistance, city: $city) { distanceMeters attribution address { street houseNumber postalCode lon lat } area { name } }
}`;
const CREATE_LOCATION = `mutation($input: LocationFields!) {
  createLocation(input: $input) { id street houseNumber geocodeMatch geocodeDistanceM geocodeNote area { name } point }
}`;
const UPDATE_LOCATION = `mutation($input: UpdateLocationInput!) {
  updateLocation(input: $input) { id geocodeMatch geocodeNote point area { name } }
}`;

describe('geocoding in the API', () => {
  const { db, gql } = useSeededGraphQL();

  it('geocodes a URI-style spelling to the canonical address with its Ortsteil', async () => {
    const { geocode } = await gql.data(GEOCODE, { address: 'Georg-Schumann-Strasse 171-175, 04159 Leipzig' });
    expect(geocode).toMatchObject({
      match: 'EXACT', distanceMeters: 0, attribution: expect.stringContaining('OpenStreetMap'),
      address: { street: 'Georg-Schumann-Straße', houseNumber: '171 - 175' }, area: { name: 'Möckern', level: 'DISTRICT' },
    });
  });

  it('states the distance when only a nearby number is known', async () => {
    const { geocode } = await gql.data(GEOCODE, { address: 'Dieskaustr. 138', postalCode: '04249' });
    expect(geocode.match).toBe('NEAREST_NUMBER');
    expect(geocode.distanceMeters).toBeGreaterThan(0);
    expect(geocode.note).toContain('nächste Hausnummer');
  });

  it('says not found, with no point and no area, for an unknown street', async () => {
    const { geocode } = await gql.data(GEOCODE, { address: 'Gibtsnichtweg 5' });
    expect(geocode).toMatchObject({ match: 'NOT_FOUND', lon: null, lat: null, address: null, area: null });
  });

  it('refuses a malformed postcode', async () => {
    const result = await gql.run(GEOCODE, { address: 'Dieskaustraße 138', postalCode: '4249' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reverse: the nearest address of a point, or null when none is near', async () => {
    const { geocode } = await gql.data(GEOCODE, { address: 'Friedrich-Ebert-Straße 19a' });
    const { reverseGeocode } = await gql.data(REVERSE, { lon: geocode.lon, lat: geocode.lat + 0.00005 });
    expect(reverseGeocode.address).toMatchObject({ street: 'Friedrich-Ebert-Straße', houseNumber: '19a' });
    expect(reverseGeocode.distanceMeters).toBeGreaterThan(0);
    expect(reverseGeocode.distanceMeters).toBeLessThan(20);
    expect((await gql.data(REVERSE, { lon: 13.5, lat: 52.5 })).reverseGeocode).toBeNull();
  });

  it('a location created with an address and no point gets the geocoded point and says how', async () => {
    const { createLocation: loc } = await gql.data(CREATE_LOCATION, { input: { street: 'Saalfelder Str.', houseNumber: '12', postalCode: '04179' } }, planner);
    expect(loc.geocodeMatch).toBe('NEAREST_NUMBER');
    expect(loc.geocodeDistanceM).toBeGreaterThan(0);
    expect(loc.geocodeNote).toContain('8b');
    expect(loc.point.coordinates[0]).toBeCloseTo(12.320883, 5);
    expect(loc.area.name).toBe('Neulindenau');
  });

  it('an address that cannot be placed is refused at the street field', async () => {
    const result = await gql.run(CREATE_LOCATION, { input: { street: 'Gibtsnichtweg', houseNumber: '5' } }, planner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.street', reason: 'NOT_FOUND' });
  });

  it('a point moved on the map clears the geocoding record', async () => {
    const { createLocation: loc } = await gql.data(CREATE_LOCATION, { input: { street: 'Georg-Schumann-Straße', houseNumber: '150' } }, planner);
    expect(loc.geocodeMatch).toBe('EXACT');
    const { updateLocation } = await gql.data(UPDATE_LOCATION, { input: { id: loc.id, version: 1, lon: 12.3522, lat: 51.3652 } }, planner);
    expect(updateLocation).toMatchObject({ geocodeMatch: null, geocodeNote: null });
    expect(updateLocation.point.coordinates).toEqual([12.3522, 51.3652]);
  });

  it('the address table is Leipzig’s: a Chemnitz address is never looked up in it, and Chemnitz says so', async () => {
    const leipzig = (await gql.data(GEOCODE, { address: 'Friedrich-Ebert-Straße 19a', city: 'leipzig' })).geocode;
    expect(leipzig).toMatchObject({ match: 'EXACT', area: { level: 'DISTRICT' } });
    const chemnitz = (await gql.data(GEOCODE, { address: 'Friedrich-Ebert-Straße 19a', city: 'chemnitz' })).geocode;
    expect(chemnitz).toEqual(expect.objectContaining({ match: 'NOT_FOUND', lon: null, lat: null, address: null, area: null }));
    expect(chemnitz.note).toBe('Für Chemnitz liegt kein Adressverzeichnis vor; Adressen lassen sich dort nicht verorten. Bitte den Standort auf der Karte wählen.');
    expect((await gql.data(REVERSE, { lon: leipzig.lon, lat: leipzig.lat, city: 'chemnitz' })).reverseGeocode).toBeNull();
    expect((await gql.data(REVERSE, { lon: leipzig.lon, lat: leipzig.lat, city: '14713000' })).reverseGeocode.address.street).toBe('Friedrich-Ebert-Straße');

    const { cities } = await gql.data('{ cities { key unavailable { what reason message } } }');
    const search = (key: string) => cities.find((c: { key: string }) => c.key === key).unavailable.filter((u: { what: string }) => u.what === 'ADDRESS_SEARCH');
    expect(search('leipzig')).toEqual([]);
    expect(search('chemnitz')).toEqual([{ what: 'ADDRESS_SEARCH', reason: 'NO_ADDRESS_TABLE', message: chemnitz.note }]);

    // a location typed with a Chemnitz address is not placed on a Leipzig street of the same name
    const typed = await gql.run(CREATE_LOCATION, { input: { street: 'Friedrich-Ebert-Straße', houseNumber: '19a', city: 'Chemnitz' } }, planner);
    expect(typed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.city', reason: 'NO_ADDRESS_TABLE' });
    const inLeipzig = (await gql.data(CREATE_LOCATION, { input: { street: 'Friedrich-Ebert-Straße', houseNumber: '19a', city: 'Leipzig' } }, planner)).createLocation;
    expect(inLeipzig.geocodeMatch).toBe('EXACT');
  });
});
