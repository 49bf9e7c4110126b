import type { AreaLevel, PrismaClient } from '@sozialatlas/db';
import type { CityScope } from '../cities/city.sql';
import {
  DEFAULT_DETOUR_FACTOR,
  DEFAULT_ZONES,
  GRAVITY_DEFAULTS,
  NEED_INDEX_DEFAULT_PRESET,
  NEED_INDEX_PRESETS,
  aggregateByArea,
  computeCoverage,
  computeNeedIndex,
  decayWeight,
  detourTable,
  e2sfca,
  pairsFromMatrix,
  spreadPopulation,
  type CoverageResult,
  type DistanceDecay,
  type NeedIndexPresetKey,
  type Demand,
  type DemandMode,
  type E2sfcaResult,
  type NeedIndexResult,
  type Observation,
  type Polarity,
  type Supply,
  type TargetPopulation,
  type ValueStatus,
  type Zone,
  type CapacityMode,
  type DecayKind,
} from '../../analysis';
import type { Context } from '../../context';
import { MAX_YEAR, MIN_YEAR } from '../common/years';
import type { Caller } from '../auth/caller';
import { BadUserInputError, NotFoundError } from '../../errors';
import {
  areaStamp,
  areasOfLevel,
  categoriesWithNorms,
  gridCells,
  indicatorsByKeys,
  labelPointCells,
  levelMap,
  servicePoints,
  STORED_GRID_SIZES,
  valuesForLevels,
  type CategoryNormRow,
  type DemandCellRow,
  type LevelArea,
  type ServicePointRow,
} from './analysis.sql';
import { type AreaId, areaIdOf } from '../areas/area-id';
import { atDataVersion, visibilityKey } from './analysis.cache';

// Maps database rows to the inputs of the pure analysis functions (server/src/analysis). Every
// loader issues a fixed number of queries, whatever the number of areas.

/** Measures computed from stored indicators (same area and year); suppressed parts suppress the result. */
export const DERIVED_MEASURES: Record<string, { numerator: string; denominator: string; factor: number; polarity: Polarity; name: string; nameEn: string; unit: string; text: string }> = {
  sgb2_single_parent_per_1000: {
    numerator: 'sgb2_single_parent_households',
    denominator: 'population',
    factor: 1000,
    polarity: 'HIGHER_IS_WORSE',
    name: 'Alleinerziehende SGB-II-Bedarfsgemeinschaften je 1.000 Einwohner',
    nameEn: 'Single-parent SGB II households per 1,000 residents',
    unit: 'PER_THOUSAND',
    text: '1000 · sgb2_single_parent_households / population (same area and year)',
  },
};

export const DEFAULT_NEED_KEYS = ['unemployment_rate', 'sgb2_rate', 'sgb2_child_share', 'sgb2_single_parent_per_1000'] as const;

export interface MeasureMeta {
  key: string;
  name: string;
  /** English name; null where the catalogue has none */
  nameEn: string | null;
  unit: string;
  polarity: Polarity;
  derivedFrom: string | null;
}

/** The stored indicators needed for the measures (one query), and the measures' metadata. NOT_FOUND on unknown keys. */
export async function resolveMeasures(prisma: PrismaClient, keys: readonly string[], extra: readonly string[] = []) {
  const stored = new Set<string>(extra);
  for (const key of keys) {
    const d = DERIVED_MEASURES[key];
    if (d) {
      stored.add(d.numerator);
      stored.add(d.denominator);
    } else stored.add(key);
  }
  const rows = await indicatorsByKeys(prisma, [...stored]);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const key of stored) if (!byKey.has(key)) throw new NotFoundError('Indicator', key);
  const measures: MeasureMeta[] = keys.map((key) => {
    const d = DERIVED_MEASURES[key];
    if (d) return { key, name: d.name, nameEn: d.nameEn, unit: d.unit, polarity: d.polarity, derivedFrom: d.text };
    const r = byKey.get(key)!;
    return { key, name: r.name, nameEn: r.nameEn ?? null, unit: r.unit, polarity: r.polarity, derivedFrom: null };
  });
  return { measures, indicatorIds: rows.map((r) => r.id), byKey };
}

export interface LevelObservation extends Observation {
  areaId: AreaId;
  level: string;
  status: ValueStatus;
}

/** Values of the measures (stored and derived) for the levels and years, in one query. */
export async function loadObservations(
  prisma: PrismaClient,
  caller: Caller,
  indicatorIds: number[],
  measures: readonly string[],
  levels: string[],
  fromYear: number,
  toYear: number,
  /** only these years of the range (the need index compares two years, not the ones between) */
  onlyYears?: number[],
): Promise<LevelObservation[]> {
  const rows = await valuesForLevels(prisma, { indicatorIds, levels, fromYear, toYear, onlyYears }, caller);
  const out: LevelObservation[] = rows.map((r) => ({
    areaId: r.areaId,
    level: r.level,
    indicatorKey: r.indicatorKey,
    year: r.year,
    value: r.status === 'SUPPRESSED' ? null : r.value,
    status: r.status,
  }));
  const index = new Map(out.map((o) => [`${o.areaId}|${o.indicatorKey}|${o.year}`, o]));
  for (const key of measures) {
    const d = DERIVED_MEASURES[key];
    if (!d) continue;
    for (const num of out.filter((o) => o.indicatorKey === d.numerator)) {
      const den = index.get(`${num.areaId}|${d.denominator}|${num.year}`);
      if (!den) continue;
      const suppressed = num.status === 'SUPPRESSED' || den.status === 'SUPPRESSED';
      const value = suppressed || num.value === null || den.value === null || den.value === 0 ? null : (d.factor * num.value) / den.value;
      out.push({ areaId: num.areaId, level: num.level, indicatorKey: key, year: num.year, value, status: suppressed ? 'SUPPRESSED' : 'REGULAR' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Need index

export interface NeedIndexRequest {
  level: string;
  year: number;
  indicators?: { key: string; weight: number }[] | null;
  span?: number;
  minPopulation?: number;
  statusCutoffs?: { high: number; low: number; veryLow: number } | null;
  /** null/undefined: the preset's */
  dynamicsCutoff?: number | null;
  preset?: NeedIndexPresetKey;
  /** the city (resolved); absent: the default city */
  scope?: CityScope;
}

export interface NeedIndexData {
  result: NeedIndexResult;
  measures: MeasureMeta[];
  areas: LevelArea[];
}

/** Part of a cache key: the city of a request (absent: the default city; null: all cities). */
export function scopeKey(scope: CityScope | undefined): string {
  return scope === undefined ? 'default' : scope ? `${scope.id}${scope.named ? '' : '+'}` : 'all';
}

/**
 * The need index, computed once per data version and arguments (needIndex, earlyWarnings, gaps and
 * scenario all read it). The result is shared: callers must not change it.
 */
export function loadNeedIndex(ctx: Context, req: NeedIndexRequest): Promise<NeedIndexData> {
  // the preset's defaults written out, so requests that differ only in what they leave out share an entry
  const preset = NEED_INDEX_PRESETS[req.preset ?? NEED_INDEX_DEFAULT_PRESET];
  const key = JSON.stringify([
    'needIndex',
    visibilityKey(ctx.caller),
    scopeKey(req.scope),
    req.level,
    req.year,
    req.indicators?.length ? req.indicators.map((i) => [i.key, i.weight]) : null,
    req.span ?? 2,
    req.minPopulation ?? preset?.minPopulation,
    req.statusCutoffs ?? preset?.statusCutoffs,
    req.dynamicsCutoff ?? preset?.dynamicsCutoff,
    preset?.key ?? req.preset,
  ]);
  return atDataVersion(ctx.prisma, key, () => computeNeedIndexData(ctx, req));
}

async function computeNeedIndexData(ctx: Context, req: NeedIndexRequest): Promise<NeedIndexData> {
  const chosen = req.indicators?.length ? req.indicators : DEFAULT_NEED_KEYS.map((key) => ({ key, weight: 1 }));
  const { measures, indicatorIds } = await resolveMeasures(ctx.prisma, chosen.map((i) => i.key), ['population']);
  measures.forEach((m, n) => {
    if (m.polarity === 'NEUTRAL') {
      throw new BadUserInputError(`indicator "${m.key}" is NEUTRAL (descriptive): it cannot enter a need index`, `indicators[${n}].key`);
    }
  });
  const span = req.span ?? 2;
  const [areas, obs] = await Promise.all([
    areasOfLevel(ctx.prisma, req.level, req.scope),
    loadObservations(ctx.prisma, ctx.caller, indicatorIds, chosen.map((i) => i.key), [req.level], req.year - span, req.year, [req.year - span, req.year]),
  ]);
  const popBy = new Map(obs.filter((o) => o.indicatorKey === 'population' && o.year === req.year).map((o) => [o.areaId, o.value]));
  const result = computeNeedIndex({
    year: req.year,
    areas: areas.map((a) => ({ areaId: a.id, population: popBy.get(a.id) ?? null })),
    indicators: chosen.map((c, n) => ({ key: c.key, weight: c.weight, polarity: measures[n]!.polarity })),
    values: obs.filter((o) => o.indicatorKey !== 'population' || chosen.some((c) => c.key === 'population')),
    options: {
      preset: req.preset,
      span,
      minPopulation: req.minPopulation,
      statusCutoffs: req.statusCutoffs ?? undefined,
      dynamicsCutoff: req.dynamicsCutoff ?? undefined,
    },
  });
  return { result, measures, areas };
}

// ---------------------------------------------------------------------------------------------
// Categories, services, coverage

export async function requireCategories(prisma: PrismaClient, keys: readonly string[] | null, argument: string): Promise<CategoryNormRow[]> {
  const rows = await categoriesWithNorms(prisma, keys);
  if (keys) {
    const found = new Set(rows.map((r) => r.key));
    const missing = keys.find((k) => !found.has(k));
    if (missing !== undefined) throw new NotFoundError('ServiceCategory', missing);
    const noNorm = rows.find((r) => r.normId === null);
    if (noNorm) throw new BadUserInputError(`category "${noNorm.key}" has no coverage norm (target group, norm, zones)`, argument);
  }
  return keys ? rows : rows.filter((r) => r.normId !== null);
}

/** A service located in one area, ready for coverage / E2SFCA: multi-location services are split by share. */
export interface PlacedService {
  serviceId: number;
  /** id used in the pure functions: the service id, or "id@location" for multi-location services */
  pieceId: number | string;
  name: string;
  category: string;
  capacity: number | null;
  lon: number | null;
  lat: number | null;
  areaId: AreaId | null;
}

export function placeServices(rows: readonly ServicePointRow[]): PlacedService[] {
  const out: PlacedService[] = [];
  const byService = new Map<number, ServicePointRow[]>();
  for (const r of rows) byService.set(r.serviceId, [...(byService.get(r.serviceId) ?? []), r]);
  for (const [serviceId, locs] of byService) {
    const withLoc = locs.filter((l) => l.locationId !== null);
    if (withLoc.length <= 1) {
      const l = locs[0]!;
      out.push({ serviceId, pieceId: serviceId, name: l.name, category: l.categoryKey, capacity: l.capacity, lon: l.lon, lat: l.lat, areaId: l.areaId });
      continue;
    }
    const given = withLoc.reduce((s, l) => s + (l.share ?? 0), 0);
    const open = withLoc.filter((l) => l.share === null).length;
    for (const l of withLoc) {
      const share = l.share ?? (open ? Math.max(0, 1 - given) / open : 0);
      out.push({
        serviceId,
        pieceId: `${serviceId}@${l.locationId}`,
        name: l.name,
        category: l.categoryKey,
        capacity: l.capacity === null ? null : l.capacity * share,
        lon: l.lon,
        lat: l.lat,
        areaId: l.areaId,
      });
    }
  }
  return out;
}

export function targetRows(categories: readonly CategoryNormRow[], obs: readonly LevelObservation[], year: number): TargetPopulation[] {
  const out: TargetPopulation[] = [];
  for (const c of categories) {
    for (const o of obs) {
      if (o.indicatorKey === c.targetIndicatorKey && o.year === year) {
        out.push({ areaId: o.areaId, category: c.key, population: o.value, status: o.status });
      }
    }
  }
  return out;
}

export interface CoverageData {
  categories: CategoryNormRow[];
  areas: LevelArea[];
  services: PlacedService[];
  result: CoverageResult;
}

export async function loadCoverage(ctx: Context, req: { level: string; year: number; categoryKeys?: string[] | null; scope?: CityScope }): Promise<CoverageData> {
  const categories = await requireCategories(ctx.prisma, req.categoryKeys?.length ? req.categoryKeys : null, 'categoryKeys');
  const targetIds = [...new Set(categories.map((c) => c.targetIndicatorId!))];
  const [areas, rows, obs] = await Promise.all([
    areasOfLevel(ctx.prisma, req.level, req.scope),
    servicePoints(ctx.prisma, { categoryIds: categories.map((c) => c.categoryId), level: req.level, activeOnly: true, scope: req.scope }, ctx.caller),
    targetIds.length
      ? loadObservations(ctx.prisma, ctx.caller, targetIds, [], [req.level], req.year, req.year)
      : Promise.resolve<LevelObservation[]>([]),
  ]);
  const services = placeServices(rows);
  const result = computeCoverage({
    areas: areas.map((a) => a.id),
    categories: categories.map((c) => c.key),
    services: services.map((s) => ({ serviceId: s.pieceId, category: s.category, areaId: s.areaId, capacity: s.capacity })),
    targets: targetRows(categories, obs, req.year),
    norms: categories.map((c) => ({ category: c.key, perThousand: c.perThousand! })),
  });
  return { categories, areas, services, result };
}

// ---------------------------------------------------------------------------------------------
// Accessibility (E2SFCA)

export function zonesOf(c: CategoryNormRow): Zone[] {
  const radii = c.zoneRadiiM ?? [];
  const weights = c.zoneWeights ?? [];
  if (radii.length === 0 || radii.length !== weights.length) return DEFAULT_ZONES.map((z) => ({ ...z }));
  return radii.map((r, i) => ({ maxDistance: r, weight: weights[i]! }));
}

export interface DecayRequest {
  kind: DecayKind;
  beta?: number | null;
  minDistance?: number | null;
}

/** The category's zones, or a continuous decay over the same catchment (the outer zone radius). */
export function decayOf(zones: Zone[], req: DecayRequest | null): DistanceDecay {
  if (!req || req.kind === 'STEP') return { kind: 'STEP', zones };
  const catchment = zones[zones.length - 1]!.maxDistance;
  if (req.kind === 'GAUSSIAN') return { kind: 'GAUSSIAN', catchment };
  return { kind: 'GRAVITY', catchment, beta: req.beta ?? GRAVITY_DEFAULTS.beta, minDistance: req.minDistance ?? GRAVITY_DEFAULTS.minDistance };
}

/**
 * Demand grid cells. Stored sizes are read from demand_cell (kept by a trigger, so always current);
 * other sizes are computed, and cached per process (geometry only, no confidential data),
 * invalidated by the areas' fingerprint.
 */
const cellCache = new Map<string, DemandCellRow[]>();

export async function loadCells(prisma: PrismaClient, level: AreaLevel, mode: DemandMode, size: number, scope?: CityScope): Promise<DemandCellRow[]> {
  if (mode === 'LABEL_POINTS') return labelPointCells(prisma, level, scope);
  if (STORED_GRID_SIZES.includes(size)) return gridCells(prisma, level, size, scope);
  const city = scopeKey(scope);
  const key = `${level}|${size}|${city}|${await areaStamp(prisma)}`;
  let cells = cellCache.get(key);
  if (!cells) {
    cells = await gridCells(prisma, level, size, scope);
    for (const k of cellCache.keys()) if (k.startsWith(`${level}|${size}|${city}|`)) cellCache.delete(k);
    if (cellCache.size > 16) cellCache.clear();
    cellCache.set(key, cells);
  }
  return cells;
}

/** Demand is spread from the finest level with values: districts for DISTRICT, BOROUGH and CITY. */
export function demandLevelFor(level: AreaLevel): AreaLevel {
  return level === 'PLANNING_AREA' ? 'PLANNING_AREA' : 'DISTRICT';
}

export interface AccessibilityInputs {
  category: CategoryNormRow;
  zones: Zone[];
  /** the category's zones (STEP) or a continuous decay over the same catchment */
  decay: DistanceDecay;
  /** network distance ≈ straight line × detourFactor */
  detourFactor: number;
  capacityMode: CapacityMode;
  /** services of the category (active, published), with the area at the requested level */
  services: PlacedService[];
  demands: Demand[];
  /** demand-level area id → requested-level area id */
  levelOf: Map<number, number>;
  areas: LevelArea[];
  targets: TargetPopulation[];
  demandLevel: AreaLevel;
  /** network metres given by the caller, `${demand area id}|${service id}` → metres; instead of detour pairs */
  travelCosts?: Map<string, number>;
}

export interface AccessibilityRequest {
  category: string;
  year: number;
  level: AreaLevel;
  demand: DemandMode;
  gridSizeM: number;
  decay?: DecayRequest | null;
  detourFactor?: number;
  scope?: CityScope;
}

export async function loadAccessibilityInputs(ctx: Context, req: AccessibilityRequest): Promise<AccessibilityInputs> {
  const [category] = await requireCategories(ctx.prisma, [req.category], 'category');
  const demandLevel = demandLevelFor(req.level);
  const [areas, rows, cells, obs, demandMap] = await Promise.all([
    areasOfLevel(ctx.prisma, req.level, req.scope),
    servicePoints(ctx.prisma, { categoryIds: [category!.categoryId], level: req.level, activeOnly: true, scope: req.scope }, ctx.caller),
    loadCells(ctx.prisma, demandLevel, req.demand, req.gridSizeM, req.scope),
    loadObservations(ctx.prisma, ctx.caller, [category!.targetIndicatorId!], [], [req.level, demandLevel], req.year, req.year),
    // demand-level area → its ancestor at the requested level
    demandLevel === req.level ? Promise.resolve(null) : levelMap(ctx.prisma, demandLevel, req.level, req.scope),
  ]);
  const services = placeServices(rows);
  const anyCapacity = services.some((s) => s.capacity !== null);
  const capacityMode: CapacityMode = anyCapacity ? 'CAPACITY' : 'FACILITY_COUNT';
  const demandPop = obs
    .filter((o) => o.level === demandLevel)
    .map((o) => ({ areaId: o.areaId, population: o.status === 'SUPPRESSED' ? null : o.value }));
  const popAreas = new Set(demandPop.map((p) => p.areaId));
  // areas with cells but no value: unknown demand (never 0)
  for (const c of cells) {
    if (!popAreas.has(c.areaId)) {
      demandPop.push({ areaId: c.areaId, population: null });
      popAreas.add(c.areaId);
    }
  }
  const { demands } = spreadPopulation(cells, demandPop);
  const levelOf = new Map<number, number>();
  if (demandMap) for (const m of demandMap) levelOf.set(m.areaId, m.levelAreaId);
  else for (const c of cells) levelOf.set(c.areaId, c.areaId);
  const zones = zonesOf(category!);
  return {
    category: category!,
    zones,
    decay: decayOf(zones, req.decay ?? null),
    detourFactor: req.detourFactor ?? DEFAULT_DETOUR_FACTOR,
    capacityMode,
    services,
    demands,
    levelOf,
    areas,
    targets: targetRows([category!], obs.filter((o) => o.level === req.level), req.year),
    demandLevel,
  };
}


/** Supplies for E2SFCA: services with a point; with capacity (CAPACITY) or 1 each (FACILITY_COUNT). */
export function suppliesOf(services: readonly PlacedService[], capacityMode: 'CAPACITY' | 'FACILITY_COUNT') {
  const supplies: (Supply & { name: string; serviceId: number })[] = [];
  const notCounted: number[] = [];
  for (const s of services) {
    if (s.lon === null || s.lat === null) {
      notCounted.push(s.serviceId);
      continue;
    }
    if (capacityMode === 'CAPACITY' && s.capacity === null) {
      notCounted.push(s.serviceId);
      continue;
    }
    supplies.push({ id: s.pieceId, serviceId: s.serviceId, name: s.name, lon: s.lon, lat: s.lat, capacity: capacityMode === 'CAPACITY' ? s.capacity : 1 });
  }
  return { supplies, notCounted: [...new Set(notCounted)] };
}

export interface AccessibilityComputed {
  result: E2sfcaResult;
  /** per requested-level area */
  areas: ReturnType<typeof aggregateByArea>;
  notCounted: number[];
  supplies: (Supply & { name: string; serviceId: number })[];
}

export interface AccessibilityData {
  inputs: AccessibilityInputs;
  computed: AccessibilityComputed;
}

/**
 * Accessibility of a category over straight lines × detour factor, computed once per data version
 * and arguments (accessibility and gaps both read it). The result is shared: callers must not change it.
 */
export function loadAccessibility(ctx: Context, req: AccessibilityRequest): Promise<AccessibilityData> {
  const key = JSON.stringify([
    'accessibility',
    visibilityKey(ctx.caller),
    scopeKey(req.scope),
    req.category,
    req.year,
    req.level,
    req.demand,
    req.gridSizeM,
    req.decay ?? null,
    req.detourFactor ?? DEFAULT_DETOUR_FACTOR,
  ]);
  return atDataVersion(ctx.prisma, key, async () => {
    const inputs = await loadAccessibilityInputs(ctx, req);
    return { inputs, computed: computeAccessibility(inputs) };
  });
}

export function computeAccessibility(inp: AccessibilityInputs, services: readonly PlacedService[] = inp.services): AccessibilityComputed {
  const { supplies, notCounted } = suppliesOf(services, inp.capacityMode);
  const catchment = decayWeight(inp.decay).catchment;
  // travel costs from the caller (a router's metres) instead of straight line × detour factor
  const costs = inp.travelCosts;
  const pairs = costs
    ? pairsFromMatrix({ unit: 'metres', costs: supplies.map((s) => inp.demands.map((d) => costs.get(`${d.areaId}|${s.serviceId}`) ?? null)) }, supplies.length, inp.demands.length, catchment)
    : detourTable(supplies, inp.demands, catchment, inp.detourFactor);
  const result = e2sfca({ supplies, demands: inp.demands, decay: inp.decay, pairs });
  const relabelled = result.demands.map((d) => ({ ...d, areaId: inp.levelOf.get(areaIdOf(d.areaId)) ?? d.areaId }));
  return { result, areas: aggregateByArea(relabelled), notCounted, supplies };
}

/**
 * Years the default need index can be computed for at a level: every default indicator has a
 * value (not suppressed) for at least one area that year; oldest first.
 */
export async function needIndexYears(ctx: Context, level: AreaLevel, scope?: CityScope): Promise<number[]> {
  const { indicatorIds } = await resolveMeasures(ctx.prisma, DEFAULT_NEED_KEYS);
  const [obs, areas] = await Promise.all([
    loadObservations(ctx.prisma, ctx.caller, indicatorIds, DEFAULT_NEED_KEYS, [level], MIN_YEAR, MAX_YEAR),
    areasOfLevel(ctx.prisma, level, scope),
  ]);
  const inCity = new Set(areas.map((a) => a.id));
  const keysByYear = new Map<number, Set<string>>();
  for (const o of obs) {
    if (o.value === null || !inCity.has(o.areaId)) continue;
    const keys = keysByYear.get(o.year) ?? new Set<string>();
    keys.add(o.indicatorKey);
    keysByYear.set(o.year, keys);
  }
  return [...keysByYear].filter(([, keys]) => DEFAULT_NEED_KEYS.every((k) => keys.has(k))).map(([year]) => year).sort((a, b) => a - b);
}
