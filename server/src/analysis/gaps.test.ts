import { AnalysisInputError } from './errors';
import { classifyGap, computeGaps } from './gaps';

describe('gaps (need against supply)', () => {
  // need N = 2, 1, 0, −1 (e.g. S*); supply V = 10, 20, 30, 40 (e.g. places per 1,000); e: need unknown
  const r = computeGaps({
    category: 'KITA',
    needMeasure: 'statusZ',
    supplyMeasure: 'e2sfcaPer1000',
    areas: [
      { areaId: 'a', need: 2, supply: 10 },
      { areaId: 'b', need: 1, supply: 20 },
      { areaId: 'c', need: 0, supply: 30 },
      { areaId: 'd', need: -1, supply: 40 },
      { areaId: 'e', need: null, needReason: 'SUPPRESSED', supply: 15 },
    ],
  });

  it('computes the gap score as z(need) − z(supply)', () => {
    // N: mean 0.5, σ = √1.25 = 1.1180 → z = 1.3416, 0.4472, −0.4472, −1.3416
    // V: mean 25, σ = √125 = 11.180 → z = −1.3416, −0.4472, 0.4472, 1.3416
    // g = 2.6833, 0.8944, −0.8944, −2.6833
    expect(r.rows[0]!.score).toBeCloseTo(6 / Math.sqrt(5), 10);
    expect(r.rows[1]!.score).toBeCloseTo(2 / Math.sqrt(5), 10);
    expect(r.rows[3]!.score).toBeCloseTo(-6 / Math.sqrt(5), 10);
  });

  it('classes by quartiles computed across the areas with both values', () => {
    // N sorted −1, 0, 1, 2: Q1 = −0.25, Q2 = 0.5, Q3 = 1.25; V: Q1 = 17.5, Q2 = 25, Q3 = 32.5
    expect(r.parameters.needQuartiles).toEqual([-0.25, 0.5, 1.25]);
    expect(r.parameters.supplyQuartiles).toEqual([17.5, 25, 32.5]);
    // a: 2 ≥ 1.25 and 10 ≤ 17.5 → CRITICAL; b: 1 ≥ 0.5 and 20 ≤ 25 → HIGH; c, d: g ≤ 0 → NONE
    expect(r.rows.map((x) => x.gapClass)).toEqual(['CRITICAL', 'HIGH', 'NONE', 'NONE', null]);
    expect(classifyGap(1, 30, 0.1, [-0.25, 0.5, 1.25], [17.5, 25, 32.5])).toBe('MODERATE');
  });

  it('keeps an area with unknown need out of the quartiles and gives it the reason', () => {
    expect(r.rows[4]).toMatchObject({ score: null, gapClass: null, reason: 'SUPPRESSED' });
    expect(r.parameters.n).toBe(4);
  });

  it('rejects non-finite values', () => {
    expect(() => computeGaps({ category: 'K', needMeasure: 'n', supplyMeasure: 's', areas: [{ areaId: 1, need: NaN, supply: 1 }] })).toThrow(AnalysisInputError);
  });
});
