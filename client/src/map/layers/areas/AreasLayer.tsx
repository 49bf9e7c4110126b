import { useEffect, useMemo } from 'react';
import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { AREAS_SOURCE, HATCH_IMAGE, LABELS_SOURCE, areasFill, areasHatch, areasHover, areasLabels, areasOutline, areasSelected, hatchImage } from './style';

export interface AreaPaint {
  color: string | null;
  status: string;
}

interface Props {
  geojson: FeatureCollection<MultiPolygon>;
  paint: Map<number, AreaPaint>;
  hoverId: number | null;
  selectedId: number | null;
  /** one point per area (its label point from the API) with its name */
  labels: FeatureCollection<Point> | null;
  /** lower over an operator's basemap, so that it shows through */
  fillOpacity?: number;
}

/** The district polygons. Geometry is given once; colours go in as feature-state. */
export function AreasLayer({ geojson, paint, hoverId, selectedId, labels, fillOpacity }: Props) {
  const { current: mapRef } = useMap();

  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const apply = () => {
      if (!map.getSource(AREAS_SOURCE)) return;
      // a new layer's colours replace the old ones entirely: while they load (an empty paint) the
      // areas are neutral, never the previous layer's colours under the new title
      map.removeFeatureState({ source: AREAS_SOURCE });
      for (const [id, p] of paint) map.setFeatureState({ source: AREAS_SOURCE, id }, { color: p.color, status: p.status });
    };
    apply();
    // the source may be added after this effect on the first render
    map.once('sourcedata', apply);
    return () => {
      map.off('sourcedata', apply);
    };
  }, [mapRef, paint, geojson]);

  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const add = () => {
      if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
    };
    if (map.isStyleLoaded()) add();
    map.on('styledata', add);
    return () => {
      map.off('styledata', add);
    };
  }, [mapRef]);

  const fill = useMemo(() => (fillOpacity === undefined ? areasFill : { ...areasFill, paint: { ...areasFill.paint, 'fill-opacity': fillOpacity } }), [fillOpacity]);
  return (
    <>
    <Source id={AREAS_SOURCE} type="geojson" data={geojson} promoteId="id">
      <Layer {...fill} />
      <Layer {...areasHatch} />
      <Layer {...areasOutline} />
      <Layer {...areasHover} filter={['==', ['get', 'id'], hoverId ?? -1]} />
      <Layer {...areasSelected} filter={['==', ['get', 'id'], selectedId ?? -1]} />
    </Source>
    {labels && (
      <Source id={LABELS_SOURCE} type="geojson" data={labels}>
        <Layer {...areasLabels} />
      </Source>
    )}
    </>
  );
}
