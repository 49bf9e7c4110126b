// Moves a selected area into the part of the map that a panel (the profile) leaves visible.
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon } from 'geojson';

export function featureBounds(fc: FeatureCollection<MultiPolygon>, id: number): [number, number, number, number] | null {
  const f = fc.features.find((x) => Number(x.properties?.id) === id);
  if (!f) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of f.geometry.coordinates)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

const MARGIN = 24;

/** The width the overlay covers at the map's right edge (0 when it lies beside or below the map). */
export function coveredRight(mapBox: DOMRect, overlay: DOMRect): number {
  const overlaps = overlay.left < mapBox.right && overlay.right > mapBox.left && overlay.top < mapBox.bottom && overlay.bottom > mapBox.top;
  return overlaps ? Math.max(0, mapBox.right - overlay.left) : 0;
}

export function panIntoView(map: MapLibreMap, [w, s, e, n]: [number, number, number, number], overlay: DOMRect) {
  const box = map.getContainer().getBoundingClientRect();
  const right = coveredRight(box, overlay);
  const visibleWidth = box.width - right;
  if (visibleWidth < 120) return; // nothing sensible to pan into
  const a = map.project([w, n]);
  const b = map.project([e, s]);
  const inside = a.x >= 0 && a.y >= 0 && b.x <= visibleWidth && b.y <= box.height;
  if (inside) return;
  const bounds: LngLatBoundsLike = [[w, s], [e, n]];
  map.fitBounds(bounds, { padding: { left: MARGIN, top: MARGIN, bottom: MARGIN, right: right + MARGIN }, maxZoom: map.getZoom(), duration: 400 });
}
