import { screen } from '@testing-library/react';
import { renderIn } from '../../../test/render';
import { CHEMNITZ, LEIPZIG } from '../../../test/cities';
import { dataAttribution, placeAttributions, placeKinds } from '../city/city-layers';
import { OrientationPanel } from './OrientationPanel';

const places = { stops: null, social: null, loading: false, error: false, counts: { stops: null, social: null } };

describe('OrientationPanel per city', () => {
  it('Chemnitz: only its schools, named by the layer and attributed to Stadt Chemnitz, not OpenStreetMap', () => {
    renderIn(<OrientationPanel view={{ places: ['social'], labels: false }} places={places} onChange={jest.fn()} city={CHEMNITZ} />);
    expect(screen.queryByRole('checkbox', { name: /Haltestellen/ })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Schulen (Stadt Chemnitz)' })).toBeChecked();
    expect(screen.getByTestId('places-source')).toHaveTextContent('Datenquelle: Stadt Chemnitz, Open Data — Datenlizenz Deutschland – Namensnennung 2.0');
    expect(screen.getByTestId('places-source')).not.toHaveTextContent('OpenStreetMap');
  });

  it('Leipzig: stops and social buildings from OpenStreetMap, as before', () => {
    renderIn(<OrientationPanel view={{ places: ['stops'], labels: false }} places={places} onChange={jest.fn()} city={LEIPZIG} />);
    expect(screen.getByRole('checkbox', { name: /Haltestellen/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Soziale Einrichtungen laut OpenStreetMap' })).not.toBeChecked();
    expect(screen.getByTestId('places-source')).toHaveTextContent('OpenStreetMap');
  });
});

describe('what the map offers and attributes per city', () => {
  it('offers only the place layers a city has (all while the cities load)', () => {
    expect(placeKinds(CHEMNITZ)).toEqual(['social']);
    expect(placeKinds(LEIPZIG)).toEqual(['stops', 'social']);
    expect(placeKinds(null)).toEqual(['stops', 'social']);
    expect(placeAttributions(CHEMNITZ, ['social'])).toEqual([CHEMNITZ.placeLayers[0]!.source.attribution]);
    // the map names a source once: Chemnitz's schools share the source of its areas
    expect(placeAttributions(CHEMNITZ, ['social'], CHEMNITZ.area.source!.attribution)).toEqual([]);
    // Leipzig's two OSM layers share one attribution, named once
    expect(placeAttributions(LEIPZIG, ['stops', 'social'])).toEqual(['© OpenStreetMap-Mitwirkende (ODbL 1.0)']);
  });

  it('the map’s data line: the layer’s source where the city has figures, the city’s own boundary source where it has none', () => {
    expect(dataAttribution(LEIPZIG, false, 'Stadt Leipzig, Amt für Statistik und Wahlen')).toBe('Stadt Leipzig, Amt für Statistik und Wahlen');
    // Chemnitz's map shows its Stadtteile only: Stadt Chemnitz, dl-de/by-2.0, never Leipzig's statistics
    expect(dataAttribution(CHEMNITZ, true, 'Stadt Leipzig, Amt für Statistik und Wahlen')).toBe('Datenquelle: Stadt Chemnitz, Open Data — Datenlizenz Deutschland – Namensnennung 2.0');
  });
});
