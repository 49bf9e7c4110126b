import type { FeatureCollection, Point } from 'geojson';

/** The scenario's points on the map: services added, services closed, and the point being picked. */
export function scenarioPointFeatures(
  adds: readonly { lon: number; lat: number; name: string }[],
  closes: readonly { point: [number, number] | null; name: string }[],
  picked: [number, number] | null,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: [
      ...adds.map((a) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] }, properties: { kind: 'add', name: a.name } })),
      ...closes.filter((c) => c.point).map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c.point! }, properties: { kind: 'close', name: c.name } })),
      ...(picked ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: picked }, properties: { kind: 'picked', name: '' } }] : []),
    ],
  };
}
