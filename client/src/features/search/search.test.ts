import { looksLikeAddress, matchAreas } from './search';

const areas = [{ name: 'Grünau-Mitte' }, { name: 'Lausen-Grünau' }, { name: 'Grünau-Ost' }, { name: 'Schleußig' }, { name: 'Zentrum' }];

describe('district search', () => {
  it('finds names regardless of case, umlauts and ß; names that start with the text first', () => {
    expect(matchAreas(areas, 'grunau').map((a) => a.name)).toEqual(['Grünau-Mitte', 'Grünau-Ost', 'Lausen-Grünau']);
    expect(matchAreas(areas, 'Schleussig').map((a) => a.name)).toEqual(['Schleußig']);
    expect(matchAreas(areas, '  ')).toEqual([]);
  });
  it('sends only text with a house number to the geocoder', () => {
    expect(looksLikeAddress('Stuttgarter Allee 18')).toBe(true);
    expect(looksLikeAddress('Grünau')).toBe(false);
    expect(looksLikeAddress('04209')).toBe(false);
  });
});
