import Decimal from 'decimal.js';

// Money in real terms and per person for planned budgets. Plan years lie ahead of the published
// price index, so a plan year without an index has no real figure unless the caller states an
// assumption, and then the projection is named in the answer.

export interface IndexYear {
  year: number;
  value: number;
}

/** The price index of a plan year: published, projected from the latest published year by an assumed rate, or unknown. */
export function planYearIndex(index: readonly IndexYear[], year: number, assumedInflationPercent?: number): { value: number | null; assumed: boolean; from?: IndexYear } {
  const published = index.find((p) => p.year === year);
  if (published) return { value: published.value, assumed: false };
  const earlier = index.filter((p) => p.year < year);
  const last = earlier[earlier.length - 1];
  if (!last || assumedInflationPercent === undefined) return { value: null, assumed: false };
  return { value: last.value * (1 + assumedInflationPercent / 100) ** (year - last.year), assumed: true, from: last };
}

/** nominal × VPI(base) / VPI(year), rounded to cents; null without an index. */
export function inPricesOf(nominal: string, baseIndex: number, yearIndex: number | null): string | null {
  if (yearIndex === null) return null;
  return new Decimal(nominal).times(baseIndex).dividedBy(yearIndex).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** amount / persons, rounded to cents; null without a positive count. */
export function perPerson(amount: string, persons: number | null | undefined): string | null {
  if (!persons || persons <= 0) return null;
  return new Decimal(amount).dividedBy(persons).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export const sumOf = (amounts: string[]) => amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)).toFixed(2);
