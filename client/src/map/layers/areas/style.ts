// Layer styles of the area choropleth: typed constants, no logic. Colours live in feature-state
// (set by AreasLayer), so changing indicator, year or classes never re-uploads the geometry.
import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../../basemap/map-style';
import { NO_DATA_COLOR } from '../../../lib/colors';

export const AREAS_SOURCE = 'areas';
export const LABELS_SOURCE = 'area-labels';
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

/**
 * District names at their label points. MapLibre's collision detection leaves out a name that
 * would overlap another (the larger districts win, via the sort key), so whatever is shown at a
 * zoom level is readable; zooming in brings the rest. Dark text on a white halo reads on every
 * class colour.
 */
export const areasLabels: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'area-labels',
  type: 'symbol',
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': ['interpolate', ['linear'], ['zoom'], 9, 10, 12, 12.5, 15, 16],
    'text-max-width': 7,
    'text-padding': 3,
    'text-line-height': 1.1,
    'text-variable-anchor': ['center', 'top', 'bottom'],
    'text-radial-offset': 0.4,
    'symbol-sort-key': ['-', 0, ['get', 'size']],
  },
  paint: { 'text-color': '#1a1a1a', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 },
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
