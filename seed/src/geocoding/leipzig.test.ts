import { metres } from '@sozialatlas/db';
import { leipzigGeocoder } from './leipzig';

describe('Leipzig: real addresses from the shipped lists', () => {
  const g = leipzigGeocoder();

  test('the table holds the OSM addresses of Leipzig', () => {
    expect(g.size).toBeGreaterThan(40_000);
    expect(g.streetCount).toBeGreaterThan(2_000);
  });

  test('URI spelling of a Seniorenbüro (04179.Leipzig.SaalfelderStrasse.12): no. 12 is not tagged, the nearest even number 8b is', () => {
    const r = g.geocode({ street: 'SaalfelderStrasse', houseNumber: '12', postalCode: '04179' });
    expect(r.kind).toBe('NEAREST_NUMBER');
    expect(r.match!.street).toBe('Saalfelder Straße');
    expect(r.match!.houseNumber).toBe('8b');
    // between 8b and 70, the next even numbers in the table, interpolated: a few dozen metres
    expect(r.distanceMeters!).toBeGreaterThan(10);
    expect(r.distanceMeters!).toBeLessThan(100);
    expect(metres(r.lon!, r.lat!, 12.320883, 51.330366)).toBeLessThan(1);
  });

  test('Dieskaustrasse 138 (Seniorenbüro Südwest): not tagged in OSM, nearest even number with a distance', () => {
    const r = g.geocodeText('04249 Leipzig, Dieskaustrasse 138');
    expect(r.kind).toBe('NEAREST_NUMBER');
    expect(r.match!.street).toBe('Dieskaustraße');
    expect(Number.parseInt(r.match!.houseNumber, 10) % 2).toBe(0);
    expect(r.distanceMeters).not.toBeNull();
    expect(r.distanceMeters!).toBeGreaterThan(0);
  });

  test('a range as published (Georg-Schumann-Straße 171-175) matches OSM\'s "171 - 175"', () => {
    const r = g.geocodeText('Georg-Schumann-Straße 171-175, 04159 Leipzig');
    expect(r.kind).toBe('EXACT');
    expect(r.match!.houseNumber).toBe('171 - 175');
  });

  test('a suffix written with a space (Friedrich-Ebert-Straße 19 a) matches "19a"', () => {
    const r = g.geocodeText('Friedrich-Ebert-Straße 19 a, 04109 Leipzig');
    expect(r.kind).toBe('EXACT');
    expect(r.match!.houseNumber).toBe('19a');
  });

  test('Tulpenweg exists in Gohlis-Nord and Sellerhausen-Stünz: the postcode decides', () => {
    expect(g.geocode({ street: 'Tulpenweg', houseNumber: '15' }).kind).toBe('AMBIGUOUS');
    const r = g.geocode({ street: 'Tulpenweg', houseNumber: '15', postalCode: '04318' });
    expect(r.kind).toBe('EXACT');
    expect(r.lon!).toBeGreaterThan(12.4);
  });

  test('reverse of a geocoded point gives the address back', () => {
    const r = g.geocodeText('Georg-Schumann-Straße 150');
    const back = g.reverse(r.lon!, r.lat!)!;
    expect(back.address.street).toBe('Georg-Schumann-Straße');
    expect(back.address.houseNumber).toBe('150');
  });
});
