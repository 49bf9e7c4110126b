// Colour-blind-safe sequential palettes (ColorBrewer, Cynthia Brewer, Penn State; all marked
// "colorblind safe"). Darker always means "worse" for the planner: for HIGHER_IS_BETTER
// indicators the order is reversed, so that low income shows dark.
export type { Polarity } from '../generated/graphql';
import type { Polarity } from '../generated/graphql';

/** YlOrRd for need, 3–7 classes. */
const YL_OR_RD: Record<number, string[]> = {
  1: ['#fd8d3c'],
  2: ['#feb24c', '#e31a1c'],
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
};
/** Blues for descriptive (neutral) indicators, where dark only means "more". */
const BLUES: Record<number, string[]> = {
  1: ['#6baed6'],
  2: ['#9ecae1', '#3182bd'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
};

export const NO_DATA_COLOR = '#d9d9d9';
export const SUPPRESSED_COLOR = '#bdbdbd';

/** Colours for n classes ordered by ascending value. */
export function paletteFor(n: number, polarity: Polarity): string[] {
  const k = Math.max(1, Math.min(7, n));
  const base = polarity === 'NEUTRAL' ? BLUES[k] : YL_OR_RD[k];
  return polarity === 'HIGHER_IS_BETTER' ? [...base].reverse() : [...base];
}

/** Relative luminance (WCAG 2.1) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
