/**
 * Enhanced two-step floating catchment area method (E2SFCA): Luo, W. & Qi, Y. (2009), "An enhanced
 * two-step floating catchment area (E2SFCA) method for measuring spatial accessibility to primary
 * care physicians", Health & Place 15(4), 1100–1107; extending 2SFCA of Luo, W. & Wang, F. (2003).
 *
 * Symbols and units:
 *   S_j   capacity of supply j (places, hours per week, … — the category's capacity unit)
 *   D_k   demand (persons of the target group) at demand point k
 *   d_kj  distance between k and j in metres — here straight-line (great-circle, haversine with
 *         R = 6,371 km) unless the caller supplies other distances; the paper used travel-time zones
 *   zones r = 1…m: (d_{r−1}, d_r] with weights W_r (dimensionless, W_1 ≥ W_2 ≥ … > 0); d_0 := 0 for
 *         the first zone, which includes distance 0; the catchment is d_max = d_m
 *   Step 1: R_j = S_j / Σ_{k: d_kj ≤ d_max} D_k·W_r(d_kj)        (capacity units per person)
 *   Step 2: A_i = Σ_{j: d_ij ≤ d_max} R_j·W_r(d_ij)              (capacity units per person)
 *   Area:   A_a = Σ_{i∈a} D_i·A_i / Σ_{i∈a} D_i                 (population-weighted mean)
 * Results are also given × 1,000 (capacity units per 1,000 persons of the target group).
 *
 * Distance decay W (DistanceDecay): stepped zones (default, Luo & Qi 2009), a gravity (power) decay
 * W(d) = (max(d, d_min)/d_min)^−β, or the Gaussian decay of Dai (2010)
 * W(d) = (e^(−½(d/d₀)²) − e^(−½)) / (1 − e^(−½)); every W is 1 at d = 0 and 0 beyond the catchment d₀.
 * Costs d: straight line × a detour factor (default 1.2, `detourPairs`), precomputed pairs, a cost
 * matrix (e.g. travel times from a router, `pairsFromMatrix`) or a cost function.
 *
 * Edge cases: a supply with no (positive) demand in reach has no ratio (R_j = null, reported in
 * `suppliesWithoutDemand`) and contributes nothing. A demand point with no supply in reach has
 * A_i = 0 — a real zero. Unknown capacity (S_j = null) or unknown demand (D_k = null) make every
 * R_j and A_i they touch null with the reason; they never count as 0.
 */
import KDBush from 'kdbush';
import { AnalysisInputError, assertFinite, assertInteger, assertNonNegative, assertPositive, assertUnique } from './errors';
import type { Id, LonLat, MethodText, MissingReason } from './types';

export interface Supply extends LonLat {
  id: Id;
  /** S_j; null = unknown */
  capacity: number | null;
}

export interface Demand extends LonLat {
  id: Id;
  areaId: Id;
  /** D_k; null = unknown (e.g. suppressed) */
  population: number | null;
}

export interface Zone {
  /** upper bound d_r of the zone in metres (inclusive) */
  maxDistance: number;
  /** W_r */
  weight: number;
}

/** A supply–demand pair within the catchment (indices into the supplies and demands arrays). */
export interface Pair {
  supplyIdx: number;
  demandIdx: number;
  /** metres */
  distance: number;
}

/**
 * Pairs as columns (typed arrays), grouped by supply in supply order and by demand index within a
 * supply: what the spatial index produces. A large city has millions of pairs; as objects they cost
 * seconds of allocation and garbage collection, as columns a few typed arrays.
 */
export interface PairTable {
  readonly length: number;
  readonly supplyIdx: Int32Array;
  readonly demandIdx: Int32Array;
  /** metres (or the cost unit) */
  readonly distance: Float64Array;
}

/** Grows typed columns while pairs are found. */
class PairColumns {
  length = 0;
  supplyIdx = new Int32Array(1024);
  demandIdx = new Int32Array(1024);
  distance = new Float64Array(1024);
  /** room for at least n pairs (one allocation instead of repeated doubling) */
  reserve(n: number): void {
    if (n <= this.supplyIdx.length) return;
    const copy = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a.subarray(0, this.length)), b);
    this.supplyIdx = copy(this.supplyIdx, new Int32Array(n));
    this.demandIdx = copy(this.demandIdx, new Int32Array(n));
    this.distance = copy(this.distance, new Float64Array(n));
  }
  push(supplyIdx: number, demandIdx: number, distance: number): void {
    if (this.length === this.supplyIdx.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.supplyIdx = grow(this.supplyIdx, (n) => new Int32Array(n));
      this.demandIdx = grow(this.demandIdx, (n) => new Int32Array(n));
      this.distance = grow(this.distance, (n) => new Float64Array(n));
    }
    this.supplyIdx[this.length] = supplyIdx;
    this.demandIdx[this.length] = demandIdx;
    this.distance[this.length] = distance;
    this.length++;
  }
  table(): PairTable {
    const n = this.length;
    return { length: n, supplyIdx: this.supplyIdx.subarray(0, n), demandIdx: this.demandIdx.subarray(0, n), distance: this.distance.subarray(0, n) };
  }
}

/** The pairs of a table as objects (small data, tests). */
export function pairsOf(table: PairTable): Pair[] {
  return Array.from({ length: table.length }, (_, n) => ({ supplyIdx: table.supplyIdx[n]!, demandIdx: table.demandIdx[n]!, distance: table.distance[n]! }));
}

function isPairTable(p: unknown): p is PairTable {
  return typeof p === 'object' && p !== null && (p as PairTable).supplyIdx instanceof Int32Array;
}

/** Distance in metres between a supply and a demand point (only for small data: it is called N×M times). */
export type CostFunction = (supply: Supply, demand: Demand) => number;

/** Weights of Luo & Qi (2009) for three travel-time zones 0–10, 10–20, 20–30 min. */
export const LUO_QI_WEIGHTS = [1.0, 0.68, 0.22] as const;

/** Default zones: 0–1,000 m, 1,000–2,000 m, 2,000–3,000 m, with Luo & Qi's weights. */
export const DEFAULT_ZONES: readonly Zone[] = [
  { maxDistance: 1000, weight: LUO_QI_WEIGHTS[0] },
  { maxDistance: 2000, weight: LUO_QI_WEIGHTS[1] },
  { maxDistance: 3000, weight: LUO_QI_WEIGHTS[2] },
];

export interface ZoneWeight {
  (distance: number): number;
  /** d_max, metres */
  catchment: number;
  zones: readonly Zone[];
}

/** Validated step weight function W(d): W_r for d in zone r, 0 beyond the catchment. */
export function zoneWeight(zones: readonly Zone[]): ZoneWeight {
  if (zones.length === 0) throw new AnalysisInputError('at least one zone is needed', 'zones');
  zones.forEach((z, r) => {
    assertPositive(z.maxDistance, `zones[${r}].maxDistance`);
    assertPositive(z.weight, `zones[${r}].weight`);
    if (r > 0 && z.maxDistance <= zones[r - 1]!.maxDistance) throw new AnalysisInputError('zone bounds must increase', `zones[${r}].maxDistance`);
    if (r > 0 && z.weight > zones[r - 1]!.weight) throw new AnalysisInputError('weights must not increase with distance', `zones[${r}].weight`);
  });
  const copy = zones.map((z) => ({ ...z }));
  const fn = ((d: number) => {
    if (!(d >= 0)) return 0;
    for (const z of copy) if (d <= z.maxDistance) return z.weight;
    return 0;
  }) as ZoneWeight;
  fn.catchment = copy[copy.length - 1]!.maxDistance;
  fn.zones = copy;
  return fn;
}

/** Supply as recorded capacity, or every service counts 1 when a category records none; the GraphQL enum is registered from this list. */
/** Where the demand of an area is placed: a grid clipped to the area, or its label point. */
export const DEMAND_MODES = ['GRID', 'LABEL_POINTS'] as const;
export type DemandMode = (typeof DEMAND_MODES)[number];

export const CAPACITY_MODES = ['CAPACITY', 'FACILITY_COUNT'] as const;
export type CapacityMode = (typeof CAPACITY_MODES)[number];

/** The distance-decay kinds; the GraphQL enum is registered from this list. */
export const DECAY_KINDS = ['STEP', 'GRAVITY', 'GAUSSIAN'] as const;
export type DecayKind = (typeof DECAY_KINDS)[number];

export type DistanceDecay =
  /** stepped weights per zone (Luo & Qi 2009) */
  | { kind: 'STEP'; zones: readonly Zone[] }
  /** W(d) = 1 for d ≤ d_min, (d/d_min)^−β up to the catchment, 0 beyond */
  | { kind: 'GRAVITY'; catchment: number; beta: number; minDistance: number }
  /** Dai (2010): W(d) = (e^(−½(d/d₀)²) − e^(−½)) / (1 − e^(−½)) for d ≤ d₀ = catchment, 0 beyond */
  | { kind: 'GAUSSIAN'; catchment: number };

/** Gravity defaults (our choice; β is usually calibrated to observed trips): β = 1, full weight up to d_min = 500 m. */
export const GRAVITY_DEFAULTS = { beta: 1, minDistance: 500 } as const;

export interface WeightFunction {
  (distance: number): number;
  /** d_max: beyond it W = 0, in cost units */
  catchment: number;
  /** the zones of a STEP decay; empty for continuous decays */
  zones: readonly Zone[];
  decay: DistanceDecay;
}

const GAUSS_TAIL = Math.exp(-0.5);

/** Validated weight function W(d) of any decay. */
export function decayWeight(decay: DistanceDecay): WeightFunction {
  if (decay.kind === 'STEP') {
    const z = zoneWeight(decay.zones);
    const fn = ((d: number) => z(d)) as WeightFunction;
    return Object.assign(fn, { catchment: z.catchment, zones: z.zones, decay: { kind: 'STEP' as const, zones: z.zones } });
  }
  assertPositive(decay.catchment, 'decay.catchment');
  let w: (d: number) => number;
  let copy: DistanceDecay;
  if (decay.kind === 'GRAVITY') {
    assertPositive(decay.beta, 'decay.beta');
    assertPositive(decay.minDistance, 'decay.minDistance');
    if (decay.minDistance > decay.catchment) throw new AnalysisInputError('minDistance must not exceed the catchment', 'decay.minDistance');
    const { beta, minDistance, catchment } = decay;
    w = (d) => (d <= minDistance ? 1 : (d / minDistance) ** -beta);
    copy = { kind: 'GRAVITY', catchment, beta, minDistance };
  } else if (decay.kind === 'GAUSSIAN') {
    const d0 = decay.catchment;
    w = (d) => (Math.exp(-0.5 * (d / d0) ** 2) - GAUSS_TAIL) / (1 - GAUSS_TAIL);
    copy = { kind: 'GAUSSIAN', catchment: d0 };
  } else {
    throw new AnalysisInputError(`unknown decay ${String((decay as { kind: unknown }).kind)}`, 'decay.kind');
  }
  const catchment = decay.catchment;
  const fn = ((d: number) => (d >= 0 && d <= catchment ? Math.max(0, w(d)) : 0)) as WeightFunction;
  return Object.assign(fn, { catchment, zones: [] as Zone[], decay: copy });
}

/**
 * Detour factor for straight-line distances when no network costs are given: network distance ≈ 1.2 ×
 * straight line for random points in a city (Newell 1980; O'Sullivan 1996 found 1.21–1.23 around
 * transit stations; both as summarised in Wikibooks, "Transportation Geography and Network
 * Science/Circuity"). Walking routes are often more circuitous: pass a cost matrix where it matters.
 */
export const DEFAULT_DETOUR_FACTOR = 1.2;

export type CostUnit = 'metres' | 'minutes';

/** Costs from supply j (rows) to demand k (columns), e.g. travel times from a router; null = no route. */
export interface CostMatrix {
  unit: CostUnit;
  costs: readonly (readonly (number | null)[])[];
}

/** The pairs of a cost matrix within the catchment (same cost unit). */
export function pairsFromMatrix(matrix: CostMatrix, supplies: number, demands: number, catchment: number): Pair[] {
  if (matrix.costs.length !== supplies) throw new AnalysisInputError(`cost matrix has ${matrix.costs.length} rows for ${supplies} supplies`, 'costs');
  const pairs: Pair[] = [];
  matrix.costs.forEach((row, supplyIdx) => {
    if (row.length !== demands) throw new AnalysisInputError(`row ${supplyIdx} has ${row.length} columns for ${demands} demand points`, `costs[${supplyIdx}]`);
    row.forEach((c, demandIdx) => {
      if (c === null) return;
      assertNonNegative(c, `costs[${supplyIdx}][${demandIdx}]`);
      if (c <= catchment) pairs.push({ supplyIdx, demandIdx, distance: c });
    });
  });
  return pairs;
}

/** Pairs within `catchment` metres of network distance estimated as straight line × factor. */
export function detourPairs(supplies: readonly LonLat[], demands: readonly LonLat[], catchment: number, factor: number = DEFAULT_DETOUR_FACTOR): Pair[] {
  return pairsOf(detourTable(supplies, demands, catchment, factor));
}

/** `detourPairs` as a pair table (what the server uses). */
export function detourTable(
  supplies: readonly LonLat[],
  demands: readonly LonLat[] | DemandIndex,
  catchment: number,
  factor: number = DEFAULT_DETOUR_FACTOR,
  supplyOffset = 0,
): PairTable {
  assertPositive(factor, 'detourFactor');
  if (factor < 1) throw new AnalysisInputError('a detour factor below 1 would make routes shorter than the straight line', 'detourFactor');
  const t = nearTable(supplies, demands, catchment / factor, supplyOffset);
  for (let n = 0; n < t.length; n++) t.distance[n] = Math.min(catchment, t.distance[n]! * factor);
  return t;
}

const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine, sphere with R = 6,371 km). */
export function haversineMetres(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function checkLonLat(p: LonLat, field: string): void {
  assertFinite(p.lon, `${field}.lon`);
  assertFinite(p.lat, `${field}.lat`);
  if (p.lon < -180 || p.lon > 180 || p.lat < -90 || p.lat > 90) throw new AnalysisInputError(`(${p.lon}, ${p.lat}) is not a WGS 84 lon/lat`, field);
}

/** A k-d tree (kdbush) over demand points, for pair searches; build once, query per supply. */
export interface DemandIndex {
  /** null when there are no demand points */
  readonly tree: KDBush | null;
  readonly demands: readonly LonLat[];
  /** cos(latitude) per point, for the haversine formula */
  readonly cosLat: Float64Array;
}

export function demandIndex(demands: readonly LonLat[]): DemandIndex {
  demands.forEach((d, k) => checkLonLat(d, `demands[${k}]`));
  const cosLat = new Float64Array(demands.length);
  demands.forEach((d, k) => (cosLat[k] = Math.cos(d.lat * RAD)));
  if (demands.length === 0) return { tree: null, demands, cosLat };
  const tree = new KDBush(demands.length);
  for (const d of demands) tree.add(d.lon, d.lat);
  tree.finish();
  return { tree, demands, cosLat };
}

/** Tables built here hold no duplicate pair and no index out of range: e2sfca skips their check. */
const CHECKED = new WeakSet<PairTable>();

/**
 * All supply–demand pairs within maxDistanceM (straight line, metres): a k-d tree over the demand
 * points (kdbush) is searched in a latitude/longitude box that contains every point within the
 * distance on the sphere, then each candidate is kept if its exact haversine distance is within:
 * O((N + M)·log M + pairs) instead of N×M distance computations.
 */
export function nearPairs(supplies: readonly LonLat[], demands: readonly LonLat[], maxDistanceM: number): Pair[] {
  return pairsOf(nearTable(supplies, demands, maxDistanceM));
}

/**
 * `nearPairs` as a pair table, grouped by supply in supply order; within a supply in the k-d tree's
 * order (the same for the same demand points). `supplyOffset` numbers the supplies from there (to
 * append the pairs of more supplies to a table).
 */
export function nearTable(supplies: readonly LonLat[], demands: readonly LonLat[] | DemandIndex, maxDistanceM: number, supplyOffset = 0): PairTable {
  assertPositive(maxDistanceM, 'maxDistanceM');
  supplies.forEach((s, j) => checkLonLat(s, `supplies[${j}]`));
  const index = 'tree' in demands ? demands : demandIndex(demands);
  const { tree, cosLat } = index;
  const points = index.demands;
  const out = new PairColumns();
  if (supplies.length === 0 || tree === null) {
    const t = out.table();
    CHECKED.add(t);
    return t;
  }
  // Box half-sizes that contain the spherical cap of radius r (a hair wider): |Δφ| ≤ r/R, and
  // sin(|Δλ|/2) ≤ sin(r/2R) / cos(φmax) from the haversine formula; then the exact test.
  const r = maxDistanceM * (1 + 1e-9) + 1e-6;
  const dLat = (r / EARTH_RADIUS_M) / RAD;
  const sinHalf = Math.sin(r / (2 * EARTH_RADIUS_M));
  supplies.forEach((s, supplyIdx) => {
    const latMax = Math.min(90, Math.abs(s.lat) + dLat) * RAD;
    const ratio = sinHalf / Math.cos(latMax);
    const dLon = ratio >= 1 || latMax >= Math.PI / 2 ? 360 : (2 * Math.asin(ratio)) / RAD;
    const west = s.lon - dLon;
    const east = s.lon + dLon;
    const south = s.lat - dLat;
    const north = s.lat + dLat;
    // across the antimeridian: search the whole band of latitudes (rare; correct, only slower)
    const ids = west < -180 || east > 180 ? tree.range(-180, south, 180, north) : tree.range(west, south, east, north);
    const cosS = Math.cos(s.lat * RAD);
    for (let n = 0; n < ids.length; n++) {
      const k = ids[n]!;
      const p = points[k]!;
      // haversineMetres(s, p) with cos(lat) of the point precomputed (the same operations)
      const h = Math.sin(((p.lat - s.lat) * RAD) / 2) ** 2 + cosS * cosLat[k]! * Math.sin(((p.lon - s.lon) * RAD) / 2) ** 2;
      const distance = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
      if (distance <= maxDistanceM) out.push(supplyIdx + supplyOffset, k, distance);
    }
    // after a sample of supplies, reserve what all of them will likely need
    if (supplyIdx === 63 && supplies.length > 128) out.reserve(Math.ceil((out.length / 64) * supplies.length * 1.1));
  });
  const t = out.table();
  CHECKED.add(t);
  return t;
}

/**
 * The table after supplies were removed and others appended, without searching the kept ones again:
 * `before`'s pairs of the supplies with keep[j] (renumbered in order), then `added` (numbered from
 * the number of kept supplies, e.g. `nearTable(new, index, r, kept)`). With the same demand index
 * this is exactly the table a search over all supplies after the change gives.
 */
export function updateTable(before: PairTable, keep: Uint8Array, added: PairTable): PairTable {
  const renumber = new Int32Array(keep.length).fill(-1);
  let kept = 0;
  keep.forEach((k, j) => k && (renumber[j] = kept++));
  const out = new PairColumns();
  out.reserve(before.length + added.length);
  for (let n = 0; n < before.length; n++) {
    const j = renumber[before.supplyIdx[n]!]!;
    if (j >= 0) out.push(j, before.demandIdx[n]!, before.distance[n]!);
  }
  for (let n = 0; n < added.length; n++) {
    if (added.supplyIdx[n]! < kept) throw new AnalysisInputError('added pairs must be numbered after the kept supplies', 'added');
    out.push(added.supplyIdx[n]!, added.demandIdx[n]!, added.distance[n]!);
  }
  const t = out.table();
  if (CHECKED.has(before) && CHECKED.has(added)) CHECKED.add(t);
  return t;
}

export interface SupplyResult {
  id: Id;
  capacity: number | null;
  /** Σ D_k·W_r(d_kj) over the catchment (weighted persons); null if some D_k is unknown */
  weightedDemand: number | null;
  /** R_j (capacity units per person) */
  ratio: number | null;
  ratioReason: MissingReason | null;
  demandPointsInReach: number;
}

export interface DemandResult {
  id: Id;
  areaId: Id;
  population: number | null;
  /** A_i (capacity units per person); 0 when no supply is in reach */
  accessibility: number | null;
  /** A_i × 1,000 */
  accessibilityPer1000: number | null;
  reason: MissingReason | null;
  suppliesInReach: number;
}

export interface AreaAccessibility {
  areaId: Id;
  /** Σ D_i of the area's demand points (null if one is unknown) */
  population: number | null;
  /** population-weighted mean of A_i */
  accessibility: number | null;
  accessibilityPer1000: number | null;
  reason: MissingReason | null;
  demandPoints: number;
  /** Σ D_i of the demand points with no supply of the category in reach (null if one D_i is unknown) */
  populationWithoutSupply: number | null;
}

export interface E2sfcaResult {
  method: MethodText;
  parameters: { zones: Zone[]; decay: DistanceDecay; catchment: number; distance: 'pairs' | 'cost-function'; unit: CostUnit };
  supplies: SupplyResult[];
  demands: DemandResult[];
  areas: AreaAccessibility[];
  /** supplies with no positive demand in reach: R_j undefined, contribute nothing */
  suppliesWithoutDemand: Id[];
}

export const E2SFCA_METHOD: MethodText = {
  de: 'Erreichbarkeit nach E2SFCA (Luo & Qi 2009): Angebots-Nachfrage-Verhältnis je Einrichtung im Einzugsbereich mit Distanzgewichten (Zonen, Gravitation oder Gauß), summiert je Nachfragepunkt; Kosten aus Luftlinie × Umwegfaktor oder einer Kostenmatrix.',
  en: 'Accessibility by E2SFCA (Luo & Qi 2009): supply-to-demand ratio per facility within the catchment with distance-decay weights (zones, gravity or Gaussian), summed per demand point; costs from straight line × detour factor or a cost matrix.',
};

export interface E2sfcaInput {
  supplies: readonly Supply[];
  demands: readonly Demand[];
  /** stepped zones (default DEFAULT_ZONES); give either zones or decay */
  zones?: readonly Zone[];
  /** any distance decay; overrides the default zones */
  decay?: DistanceDecay;
  /**
   * pairs within the catchment (from `detourPairs`, `nearPairs`, `pairsFromMatrix` or a PostGIS
   * ST_DWithin query), or a cost function
   */
  pairs: readonly Pair[] | PairTable | CostFunction;
  /** unit of the costs in `pairs`; default metres */
  costUnit?: CostUnit;
}

/**
 * Indices in range, costs ≥ 0, no pair twice. A table grouped by supply with ascending demand
 * indices (what the spatial index gives) is checked in one pass; others by sorting the pair keys (a
 * Set cannot hold the tens of millions of pairs a large city produces).
 */
function checkPairs(t: PairTable, nSupplies: number, nDemands: number): void {
  const seen = new Uint8Array(nSupplies);
  let grouped = true;
  for (let n = 0; n < t.length; n++) {
    const j = t.supplyIdx[n]!;
    const k = t.demandIdx[n]!;
    if (!(j >= 0 && j < nSupplies && k >= 0 && k < nDemands)) throw new AnalysisInputError('index out of range', `pairs[${n}]`);
    assertNonNegative(t.distance[n]!, `pairs[${n}].distance`);
    if (n > 0 && t.supplyIdx[n - 1] === j) {
      if (t.demandIdx[n - 1]! >= k) grouped = false;
    } else {
      if (seen[j]) grouped = false;
      seen[j] = 1;
    }
  }
  if (grouped) return;
  const keys = new Float64Array(t.length);
  for (let n = 0; n < t.length; n++) keys[n] = t.supplyIdx[n]! * nDemands + t.demandIdx[n]!;
  keys.sort();
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) {
      const key = keys[i]!;
      throw new AnalysisInputError(`duplicate pair (supply ${Math.floor(key / nDemands)}, demand ${key % nDemands})`, 'pairs');
    }
  }
}

export function e2sfca(input: E2sfcaInput): E2sfcaResult {
  const { supplies, demands } = input;
  if (input.zones && input.decay) throw new AnalysisInputError('give zones or decay, not both', 'decay');
  const W = decayWeight(input.decay ?? { kind: 'STEP', zones: input.zones ?? DEFAULT_ZONES });
  assertUnique(supplies, (s) => String(s.id), 'supply id');
  assertUnique(demands, (d) => String(d.id), 'demand id');
  supplies.forEach((s, j) => {
    if (s.capacity !== null) assertNonNegative(s.capacity, `supplies[${j}].capacity`);
  });
  demands.forEach((d, k) => {
    if (d.population !== null) assertNonNegative(d.population, `demands[${k}].population`);
  });

  let t: PairTable;
  if (typeof input.pairs === 'function') {
    const cost = input.pairs;
    const list = new PairColumns();
    supplies.forEach((s, supplyIdx) =>
      demands.forEach((d, demandIdx) => {
        const distance = cost(s, d);
        assertNonNegative(distance, `cost(${String(s.id)}, ${String(d.id)})`);
        if (distance <= W.catchment) list.push(supplyIdx, demandIdx, distance);
      }),
    );
    t = list.table();
  } else {
    if (isPairTable(input.pairs)) t = input.pairs;
    else {
      const list = new PairColumns();
      input.pairs.forEach((p, n) => {
        assertInteger(p.supplyIdx, `pairs[${n}].supplyIdx`, 0);
        assertInteger(p.demandIdx, `pairs[${n}].demandIdx`, 0);
        list.push(p.supplyIdx, p.demandIdx, p.distance);
      });
      t = list.table();
    }
    if (!CHECKED.has(t)) checkPairs(t, supplies.length, demands.length);
  }

  // W per pair, once
  const w = new Float64Array(t.length);
  for (let n = 0; n < t.length; n++) w[n] = W(t.distance[n]!);

  // Step 1: R_j = S_j / Σ D_k W(d_kj)
  const weighted = new Float64Array(supplies.length);
  const demandUnknown = new Uint8Array(supplies.length);
  const inReach = new Uint32Array(supplies.length);
  const population = new Float64Array(demands.length);
  const popUnknown = new Uint8Array(demands.length);
  demands.forEach((d, k) => (d.population === null ? (popUnknown[k] = 1) : (population[k] = d.population)));
  for (let n = 0; n < t.length; n++) {
    const wn = w[n]!;
    if (wn === 0) continue;
    const j = t.supplyIdx[n]!;
    const k = t.demandIdx[n]!;
    inReach[j]!++;
    if (popUnknown[k]) demandUnknown[j] = 1;
    else weighted[j]! += population[k]! * wn;
  }
  const supplyResults: SupplyResult[] = supplies.map((s, j) => {
    let ratio: number | null = null;
    let ratioReason: MissingReason | null = null;
    if (s.capacity === null) ratioReason = 'CAPACITY_UNKNOWN';
    else if (demandUnknown[j]) ratioReason = 'DEMAND_UNKNOWN';
    else if (weighted[j] === 0) ratioReason = 'NO_DEMAND';
    else ratio = s.capacity / weighted[j]!;
    return {
      id: s.id,
      capacity: s.capacity,
      weightedDemand: demandUnknown[j] ? null : weighted[j]!,
      ratio,
      ratioReason,
      demandPointsInReach: inReach[j]!,
    };
  });

  // Step 2: A_i = Σ R_j W(d_ij)
  const A = new Float64Array(demands.length);
  const unknown: (MissingReason | null)[] = demands.map(() => null);
  const supplyCount = new Uint32Array(demands.length);
  const ratio = new Float64Array(supplies.length);
  const ratioKnown = new Uint8Array(supplies.length);
  supplyResults.forEach((R, j) => {
    if (R.ratio !== null) {
      ratio[j] = R.ratio;
      ratioKnown[j] = 1;
    }
  });
  for (let n = 0; n < t.length; n++) {
    const wn = w[n]!;
    if (wn === 0) continue;
    const j = t.supplyIdx[n]!;
    const i = t.demandIdx[n]!;
    supplyCount[i]!++;
    if (ratioKnown[j]) A[i]! += ratio[j]! * wn;
    else {
      const why = supplyResults[j]!.ratioReason;
      if (why !== 'NO_DEMAND') unknown[i] ??= why;
    }
  }
  const demandResults: DemandResult[] = demands.map((d, i) => {
    const reason = unknown[i]!;
    const a = reason === null ? A[i]! : null;
    return {
      id: d.id,
      areaId: d.areaId,
      population: d.population,
      accessibility: a,
      accessibilityPer1000: a === null ? null : a * 1000,
      reason,
      suppliesInReach: supplyCount[i]!,
    };
  });

  return {
    method: E2SFCA_METHOD,
    parameters: {
      zones: W.zones.map((z) => ({ ...z })),
      decay: W.decay,
      catchment: W.catchment,
      distance: typeof input.pairs === 'function' ? 'cost-function' : 'pairs',
      unit: input.costUnit ?? 'metres',
    },
    supplies: supplyResults,
    demands: demandResults,
    areas: aggregateByArea(demandResults),
    suppliesWithoutDemand: supplyResults.filter((s) => s.ratioReason === 'NO_DEMAND').map((s) => s.id),
  };
}

/** A_a = Σ D_i A_i / Σ D_i per area; null if any point is unknown or the area has no demand. */
export function aggregateByArea(points: readonly DemandResult[]): AreaAccessibility[] {
  const byArea = new Map<string, { areaId: Id; pop: number; sum: number; reason: MissingReason | null; n: number; popUnknown: boolean; without: number }>();
  for (const p of points) {
    const k = String(p.areaId);
    let acc = byArea.get(k);
    if (!acc) byArea.set(k, (acc = { areaId: p.areaId, pop: 0, sum: 0, reason: null, n: 0, popUnknown: false, without: 0 }));
    acc.n++;
    if (p.suppliesInReach === 0 && p.population !== null) acc.without += p.population;
    if (p.population === null) {
      acc.popUnknown = true;
      acc.reason ??= 'DEMAND_UNKNOWN';
    } else if (p.accessibility === null) acc.reason ??= p.reason;
    else {
      acc.pop += p.population;
      acc.sum += p.population * p.accessibility;
    }
  }
  return [...byArea.values()].map((a) => {
    const reason: MissingReason | null = a.reason ?? (a.pop === 0 ? 'NO_DEMAND' : null);
    const value = reason === null ? a.sum / a.pop : null;
    return {
      areaId: a.areaId,
      population: a.popUnknown ? null : a.pop,
      accessibility: value,
      accessibilityPer1000: value === null ? null : value * 1000,
      reason,
      demandPoints: a.n,
      populationWithoutSupply: a.popUnknown ? null : a.without,
    };
  });
}

/** A raster cell (or other sub-area piece) of an area, already clipped to it in SQL. */
export interface DemandCell {
  areaId: Id;
  /** centroid longitude (x) and latitude (y), WGS 84 */
  x: number;
  y: number;
  /** share of the area (e.g. cell area inside the area, or residential floor area); any non-negative unit */
  weight: number;
}

/**
 * Spreads each area's population over its cells in proportion to the cell weights:
 *   D_c = P_a · w_c / Σ_{c'∈a} w_{c'}
 * An area with unknown population gives cells with D_c = null. Areas with population but no cell are
 * reported (their population would otherwise vanish).
 */
export function spreadPopulation(
  cells: readonly DemandCell[],
  populationByArea: readonly { areaId: Id; population: number | null }[],
): { demands: Demand[]; areasWithoutCells: Id[] } {
  assertUnique(populationByArea, (p) => String(p.areaId), 'areaId');
  const pop = new Map<string, number | null>();
  populationByArea.forEach((p, n) => {
    if (p.population !== null) assertNonNegative(p.population, `populationByArea[${n}].population`);
    pop.set(String(p.areaId), p.population);
  });
  const total = new Map<string, number>();
  cells.forEach((c, n) => {
    checkLonLat({ lon: c.x, lat: c.y }, `cells[${n}]`);
    assertNonNegative(c.weight, `cells[${n}].weight`);
    if (!pop.has(String(c.areaId))) throw new AnalysisInputError(`no population given for area ${String(c.areaId)}`, `cells[${n}].areaId`);
    total.set(String(c.areaId), (total.get(String(c.areaId)) ?? 0) + c.weight);
  });
  for (const [areaId, t] of total) {
    if (t === 0) throw new AnalysisInputError(`cell weights of area ${areaId} sum to 0`, 'cells');
  }
  const demands: Demand[] = cells.map((c, n) => {
    const P = pop.get(String(c.areaId))!;
    return {
      id: `${String(c.areaId)}#${n}`,
      areaId: c.areaId,
      lon: c.x,
      lat: c.y,
      population: P === null ? null : (P * c.weight) / total.get(String(c.areaId))!,
    };
  });
  const areasWithoutCells = populationByArea.filter((p) => !total.has(String(p.areaId)) && p.population !== 0).map((p) => p.areaId);
  return { demands, areasWithoutCells };
}
