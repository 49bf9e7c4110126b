// The city switcher (Stadt): which city of the hub the map shows. The choice lives in the address
// (`stadt=<key>`; absent = the API's default city), and what the API cannot compute for a city
// is said plainly, in the API's words, instead of an empty map.
import { useEffect, useId, useRef } from 'react';
import { useQuery } from 'urql';
import { useMap } from '@vis.gl/react-maplibre';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useI18n } from '../../app/i18n';
import { CITIES } from '../../data/queries';
import type { CitiesQuery, CityGap } from '../../generated/graphql';
import type { LayerKind, Level, ViewState } from '../../lib/url-state';

export type CityInfo = CitiesQuery['cities'][number];

const TEXTS = {
  de: { city: 'Stadt', areas: (n: number, city: string) => `${n} Gebiete in ${city}`, name: 'Name' },
  en: { city: 'City', areas: (n: number, city: string) => `${n} areas in ${city}`, name: 'Name' },
};

export function useCities() {
  const [{ data }] = useQuery({ query: CITIES });
  return data?.cities ?? null;
}

/** The city the view names (its key), else the default city. */
export function currentCity(cities: CityInfo[] | null, key: string | null): CityInfo | null {
  if (!cities) return null;
  return cities.find((c) => c.key === key) ?? cities.find((c) => c.isDefault) ?? null;
}

/** What a change of city resets: area choices of the old city mean nothing in the new one. */
export function switchCity(cities: CityInfo[], key: string): Partial<ViewState> {
  const city = cities.find((c) => c.key === key);
  return {
    city: !city || city.isDefault ? null : city.key,
    area: null,
    compareAreas: [],
    compareOpen: false,
    camera: null,
    service: null,
    provider: null,
  };
}

export function CitySwitcher({ cities, value, onChange }: { cities: CityInfo[]; value: string | null; onChange: (patch: Partial<ViewState>) => void }) {
  const { locale } = useI18n();
  const tx = TEXTS[locale];
  const id = useId();
  const current = currentCity(cities, value);
  if (cities.length < 2) return null;
  return (
    <p className="city-switcher">
      <label htmlFor={id}>{tx.city}</label>{' '}
      <select id={id} data-testid="city" value={current?.key ?? ''} onChange={(e) => onChange(switchCity(cities, e.target.value))}>
        {cities.map((c) => (
          <option key={c.key} value={c.key}>{c.name}</option>
        ))}
      </select>
    </p>
  );
}

/** The map's levels, coarse to fine; a city offers those it has. */
const MAP_LEVELS: Level[] = ['DISTRICT', 'BOROUGH'];

/** The map levels the city has (all while the cities are loading). */
export function cityLevels(city: CityInfo | null): Level[] {
  if (!city) return MAP_LEVELS;
  const has = MAP_LEVELS.filter((l) => city.levels.some((c) => c.level === l));
  return has.length ? has : MAP_LEVELS;
}

/**
 * The level the map shows: the one asked for if the city has it, else the city's first map level,
 * with the API's sentence on why (the address keeps the asked level, so the other city gets it back).
 */
export function levelFor(city: CityInfo | null, asked: Level): { level: Level; missing: CityInfo['missingLevels'][number] | null } {
  const levels = cityLevels(city);
  if (levels.includes(asked)) return { level: asked, missing: null };
  return { level: levels[0]!, missing: city?.missingLevels.find((m) => m.level === asked) ?? null };
}

/**
 * What the map calls a level of the city: the city's own name from the API (Leipzig: Ortsteile,
 * Chemnitz: Stadtteile), else the generic `fallback` (while the cities load, or a level the city lacks).
 */
export function levelName(city: CityInfo | null, level: Level, locale: 'de' | 'en', fallback: string): string {
  const own = city?.levels.find((l) => l.level === level);
  if (!own) return fallback;
  const name = locale === 'en' ? own.nameEn : own.name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The names of the city's map levels, for the controls. */
export function levelNames(city: CityInfo | null, locale: 'de' | 'en', t: Record<Level, string>): Record<Level, string> {
  return { DISTRICT: levelName(city, 'DISTRICT', locale, t.DISTRICT), BOROUGH: levelName(city, 'BOROUGH', locale, t.BOROUGH) };
}

/** The API's sentence on a level the city lacks, in the language shown; null when the level asked for is shown. */
export function missingLevelText(missing: CityInfo['missingLevels'][number] | null, locale: 'de' | 'en'): string | null {
  return missing ? (locale === 'en' ? missing.messageEn : missing.message) : null;
}

/** Says why the map shows another level than the one asked for (the atlas's controls and /embed). */
export function LevelMissingNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return <p className="notice small" role="status" data-testid="level-missing">{text}</p>;
}

const LAYER_GAP: Record<LayerKind, CityGap> = { indicator: 'INDICATOR_MAP', need: 'NEED_INDEX', gap: 'GAP_CLASSES' };

/** The city's `unavailable` entry for the layer shown, if the API says it cannot be computed there. */
export function unavailableFor(city: CityInfo | null, layer: LayerKind): CityInfo['unavailable'][number] | null {
  return city?.unavailable.find((u) => u.what === LAYER_GAP[layer]) ?? null;
}

/** The API's own sentence on what cannot be computed for the city, e.g. "… für Chemnitz nicht verfügbar – keine Statistik je Stadtteil." */
export function CityNotice({ city, layer }: { city: CityInfo | null; layer: LayerKind }) {
  const { locale } = useI18n();
  const why = unavailableFor(city, layer);
  if (!why) return null;
  return (
    <p className="notice city-unavailable" role="status" data-testid="city-unavailable">
      {locale === 'en' ? why.messageEn : why.message}
    </p>
  );
}

/** The city's areas as a plain list where no figures can be shown: nothing is filled in. */
export function CityAreaList({ city, areas, selectedId, onSelect }: { city: CityInfo; areas: { id: number; name: string; parent?: { name: string } | null }[]; selectedId: number | null; onSelect: (id: number) => void }) {
  const { locale } = useI18n();
  const tx = TEXTS[locale];
  const sorted = [...areas].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <table className="area-table city-areas" data-testid="city-areas">
      <caption>{tx.areas(areas.length, city.name)}</caption>
      <thead>
        <tr><th scope="col">{tx.name}</th></tr>
      </thead>
      <tbody>
        {sorted.map((a) => (
          <tr key={a.id} aria-current={a.id === selectedId ? true : undefined} className={a.id === selectedId ? 'selected' : undefined} data-area-id={a.id}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onSelect(a.id)}>{a.name}</button>
            </th>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function bounds(fc: FeatureCollection<MultiPolygon>): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features)
    for (const polygon of f.geometry.coordinates)
      for (const ring of polygon)
        for (const [x, y] of ring) {
          w = Math.min(w, x);
          e = Math.max(e, x);
          s = Math.min(s, y);
          n = Math.max(n, y);
        }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/**
 * Fits the map to the city's areas once they have loaded after a switch, or on a link to a city
 * other than the default one without a camera; rendered inside <MapView>. `loadedCity` is the
 * city the geometry on screen was asked for (the old city's stays until the new one arrives).
 */
export function FitCity({ city, loadedCity, geojson, hasCamera }: { city: string | null; loadedCity: string | null | undefined; geojson: FeatureCollection<MultiPolygon> | null; hasCamera: boolean }) {
  const { current: map } = useMap();
  // the default city starts on its own bounds, and a camera in the link wins: nothing to fit then
  const fitted = useRef<string | null | undefined>(hasCamera || city === null ? city : undefined);
  useEffect(() => {
    if (!map || !geojson || loadedCity !== city || fitted.current === city) return;
    const b = bounds(geojson);
    if (!b) return;
    fitted.current = city;
    map.fitBounds(b, { padding: 10, duration: 0 });
  }, [map, city, loadedCity, geojson]);
  return null;
}
