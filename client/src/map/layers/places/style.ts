// Orientation layers (OSM): public transport stops and social buildings, drawn small and in
// neutral tones so they never read as services or as a class colour.
import type { CircleLayerSpecification } from 'maplibre-gl';

export const STOPS_SOURCE = 'transit-stops';
export const SOCIAL_SOURCE = 'social-buildings';

export const stopsLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'transit-stops',
  type: 'circle',
  paint: {
    // tram dark blue, train dark green, bus grey: told apart by the tooltip too
    'circle-color': ['match', ['get', 'mode'], 'TRAM', '#1f3a93', 'TRAIN', '#1b5e20', '#4d4d4d'],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.8, 14, 4.5],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 1.2],
  },
};

export const socialLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'social-buildings',
  type: 'circle',
  paint: {
    'circle-color': '#ffffff',
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 5.5],
    'circle-stroke-color': '#5b3a8c',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 14, 2.2],
  },
};

export const PLACE_LAYER_IDS = [stopsLayer.id, socialLayer.id];
