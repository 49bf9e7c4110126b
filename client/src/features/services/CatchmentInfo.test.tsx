import { screen } from '@testing-library/react';
import { renderIn } from '../../../test/render';
import { CatchmentInfo, openingHoursText, type CatchmentPick } from './CatchmentInfo';

const pick: CatchmentPick = {
  id: 5,
  name: 'Jugendtreff Grünau',
  categoryKey: 'youth_club',
  point: [12.3, 51.31],
  details: {
    __typename: 'Service',
    id: 5,
    name: 'Jugendtreff Grünau',
    capacity: 40,
    capacityUnit: 'PLACES',
    fee: null,
    status: 'ACTIVE',
    openingHours: [
      { day: 'TUESDAY', opens: '13:00', closes: '18:00' },
      { day: 'MONDAY', opens: '08:00', closes: '12:00' },
      { day: 'MONDAY', opens: '14:00', closes: '16:00' },
    ],
    category: { __typename: 'ServiceCategory', key: 'youth_club', name: 'Jugendtreff', nameEn: 'Youth club' },
    provider: { __typename: 'Provider', id: 2, name: 'AWO Leipzig' },
    locations: [{ __typename: 'Location', point: { type: 'Point', coordinates: [12.3, 51.31] }, street: 'Stuttgarter Allee', houseNumber: '9', postalCode: '04209', city: 'Leipzig', area: { __typename: 'Area', name: 'Grünau-Mitte' } }],
  },
};

describe('CatchmentInfo', () => {
  it('tells address, provider, capacity and opening hours of the chosen service', () => {
    renderIn(<CatchmentInfo service={pick} norm={{ zoneRadiiM: [500, 1000] }} onClose={() => {}} />);
    const box = screen.getByTestId('catchment-info');
    expect(box).toHaveTextContent('Stuttgarter Allee 9, 04209 Leipzig (Grünau-Mitte)');
    expect(box).toHaveTextContent('AWO Leipzig');
    expect(box).toHaveTextContent('40 Plätze');
    expect(box).toHaveTextContent('Mo 08:00–12:00, 14:00–16:00 Uhr; Di 13:00–18:00 Uhr');
  });

  it('says what is not recorded, and writes the hours in English', () => {
    renderIn(<CatchmentInfo service={{ ...pick, details: { ...pick.details, provider: null, capacity: null, openingHours: null } }} norm={null} onClose={() => {}} />);
    expect(screen.getAllByText('nicht erfasst')).toHaveLength(3);
    expect(openingHoursText(pick.details.openingHours, 'en')).toBe('Mon 08:00–12:00, 14:00–16:00; Tue 13:00–18:00');
    const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '14:00', closes: '20:00' }));
    expect(openingHoursText([...weekdays, { day: 'SUNDAY', opens: '14:00', closes: '20:00' }], 'de')).toBe('Mo–Fr 14:00–20:00 Uhr; So 14:00–20:00 Uhr');
  });
});
