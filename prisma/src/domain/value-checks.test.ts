import { plausibilityWarnings, unitProblem, type CheckedValue } from './value-checks';

// Hand-made cells: area A, population 1,500 (2021) and 900 (2020 and in B).
const known: Record<string, number | null> = { 'A|population|2021': 1500, 'B|population|2021': 900, 'A|sgb2_rate|2020': 40, 'B|sgb2_rate|2020': 39.9, 'A|unemployed|2020': 30, 'B|unemployed|2020': 5 };
const lookup = (r: CheckedValue, key: string, year: number) => known[`${r.areaLabel}|${key}|${year}`];
const cell = (areaLabel: string, indicatorKey: string, unit: string, value: number | null, year = 2021): CheckedValue => ({ areaLabel, indicatorKey, unit, value, year });

test('a count of 0 is a warning where more than 1,000 people live, not below; the threshold is an option', () => {
  const rows = [cell('A', 'unemployed', 'COUNT', 0), cell('B', 'unemployed', 'COUNT', 0), cell('A', 'population', 'COUNT', 0)];
  expect(plausibilityWarnings(rows, lookup)).toEqual(['A, unemployed, 2021: Anzahl 0 bei 1500 Einwohnern / count 0 with 1500 residents']);
  expect(plausibilityWarnings(rows, lookup, { zeroCountPopulation: 800 })).toHaveLength(2);
});

test('a share of 0 % is a warning after at least 40 % the year before (configurable)', () => {
  const rows = [cell('A', 'sgb2_rate', 'PERCENT', 0), cell('B', 'sgb2_rate', 'PERCENT', 0)];
  expect(plausibilityWarnings(rows, lookup)).toEqual(['A, sgb2_rate, 2021: 0 % nach 40 % im Vorjahr / 0 % after 40 % the year before']);
  expect(plausibilityWarnings(rows, lookup, { zeroShareAfter: 30 })).toHaveLength(2);
});

test('a jump beyond the factor (default 3) either way is a warning; small counts are not checked', () => {
  // 30 → 91 is above 3×, 30 → 90 is not; 5 → 16 stays below 20 in both years
  expect(plausibilityWarnings([cell('A', 'unemployed', 'COUNT', 91)], lookup)).toEqual([
    'A, unemployed, 2021: 91 nach 30 im Vorjahr (Sprung über Faktor 3) / 91 after 30 the year before (jump beyond factor 3)',
  ]);
  expect(plausibilityWarnings([cell('A', 'unemployed', 'COUNT', 90), cell('B', 'unemployed', 'COUNT', 16)], lookup)).toEqual([]);
  expect(plausibilityWarnings([cell('A', 'unemployed', 'COUNT', 9)], lookup)).toHaveLength(1);
  expect(plausibilityWarnings([cell('A', 'unemployed', 'COUNT', 61)], lookup, { jumpFactor: 2 })).toHaveLength(1);
  expect(plausibilityWarnings([cell('A', 'unemployed', 'COUNT', null)], lookup)).toEqual([]);
});

test('unit checks: per 1,000 has no upper bound, percent has; the message is German and English', () => {
  expect(unitProblem('PER_THOUSAND', 1250, 'crimes_per_1000')).toBeNull();
  expect(unitProblem('PERCENT', 100.5, 'sgb2_rate')).toBe('100.5 passt nicht zur Einheit des Indikators „sgb2_rate“: Prozent (0–100). / 100.5 does not fit the unit of indicator "sgb2_rate": percent (0–100).');
  expect(unitProblem('SQUARE_METRE', -1, 'green_space')).toMatch(/m² \(nicht negativ\)\. \/ .*m² \(not negative\)\.$/);
});
