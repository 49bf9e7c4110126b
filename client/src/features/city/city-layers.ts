// What the map offers and attributes per city: the orientation layers the city has (City.placeLayers)
// with their own sources, and the source of the city's areas where no figures can be shown.
import type { CityInfo } from './CitySwitcher';
import type { OrientationLayer } from '../../lib/url-state';

/** The API's collection of each orientation switch. */
export const PLACE_COLLECTION: Record<OrientationLayer, string> = { stops: 'transit-stops', social: 'social-buildings' };
const ALL: OrientationLayer[] = ['stops', 'social'];

/** The orientation switches the city has layers for (all while the cities are loading). */
export function placeKinds(city: CityInfo | null): OrientationLayer[] {
  if (!city) return ALL;
  return ALL.filter((k) => city.placeLayers.some((l) => l.collection === PLACE_COLLECTION[k] && l.count > 0));
}

/** The city's layers of one switch. */
export function placeLayersOf(city: CityInfo | null, kind: OrientationLayer): CityInfo['placeLayers'] {
  return city?.placeLayers.filter((l) => l.collection === PLACE_COLLECTION[kind]) ?? [];
}

/**
 * The attributions of the layers switched on, each once (Leipzig's: OpenStreetMap; Chemnitz's
 * schools: Stadt Chemnitz); null while the cities are loading.
 */
export function placeAttributions(city: CityInfo | null, shown: OrientationLayer[], except: string | null = null): string[] | null {
  if (!city) return null;
  // `except`: a line the map already names (Chemnitz's schools and areas share one source)
  return [...new Set(shown.flatMap((k) => placeLayersOf(city, k).map((l) => l.source.attribution)))].filter((a) => a !== except);
}

/**
 * The line naming where the map's figures or areas come from: the layer's own source where the
 * city has the figures; the source of the city's areas where it has none (`unavailable`), since
 * then only its areas are drawn and another city's statistics source would be wrong.
 */
export function dataAttribution(city: CityInfo | null, unavailable: boolean, layerAttribution: string | null | undefined): string | null {
  if (unavailable) return city?.area.source?.attribution ?? null;
  return layerAttribution ?? null;
}
