import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import type { AreaInfo } from '../../data/use-areas';
import { CompareTray, findArea } from './CompareTray';

const area = (id: number, code: string, name: string): AreaInfo => ({ __typename: 'Area', id, code, name, areaKm2: 1, labelPoint: null, geometry: null, parent: null });
const areas = [area(1, '00', 'Zentrum'), area(2, '01', 'Zentrum-Ost'), area(3, '83', 'Grünau-Mitte'), area(4, '84', 'Grünau-Nord'), area(5, '20', 'Schönefeld-Abtnaundorf')];

describe('CompareTray', () => {
  it('finds an area by its exact name, its key, or the only name containing the text (accents and case ignored)', () => {
    expect(findArea(areas, 'zentrum')?.code).toBe('00');
    expect(findArea(areas, '83')?.name).toBe('Grünau-Mitte');
    expect(findArea(areas, 'schonefeld')?.code).toBe('20');
    expect(findArea(areas, 'grünau')).toBeNull();
  });

  it('adds an area by search, removes one, and opens the comparison from two areas on', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    const onOpen = jest.fn();
    const { rerender } = renderIn(<CompareTray areas={areas} codes={['00']} onChange={onChange} onOpen={onOpen} />);
    expect(screen.getByRole('button', { name: 'Vergleich öffnen' })).toBeDisabled();
    await user.type(screen.getByRole('combobox', { name: 'Gebiet suchen und hinzufügen' }), 'grünau-mitte{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['00', '83']);
    await user.type(screen.getByRole('combobox', { name: 'Gebiet suchen und hinzufügen' }), 'Grünau{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Kein Gebiet „Grünau“ gefunden.');
    rerender(<CompareTray areas={areas} codes={['00', '83']} onChange={onChange} onOpen={onOpen} />);
    await user.click(screen.getByRole('button', { name: 'Vergleich öffnen' }));
    expect(onOpen).toHaveBeenLastCalledWith(true);
    rerender(<CompareTray areas={areas} codes={['00', '83']} open onChange={onChange} onOpen={onOpen} />);
    await user.click(screen.getByRole('button', { name: 'Vergleich schließen' }));
    expect(onOpen).toHaveBeenLastCalledWith(false);
    await user.click(screen.getByRole('button', { name: 'Zentrum aus dem Vergleich entfernen' }));
    expect(onChange).toHaveBeenLastCalledWith(['83']);
  });

  it('takes at most four areas', () => {
    renderIn(<CompareTray areas={areas} codes={['00', '01', '83', '84']} onChange={jest.fn()} onOpen={jest.fn()} />, 'en');
    expect(screen.getByRole('combobox', { name: 'Find and add an area' })).toBeDisabled();
    expect(screen.getByText('At most 4 areas.')).toBeInTheDocument();
  });
});
