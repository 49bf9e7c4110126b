import { AnalysisInputError } from './errors';
import { averageRanks, mean, populationSd, quantile, spearman, zScores } from './statistics';

describe('statistics helpers', () => {
  it('computes the mean and the population standard deviation (divides by n)', () => {
    // x = 2,4,4,4,5,5,7,9: x̄ = 40/8 = 5; Σ(x−x̄)² = 9+1+1+1+0+0+4+16 = 32; σ = √(32/8) = 2
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('z-standardises 3 values by hand', () => {
    // x = 10, 20, 30: x̄ = 20; σ = √((100+0+100)/3) = √66.667 = 8.1650; z = −1.2247, 0, 1.2247
    const r = zScores([10, 20, 30]);
    expect(r.mean).toBe(20);
    expect(r.sd).toBeCloseTo(8.16497, 5);
    expect(r.z[0]).toBeCloseTo(-1.22474, 5);
    expect(r.z[1]).toBe(0);
    expect(r.z[2]).toBeCloseTo(1.22474, 5);
  });

  it('returns z = 0 and flags a constant series instead of dividing by zero', () => {
    expect(zScores([3, 3, 3])).toEqual({ mean: 3, sd: 0, z: [0, 0, 0], constant: true });
  });

  it('computes type-7 quantiles like QUARTILE.INC', () => {
    // sorted 1,2,3,4: Q1: h = 3·0.25 = 0.75 → 1 + 0.75·(2−1) = 1.75; median h = 1.5 → 2.5; Q3 h = 2.25 → 3.25
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([7], 0.25)).toBe(7);
  });

  it('gives tied values the average of the ranks they span', () => {
    // 10 → 1; the two 20s share ranks 2 and 3 → 2.5; 30 → 4
    expect(averageRanks([20, 10, 30, 20])).toEqual([2.5, 1, 4, 2.5]);
  });

  it('computes Spearman rho with ties by hand', () => {
    // x = 1,2,2,3,4 → ranks 1, 2.5, 2.5, 4, 5
    // y = 10,30,20,40,40 → ranks 1, 3, 2, 4.5, 4.5
    // mean rank 3 for both; dx = −2,−0.5,−0.5,1,2; dy = −2,0,−1,1.5,1.5
    // Σdx·dy = 4+0+0.5+1.5+3 = 9; Σdx² = 4+0.25+0.25+1+4 = 9.5; Σdy² = 4+0+1+2.25+2.25 = 9.5
    // ρ = 9 / √(9.5·9.5) = 9/9.5 = 0.947368…
    const r = spearman([1, 2, 2, 3, 4], [10, 30, 20, 40, 40]);
    expect(r.rho).toBeCloseTo(9 / 9.5, 10);
    expect(r.n).toBe(5);
    expect(r.note).toBeNull();
  });

  it('adds a note when n is below 5 and returns null for a constant series', () => {
    const small = spearman([1, 2, 3], [3, 2, 1]);
    expect(small.rho).toBeCloseTo(-1, 12);
    expect(small.note?.en).toMatch(/n = 3/);
    expect(spearman([1, 2, 3], [5, 5, 5]).rho).toBeNull();
  });

  it('rejects empty input and non-finite numbers', () => {
    expect(() => mean([])).toThrow(AnalysisInputError);
    expect(() => zScores([1, NaN])).toThrow(AnalysisInputError);
    expect(() => quantile([1], 1.5)).toThrow(AnalysisInputError);
  });
});
