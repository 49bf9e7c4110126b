/**
 * Versorgungsquote (coverage) per area and service category: supply against the target population
 * and against a configurable norm (e.g. places per 1,000 children). Container method, no distances:
 * a service counts in the area of its location (for cross-border supply see e2sfca.ts).
 *
 *   C_ac    = Σ S_j over services j of category c located in area a   (capacity units)
 *   P_ac    target population (persons)
 *   q_ac    = 1000 · C_ac / P_ac                   capacity per 1,000 of the target group
 *   N_c     norm, capacity per 1,000 of the target group
 *   Req_ac  = N_c · P_ac / 1000                    required capacity
 *   gap_ac  = Req_ac − C_ac                        positive = shortfall (capacity units)
 *   cov_ac  = 100 · C_ac / Req_ac                  coverage in % of the norm
 *
 * A service with unknown capacity is counted, its capacity is not: `capacityComplete: false` marks
 * C_ac as a lower bound (the gap as an upper bound). A missing/suppressed target population makes
 * q, Req, gap and cov null with the reason; an area with no service has C = 0 (a real zero).
 */
import { AnalysisInputError, assertNonNegative, assertUnique } from './errors';
import { key2, type Id, type MethodText, type MissingReason, type ValueStatus } from './types';

export interface CoverageService {
  serviceId: Id;
  category: string;
  /** area of the service location; null = unknown location (reported, not counted) */
  areaId: Id | null;
  /** S_j; null = unknown */
  capacity: number | null;
}

export interface TargetPopulation {
  areaId: Id;
  category: string;
  population: number | null;
  status?: ValueStatus;
}

export interface CoverageNorm {
  category: string;
  /** N_c: capacity units per 1,000 persons of the target group */
  perThousand: number;
}

export interface CoverageInput {
  areas: readonly Id[];
  categories: readonly string[];
  services: readonly CoverageService[];
  targets: readonly TargetPopulation[];
  norms?: readonly CoverageNorm[];
}

export interface CoverageRow {
  areaId: Id;
  category: string;
  services: number;
  /** Σ of known capacities */
  capacity: number;
  capacityComplete: boolean;
  servicesWithoutCapacity: number;
  targetPopulation: number | null;
  /** q: capacity per 1,000 of the target group */
  ratioPer1000: number | null;
  /** N: norm per 1,000, null if no norm is set */
  norm: number | null;
  required: number | null;
  /** Req − C; positive = shortfall */
  gap: number | null;
  coveragePercent: number | null;
  /** why the target-based figures are null */
  reason: MissingReason | null;
}

export interface CoverageResult {
  method: MethodText;
  parameters: { norms: CoverageNorm[]; categories: string[] };
  rows: CoverageRow[];
  /** services whose location has no area */
  unassignedServices: Id[];
}

export const COVERAGE_METHOD: MethodText = {
  de: 'Versorgungsquote: Kapazität der Angebote im Gebiet je 1.000 Personen der Zielgruppe, Lücke = Richtwert × Zielgruppe / 1.000 − Kapazität.',
  en: 'Coverage: capacity of services in the area per 1,000 persons of the target group; gap = norm × target group / 1,000 − capacity.',
};

export function computeCoverage(input: CoverageInput): CoverageResult {
  const norms = input.norms ?? [];
  assertUnique(norms, (n) => n.category, 'norm category');
  norms.forEach((n, i) => assertNonNegative(n.perThousand, `norms[${i}].perThousand`));
  assertUnique(input.targets, (t) => key2(t.areaId, t.category), 'target population (area, category)');
  input.targets.forEach((t, i) => {
    if (t.population !== null) assertNonNegative(t.population, `targets[${i}].population`);
  });
  assertUnique(input.services, (s) => key2(s.serviceId, s.category), 'service');
  input.services.forEach((s, i) => {
    if (s.capacity !== null) assertNonNegative(s.capacity, `services[${i}].capacity`);
  });
  const areaSet = new Set(input.areas.map(String));
  if (areaSet.size !== input.areas.length) throw new AnalysisInputError('duplicate area id', 'areas');

  const normBy = new Map(norms.map((n) => [n.category, n.perThousand]));
  const targetBy = new Map(input.targets.map((t) => [key2(t.areaId, t.category), t]));
  const supply = new Map<string, { n: number; cap: number; unknown: number }>();
  const unassignedServices: Id[] = [];
  for (const s of input.services) {
    if (s.areaId === null) {
      unassignedServices.push(s.serviceId);
      continue;
    }
    if (!areaSet.has(String(s.areaId))) continue; // outside the areas asked for
    const k = key2(s.areaId, s.category);
    const acc = supply.get(k) ?? { n: 0, cap: 0, unknown: 0 };
    acc.n++;
    if (s.capacity === null) acc.unknown++;
    else acc.cap += s.capacity;
    supply.set(k, acc);
  }

  const rows: CoverageRow[] = [];
  for (const areaId of input.areas) {
    for (const category of input.categories) {
      const sup = supply.get(key2(areaId, category)) ?? { n: 0, cap: 0, unknown: 0 };
      const t = targetBy.get(key2(areaId, category));
      const norm = normBy.get(category) ?? null;
      let P: number | null = null;
      let reason: MissingReason | null = null;
      if (!t || (t.population === null && t.status !== 'SUPPRESSED')) reason = 'TARGET_POPULATION_MISSING';
      else if (t.status === 'SUPPRESSED') reason = 'SUPPRESSED';
      else P = t.population;
      const C = sup.cap;
      const required = P !== null && norm !== null ? (norm * P) / 1000 : null;
      if (P === 0) reason = 'TARGET_POPULATION_ZERO';
      rows.push({
        areaId,
        category,
        services: sup.n,
        capacity: C,
        capacityComplete: sup.unknown === 0,
        servicesWithoutCapacity: sup.unknown,
        targetPopulation: P,
        ratioPer1000: P !== null && P > 0 ? (1000 * C) / P : null,
        norm,
        required,
        gap: required !== null ? required - C : null,
        coveragePercent: required !== null && required > 0 ? (100 * C) / required : null,
        reason,
      });
    }
  }
  return {
    method: COVERAGE_METHOD,
    parameters: { norms: norms.map((n) => ({ ...n })), categories: [...input.categories] },
    rows,
    unassignedServices,
  };
}
