// Areas side by side (2–4): key figures, the need index with its components, and the trends of
// each key figure in one chart per figure. Shareable (the areas are in the address) and printable.
// Loaded on demand: the map's first load does not carry it.
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { useNeedIndex } from '../../data/analysis';
import { useIndicators, type IndicatorDef } from '../../data/use-layer-values';
import { NEED_CLASSES } from '../../lib/categorical';
import { formatNumber, formatValue, localName, sourceLine, type Unit } from '../../lib/format';
import type { Level } from '../../lib/url-state';
import { KEY_INDICATORS } from '../profile/queries';
import type { ChartSeries, SeriesPoint } from '../charts/chart-model';
import { TimeSeriesChart } from '../charts/TimeSeriesChart';
import { useChartTexts } from '../charts/texts';
import { COMPARE_AREAS } from './queries';
import type { CityInfo } from '../city/CitySwitcher';

type Series = SeriesPoint[];
const lastWithValue = (s: Series | undefined) => [...(s ?? [])].reverse().find((p) => p.value !== null) ?? null;

/** `city`: the key of the city shown (null: the default city), whose areas the codes name. */
export default function CompareView({ codes, level, levelName, needYear, onClose, city: cityKey = null, unavailable = [] }: { codes: string[]; level: Level; levelName?: string; needYear: number | null; onClose: () => void; city?: string | null; unavailable?: CityInfo['unavailable'] }) {
  const { t, locale } = useI18n();
  // the city's gaps for what the comparison shows (key figures, need index), in the API's words
  const lacks = unavailable.filter((u) => u.what === 'INDICATOR_MAP' || u.what === 'NEED_INDEX');
  const noNeed = lacks.some((u) => u.what === 'NEED_INDEX');
  const c = useChartTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Escape closes the comparison only, not the profile that may be open under it: this listener
  // runs first (capture) and marks the key as handled, which the profile's listener respects
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  const { indicators } = useIndicators();
  const [{ data, fetching, error }] = useQuery({ query: COMPARE_AREAS, variables: { codes, level, city: cityKey } });
  const need = useNeedIndex(level, needYear, needYear === null || noNeed, cityKey);
  // in the order the planner chose them
  const areas = codes.map((code) => data?.areas.nodes.find((a) => a.code === code)).filter((a): a is NonNullable<typeof a> => !!a);
  const city = data?.city.nodes[0];
  const name = (d: IndicatorDef) => localName(d, locale);
  const defs = KEY_INDICATORS.map((k) => indicators?.find((i) => i.key === k)).filter((d): d is IndicatorDef => !!d);
  const attribution = indicators?.find((i) => i.key === 'sgb2_rate')?.source.attribution;

  const needRows = areas.map((a) => need.data?.areas.find((r) => r.area?.id === a.id) ?? null);
  const componentKeys = [...new Set(needRows.flatMap((r) => r?.components.map((x) => x.indicatorKey) ?? []))];
  const componentName = (key: string) => {
    const d = indicators?.find((i) => i.key === key);
    return d ? name(d) : key === 'sgb2_single_parent_per_1000' ? (locale === 'en' ? 'SGB II single-parent households per 1,000 residents' : 'SGB-II-Alleinerziehende je 1.000 Einwohner') : key;
  };

  return (
    <article className="compare-view" aria-labelledby="compare-title" data-testid="compare-view">
      <div className="profile-head">
        <div>
          <p className="muted small">{levelName ?? t[level]}</p>
          <h2 id="compare-title" tabIndex={-1} ref={heading}>{c.compareTitle}: {areas.map((a) => a.name).join(' · ') || '…'}</h2>
        </div>
        <div className="profile-actions no-print">
          <button type="button" onClick={() => window.print()}>{c.print}</button>
          <button type="button" onClick={onClose}>{c.compareClose}</button>
        </div>
      </div>
      {fetching && !data && <p role="status">{t.loading}</p>}
      {error && <p className="error" role="alert">{t.error}</p>}

      {data && (
        <section aria-labelledby="cmp-kf-title">
          <h3 id="cmp-kf-title">{c.compareKeyFigures}</h3>
          {/* focusable: a keyboard can scroll the wide table on a narrow screen */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cmp-kf-title">
            <table className="kf compare-table" data-testid="compare-key-figures">
              <caption className="sr-only">{c.compareKeyFigures}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.indicator}</th>
                  {areas.map((a) => (
                    <th key={a.id} scope="col" className="num">{a.name}{a.parent && level === 'DISTRICT' ? <span className="muted small block">{a.parent.name}</span> : null}</th>
                  ))}
                  <th scope="col" className="num">{t.city}{city ? ` ${city.name}` : ''}</th>
                </tr>
              </thead>
              <tbody>
                {defs.map((d) => {
                  const k = d.key as (typeof KEY_INDICATORS)[number];
                  // one year per row: the latest in which any compared area has a value
                  const year = Math.max(...areas.map((a) => lastWithValue(a[k])?.year ?? -Infinity));
                  if (!Number.isFinite(year)) return null;
                  const cellOf = (s: Series | undefined) => {
                    const p = s?.find((x) => x.year === year);
                    return p?.value !== null && p?.value !== undefined ? formatValue(p.value, d.unit as Unit, locale) : t.missingReason(p?.missingReason ?? (p?.status === 'SUPPRESSED' ? 'SUPPRESSED' : null));
                  };
                  return (
                    <tr key={k} data-indicator={k}>
                      <th scope="row">{name(d)} <span className="muted small">({year})</span></th>
                      {areas.map((a) => (
                        <td key={a.id} className="num" data-area={a.code}>{cellOf(a[k])}</td>
                      ))}
                      <td className="num">{cellOf(city?.[k])}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {lacks.length > 0 && (
        <ul className="notice" data-testid="compare-unavailable">
          {lacks.map((u) => (
            <li key={u.what}>{locale === 'en' ? u.messageEn : u.message}</li>
          ))}
        </ul>
      )}

      {needYear !== null && !noNeed && data && (
        <section aria-labelledby="cmp-need-title">
          <h3 id="cmp-need-title">{c.compareNeed(needYear)}</h3>
          {need.fetching && !need.data && <p role="status">{t.loading}</p>}
          {need.error && <p className="muted">{t.notAvailable}</p>}
          {need.data && (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cmp-need-title">
              <table className="kf compare-table" data-testid="compare-need">
                <caption className="sr-only">{c.compareNeed(needYear)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.indicator}</th>
                    {areas.map((a) => (
                      <th key={a.id} scope="col" className="num">{a.name}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t.needIndex}</th>
                    {needRows.map((r, i) => {
                      const def = NEED_CLASSES.find((x) => x.key === r?.statusClass);
                      return (
                        <td key={areas[i].id} className="num" data-testid={`compare-need-class-${areas[i].code}`}>
                          {r && !r.excluded ? (
                            <>
                              <span className="swatch" style={{ background: def?.color }} aria-hidden="true" /> {(locale === 'en' ? r.needLabelEn : r.needLabelDe) ?? r.statusClass}
                            </>
                          ) : (
                            <span className="muted">{r ? `${t.excluded}: ${t.reasons[r.reason ?? ''] ?? r.reason}` : t.noData}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                  <tr>
                    <th scope="row">{t.statusZ}</th>
                    {needRows.map((r, i) => (
                      <td key={areas[i].id} className="num">{r && !r.excluded ? formatNumber(r.statusZ, locale, 2) : '–'}</td>
                    ))}
                  </tr>
                  {componentKeys.map((key) => (
                    <tr key={key} data-indicator={key}>
                      <th scope="row">{componentName(key)} <span className="muted small">({t.zValue})</span></th>
                      {needRows.map((r, i) => (
                        <td key={areas[i].id} className="num">{formatNumber(r?.components.find((x) => x.indicatorKey === key)?.z, locale, 2)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {data && (
        <section aria-labelledby="cmp-trend-title">
          <h3 id="cmp-trend-title">{c.compareTrends}</h3>
          <div className="compare-charts">
            {defs.map((d) => {
              const k = d.key as (typeof KEY_INDICATORS)[number];
              const series: ChartSeries[] = areas.map((a) => ({ key: a.code, label: a.name, points: a[k] ?? [] }));
              if (city) series.push({ key: 'city', label: `${t.city} ${city.name}`, points: city[k] ?? [] });
              return (
                <div key={k} className="compare-chart" data-indicator={k}>
                  <h4>{name(d)}</h4>
                  {/* counts of areas of very different size: each as an index of its own base year */}
                  <TimeSeriesChart title={name(d)} unit={d.unit as Unit} series={series} mode={d.unit === 'COUNT' ? 'index' : 'values'} styles={[...areas.map((_, i) => (i < 2 ? i : i + 1)), 2]} />
                </div>
              );
            })}
          </div>
        </section>
      )}
      {attribution && <p className="muted small attribution">{sourceLine(attribution, t.source)}</p>}
      <p className="print-only small">{c.printedFrom(new Date().toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE'), window.location.href)}</p>
    </article>
  );
}
