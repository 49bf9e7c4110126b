import type { Geometry } from 'geojson';

/** Longitude and latitude of a GeoJSON Point (the API's points: labelPoint, Location.point). */
export function pointCoordinates(g: Geometry | null | undefined): [number, number] | null {
  return g?.type === 'Point' ? [g.coordinates[0], g.coordinates[1]] : null;
}
