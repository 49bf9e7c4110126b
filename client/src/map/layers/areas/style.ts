// Layer styles of the area choropleth: typed constants, no logic. Colours live in feature-state
// (set by AreasLayer), so changing indicator, year or classes never re-uploads the geometry.
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../../../lib/colors';

export const AREAS_SOURCE = 'areas';
export const HATCH_IMAGE = 'hatch-suppressed';

export const areasFill: Omit<FillLayerSpecification, 'source'> = {
  id: 'areas-fill',
  type: 'fill',
  paint: {
    'fill-color': ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR],
    'fill-opacity': 0.92,
  },
};

/** Hatching over suppressed (geheimgehaltene) values and areas excluded from the need index: a pattern shown via feature-state opacity. */
export const areasHatch: Omit<FillLayerSpecification, 'source'> = {
  id: 'areas-hatch',
  type: 'fill',
  paint: {
    'fill-pattern': HATCH_IMAGE,
    'fill-opacity': ['case', ['in', ['feature-state', 'status'], ['literal', ['SUPPRESSED', 'EXCLUDED']]], 1, 0],
  },
};

export const areasOutline: Omit<LineLayerSpecification, 'source'> = {
  id: 'areas-outline',
  type: 'line',
  paint: { 'line-color': '#ffffff', 'line-width': 0.8 },
};

export const areasHover: Omit<LineLayerSpecification, 'source'> = {
  id: 'areas-hover',
  type: 'line',
  paint: { 'line-color': '#333333', 'line-width': 2 },
};

export const areasSelected: Omit<LineLayerSpecification, 'source'> = {
  id: 'areas-selected',
  type: 'line',
  paint: { 'line-color': '#000000', 'line-width': 3.5 },
};

/** An 8×8 diagonal hatch (grey lines on light grey) for suppressed values. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const line = (x + y) % size < 2;
      const [r, g, b] = line ? [99, 99, 99] : [224, 224, 224];
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
