import { useEffect } from 'react';
import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { AREAS_SOURCE, HATCH_IMAGE, areasFill, areasHatch, areasHover, areasOutline, areasSelected, hatchImage } from './style';

export interface AreaPaint {
  color: string | null;
  status: string;
}

interface Props {
  geojson: FeatureCollection<MultiPolygon>;
  paint: Map<number, AreaPaint>;
  hoverId: number | null;
  selectedId: number | null;
}

/** The district polygons. Geometry is given once; colours go in as feature-state. */
export function AreasLayer({ geojson, paint, hoverId, selectedId }: Props) {
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

  return (
    <Source id={AREAS_SOURCE} type="geojson" data={geojson} promoteId="id">
      <Layer {...areasFill} />
      <Layer {...areasHatch} />
      <Layer {...areasOutline} />
      <Layer {...areasHover} filter={['==', ['get', 'id'], hoverId ?? -1]} />
      <Layer {...areasSelected} filter={['==', ['get', 'id'], selectedId ?? -1]} />
    </Source>
  );
}
