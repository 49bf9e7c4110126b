import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { AreasGeometryQuery } from '../generated/graphql';
import type { Level } from '../lib/url-state';
import { AREAS_GEOMETRY } from './queries';
import { areaFeatures, areaLabelPoints } from '../map/layers/areas/geojson';

export type AreaInfo = AreasGeometryQuery['areas']['nodes'][number];

export function useAreas(level: Level) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AREAS_GEOMETRY, variables: { level } });
  const areas = data?.areas.nodes;
  const geojson = useMemo(() => (areas ? areaFeatures(areas) : null), [areas]);
  const labels = useMemo(() => (areas ? areaLabelPoints(areas) : null), [areas]);
  return { areas: areas ?? null, geojson, labels, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
