import { AnalysisInputError } from './errors';
import {
  decayWeight, DEFAULT_DETOUR_FACTOR, DEFAULT_ZONES, detourPairs, e2sfca, haversineMetres, nearPairs, pairsFromMatrix, spreadPopulation, zoneWeight,
  type Demand, type DistanceDecay, type Pair, type Supply, type Zone,
} from './e2sfca';

// 3 supplies × 3 demand points, distances in metres, default zones (≤1000: 1.00, ≤2000: 0.68, ≤3000: 0.22)
//            k1 (D=100, X)   k2 (D=200, X)   k3 (D=300, Y)
//   j1 S=20     500 → 1.00     1500 → 0.68     3500 → out
//   j2 S=10    2500 → 0.22      800 → 1.00     1200 → 0.68
//   j3 S=30    4000 → out      4000 → out      2900 → 0.22
const at = { lon: 12.37, lat: 51.34 };
const supplies: Supply[] = [
  { id: 'j1', capacity: 20, ...at },
  { id: 'j2', capacity: 10, ...at },
  { id: 'j3', capacity: 30, ...at },
];
const demands: Demand[] = [
  { id: 'k1', areaId: 'X', population: 100, ...at },
  { id: 'k2', areaId: 'X', population: 200, ...at },
  { id: 'k3', areaId: 'Y', population: 300, ...at },
];
const matrix = [
  [500, 1500, 3500],
  [2500, 800, 1200],
  [4000, 4000, 2900],
];
const pairs: Pair[] = matrix.flatMap((row, supplyIdx) =>
  row.flatMap((distance, demandIdx) => (distance <= 3000 ? [{ supplyIdx, demandIdx, distance }] : [])),
);

// Step 1: R1 = 20 / (100·1 + 200·0.68)            = 20/236 = 0.0847458
//         R2 = 10 / (100·0.22 + 200·1 + 300·0.68) = 10/426 = 0.0234742
//         R3 = 30 / (300·0.22)                     = 30/66  = 0.4545455
// Step 2: A1 = R1·1 + R2·0.22    = 0.0847458 + 0.0051643 = 0.0899101
//         A2 = R1·0.68 + R2·1    = 0.0576271 + 0.0234742 = 0.0811013
//         A3 = R2·0.68 + R3·0.22 = 0.0159624 + 0.1000000 = 0.1159624
// Area X = (100·A1 + 200·A2)/300 = 0.0840376; area Y = A3
const R = [20 / 236, 10 / 426, 30 / 66];
const A = [R[0]! + R[1]! * 0.22, R[0]! * 0.68 + R[1]!, R[1]! * 0.68 + R[2]! * 0.22];

describe('E2SFCA (Luo & Qi 2009)', () => {
  it('computes step 1 and step 2 of a 3×3 example by hand', () => {
    const r = e2sfca({ supplies, demands, pairs });
    r.supplies.forEach((s, j) => expect(s.ratio).toBeCloseTo(R[j]!, 12));
    expect(r.supplies[0]!.weightedDemand).toBeCloseTo(236, 10);
    r.demands.forEach((d, i) => expect(d.accessibility).toBeCloseTo(A[i]!, 12));
    expect(r.demands[0]!.accessibility).toBeCloseTo(0.0899101, 7);
    expect(r.demands[2]!.accessibilityPer1000).toBeCloseTo(115.9624, 4);
  });

  it('aggregates per area as the population-weighted mean and conserves total capacity', () => {
    const r = e2sfca({ supplies, demands, pairs });
    expect(r.areas.find((a) => a.areaId === 'X')!.accessibility).toBeCloseTo((100 * A[0]! + 200 * A[1]!) / 300, 12);
    expect(r.areas.find((a) => a.areaId === 'Y')).toMatchObject({ population: 300, demandPoints: 1 });
    // Σ D_i A_i = Σ_j R_j Σ_i D_i W_ij = Σ S_j = 60 when every supply has demand in reach
    expect(r.demands.reduce((s, d) => s + d.population! * d.accessibility!, 0)).toBeCloseTo(60, 10);
  });

  it('gives the same result from a cost function as from precomputed pairs', () => {
    const idx = (id: string) => Number(id.slice(1)) - 1;
    const r = e2sfca({ supplies, demands, pairs: (s, d) => matrix[idx(String(s.id))]![idx(String(d.id))]! });
    r.demands.forEach((d, i) => expect(d.accessibility).toBeCloseTo(A[i]!, 12));
    expect(r.parameters.distance).toBe('cost-function');
  });

  it('reports a supply with zero demand in reach and lets it contribute nothing', () => {
    const r = e2sfca({
      supplies: [{ id: 's', capacity: 5, ...at }],
      demands: [{ id: 'd', areaId: 'Z', population: 0, ...at }],
      pairs: [{ supplyIdx: 0, demandIdx: 0, distance: 100 }],
    });
    expect(r.supplies[0]).toMatchObject({ ratio: null, ratioReason: 'NO_DEMAND' });
    expect(r.suppliesWithoutDemand).toEqual(['s']);
    expect(r.demands[0]!.accessibility).toBe(0);
    expect(r.areas[0]).toMatchObject({ accessibility: null, reason: 'NO_DEMAND' }); // Σ D = 0: no mean
  });

  it('gives a real zero to a demand point with no supply in reach', () => {
    const r = e2sfca({ supplies, demands: [...demands, { id: 'k4', areaId: 'Y', population: 50, ...at }], pairs });
    expect(r.demands[3]).toMatchObject({ accessibility: 0, reason: null, suppliesInReach: 0 });
    // area Y = (300·A3 + 50·0)/350
    expect(r.areas.find((a) => a.areaId === 'Y')!.accessibility).toBeCloseTo((300 * A[2]!) / 350, 12);
  });

  it('propagates unknown demand and unknown capacity as null instead of zero', () => {
    const r = e2sfca({ supplies, demands: demands.map((d) => (d.id === 'k3' ? { ...d, population: null } : d)), pairs });
    // k3 is in reach of j2 and j3 → R2, R3 unknown → A1 (via j2), A2 (via j2), A3 unknown
    expect(r.supplies.map((s) => s.ratioReason)).toEqual([null, 'DEMAND_UNKNOWN', 'DEMAND_UNKNOWN']);
    expect(r.demands.map((d) => d.accessibility)).toEqual([null, null, null]);
    expect(r.areas.every((a) => a.accessibility === null)).toBe(true);

    const c = e2sfca({ supplies: supplies.map((s) => (s.id === 'j3' ? { ...s, capacity: null } : s)), demands, pairs });
    // j3 reaches only k3 → A3 unknown; A1, A2 unchanged
    expect(c.demands[2]).toMatchObject({ accessibility: null, reason: 'CAPACITY_UNKNOWN' });
    expect(c.demands[0]!.accessibility).toBeCloseTo(A[0]!, 12);
  });

  it('uses inclusive zone bounds and weight 0 beyond the catchment', () => {
    const W = zoneWeight(DEFAULT_ZONES);
    expect([0, 1000, 1000.01, 2000, 3000, 3000.01].map(W)).toEqual([1, 1, 0.68, 0.68, 0.22, 0]);
    expect(W.catchment).toBe(3000);
  });

  it('rejects invalid zones, pairs and values', () => {
    expect(() => zoneWeight([])).toThrow(AnalysisInputError);
    expect(() => zoneWeight([{ maxDistance: 1000, weight: 0.5 }, { maxDistance: 900, weight: 0.2 }])).toThrow(/increase/);
    expect(() => zoneWeight([{ maxDistance: 1000, weight: 0.5 }, { maxDistance: 2000, weight: 0.8 }])).toThrow(/weights/);
    expect(() => e2sfca({ supplies, demands, pairs: [{ supplyIdx: 3, demandIdx: 0, distance: 1 }] })).toThrow(/range/);
    expect(() => e2sfca({ supplies, demands, pairs: [pairs[0]!, pairs[0]!] })).toThrow(/duplicate/);
    expect(() => e2sfca({ supplies: [{ ...supplies[0]!, capacity: -1 }], demands, pairs: [] })).toThrow(/capacity/);
    expect(() => nearPairs([{ lon: 200, lat: 0 }], [], 10)).toThrow(/WGS 84/);
  });
});

describe('E2SFCA with continuous distance decay and cost matrices', () => {
  const allotted = (r: ReturnType<typeof e2sfca>) => r.demands.reduce((s, d) => s + d.population! * d.accessibility!, 0);

  it('gravity decay W(d) = (max(d, d_min)/d_min)^−β: the 3×3 example by hand (β = 1, d_min = 500 m)', () => {
    // W: 500 → 1; 1500 → 1/3; 2500 → 0.2; 800 → 0.625; 1200 → 0.416667; 2900 → 500/2900 = 0.172414
    // R1 = 20/(100 + 200/3) = 0.12; R2 = 10/(100·0.2 + 200·0.625 + 300·0.416667) = 10/270 = 1/27;
    // R3 = 30/(300·0.172414) = 0.58.  A1 = 0.12 + 0.2/27 = 0.1274074; A2 = 0.04 + 0.625/27 = 0.0631481;
    // A3 = 0.416667/27 + 0.58·0.172414 = 0.1154321
    const decay: DistanceDecay = { kind: 'GRAVITY', catchment: 3000, beta: 1, minDistance: 500 };
    const r = e2sfca({ supplies, demands, pairs, decay });
    expect(r.supplies.map((x) => x.ratio)).toEqual([expect.closeTo(0.12, 12), expect.closeTo(1 / 27, 12), expect.closeTo(0.58, 12)]);
    expect(r.demands.map((d) => d.accessibility)).toEqual([expect.closeTo(0.1274074, 7), expect.closeTo(0.0631481, 7), expect.closeTo(0.1154321, 7)]);
    expect(r.parameters).toMatchObject({ decay, zones: [], catchment: 3000 });
    expect(allotted(r)).toBeCloseTo(60, 10);
  });

  it('Gaussian decay of Dai (2010): 1 at 0, 0 at the catchment, the 3×3 example by hand', () => {
    const W = decayWeight({ kind: 'GAUSSIAN', catchment: 3000 });
    // W(d) = (e^(−½(d/3000)²) − e^(−½)) / (1 − e^(−½)); e^(−½) = 0.6065307
    // W(500) = (0.9862070 − 0.6065307)/0.3934693 = 0.964945; W(1500) = 0.701367; W(3000) = 0
    expect([0, 500, 1500, 3000, 3000.01].map(W)).toEqual([1, expect.closeTo(0.964945, 6), expect.closeTo(0.701367, 6), expect.closeTo(0, 12), 0]);
    const r = e2sfca({ supplies, demands, pairs, decay: { kind: 'GAUSSIAN', catchment: 3000 } });
    // R1 = 20/(100·0.964945 + 200·0.701367) = 0.0844709; A1 = R1·0.964945 + R2·0.254448 = 0.0871760
    expect(r.supplies[0]!.ratio).toBeCloseTo(0.0844709, 7);
    expect(r.demands.map((d) => d.accessibility)).toEqual([expect.closeTo(0.087176, 6), expect.closeTo(0.0795364, 7), expect.closeTo(0.1179171, 7)]);
    expect(allotted(r)).toBeCloseTo(60, 10);
  });

  it('conserves demand: the allotted supply Σ D_i·A_i equals the total capacity for every decay and cost input', () => {
    // holds whenever every supply has demand in reach (here 150 supplies over 1,500 random points)
    const rand = rng(7);
    const point = () => ({ lon: 12.25 + rand() * 0.25, lat: 51.27 + rand() * 0.14 });
    const S: Supply[] = Array.from({ length: 150 }, (_, j) => ({ id: j, capacity: Math.round(10 + rand() * 90), ...point() }));
    const D: Demand[] = Array.from({ length: 1500 }, (_, k) => ({ id: k, areaId: k % 20, population: 1 + Math.round(rand() * 400), ...point() }));
    const total = S.reduce((s, x) => s + x.capacity!, 0);
    const decays: DistanceDecay[] = [
      { kind: 'STEP', zones: DEFAULT_ZONES },
      { kind: 'GRAVITY', catchment: 3000, beta: 1.5, minDistance: 200 },
      { kind: 'GAUSSIAN', catchment: 3000 },
    ];
    for (const decay of decays) {
      for (const p of [nearPairs(S, D, 3000), detourPairs(S, D, 3000)]) {
        const r = e2sfca({ supplies: S, demands: D, pairs: p, decay });
        expect(r.suppliesWithoutDemand).toEqual([]);
        expect(allotted(r) / total).toBeCloseTo(1, 10);
        // and the area means, weighted back by their population, give the same total
        expect(r.areas.reduce((s, a) => s + a.population! * a.accessibility!, 0) / total).toBeCloseTo(1, 10);
      }
    }
  });

  it('estimates network distance as straight line × 1.2 by default', () => {
    expect(DEFAULT_DETOUR_FACTOR).toBe(1.2);
    // 0.01° of latitude = 1,111.95 m straight line → 1,334.34 m; 0.02° (2,223.9 m → 2,668.7 m) is beyond 2,500 m
    const s = [{ lon: 12.37, lat: 51.34 }];
    const d = [{ lon: 12.37, lat: 51.35 }, { lon: 12.37, lat: 51.36 }];
    expect(detourPairs(s, d, 2500)).toEqual([{ supplyIdx: 0, demandIdx: 0, distance: expect.closeTo(1111.95 * 1.2, 1) }]);
    expect(detourPairs(s, d, 2500, 1).map((p) => p.demandIdx)).toEqual([0, 1]);
    expect(() => detourPairs(s, d, 2500, 0.9)).toThrow(/below 1/);
  });

  it('takes a cost matrix, e.g. travel times in minutes from a router, with null for no route', () => {
    // the 3×3 example in minutes (10, 20, 30 min zones as in Luo & Qi 2009): same pattern of zones as the metres above
    const minutes = { unit: 'minutes' as const, costs: [[5, 15, null], [25, 8, 12], [null, 40, 29]] };
    const zones: Zone[] = [{ maxDistance: 10, weight: 1 }, { maxDistance: 20, weight: 0.68 }, { maxDistance: 30, weight: 0.22 }];
    const r = e2sfca({ supplies, demands, pairs: pairsFromMatrix(minutes, 3, 3, 30), zones, costUnit: 'minutes' });
    r.demands.forEach((d, i) => expect(d.accessibility).toBeCloseTo(A[i]!, 12));
    expect(r.parameters.unit).toBe('minutes');
    expect(() => pairsFromMatrix({ unit: 'minutes', costs: [[1, 2]] }, 1, 3, 30)).toThrow(/columns/);
    expect(() => pairsFromMatrix({ unit: 'minutes', costs: [[1, -2, 3]] }, 1, 3, 30)).toThrow(AnalysisInputError);
  });

  it('counts the persons without any supply in reach per area', () => {
    const r = e2sfca({ supplies, demands: [...demands, { id: 'k4', areaId: 'Y', population: 50, ...at }], pairs });
    expect(r.areas.map((a) => [a.areaId, a.populationWithoutSupply])).toEqual([['X', 0], ['Y', 50]]);
  });

  it('rejects invalid decays', () => {
    expect(() => decayWeight({ kind: 'GRAVITY', catchment: 3000, beta: 0, minDistance: 100 })).toThrow(/beta/);
    expect(() => decayWeight({ kind: 'GRAVITY', catchment: 300, beta: 1, minDistance: 500 })).toThrow(/minDistance/);
    expect(() => decayWeight({ kind: 'GAUSSIAN', catchment: 0 })).toThrow(/catchment/);
    expect(() => e2sfca({ supplies, demands, pairs, zones: DEFAULT_ZONES, decay: { kind: 'GAUSSIAN', catchment: 3000 } })).toThrow(/not both/);
  });
});

// Seeded PRNG (mulberry32) for reproducible random fixtures.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference written straight from the formulas: every supply × every demand point, no index. */
function naiveE2sfca(S: Supply[], D: Demand[], zones: readonly Zone[]): number[] {
  const W = (d: number) => zones.find((z) => d <= z.maxDistance)?.weight ?? 0;
  const Rj = S.map((s) => {
    let denom = 0;
    for (const k of D) denom += k.population! * W(haversineMetres(s, k));
    return denom > 0 ? s.capacity! / denom : 0;
  });
  return D.map((i) => S.reduce((sum, s, j) => sum + Rj[j]! * W(haversineMetres(s, i)), 0));
}

describe('E2SFCA fast path with the spatial index', () => {
  const rand = rng(20240601);
  const point = () => ({ lon: 12.25 + rand() * 0.25, lat: 51.27 + rand() * 0.14 }); // Leipzig-sized box
  const S: Supply[] = Array.from({ length: 150 }, (_, j) => ({ id: j, capacity: Math.round(10 + rand() * 90), ...point() }));
  const D: Demand[] = Array.from({ length: 1500 }, (_, k) => ({ id: k, areaId: k % 20, population: Math.round(rand() * 400), ...point() }));

  it('finds exactly the pairs a brute-force search finds', () => {
    const fast = nearPairs(S, D, 3000).map((p) => `${p.supplyIdx}:${p.demandIdx}`).sort();
    const brute: string[] = [];
    S.forEach((s, j) => D.forEach((d, k) => haversineMetres(s, d) <= 3000 && brute.push(`${j}:${k}`)));
    expect(fast).toEqual(brute.sort());
    expect(fast.length).toBeGreaterThan(1000);
  });

  it('matches the naive reference on seeded random data', () => {
    const fast = e2sfca({ supplies: S, demands: D, pairs: nearPairs(S, D, 3000) });
    const ref = naiveE2sfca(S, D, DEFAULT_ZONES);
    fast.demands.forEach((d, i) => expect(d.accessibility!).toBeCloseTo(ref[i]!, 12));
  });

  it('measures distances on the sphere: 0.01° of latitude is about 1,112 m', () => {
    expect(haversineMetres({ lon: 12.37, lat: 51.34 }, { lon: 12.37, lat: 51.35 })).toBeCloseTo(1111.95, 1);
  });
});

describe('spreading area population over cells', () => {
  it('splits population by cell weight and keeps unknown population unknown', () => {
    // area A: P = 1000, weights 1, 1, 2 → 250, 250, 500; area B: P unknown → null
    const { demands: d, areasWithoutCells } = spreadPopulation(
      [
        { areaId: 'A', x: 12.3, y: 51.3, weight: 1 },
        { areaId: 'A', x: 12.31, y: 51.3, weight: 1 },
        { areaId: 'A', x: 12.32, y: 51.3, weight: 2 },
        { areaId: 'B', x: 12.4, y: 51.3, weight: 1 },
      ],
      [
        { areaId: 'A', population: 1000 },
        { areaId: 'B', population: null },
        { areaId: 'C', population: 40 },
      ],
    );
    expect(d.map((x) => x.population)).toEqual([250, 250, 500, null]);
    expect(areasWithoutCells).toEqual(['C']);
  });

  it('rejects cells of an area without a population entry or with zero total weight', () => {
    expect(() => spreadPopulation([{ areaId: 'Q', x: 12, y: 51, weight: 1 }], [])).toThrow(AnalysisInputError);
    expect(() => spreadPopulation([{ areaId: 'A', x: 12, y: 51, weight: 0 }], [{ areaId: 'A', population: 5 }])).toThrow(/sum to 0/);
  });
});
