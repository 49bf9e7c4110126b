import { AnalysisInputError } from './errors';
import { defaultEarlyWarningRules, evaluateEarlyWarning, publishedResolution, type EarlyWarningInput } from './early-warning';
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

  it('compares with the city by a margin in units or in percent of the city value, beyond the rounding', () => {
    // Area values are whole percent (r_a = 1), city values steps of 0.1 (12, 12.5, 13: r_c = 0.1);
    // a level difference can be off by (r_a + r_c)/2 = 0.55.
    const p = run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 2, marginUnit: 'UNITS' }]);
    expect(p.precision).toEqual([{ indicatorKey: 'sgb2', areaResolution: 1, cityResolution: 0.1, given: false }]);
    // city 2024 = 13. UNITS, m = 2: A 16 − 13 − 0.55 = 2.45 > 2 ✓; C ✓; D 15 − 13 − 0.55 = 1.45 ✗
    expect(p.alerts.map((a) => [a.areaId, a.excess])).toEqual([['A', expect.closeTo(0.45, 10)], ['C', expect.closeTo(0.45, 10)]]);
    // 25 % of 13 = 3.25: 2.45 > 3.25 ✗ for A and C
    expect(run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 25, marginUnit: 'PERCENT_OF_CITY' }]).alerts).toHaveLength(0);
    // 20 % of 13 = 2.6: 2.45 ✗ — without the rounding (3 > 2.6) this would have fired
    expect(run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 20, marginUnit: 'PERCENT_OF_CITY' }]).alerts).toHaveLength(0);
    // 15 % of 13 = 1.95: A and C ✓
    const r = run([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 15, marginUnit: 'PERCENT_OF_CITY' }]);
    expect(r.alerts.map((a) => [a.areaId, a.values, a.cityValues])).toEqual([['A', [16], [13]], ['C', [16], [13]]]);
    expect(r.alerts[0]!.message).toBe(
      'SGB-II-Quote: 16 % im Jahr 2024, Stadt 13 % – um 3 Prozentpunkte ungünstiger als die Stadt (Toleranz 15 % des Stadtwerts zuzüglich Rundungsspielraum 0,55 Prozentpunkte).',
    );
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
    // excess = 4 − (r_a + r_c = 1.1) − 1 = 1.9
    expect(r.alerts[0]!.excess).toBeCloseTo(1.9, 10);
    expect(r.alerts[0]!.message).toBe(
      'SGB-II-Quote: Veränderung 2021–2024 im Gebiet +5 Prozentpunkte, in der Stadt +1 Prozentpunkte – ungünstigere Entwicklung als die Stadt (Toleranz 1 Prozentpunkte zuzüglich Rundungsspielraum 1,1 Prozentpunkte).',
    );
    expect(r.notEvaluated.find((n) => n.areaId === 'D')?.detail).toBe('Gebiet 2021');
  });

  it('writes every message in English as well, with English numbers, names and units', () => {
    const indicators = [{ key: 'sgb2', polarity: 'HIGHER_IS_WORSE' as const, label: 'SGB-II-Quote', labelEn: 'SGB II rate', unit: '%' }];
    const en = (rules: EarlyWarningInput['rules']) => run(rules, { indicators }).alerts[0]!.messageEn;
    expect(en([{ kind: 'threshold', indicatorKey: 'sgb2', threshold: 14.5 }])).toBe('SGB II rate: 16 % in 2024, above the threshold of 14.5 % (crossed for the first time).');
    expect(en([{ kind: 'worseThanCity', indicatorKey: 'sgb2', margin: 15, marginUnit: 'PERCENT_OF_CITY' }])).toBe(
      'SGB II rate: 16 % in 2024, city 13 % – 3 percentage points worse than the city (tolerance 15 % of the city value plus rounding allowance 0.55 percentage points).',
    );
    expect(en([{ kind: 'worseningStreak', indicatorKey: 'sgb2', years: 3 }])).toBe('SGB II rate: worse 3 years in a row (2021: 11, 2022: 12, 2023: 13, 2024: 16).');
    expect(en([{ kind: 'fasterThanCity', indicatorKey: 'sgb2', span: 3, margin: 1 }])).toBe(
      'SGB II rate: change 2021–2024 in the area +5 percentage points, in the city +1 percentage point – a less favourable development than the city (tolerance 1 percentage point plus rounding allowance 1.1 percentage points).',
    );
    // without an English name the German one stands, never a German sentence
    expect(run([{ kind: 'threshold', indicatorKey: 'sgb2', threshold: 15 }]).alerts[0]!.messageEn).toMatch(/^SGB-II-Quote: 16 % in 2024, above/);
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
      { kind: 'fasterThanCity', indicatorKey: 'sgb2', span: 2, margin: 1, marginUnit: 'SD_OF_AREAS' },
    ]);
  });

  it('derives the rounding step of published values from the data', () => {
    expect(publishedResolution([10, 11, 12])).toBe(1);
    expect(publishedResolution([10.5, 11.25, 7])).toBe(0.01);
    expect(publishedResolution([0.1 + 0.2, 4])).toBe(0.1); // 0.30000000000000004 is 0.3 as published
    expect(publishedResolution([1 / 3, 2])).toBe(0); // derived, unrounded
    expect(publishedResolution([20, 30, 40])).toBe(1); // multiples of 10 are no proof of rounding to tens
    expect(publishedResolution([])).toBe(0);
    expect(publishedResolution([0, 0])).toBe(0);
  });

  describe('changes against the city', () => {
    // Four areas, whole percent (r_a = 1); city 10.25 → 11.25 (Δc = +1, r_c = 0.01), 2020 → 2022.
    //   Δ_a = 0, 1, 2, 5: mean 2, Σ(Δ − 2)² = 4 + 1 + 0 + 9 = 14, SD = √(14/4) = √3.5 = 1.870829
    const ch: Record<string, [number, number]> = { P: [10, 10], Q: [10, 11], R: [10, 12], S: [10, 15] };
    const input = (extra: Partial<EarlyWarningInput> = {}): EarlyWarningInput => ({
      year: 2022,
      indicators: [{ key: 'q', polarity: 'HIGHER_IS_WORSE', label: 'Quote', unit: '%' }],
      areaSeries: Object.entries(ch).flatMap(([areaId, [v0, v2]]) => [
        { areaId, indicatorKey: 'q', year: 2020, value: v0 },
        { areaId, indicatorKey: 'q', year: 2022, value: v2 },
      ]),
      citySeries: [{ indicatorKey: 'q', year: 2020, value: 10.25 }, { indicatorKey: 'q', year: 2022, value: 11.25 }],
      rules: [{ kind: 'fasterThanCity', indicatorKey: 'q', span: 2, margin: 1, marginUnit: 'SD_OF_AREAS' }],
      ...extra,
    });

    it('needs the change to exceed the city by more than one SD of the areas’ changes, plus the rounding', () => {
      const r = evaluateEarlyWarning(input());
      expect(r.spreads).toEqual([{ rule: 0, indicatorKey: 'q', span: 2, n: 4, sd: expect.closeTo(Math.sqrt(3.5), 12), margin: expect.closeTo(Math.sqrt(3.5), 12) }]);
      // S: (5 − 1) − (1 + 0.01) − 1.870829 = 1.119171 ✓; R: (2 − 1) − 1.01 − 1.87 < 0 ✗
      expect(r.alerts.map((a) => [a.areaId, a.excess])).toEqual([['S', expect.closeTo(4 - 1.01 - Math.sqrt(3.5), 10)]]);
      expect(r.alerts[0]!.message).toBe(
        'Quote: Veränderung 2020–2022 im Gebiet +5 Prozentpunkte, in der Stadt +1 Prozentpunkte – ungünstigere Entwicklung als die Stadt ' +
          '(Toleranz 1 Standardabweichung der Veränderungen aller Gebiete = 1,87 Prozentpunkte zuzüglich Rundungsspielraum 1,01 Prozentpunkte).',
      );
    });

    it('treats a change within the rounding of the published values as no signal', () => {
      // margin 0 in units: Q changes +1 vs city +1 → 0; R +2 vs +1 → 1 − 1.01 < 0: a one-step change of whole percent is no signal
      const r = evaluateEarlyWarning(input({ rules: [{ kind: 'fasterThanCity', indicatorKey: 'q', span: 2, margin: 0 }] }));
      expect(r.alerts.map((a) => a.areaId)).toEqual(['S']);
      // published to one decimal (r_a = 0.1), the same +2 of R is a signal: 1 − 0.11 > 0
      const fine = evaluateEarlyWarning(input({ rules: [{ kind: 'fasterThanCity', indicatorKey: 'q', span: 2, margin: 0 }], indicators: [{ key: 'q', polarity: 'HIGHER_IS_WORSE', resolution: 0.1 }] }));
      expect(fine.alerts.map((a) => a.areaId)).toEqual(['R', 'S']);
      expect(fine.precision[0]).toMatchObject({ areaResolution: 0.1, given: true });
    });

    it('says why a development alert does not contradict a positive dynamics class', () => {
      const r = evaluateEarlyWarning(input({
        dynamics: [
          { areaId: 'S', dynamicsClass: 'POSITIVE', dynamicsZ: -1.234, baseYear: 2020, year: 2022 },
          { areaId: 'R', dynamicsClass: 'NEGATIVE', dynamicsZ: 1.5, baseYear: 2020, year: 2022 },
        ],
      }));
      const s = r.alerts.find((a) => a.areaId === 'S')!;
      expect(s.dynamicsNote?.de).toBe(
        'Dynamik des Bedarfsindex 2020–2022 positiv (D* = -1,23): Die Indexindikatoren zusammen haben sich gegenüber den anderen Gebieten verbessert. ' +
          'Diese Warnung betrifft nur den Indikator „Quote“, der sich gegen diesen Gesamttrend entwickelt.',
      );
      expect(s.message).toMatch(/\. Hinweis: Dynamik des Bedarfsindex 2020–2022 positiv/);
      // without a positive class there is nothing to explain
      const plain = evaluateEarlyWarning(input({ dynamics: [{ areaId: 'S', dynamicsClass: 'STABLE', dynamicsZ: 0.2, baseYear: 2020, year: 2022 }] }));
      expect(plain.alerts[0]!.dynamicsNote).toBeNull();
    });

    it('needs a sustained streak to exceed the rounding in total', () => {
      const series = [5.0, 5.1, 5.2, 5.3];
      const streak = (resolution?: number) =>
        evaluateEarlyWarning({
          year: 2023,
          indicators: [{ key: 'q', polarity: 'HIGHER_IS_WORSE', ...(resolution === undefined ? {} : { resolution }) }],
          areaSeries: series.map((value, i) => ({ areaId: 'Z', indicatorKey: 'q', year: 2020 + i, value })),
          citySeries: [],
          rules: [{ kind: 'worseningStreak', indicatorKey: 'q', years: 3 }],
        }).alerts;
      // derived r = 0.1: total 0.3 − 0.1 > 0 ✓; published in steps of 0.5: 0.3 − 0.5 < 0 ✗
      expect(streak().map((a) => a.excess)).toEqual([expect.closeTo(0.2, 10)]);
      expect(streak(0.5)).toEqual([]);
    });
  });

  it('rejects rules for neutral or unknown indicators and invalid parameters', () => {
    expect(() => run([{ kind: 'threshold', indicatorKey: 'nope', threshold: 1 }])).toThrow(AnalysisInputError);
    expect(() => run([{ kind: 'worseningStreak', indicatorKey: 'x', years: 2 }], { indicators: [{ key: 'x', polarity: 'NEUTRAL' }] })).toThrow(/NEUTRAL/);
    expect(() => run([{ kind: 'worseningStreak', indicatorKey: 'sgb2', years: 0 }])).toThrow(/years/);
  });
});
