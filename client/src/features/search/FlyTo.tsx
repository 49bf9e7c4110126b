import { useEffect } from 'react';
import { useMap } from '@vis.gl/react-maplibre';

/** Flies the map to `target` ([lon, lat, zoom]) whenever it changes; rendered inside <MapView>. */
export function FlyTo({ target }: { target: [number, number, number] | null }) {
  const { current: map } = useMap();
  useEffect(() => {
    if (map && target) map.flyTo({ center: [target[0], target[1]], zoom: target[2], duration: 800 });
  }, [map, target]);
  return null;
}
