import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockClient, renderWithClient } from '../../test/render';
import { Header } from './Header';
import { CITIES_ANSWER } from '../../test/cities';

describe('Header', () => {
  it('the skip link moves the focus to the table without putting "#table" into the address', async () => {
    window.history.replaceState(null, '', '/?indikator=sgb2_rate');
    const user = userEvent.setup();
    const { client } = mockClient({ Viewer: { data: { viewer: { role: 'ANONYMOUS', roles: [], label: null } } } });
    renderWithClient(
      <>
        <Header lang="de" onLang={jest.fn()} page="map" />
        <section id="table" aria-label="Tabelle" />
      </>,
      client,
    );
    await user.click(screen.getByRole('link', { name: 'Zur Tabelle springen' }));
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?indikator=sgb2_rate');
    expect(screen.getByRole('region', { name: 'Tabelle' })).toHaveFocus();
  });

  const viewer = { data: { viewer: { role: 'ANONYMOUS', roles: [], label: null } } };

  it('names the city shown, in the heading and the document title, and keeps it in the links', async () => {
    window.history.replaceState(null, '', '/?stadt=chemnitz');
    const { client } = mockClient({ Viewer: viewer, Cities: CITIES_ANSWER });
    renderWithClient(<Header lang="de" onLang={jest.fn()} page="map" city="chemnitz" />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sozialatlas Chemnitz' })).toBeInTheDocument();
    expect(document.title).toBe('Sozialatlas Chemnitz');
    expect(screen.getByTestId('budget-link')).toHaveAttribute('href', '/haushalt?stadt=chemnitz');
  });

  it('the default city: "Sozialatlas Leipzig", links without a city', async () => {
    const { client } = mockClient({ Viewer: viewer, Cities: CITIES_ANSWER });
    renderWithClient(<Header lang="en" onLang={jest.fn()} page="budget" city={null} />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sozialatlas Leipzig' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /map|Karte/i })).toHaveAttribute('href', '/?sprache=en');
  });
});
