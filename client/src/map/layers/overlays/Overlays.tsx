import { useMemo } from 'react';
import { Layer, Source } from '@vis.gl/react-maplibre';
import type { FeatureCollection, Point } from 'geojson';
import { catchmentZones } from '../../../lib/catchment';
import { AREAS_SOURCE } from '../areas/style';
import { CATCHMENT_SOURCE, PICKED_SOURCE, SCENARIO_SOURCE, catchmentCentre, catchmentFill, catchmentLine, pickedPoint, scenarioMoved, scenarioPoints } from './style';

/** The catchment zones of one service (zone radii from its category's norm). */
export function CatchmentLayer({ point, radiiM, weights }: { point: [number, number]; radiiM: number[]; weights: number[] }) {
  const zones = useMemo(() => catchmentZones(point, radiiM, weights), [point, radiiM, weights]);
  const centre = useMemo(() => ({ type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: point }, properties: {} }] }), [point]);
  return (
    <>
      <Source id={CATCHMENT_SOURCE} type="geojson" data={zones}>
        <Layer {...catchmentFill} />
        <Layer {...catchmentLine} />
      </Source>
      <Source id={`${CATCHMENT_SOURCE}-centre`} type="geojson" data={centre}>
        <Layer {...catchmentCentre} />
      </Source>
    </>
  );
}

/** New (black), closed (red ring) and just-picked (blue) services of the scenario. */
export function ScenarioPointsLayer({ points }: { points: FeatureCollection<Point> }) {
  return (
    <Source id={SCENARIO_SOURCE} type="geojson" data={points}>
      <Layer {...scenarioPoints} />
    </Source>
  );
}

/** A dashed ring around each area whose gap class the scenario moves (the colour alone may be a small step). */
export function ScenarioMovedLayer({ areaIds }: { areaIds: number[] }) {
  return <Layer {...scenarioMoved} source={AREAS_SOURCE} filter={['in', ['get', 'id'], ['literal', areaIds]]} />;
}

/** The point picked for a location in the editing forms. */
export function PickedPointLayer({ point }: { point: [number, number] }) {
  const data = useMemo(() => ({ type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: point }, properties: {} }] }), [point]);
  return (
    <Source id={PICKED_SOURCE} type="geojson" data={data}>
      <Layer {...pickedPoint} />
    </Source>
  );
}
