// One set of checks for indicator values, used by the seed (kdvalues files) and the CSV import
// (API and CLI) alike: hard checks (a value that cannot be in the unit: refused) and plausibility
// warnings a statistician expects (imported, but worth a look).

/** Plausible ranges per unit: a value outside is almost always a unit mix-up (e.g. share vs percent). */
export const UNIT_RANGES: Record<string, [number, number, string, string]> = {
  COUNT: [0, Number.MAX_SAFE_INTEGER, 'eine Anzahl (nicht negativ)', 'a count (not negative)'],
  PERCENT: [0, 100, 'Prozent (0–100)', 'percent (0–100)'],
  // no upper bound: crimes or visits per 1,000 residents exceed 1,000 where few people live (a
  // district with the main station or a shopping centre and few residents)
  PER_THOUSAND: [0, Number.MAX_SAFE_INTEGER, 'je 1.000 (nicht negativ)', 'per 1,000 (not negative)'],
  RATIO: [0, Number.MAX_SAFE_INTEGER, 'eine Verhältniszahl (nicht negativ)', 'a ratio (not negative)'],
  EUR: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'Euro', 'euros'],
  EUR_PER_MONTH: [0, Number.MAX_SAFE_INTEGER, 'Euro je Monat (nicht negativ)', 'euros per month (not negative)'],
  YEARS: [0, 150, 'Jahre (0–150)', 'years (0–150)'],
  PER_KM2: [0, Number.MAX_SAFE_INTEGER, 'je km² (nicht negativ)', 'per km² (not negative)'],
  SQUARE_METRE: [0, Number.MAX_SAFE_INTEGER, 'm² (nicht negativ)', 'm² (not negative)'],
};

/** Why a value cannot be in the indicator's unit, in German and English; null when it can. */
export function unitProblemTexts(unit: string, value: number, indicatorKey: string): { de: string; en: string } | null {
  const [min, max, de, en] = UNIT_RANGES[unit] ?? [-Infinity, Infinity, '', ''];
  const says = (de: string, en: string) => ({
    de: `${value} passt nicht zur Einheit des Indikators „${indicatorKey}“: ${de}.`,
    en: `${value} does not fit the unit of indicator "${indicatorKey}": ${en}.`,
  });
  if (value < min || value > max) return says(de, en);
  if (unit === 'COUNT' && !Number.isInteger(value)) return says('eine ganze Anzahl', 'a whole number');
  return null;
}

/** The same, as one text "German / English". */
export function unitProblem(unit: string, value: number, indicatorKey: string): string | null {
  const t = unitProblemTexts(unit, value, indicatorKey);
  return t && `${t.de} / ${t.en}`;
}

export interface PlausibilityOptions {
  /** a value more than this factor above or below the previous year's is reported; default 3 */
  jumpFactor?: number;
  /** a count of 0 is reported where the population is above this; default 1,000 */
  zeroCountPopulation?: number;
  /** a share of 0 % is reported where the previous year had at least this; default 40 */
  zeroShareAfter?: number;
  /** counts below this in both years are not checked for jumps (small numbers jump); default 20 */
  jumpMinCount?: number;
}

export interface CheckedValue {
  indicatorKey: string;
  unit: string;
  areaLabel: string;
  year: number;
  value: number | null;
}

/**
 * Plausibility warnings for the given values. `lookup(indicatorKey, year)` gives the value of the
 * same area in another year or of another indicator (population), from the file or the database.
 */
export function plausibilityWarnings<T extends CheckedValue>(
  rows: T[],
  lookup: (row: T, indicatorKey: string, year: number) => number | null | undefined,
  options: PlausibilityOptions = {},
): string[] {
  const factor = options.jumpFactor ?? 3;
  const minPopulation = options.zeroCountPopulation ?? 1000;
  const shareAfter = options.zeroShareAfter ?? 40;
  const minCount = options.jumpMinCount ?? 20;
  const warnings: string[] = [];
  for (const r of rows) {
    if (r.value === null) continue;
    const where = `${r.areaLabel}, ${r.indicatorKey}, ${r.year}`;
    const previous = lookup(r, r.indicatorKey, r.year - 1);
    if (r.unit === 'COUNT' && r.value === 0 && r.indicatorKey !== 'population') {
      const population = lookup(r, 'population', r.year);
      if (population != null && population > minPopulation) warnings.push(`${where}: Anzahl 0 bei ${population} Einwohnern / count 0 with ${population} residents`);
    }
    if (r.unit === 'PERCENT' && r.value === 0 && previous != null && previous >= shareAfter) {
      warnings.push(`${where}: 0 % nach ${previous} % im Vorjahr / 0 % after ${previous} % the year before`);
    }
    const small = r.unit === 'COUNT' && Math.max(r.value, previous ?? 0) < minCount;
    if (!small && previous != null && previous > 0 && r.value > 0 && (r.value / previous > factor || previous / r.value > factor)) {
      warnings.push(`${where}: ${r.value} nach ${previous} im Vorjahr (Sprung über Faktor ${factor}) / ${r.value} after ${previous} the year before (jump beyond factor ${factor})`);
    }
  }
  return warnings;
}
