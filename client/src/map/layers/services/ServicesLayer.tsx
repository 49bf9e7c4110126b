import { useEffect, useState } from 'react';
import { Layer, Marker, Source, useMap } from '@vis.gl/react-maplibre';
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { SERVICES_SOURCE, servicesClusters, servicesPoints } from './style';

export const SERVICE_LAYER_IDS = [servicesClusters.id, servicesPoints.id];

interface Cluster {
  id: number;
  count: number;
  lngLat: [number, number];
}

/**
 * Services as clustered points. The map style has no fonts (nothing is fetched from outside), so
 * cluster counts are small HTML markers instead of a symbol layer.
 */
export function ServicesLayer({ geojson }: { geojson: FeatureCollection<Point> }) {
  const { current: mapRef } = useMap();
  const [clusters, setClusters] = useState<Cluster[]>([]);

  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const update = () => {
      if (!map.getSource(SERVICES_SOURCE) || !map.getLayer(servicesClusters.id)) return;
      const seen = new Map<number, Cluster>();
      for (const f of map.queryRenderedFeatures({ layers: [servicesClusters.id] })) {
        const id = Number(f.properties?.cluster_id);
        const g = f.geometry as Point;
        if (!seen.has(id)) seen.set(id, { id, count: Number(f.properties?.point_count), lngLat: g.coordinates as [number, number] });
      }
      setClusters([...seen.values()]);
    };
    map.on('idle', update);
    return () => {
      map.off('idle', update);
      setClusters([]);
    };
  }, [mapRef, geojson]);

  const zoomInto = async (c: Cluster) => {
    const map = mapRef?.getMap();
    const source = map?.getSource(SERVICES_SOURCE) as GeoJSONSource | undefined;
    if (!map || !source) return;
    const zoom = await source.getClusterExpansionZoom(c.id);
    map.easeTo({ center: c.lngLat, zoom });
  };

  return (
    <>
      <Source id={SERVICES_SOURCE} type="geojson" data={geojson} cluster clusterRadius={40} clusterMaxZoom={14}>
        <Layer {...servicesClusters} />
        <Layer {...servicesPoints} />
      </Source>
      {clusters.map((c) => (
        <Marker key={c.id} longitude={c.lngLat[0]} latitude={c.lngLat[1]}>
          <span className="cluster-count" aria-hidden="true" onClick={() => zoomInto(c)}>
            {c.count}
          </span>
        </Marker>
      ))}
    </>
  );
}
