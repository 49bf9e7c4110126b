import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import type { AreaInfo } from '../../data/use-areas';
import type { LayerMeta, ShownValue } from '../../lib/layer-values';
import { AreaTable } from './AreaTable';

const area = (id: number, name: string, parent: string): AreaInfo => ({
  __typename: 'Area',
  id,
  code: String(id),
  name,
  areaKm2: 1,
  labelPoint: null,
  geometry: null,
  parent: { __typename: 'Area', id: 100 + id, name: parent },
});
const areas = [area(1, 'Zentrum', 'Mitte'), area(2, 'Grünau-Mitte', 'West'), area(3, 'Älteres Viertel', 'Nord'), area(4, 'Lindenau', 'Alt-West'), area(5, 'Paunsdorf', 'Ost')];
// Grünau-Mitte highest, Zentrum lowest; Lindenau suppressed, Paunsdorf without data
const shown = new Map<number, ShownValue>([
  [1, { value: 4.25, status: 'REGULAR' }],
  [2, { value: 31.5, status: 'REGULAR' }],
  [3, { value: 12, status: 'PROVISIONAL' }],
  [4, { value: null, status: 'SUPPRESSED' }],
  [5, { value: null, status: 'MISSING' }],
]);
const ranks = new Map([[2, 1], [3, 2], [1, 3]]);
const meta: LayerMeta = { key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: null, unit: 'PERCENT', polarity: 'HIGHER_IS_WORSE', description: '', attribution: '', synthetic: false };

function renderTable(onSelect = jest.fn(), selectedId: number | null = null) {
  renderIn(<AreaTable areas={areas} shown={shown} ranks={ranks} meta={meta} caption="SGB-II-Quote, 2022" compare={null} selectedId={selectedId} onSelect={onSelect} />);
  return onSelect;
}
const names = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);
const column = (name: RegExp) => screen.getByRole('columnheader', { name });

describe('AreaTable', () => {
  it('lists every area with the values given, formatted in German, and no data / suppressed in words', () => {
    renderTable();
    const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;
    expect(within(row('Grünau-Mitte')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['West', '31,5 %', '1']);
    expect(within(row('Zentrum')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Mitte', '4,3 %', '3']);
    expect(within(row('Lindenau')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Alt-West', 'geheimgehalten', '–']);
    expect(within(row('Paunsdorf')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ost', 'keine Daten', '–']);
  });

  it('starts by rank, missing ranks last, and says so with aria-sort', () => {
    renderTable();
    expect(names()).toEqual(['Grünau-Mitte', 'Älteres Viertel', 'Zentrum', 'Lindenau', 'Paunsdorf']);
    expect(column(/Rang/)).toHaveAttribute('aria-sort', 'ascending');
    expect(column(/Gebiet/)).toHaveAttribute('aria-sort', 'none');
  });

  it('sorts by name with a click (German alphabet: Ä with A), and the other way round with a second click', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(within(column(/Gebiet/)).getByRole('button'));
    expect(names()).toEqual(['Älteres Viertel', 'Grünau-Mitte', 'Lindenau', 'Paunsdorf', 'Zentrum']);
    expect(column(/Gebiet/)).toHaveAttribute('aria-sort', 'ascending');
    expect(column(/Rang/)).toHaveAttribute('aria-sort', 'none');
    await user.click(within(column(/Gebiet/)).getByRole('button'));
    expect(names()).toEqual(['Zentrum', 'Paunsdorf', 'Lindenau', 'Grünau-Mitte', 'Älteres Viertel']);
    expect(column(/Gebiet/)).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts by value from the keyboard (Enter, then Space on the header), areas without a value last', async () => {
    const user = userEvent.setup();
    renderTable();
    const valueButton = within(column(/Wert/)).getByRole('button');
    valueButton.focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Zentrum', 'Älteres Viertel', 'Grünau-Mitte', 'Lindenau', 'Paunsdorf']);
    expect(column(/Wert/)).toHaveAttribute('aria-sort', 'ascending');
    await user.keyboard(' ');
    // still last when descending (then by name, descending too)
    expect(names()).toEqual(['Grünau-Mitte', 'Älteres Viertel', 'Zentrum', 'Paunsdorf', 'Lindenau']);
    expect(column(/Wert/)).toHaveAttribute('aria-sort', 'descending');
  });

  it('selects an area by click or by Enter on its row, and marks the selected row', async () => {
    const user = userEvent.setup();
    const onSelect = renderTable(jest.fn(), 3);
    await user.click(screen.getByRole('rowheader', { name: 'Zentrum' }));
    expect(onSelect).toHaveBeenLastCalledWith(1);
    screen.getByRole('rowheader', { name: 'Grünau-Mitte' }).closest('tr')!.focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(2);
    expect(screen.getByRole('rowheader', { name: 'Älteres Viertel' }).closest('tr')).toHaveAttribute('aria-current', 'true');
  });

  it('shows both years and the signed change in compare mode', () => {
    const change = new Map<number, ShownValue>([[2, { value: -1.5, status: 'REGULAR', from: 33, to: 31.5 }]]);
    renderIn(<AreaTable areas={[areas[1]!]} shown={change} ranks={new Map([[2, 1]])} meta={meta} caption="" compare={{ from: 2015, to: 2022 }} selectedId={null} onSelect={jest.fn()} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, '').trim())).toEqual(['Gebiet', 'Stadtbezirk', '2015', '2022', 'Veränderung', 'Rang']);
    expect(within(screen.getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['West', '33 %', '31,5 %', '−1,5', '1']);
  });

  it('a column of checkboxes chooses areas for the comparison without selecting the row (mouse and Space), and is closed when four are chosen', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    const onToggle = jest.fn();
    const { rerender } = renderIn(
      <AreaTable areas={areas} shown={shown} ranks={ranks} meta={meta} caption="SGB-II-Quote, 2022" compare={null} selectedId={null} onSelect={onSelect} compared={[1]} onToggleCompare={onToggle} />,
    );
    expect(screen.getByRole('columnheader', { name: 'Vergleich' })).toHaveTextContent('Vgl.');
    expect(screen.getByRole('checkbox', { name: 'Zentrum vergleichen' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Grünau-Mitte vergleichen' }));
    expect(onToggle).toHaveBeenLastCalledWith(2);
    screen.getByRole('checkbox', { name: 'Lindenau vergleichen' }).focus();
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenLastCalledWith(4);
    expect(onSelect).not.toHaveBeenCalled();
    rerender(
      <AreaTable areas={areas} shown={shown} ranks={ranks} meta={meta} caption="SGB-II-Quote, 2022" compare={null} selectedId={null} onSelect={onSelect} compared={[1, 2, 3, 4]} onToggleCompare={onToggle} compareFull />,
    );
    expect(screen.getByRole('checkbox', { name: 'Paunsdorf vergleichen' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Zentrum vergleichen' })).toBeEnabled();
  });
});
