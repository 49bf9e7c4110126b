import { Geocoder, metres } from './geocoder';
import { parseAddress, parseHouseNumber, streetKey } from './normalize';

describe('street names are normalised for matching', () => {
  test.each([
    ['Dieskaustrasse', 'Dieskaustraße'],
    ['Dieskaustr.', 'Dieskaustraße'],
    ['Saalfelder Str.', 'Saalfelder Straße'],
    ['SaalfelderStrasse', 'Saalfelder Straße'],
    ['StoetteritzerStrasse', 'Stötteritzer Straße'],
    ['Horst-Heilmann-Strasse', 'Horst Heilmann Straße'],
    ['GEORG-SCHUMANN-STRASSE', 'Georg-Schumann-Straße'],
    ['Str. des 18. Oktober', 'Straße des 18. Oktober'],
    ['Augustuspl.', 'Augustusplatz'],
  ])('%s ≡ %s', (a, b) => expect(streetKey(a)).toBe(streetKey(b)));

  test('different streets stay different', () => {
    expect(streetKey('Kieler Straße')).not.toBe(streetKey('Kieler Weg'));
    expect(streetKey('Hauptstraße')).not.toBe(streetKey('Hauptplatz'));
  });
});

describe('house numbers', () => {
  test.each([
    ['12', '12', [12], null, false],
    ['12a', '12a', [12], 'a', false],
    ['12 A', '12a', [12], 'a', false],
    ['19 a', '19a', [19], 'a', false],
    ['12-14', '12-14', [12, 14], null, false],
    ['12–14', '12-14', [12, 14], null, true],
    ['171 - 175', '171-175', [171, 175], null, true],
    ['3,5', '3,5', [3, 5], null, false],
    ['14/16', '14/16', [14], null, false],
  ])('%s → key %s', (raw, key, numbers, suffix) => {
    const hn = parseHouseNumber(raw)!;
    expect(hn.key).toBe(key);
    expect(hn.numbers).toEqual(numbers);
    expect(hn.suffix).toBe(suffix);
  });

  test('no number is no house number', () => {
    expect(parseHouseNumber('')).toBeNull();
    expect(parseHouseNumber('o. Nr.')).toBeNull();
  });
});

describe('free-text addresses are split into parts', () => {
  test.each([
    ['Dieskaustraße 138, 04249 Leipzig', { street: 'Dieskaustraße', houseNumber: '138', postalCode: '04249', city: 'Leipzig' }],
    ['04249 Leipzig, Dieskaustr. 138', { street: 'Dieskaustr.', houseNumber: '138', postalCode: '04249', city: 'Leipzig' }],
    ['Straße des 18. Oktober 15', { street: 'Straße des 18. Oktober', houseNumber: '15', postalCode: null, city: null }],
    ['Georg-Schumann-Straße 171-175', { street: 'Georg-Schumann-Straße', houseNumber: '171-175', postalCode: null, city: null }],
    ['Friedrich-Ebert-Straße 19 a, Leipzig', { street: 'Friedrich-Ebert-Straße', houseNumber: '19 a', postalCode: null, city: 'Leipzig' }],
    ['Augustusplatz', { street: 'Augustusplatz', houseNumber: null, postalCode: null, city: null }],
  ])('%s', (text, parts) => expect(parseAddress(text)).toEqual(parts));
});

describe('a small table: exact, nearest number with distance, ambiguous, not found', () => {
  // Three houses on one side of a straight street, 100 m apart (along the latitude), plus one
  // street name that exists in two places.
  const dLat = 100 / 111_195;
  const g = new Geocoder([
    { street: 'Teststraße', houseNumber: '2', postalCode: '04100', lon: 12.3, lat: 51.3 },
    { street: 'Teststraße', houseNumber: '2', postalCode: null, lon: 12.3, lat: 51.3 + dLat / 10 }, // a second building of no. 2
    { street: 'Teststraße', houseNumber: '4', postalCode: '04100', lon: 12.3, lat: 51.3 + dLat },
    { street: 'Teststraße', houseNumber: '10', postalCode: '04100', lon: 12.3, lat: 51.3 + 2 * dLat },
    { street: 'Teststraße', houseNumber: '3', postalCode: '04100', lon: 12.3001, lat: 51.3 },
    { street: 'Tulpenweg', houseNumber: '1', postalCode: null, lon: 12.37, lat: 51.37 },
    { street: 'Tulpenweg', houseNumber: '1', postalCode: '04318', lon: 12.45, lat: 51.34 },
  ]);

  test('buildings of one address are merged into one point', () => {
    const r = g.geocode({ street: 'Teststr.', houseNumber: '2' });
    expect(r.kind).toBe('EXACT');
    expect(r.match!.buildings).toBe(2);
    expect(r.lat).toBeCloseTo(51.3 + dLat / 20, 9);
    expect(r.distanceMeters).toBe(0);
  });

  test('a missing number between two known ones: the nearer one of the same side, distance interpolated', () => {
    const r = g.geocode({ street: 'Teststrasse', houseNumber: '6' });
    expect(r.kind).toBe('NEAREST_NUMBER');
    expect(r.match!.houseNumber).toBe('4');
    // 6 lies a third of the way from 4 to 10: about 33 m from no. 4
    expect(r.distanceMeters).toBeCloseTo(100 / 3, 0);
    expect(r.note).toContain('nächste Hausnummer 4');
  });

  test('a suffix that is not known falls back to the number, half a step away', () => {
    const r = g.geocode({ street: 'Teststraße', houseNumber: '2b' });
    expect(r.kind).toBe('NEAREST_NUMBER');
    expect(r.match!.houseNumber).toBe('2');
    expect(r.distanceMeters!).toBeGreaterThan(20);
    expect(r.distanceMeters!).toBeLessThan(30);
  });

  test('beyond the last known number: extrapolated from the spacing of the last two', () => {
    const r = g.geocode({ street: 'Teststraße', houseNumber: '16' });
    expect(r.match!.houseNumber).toBe('10');
    // 4 → 10 is 100 m for 6 numbers; 16 is 6 more
    expect(r.distanceMeters).toBeCloseTo(100, 0);
  });

  test('the same street name in two places: ambiguous without postcode, found with it', () => {
    expect(g.geocode({ street: 'Tulpenweg', houseNumber: '1' }).kind).toBe('AMBIGUOUS');
    expect(g.geocode({ street: 'Tulpenweg', houseNumber: '1' }).lon).toBeNull();
    const r = g.geocode({ street: 'Tulpenweg', houseNumber: '1', postalCode: '04318' });
    expect(r.kind).toBe('EXACT');
    expect(r.lon).toBe(12.45);
  });

  test('unknown street or no house number: not found, no point', () => {
    expect(g.geocode({ street: 'Nirgendwostraße', houseNumber: '1' })).toMatchObject({ kind: 'NOT_FOUND', lon: null, lat: null });
    expect(g.geocode({ street: 'Teststraße', houseNumber: null })).toMatchObject({ kind: 'NOT_FOUND', lon: null });
  });

  test('reverse: the nearest address within the radius, else none', () => {
    const r = g.reverse(12.3, 51.3 + dLat * 0.9)!;
    expect(r.address.houseNumber).toBe('4');
    expect(r.distanceMeters).toBeCloseTo(10, 0);
    expect(g.reverse(13.0, 52.0)).toBeNull();
  });
});
