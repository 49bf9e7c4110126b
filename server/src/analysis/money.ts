/**
 * Förderung je Gebiet (funding per area): money allocated to areas by the location of the funded
 * services, per resident and per person of the target group, nominal and real, its change over a
 * span, and whether money follows need (Spearman rank correlation).
 *
 *   Allocation  F_a(t) = Σ_j F_j(t) · share_ja      share_ja = given share of location in area a,
 *               or an even split 1/L_j over the L_j locations of service j (remaining share split
 *               evenly over locations without a given share; shares of a service must add up to 1)
 *   Real        F^real(t) = F(t) · VPI(b) / VPI(t)   in prices of base year b (VPI: Verbraucherpreis-
 *               index, Destatis, 2020 = 100)
 *   Per head    F_a(t) / P_a(t)   (EUR per resident, or per person of the target group)
 *   Change      Δ% = 100 · (F(t) − F(t−s)) / F(t−s), nominal and real
 *   Flag        "Dynamisierung fehlt" (no indexation): |Δ%nominal| ≤ tolerance (default 1) and Δ%real < 0
 *   Need        ρ = Spearman(F_a/P_a, need_a) over the areas with both values, average ranks for ties
 * Money is exact: amounts are decimal strings computed with decimal.js (precision 40) and rounded to
 * cents half-up only in the output; ratios (per head, %) are numbers.
 */
import Decimal from 'decimal.js';
import { AnalysisInputError, assertFinite, assertInteger, assertNonNegative, assertPositive, assertUnique } from './errors';
import { spearman, type SpearmanResult } from './statistics';
import { key2, type Id, type MethodText, type MissingReason, type ValueStatus } from './types';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export interface Funding {
  serviceId: Id;
  year: number;
  /** EUR as a decimal string, e.g. "12345.67" */
  amount: string;
}

export interface ServiceLocationShare {
  serviceId: Id;
  /** area of the location; null = location without area (money reported as unallocated) */
  areaId: Id | null;
  /** share of the service's money at this location, 0…1; null/absent = even split of the rest */
  share?: number | null;
}

export interface PopulationRow {
  areaId: Id;
  year: number;
  population: number | null;
  status?: ValueStatus;
}

export interface PriceIndex {
  year: number;
  /** VPI, any base (e.g. 2020 = 100) */
  index: number;
}

export interface MoneyInput {
  areas: readonly Id[];
  years: readonly number[];
  fundings: readonly Funding[];
  serviceLocations: readonly ServiceLocationShare[];
  residents: readonly PopulationRow[];
  targetPopulation?: readonly PopulationRow[];
  priceIndex: readonly PriceIndex[];
  /** real amounts are in prices of this year; default: the last of `years` */
  priceBaseYear?: number;
  /** span s for the change; default 2 */
  span?: number;
  /** tolerance in % for "nominal unchanged"; default 1 */
  tolerancePercent?: number;
  /** need per area (e.g. status index S*) in `needYear`, for the rank correlation */
  need?: readonly { areaId: Id; value: number | null }[];
  /** year of the funding compared with need; default: the last of `years` */
  needYear?: number;
}

export interface AreaYearMoney {
  areaId: Id;
  year: number;
  /** EUR, 2 decimals */
  nominal: string;
  /** EUR in prices of the base year, 2 decimals; null if the VPI of the year is missing */
  real: string | null;
  residents: number | null;
  nominalPerResident: number | null;
  realPerResident: number | null;
  targetPopulation: number | null;
  nominalPerTargetPerson: number | null;
  realPerTargetPerson: number | null;
  reason: MissingReason | null;
}

export interface AreaMoneyChange {
  areaId: Id;
  fromYear: number;
  toYear: number;
  nominalChangePercent: number | null;
  realChangePercent: number | null;
  /** true: nominal about unchanged (|Δ| ≤ tolerance) while real value fell; null if not computable */
  dynamisierungFehlt: boolean | null;
  reason: MissingReason | null;
}

export interface MoneyResult {
  method: MethodText;
  parameters: { priceBaseYear: number; span: number; tolerancePercent: number; years: number[]; priceIndex: PriceIndex[]; needYear: number };
  byAreaYear: AreaYearMoney[];
  changes: AreaMoneyChange[];
  /** money of services without a location in an area, per year (EUR, 2 decimals) */
  unallocated: { year: number; amount: string; serviceIds: Id[] }[];
  /** Spearman ρ between nominal funding per resident and need (null if no need given) */
  needCorrelation: (SpearmanResult & { year: number }) | null;
}

export const MONEY_METHOD: MethodText = {
  de: 'Förderung je Gebiet nach Standort der Angebote (gleichmäßig oder nach Anteil aufgeteilt), je Einwohner/in und je Person der Zielgruppe, nominal und real (VPI), Rangkorrelation nach Spearman mit dem Bedarf.',
  en: 'Funding per area by service location (even split or given shares), per resident and per target person, nominal and real (CPI), Spearman rank correlation with need.',
};

const DECIMAL = /^-?\d+(\.\d+)?$/;
const cents = (d: Dec) => d.toFixed(2, Decimal.ROUND_HALF_UP);

/** Deflate a nominal EUR amount: real = nominal · VPI(base) / VPI(year), exact, rounded to cents. */
export function deflate(amount: string, vpiYear: number, vpiBase: number): string {
  if (!DECIMAL.test(amount)) throw new AnalysisInputError(`not a decimal amount: ${amount}`, 'amount');
  assertPositive(vpiYear, 'vpiYear');
  assertPositive(vpiBase, 'vpiBase');
  return cents(new D(amount).times(vpiBase).div(vpiYear));
}

/** Shares per (service, location row): given shares, the rest split evenly. */
function shares(rows: readonly ServiceLocationShare[], serviceId: Id): number[] {
  const given = rows.map((r) => r.share ?? null);
  given.forEach((s, i) => {
    if (s !== null && !(s >= 0 && s <= 1)) throw new AnalysisInputError(`share must be in [0, 1], got ${s}`, `serviceLocations(${String(serviceId)})[${i}].share`);
  });
  const sumGiven = given.reduce<number>((s, x) => s + (x ?? 0), 0);
  const open = given.filter((x) => x === null).length;
  const rest = 1 - sumGiven;
  if (rest < -1e-9 || (open === 0 && Math.abs(rest) > 1e-9)) {
    throw new AnalysisInputError(`shares of service ${String(serviceId)} add up to ${sumGiven}, not 1`, 'serviceLocations');
  }
  return given.map((x) => x ?? rest / open);
}

export function computeMoney(input: MoneyInput): MoneyResult {
  if (input.years.length === 0) throw new AnalysisInputError('at least one year is needed', 'years');
  input.years.forEach((y, i) => assertInteger(y, `years[${i}]`));
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  const lastYear = years[years.length - 1]!;
  const priceBaseYear = input.priceBaseYear ?? lastYear;
  const span = input.span ?? 2;
  const tolerancePercent = input.tolerancePercent ?? 1;
  const needYear = input.needYear ?? lastYear;
  assertInteger(span, 'span', 1);
  assertNonNegative(tolerancePercent, 'tolerancePercent');
  assertUnique(input.priceIndex, (p) => String(p.year), 'price index year');
  input.priceIndex.forEach((p, i) => assertPositive(p.index, `priceIndex[${i}].index`));
  const vpi = new Map(input.priceIndex.map((p) => [p.year, p.index]));
  const vpiBase = vpi.get(priceBaseYear);
  if (vpiBase === undefined) throw new AnalysisInputError(`no price index for the base year ${priceBaseYear}`, 'priceIndex');
  const areaSet = new Set(input.areas.map(String));
  if (areaSet.size !== input.areas.length) throw new AnalysisInputError('duplicate area id', 'areas');

  // allocation keys per service
  const locBy = new Map<string, ServiceLocationShare[]>();
  for (const l of input.serviceLocations) {
    const k = String(l.serviceId);
    locBy.set(k, [...(locBy.get(k) ?? []), l]);
  }
  const allocation = new Map<string, { areaId: Id | null; share: number }[]>();
  for (const [k, rows] of locBy) {
    const s = shares(rows, rows[0]!.serviceId);
    allocation.set(k, rows.map((r, i) => ({ areaId: r.areaId, share: s[i]! })));
  }

  const yearSet = new Set(years);
  const sums = new Map<string, Dec>(); // area × year
  const unalloc = new Map<number, { amount: Dec; serviceIds: Set<Id> }>();
  const addUnalloc = (year: number, amount: Dec, serviceId: Id) => {
    const u = unalloc.get(year) ?? { amount: new D(0), serviceIds: new Set<Id>() };
    u.amount = u.amount.plus(amount);
    u.serviceIds.add(serviceId);
    unalloc.set(year, u);
  };
  input.fundings.forEach((f, n) => {
    assertInteger(f.year, `fundings[${n}].year`);
    if (typeof f.amount !== 'string' || !DECIMAL.test(f.amount)) throw new AnalysisInputError(`amount must be a decimal string, got ${String(f.amount)}`, `fundings[${n}].amount`);
    if (!yearSet.has(f.year)) return;
    const amount = new D(f.amount);
    const alloc = allocation.get(String(f.serviceId));
    if (!alloc) return addUnalloc(f.year, amount, f.serviceId);
    for (const { areaId, share } of alloc) {
      const part = amount.times(share);
      if (areaId === null || !areaSet.has(String(areaId))) {
        if (areaId === null) addUnalloc(f.year, part, f.serviceId);
        continue;
      }
      const k = key2(areaId, f.year);
      sums.set(k, (sums.get(k) ?? new D(0)).plus(part));
    }
  });

  const popMap = (rows: readonly PopulationRow[] | undefined, what: string) => {
    const m = new Map<string, PopulationRow>();
    (rows ?? []).forEach((r, i) => {
      if (r.population !== null) assertNonNegative(r.population, `${what}[${i}].population`);
      const k = key2(r.areaId, r.year);
      if (m.has(k)) throw new AnalysisInputError('duplicate row', `${what}[${i}]`);
      m.set(k, r);
    });
    return m;
  };
  const residents = popMap(input.residents, 'residents');
  const targets = popMap(input.targetPopulation, 'targetPopulation');
  const readPop = (m: Map<string, PopulationRow>, areaId: Id, year: number): { value: number | null; reason: MissingReason | null } => {
    const r = m.get(key2(areaId, year));
    if (!r) return { value: null, reason: 'POPULATION_MISSING' };
    if (r.status === 'SUPPRESSED') return { value: null, reason: 'SUPPRESSED' };
    if (r.population === null) return { value: null, reason: 'POPULATION_MISSING' };
    return { value: r.population, reason: null };
  };
  const perHead = (amount: Dec | null, pop: number | null) => (amount === null || pop === null || pop === 0 ? null : amount.div(pop).toNumber());

  const exact = new Map<string, { nominal: Dec; real: Dec | null }>();
  const byAreaYear: AreaYearMoney[] = [];
  for (const areaId of input.areas) {
    for (const year of years) {
      const nominal = sums.get(key2(areaId, year)) ?? new D(0);
      const v = vpi.get(year);
      const real = v === undefined ? null : nominal.times(vpiBase).div(v);
      exact.set(key2(areaId, year), { nominal, real });
      const res = readPop(residents, areaId, year);
      const tgt = readPop(targets, areaId, year);
      byAreaYear.push({
        areaId,
        year,
        nominal: cents(nominal),
        real: real === null ? null : cents(real),
        residents: res.value,
        nominalPerResident: perHead(nominal, res.value),
        realPerResident: perHead(real, res.value),
        targetPopulation: tgt.value,
        nominalPerTargetPerson: perHead(nominal, tgt.value),
        realPerTargetPerson: perHead(real, tgt.value),
        reason: real === null ? 'MISSING' : res.reason,
      });
    }
  }

  const changes: AreaMoneyChange[] = [];
  const fromYear = lastYear - span;
  if (yearSet.has(fromYear)) {
    for (const areaId of input.areas) {
      const a = exact.get(key2(areaId, fromYear))!;
      const b = exact.get(key2(areaId, lastYear))!;
      const pct = (x: Dec | null, y: Dec | null) => (x === null || y === null || x.isZero() ? null : y.minus(x).div(x).times(100).toNumber());
      const nominalChangePercent = pct(a.nominal, b.nominal);
      const realChangePercent = pct(a.real, b.real);
      const reason: MissingReason | null = a.nominal.isZero() ? 'NO_BASE_VALUE' : a.real === null || b.real === null ? 'MISSING' : null;
      changes.push({
        areaId,
        fromYear,
        toYear: lastYear,
        nominalChangePercent,
        realChangePercent,
        dynamisierungFehlt: nominalChangePercent === null || realChangePercent === null ? null : Math.abs(nominalChangePercent) <= tolerancePercent && realChangePercent < 0,
        reason,
      });
    }
  }

  let needCorrelation: MoneyResult['needCorrelation'] = null;
  if (input.need) {
    if (!yearSet.has(needYear)) throw new AnalysisInputError(`needYear ${needYear} is not among the years`, 'needYear');
    const needBy = new Map(input.need.map((n) => [String(n.areaId), n.value]));
    const x: number[] = [];
    const y: number[] = [];
    for (const row of byAreaYear) {
      if (row.year !== needYear) continue;
      const nv = needBy.get(String(row.areaId));
      if (row.nominalPerResident === null || nv === null || nv === undefined) continue;
      assertFinite(nv, `need(${String(row.areaId)})`);
      x.push(row.nominalPerResident);
      y.push(nv);
    }
    needCorrelation = { ...spearman(x, y), year: needYear };
  }

  return {
    method: MONEY_METHOD,
    parameters: { priceBaseYear, span, tolerancePercent, years, priceIndex: input.priceIndex.map((p) => ({ ...p })), needYear },
    byAreaYear,
    changes,
    unallocated: [...unalloc.entries()].sort((a, b) => a[0] - b[0]).map(([year, u]) => ({ year, amount: cents(u.amount), serviceIds: [...u.serviceIds] })),
    needCorrelation,
  };
}
