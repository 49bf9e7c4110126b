import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import { CityNotice, CitySwitcher, currentCity, switchCity, unavailableFor, type CityInfo } from './CitySwitcher';

const gap = (what: CityInfo['unavailable'][number]['what'], de: string) => ({
  __typename: 'CityUnavailable' as const,
  what,
  reason: 'NO_DISTRICT_STATISTICS' as const,
  message: `${de}: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.`,
  messageEn: `${de}: not available for Chemnitz – no statistics per district.`,
});
const cities: CityInfo[] = [
  { __typename: 'City', key: 'leipzig', name: 'Leipzig', isDefault: true, districtStatistics: true, unavailable: [] },
  {
    __typename: 'City',
    key: 'chemnitz',
    name: 'Chemnitz',
    isDefault: false,
    districtStatistics: false,
    unavailable: [gap('INDICATOR_MAP', 'Indikatorkarte'), gap('NEED_INDEX', 'Bedarfsindex'), gap('GAP_CLASSES', 'Versorgungslücken')],
  },
];

test('the default city is kept out of the address; switching drops the old city’s areas and camera', () => {
  expect(switchCity(cities, 'chemnitz')).toMatchObject({ city: 'chemnitz', area: null, compareAreas: [], compareOpen: false, camera: null, service: null });
  expect(switchCity(cities, 'leipzig').city).toBeNull();
  expect(currentCity(cities, null)?.key).toBe('leipzig');
  expect(currentCity(cities, 'chemnitz')?.key).toBe('chemnitz');
  // an unknown key in an old link shows the default city rather than nothing
  expect(currentCity(cities, 'gera')?.key).toBe('leipzig');
});

test('each layer names its own unavailable figure, and a city with statistics has none', () => {
  expect(unavailableFor(cities[1], 'indicator')?.what).toBe('INDICATOR_MAP');
  expect(unavailableFor(cities[1], 'need')?.what).toBe('NEED_INDEX');
  expect(unavailableFor(cities[1], 'gap')?.what).toBe('GAP_CLASSES');
  expect(unavailableFor(cities[0], 'need')).toBeNull();
});

test('the switcher is a labelled select; choosing a city reports the patch', async () => {
  const onChange = jest.fn();
  renderIn(<CitySwitcher cities={cities} value={null} onChange={onChange} />);
  const select = screen.getByRole('combobox', { name: 'Stadt' });
  expect(select).toHaveValue('leipzig');
  await userEvent.setup().selectOptions(select, 'Chemnitz');
  expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ city: 'chemnitz', area: null }));
});

test('the notice says plainly, in the API’s words, what cannot be shown', () => {
  const { unmount } = renderIn(<CityNotice city={cities[1]} layer="need" />);
  expect(screen.getByRole('status')).toHaveTextContent('Bedarfsindex: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.');
  unmount();
  renderIn(<CityNotice city={cities[1]} layer="indicator" />, 'en');
  expect(screen.getByRole('status')).toHaveTextContent('Indikatorkarte: not available for Chemnitz – no statistics per district.');
});

test('nothing is said for a city that has the figures', () => {
  renderIn(<CityNotice city={cities[0]} layer="need" />);
  expect(screen.queryByRole('status')).toBeNull();
});
