/**
 * Small shared statistics. Mean, population standard deviation and the Pearson correlation come
 * from `simple-statistics`; ranks with ties, type-7 quantiles and z-scores are written here so that
 * their definitions are explicit (and reproducible in a spreadsheet).
 *
 *   mean         x̄ = Σ xᵢ / n
 *   population σ = √( Σ (xᵢ − x̄)² / n )            (not the sample SD with n − 1)
 *   z-score      zᵢ = (xᵢ − x̄) / σ                   (σ = 0 → all zᵢ = 0, flagged)
 *   quantile     type 7 (Hyndman & Fan 1996) = Excel QUARTILE.INC / LibreOffice QUANTIL.INKL:
 *                h = (n − 1)·p,  Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x sorted, 0-based
 *   ranks        1 = smallest; tied values get the average of the ranks they span (RANG.MITTELW)
 *   Spearman ρ   Pearson correlation of the average ranks (exact also with ties)
 */
import { mean as ssMean, sampleCorrelation, standardDeviation } from 'simple-statistics';
import { AnalysisInputError, assertFinite } from './errors';

function checkValues(values: readonly number[], what: string): void {
  if (values.length === 0) throw new AnalysisInputError(`${what} needs at least one value`);
  values.forEach((v, i) => assertFinite(v, `${what}[${i}]`));
}

export function mean(values: readonly number[]): number {
  checkValues(values, 'mean');
  return ssMean(values as number[]);
}

/** Population standard deviation σ (divides by n). */
export function populationSd(values: readonly number[]): number {
  checkValues(values, 'populationSd');
  return standardDeviation(values as number[]);
}

export interface ZScores {
  mean: number;
  /** population standard deviation */
  sd: number;
  z: number[];
  /** true when σ = 0: every z is 0 and the indicator does not discriminate between areas */
  constant: boolean;
}

export function zScores(values: readonly number[]): ZScores {
  const m = mean(values);
  const sd = populationSd(values);
  const constant = sd === 0;
  return { mean: m, sd, z: values.map((v) => (constant ? 0 : (v - m) / sd)), constant };
}

/** Quantile of type 7 (linear interpolation between order statistics), p in [0, 1]. */
export function quantile(values: readonly number[], p: number): number {
  checkValues(values, 'quantile');
  if (!(p >= 0 && p <= 1)) throw new AnalysisInputError(`p must be in [0, 1], got ${p}`, 'quantile');
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo]! + (h - lo) * (x[hi]! - x[lo]!);
}

/** Ranks 1…n in input order, smallest = 1, ties get the average rank. */
export function averageRanks(values: readonly number[]): number[] {
  checkValues(values, 'averageRanks');
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

export interface SpearmanResult {
  /** ρ in [−1, 1]; null when n < 2 or one side has no variation */
  rho: number | null;
  n: number;
  /** German/English note for small or degenerate samples, null otherwise */
  note: { de: string; en: string } | null;
}

/** Spearman rank correlation with average ranks for ties. */
export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  if (x.length !== y.length) throw new AnalysisInputError(`x and y differ in length (${x.length} vs ${y.length})`, 'spearman');
  const n = x.length;
  if (n < 2) {
    return { rho: null, n, note: { de: 'Weniger als 2 Wertepaare: keine Korrelation berechenbar.', en: 'Fewer than 2 pairs: no correlation.' } };
  }
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const constant = populationSd(rx) === 0 || populationSd(ry) === 0;
  const rho = constant ? null : Math.max(-1, Math.min(1, sampleCorrelation(rx, ry)));
  let note: SpearmanResult['note'] = null;
  if (constant) note = { de: 'Eine Reihe hat keine Streuung: Korrelation nicht definiert.', en: 'One series is constant: correlation undefined.' };
  else if (n < 5) note = { de: `Nur n = ${n} Wertepaare (< 5): Rangkorrelation nicht aussagekräftig.`, en: `Only n = ${n} pairs (< 5): rank correlation not meaningful.` };
  return { rho, n, note };
}
