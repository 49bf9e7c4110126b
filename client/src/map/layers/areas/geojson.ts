import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
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

/** The name of each area at its label point (API: labelPoint), for the map's labels; `size` ranks them. */
export function areaLabelPoints(areas: AreaInfo[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a): a is AreaInfo & { labelPoint: Point } => a.labelPoint?.type === 'Point')
      .map((a) => ({ type: 'Feature', geometry: a.labelPoint, properties: { id: a.id, name: a.name, size: a.areaKm2 ?? 0 } })),
  };
}
