import assert from 'node:assert/strict';
import { catchmentZones, circlePolygon, destination } from './catchment';

// the oracle: the haversine distance on the same mean earth radius (test only; the app draws
// circles, it never measures)
const rad = (d: number) => (d * Math.PI) / 180;
function distanceM([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

const leipzig: [number, number] = [12.3731, 51.3397];

test('destination and distance agree', () => {
  const p = destination(leipzig, 1500, 45);
  assert.ok(Math.abs(distanceM(leipzig, p) - 1500) < 0.01);
  const north = destination(leipzig, 1000, 0);
  assert.ok(Math.abs(north[0] - leipzig[0]) < 1e-9 && north[1] > leipzig[1]);
});

test('a circle is a closed ring whose points lie at the radius', () => {
  const c = circlePolygon(leipzig, 1000, 32);
  const ring = c.coordinates[0];
  assert.equal(ring.length, 33);
  assert.deepEqual(ring[0], ring[32]);
  for (const p of ring) assert.ok(Math.abs(distanceM(leipzig, p as [number, number]) - 1000) < 0.01);
  // counter-clockwise (positive shoelace area in lon/lat)
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  assert.ok(a > 0);
});

test('zones: outermost first, inner zones cut out as holes, weights kept', () => {
  const fc = catchmentZones(leipzig, [2000, 1000, 3000], [1, 0.68, 0.22], 16);
  assert.deepEqual(fc.features.map((f) => f.properties.radiusM), [3000, 2000, 1000]);
  assert.deepEqual(fc.features.map((f) => f.properties.weight), [0.22, 0.68, 1]);
  assert.equal(fc.features[2].geometry.coordinates.length, 1, 'the inner zone has no hole');
  const [outer, hole] = fc.features[0].geometry.coordinates;
  assert.ok(Math.abs(distanceM(leipzig, outer[3] as [number, number]) - 3000) < 0.01);
  assert.ok(Math.abs(distanceM(leipzig, hole[3] as [number, number]) - 2000) < 0.01);
});
