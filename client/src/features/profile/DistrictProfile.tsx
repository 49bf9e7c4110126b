import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useI18n, type Dict } from '../../app/i18n';
import type { AreaInfo } from '../../data/use-areas';
import { useIndicators } from '../../data/use-layer-values';
import { formatChange, formatEuro, formatNumber, formatValue, sourceLine, localName } from '../../lib/format';
import { ranks, type LayerMeta, type ShownValue } from '../../lib/layer-values';
import type { Level } from '../../lib/url-state';
import { DemoBadge } from '../services/ServicesPanel';
import { Sparkline, type Point } from './Sparkline';
import { AreaTrend } from '../charts/AreaTrend';
import { useChartTexts } from '../charts/texts';
import { ProfileCoverage, ProfileNeed, ProfileWarnings } from './AnalysisSections';
import { usePrintOpensDetails } from './use-print-details';
import { pointCoordinates } from '../../lib/geojson';
import type { CityGap, ProfileQuery, ProfileRanksQueryVariables } from '../../generated/graphql';
import type { CityInfo } from '../city/CitySwitcher';
import { KEY_INDICATORS, PROFILE, PROFILE_FUNDING, PROFILE_MEASURES, PROFILE_RANKS, PROFILE_SERVICES, RANK_YEAR_VARIABLE } from './queries';

type Series = NonNullable<ProfileQuery['area']>['population'];

interface Current {
  meta: LayerMeta | null;
  value: ShownValue | undefined;
  rank: number | null;
  total: number;
  year: number | null;
  compareYear: number | null;
}

function latest(series: Series | undefined): Series[number] | null {
  if (!series?.length) return null;
  const withValue = [...series].reverse().find((s) => s.value !== null);
  return withValue ?? series[series.length - 1];
}

/** The district profile (Steckbrief): key figures with trend and rank, services, funding, measures. */
export interface ServicePick { id: number; name: string; categoryKey: string; point: [number, number] }

/** `compare`: whether the area is in the comparison, and how to put it in or take it out. */
export interface CompareToggle { active: boolean; full: boolean; onToggle: () => void }

/** What the profile shows that a city may lack (City.unavailable): said in the API's words instead. */
const PROFILE_GAPS: CityGap[] = ['INDICATOR_MAP', 'NEED_INDEX', 'EARLY_WARNING', 'COVERAGE_RATE', 'FUNDING_PER_RESIDENT'];

/** `city`: the city shown (null: the default city, e.g. while the cities load); its figures only. */
export function DistrictProfile({ area, level, current, needYear, onClose, onShowCatchment, compare, city: shownCity = null }: { area: AreaInfo; level: Level; current: Current; needYear: number | null; onClose: () => void; onShowCatchment?: (s: ServicePick) => void; compare?: CompareToggle; city?: CityInfo | null }) {
  const { t, locale } = useI18n();
  const cityKey = shownCity && !shownCity.isDefault ? shownCity.key : null;
  const lacks = (shownCity?.unavailable ?? []).filter((u) => PROFILE_GAPS.includes(u.what));
  const has = (gap: CityGap) => !lacks.some((u) => u.what === gap);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Escape closes the profile, as it closes any panel laid over the map
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const article = useRef<HTMLElement>(null);
  usePrintOpensDetails(article);
  const { indicators } = useIndicators();
  const [{ data, fetching, error }] = useQuery({ query: PROFILE, variables: { id: area.id, city: cityKey } });
  const city = data?.city.nodes[0];

  // Each key figure is ranked in the area's latest year with a value. A figure without any value
  // is not shown; its variable still needs a year, so it borrows the latest of the others.
  const rankVariables = useMemo((): ProfileRanksQueryVariables | null => {
    const years = KEY_INDICATORS.map((k) => latest(data?.area?.[k])?.year ?? null);
    const known = years.filter((y): y is number => y !== null);
    if (!known.length) return null;
    const fallback = Math.max(...known);
    const variables = { level, city: cityKey } as ProfileRanksQueryVariables;
    KEY_INDICATORS.forEach((k, i) => (variables[RANK_YEAR_VARIABLE[k]] = years[i] ?? fallback));
    return variables;
  }, [data, level, cityKey]);
  const [{ data: rankData }] = useQuery({
    query: PROFILE_RANKS,
    // paused until the profile has told the years
    variables: rankVariables ?? ({ level } as ProfileRanksQueryVariables),
    pause: !rankVariables,
  });
  const rankOf = (key: (typeof KEY_INDICATORS)[number], polarity: LayerMeta['polarity']) => {
    if (!rankData) return null;
    const m = new Map(rankData.areas.nodes.map((n) => [n.id, n[key]?.value ?? null]));
    const r = ranks(m, polarity);
    return { rank: r.get(area.id) ?? null, total: r.size };
  };

  const cur = current.meta;
  const curValue = current.value;
  const c = useChartTexts();
  // the chart shows the map's indicator first, or the SGB-II rate under the need or gap layer
  const [trendKey, setTrendKey] = useState(() => (cur && indicators?.some((i) => i.key === cur.key) ? cur.key : 'sgb2_rate'));
  // a key figure's sparkline opens its chart: the focus goes to the chart's picker (and scrolls it into view)
  const showTrend = (key: string) => {
    setTrendKey(key);
    document.getElementById('trend-indicator')?.focus();
  };
  return (
    <article className="profile" aria-labelledby="profile-title" ref={article}>
      <div className="profile-head">
        <div>
          <p className="muted small">{t.profile}{area.parent && level === 'DISTRICT' && area.parent.id !== shownCity?.area.id ? ` · ${t.parent} ${area.parent.name}` : ''}</p>
          <h2 id="profile-title" tabIndex={-1} ref={heading}>{area.name}</h2>
          <p className="muted small">
            {area.code && `Nr. ${area.code}`}
            {area.areaKm2 ? ` · ${formatNumber(area.areaKm2, locale, 2)} km²` : ''}
          </p>
        </div>
        <div className="profile-actions no-print">
          {compare && (
            <button type="button" aria-pressed={compare.active} disabled={!compare.active && compare.full} onClick={compare.onToggle} data-testid="profile-compare">
              {compare.active ? c.compareAdded : c.compareAdd}
            </button>
          )}
          <button type="button" onClick={() => window.print()}>{t.print}</button>
          <button type="button" onClick={onClose} aria-label={`${t.profile} ${t.close}`}>{t.close}</button>
        </div>
      </div>

      {cur && curValue && current.year !== null && (
        <p className="profile-current" data-testid="profile-current">
          <strong>{localName(cur, locale)} {current.compareYear !== null ? `${current.compareYear}–${current.year}` : current.year}: </strong>
          <span data-testid="profile-current-value">
            {curValue.value === null
              ? curValue.status === 'SUPPRESSED' ? t.suppressed : t.noData
              : current.compareYear !== null ? formatChange(curValue.value, cur.unit, locale, true) : formatValue(curValue.value, cur.unit, locale)}
          </span>
          {current.rank !== null && <span className="muted"> · {t.rank} {current.rank} {t.of} {current.total}</span>}
        </p>
      )}

      <section aria-labelledby="kf-title">
        <h3 id="kf-title">{t.keyIndicators}</h3>
        {fetching && <p role="status">{t.loading}</p>}
        {error && <p className="error" role="alert">{t.error}</p>}
        {data?.area && (
          <table className="kf">
            <caption className="sr-only">{t.keyIndicators}</caption>
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th>
                <th scope="col" className="num">{t.value}</th>
                <th scope="col" className="num">{t.city}</th>
                <th scope="col" className="num">{t.rank}</th>
                <th scope="col">{t.trend}</th>
              </tr>
            </thead>
            <tbody>
              {KEY_INDICATORS.map((k) => {
                const def = indicators?.find((i) => i.key === k);
                const s = data.area?.[k];
                const l = latest(s);
                if (!def || !l) return null;
                const cityValue = city?.[k]?.find((c) => c.year === l.year)?.value ?? null;
                const r = rankOf(k, def.polarity);
                const name = localName(def, locale);
                return (
                  <tr key={k} data-indicator={k}>
                    <th scope="row">
                      {name} <span className="muted small">({l.year})</span>
                    </th>
                    <td className="num" data-testid={`kf-${k}`}>
                      {l.value === null ? t.missingReason(l.missingReason ?? (l.status === 'SUPPRESSED' ? 'SUPPRESSED' : null)) : formatValue(l.value, def.unit, locale)}
                    </td>
                    <td className="num">
                      {cityValue === null ? t.missingReason(city?.[k]?.find((c) => c.year === l.year)?.missingReason) : formatValue(cityValue, def.unit, locale)}
                      {cityValue !== null && def.denominatorProxy && <abbr title={t.proxyDenominator} data-testid={`kf-proxy-${k}`}> ≈</abbr>}
                    </td>
                    <td className="num">{r?.rank ? `${r.rank}/${r.total}` : '–'}</td>
                    <td>
                      {/* counts: the area's own line (on the city's scale it would lie flat) */}
                      <button type="button" className="spark-button" aria-label={`${c.timeSeriesOf(name)} (${s?.[0]?.year}–${l.year})`} aria-controls="profile-trend" onClick={() => showTrend(k)}>
                        <Sparkline area={(s ?? []) as Point[]} city={def.unit === 'COUNT' ? [] : ((city?.[k] ?? []) as Point[])} />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="muted small">{t.vsCity(city?.name ?? shownCity?.name ?? null)}. {c.sparkHint}. {t.rankHint}.</p>
      </section>

      <div id="profile-trend">
        {indicators && <AreaTrend areaId={area.id} indicators={indicators} indicator={trendKey} onIndicator={setTrendKey} city={cityKey} />}
      </div>

      {lacks.length > 0 && (
        <section aria-labelledby="pu-title" data-testid="profile-unavailable">
          <h3 id="pu-title">{t.profileUnavailable}</h3>
          <ul>
            {lacks.map((u) => (
              <li key={u.what}>{locale === 'en' ? u.messageEn : u.message}</li>
            ))}
          </ul>
        </section>
      )}
      {needYear !== null && has('NEED_INDEX') && <ProfileNeed id={area.id} level={level} year={needYear} city={cityKey} />}
      {needYear !== null && has('EARLY_WARNING') && <ProfileWarnings id={area.id} level={level} year={needYear} city={cityKey} />}
      <ProfileServices id={area.id} onShowCatchment={onShowCatchment} />
      {needYear !== null && has('COVERAGE_RATE') && <ProfileCoverage id={area.id} level={level} year={needYear} city={cityKey} />}
      <ProfileFunding id={area.id} level={level} city={cityKey} />
      <ProfileMeasures id={area.id} />
      {cur && <p className="muted small attribution">{sourceLine(cur.attribution, t.source)}</p>}
      <p className="print-only small">{t.printedFrom(new Date().toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE'), window.location.href)}</p>
    </article>
  );
}

function ProfileServices({ id, onShowCatchment }: { id: number; onShowCatchment?: (s: ServicePick) => void }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: PROFILE_SERVICES, variables: { id } });
  const synthetic = data?.services?.nodes.some((s) => s.source?.synthetic);
  const stats = data?.area?.serviceStats ?? [];
  const providers = [...new Set(data?.services?.nodes.map((s) => s.provider?.name).filter(Boolean) as string[])].sort();
  return (
    <section aria-labelledby="ps-title">
      <h3 id="ps-title">
        {t.servicesInArea} {synthetic && <DemoBadge />}
      </h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && !data?.services && <p className="muted">{t.notAvailable}</p>}
      {data?.services && (
        <>
          {stats.length ? (
            <ul className="stats">
              {stats.map((s) => (
                <li key={s.category.key}>
                  {localName(s.category, locale)}: <strong>{s.services}</strong>
                  {s.capacity !== null && <span className="muted"> ({t.capacity} {formatNumber(s.capacity, locale, 0)})</span>}
                </li>
              ))}
            </ul>
          ) : (
            data.services.nodes.length === 0 && <p className="muted">{t.none}</p>
          )}
          {data.services.nodes.length > 0 && (
            <details open={data.services.nodes.length <= 8}>
              <summary>{t.servicesCount(data.services.nodes.length)}</summary>
              <ul className="service-list">
                {data.services.nodes.map((s) => {
                  const at = pointCoordinates(s.locations[0]?.point);
                  return (
                    <li key={s.id} data-service-id={s.id}>
                      {s.name} <span className="muted small">— {localName(s.category, locale)}{s.provider ? `, ${s.provider.name}` : ''}</span>
                      {onShowCatchment && at && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="link no-print"
                            aria-label={`${t.showCatchment}: ${s.name}`}
                            onClick={() => onShowCatchment({ id: s.id, name: s.name, categoryKey: s.category.key, point: at })}
                          >
                            {t.showCatchment}
                          </button>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {providers.length > 0 && (
            <p className="small">
              <strong>{t.provider}:</strong> {providers.join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ProfileFunding({ id, level, city }: { id: number; level: Level; city: string | null }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: PROFILE_FUNDING,
    variables: { id, level, city },
  });
  const rows = data?.fundingTotals.filter((r) => Number(r.nominal) > 0) ?? [];
  return (
    <section aria-labelledby="pf-title">
      <h3 id="pf-title">
        {t.funding} {rows.length > 0 && <DemoBadge />}
      </h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {data && rows.length === 0 && <p className="muted">{t.none}</p>}
      {rows.length > 0 && (
        <table className="kf">
          <caption className="sr-only">{t.funding}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year1}</th>
              <th scope="col" className="num">{t.nominal}</th>
              <th scope="col" className="num">{t.real.replace('Basisjahres', `Basisjahres ${rows[0].baseYear}`).replace('base-year', `${rows[0].baseYear}`)}</th>
              <th scope="col" className="num">{t.perResident}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td className="num">{formatEuro(Number(r.nominal), locale)}</td>
                <td className="num">{r.real === null ? '–' : formatEuro(Number(r.real), locale)}</td>
                <td className="num">{r.perResident === null ? '–' : `${formatNumber(Number(r.perResident), locale, 2)} €`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProfileMeasures({ id }: { id: number }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: PROFILE_MEASURES,
    variables: { id },
  });
  const measures = data?.area?.measures ?? [];
  return (
    <section aria-labelledby="pm-title">
      <h3 id="pm-title">
        {t.measures} {measures.length > 0 && <DemoBadge />}
      </h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {data && measures.length === 0 && <p className="muted">{t.none}</p>}
      {measures.length > 0 && (
        <ul>
          {measures.map((m) => (
            <li key={m.id}>
              <strong>{m.code}</strong> {m.title} <span className="muted small">({m.responsibleOffice}; {t.measureStatus[m.status as keyof Dict['measureStatus']] ?? m.status})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
