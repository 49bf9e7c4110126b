// Class breaks for a choropleth. A classification of n classes is n−1 inner breaks plus the
// range [min, max]; a value v falls into class i when breaks[i−1] < v ≤ breaks[i] (upper bound
// inclusive, as QGIS and most atlases show "bis einschließlich").
import { ckmeans } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';
export const CLASS_METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

export interface Classification {
  /** ascending upper bounds of each class; the last equals max */
  upper: number[];
  min: number;
  max: number;
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Distinct ascending upper bounds ending at max; drops empty classes caused by ties. */
function normalise(uppers: number[], min: number, max: number): Classification {
  const upper = [...new Set(uppers.filter((u) => u >= min && u < max))].sort((a, b) => a - b);
  upper.push(max);
  return { upper, min, max };
}

/** Quantile breaks (equal number of areas per class), linear interpolation between ranks. */
export function quantileBreaks(values: number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const pos = (values.length - 1) * (i / k);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    out.push(values[lo] + (values[hi] - values[lo]) * (pos - lo));
  }
  return out;
}

export function equalBreaks(min: number, max: number, k: number): number[] {
  return Array.from({ length: k - 1 }, (_, i) => min + ((max - min) * (i + 1)) / k);
}

/** Natural breaks: Wang & Song's optimal 1-D k-means (ckmeans), the exact successor of Jenks. */
export function naturalBreaks(values: number[], k: number): number[] {
  const clusters = ckmeans(values, Math.min(k, new Set(values).size));
  return clusters.slice(0, -1).map((c) => c[c.length - 1]);
}

export function classify(
  raw: readonly (number | null | undefined)[],
  method: ClassMethod,
  k: number,
  manual: number[] = [],
): Classification | null {
  const values = finite(raw);
  if (values.length === 0) return null;
  const min = values[0];
  const max = values[values.length - 1];
  if (min === max) return { upper: [max], min, max };
  switch (method) {
    case 'quantile':
      return normalise(quantileBreaks(values, k), min, max);
    case 'equal':
      return normalise(equalBreaks(min, max, k), min, max);
    case 'jenks':
      return normalise(naturalBreaks(values, k), min, max);
    case 'manual':
      return normalise(manual.length ? manual : quantileBreaks(values, k), min, Math.max(max, ...manual));
  }
}

/** Index of the class holding v (0-based), or null for a missing value. */
export function classOf(c: Classification, v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  for (let i = 0; i < c.upper.length; i++) if (v <= c.upper[i]) return i;
  return c.upper.length - 1;
}

/** The parts of a class-break text that are not numbers ("abc" in "10; abc"). */
export function invalidBreaks(text: string, locale: 'de' | 'en' = 'de'): string[] {
  return text
    .split(/[;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s && !Number.isFinite(Number(locale === 'de' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''))));
}

/** Parses "10; 20,5; 1.000" (German) or "10; 20.5; 1,000" (English) into ascending numbers. */
export function parseManualBreaks(text: string, locale: 'de' | 'en' = 'de'): number[] {
  return text
    .split(/[;\s]+/)
    .map((s) => (locale === 'de' ? s.trim().replace(/\./g, '').replace(',', '.') : s.trim().replace(/,/g, '')))
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
}
