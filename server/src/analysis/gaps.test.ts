import { AnalysisInputError } from './errors';
import { classifyGap, computeGaps, GAP_CUTOFFS, plannerTerms, roundCount, roundForText, type GapClass } from './gaps';

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

  it('classes by the gap score alone: > 2 critical, > 1 high, > 0 moderate', () => {
    // quartiles are still reported as context: N sorted −1, 0, 1, 2: Q1 = −0.25, Q2 = 0.5, Q3 = 1.25; V: 17.5 / 25 / 32.5
    expect(r.parameters.needQuartiles).toEqual([-0.25, 0.5, 1.25]);
    expect(r.parameters.supplyQuartiles).toEqual([17.5, 25, 32.5]);
    expect(r.parameters.cutoffs).toEqual({ moderate: 0, high: 1, critical: 2 });
    // g = 2.6833 → CRITICAL; 0.8944 → MODERATE; −0.8944, −2.6833 → NONE
    expect(r.rows.map((x) => x.gapClass)).toEqual(['CRITICAL', 'MODERATE', 'NONE', 'NONE', null]);
  });

  it('cuts exactly at the boundaries: a score on a cut-off gets the milder class', () => {
    const e = 1e-9;
    expect([-e, 0, e, 1 - e, 1, 1 + e, 2 - e, 2, 2 + e].map((g) => classifyGap(g))).toEqual(
      ['NONE', 'NONE', 'MODERATE', 'MODERATE', 'MODERATE', 'HIGH', 'HIGH', 'HIGH', 'CRITICAL'],
    );
    expect(classifyGap(1.2, { moderate: 0, high: 0.5, critical: 1 })).toBe('CRITICAL');
    expect(GAP_CUTOFFS).toEqual({ moderate: 0, high: 1, critical: 2 });
  });

  it('never gives a higher score a milder class (the quartile rule did: rank 1 "mäßig", rank 2 "hoch")', () => {
    // The case in miniature. x has the highest need and a supply just above the median (2.4),
    // y a need just above the median (0.225) and the lowest supply: g_x = 2.775 > g_y = 2.117, but the
    // quartile rule classed x (rank 1) MODERATE (supply > median) and y (rank 2) HIGH.
    const areas = [
      { areaId: 'x', need: 4, supply: 2.5 },
      { areaId: 'y', need: 0.5, supply: 0.9 },
      ...Array.from({ length: 10 }, (_, i) => ({ areaId: `o${i}`, need: -0.6 + 0.15 * i, supply: 1.5 + 0.2 * i })),
    ];
    const g = computeGaps({ category: 'youth_club', needMeasure: 'statusZ', supplyMeasure: 'e2sfcaPer1000', areas });
    const order: GapClass[] = ['NONE', 'MODERATE', 'HIGH', 'CRITICAL'];
    const ranked = [...g.rows].sort((p, q) => q.score! - p.score!);
    expect(ranked.slice(0, 2).map((row) => [row.areaId, row.score, row.gapClass])).toEqual([
      ['x', expect.closeTo(2.775166, 5), 'CRITICAL'],
      ['y', expect.closeTo(2.117144, 5), 'CRITICAL'],
    ]);
    for (let i = 1; i < ranked.length; i++) expect(order.indexOf(ranked[i]!.gapClass!)).toBeLessThanOrEqual(order.indexOf(ranked[i - 1]!.gapClass!));
  });

  it('states the gap in places and persons', () => {
    // norm 3 places per 1,000, 1.77 reachable per 1,000, 15,000 residents, 400 without a club within 3,000 m:
    // missing 3 − 1.77 = 1.23 per 1,000 → rund 1,2; 1.23 · 15,000 / 1,000 = 18.45 → rund 18
    const p = plannerTerms({ norm: 3, supplyPer1000: 1.77, targetPopulation: 15000, withoutServiceInReach: 400, catchmentMetres: 3000, targetDe: 'Einwohner', targetEn: 'residents', supplyDe: 'erreichbar', supplyEn: 'within reach' });
    expect(p.missingPer1000).toBeCloseTo(1.23, 12);
    expect(p.missing).toBeCloseTo(18.45, 10);
    expect(p.statement?.de).toBe('Es fehlen rund 1,2 Plätze je 1.000 Einwohner (Richtwert 3, erreichbar 1,8), zusammen rund 18 Plätze. Rund 400 Einwohner haben kein Angebot im Umkreis von 3.000 m Luftlinie.');
    expect(p.statement?.en).toBe('About 1.2 places per 1,000 residents are missing (norm 3, within reach 1.8), about 18 places in all. About 400 residents have no service within 3,000 m straight line.');
    // norm met: nothing missing, no negative "missing"
    const met = plannerTerms({ norm: 3, supplyPer1000: 3.04, targetPopulation: 15000 });
    expect(met).toMatchObject({ missingPer1000: 0, missing: 0, withoutServiceInReach: null });
    expect(met.statement?.de).toBe('Der Richtwert von 3 Plätze je 1.000 Personen der Zielgruppe ist erreicht (vorhanden 3).');
    expect(plannerTerms({ norm: null, supplyPer1000: 2, targetPopulation: 10 }).statement).toBeNull();
    expect([4.44, 45.4, 123, 1234].map(roundForText)).toEqual([4.4, 45, 120, 1230]);
    expect([0, 0.3, 9.9, 123].map(roundCount)).toEqual([0, 1, 10, 120]);
    // a catchment in road metres estimated from the straight line says so
    expect(plannerTerms({ norm: 3, supplyPer1000: 0, targetPopulation: 10000, withoutServiceInReach: 9996, catchmentMetres: 3000, detourFactor: 1.2, targetDe: 'Einwohner' }).statement?.de).toBe(
      'Es fehlen rund 3 Plätze je 1.000 Einwohner (Richtwert 3, vorhanden 0), zusammen rund 30 Plätze. Rund 10.000 Einwohner haben kein Angebot im Umkreis von 3.000 m Weg (geschätzt als Luftlinie × 1,2).',
    );
  });

  it('passes planner terms through the rows', () => {
    const g = computeGaps({ category: 'K', needMeasure: 'n', supplyMeasure: 's', areas: [
      { areaId: 1, need: 1, supply: 10, planner: { norm: 150, supplyPer1000: 105, targetPopulation: 1000 } },
      { areaId: 2, need: 0, supply: 20 },
    ] });
    expect(g.rows[0]!.planner).toMatchObject({ missingPer1000: 45, missing: 45 });
    expect(g.rows[0]!.planner?.statement?.de).toMatch(/^Es fehlen rund 45 Plätze je 1\.000/);
    expect(g.rows[1]!.planner).toBeNull();
  });

  it('keeps an area with unknown need out of the quartiles and gives it the reason', () => {
    expect(r.rows[4]).toMatchObject({ score: null, gapClass: null, reason: 'SUPPRESSED' });
    expect(r.parameters.n).toBe(4);
  });

  it('rejects non-finite values and unordered cut-offs', () => {
    expect(() => computeGaps({ category: 'K', needMeasure: 'n', supplyMeasure: 's', areas: [], cutoffs: { moderate: 0, high: 2, critical: 1 } })).toThrow(/cut-offs/);
    expect(() => computeGaps({ category: 'K', needMeasure: 'n', supplyMeasure: 's', areas: [{ areaId: 1, need: NaN, supply: 1 }] })).toThrow(AnalysisInputError);
  });
});
