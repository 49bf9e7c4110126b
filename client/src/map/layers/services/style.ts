// Services as points by category, clustered when zoomed out. Colours: Okabe & Ito's
// colour-blind-safe qualitative palette, one per category in the order of the managed list.
import type { CircleLayerSpecification } from 'maplibre-gl';

export const SERVICES_SOURCE = 'services';
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function categoryColor(index: number): string {
  return CATEGORY_COLORS[index % CATEGORY_COLORS.length];
}

export const servicesClusters: Omit<CircleLayerSpecification, 'source'> = {
  id: 'services-clusters',
  type: 'circle',
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': '#3d3d3d',
    'circle-opacity': 0.85,
    'circle-radius': ['step', ['get', 'point_count'], 9, 10, 13, 50, 18],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  },
};

export const servicesPoints: Omit<CircleLayerSpecification, 'source'> = {
  id: 'services-points',
  type: 'circle',
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': ['get', 'color'],
    'circle-radius': 6,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
};
