import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { AreasGeometryQuery } from '../generated/graphql';
import type { Level } from '../lib/url-state';
import { AREAS_GEOMETRY } from './queries';

export type AreaInfo = AreasGeometryQuery['areas']['nodes'][number];

/** Geometry as GeoJSON; feature `id` is the area id (promoteId), so styles use feature-state. */
export function toFeatureCollection(areas: AreaInfo[]): FeatureCollection<MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: areas
      // area boundaries are MultiPolygons (schema: Area.geometry)
      .filter((a): a is AreaInfo & { geometry: MultiPolygon } => a.geometry?.type === 'MultiPolygon')
      .map((a) => ({ type: 'Feature', geometry: a.geometry, properties: { id: a.id, code: a.code, name: a.name } })),
  };
}

/** The name of each area at its label point (API: labelPoint), for the map's labels; `size` ranks them. */
export function toLabelPoints(areas: AreaInfo[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a): a is AreaInfo & { labelPoint: Point } => a.labelPoint?.type === 'Point')
      .map((a) => ({ type: 'Feature', geometry: a.labelPoint, properties: { id: a.id, name: a.name, size: a.areaKm2 ?? 0 } })),
  };
}

export function useAreas(level: Level) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AREAS_GEOMETRY, variables: { level } });
  const areas = data?.areas.nodes;
  const geojson = useMemo(() => (areas ? toFeatureCollection(areas) : null), [areas]);
  const labels = useMemo(() => (areas ? toLabelPoints(areas) : null), [areas]);
  return { areas: areas ?? null, geojson, labels, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
