/**
 * Szenario (what-if): "a service opens here / this one closes / this funding is cut". Recomputes
 * coverage (coverage.ts), E2SFCA accessibility (e2sfca.ts), gaps (gaps.ts) and optionally money
 * (money.ts) for one service category before and after the changes, on copies of the inputs — no
 * side effects. Returns only the areas whose values changed, with the fields that changed.
 * Closing a service removes its capacity; its funding changes only through `fundingChanges`.
 */
import { computeCoverage, type CoverageNorm, type CoverageRow, type TargetPopulation } from './coverage';
import { numberFormat } from './number-format';
import {
  DEFAULT_DETOUR_FACTOR, DEFAULT_ZONES, decayWeight, demandIndex, detourTable, e2sfca, updateTable,
  type AreaAccessibility, type CostFunction, type Demand, type DistanceDecay, type PairTable, type Supply, type Zone,
} from './e2sfca';
import { AnalysisInputError, assertNonNegative } from './errors';
import { computeGaps, GAP_NAMES, roundCount, type GapClass, type GapReference, type GapRow } from './gaps';
import { computeMoney, type Funding, type MoneyInput } from './money';
import type { Id, MethodText } from './types';

export interface ScenarioService {
  serviceId: Id;
  category: string;
  capacity: number | null;
  lon: number;
  lat: number;
  /** area of the location (null = unknown) */
  areaId: Id | null;
}

export interface ScenarioChanges {
  addServices?: readonly { serviceId?: Id; category: string; capacity: number; lon: number; lat: number; areaId: Id }[];
  closeServiceIds?: readonly Id[];
  /** sets the amount of (serviceId, year); "0.00" cuts it */
  fundingChanges?: readonly Funding[];
}

export interface ScenarioInput {
  category: string;
  areas: readonly Id[];
  services: readonly ScenarioService[];
  /** demand points of the category's target group (e.g. from spreadPopulation) */
  demands: readonly Demand[];
  zones?: readonly Zone[];
  /** a continuous decay instead of the zones */
  decay?: DistanceDecay;
  /** default: pairs from the spatial index, straight line × detourFactor */
  distance?: CostFunction;
  /** default DEFAULT_DETOUR_FACTOR (1.2) */
  detourFactor?: number;
  /** for the planner sentences, e.g. "Einwohner" / "residents", "Plätze" / "places" */
  targetDe?: string;
  targetEn?: string;
  unitDe?: string;
  unitEn?: string;
  targets: readonly TargetPopulation[];
  norm?: CoverageNorm;
  /** need per area for the gap (e.g. S* of the need index) */
  need: readonly { areaId: Id; value: number | null }[];
  /** which supply measure the gap uses; default E2SFCA accessibility per 1,000 */
  gapSupply?: 'accessibility' | 'coverage';
  money?: MoneyInput;
}

export interface ScenarioState {
  coverage: CoverageRow;
  accessibility: AreaAccessibility | null;
  gap: GapRow;
}

export interface ScenarioArea {
  areaId: Id;
  before: ScenarioState;
  after: ScenarioState;
  /** names of the changed figures, e.g. ["capacity", "accessibility", "gapClass"] */
  changed: string[];
  /** the gap class before and after when it changes, else null */
  gapClassChange: { from: GapClass | null; to: GapClass | null } | null;
  /** one sentence on what the change does to the gap (class, missing places) */
  summary: MethodText | null;
}

export interface ScenarioResult {
  method: MethodText;
  parameters: {
    category: string;
    zones: Zone[];
    decay: DistanceDecay;
    /** null when the caller gave its own distances */
    detourFactor: number | null;
    gapSupply: 'accessibility' | 'coverage';
    changes: ScenarioChanges;
  };
  areas: ScenarioArea[];
  money: { areaId: Id; year: number; before: string; after: string }[] | null;
}

export const SCENARIO_METHOD: MethodText = {
  de: 'Szenario: Versorgung, Erreichbarkeit (E2SFCA) und Lücken vor und nach den Änderungen, ohne gespeicherte Daten zu verändern.',
  en: 'Scenario: coverage, accessibility (E2SFCA) and gaps before and after the changes, without touching stored data.',
};

function evaluate(input: ScenarioInput, services: readonly ScenarioService[], reference?: GapReference, pairs?: PairTable) {
  const W = decayWeight(input.decay ?? { kind: 'STEP', zones: input.zones ?? DEFAULT_ZONES });
  const own = services.filter((s) => s.category === input.category);
  const coverage = computeCoverage({
    areas: input.areas,
    categories: [input.category],
    services: own.map((s) => ({ serviceId: s.serviceId, category: s.category, areaId: s.areaId, capacity: s.capacity })),
    targets: input.targets,
    norms: input.norm ? [input.norm] : [],
  });
  const supplies: Supply[] = own.map((s) => ({ id: s.serviceId, capacity: s.capacity, lon: s.lon, lat: s.lat }));
  const access = e2sfca({
    supplies,
    demands: input.demands,
    decay: W.decay,
    pairs: pairs ?? input.distance ?? detourTable(supplies, input.demands, W.catchment, input.detourFactor ?? DEFAULT_DETOUR_FACTOR),
  });
  const accBy = new Map(access.areas.map((a) => [String(a.areaId), a]));
  const covBy = new Map(coverage.rows.map((r) => [String(r.areaId), r]));
  const needBy = new Map(input.need.map((n) => [String(n.areaId), n.value]));
  const useCoverage = input.gapSupply === 'coverage';
  const gaps = computeGaps({
    category: input.category,
    reference,
    needMeasure: 'need',
    supplyMeasure: useCoverage ? 'coveragePercent' : 'e2sfcaPer1000',
    areas: input.areas.map((areaId) => {
      const a = accBy.get(String(areaId));
      const c = covBy.get(String(areaId))!;
      const supply = useCoverage ? c.coveragePercent : (a?.accessibilityPer1000 ?? null);
      return {
        areaId,
        need: needBy.get(String(areaId)) ?? null,
        supply,
        supplyReason: useCoverage ? c.reason : (a?.reason ?? 'NO_DEMAND'),
        planner: {
          norm: c.norm,
          targetPopulation: c.targetPopulation,
          supplyPer1000: useCoverage ? c.ratioPer1000 : (a?.accessibilityPer1000 ?? null),
          withoutServiceInReach: a?.populationWithoutSupply ?? null,
          catchmentMetres: W.catchment,
          detourFactor: input.distance ? null : (input.detourFactor ?? DEFAULT_DETOUR_FACTOR),
          supplyDe: useCoverage ? 'vorhanden' : 'erreichbar',
          supplyEn: useCoverage ? 'available' : 'within reach',
          ...(input.targetDe ? { targetDe: input.targetDe } : {}),
          ...(input.targetEn ? { targetEn: input.targetEn } : {}),
          ...(input.unitDe ? { unitDe: input.unitDe } : {}),
          ...(input.unitEn ? { unitEn: input.unitEn } : {}),
        },
      };
    }),
  });
  const gapBy = new Map(gaps.rows.map((g) => [String(g.areaId), g]));
  const states = new Map(
    input.areas.map((areaId) => [
      String(areaId),
      { coverage: covBy.get(String(areaId))!, accessibility: accBy.get(String(areaId)) ?? null, gap: gapBy.get(String(areaId))! } as ScenarioState,
    ]),
  );
  return { states, reference: gaps.reference };
}

const word = (c: GapClass | null, lang: 'de' | 'en') => (c === null ? (lang === 'de' ? 'ohne Klasse' : 'no class') : GAP_NAMES[c][lang]);
const countFormat = { de: numberFormat('de-DE', { maximumFractionDigits: 1 }), en: numberFormat('en-GB', { maximumFractionDigits: 1 }) };
const scoreFormat = { de: numberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), en: numberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };
const num = (x: number, lang: 'de' | 'en') => countFormat[lang](roundCount(x));

/** "Lückenklasse kritisch → hoch (Lückenwert 2,33 → 1,02); fehlende Plätze rund 18 → 0." */
function summarise(b: GapRow, a: GapRow, input: ScenarioInput): MethodText | null {
  const de: string[] = [];
  const en: string[] = [];
  const score = (x: number | null, lang: 'de' | 'en') => (x === null ? '–' : scoreFormat[lang](x));
  if (b.gapClass !== a.gapClass) {
    de.push(`Lückenklasse ${word(b.gapClass, 'de')} → ${word(a.gapClass, 'de')} (Lückenwert ${score(b.score, 'de')} → ${score(a.score, 'de')})`);
    en.push(`gap class ${word(b.gapClass, 'en')} → ${word(a.gapClass, 'en')} (gap score ${score(b.score, 'en')} → ${score(a.score, 'en')})`);
  } else if (b.gapClass !== null && !same(b.score, a.score)) {
    de.push(`Lückenklasse bleibt ${word(b.gapClass, 'de')} (Lückenwert ${score(b.score, 'de')} → ${score(a.score, 'de')})`);
    en.push(`gap class stays ${word(b.gapClass, 'en')} (gap score ${score(b.score, 'en')} → ${score(a.score, 'en')})`);
  }
  const mb = b.planner?.missing ?? null;
  const ma = a.planner?.missing ?? null;
  if (mb !== null && ma !== null && !same(mb, ma)) {
    de.push(`fehlende ${input.unitDe ?? 'Plätze'} gegenüber dem Richtwert rund ${num(mb, 'de')} → ${num(ma, 'de')}`);
    en.push(`${input.unitEn ?? 'places'} missing against the norm about ${num(mb, 'en')} → ${num(ma, 'en')}`);
  }
  if (!de.length) return null;
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  return { de: `${cap(de.join('; '))}.`, en: `${cap(en.join('; '))}.` };
}

const same = (a: number | string | null | undefined, b: number | string | null | undefined) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

export function runScenario(input: ScenarioInput, changes: ScenarioChanges): ScenarioResult {
  const ids = new Set(input.services.map((s) => String(s.serviceId)));
  for (const id of changes.closeServiceIds ?? []) {
    if (!ids.has(String(id))) throw new AnalysisInputError(`service ${String(id)} to close does not exist`, 'closeServiceIds');
  }
  const closed = new Set((changes.closeServiceIds ?? []).map(String));
  const added: ScenarioService[] = (changes.addServices ?? []).map((s, i) => {
    assertNonNegative(s.capacity, `addServices[${i}].capacity`);
    const serviceId = s.serviceId ?? `new-${i + 1}`;
    if (ids.has(String(serviceId))) throw new AnalysisInputError(`service id ${String(serviceId)} exists already`, `addServices[${i}].serviceId`);
    return { serviceId, category: s.category, capacity: s.capacity, lon: s.lon, lat: s.lat, areaId: s.areaId };
  });
  const afterServices = [...input.services.filter((s) => !closed.has(String(s.serviceId))), ...added];

  // Only the changed services are searched for demand points in reach: the kept services' pairs are
  // taken from the situation before (E2SFCA is local; the table equals a new search, so the result
  // equals a full recomputation). With a caller's cost function everything is evaluated anew.
  let pairsBefore: PairTable | undefined;
  let pairsAfter: PairTable | undefined;
  if (!input.distance) {
    const W = decayWeight(input.decay ?? { kind: 'STEP', zones: input.zones ?? DEFAULT_ZONES });
    const factor = input.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    const index = demandIndex(input.demands);
    const own = input.services.filter((s) => s.category === input.category);
    pairsBefore = detourTable(own, index, W.catchment, factor);
    const keep = Uint8Array.from(own, (s) => (closed.has(String(s.serviceId)) ? 0 : 1));
    const kept = keep.reduce((n, k) => n + k, 0);
    const newOwn = added.filter((s) => s.category === input.category);
    pairsAfter = updateTable(pairsBefore, keep, detourTable(newOwn, index, W.catchment, factor, kept));
  }

  // The situation after is measured against the distribution before: an area changes gap class
  // only when its own need or supply changes, not because the others moved.
  const { states: before, reference } = evaluate(input, input.services, undefined, pairsBefore);
  const { states: after } = evaluate(input, afterServices, reference ?? undefined, pairsAfter);
  const areas: ScenarioArea[] = [];
  for (const areaId of input.areas) {
    const b = before.get(String(areaId))!;
    const a = after.get(String(areaId))!;
    const checks: [string, unknown, unknown][] = [
      ['services', b.coverage.services, a.coverage.services],
      ['capacity', b.coverage.capacity, a.coverage.capacity],
      ['coverageGap', b.coverage.gap, a.coverage.gap],
      ['ratioPer1000', b.coverage.ratioPer1000, a.coverage.ratioPer1000],
      ['accessibility', b.accessibility?.accessibility, a.accessibility?.accessibility],
      ['accessibilityReason', b.accessibility?.reason, a.accessibility?.reason],
      ['gapScore', b.gap.score, a.gap.score],
      ['gapClass', b.gap.gapClass, a.gap.gapClass],
      ['missingPlaces', b.gap.planner?.missing, a.gap.planner?.missing],
    ];
    const changed = checks.filter(([, x, y]) => !same(x as number, y as number)).map(([k]) => k);
    if (changed.length) {
      const gapClassChange = b.gap.gapClass !== a.gap.gapClass ? { from: b.gap.gapClass, to: a.gap.gapClass } : null;
      areas.push({ areaId, before: b, after: a, changed, gapClassChange, summary: summarise(b.gap, a.gap, input) });
    }
  }

  let money: ScenarioResult['money'] = null;
  if (input.money) {
    const m = input.money;
    const setKey = (f: Funding) => `${String(f.serviceId)}\u0000${f.year}`;
    const replaced = new Set((changes.fundingChanges ?? []).map(setKey));
    const fundings = [...m.fundings.filter((f) => !replaced.has(setKey(f))), ...(changes.fundingChanges ?? [])];
    const serviceLocations = [...m.serviceLocations, ...added.map((s) => ({ serviceId: s.serviceId, areaId: s.areaId }))];
    const mb = computeMoney({ ...m, need: undefined });
    const ma = computeMoney({ ...m, fundings, serviceLocations, need: undefined });
    money = mb.byAreaYear
      .map((row, i) => ({ areaId: row.areaId, year: row.year, before: row.nominal, after: ma.byAreaYear[i]!.nominal }))
      .filter((r) => r.before !== r.after);
  }

  return {
    method: SCENARIO_METHOD,
    parameters: {
      category: input.category,
      zones: (input.decay ? [] : (input.zones ?? DEFAULT_ZONES)).map((z) => ({ ...z })),
      decay: decayWeight(input.decay ?? { kind: 'STEP', zones: input.zones ?? DEFAULT_ZONES }).decay,
      detourFactor: input.distance ? null : (input.detourFactor ?? DEFAULT_DETOUR_FACTOR),
      gapSupply: input.gapSupply ?? 'accessibility',
      changes,
    },
    areas,
    money,
  };
}
