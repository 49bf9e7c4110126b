import { AnalysisInputError } from './errors';
import { classifyDynamics, classifyStatus, COMBINED_CLASSES, computeNeedIndex, NEED_INDEX_DEFAULTS, NEED_INDEX_PRESETS, type NeedIndexInput } from './need-index';
import type { Observation } from './types';

// Two indicators, four regular areas a1…a4, t = 2024, span 2 → base year 2022.
//   sgb2 (%, HIGHER_IS_WORSE, w = 1):  2024: 10, 20, 30, 40     2022: 10, 18, 30, 34
//   empl (%, HIGHER_IS_BETTER, w = 1): 2024: 70, 60, 60, 50     2022: 70, 60, 58, 50
// plus a5 (population 250 < 300, excluded) and a6 (sgb2 2024 SUPPRESSED, excluded).
function obs(areaId: string, indicatorKey: string, year: number, value: number | null, status?: Observation['status']): Observation {
  return { areaId, indicatorKey, year, value, ...(status ? { status } : {}) };
}
const series: Record<string, [number, number, number, number]> = {
  // [sgb2 2024, sgb2 2022, empl 2024, empl 2022]
  a1: [10, 10, 70, 70],
  a2: [20, 18, 60, 60],
  a3: [30, 30, 60, 58],
  a4: [40, 34, 50, 50],
  a5: [99, 1, 1, 99],
};
const values: Observation[] = Object.entries(series).flatMap(([a, [s24, s22, e24, e22]]) => [
  obs(a, 'sgb2', 2024, s24),
  obs(a, 'sgb2', 2022, s22),
  obs(a, 'empl', 2024, e24),
  obs(a, 'empl', 2022, e22),
]);
values.push(obs('a6', 'sgb2', 2024, 55, 'SUPPRESSED'), obs('a6', 'empl', 2024, 40), obs('a6', 'sgb2', 2022, 50), obs('a6', 'empl', 2022, 40));

const base: NeedIndexInput = {
  year: 2024,
  areas: [
    { areaId: 'a1', population: 1000 },
    { areaId: 'a2', population: 2000 },
    { areaId: 'a3', population: 1500 },
    { areaId: 'a4', population: 800 },
    { areaId: 'a5', population: 250 },
    { areaId: 'a6', population: 900 },
  ],
  indicators: [
    { key: 'sgb2', polarity: 'HIGHER_IS_WORSE', weight: 1 },
    { key: 'empl', polarity: 'HIGHER_IS_BETTER', weight: 1 },
  ],
  values,
};
const area = (r: ReturnType<typeof computeNeedIndex>, id: string) => r.areas.find((a) => a.areaId === id)!;

describe('need index (Bedarfsindex, MSS method)', () => {
  const r = computeNeedIndex(base);

  it('z-standardises each indicator across the included areas with the population SD', () => {
    // sgb2: x̄ = 25; Σ(x−x̄)² = 225+25+25+225 = 500; σ = √(500/4) = √125 = 11.1803
    // z = −15/11.18 = −1.3416, −0.4472, +0.4472, +1.3416  (= ∓3/√5, ∓1/√5)
    expect(r.indicatorStats[0]).toMatchObject({ key: 'sgb2', n: 4, mean: 25 });
    expect(r.indicatorStats[0]!.sd).toBeCloseTo(Math.sqrt(125), 10);
    expect(area(r, 'a1').components[0]!.z).toBeCloseTo(-3 / Math.sqrt(5), 10);
    expect(area(r, 'a2').components[0]!.z).toBeCloseTo(-1 / Math.sqrt(5), 10);
    // empl: x̄ = 60; Σ = 100+0+0+100 = 200; σ = √50 = 7.0711; z = +1.4142, 0, 0, −1.4142
    expect(r.indicatorStats[1]!.sd).toBeCloseTo(Math.sqrt(50), 10);
    expect(area(r, 'a4').components[1]!.z).toBeCloseTo(-Math.SQRT2, 10);
  });

  it('signs by polarity and averages by weight, so the contributions add up to the status index', () => {
    // a4: sgb2 +1·(+1.3416)/2 = 0.6708; empl −1·(−1.4142)/2 = 0.7071; S = 1.3779
    const a4 = area(r, 'a4');
    expect(a4.components[0]!.contribution).toBeCloseTo(3 / Math.sqrt(5) / 2, 10);
    expect(a4.components[1]!.contribution).toBeCloseTo(Math.SQRT2 / 2, 10);
    expect(a4.statusIndex).toBeCloseTo((3 / Math.sqrt(5) + Math.SQRT2) / 2, 10);
    // a2: (−0.4472 + 0)/2 = −0.2236
    expect(area(r, 'a2').statusIndex).toBeCloseTo(-1 / Math.sqrt(5) / 2, 10);
  });

  it('re-standardises the status index and classes it with the default cut-offs', () => {
    // S = −1.37793, −0.22361, +0.22361, +1.37793; mean 0; SD = √((1.37793²+0.22361²)/2) = 0.987088
    // S* = −1.39595, −0.22653, +0.22653, +1.39595
    const sd = Math.sqrt((((3 / Math.sqrt(5) + Math.SQRT2) / 2) ** 2 + (1 / Math.sqrt(5) / 2) ** 2) / 2);
    expect(r.statusIndexStats.sd).toBeCloseTo(sd, 10);
    expect(area(r, 'a1').statusZ).toBeCloseTo(-1.39595, 4);
    expect(area(r, 'a4').statusZ).toBeCloseTo(1.39595, 4);
    // −1.396 < −1.0 → HIGH status; |0.227| ≤ 1 → MEDIUM; 1.0 < 1.396 ≤ 1.5 → LOW status (high need)
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => area(r, id).statusClass)).toEqual(['HIGH', 'MEDIUM', 'MEDIUM', 'LOW']);
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => area(r, id).rank)).toEqual([4, 3, 2, 1]);
  });

  it('computes a 2-year dynamics index from the change in percentage points', () => {
    // Δsgb2 = 0, 2, 0, 6: mean 2; σ = √((4+0+4+16)/4) = √6 = 2.44949; z = −0.8165, 0, −0.8165, +1.63299
    // Δempl = 0, 0, 2, 0: mean 0.5; σ = √(3/4) = 0.86603; z = −0.57735, −0.57735, +1.73205, −0.57735
    //   signed (higher is better → ×−1): +0.57735, +0.57735, −1.73205, +0.57735
    // D = (zΔsgb2 + signed zΔempl)/2 = −0.11957, +0.28868, −1.27427, +1.10517; mean 0
    // SD(D) = √((0.014298+0.083333+1.623774+1.221405)/4) = 0.857732
    // D* = −0.13941, +0.33656, −1.48563, +1.28848
    expect(area(r, 'a4').components[0]!.change).toBe(6);
    expect(area(r, 'a3').dynamicsIndex).toBeCloseTo(-1.27427, 4);
    expect(area(r, 'a1').dynamicsZ).toBeCloseTo(-0.13941, 4);
    expect(area(r, 'a3').dynamicsZ).toBeCloseTo(-1.48563, 4);
    expect(area(r, 'a4').dynamicsZ).toBeCloseTo(1.28848, 4);
    // ±1.0 cut-off (MSS 2021): a1, a2 STABLE; a3 (−1.49) POSITIVE; a4 (+1.29) NEGATIVE
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => area(r, id).dynamicsClass)).toEqual(['STABLE', 'STABLE', 'POSITIVE', 'NEGATIVE']);
    expect(area(r, 'a4').combined).toEqual({ key: 'LOW_NEGATIVE', code: '3 −', de: 'Status niedrig, Dynamik negativ', en: 'low status, worsening' });
  });

  it('excludes areas below the minimum population and leaves them out of the standardisation', () => {
    const a5 = area(r, 'a5');
    expect(a5).toMatchObject({ excluded: true, reason: 'BELOW_MIN_POPULATION', statusIndex: null, rank: null, combined: null });
    expect(a5.components[0]!.value).toBe(99); // raw value still shown
    expect(r.indicatorStats[0]!.mean).toBe(25); // a5's 99 did not enter
  });

  it('excludes an area with a suppressed value instead of treating it as zero', () => {
    const a6 = area(r, 'a6');
    expect(a6).toMatchObject({ excluded: true, reason: 'SUPPRESSED', reasonDetail: 'sgb2', statusZ: null });
    expect(a6.components[0]).toMatchObject({ value: null, valueReason: 'SUPPRESSED', z: null, contribution: null });
  });

  it('keeps the status but nulls the dynamics when the base year is missing', () => {
    const r2 = computeNeedIndex({ ...base, values: values.filter((v) => !(v.areaId === 'a2' && v.year === 2022 && v.indicatorKey === 'empl')) });
    const a2 = area(r2, 'a2');
    expect(a2.statusZ).toBeCloseTo(-0.22653, 4);
    expect(a2).toMatchObject({ dynamicsIndex: null, dynamicsClass: null, combined: null, dynamicsReason: 'INDICATOR_MISSING', dynamicsReasonDetail: 'empl 2022' });
    expect(r2.dynamicsIndexStats.n).toBe(3);
  });

  it('applies weights: sgb2 counting three times as much as empl', () => {
    const r3 = computeNeedIndex({ ...base, indicators: [{ key: 'sgb2', polarity: 'HIGHER_IS_WORSE', weight: 3 }, { key: 'empl', polarity: 'HIGHER_IS_BETTER', weight: 1 }] });
    // S_a4 = (3·1.34164 + 1·1.41421)/4 = 1.35978
    expect(area(r3, 'a4').statusIndex).toBeCloseTo((3 * 3 / Math.sqrt(5) + Math.SQRT2) / 4, 10);
  });

  it('cuts status and dynamics classes at the documented thresholds', () => {
    expect([-1.01, -1.0, 1.0, 1.01, 1.5, 1.51].map((z) => classifyStatus(z))).toEqual(['HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'VERY_LOW']);
    expect([-1.01, -1.0, 1.0, 1.01].map((z) => classifyDynamics(z))).toEqual(['POSITIVE', 'STABLE', 'STABLE', 'NEGATIVE']);
    expect(COMBINED_CLASSES).toHaveLength(12);
    expect(COMBINED_CLASSES.find((c) => c.key === 'VERY_LOW_NEGATIVE')?.de).toBe('Status sehr niedrig, Dynamik negativ');
  });

  it('echoes the parameters and the method text', () => {
    expect(r.parameters).toMatchObject({ year: 2024, baseYear: 2022, span: 2, minPopulation: 300, standardDeviation: 'population', dynamicsCutoff: 1, preset: 'MSS_2021' });
    expect(r.method.de).toMatch(/Monitorings Soziale Stadtentwicklung/);
  });

  it('rejects invalid inputs', () => {
    expect(() => computeNeedIndex({ ...base, indicators: [{ key: 'x', polarity: 'NEUTRAL', weight: 1 }] })).toThrow(AnalysisInputError);
    expect(() => computeNeedIndex({ ...base, indicators: [{ key: 'sgb2', polarity: 'HIGHER_IS_WORSE', weight: 0 }] })).toThrow(/weight/);
    expect(() => computeNeedIndex({ ...base, areas: [{ areaId: 'a1', population: -1 }] })).toThrow(/population/);
    expect(() => computeNeedIndex({ ...base, values: [...values, obs('a1', 'sgb2', 2024, 11)] })).toThrow(/duplicate/);
    expect(() => computeNeedIndex({ ...base, options: { span: 0 } })).toThrow(/span/);
  });

  describe('method presets', () => {
    it('defaults to the published MSS 2021 cut-offs: status −1.0 / +1.0 / +1.5, dynamics ±1.0, span 2', () => {
      expect(NEED_INDEX_DEFAULTS).toMatchObject({ preset: 'MSS_2021', span: 2, minPopulation: 300, dynamicsCutoff: 1, statusCutoffs: { high: -1, low: 1, veryLow: 1.5 } });
      expect(NEED_INDEX_PRESETS.MSS_2021.source).toMatch(/Monitoring Soziale Stadtentwicklung 2021/);
      expect(NEED_INDEX_PRESETS.SOZIALATLAS_2025).toMatchObject({ dynamicsCutoff: 0.5, statusCutoffs: { high: -1, low: 1, veryLow: 1.5 } });
    });

    it('cuts each preset exactly at its boundaries: a value on a cut-off stays in the milder class', () => {
      for (const p of Object.values(NEED_INDEX_PRESETS)) {
        const { high, low, veryLow } = p.statusCutoffs;
        const e = 1e-9;
        expect([high - e, high, high + e, low - e, low, low + e, veryLow - e, veryLow, veryLow + e].map((z) => classifyStatus(z, p.statusCutoffs))).toEqual(
          ['HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'LOW', 'VERY_LOW'],
        );
        const c = p.dynamicsCutoff;
        expect([-c - e, -c, -c + e, 0, c - e, c, c + e].map((z) => classifyDynamics(z, c))).toEqual(
          ['POSITIVE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'NEGATIVE'],
        );
      }
    });

    // Eight hand-made areas, one indicator (higher is worse), base year 0 everywhere, so the change
    // equals the value: x = −3, −2, −1, 0, 0, 1, 2, 3. Mean 0, Σx² = 28, σ = √(28/8) = √3.5 = 1.870829.
    // With one indicator S* = z(x) and D* = z(Δ) = x/σ: ±1.603567, ±1.069045, ±0.534522, 0, 0.
    // These sit just beyond each boundary: 1.604 > 1.5, 1.069 > 1.0, 0.535 > 0.5 (old dynamics cut-off).
    const xs = [-3, -2, -1, 0, 0, 1, 2, 3];
    const hand: NeedIndexInput = {
      year: 2022,
      areas: xs.map((_, i) => ({ areaId: `h${i}`, population: 1000 })),
      indicators: [{ key: 'q', polarity: 'HIGHER_IS_WORSE', weight: 1 }],
      values: xs.flatMap((x, i) => [obs(`h${i}`, 'q', 2022, x), obs(`h${i}`, 'q', 2020, 0)]),
    };
    const sd = Math.sqrt(3.5);

    it('classes hand-made areas around every boundary with MSS 2021 (default)', () => {
      const r = computeNeedIndex(hand);
      expect(r.areas.map((a) => a.statusZ)).toEqual(xs.map((x) => expect.closeTo(x / sd, 10)));
      expect(r.areas.map((a) => a.statusClass)).toEqual(['HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'VERY_LOW']);
      // dynamics ±1.0: only |D*| = 1.069 and 1.604 leave "stabil"
      expect(r.areas.map((a) => a.dynamicsClass)).toEqual(['POSITIVE', 'POSITIVE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'NEGATIVE', 'NEGATIVE']);
      expect(r.parameters).toMatchObject({ preset: 'MSS_2021', dynamicsCutoff: 1 });
    });

    it('the former ±0.5 preset also moves the areas at |D*| = 0.535 out of "stabil"', () => {
      const r = computeNeedIndex({ ...hand, options: { preset: 'SOZIALATLAS_2025' } });
      expect(r.areas.map((a) => a.dynamicsClass)).toEqual(['POSITIVE', 'POSITIVE', 'POSITIVE', 'STABLE', 'STABLE', 'NEGATIVE', 'NEGATIVE', 'NEGATIVE']);
      expect(r.areas.map((a) => a.statusClass)).toEqual(['HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'VERY_LOW']);
      expect(r.parameters).toMatchObject({ preset: 'SOZIALATLAS_2025', dynamicsCutoff: 0.5 });
    });

    it('lets explicit options override the preset and rejects an unknown preset', () => {
      const r = computeNeedIndex({ ...hand, options: { preset: 'MSS_2021', dynamicsCutoff: 1.1 } });
      // 1.069 ≤ 1.1 → STABLE now; 1.604 > 1.1 → NEGATIVE
      expect(r.areas.map((a) => a.dynamicsClass)).toEqual(['POSITIVE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'NEGATIVE']);
      expect(() => computeNeedIndex({ ...hand, options: { preset: 'HAMBURG' as never } })).toThrow(/unknown preset/);
    });
  });
});
