// A time-series chart in plain SVG (no chart library: a few lines of geometry, prints as vectors,
// adds nothing to the bundle): axes with units, one line per series, years without a value as
// gaps, suppressed years as hatched bands, and the same numbers as a table for screen readers.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { formatBare, formatNumber, formatValue, unitLabel, type Unit } from '../../lib/format';
import { axisYears, gapKind, gapsOf, indexBaseYear, indexed, linePath, niceTicks, runs, yearRanges, yearTicks, type ChartSeries } from './chart-model';
import { useChartTexts } from './texts';

/** Colour and dash of the n-th line: told apart by both (colour-blind readers, black-and-white print). */
export const LINE_STYLES = [
  { color: '#0b4f8a', dash: '', width: 2.5 },
  { color: '#b34700', dash: '7 4', width: 2 },
  { color: '#4d4d4d', dash: '2 3', width: 2 },
  { color: '#1b7837', dash: '10 3 2 3', width: 2 },
  { color: '#6a3d9a', dash: '4 2', width: 2 },
];

const H = 220;
const M = { left: 56, right: 20, top: 22, bottom: 28 };

/**
 * The drawing is as wide as its box (so that its text stays at 11 px on a phone, instead of
 * shrinking with a fixed viewBox); 480 until the box is measured (and where it cannot be).
 */
function useWidth() {
  // a state, not a ref: the figure may appear later (after "no series"), and is observed then
  const [el, ref] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(480);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(Math.max(260, Math.min(720, w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [ref, width] as const;
}

export interface TimeSeriesChartProps {
  title: string;
  unit: Unit;
  series: ChartSeries[];
  /** 'index': every series relative to its value in a common base year (for counts of different size) */
  mode?: 'values' | 'index';
  /** a sentence under the chart (e.g. why counts are indexed) */
  note?: string;
  testId?: string;
  /** which of LINE_STYLES each series takes; default in order (area, Stadtbezirk, city) */
  styles?: number[];
}

export function TimeSeriesChart({ title, unit, series, mode = 'values', note, testId, styles }: TimeSeriesChartProps) {
  const { locale } = useI18n();
  const c = useChartTexts();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [tableShown, setTableShown] = useState(false);
  const [box, W] = useWidth();
  const years = axisYears(series);
  const base = mode === 'index' ? indexBaseYear(series, years) : null;
  const drawn = base !== null ? indexed(series, base) : series;
  const values = drawn.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  if (!years.length || !values.length) return <p className="muted small" data-testid={testId}>{c.noSeries}</p>;

  const ticks = niceTicks(Math.min(...values), Math.max(...values), 4);
  const [v0, v1] = [ticks[0], ticks[ticks.length - 1]];
  const [y0, y1] = [years[0], years[years.length - 1]];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = years.length > 1 ? plotW / (y1 - y0) : plotW;
  const x = (yr: number) => M.left + (years.length > 1 ? ((yr - y0) / (y1 - y0)) * plotW : plotW / 2);
  const y = (v: number) => M.top + plotH - ((v - v0) / (v1 - v0 || 1)) * plotH;
  const tickText = (v: number) => (base !== null ? formatNumber(v, locale, 0) : formatBare(v, unit, locale));
  const axisLabel = base !== null ? c.index(base) : unitLabel(unit, locale);
  const suppressedYears = years.filter((yr) => series.some((s) => gapKind(s.points.find((p) => p.year === yr)) === 'SUPPRESSED'));
  const gapNotes = series.flatMap((s) => {
    const gaps = gapsOf(s, years);
    const sup = gaps.filter((g) => g.kind === 'SUPPRESSED').map((g) => g.year);
    const miss = gaps.filter((g) => g.kind === 'MISSING').map((g) => g.year);
    return [...(sup.length ? [c.suppressedYears(s.label, yearRanges(sup, years))] : []), ...(miss.length ? [c.missingYears(s.label, yearRanges(miss, years))] : [])];
  });
  const cell = (s: ChartSeries, yr: number) => {
    const p = s.points.find((q) => q.year === yr);
    if (p?.value !== null && p?.value !== undefined) return formatValue(p.value, unit, locale);
    return gapKind(p) === 'SUPPRESSED' ? (locale === 'en' ? 'suppressed' : 'geheimgehalten') : locale === 'en' ? 'no data' : 'keine Daten';
  };

  return (
    <figure className="ts-chart" data-testid={testId} data-mode={base !== null ? 'index' : 'values'} ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={c.chartSummary(title, y0, y1, series.map((s) => s.label).join(', '))} preserveAspectRatio="xMidYMid meet">
        <defs>
          <pattern id={`hatch-${id}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#eeeeee" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" strokeWidth="2" />
          </pattern>
        </defs>
        <text x={M.left - 4} y={12} className="ts-axis-label" textAnchor="start">{axisLabel}</text>
        {suppressedYears.map((yr) => (
          <rect key={yr} x={x(yr) - step / 2} y={M.top} width={step} height={plotH} fill={`url(#hatch-${id})`} opacity={0.7} data-suppressed={yr}>
            <title>{`${yr}: ${locale === 'en' ? 'suppressed' : 'geheimgehalten'}`}</title>
          </rect>
        ))}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#e0ded9" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="ts-tick">{tickText(v)}</text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} stroke="#6b6b6b" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} stroke="#6b6b6b" />
        {yearTicks(years, Math.max(3, Math.floor(plotW / 52))).map((yr) => (
          <g key={yr}>
            <line x1={x(yr)} x2={x(yr)} y1={M.top + plotH} y2={M.top + plotH + 4} stroke="#6b6b6b" />
            <text x={x(yr)} y={H - 8} textAnchor="middle" className="ts-tick">{yr}</text>
          </g>
        ))}
        {drawn.map((s, i) => {
          const st = LINE_STYLES[(styles?.[i] ?? i) % LINE_STYLES.length];
          return (
            <g key={s.key} data-series={s.key}>
              <path d={linePath(s, years, x, y)} fill="none" stroke={st.color} strokeWidth={st.width} strokeDasharray={st.dash || undefined} />
              {/* a point per value: a year standing alone between gaps stays visible */}
              {runs(s, years).flat().map((p) => (
                <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={2.2} fill={st.color}>
                  <title>{`${s.label} ${p.year}: ${cell(series[i], p.year)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="ts-legend">
          {series.map((s, i) => {
            const st = LINE_STYLES[(styles?.[i] ?? i) % LINE_STYLES.length];
            return (
              <li key={s.key}>
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="1" x2="27" y1="5" y2="5" stroke={st.color} strokeWidth={st.width} strokeDasharray={st.dash || undefined} />
                </svg>
                {s.label}
              </li>
            );
          })}
          {suppressedYears.length > 0 && (
            <li>
              <span className="swatch hatched" aria-hidden="true" /> {locale === 'en' ? 'suppressed' : 'geheimgehalten'}
            </li>
          )}
        </ul>
        {base !== null && <p className="muted small">{c.indexNote(base)}</p>}
        {note && <p className="muted small">{note}</p>}
        {gapNotes.length > 0 && (
          <p className="muted small" data-testid="ts-gaps">
            {c.gapsTitle}: {gapNotes.join('; ')}
          </p>
        )}
        <button type="button" className="link no-print" aria-expanded={tableShown} aria-controls={`table-${id}`} onClick={() => setTableShown((v) => !v)}>
          {tableShown ? c.hideTable : c.showTable}
        </button>
      </figcaption>
      <div id={`table-${id}`} className={tableShown ? 'ts-table' : 'sr-only'}>
        <table className="kf">
          <caption>{c.dataTable(`${title} (${unitLabel(unit, locale)})`)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.year}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="num">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((yr) => (
              <tr key={yr}>
                <th scope="row">{yr}</th>
                {series.map((s) => (
                  <td key={s.key} className="num">{cell(s, yr)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
