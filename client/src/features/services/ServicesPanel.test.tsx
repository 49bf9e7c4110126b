import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { mockClient, renderIn, renderWithClient } from '../../../test/render';
import { ServicesPanel, useServices, type Category, type ServicesState } from './ServicesPanel';

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
  status: 'ACTIVE',
  setStatus: jest.fn(),
  ...extra,
});

function renderPanel(selected: string[], extra: Partial<ServicesState> = {}) {
  const onChange = jest.fn();
  const s = state(extra);
  renderIn(<ServicesPanel state={s} categories={selected} onChange={onChange} />);
  return { onChange, setStatus: s.setStatus as jest.Mock };
}

describe('ServicesPanel filters', () => {
  it('adds and removes categories', async () => {
    const user = userEvent.setup();
    const { onChange } = renderPanel(['kita']);
    expect(screen.getByRole('checkbox', { name: 'Kindertagesstätte' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Jugendtreff' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Jugendtreff' }));
    expect(onChange).toHaveBeenLastCalledWith(['kita', 'youth_club']);
    await user.click(screen.getByRole('checkbox', { name: 'Kindertagesstätte' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('"alle" selects every category; removing one from "alle" keeps the others', async () => {
    const user = userEvent.setup();
    const first = renderPanel([]);
    await user.click(screen.getByRole('checkbox', { name: 'alle' }));
    expect(first.onChange).toHaveBeenLastCalledWith(['all']);
    document.body.innerHTML = '';

    const second = renderPanel(['all']);
    expect(screen.getAllByRole('checkbox').every((c) => (c as HTMLInputElement).checked)).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Beratungsstelle' }));
    expect(second.onChange).toHaveBeenLastCalledWith(['kita', 'youth_club']);
  });

  it('choosing the last missing category is "alle" again', async () => {
    const user = userEvent.setup();
    const { onChange } = renderPanel(['kita', 'youth_club']);
    await user.click(screen.getByRole('checkbox', { name: 'Beratungsstelle' }));
    expect(onChange).toHaveBeenLastCalledWith(['all']);
  });

  it('filters by status', async () => {
    const user = userEvent.setup();
    const { setStatus } = renderPanel(['kita']);
    const select = screen.getByRole('combobox', { name: 'Status' });
    expect(select).toHaveValue('ACTIVE');
    await user.selectOptions(select, 'geplant');
    expect(setStatus).toHaveBeenCalledWith('PLANNED');
    await user.selectOptions(select, 'alle');
    expect(setStatus).toHaveBeenLastCalledWith('');
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

  function Harness() {
    const [selected, setSelected] = useState<string[]>(['kita']);
    const s = useServices(selected);
    return (
      <>
        <ServicesPanel state={s} categories={selected} onChange={setSelected} />
        <span data-testid="points">{s.geojson?.features.map((f) => f.properties?.id).join(',')}</span>
      </>
    );
  }

  it('follows the pages, sends the filters as variables and maps located services to points', async () => {
    const user = userEvent.setup();
    const { client, requests } = mockClient({
      ServiceCategories: { data: { serviceCategories: categories } },
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
      { categories: ['kita'], statuses: ['ACTIVE'], after: null },
      { categories: ['kita'], statuses: ['ACTIVE'], after: 'c1' },
    ]);

    await user.click(screen.getByRole('checkbox', { name: 'alle' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'alle');
    await waitFor(() => expect(requests.at(-1)?.variables).toEqual({ categories: null, statuses: null, after: 'c1' }));
  });
});
