import { act, fireEvent, screen } from '@testing-library/react';
import { mockClient, renderWithClient } from '../../../test/render';
import { CHEMNITZ, LEIPZIG } from '../../../test/cities';
import { SearchBox } from './SearchBox';

const FOUND = {
  data: {
    geocode: {
      __typename: 'GeocodeResult', match: 'EXACT', lon: 12.37, lat: 51.34, distanceMeters: 0,
      address: { __typename: 'GeocodedAddress', street: 'Eisenbahnstraße', houseNumber: '1', postalCode: '04315' },
      area: { __typename: 'Area', id: 7, name: 'Neustadt-Neuschönefeld' },
    },
  },
};

describe('SearchBox per city', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const type = async (text: string) => {
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: text } });
    await act(async () => {
      jest.advanceTimersByTime(400);
    });
  };

  it('Leipzig: an address goes to the geocoder with the city, and is offered', async () => {
    const { client, requests } = mockClient({ SearchAddress: FOUND });
    renderWithClient(<SearchBox areas={[{ id: 7, name: 'Neustadt-Neuschönefeld' }]} city={LEIPZIG} onArea={jest.fn()} onAddress={jest.fn()} />, client);
    expect(screen.getByRole('combobox', { name: 'Ortsteil oder Adresse suchen' })).toBeInTheDocument();
    await type('Eisenbahnstraße 1');
    expect(requests).toEqual([{ name: 'SearchAddress', variables: { address: 'Eisenbahnstraße 1', city: 'leipzig' } }]);
    expect(screen.getAllByTestId('search-option')[0]).toHaveTextContent('Eisenbahnstraße 1, 04315 (genau, Neustadt-Neuschönefeld)');
    expect(screen.queryByTestId('search-no-addresses')).toBeNull();
  });

  it('Chemnitz: no address table, so areas only, the API’s reason shown and nothing sent to the geocoder', async () => {
    const { client, requests } = mockClient({ SearchAddress: FOUND });
    const onArea = jest.fn();
    renderWithClient(<SearchBox areas={[{ id: 3, name: 'Zentrum' }, { id: 4, name: 'Kaßberg' }]} city={CHEMNITZ} onArea={onArea} onAddress={jest.fn()} />, client);
    const input = screen.getByRole('combobox', { name: 'Gebiet suchen' });
    expect(input).toHaveAttribute('placeholder', 'z. B. Zentrum');
    const reason = screen.getByTestId('search-no-addresses');
    expect(reason).toHaveTextContent('Für Chemnitz liegt kein Adressverzeichnis vor');
    expect(input.getAttribute('aria-describedby')).toContain(reason.id);
    await type('Zentrum 1');
    expect(requests).toEqual([]);
    await type('Kaß');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onArea).toHaveBeenCalledWith(4);
  });
});
