import { AnalysisInputError } from './errors';
import { defaultEarlyWarningRules, evaluateEarlyWarning, type EarlyWarningInput } from './early-warning';
import type { Observation } from './types';

// SGB-II-Quote (%, higher is worse) and Beschäftigtenquote (%, higher is better), 2020–2024.
const sgb2: Record<string, (number | null)[]> = {
  //      2020 2021 2022 2023 2024
  A: [10, 11, 12, 13, 16], // worsening 4 years in a row; +6 over 2021–2024
  B: [8, 8, 9, 8, 8], //      stable
  C: [20, 19, 18, 17, 16], // improving but high
  D: [12, null, 13, 14, 15], // 2021 missing
};
const city = [12, 12, 12.5, 12.5, 13]; // 2020–2024
const areaSeries: Observation[] = Object.entries(sgb2).flatMap(([areaId, vals]) =>
  vals.map((value, i) => ({ areaId, indicatorKey: 'sgb2', year: 2020 + i, value })),
);
areaSeries.push({ areaId: 'E', indicatorKey: 'sgb2', year: 2024, value: null, status: 'SUPPRESSED' });
const base: EarlyWarningInput = {
  year: 2024,
  indicators: [{ key: 'sgb2', polarity: 'HIGHER_IS_WORSE', label: 'SGB-II-Quote', unit: '%' }, { key: 'empl', polarity: 'HIGHER_IS_BETTER', label: 'Beschäftigtenquote', unit: '%' }],
  areaSeries,
  citySeries: city.map((value, i) => ({ indicatorKey: 'sgb2', year: 2020 + i, value })),
  rules: [],
};
const run = (rules: EarlyWarningInput['rules'], extra: Partial<EarlyWarningInput> = {}) => evaluateEarlyWarning({ ...base, ...extra, rules });

describe('early warning (Frühwarnsystem)', () => {
  it('raises a threshold alert above the threshold and says whether it was newly crossed', () => {
    // T = 15: A 2024 = 16 > 15 (2023: 13 ≤ 15 → newly crossed); C = 16 > 15 (2023: 17 > 15 → not new); D = 15 is not > 15
    const r = run([{ kind: 'threshold', indicatorKey: 'sgb2', threshold: 15 }]);
    expect(r.alerts.map((a) => [a.areaId, a.newlyCrossed, a.values])).toEqual([['A', true, [13, 16]], ['C', false, [17, 16]]]);
    expect(r.alerts[0]!.message).toBe('SGB-II-Quote: 16 % im Jahr 2024 über dem Schwellenwert 15 % (erstmals überschritten).');
  });

  it('respects polarity: for a higher-is-better indicator the alert is below the threshold', () => {
    const r = run([{ kind: 'threshold', indicatorKey: 'empl', threshold: 50 }], {
      areaSeries: [{ areaId: 'A', indicatorKey: 'empl', year: 2024, value: 48 }, { areaId: 'B', indicatorKey: 'empl', year: 2024, value: 55 }],
    });
    expect(r.alerts.map((a) => a.areaId)).toEqual(['A']);
    expect(r.alerts[0]!.message).toMatch(/unter dem Schwellenwert 50/);
  });

  it('compares with the city by a margin in units or in percent of the city value', () => {
    // city 2024 = 13. UNITS, m = 2: A 16 − 13 = 3 > 2 ✓; C 3 > 2 ✓; D 2 > 2 ✗
    expect(run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 2, marginUnit: 'UNITS' }]).alerts.map((a) => a.areaId)).toEqual(['A', 'C']);
    // 25 % of 13 = 3.25: 3 > 3.25 ✗ for A and C
    expect(run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 25, marginUnit: 'PERCENT_OF_CITY' }]).alerts).toHaveLength(0);
    // 20 % of 13 = 2.6: A and C ✓
    const r = run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 20, marginUnit: 'PERCENT_OF_CITY' }]);
    expect(r.alerts.map((a) => [a.areaId, a.values, a.cityValues])).toEqual([['A', [16], [13]], ['C', [16], [13]]]);
  });

  it('detects worsening in N consecutive years and reports a missing year as not evaluable', () => {
    // N = 3 needs 2021…2024: A 11 < 12 < 13 < 16 ✓; D has 2021 missing → not evaluable, not "no alert"
    const r = run([{ kind: 'worseningStreak', indicatorKey: 'sgb2', years: 3 }]);
    expect(r.alerts.map((a) => [a.areaId, a.years, a.values])).toEqual([['A', [2021, 2022, 2023, 2024], [11, 12, 13, 16]]]);
    expect(r.notEvaluated.map((n) => [n.areaId, n.reason, n.detail])).toEqual([['D', 'MISSING', 'Gebiet 2021'], ['E', 'MISSING', 'Gebiet 2021']]);
    // N = 2 (2022…2024): D 13 < 14 < 15 ✓ as well
    expect(run([{ kind: 'worseningStreak', indicatorKey: 'sgb2', years: 2 }]).alerts.map((a) => a.areaId)).toEqual(['A', 'D']);
  });

  it('flags an area that worsens faster than the city over the span', () => {
    // span 3 (2021→2024): city 12 → 13 = +1. A: 11 → 16 = +5, 5 − 1 = 4 > 1 ✓; B: 8 → 8 = 0 ✗; C: −3 ✗; D: 2021 missing
    const r = run([{ kind: 'fasterThanCity', indicatorKey: 'sgb2', span: 3, margin: 1 }]);
    expect(r.alerts.map((a) => a.areaId)).toEqual(['A']);
    expect(r.alerts[0]!.message).toBe('SGB-II-Quote: Veränderung 2021–2024 im Gebiet +5 Prozentpunkte, in der Stadt +1 Prozentpunkte – ungünstigere Entwicklung als die Stadt (Toleranz 1 Prozentpunkte).');
    expect(r.notEvaluated.find((n) => n.areaId === 'D')?.detail).toBe('Gebiet 2021');
  });

  it('never treats a suppressed value as unremarkable', () => {
    const r = run([{ kind: 'threshold', indicatorKey: 'sgb2', threshold: 0 }]);
    expect(r.alerts.some((a) => a.areaId === 'E')).toBe(false);
    expect(r.notEvaluated).toEqual([expect.objectContaining({ areaId: 'E', reason: 'SUPPRESSED', detail: 'Gebiet 2024' })]);
  });

  it('exports default rules for every indicator', () => {
    expect(defaultEarlyWarningRules(['sgb2'])).toEqual([
      { kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 25, marginUnit: 'PERCENT_OF_CITY' },
      { kind: 'worseningStreak', indicatorKey: 'sgb2', years: 3 },
      { kind: 'fasterThanCity', indicatorKey: 'sgb2', span: 3, margin: 0 },
    ]);
  });

  it('rejects rules for neutral or unknown indicators and invalid parameters', () => {
    expect(() => run([{ kind: 'threshold', indicatorKey: 'nope', threshold: 1 }])).toThrow(AnalysisInputError);
    expect(() => run([{ kind: 'worseningStreak', indicatorKey: 'x', years: 2 }], { indicators: [{ key: 'x', polarity: 'NEUTRAL' }] })).toThrow(/NEUTRAL/);
    expect(() => run([{ kind: 'worseningStreak', indicatorKey: 'sgb2', years: 0 }])).toThrow(/years/);
  });
});
