import { useMemo } from 'react';
import { Layer, Source } from '@vis.gl/react-maplibre';
import { useQuery } from 'urql';
import type { FeatureCollection, Point } from 'geojson';
import type { OrientationLayer } from '../../../lib/url-state';
import { SOCIAL_BUILDINGS, TRANSIT_STOPS } from './queries';
import { SOCIAL_SOURCE, STOPS_SOURCE, socialLayer, stopsLayer } from './style';

const MODES = { TRAM: { de: 'Straßenbahn', en: 'Tram' }, BUS: { de: 'Bus', en: 'Bus' }, TRAIN: { de: 'Bahn', en: 'Train' } } as const;

function points<T extends { id: number; lon: number; lat: number }>(rows: T[] | undefined, props: (r: T) => Record<string, unknown>): FeatureCollection<Point> | null {
  if (!rows) return null;
  return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: props(r) })) };
}

/** The data of the orientation layers that are switched on (loaded only then, once per page and city). */
export function usePlaces(shown: OrientationLayer[], city: string | null = null) {
  const [stops] = useQuery({ query: TRANSIT_STOPS, variables: { city }, pause: !shown.includes('stops') });
  const [social] = useQuery({ query: SOCIAL_BUILDINGS, variables: { city }, pause: !shown.includes('social') });
  const stopsGeo = useMemo(
    () => points(stops.data?.transitStops, (s) => ({ kind: 'stop', name: s.name ?? '', mode: s.mode, detailDe: MODES[s.mode]?.de ?? s.mode, detailEn: MODES[s.mode]?.en ?? s.mode })),
    [stops.data],
  );
  const socialGeo = useMemo(
    () => points(social.data?.socialBuildings, (b) => ({ kind: 'social', name: b.name ?? b.amenity, detailDe: [b.amenity, b.operator].filter(Boolean).join(' · '), detailEn: [b.amenity, b.operator].filter(Boolean).join(' · ') })),
    [social.data],
  );
  return {
    stops: shown.includes('stops') ? stopsGeo : null,
    social: shown.includes('social') ? socialGeo : null,
    loading: (shown.includes('stops') && stops.fetching) || (shown.includes('social') && social.fetching),
    error: !!(stops.error || social.error),
    counts: { stops: stops.data?.transitStops.length ?? null, social: social.data?.socialBuildings.length ?? null },
  };
}

export type PlacesState = ReturnType<typeof usePlaces>;

export function PlacesLayers({ places }: { places: PlacesState }) {
  return (
    <>
      {places.social && (
        <Source id={SOCIAL_SOURCE} type="geojson" data={places.social}>
          <Layer {...socialLayer} />
        </Source>
      )}
      {places.stops && (
        <Source id={STOPS_SOURCE} type="geojson" data={places.stops}>
          <Layer {...stopsLayer} />
        </Source>
      )}
    </>
  );
}
