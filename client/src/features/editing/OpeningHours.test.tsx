import { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderIn } from '../../../test/render';
import { OpeningHoursEditor, emptyWeek, weekFromApi, weekProblems, weekToApi, type WeekHours } from './OpeningHours';

const texts = { hoursOpensMissing: 'opens missing', hoursClosesMissing: 'closes missing', hoursOrder: 'order' };

/** The editor as the form holds it: state in the parent; `seen` gets every week it reports. */
function Harness({ initial, seen }: { initial: WeekHours; seen: WeekHours[] }) {
  const [week, setWeek] = useState(initial);
  return (
    <OpeningHoursEditor
      id="svc-hours"
      value={week}
      onChange={(w) => {
        seen.push(w);
        setWeek(w);
      }}
    />
  );
}

const day = (name: string) => within(screen.getByRole('group', { name }));

describe('opening hours editor', () => {
  it('turns Monday 09:00–16:00 typed into the rows into the API list, the other days closed', () => {
    const seen: WeekHours[] = [];
    renderIn(<Harness initial={emptyWeek()} seen={seen} />);
    expect(screen.getByRole('group', { name: /Öffnungszeiten/ })).toHaveAccessibleDescription(/Ein Tag ohne Zeiten gilt als geschlossen/);
    // one fieldset per weekday, each with "öffnet" and "schließt" time fields
    for (const name of ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']) {
      expect(day(name).getByLabelText('öffnet')).toHaveAttribute('type', 'time');
      expect(day(name).getByLabelText('schließt')).toHaveAttribute('type', 'time');
    }
    fireEvent.change(day('Montag').getByLabelText('öffnet'), { target: { value: '09:00' } });
    fireEvent.change(day('Montag').getByLabelText('schließt'), { target: { value: '16:00' } });
    const last = seen[seen.length - 1]!;
    expect(weekToApi(last)).toEqual([{ day: 'MONDAY', opens: '09:00', closes: '16:00' }]);
    expect(weekProblems(last, 'svc-hours', texts)).toEqual([]);

    // clearing both times closes the day again: no hours at all is null (clears them on the server)
    fireEvent.change(day('Montag').getByLabelText('öffnet'), { target: { value: '' } });
    fireEvent.change(day('Montag').getByLabelText('schließt'), { target: { value: '' } });
    expect(weekToApi(seen[seen.length - 1]!)).toBeNull();
  });

  it('shows stored hours in their rows and gives them back in weekday order', () => {
    const stored = [
      { day: 'FRIDAY', opens: '10:00', closes: '14:00' },
      { day: 'MONDAY', opens: '07:30:00', closes: '17:00:00' },
    ];
    const { week, dropped } = weekFromApi(stored);
    expect(dropped).toBe(false);
    const seen: WeekHours[] = [];
    renderIn(<Harness initial={week} seen={seen} />);
    expect(day('Montag').getByLabelText('öffnet')).toHaveValue('07:30');
    expect(day('Freitag').getByLabelText('schließt')).toHaveValue('14:00');
    expect(day('Dienstag').getByLabelText('öffnet')).toHaveValue('');
    fireEvent.change(day('Mittwoch').getByLabelText('öffnet'), { target: { value: '08:00' } });
    fireEvent.change(day('Mittwoch').getByLabelText('schließt'), { target: { value: '12:00' } });
    expect(weekToApi(seen[seen.length - 1]!)).toEqual([
      { day: 'MONDAY', opens: '07:30', closes: '17:00' },
      { day: 'WEDNESDAY', opens: '08:00', closes: '12:00' },
      { day: 'FRIDAY', opens: '10:00', closes: '14:00' },
    ]);
  });

  it('flags what the rows cannot show and a day with one time or closing before it opens', () => {
    expect(weekFromApi([{ day: 'MONDAY', opens: '08:00', closes: '12:00' }, { day: 'MONDAY', opens: '13:00', closes: '16:00' }]).dropped).toBe(true);
    expect(weekFromApi({ MONDAY: '08:00-12:00' }).dropped).toBe(true);
    expect(weekFromApi(null)).toEqual({ week: emptyWeek(), dropped: false });

    const week = emptyWeek();
    week.MONDAY = { opens: '09:00', closes: '' };
    week.TUESDAY = { opens: '', closes: '12:00' };
    week.WEDNESDAY = { opens: '16:00', closes: '09:00' };
    expect(weekProblems(week, 'svc-hours', texts)).toEqual([
      { field: 'svc-hours-monday-closes', message: 'closes missing' },
      { field: 'svc-hours-tuesday-opens', message: 'opens missing' },
      { field: 'svc-hours-wednesday-closes', message: 'order' },
    ]);
  });

  it('links a time’s error to its field', () => {
    const week = emptyWeek();
    renderIn(<OpeningHoursEditor id="svc-hours" value={week} onChange={() => {}} errors={{ 'svc-hours-monday-closes': 'Die Schließzeit muss nach der Öffnungszeit liegen.' }} />);
    const closes = day('Montag').getByLabelText('schließt');
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(closes).toHaveAccessibleDescription('Die Schließzeit muss nach der Öffnungszeit liegen.');
    expect(day('Montag').getByLabelText('öffnet')).not.toHaveAttribute('aria-invalid');
  });
});
