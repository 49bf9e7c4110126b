import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { Level } from '../lib/url-state';
import { AREAS_GEOMETRY } from './queries';

export interface AreaInfo {
  id: number;
  code: string;
  name: string;
  areaKm2: number | null;
  parent: { id: number; name: string } | null;
  labelPoint: Point | null;
  geometry: MultiPolygon | null;
}

/** Geometry as GeoJSON; feature `id` is the area id (promoteId), so styles use feature-state. */
export function toFeatureCollection(areas: AreaInfo[]): FeatureCollection<MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a) => a.geometry)
      .map((a) => ({ type: 'Feature', geometry: a.geometry!, properties: { id: a.id, code: a.code, name: a.name } })),
  };
}

export function useAreas(level: Level) {
  const [{ data, fetching, error }, reexecute] = useQuery<{ areas: { nodes: AreaInfo[] } }>({ query: AREAS_GEOMETRY, variables: { level } });
  const areas = data?.areas.nodes;
  const geojson = useMemo(() => (areas ? toFeatureCollection(areas) : null), [areas]);
  return { areas: areas ?? null, geojson, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
