// The geometry of a time-series chart, apart from React: which years the axis has, where a line
// breaks, which years are suppressed or missing, nice axis ticks, and the index of counts.
// A year without a value is a gap in the line, never bridged (interpolation would invent data).

export interface SeriesPoint {
  year: number;
  value: number | null;
  status: string;
  missingReason?: string | null;
}

export interface ChartSeries {
  key: string;
  label: string;
  points: SeriesPoint[];
}

/** Every year any series has a row for, ascending: the x axis. */
export function axisYears(series: ChartSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

export type GapKind = 'SUPPRESSED' | 'MISSING';

/** Why a year of a series has no value: suppressed (Geheimhaltung, also secondary) or missing. */
export function gapKind(p: SeriesPoint | undefined): GapKind | null {
  if (p && p.value !== null) return null;
  if (p && (p.status === 'SUPPRESSED' || p.missingReason === 'SUPPRESSED' || p.missingReason === 'SECONDARY_SUPPRESSION')) return 'SUPPRESSED';
  return 'MISSING';
}

/** The years of the axis in which this series has no value, with the reason. */
export function gapsOf(series: ChartSeries, years: number[]): { year: number; kind: GapKind }[] {
  const at = new Map(series.points.map((p) => [p.year, p]));
  const out: { year: number; kind: GapKind }[] = [];
  for (const year of years) {
    const kind = gapKind(at.get(year));
    if (kind) out.push({ year, kind });
  }
  return out;
}

/** Runs of consecutive axis years with a value: each becomes one stroke of the line. */
export function runs(series: ChartSeries, years: number[]): { year: number; value: number }[][] {
  const at = new Map(series.points.map((p) => [p.year, p.value]));
  const out: { year: number; value: number }[][] = [];
  let run: { year: number; value: number }[] = [];
  for (const year of years) {
    const v = at.get(year);
    if (v === null || v === undefined) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ year, value: v });
  }
  if (run.length) out.push(run);
  return out;
}

/** SVG path of the runs: "M…L…" per run, a new "M" after each gap. */
export function linePath(series: ChartSeries, years: number[], x: (year: number) => number, y: (value: number) => number): string {
  return runs(series, years)
    .map((run) => run.map((p, i) => `${i ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(''))
    .join('');
}

/** About `count` round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/**
 * The base year of an index: the first axis year in which every series has a value other than 0.
 * Null when there is none (the series then cannot be indexed together).
 */
export function indexBaseYear(series: ChartSeries[], years: number[]): number | null {
  const maps = series.map((s) => new Map(s.points.map((p) => [p.year, p.value])));
  return years.find((y) => maps.every((m) => { const v = m.get(y); return v !== null && v !== undefined && v !== 0; })) ?? null;
}

/** Each series as an index: 100 × value / value in the base year; gaps stay gaps. */
export function indexed(series: ChartSeries[], base: number): ChartSeries[] {
  return series.map((s) => {
    const b = s.points.find((p) => p.year === base)?.value;
    return { ...s, points: s.points.map((p) => ({ ...p, value: p.value === null || !b ? null : (100 * p.value) / b })) };
  });
}

/** Labels of the x axis: every year if they fit, else every k-th, always the first and last. */
export function yearTicks(years: number[], maxLabels: number): number[] {
  if (years.length <= maxLabels) return years;
  const step = Math.ceil((years.length - 1) / Math.max(1, maxLabels - 1));
  const out = years.filter((_, i) => i % step === 0);
  const last = years[years.length - 1];
  if (out[out.length - 1] !== last) {
    // no crowding at the end: the last label replaces a neighbour closer than one step
    if (out.length > 1 && years.indexOf(last) - years.indexOf(out[out.length - 1]) < step / 2) out.pop();
    out.push(last);
  }
  return out;
}

/** Runs of consecutive years, "2001–2004, 2010" (for the gap notes). */
export function yearRanges(years: number[], allYears: number[]): string {
  const parts: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  const idx = (y: number) => allYears.indexOf(y);
  for (const y of [...years].sort((a, b) => a - b)) {
    if (start !== null && prev !== null && idx(y) === idx(prev) + 1) {
      prev = y;
      continue;
    }
    if (start !== null) parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  if (start !== null) parts.push(start === prev ? String(start) : `${start}–${prev}`);
  return parts.join(', ');
}
