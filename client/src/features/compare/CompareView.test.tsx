import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockClient, renderWithClient } from '../../../test/render';
import CompareView from './CompareView';
import { CHEMNITZ } from '../../../test/cities';

const point = (year: number, value: number | null, status = 'REGULAR') => ({ year, value, status, missingReason: status === 'SUPPRESSED' ? 'SUPPRESSED' : null });
const empty = { sgb2_child_share: [], unemployment_rate: [], household_income_median: [], mean_age: [], old_age_ratio: [], migrant_share: [] };
const indicator = (key: string, name: string, unit: string) => ({
  key, name, nameEn: null, unit, topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE', denominatorProxy: false, description: '',
  source: { title: '', publisher: '', attribution: 'Datenquelle: Stadt Leipzig', licence: '', synthetic: false },
});
const need = (id: number, cls: string, label: string, z: number) => ({
  area: { id }, statusZ: z, statusClass: cls, statusLabelDe: null, needLabelDe: label, needLabelEn: null, rank: 1, dynamicsClass: null, combined: null, excluded: false, reason: null, reasonDetail: null,
  components: [{ indicatorKey: 'sgb2_rate', value: 1, z, contribution: z }],
});
const answers = {
  Indicators: { data: { indicators: [indicator('population', 'Einwohner', 'COUNT'), indicator('sgb2_rate', 'SGB-II-Quote', 'PERCENT')] } },
  CompareAreas: {
    data: {
      // the API answers by id; the view keeps the planner's order
      areas: {
        nodes: [
          { id: 1, code: '00', name: 'Zentrum', parent: { id: 9, name: 'Mitte' }, population: [point(2021, 2000), point(2022, 2100)], sgb2_rate: [point(2021, 5), point(2022, 4.5)], ...empty },
          { id: 12, code: '83', name: 'Grünau-Mitte', parent: { id: 8, name: 'West' }, population: [point(2021, 29500), point(2022, 30000)], sgb2_rate: [point(2021, 30.1), point(2022, null, 'SUPPRESSED')], ...empty },
        ],
      },
      city: { nodes: [{ id: 100, name: 'Leipzig', population: [point(2021, 608000), point(2022, 616000)], sgb2_rate: [point(2021, 12.6), point(2022, 12.3)], ...empty }] },
    },
  },
  NeedIndexLayer: { data: { needIndex: { method: { de: '', en: '' }, areas: [need(1, 'HIGH', 'geringer Bedarf', -0.8), need(12, 'VERY_LOW', 'sehr hoher Bedarf', 1.9)] } } },
};

describe('CompareView', () => {
  it('shows the chosen areas side by side in the chosen order: key figures with the city, need components, one trend chart per figure', async () => {
    const user = userEvent.setup();
    const onClose = jest.fn();
    const { client, requests } = mockClient(answers);
    renderWithClient(<CompareView codes={['83', '00']} level="DISTRICT" needYear={2022} onClose={onClose} />, client);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Gebiete vergleichen: Grünau-Mitte · Zentrum');
    expect(requests.find((r) => r.name === 'CompareAreas')!.variables).toEqual({ codes: ['83', '00'], level: 'DISTRICT', city: null });

    const kf = screen.getByTestId('compare-key-figures');
    expect(within(kf).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Indikator', 'Grünau-MitteWest', 'ZentrumMitte', 'Stadt Leipzig']);
    const row = (name: RegExp) => within(kf).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(row(/Einwohner/)).getAllByRole('cell').map((c) => c.textContent)).toEqual(['30.000', '2.100', '616.000']);
    expect(within(row(/SGB-II-Quote \(2022\)/)).getAllByRole('cell').map((c) => c.textContent)).toEqual(['geheimgehalten', '4,5 %', '12,3 %']);

    expect(screen.getByTestId('compare-need-class-83')).toHaveTextContent('sehr hoher Bedarf');
    expect(screen.getByTestId('compare-need-class-00')).toHaveTextContent('geringer Bedarf');
    expect(within(screen.getByTestId('compare-need')).getByRole('rowheader', { name: /SGB-II-Quote/ }).closest('tr')).toHaveTextContent('1,9−0,8');

    // counts of areas of different size are indexed; rates share one axis
    const charts = screen.getAllByRole('figure');
    expect(charts.map((f) => f.getAttribute('data-mode'))).toEqual(['index', 'values']);
    expect(within(charts[1]).getByRole('img')).toHaveAccessibleName('SGB-II-Quote, 2021–2022: Grünau-Mitte, Zentrum, Stadt Leipzig');

    // Escape closes the comparison, and the profile below it (a listener like this one) stays open
    const profileSees = jest.fn();
    const profileListener = (e: KeyboardEvent) => profileSees(e.defaultPrevented);
    document.addEventListener('keydown', profileListener);
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', profileListener);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(profileSees).toHaveBeenCalledWith(true);
  });

  it('Chemnitz: the areas and the city are asked for in Chemnitz; no need index, the API’s reason instead', async () => {
    const { client, requests } = mockClient(answers);
    renderWithClient(<CompareView codes={['1', '2']} level="DISTRICT" needYear={2022} onClose={jest.fn()} city="chemnitz" unavailable={CHEMNITZ.unavailable} />, client);
    expect(requests.find((r) => r.name === 'CompareAreas')?.variables).toEqual({ codes: ['1', '2'], level: 'DISTRICT', city: 'chemnitz' });
    expect(requests.some((r) => r.name === 'NeedIndexLayer')).toBe(false);
    expect(screen.queryByTestId('compare-need')).toBeNull();
    expect(screen.getByTestId('compare-unavailable')).toHaveTextContent('Bedarfsindex: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.');
  });
});
