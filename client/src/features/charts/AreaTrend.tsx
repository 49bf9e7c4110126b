// The profile's time series: one indicator of the area against its Stadtbezirk and the city.
// Rates share one axis. Counts do not (the city has hundreds of times the residents of an
// Ortsteil, so the area's line would lie flat at the bottom): they are shown as an index of each
// line's own base year, or as the area's own series alone; the table keeps the counts.
import { useState } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import type { IndicatorDef } from '../../data/use-layer-values';
import { localName, type Unit } from '../../lib/format';
import type { ChartSeries } from './chart-model';
import { AREA_TREND, CITY_TREND } from './queries';
import { TimeSeriesChart } from './TimeSeriesChart';
import { useChartTexts } from './texts';


function IndicatorSelect({ id, value, indicators, onChange }: { id: string; value: string; indicators: IndicatorDef[]; onChange: (key: string) => void }) {
  const { locale } = useI18n();
  const c = useChartTexts();
  return (
    <>
      <label htmlFor={id} className="small">{c.chartIndicator}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="ts-select">
        {[...indicators].sort((a, b) => localName(a, locale).localeCompare(localName(b, locale))).map((i) => (
          <option key={i.key} value={i.key}>{localName(i, locale)}</option>
        ))}
      </select>
    </>
  );
}

/** `indicator`/`onIndicator`: the chosen indicator, kept by the profile (its key-figure rows choose it too). */
/** `city`: the key of the area's city (null: the default city), whose line is drawn beside it. */
export function AreaTrend({ areaId, indicators, indicator: key, onIndicator: setKey, city: cityKey = null }: { areaId: number; indicators: IndicatorDef[]; indicator: string; onIndicator: (key: string) => void; city?: string | null }) {
  const { t, locale } = useI18n();
  const c = useChartTexts();
  const [countMode, setCountMode] = useState<'index' | 'own'>('index');
  const [{ data, fetching, error }] = useQuery({ query: AREA_TREND, variables: { id: areaId, key, city: cityKey } });
  const def = indicators.find((i) => i.key === key);
  const area = data?.area;
  const city = data?.city.nodes[0];
  const series: ChartSeries[] = [];
  if (area) series.push({ key: 'area', label: area.name, points: area.series });
  // a Stadtbezirk's parent is the city itself: it is drawn once, as the city
  if (area?.parent && area.level === 'DISTRICT' && area.parent.id !== city?.id) series.push({ key: 'parent', label: `${t.parent} ${area.parent.name}`, points: area.parent.series });
  if (city && city.id !== area?.id) series.push({ key: 'city', label: `${t.city} ${city.name}`, points: city.series });
  const isCount = def?.unit === 'COUNT';
  const shown = isCount && countMode === 'own' ? series.slice(0, 1) : series;
  return (
    <section aria-labelledby="pt-title" data-testid="profile-trend">
      <h3 id="pt-title">{c.timeSeries}</h3>
      <IndicatorSelect id="trend-indicator" value={key} indicators={indicators} onChange={setKey} />
      {isCount && series.length > 1 && (
        <fieldset className="ts-mode no-print">
          <legend className="small">{c.countMode}</legend>
          <label className="inline small">
            <input type="radio" name="trend-count" checked={countMode === 'index'} onChange={() => setCountMode('index')} /> {c.countIndexed}
          </label>
          <label className="inline small">
            <input type="radio" name="trend-count" checked={countMode === 'own'} onChange={() => setCountMode('own')} /> {c.countOwn}
          </label>
        </fieldset>
      )}
      {fetching && !data && <p role="status">{t.loading}</p>}
      {error && <p className="muted">{t.notAvailable}</p>}
      {def && data && (
        <TimeSeriesChart
          title={localName(def, locale)}
          unit={def.unit as Unit}
          series={shown}
          mode={isCount && countMode === 'index' ? 'index' : 'values'}
          note={isCount && countMode === 'own' ? c.ownNote : undefined}
          testId="trend-chart"
        />
      )}
    </section>
  );
}

/** The whole city's series of the indicator on the map. */
export function CityTrend({ indicator, city: cityKey = null }: { indicator: IndicatorDef; city?: string | null }) {
  const { t, locale } = useI18n();
  const c = useChartTexts();
  const [{ data, error }] = useQuery({ query: CITY_TREND, variables: { key: indicator.key, city: cityKey } });
  const city = data?.city.nodes[0];
  return (
    <details className="city-trend" data-testid="city-trend">
      <summary>{c.cityTimeSeries}</summary>
      {error && <p className="muted">{t.notAvailable}</p>}
      {!data && !error && <p role="status">{t.loading}</p>}
      {city && <TimeSeriesChart title={localName(indicator, locale)} unit={indicator.unit as Unit} series={[{ key: 'city', label: `${t.city} ${city.name}`, points: city.series }]} testId="city-chart" />}
    </details>
  );
}
