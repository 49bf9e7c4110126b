import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider } from 'urql';
import { I18nProvider } from '../../app/i18n';
import { mockClient, renderWithClient } from '../../../test/render';
import type { AreaInfo } from '../../data/use-areas';
import { DistrictProfile } from './DistrictProfile';
import { CHEMNITZ, LEIPZIG } from '../../../test/cities';

const grunau: AreaInfo = {
  __typename: 'Area',
  id: 12,
  code: '83',
  name: 'Grünau-Mitte',
  areaKm2: 1.234,
  labelPoint: null,
  geometry: null,
  parent: { __typename: 'Area', id: 8, name: 'West' },
};
const noCurrent = { meta: null, value: undefined, rank: null, total: 0, year: null, compareYear: null };

const indicator = (key: string, name: string, unit: string, polarity: string) => ({
  __typename: 'Indicator', key, name, nameEn: null, unit, topic: 'POVERTY', polarity, description: '',
  source: { __typename: 'Source', title: '', attribution: 'Stadt Leipzig', licence: 'dl-de/by-2-0', synthetic: false },
});
const point = (year: number, value: number | null, status = 'REGULAR') => ({ __typename: 'IndicatorValue', year, value, status });
const emptySeries = { sgb2_child_share: [], unemployment_rate: [], mean_age: [], old_age_ratio: [], migrant_share: [] };

/** What the API answers for Grünau-Mitte, per operation of the profile. */
const answers = {
  Indicators: {
    data: {
      indicators: [
        indicator('population', 'Einwohner', 'COUNT', 'NEUTRAL'),
        indicator('sgb2_rate', 'SGB-II-Quote', 'PERCENT', 'HIGHER_IS_WORSE'),
        indicator('household_income_median', 'Haushaltseinkommen (Median)', 'EUR_PER_MONTH', 'HIGHER_IS_BETTER'),
      ],
    },
  },
  Profile: {
    data: {
      area: {
        id: 12, name: 'Grünau-Mitte', code: '83', areaKm2: 1.234, level: 'DISTRICT', parent: { name: 'West' },
        population: [point(2021, 29500), point(2022, 30000)],
        sgb2_rate: [point(2021, 30.1), point(2022, 31.5)],
        household_income_median: [point(2022, null, 'SUPPRESSED')],
        ...emptySeries,
      },
      city: {
        nodes: [{ id: 1, name: 'Leipzig', population: [point(2022, 616000)], sgb2_rate: [point(2022, 12.3)], household_income_median: [point(2022, 1850)], ...emptySeries }],
      },
    },
  },
  ProfileRanks: {
    data: {
      areas: {
        nodes: [
          { id: 12, population: { value: 30000 }, sgb2_rate: { value: 31.5 }, household_income_median: null },
          { id: 13, population: { value: 20000 }, sgb2_rate: { value: 10 }, household_income_median: null },
          { id: 14, population: { value: 5000 }, sgb2_rate: { value: 35 }, household_income_median: null },
        ],
      },
    },
  },
  ProfileServices: {
    data: {
      area: { id: 12, serviceStats: [{ category: { key: 'kita', name: 'Kindertagesstätte', nameEn: 'Day care' }, services: 3, capacity: 240, capacityUnit: 'PLACES' }] },
      services: {
        nodes: [
          {
            id: 5, name: 'Kita Sonnenschein', status: 'ACTIVE', capacity: 80, capacityUnit: 'PLACES',
            category: { key: 'kita', name: 'Kindertagesstätte', nameEn: 'Day care' }, provider: { name: 'Stadt Leipzig', kind: 'PUBLIC' },
            source: { synthetic: false }, locations: [{ point: { type: 'Point', coordinates: [12.2915, 51.3189] } }],
          },
        ],
      },
    },
  },
  ProfileFunding: { data: { fundingTotals: [{ year: 2022, nominal: '125000.00', real: '110000.00', perResident: '4.17', baseYear: 2020 }] } },
  ProfileMeasures: {
    data: { area: { id: 12, measures: [{ id: 1, code: 'M-3', title: 'Familienzentrum ausbauen', status: 'IN_PROGRESS', horizon: 'SHORT', responsibleOffice: 'Amt für Jugend' }] } },
  },
  NeedIndexLayer: {
    data: {
      needIndex: {
        method: { de: 'z-Werte', en: 'z scores' },
        areas: [
          {
            area: { id: 12 }, statusZ: 1.87, statusClass: 'VERY_LOW', statusLabelDe: null, needLabelDe: 'sehr hoher Bedarf', needLabelEn: 'very high need', rank: 1,
            dynamicsClass: null, combined: null, excluded: false, reason: null, reasonDetail: null,
            components: [{ indicatorKey: 'sgb2_rate', value: 31.5, z: 2.1, contribution: 0.7 }],
          },
          { area: { id: 13 }, statusZ: -0.5, statusClass: 'HIGH', statusLabelDe: null, needLabelDe: 'geringer Bedarf', needLabelEn: null, rank: 2, dynamicsClass: null, combined: null, excluded: false, reason: null, reasonDetail: null, components: [] },
        ],
      },
    },
  },
  EarlyWarnings: {
    data: { earlyWarnings: { alerts: [{ area: { id: 12 }, indicatorKey: 'sgb2_rate', message: 'Die SGB-II-Quote ist drei Jahre in Folge gestiegen.', years: [2020, 2021, 2022], values: [29, 30.1, 31.5] }, { area: { id: 13 }, indicatorKey: 'sgb2_rate', message: 'Nicht dieses Gebiet.', years: [], values: [] }] } },
  },
  Coverage: { data: { coverage: { rows: [] } } },
  CategoriesWithNorm: { data: { serviceCategories: [] } },
  AreaTrend: (v: Record<string, unknown>) => {
    const s = (values: (number | null)[], from = 2020) => values.map((value, i) => ({ ...point(from + i, value, value === null ? 'SUPPRESSED' : 'REGULAR'), missingReason: value === null ? 'SUPPRESSED' : null }));
    const population = v.key === 'population';
    return {
      data: {
        area: { id: 12, name: 'Grünau-Mitte', level: 'DISTRICT', series: population ? s([29000, 29500, 30000]) : s([30.1, null, 31.5]), parent: { id: 8, name: 'West', series: population ? s([100000, 101000, 102000]) : s([20, 21, 22]) } },
        city: { nodes: [{ id: 1, name: 'Leipzig', series: population ? s([600000, 608000, 616000]) : s([12.9, 12.6, 12.3]) }] },
      },
    };
  },
};

const section = (name: string) => screen.getByRole('heading', { name: new RegExp(`^${name}`) }).closest('section')!;

describe('DistrictProfile', () => {
  it('shows the key figures the API gave, with the city value and the rank among all districts', () => {
    const { client, requests } = mockClient(answers);
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} />, client);

    expect(screen.getByRole('heading', { level: 2, name: 'Grünau-Mitte' })).toHaveFocus();
    expect(screen.getByText('Nr. 83 · 1,23 km²')).toBeInTheDocument();
    const row = (key: string) => screen.getByTestId(`kf-${key}`).closest('tr')!;
    expect(within(row('population')).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)).toEqual(['30.000', '616.000', '1/3']);
    expect(within(row('sgb2_rate')).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)).toEqual(['31,5 %', '12,3 %', '2/3']);
    expect(within(row('sgb2_rate')).getByRole('rowheader')).toHaveTextContent('SGB-II-Quote (2022)');
    expect(screen.getByTestId('kf-household_income_median')).toHaveTextContent('geheimgehalten');
    // key figures without any value are left out, not shown as zero
    expect(screen.queryByTestId('kf-mean_age')).not.toBeInTheDocument();

    // ranks are asked for in each figure's latest year, for the whole level
    const ranks = requests.find((r) => r.name === 'ProfileRanks')!;
    expect(ranks.variables).toMatchObject({ level: 'DISTRICT', populationYear: 2022, sgb2RateYear: 2022, householdIncomeMedianYear: 2022 });
  });

  it('time series: the map\'s indicator against Stadtbezirk and city on one axis; a count as an index, its sparkline without the city line', async () => {
    const user = userEvent.setup();
    const { client, requests } = mockClient(answers);
    const meta = { key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: null, unit: 'PERCENT' as const, polarity: 'HIGHER_IS_WORSE' as const, description: '', attribution: '', synthetic: false };
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={{ ...noCurrent, meta }} needYear={null} onClose={jest.fn()} />, client);
    const trend = screen.getByTestId('profile-trend');
    expect(within(trend).getByRole('combobox', { name: 'Indikator der Zeitreihe' })).toHaveValue('sgb2_rate');
    expect(within(trend).getByRole('img')).toHaveAccessibleName('SGB-II-Quote, 2020–2022: Grünau-Mitte, Stadtbezirk West, Stadt Leipzig');
    expect(screen.getByTestId('trend-chart')).toHaveAttribute('data-mode', 'values');
    expect(screen.getByTestId('ts-gaps')).toHaveTextContent('Grünau-Mitte: 2021 geheimgehalten');

    // the sparkline of a count draws the area only (on the city's scale its line lay flat)
    const popButton = screen.getByRole('button', { name: 'Zeitreihe: Einwohner (2021–2022)' });
    expect(popButton.querySelectorAll('path[data-line]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Zeitreihe: SGB-II-Quote (2021–2022)' }).querySelectorAll('path[data-line]')).toHaveLength(2);
    await user.click(popButton);
    expect(within(trend).getByRole('combobox')).toHaveValue('population');
    expect(requests.filter((r) => r.name === 'AreaTrend').map((r) => r.variables)).toContainEqual({ id: 12, key: 'population', city: null });
    expect(screen.getByTestId('trend-chart')).toHaveAttribute('data-mode', 'index');
    expect(within(trend).getByText('Index, 2020 = 100')).toBeInTheDocument();
    await user.click(within(trend).getByRole('radio', { name: 'Anzahl im Gebiet' }));
    expect(screen.getByTestId('trend-chart')).toHaveAttribute('data-mode', 'values');
    expect(within(trend).getByRole('img')).toHaveAccessibleName('Einwohner, 2020–2022: Grünau-Mitte');
  });

  it('puts the area into the comparison, and says when it is in', async () => {
    const user = userEvent.setup();
    const { client } = mockClient(answers);
    const onToggle = jest.fn();
    const { rerender } = renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} compare={{ active: false, full: false, onToggle }} />, client);
    await user.click(screen.getByRole('button', { name: 'Vergleichen' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
    rerender(<Provider value={client}><I18nProvider locale="de"><DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} compare={{ active: true, full: true, onToggle }} /></I18nProvider></Provider>);
    expect(screen.getByRole('button', { name: 'Im Vergleich' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('names the unit of a compared change in its headline ("−7 Prozentpunkte", not "−7")', () => {
    const { client } = mockClient(answers);
    const meta = { key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: null, unit: 'PERCENT' as const, polarity: 'HIGHER_IS_WORSE' as const, description: '', attribution: '', synthetic: false };
    const current = { meta, value: { value: -7, status: 'REGULAR' as const, from: 38.5, to: 31.5 }, rank: 3, total: 63, year: 2022, compareYear: 2015 };
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={current} needYear={null} onClose={jest.fn()} />, client);
    expect(screen.getByTestId('profile-current')).toHaveTextContent('SGB-II-Quote 2015–2022: −7 Prozentpunkte');
  });

  it('closes with Escape', async () => {
    const user = userEvent.setup();
    const { client } = mockClient(answers);
    const onClose = jest.fn();
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={onClose} />, client);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows services, providers, funding and measures of the area', async () => {
    const user = userEvent.setup();
    const onShowCatchment = jest.fn();
    const { client } = mockClient(answers);
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} onShowCatchment={onShowCatchment} />, client);

    const services = section('Angebote im Gebiet');
    expect(within(services).getByText(/Kindertagesstätte:/).closest('li')).toHaveTextContent('Kindertagesstätte: 3 (Kapazität 240)');
    expect(within(services).getByText('Kita Sonnenschein')).toBeInTheDocument();
    expect(within(services).getByText('Träger:').closest('p')).toHaveTextContent('Träger: Stadt Leipzig');
    await user.click(within(services).getByRole('button', { name: 'Einzugsbereich zeigen: Kita Sonnenschein' }));
    expect(onShowCatchment).toHaveBeenCalledWith({ id: 5, name: 'Kita Sonnenschein', categoryKey: 'kita', point: [12.2915, 51.3189] });

    const funding = within(section('Förderung')).getByRole('table');
    expect(within(funding).getAllByRole('cell').map((c) => c.textContent?.replace(/\s/g, ' '))).toEqual(['125.000 €', '110.000 €', '4,17 €']);
    expect(within(section('Förderung')).getByText('Demo-Daten')).toBeInTheDocument();

    expect(within(section('Maßnahmen des Sozialplans')).getByRole('listitem')).toHaveTextContent('M-3 Familienzentrum ausbauen (Amt für Jugend; in Umsetzung)');
  });

  it('with a need year: the need class and rank of this area and only its own early warnings', () => {
    const { client } = mockClient(answers);
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={2022} onClose={jest.fn()} />, client);
    expect(screen.getByTestId('need-label')).toHaveTextContent('sehr hoher Bedarf');
    expect(screen.getByTestId('need-rank')).toHaveTextContent('Rang 1 von 2 (1 = höchster Bedarf)');
    const warnings = within(screen.getByTestId('profile-warnings')).getAllByRole('listitem');
    expect(warnings.map((w) => w.textContent)).toEqual(['⚠ Die SGB-II-Quote ist drei Jahre in Folge gestiegen.']);
  });

  it('Chemnitz: asks for Chemnitz’s city and figures, and says in the API’s words what it lacks instead of Leipzig’s analyses', () => {
    // a Chemnitz Stadtteil hangs directly under the city area (no Stadtbezirke)
    const adelsberg: AreaInfo = { ...grunau, parent: { __typename: 'Area', id: CHEMNITZ.area.id, name: 'Chemnitz' } };
    const profile = answers.Profile.data;
    const { client, requests } = mockClient({ ...answers, Profile: { data: { ...profile, city: { nodes: [{ ...profile.city.nodes[0]!, id: CHEMNITZ.area.id, name: 'Chemnitz' }] } } } });
    renderWithClient(<DistrictProfile area={adelsberg} level="DISTRICT" current={noCurrent} needYear={2022} onClose={jest.fn()} city={CHEMNITZ} />, client);
    expect(requests.find((r) => r.name === 'Profile')?.variables).toEqual({ id: 12, city: 'chemnitz' });
    expect(requests.find((r) => r.name === 'ProfileRanks')?.variables).toMatchObject({ level: 'DISTRICT', city: 'chemnitz' });
    expect(requests.find((r) => r.name === 'ProfileFunding')?.variables).toEqual({ id: 12, level: 'DISTRICT', city: 'chemnitz' });
    // the trend chart's city line is Chemnitz's, not Leipzig's
    const trends = requests.filter((r) => r.name === 'AreaTrend');
    expect(trends.length).toBeGreaterThan(0);
    expect(trends.every((r) => r.variables.city === 'chemnitz')).toBe(true);
    // no need index, early warning or coverage of any city is asked for or shown
    expect(requests.map((r) => r.name)).not.toEqual(expect.arrayContaining(['NeedIndexLayer']));
    expect(requests.some((r) => r.name === 'EarlyWarnings' || r.name === 'Coverage')).toBe(false);
    expect(screen.queryByTestId('need-label')).toBeNull();
    // the city line is Chemnitz's (the API's city area), and the city itself is no Stadtbezirk
    expect(screen.getByText(/gestrichelt: Stadt Chemnitz/)).toBeInTheDocument();
    expect(screen.queryByText(/Stadtbezirk Chemnitz/)).toBeNull();
    const lacks = within(screen.getByTestId('profile-unavailable')).getAllByRole('listitem').map((li) => li.textContent);
    expect(lacks).toEqual(expect.arrayContaining(['Bedarfsindex: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.', 'Förderung je Einwohner: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.']));
  });

  it('the default city: asked for as before (no city sent), nothing said to be missing', () => {
    const { client, requests } = mockClient(answers);
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={2022} onClose={jest.fn()} city={LEIPZIG} />, client);
    expect(requests.find((r) => r.name === 'Profile')?.variables).toEqual({ id: 12, city: null });
    expect(requests.find((r) => r.name === 'NeedIndexLayer')?.variables).toMatchObject({ city: null });
    expect(screen.queryByTestId('profile-unavailable')).toBeNull();
    expect(screen.getByTestId('need-label')).toHaveTextContent('sehr hoher Bedarf');
  });

  it('says that data is loading while the API has not answered', () => {
    const { client } = mockClient({});
    renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} />, client);
    expect(within(section('Kennzahlen')).getByRole('status')).toHaveTextContent('Daten werden geladen …');
    expect(within(section('Förderung')).getByRole('status')).toHaveTextContent('Daten werden geladen …');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a failure in plain German, without the technical error or a stack trace', () => {
    const network = new CombinedError({ networkError: Object.assign(new Error('fetch failed: connect ECONNREFUSED 127.0.0.1:4000'), { stack: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13' }) });
    const server = new CombinedError({ graphqlErrors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const { client } = mockClient({ ...answers, Profile: { error: network }, ProfileServices: { error: server }, ProfileFunding: { error: server } });
    const { container } = renderWithClient(<DistrictProfile area={grunau} level="DISTRICT" current={noCurrent} needYear={null} onClose={jest.fn()} />, client);

    expect(screen.getByRole('alert')).toHaveTextContent('Die Daten konnten nicht geladen werden. Bitte laden Sie die Seite neu oder versuchen Sie es später noch einmal.');
    expect(within(section('Angebote im Gebiet')).getByText('Diese Angaben stehen noch nicht zur Verfügung.')).toBeInTheDocument();
    expect(within(section('Förderung')).getByText('Diese Angaben stehen noch nicht zur Verfügung.')).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/ECONNREFUSED|fetch failed|undici|Internal server error|INTERNAL_SERVER_ERROR|\bat node:/);
  });
});
