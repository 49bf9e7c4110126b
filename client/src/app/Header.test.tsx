import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockClient, renderWithClient } from '../../test/render';
import { Header } from './Header';

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
});
