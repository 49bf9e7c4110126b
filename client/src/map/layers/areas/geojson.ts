import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { AreasGeometryQuery } from '../../../generated/graphql';

type AreaInfo = AreasGeometryQuery['areas']['nodes'][number];

/** Geometry as GeoJSON; feature `id` is the area id (promoteId), so styles use feature-state. */
export function areaFeatures(areas: AreaInfo[]): FeatureCollection<MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: areas
      // area boundaries are MultiPolygons (schema: Area.geometry)
      .filter((a): a is AreaInfo & { geometry: MultiPolygon } => a.geometry?.type === 'MultiPolygon')
      .map((a) => ({ type: 'Feature', geometry: a.geometry, properties: { id: a.id, code: a.code, name: a.name } })),
  };
}
