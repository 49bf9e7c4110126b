import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { AreasGeometryQuery } from '../generated/graphql';
import type { Level } from '../lib/url-state';
import { AREAS_GEOMETRY } from './queries';
import { areaFeatures, areaLabelPoints } from '../map/layers/areas/geojson';

export type AreaInfo = AreasGeometryQuery['areas']['nodes'][number];

// The geometry is asked for with GET: the server answers it with an ETag and Cache-Control, so
// the browser keeps it and a reload costs a 304 (docs/operations.md, HTTP caching). The header
// satisfies the server's CSRF guard for GET.
const CACHEABLE_GET = {
  preferGetMethod: 'force' as const,
  fetchOptions: { credentials: 'same-origin' as const, headers: { 'apollo-require-preflight': 'true' } },
};

export function useAreas(level: Level, city: string | null = null) {
  const [{ data, fetching, error, operation }, reexecute] = useQuery({ query: AREAS_GEOMETRY, variables: { level, city }, context: CACHEABLE_GET });
  const areas = data?.areas.nodes;
  const geojson = useMemo(() => (areas ? areaFeatures(areas) : null), [areas]);
  const labels = useMemo(() => (areas ? areaLabelPoints(areas) : null), [areas]);
  // the city the areas on hand were asked for (null: the default city)
  const loadedCity = data ? ((operation?.variables as { city?: string | null } | undefined)?.city ?? null) : undefined;
  return { loadedCity, areas: areas ?? null, geojson, labels, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
