import assert from 'node:assert/strict';
import { summarise } from './summary';
import type { ScenarioAreaResult, ScenarioMoneyResult } from './use-scenario';

// the gap classes' short names as the API gives them (gaps { classes })
const NAMES = {
  de: new Map([['NONE', 'keine Lücke'], ['MODERATE', 'mäßig'], ['HIGH', 'hoch'], ['CRITICAL', 'kritisch']]),
  en: new Map([['NONE', 'no gap'], ['MODERATE', 'moderate'], ['HIGH', 'high'], ['CRITICAL', 'critical']]),
};

const state = (services: number, capacity: number | null, access: number | null, gapClass: string | null) =>
  ({ services, capacity, accessibilityPer1000: access, gapClass, gapScore: 0 }) as ScenarioAreaResult['before'];
const area = (id: number, name: string, before: ScenarioAreaResult['before'], after: ScenarioAreaResult['after']) =>
  ({ area: { id, name }, changed: [], before, after }) as unknown as ScenarioAreaResult;

test('class moves first, the largest move first; areas whose class stays come after, by name', () => {
  const areas = [
    area(1, 'Zentrum', state(2, 100, 1.5, 'MODERATE'), state(2, 100, 1.7, 'MODERATE')),
    area(2, 'Grünau-Mitte', state(1, 40, 0.8, 'CRITICAL'), state(2, 100, 2.4, 'MODERATE')),
    area(3, 'Paunsdorf', state(1, 20, 1.1, 'HIGH'), state(1, 20, 1.6, 'MODERATE')),
    area(4, 'Anger-Crottendorf', state(3, 90, 2.0, 'NONE'), state(2, 60, 1.2, 'MODERATE')),
  ];
  const { moved, rest } = summarise(areas, null, 'de', NAMES.de);
  assert.deepEqual(moved.map((r) => r.name), ['Grünau-Mitte', 'Paunsdorf', 'Anger-Crottendorf']);
  assert.deepEqual(moved.map((r) => r.move), [-2, -1, 1]);
  assert.deepEqual(rest.map((r) => r.name), ['Zentrum']);
  // planner words: the class, services, places and accessibility, with signs
  assert.deepEqual(moved[0]!.words, ['Lücke kritisch → mäßig', '+1 Angebot', '+60 Plätze', 'Erreichbarkeit 0,8 → 2,4 je 1.000']);
  assert.deepEqual(moved[2]!.words, ['Lücke keine Lücke → mäßig', '\u22121 Angebot', '\u221230 Plätze', 'Erreichbarkeit 2 → 1,2 je 1.000']);
  assert.deepEqual(summarise(areas, null, 'en', NAMES.en).moved[0]!.words, ['Gap critical → moderate', '+1 service', '+60 places', 'Accessibility 0.8 → 2.4 per 1,000']);
});

test('a funding cut is named per area in euros, also where no figure of the gap changes', () => {
  const money = [
    { area: { id: 5, name: 'Lindenau' }, year: 2022, before: '120000.00', after: '100000.00' },
    { area: { id: 6, name: 'Plagwitz' }, year: 2022, before: '5000.00', after: '5000.00' },
  ] as unknown as ScenarioMoneyResult[];
  const { moved, rest } = summarise([], money, 'de', NAMES.de);
  assert.equal(moved.length, 0);
  assert.equal(rest.length, 1, 'an area whose money stays the same is not listed');
  assert.equal(rest[0]!.words[0], `Förderung 2022: \u2212${new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(20000)} (${new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(120000)} → ${new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(100000)})`);
});
