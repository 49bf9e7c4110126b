// German (and English) texts for MapLibre's own controls, whose defaults are English.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Locale } from '../lib/format';

export const MAP_TEXTS: Record<Locale, Record<string, string>> = {
  de: {
    'Map.Title': 'Karte',
    'NavigationControl.ZoomIn': 'Vergrößern',
    'NavigationControl.ZoomOut': 'Verkleinern',
    'NavigationControl.ResetBearing': 'Nach Norden ausrichten',
  },
  en: {
    'Map.Title': 'Map',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
  },
};

const BUTTONS: [string, string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
];

/** Switches the texts of a running map (MapLibre reads its locale only when a control is made). */
export function applyMapTexts(map: MapLibreMap, locale: Locale, mapName: string) {
  const texts = MAP_TEXTS[locale];
  map._locale = { ...map._locale, ...texts };
  const root = map.getContainer();
  for (const [selector, key] of BUTTONS) {
    for (const button of root.querySelectorAll(selector)) {
      button.setAttribute('title', texts[key]);
      button.setAttribute('aria-label', texts[key]);
    }
  }
  map.getCanvas().setAttribute('aria-label', mapName);
}
