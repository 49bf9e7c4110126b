// Overlays above the areas: a selected service's catchment zones and the scenario's points.
import type { CircleLayerSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

export const CATCHMENT_SOURCE = 'catchment';
export const SCENARIO_SOURCE = 'scenario-points';

/** Zones get lighter outwards (weight 1 → 0.22), in a blue that stands apart from both palettes. */
export const catchmentFill: Omit<FillLayerSpecification, 'source'> = {
  id: 'catchment-fill',
  type: 'fill',
  paint: { 'fill-color': '#0b4f8a', 'fill-opacity': ['*', 0.35, ['coalesce', ['get', 'weight'], 0.5]] },
};

export const catchmentLine: Omit<LineLayerSpecification, 'source'> = {
  id: 'catchment-line',
  type: 'line',
  paint: { 'line-color': '#0b4f8a', 'line-width': 2, 'line-dasharray': [2, 1] },
};

export const catchmentCentre: Omit<CircleLayerSpecification, 'source'> = {
  id: 'catchment-centre',
  type: 'circle',
  paint: { 'circle-color': '#0b4f8a', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
};

export const scenarioPoints: Omit<CircleLayerSpecification, 'source'> = {
  id: 'scenario-points',
  type: 'circle',
  paint: {
    'circle-color': ['match', ['get', 'kind'], 'add', '#000000', 'close', '#ffffff', '#0b4f8a'],
    'circle-radius': ['match', ['get', 'kind'], 'picked', 6, 8],
    'circle-stroke-color': ['match', ['get', 'kind'], 'close', '#b00020', '#ffffff'],
    'circle-stroke-width': ['match', ['get', 'kind'], 'close', 4, 2.5],
  },
};

/** Areas whose gap class the scenario changes: a dashed dark-blue ring over the new colour. */
export const scenarioMoved: Omit<LineLayerSpecification, 'source'> = {
  id: 'scenario-moved',
  type: 'line',
  paint: { 'line-color': '#0b4f8a', 'line-width': 3, 'line-dasharray': [1.5, 1] },
};

export const PICKED_SOURCE = 'picked-point';

/** The location being edited: a dark dot with a white ring, visible on every area colour. */
export const pickedPoint: Omit<CircleLayerSpecification, 'source'> = {
  id: 'picked-point',
  type: 'circle',
  paint: { 'circle-color': '#1a1a1a', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
};
