// The analyses in the district profile: need index with its components ("warum hier?"),
// early-warning alerts, coverage by category.
import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { COVERAGE, EARLY_WARNINGS, useCategories, useNeedIndex } from '../../data/analysis';
import { useIndicators } from '../../data/use-layer-values';
import { classNames, NEED_CLASSES } from '../../lib/categorical';
import { formatNumber, formatValue, localName } from '../../lib/format';
import type { Level } from '../../lib/url-state';

export function ProfileNeed({ id, level, year, city = null }: { id: number; level: Level; year: number; city?: string | null }) {
  const { t, locale } = useI18n();
  const { indicators } = useIndicators();
  const { data, fetching, error } = useNeedIndex(level, year, false, city);
  const row = data?.areas.find((a) => a.area?.id === id);
  const total = data?.areas.filter((a) => !a.excluded).length ?? 0;
  const def = NEED_CLASSES.find((c) => c.key === row?.statusClass);
  const name = (key: string) => {
    const d = indicators?.find((i) => i.key === key);
    return d ? localName(d, locale) : key === 'sgb2_single_parent_per_1000' ? (locale === 'en' ? 'SGB II single-parent households per 1,000 residents' : 'SGB-II-Alleinerziehende je 1.000 Einwohner') : key;
  };
  const unitOf = (key: string) => indicators?.find((i) => i.key === key)?.unit;
  const components = [...(row?.components ?? [])].sort((a, b) => (b.contribution ?? -Infinity) - (a.contribution ?? -Infinity));
  return (
    <section aria-labelledby="pn-title" data-testid="profile-need">
      <h3 id="pn-title">{t.needIndex} {year}</h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {row && row.excluded && (
        <p>
          <span className="swatch hatched" aria-hidden="true" /> {t.excluded}: {t.reasons[row.reason ?? ''] ?? row.reason}
          {row.reasonDetail ? ` (${row.reasonDetail})` : ''}
        </p>
      )}
      {row && !row.excluded && (
        <>
          <p>
            <span className="swatch" style={{ background: def?.color }} aria-hidden="true" />{' '}
            <strong data-testid="need-label">{(locale === 'en' ? row.needLabelEn : row.needLabelDe) ?? (row.statusClass ? classNames(data?.statusClasses, locale).get(row.statusClass) : null)}</strong>
            {row.rank !== null && <span data-testid="need-rank"> · {t.needRank(row.rank, total)}</span>}
          </p>
          <p className="small muted">
            {t.statusZ}: {formatNumber(row.statusZ, locale, 2)}
            {row.dynamicsClass && ` · ${t.dynamics}: ${t.dynamicsClass[row.dynamicsClass] ?? row.dynamicsClass}`}
            {row.combined && ` · ${row.combined.code} (${locale === 'en' ? row.combined.en : row.combined.de})`}
          </p>
          <table className="kf" data-testid="need-components">
            <caption className="caption-left">{t.whyHere}</caption>
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th>
                <th scope="col" className="num">{t.value}</th>
                <th scope="col" className="num">{t.zValue}</th>
                <th scope="col" className="num">{t.contribution}</th>
              </tr>
            </thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.indicatorKey} data-indicator={c.indicatorKey}>
                  <th scope="row">{name(c.indicatorKey)}</th>
                  <td className="num">{unitOf(c.indicatorKey) ? formatValue(c.value, unitOf(c.indicatorKey), locale) : formatNumber(c.value, locale, 1)}</td>
                  <td className="num">{formatNumber(c.z, locale, 2)}</td>
                  <td className="num">{c.contribution === null ? '–' : `${c.contribution > 0 ? '+' : c.contribution < 0 ? '−' : '±'}${formatNumber(Math.abs(c.contribution), locale, 2)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ProfileWarnings({ id, level, year, city = null }: { id: number; level: Level; year: number; city?: string | null }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: EARLY_WARNINGS, variables: { year, level, city } });
  const alerts = data?.earlyWarnings.alerts.filter((a) => a.area?.id === id) ?? [];
  return (
    <section aria-labelledby="pw-title" data-testid="profile-warnings">
      <h3 id="pw-title">{t.warnings} {year}</h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {data && alerts.length === 0 && <p className="muted">{t.noWarnings}</p>}
      {alerts.length > 0 && (
        <ul className="warnings">
          {alerts.map((a, i) => (
            <li key={i} data-indicator={a.indicatorKey}>
              <span aria-hidden="true" className="warn-mark">⚠</span> {locale === 'en' ? a.messageEn : a.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProfileCoverage({ id, level, year, city = null }: { id: number; level: Level; year: number; city?: string | null }) {
  const { t, locale } = useI18n();
  const categories = useCategories();
  const [{ data, fetching, error }] = useQuery({ query: COVERAGE, variables: { year, level, city } });
  const rows = data?.coverage.rows.filter((r) => r.area?.id === id) ?? [];
  const catName = (key: string) => {
    const c = categories?.find((x) => x.key === key);
    return c ? localName(c, locale) : key;
  };
  return (
    <section aria-labelledby="pc-title" data-testid="profile-coverage">
      <h3 id="pc-title">{t.coverage} {year}</h3>
      {fetching && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {rows.length > 0 && (
        <table className="kf">
          <caption className="sr-only">{t.coverage}</caption>
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col" className="num">{t.services}</th>
              <th scope="col" className="num">{t.capacity}</th>
              <th scope="col" className="num">{t.coverageRatio}</th>
              <th scope="col" className="num">{t.norm}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.category} data-category={r.category}>
                <th scope="row">{catName(r.category)}</th>
                <td className="num">{r.services}</td>
                <td className="num" data-col="capacity">
                  {!r.capacityKnown ? <span className="muted">{t.capacityUnknown}</span> : `${r.capacityComplete ? '' : `${t.capacityPartial} `}${formatNumber(r.capacity, locale, 0)}`}
                </td>
                <td className="num">{r.ratioPer1000 === null ? (r.reason ? <span className="muted">{t.reasons[r.reason] ?? '–'}</span> : '–') : formatNumber(r.ratioPer1000, locale, 1)}</td>
                <td className="num">{formatNumber(r.norm, locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
