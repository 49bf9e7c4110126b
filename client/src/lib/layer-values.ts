// A "layer source" is whatever colours the areas: an indicator (values classified here), the need
// index (Bedarfsindex) or a category's coverage gaps (classified by the analysis API). Every source
// reduces to the same shape, so map, legend, table and downloads do not care where it comes from.
import type { Polarity } from './colors';
import type { Unit } from './format';

export type LayerSource =
  | { kind: 'indicator'; indicator: string }
  | { kind: 'needIndex' }
  | { kind: 'gap'; category: string };

export type { ValueStatus } from '../generated/graphql';
import type { ValueStatus } from '../generated/graphql';

export interface AreaValue {
  areaId: number;
  year: number;
  value: number | null;
  status: ValueStatus;
}

export interface LayerMeta {
  key: string;
  name: string;
  nameEn: string | null;
  unit: Unit;
  polarity: Polarity;
  description: string;
  attribution: string;
  synthetic: boolean;
}

/** One value per area: the shown year, or the change between two years in compare mode. */
export interface ShownValue {
  value: number | null;
  status: ValueStatus | 'MISSING';
  /** the values of both years in compare mode */
  from?: number | null;
  to?: number | null;
}

/** Index rows by year → area id. */
export function byYear(rows: AreaValue[]): Map<number, Map<number, AreaValue>> {
  const out = new Map<number, Map<number, AreaValue>>();
  for (const r of rows) {
    let m = out.get(r.year);
    if (!m) out.set(r.year, (m = new Map()));
    m.set(r.areaId, r);
  }
  return out;
}

/** The values to draw for the given areas: one year, or the change from `compareYear` to `year`. */
export function shownValues(
  index: Map<number, Map<number, AreaValue>>,
  areaIds: number[],
  year: number,
  compareYear: number | null,
): Map<number, ShownValue> {
  const now = index.get(year);
  const then = compareYear !== null ? index.get(compareYear) : undefined;
  const out = new Map<number, ShownValue>();
  for (const id of areaIds) {
    const a = now?.get(id);
    if (compareYear === null) {
      out.set(id, a ? { value: a.value, status: a.value === null && a.status !== 'SUPPRESSED' ? 'MISSING' : a.status } : { value: null, status: 'MISSING' });
      continue;
    }
    const b = then?.get(id);
    const suppressed = a?.status === 'SUPPRESSED' || b?.status === 'SUPPRESSED';
    const change = a?.value != null && b?.value != null ? a.value - b.value : null;
    out.set(id, {
      value: change,
      status: change !== null ? 'REGULAR' : suppressed ? 'SUPPRESSED' : 'MISSING',
      from: b?.value ?? null,
      to: a?.value ?? null,
    });
  }
  return out;
}

/**
 * Rank 1 = most need (highest value for HIGHER_IS_WORSE, lowest for HIGHER_IS_BETTER, highest for
 * NEUTRAL); ties share the better rank ("1, 2, 2, 4"). Missing values get no rank.
 */
export function ranks(values: Map<number, number | null>, polarity: Polarity): Map<number, number> {
  const dir = polarity === 'HIGHER_IS_BETTER' ? 1 : -1;
  const sorted = [...values].filter((e): e is [number, number] => e[1] !== null && Number.isFinite(e[1])).sort((x, y) => dir * (x[1] - y[1]));
  const out = new Map<number, number>();
  sorted.forEach(([id, v], i) => {
    const prev = sorted[i - 1];
    out.set(id, prev && prev[1] === v ? out.get(prev[0])! : i + 1);
  });
  return out;
}

/**
 * The period of a year comparison, always from the earlier to the later year, whichever of the
 * two the planner picked first: 2010 against 2015 is the change 2010–2015 (later minus earlier).
 */
export function comparePeriod(year: number | null, compareYear: number | null): { from: number; to: number } | null {
  if (year === null || compareYear === null || year === compareYear) return null;
  return { from: Math.min(year, compareYear), to: Math.max(year, compareYear) };
}

/** Years for which at least one value exists, ascending. */
export function yearsOf(rows: AreaValue[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}
