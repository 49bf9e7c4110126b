import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockClient, renderWithClient } from '../../../test/render';
import { CITIES_ANSWER } from '../../../test/cities';
import { BudgetView, budgetSearch, parseBudgetView, type BudgetView as View } from './BudgetPage';

const product = (code: string, planned: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'BudgetProduct',
  code,
  name: `Produkt ${code}`,
  block: 'C Soziales & Jugend',
  offices: ['51 - Amt für Jugend und Familie'],
  planned,
  real: null,
  perResident: '1.00',
  perTargetPerson: null,
  targetPopulation: null,
  targetNote: null,
  category: null,
  costTypes: [{ __typename: 'BudgetCostType', costType: '16 Transferaufwendungen', planned }],
  ...extra,
});

function budget(variables: Record<string, unknown>) {
  const assumed = variables.inflation !== null;
  return {
    data: {
      budget: {
        __typename: 'BudgetYear',
        year: variables.year,
        planned: '113649277.17',
        real: assumed ? '93395262.88' : null,
        baseYear: 2020,
        priceIndex: assumed ? 121.686 : null,
        priceIndexAssumed: assumed,
        perResident: '180.76',
        method: 'Planned expenses …',
        residents: { __typename: 'BudgetPopulation', value: 628718, year: 2023 },
        city: { __typename: 'Area', name: 'Leipzig' },
        sources: [{ __typename: 'Source', title: 'Haushaltsplan', attribution: 'Datenquelle: Stadt Leipzig, Haushaltsplan 2025/2026' }],
        products: [
          product('3650', '113649277.17', {
            category: { __typename: 'ServiceCategory', key: 'day_care', name: 'Kindertagesstätte', nameEn: 'Day-care centre' },
            targetNote: 'Näherung: Einwohner insgesamt',
          }),
        ],
      },
    },
  };
}

function renderView(view: View) {
  const onChange = jest.fn();
  // Chemnitz has no budget: the API answers no plan years for it (and null for a year)
  const { client, requests } = mockClient({
    BudgetYears: (v) => ({ data: { budgetYears: v.city === 'chemnitz' ? [] : [2025, 2026] } }),
    Budget: (v) => (v.city === 'chemnitz' ? { data: { budget: null } } : budget(v)),
    Cities: CITIES_ANSWER,
  });
  renderWithClient(<BudgetView view={view} onChange={onChange} />, client, view.lang);
  return { onChange, requests };
}

describe('Haushalt view', () => {
  it('shows planned amounts as planned amounts, with the real value only on a named assumption', async () => {
    const { requests } = renderView({ year: null, inflation: 2, lang: 'de', city: null });
    expect(await screen.findByText(/keine Zuwendungen an einzelne Träger/)).toBeInTheDocument();
    expect(requests.find((r) => r.name === 'Budget')?.variables).toEqual({ year: 2025, inflation: 2, city: null });
    const summary = screen.getByTestId('budget-summary');
    expect(within(summary).getByText('113.649.277,17 €')).toBeInTheDocument();
    expect(screen.getByTestId('budget-real')).toHaveTextContent('93.395.262,88 € (mit angenommenem Preisindex 121,7)');
    const row = screen.getByRole('row', { name: /Produkt 3650/ });
    expect(within(row).getByText('Kindertagesstätte')).toBeInTheDocument();
    // a proxy target group gives no per-person figure, and says why
    expect(within(row).getByText('keine Zählung der Zielgruppe')).toBeInTheDocument();
  });

  it('without an assumption it says that no real value is computed', async () => {
    renderView({ year: 2026, inflation: null, lang: 'de', city: null });
    expect(await screen.findByTestId('budget-real')).toHaveTextContent('nicht berechnet');
  });

  it('changes year and assumption through the page state, in English too', async () => {
    const user = userEvent.setup();
    const { onChange } = renderView({ year: 2025, inflation: 2, lang: 'en', city: null });
    await screen.findByText(/not grants to individual providers/);
    await user.selectOptions(screen.getByLabelText(/Plan year/), '2026');
    expect(onChange).toHaveBeenLastCalledWith({ year: 2026 });
    await user.selectOptions(screen.getByLabelText(/Assumed yearly inflation/), 'none');
    expect(onChange).toHaveBeenLastCalledWith({ inflation: null });
  });

  it('keeps year, assumption and language in the URL', () => {
    expect(parseBudgetView('')).toEqual({ year: null, inflation: 2, lang: 'de', city: null });
    const view = parseBudgetView('?jahr=2026&teuerung=keine&sprache=en');
    expect(view).toEqual({ year: 2026, inflation: null, lang: 'en', city: null });
    expect(budgetSearch(view)).toBe('?jahr=2026&teuerung=keine&sprache=en');
    expect(parseBudgetView('?teuerung=2,5').inflation).toBe(2.5);
    // a value not offered falls back to the default instead of being sent as given
    expect(parseBudgetView('?teuerung=40').inflation).toBe(2);
  });

  it('Chemnitz: asks for Chemnitz and says in the API’s words that it has no budget, never Leipzig’s figures', async () => {
    const { requests } = renderView({ year: null, inflation: 2, lang: 'de', city: 'chemnitz' });
    expect(await screen.findByTestId('budget-unavailable')).toHaveTextContent('Haushalt: für Chemnitz liegt kein Haushalt vor.');
    expect(requests.filter((r) => r.name === 'BudgetYears').every((r) => r.variables.city === 'chemnitz')).toBe(true);
    expect(screen.queryByTestId('budget-summary')).toBeNull();
    expect(screen.queryByText(/Leipzig/)).toBeNull();
  });

  it('keeps the city in the URL, as the map does', () => {
    const view = parseBudgetView('?stadt=chemnitz');
    expect(view.city).toBe('chemnitz');
    expect(budgetSearch(view)).toBe('?stadt=chemnitz');
  });
});
