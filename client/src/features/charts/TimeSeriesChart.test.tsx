import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import { TimeSeriesChart } from './TimeSeriesChart';

const p = (year: number, value: number | null, status = 'REGULAR', missingReason: string | null = null) => ({ year, value, status, missingReason });
const area = { key: 'area', label: 'Grünau-Mitte', points: [p(2019, 30.1), p(2020, null, 'SUPPRESSED', 'SUPPRESSED'), p(2021, 31.5), p(2022, 32)] };
const borough = { key: 'parent', label: 'Stadtbezirk West', points: [p(2019, 20), p(2020, 21), p(2021, null), p(2022, 22)] };
const city = { key: 'city', label: 'Stadt Leipzig', points: [p(2019, 12.3), p(2020, 12.1), p(2021, 11.9), p(2022, 11.5)] };

describe('TimeSeriesChart', () => {
  it('draws axes with the unit, a line per series broken at gaps, suppressed years hatched, and says which years are missing', () => {
    const { container } = renderIn(<TimeSeriesChart title="SGB-II-Quote" unit="PERCENT" series={[area, borough, city]} />);
    const chart = screen.getByRole('img', { name: 'SGB-II-Quote, 2019–2022: Grünau-Mitte, Stadtbezirk West, Stadt Leipzig' });
    expect(within(chart.closest('svg')!).getByText('%')).toBeInTheDocument();
    for (const year of ['2019', '2020', '2021', '2022']) expect(container.querySelector('svg')!.textContent).toContain(year);
    const d = (key: string) => container.querySelector(`[data-series=${key}] path`)!.getAttribute('d')!;
    expect(d('area').match(/M/g)).toHaveLength(2);
    expect(d('parent').match(/M/g)).toHaveLength(2);
    expect(d('city').match(/M/g)).toHaveLength(1);
    expect(container.querySelectorAll('[data-suppressed]')).toHaveLength(1);
    expect(container.querySelector('[data-suppressed]')!.getAttribute('data-suppressed')).toBe('2020');
    expect(screen.getByTestId('ts-gaps')).toHaveTextContent('Grünau-Mitte: 2020 geheimgehalten; Stadtbezirk West: 2021 keine Daten');
  });

  it('has its own data table for screen readers, shown on request', async () => {
    const user = userEvent.setup();
    renderIn(<TimeSeriesChart title="SGB-II-Quote" unit="PERCENT" series={[area, city]} />);
    const table = screen.getByRole('table', { name: 'Datentabelle: SGB-II-Quote (%)' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Jahr', 'Grünau-Mitte', 'Stadt Leipzig']);
    const row2020 = within(table).getByRole('rowheader', { name: '2020' }).closest('tr')!;
    expect(within(row2020).getAllByRole('cell').map((c) => c.textContent)).toEqual(['geheimgehalten', '12,1 %']);
    expect(table.parentElement).toHaveClass('sr-only');
    await user.click(screen.getByRole('button', { name: 'Als Tabelle zeigen' }));
    expect(table.parentElement).not.toHaveClass('sr-only');
    expect(screen.getByRole('button', { name: 'Tabelle ausblenden' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('indexes counts to a common base year; the table keeps the counts', () => {
    const small = { key: 'area', label: 'Grünau-Mitte', points: [p(2010, 20000), p(2011, 21000)] };
    const big = { key: 'city', label: 'Stadt Leipzig', points: [p(2010, 500000), p(2011, 520000)] };
    renderIn(<TimeSeriesChart title="Einwohner" unit="COUNT" series={[small, big]} mode="index" />);
    expect(screen.getByText('Index, 2010 = 100')).toBeInTheDocument();
    expect(screen.getByText(/jede Linie ist auf ihren eigenen Wert von 2010 bezogen/i)).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: '2011' }).closest('tr')).toHaveTextContent('21.000520.000');
  });

  it('speaks English and says when there is nothing to draw', () => {
    renderIn(<TimeSeriesChart title="SGB II rate" unit="PERCENT" series={[{ key: 'a', label: 'A', points: [p(2020, null, 'SUPPRESSED')] }]} />, 'en');
    expect(screen.getByText('There is no time series for this indicator.')).toBeInTheDocument();
  });
});
