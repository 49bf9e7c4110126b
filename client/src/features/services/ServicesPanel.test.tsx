import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { mockClient, renderWithClient } from '../../../test/render';
import { DEFAULT_VIEW } from '../../lib/url-state';
import { ServicesPanel, useServices, type Category, type ServiceFilters, type ServicesState } from './ServicesPanel';

const categories: Category[] = [
  { __typename: 'ServiceCategory', key: 'kita', name: 'Kindertagesstätte', nameEn: 'Day care' },
  { __typename: 'ServiceCategory', key: 'youth_club', name: 'Jugendtreff', nameEn: 'Youth club' },
  { __typename: 'ServiceCategory', key: 'counselling', name: 'Beratungsstelle', nameEn: 'Counselling' },
];
const state = (extra: Partial<ServicesState> = {}): ServicesState => ({
  available: true,
  categories,
  enabled: true,
  geojson: null,
  loading: false,
  error: false,
  synthetic: false,
  count: 12,
  ...extra,
});
const providers = [
  { __typename: 'Provider', id: 7, name: 'Volkssolidarität Leipzig e. V.' },
  { __typename: 'Provider', id: 3, name: 'AWO Leipzig' },
];
const filters = (categories: string[]): ServiceFilters => ({ categories, serviceStatus: 'ACTIVE', targetGroup: null, provider: null });

function renderPanel(selected: string[], extra: Partial<ServicesState> = {}, given: Partial<ServiceFilters> = {}) {
  const onChange = jest.fn();
  const { client, requests } = mockClient({ ServiceProviders: { data: { providers: { __typename: 'ProviderConnection', nodes: providers } } } });
  renderWithClient(<ServicesPanel state={state(extra)} filters={{ ...filters(selected), ...given }} onChange={onChange} />, client);
  // the category checkboxes report only the categories
  const categoriesChanged = () => onChange.mock.calls.map(([patch]) => patch.categories);
  return { onChange, requests, lastCategories: () => categoriesChanged().at(-1) };
}

describe('ServicesPanel filters', () => {
  it('adds and removes categories', async () => {
    const user = userEvent.setup();
    const { lastCategories } = renderPanel(['kita']);
    expect(screen.getByRole('checkbox', { name: 'Kindertagesstätte' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Jugendtreff' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Jugendtreff' }));
    expect(lastCategories()).toEqual(['kita', 'youth_club']);
    await user.click(screen.getByRole('checkbox', { name: 'Kindertagesstätte' }));
    expect(lastCategories()).toEqual([]);
  });

  it('"alle" selects every category; removing one from "alle" keeps the others', async () => {
    const user = userEvent.setup();
    const first = renderPanel([]);
    await user.click(screen.getByRole('checkbox', { name: 'alle' }));
    expect(first.lastCategories()).toEqual(['all']);
    document.body.innerHTML = '';

    const second = renderPanel(['all']);
    expect(screen.getAllByRole('checkbox').every((c) => (c as HTMLInputElement).checked)).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Beratungsstelle' }));
    expect(second.lastCategories()).toEqual(['kita', 'youth_club']);
  });

  it('choosing the last missing category is "alle" again', async () => {
    const user = userEvent.setup();
    const { lastCategories } = renderPanel(['kita', 'youth_club']);
    await user.click(screen.getByRole('checkbox', { name: 'Beratungsstelle' }));
    expect(lastCategories()).toEqual(['all']);
  });

  it('filters by status', async () => {
    const user = userEvent.setup();
    const { onChange } = renderPanel(['kita']);
    const select = screen.getByRole('combobox', { name: 'Status' });
    expect(select).toHaveValue('ACTIVE');
    await user.selectOptions(select, 'geplant');
    expect(onChange).toHaveBeenCalledWith({ serviceStatus: 'PLANNED' });
    await user.selectOptions(select, 'alle');
    expect(onChange).toHaveBeenLastCalledWith({ serviceStatus: '' });
  });

  it('filters by target group and by provider (sorted by name), and clears both with "alle"', async () => {
    const user = userEvent.setup();
    const { onChange } = renderPanel(['kita'], {}, { targetGroup: 'SENIORS', provider: 7 });
    const group = screen.getByRole('combobox', { name: 'Zielgruppe' });
    expect(group).toHaveValue('SENIORS');
    expect(screen.getByRole('option', { name: 'Seniorinnen und Senioren' })).toBeInTheDocument();
    await user.selectOptions(group, 'Alleinerziehende');
    expect(onChange).toHaveBeenLastCalledWith({ targetGroup: 'SINGLE_PARENTS' });
    await user.selectOptions(group, 'alle');
    expect(onChange).toHaveBeenLastCalledWith({ targetGroup: null });

    const provider = screen.getByRole('combobox', { name: 'Träger' });
    await waitFor(() => expect(provider).toHaveValue('7'));
    const names = [...(provider as HTMLSelectElement).options].map((o) => o.textContent);
    expect(names).toEqual(['alle', 'AWO Leipzig', 'Volkssolidarität Leipzig e. V.']);
    await user.selectOptions(provider, 'AWO Leipzig');
    expect(onChange).toHaveBeenLastCalledWith({ provider: 3 });
    await user.selectOptions(provider, 'alle');
    expect(onChange).toHaveBeenLastCalledWith({ provider: null });
  });

  it('announces the count, loading and errors in words, and labels demo data', () => {
    renderPanel(['kita'], { synthetic: true });
    expect(screen.getByRole('status')).toHaveTextContent('12 Angebote');
    expect(screen.getByText('Demo-Daten')).toBeInTheDocument();
    document.body.innerHTML = '';
    renderPanel(['kita'], { loading: true });
    expect(screen.getByRole('status')).toHaveTextContent('Daten werden geladen …');
    document.body.innerHTML = '';
    renderPanel(['kita'], { error: true });
    expect(screen.getByRole('status')).toHaveTextContent('Die Daten konnten nicht geladen werden.');
  });

  it('is not shown when the API has no service categories', () => {
    renderPanel([], { available: false });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

describe('useServices', () => {
  const service = (id: number, point: [number, number] | null, synthetic = false) => ({
    id,
    name: `Angebot ${id}`,
    status: 'ACTIVE',
    capacity: null,
    capacityUnit: null,
    category: categories[0],
    provider: { name: 'Träger e. V.' },
    source: { synthetic, attribution: '' },
    locations: [{ point: point && { type: 'Point', coordinates: point } }],
  });

  function Harness({ city = null }: { city?: string | null }) {
    const [f, setFilters] = useState<ServiceFilters>({ ...DEFAULT_VIEW, categories: ['kita'] });
    const s = useServices({ ...f, city });
    return (
      <>
        <ServicesPanel state={s} filters={f} onChange={(patch) => setFilters((old) => ({ ...old, ...patch }))} />
        <span data-testid="points">{s.geojson?.features.map((f) => f.properties?.id).join(',')}</span>
      </>
    );
  }

  it('follows the pages, sends the filters as variables and maps located services to points', async () => {
    const user = userEvent.setup();
    const { client, requests } = mockClient({
      ServiceCategories: { data: { serviceCategories: categories } },
      ServiceProviders: { data: { providers: { __typename: 'ProviderConnection', nodes: providers } } },
      ServicesForMap: (variables) =>
        variables.after === null
          ? { data: { services: { pageInfo: { hasNextPage: true, endCursor: 'c1' }, nodes: [service(1, [12.3, 51.3]), service(2, null)] } } }
          : { data: { services: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [service(3, [12.4, 51.35], true)] } } },
    });
    renderWithClient(<Harness />, client);

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 Angebote'));
    expect(screen.getByTestId('points')).toHaveTextContent('1,3');
    expect(screen.getByText('Demo-Daten')).toBeInTheDocument();
    const pages = requests.filter((r) => r.name === 'ServicesForMap');
    expect(pages.map((r) => r.variables)).toEqual([
      { categories: ['kita'], statuses: ['ACTIVE'], targetGroups: null, providerIds: null, after: null, city: null },
      { categories: ['kita'], statuses: ['ACTIVE'], targetGroups: null, providerIds: null, after: 'c1', city: null },
    ]);

    await user.click(screen.getByRole('checkbox', { name: 'alle' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'alle');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Zielgruppe' }), 'Familien');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Träger' }), 'AWO Leipzig');
    await waitFor(() => expect(requests.at(-1)?.variables).toEqual({ categories: null, statuses: null, targetGroups: ['FAMILIES'], providerIds: [3], after: 'c1', city: null }));
  });

  it('asks for the services of the chosen city', async () => {
    const { client, requests } = mockClient({
      ServiceCategories: { data: { serviceCategories: categories } },
      ServiceProviders: { data: { providers: { __typename: 'ProviderConnection', nodes: providers } } },
      ServicesForMap: { data: { services: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [service(1, [12.92, 50.83])] } } },
    });
    renderWithClient(<Harness city="chemnitz" />, client);
    await waitFor(() => expect(screen.getByTestId('points')).toHaveTextContent('1'));
    expect(requests.filter((r) => r.name === 'ServicesForMap').map((r) => r.variables.city)).toEqual(['chemnitz']);
  });
});
