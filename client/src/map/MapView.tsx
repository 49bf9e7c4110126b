import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Map, NavigationControl, ScaleControl, type MapLayerMouseEvent, type MapRef, type ViewStateChangeEvent } from '@vis.gl/react-maplibre';
import { setWorkerUrl, type Map as MapLibreMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { AreasLayer, type AreaPaint } from './layers/areas/AreasLayer';
import { areasFill } from './layers/areas/style';
import { useI18n } from '../app/i18n';
import { applyMapTexts, MAP_TEXTS } from './map-texts';
import { featureBounds, panIntoView } from './pan-into-view';
import { useMapStyle } from './basemap/use-map-style';
import { useMapToolTexts } from './texts';

// Without this the production build cannot start MapLibre's worker and shows a blank map.
setWorkerUrl(workerUrl);

const LEIPZIG_BOUNDS: [number, number, number, number] = [12.236, 51.238, 12.543, 51.448];

declare global {
  interface Window {
    __sozialatlasMap?: MapLibreMap;
  }
}

interface Props {
  geojson: FeatureCollection<MultiPolygon> | null;
  /** district names as map labels (none: no labels) */
  labels?: FeatureCollection<Point> | null;
  paint: Map<number, AreaPaint>;
  selectedId: number | null;
  camera: [number, number, number] | null;
  /** source line shown on the map (and in every download) */
  attribution: ReactNode;
  label: string;
  onSelect: (id: number) => void;
  onCameraChange: (camera: [number, number, number]) => void;
  renderTooltip: (id: number) => ReactNode;
  interactiveLayerIds?: string[];
  onPointClick?: (e: MapLayerMouseEvent) => boolean;
  /** overrides the pointer, e.g. a crosshair while placing a scenario service */
  cursor?: string;
  /** read-only (embed): hover only, no selection */
  readOnly?: boolean;
  /** a panel laid over the map (the profile): the selected area is panned into view beside it */
  overlaySelector?: string;
  /** the MapLibre map once it exists (print and image downloads read its canvas) */
  onMap?: (map: MapLibreMap) => void;
  children?: ReactNode;
}

export function MapView({ geojson, labels = null, paint, selectedId, camera, attribution, label, onSelect, onCameraChange, renderTooltip, interactiveLayerIds = [], onPointClick, cursor, readOnly = false, overlaySelector, onMap, children }: Props) {
  const { t, locale } = useI18n();
  const mapStyle = useMapStyle();
  const tools = useMapToolTexts();
  const [hover, setHover] = useState<{ id: number; x: number; y: number; point?: { name: string; detail: string } } | null>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const initialViewState = useMemo(
    () => (camera ? { longitude: camera[0], latitude: camera[1], zoom: camera[2] } : { bounds: LEIPZIG_BOUNDS, fitBoundsOptions: { padding: 10 } }),
    // the camera is uncontrolled: only the first value counts
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const mapRef = useCallback((ref: MapRef | null) => {
    if (ref) {
      window.__sozialatlasMap = ref.getMap();
      setMap(ref.getMap());
      onMap?.(ref.getMap());
    }
  }, [onMap]);
  // MapLibre's own controls are English; they speak the page's language
  const [initialLocale] = useState(() => MAP_TEXTS[locale]);
  useEffect(() => {
    if (!map) return;
    const apply = () => applyMapTexts(map, locale, t.map);
    apply();
    map.once('load', apply);
    return () => void map.off('load', apply);
  }, [map, locale, t.map]);

  // a selected area hidden under the profile is moved beside it (after the profile is drawn)
  useEffect(() => {
    if (!map || selectedId === null || !geojson || !overlaySelector) return;
    const bounds = featureBounds(geojson, selectedId);
    const overlay = container.current?.parentElement?.querySelector(overlaySelector);
    if (bounds && overlay) panIntoView(map, bounds, overlay.getBoundingClientRect());
  }, [map, selectedId, geojson, overlaySelector]);

  const onMouseMove = useCallback((e: MapLayerMouseEvent) => {
    const f = e.features?.find((x) => x.layer.id === areasFill.id);
    const id = f ? Number(f.properties?.id) : null;
    // a service point (or cluster) above the area: the tooltip names the service, not the district
    const p = e.features?.find((x) => x.layer.id !== areasFill.id);
    const point = p
      ? p.properties?.kind === 'stop' || p.properties?.kind === 'social'
        ? { name: String(p.properties.name ?? ''), detail: String((locale === 'en' ? p.properties.detailEn : p.properties.detailDe) ?? '') }
        : p.properties?.cluster
        ? { name: t.servicesCount(Number(p.properties.point_count)), detail: t.clusterHint }
        : { name: String(p.properties?.name ?? ''), detail: [locale === 'en' && p.properties?.categoryEn ? p.properties.categoryEn : p.properties?.category, p.properties?.provider].filter(Boolean).join(' · ') }
      : undefined;
    setHover(id !== null ? { id, x: e.point.x, y: e.point.y, point } : null);
  }, [t, locale]);

  const onClick = useCallback(
    (e: MapLayerMouseEvent) => {
      if (onPointClick?.(e)) return;
      if (readOnly) return;
      // the tooltip would stay drawn where a profile opens
      setHover(null);
      const f = e.features?.find((x) => x.layer.id === areasFill.id);
      if (f) onSelect(Number(f.properties?.id));
    },
    [onSelect, onPointClick, readOnly],
  );

  const onMoveEnd = useCallback(
    (e: ViewStateChangeEvent) => onCameraChange([e.viewState.longitude, e.viewState.latitude, e.viewState.zoom]),
    [onCameraChange],
  );

  return (
    <div className="map" role="region" aria-label={label} onMouseLeave={() => setHover(null)} ref={container}>
      {mapStyle.style && (
      <Map
        ref={mapRef}
        initialViewState={initialViewState}
        mapStyle={mapStyle.style}
        canvasContextAttributes={{ preserveDrawingBuffer: true }}
        interactiveLayerIds={[areasFill.id, ...interactiveLayerIds]}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
        onClick={onClick}
        onMoveEnd={onMoveEnd}
        cursor={cursor ?? (hover && !readOnly ? 'pointer' : 'grab')}
        attributionControl={false}
        locale={initialLocale}
        dragRotate={false}
        style={{ width: '100%', height: '100%' }}
      >
        <NavigationControl position="top-right" showCompass={false} />
        <ScaleControl position="bottom-left" />
        {geojson && <AreasLayer geojson={geojson} labels={labels} paint={paint} hoverId={hover?.id ?? null} selectedId={selectedId} fillOpacity={mapStyle.basemap ? 0.75 : undefined} />}
        {children}
      </Map>
      )}
      {(attribution || mapStyle.attribution) && (
        <p className="map-attribution small" data-testid="map-attribution">
          {attribution}
          {mapStyle.attribution && (
            <>
              {attribution ? ' · ' : ''}
              {tools.basemap}: <span data-testid="basemap-attribution">{mapStyle.attribution}</span>
            </>
          )}
        </p>
      )}
      {hover && (
        <div className="tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {hover.point ? (
            <>
              <strong>{hover.point.name}</strong>
              {hover.point.detail && (
                <>
                  <br />
                  {hover.point.detail}
                </>
              )}
            </>
          ) : (
            renderTooltip(hover.id)
          )}
        </div>
      )}
    </div>
  );
}
