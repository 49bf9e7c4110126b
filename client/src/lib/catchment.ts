// Catchment zones (Einzugsbereiche) of a service: circles of the norm's zone radii around its
// point, as polygons MapLibre can draw. Straight-line radii, as the accessibility analysis uses.
import type { Feature, FeatureCollection, Polygon } from 'geojson';

// the earth radius of the accessibility analysis (server/src/analysis/e2sfca.ts), so a drawn zone
// is the zone the analysis counts in
const EARTH_RADIUS_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `distanceM` from [lon, lat] in direction `bearingDeg` (great circle). */
export function destination([lon, lat]: [number, number], distanceM: number, bearingDeg: number): [number, number] {
  const d = distanceM / EARTH_RADIUS_M;
  const b = rad(bearingDeg);
  const φ1 = rad(lat);
  const λ1 = rad(lon);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(b));
  const λ2 = λ1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return [deg(λ2), deg(φ2)];
}

/** A circle as a closed polygon ring (counter-clockwise, first = last point). */
export function circlePolygon(center: [number, number], radiusM: number, steps = 64): Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i < steps; i++) ring.push(destination(center, radiusM, 360 - (360 * i) / steps));
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * One feature per zone, the outermost first (drawn below the inner ones). Each zone is the ring
 * between its radius and the previous one, so the zones do not stack their opacity.
 */
export function catchmentZones(center: [number, number], radiiM: number[], weights: number[] = [], steps = 64): FeatureCollection<Polygon, { zone: number; radiusM: number; weight: number | null }> {
  const radii = [...radiiM].filter((r) => r > 0).sort((a, b) => a - b);
  const features: Feature<Polygon, { zone: number; radiusM: number; weight: number | null }>[] = radii.map((r, i) => {
    const outer = circlePolygon(center, r, steps).coordinates[0];
    const coordinates = [outer];
    if (i > 0) coordinates.push([...circlePolygon(center, radii[i - 1], steps).coordinates[0]].reverse());
    return { type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { zone: i + 1, radiusM: r, weight: weights[i] ?? null } };
  });
  return { type: 'FeatureCollection', features: features.reverse() };
}
