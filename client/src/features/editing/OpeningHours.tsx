// Weekly opening hours of a service: one row per weekday with "öffnet" and "schließt" times; a
// day without times is closed. The API stores a list [{ day: "MONDAY", opens: "09:00", closes:
// "16:00" }] (see openingHoursProblem on the server); the conversions below turn that list into
// the rows and back.
import type { ReactNode } from 'react';
import { TextField, type Problem } from './form';
import { useEditTexts } from './texts';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface DayHours {
  /** "HH:MM", or "" when not given */
  opens: string;
  closes: string;
}
export type WeekHours = Record<Weekday, DayHours>;
export interface OpeningHour {
  day: Weekday;
  opens: string;
  closes: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d/;
/** "07:30:00" or "07:30" → "07:30"; anything else → "". */
const hhmm = (value: unknown) => (typeof value === 'string' && TIME.test(value) ? value.slice(0, 5) : '');

export const emptyWeek = (): WeekHours => Object.fromEntries(WEEKDAYS.map((d) => [d, { opens: '', closes: '' }])) as WeekHours;

/**
 * The API's list → one row per weekday. `dropped` tells that the stored list had more than the
 * rows can show (a second time span on a day, or an entry that is no weekday with times): saving
 * changed hours would replace it.
 */
export function weekFromApi(value: unknown): { week: WeekHours; dropped: boolean } {
  const week = emptyWeek();
  let dropped = false;
  if (value === null || value === undefined) return { week, dropped };
  if (!Array.isArray(value)) return { week, dropped: true };
  const seen = new Set<Weekday>();
  for (const entry of value as Partial<OpeningHour>[]) {
    const day = entry?.day;
    const opens = hhmm(entry?.opens);
    const closes = hhmm(entry?.closes);
    if (!day || !WEEKDAYS.includes(day) || !opens || !closes || seen.has(day)) {
      dropped = true;
      continue;
    }
    seen.add(day);
    week[day] = { opens, closes };
  }
  return { week, dropped };
}

/** The rows → the API's list, Monday first; days without times are left out; a closed week is null. */
export function weekToApi(week: WeekHours): OpeningHour[] | null {
  const list = WEEKDAYS.filter((d) => week[d].opens && week[d].closes).map((day) => ({ day, opens: week[day].opens, closes: week[day].closes }));
  return list.length ? list : null;
}

/** Field id of a day's time, e.g. "svc-hours-monday-opens". */
export const hoursFieldId = (idPrefix: string, day: Weekday, which: keyof DayHours) => `${idPrefix}-${day.toLowerCase()}-${which}`;

/** A day with only one of the two times, or closing before it opens, is a problem at that time's field. */
export function weekProblems(week: WeekHours, idPrefix: string, texts: { hoursOpensMissing: string; hoursClosesMissing: string; hoursOrder: string }): Problem[] {
  const problems: Problem[] = [];
  for (const day of WEEKDAYS) {
    const { opens, closes } = week[day];
    if (!opens && closes) problems.push({ field: hoursFieldId(idPrefix, day, 'opens'), message: texts.hoursOpensMissing });
    else if (opens && !closes) problems.push({ field: hoursFieldId(idPrefix, day, 'closes'), message: texts.hoursClosesMissing });
    else if (opens && closes && opens >= closes) problems.push({ field: hoursFieldId(idPrefix, day, 'closes'), message: texts.hoursOrder });
  }
  return problems;
}

/** Two weeks with the same times on every day (what is sent is the same list). */
export const sameWeek = (a: WeekHours, b: WeekHours) => JSON.stringify(weekToApi(a)) === JSON.stringify(weekToApi(b));

/**
 * The editor: a fieldset with a fieldset per weekday (legend = the day, so a screen reader hears
 * "Montag, öffnet"). `errors` maps field ids to messages; `error` is one for the whole list
 * (the server's), `id` goes on the outer fieldset so the error summary can jump to it.
 */
export function OpeningHoursEditor({
  id, value, onChange, errors = {}, error, note,
}: { id: string; value: WeekHours; onChange: (week: WeekHours) => void; errors?: Record<string, string>; error?: string; note?: ReactNode }) {
  const e = useEditTexts();
  const setTime = (day: Weekday, which: keyof DayHours) => (time: string) => onChange({ ...value, [day]: { ...value[day], [which]: time } });
  const describedBy = [`${id}-hint`, note ? `${id}-note` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} className="opening-hours" aria-describedby={describedBy} aria-invalid={error ? true : undefined} data-testid="opening-hours">
      <legend>{e.openingHours}</legend>
      <p className="hint" id={`${id}-hint`}>
        {e.openingHoursHint}
      </p>
      {note && (
        <p className="hint" id={`${id}-note`}>
          {note}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {WEEKDAYS.map((day) => (
        <fieldset key={day} className="hours-day">
          <legend>{e.weekdays[day]}</legend>
          <TextField id={hoursFieldId(id, day, 'opens')} label={e.opens} type="time" value={value[day].opens} onChange={setTime(day, 'opens')} error={errors[hoursFieldId(id, day, 'opens')]} />
          <TextField id={hoursFieldId(id, day, 'closes')} label={e.closes} type="time" value={value[day].closes} onChange={setTime(day, 'closes')} error={errors[hoursFieldId(id, day, 'closes')]} />
        </fieldset>
      ))}
    </fieldset>
  );
}
