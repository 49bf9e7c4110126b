import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { basemapStyle, emptyStyle, type BasemapSettings } from './map-style';

export interface MapStyleState {
  /** null until the configuration is known (a few milliseconds, same origin) */
  style: StyleSpecification | null;
  /** whether an operator's basemap lies under the areas */
  basemap: boolean;
  /** the basemap's attribution, for the map and every print */
  attribution: string | null;
}

let cached: Promise<MapStyleState> | null = null;

/** Reads /map-config.json once per page; without it (API-only server, error) the map has no basemap. */
function loadMapStyle(): Promise<MapStyleState> {
  const base = window.location.href;
  const none: MapStyleState = { style: emptyStyle(base), basemap: false, attribution: null };
  cached ??= fetch('/map-config.json')
    .then((r) => (r.ok ? (r.json() as Promise<{ basemap: BasemapSettings | null }>) : { basemap: null }))
    .then(async ({ basemap }) => {
      if (!basemap) return none;
      const { style, attribution } = await basemapStyle(basemap, base);
      return { style, basemap: true, attribution };
    })
    .catch((error: unknown) => {
      // the districts are the map: a broken basemap must not take them away
      console.warn('basemap not loaded', error);
      return none;
    });
  return cached;
}

export function useMapStyle(): MapStyleState {
  const [state, setState] = useState<MapStyleState>({ style: null, basemap: false, attribution: null });
  useEffect(() => {
    let live = true;
    void loadMapStyle().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
