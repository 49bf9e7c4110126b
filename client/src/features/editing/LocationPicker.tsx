// The point of a location: a click on a small map of the districts, or longitude and latitude
// typed in (the keyboard way). The district itself is never typed: the database derives it
// from the point when the location is saved.
import { useCallback, useMemo, useState } from 'react';
import type { MapLayerMouseEvent } from '@vis.gl/react-maplibre';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import { useAreas } from '../../data/use-areas';
import { numberInput, parseDecimal } from '../../lib/numbers';
import { MapView } from '../../map/MapView';
import { areasFill } from '../../map/layers/areas/style';
import type { AreaPaint } from '../../map/layers/areas/AreasLayer';
import { PickedPointLayer } from '../../map/layers/overlays/Overlays';
import { TextField } from './form';
import { readCoordinate } from './plausibility';

const NO_PAINT = new Map<number, AreaPaint>();

interface Props {
  idPrefix: string;
  lon: string;
  lat: string;
  onChange: (lon: string, lat: string) => void;
  /** district of the saved location (derived by the database), highlighted on the map */
  savedAreaId: number | null;
  errors: Record<string, string>;
}

export function LocationPicker({ idPrefix, lon, lat, onChange, savedAreaId, errors }: Props) {
  const { t, locale } = useI18n();
  const e = useEditTexts();
  const { areas, geojson, failed } = useDistricts();
  const [clickedArea, setClickedArea] = useState<{ id: number; name: string } | null>(null);
  const x = readCoordinate(lon, locale);
  const y = readCoordinate(lat, locale);
  const point = useMemo<[number, number] | null>(() => (x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 90 ? [x, y] : null), [x, y]);
  // a saved location opens close up around its point; a new one shows the whole city
  const [camera] = useState<[number, number, number] | null>(() => (point ? [point[0], point[1], 13] : null));

  const onPointClick = useCallback(
    (ev: MapLayerMouseEvent) => {
      const f = ev.features?.find((feature) => feature.layer.id === areasFill.id);
      setClickedArea(f ? { id: Number(f.properties?.id), name: String(f.properties?.name) } : null);
      onChange(numberInput(ev.lngLat.lng, locale, 6), numberInput(ev.lngLat.lat, locale, 6));
      return true;
    },
    [onChange, locale],
  );
  const type = (nextLon: string, nextLat: string) => {
    setClickedArea(null);
    onChange(nextLon, nextLat);
  };

  return (
    <fieldset className="location-picker">
      <legend>{e.point}</legend>
      <p className="hint" id={`${idPrefix}-point-hint`}>{e.pointHint}</p>
      <div className="edit-map">
        {failed && <p className="error" role="alert">{t.error}</p>}
        {geojson && (
          <MapView
            geojson={geojson}
            paint={NO_PAINT}
            selectedId={clickedArea?.id ?? savedAreaId}
            camera={camera}
            attribution={null}
            label={e.mapLabel}
            onSelect={() => {}}
            onCameraChange={() => {}}
            onPointClick={onPointClick}
            cursor="crosshair"
            renderTooltip={(id) => <strong>{areas?.find((a) => a.id === id)?.name}</strong>}
          >
            {point && <PickedPointLayer point={point} />}
          </MapView>
        )}
        {!geojson && !failed && <p className="map-status" role="status">{t.loadingMap}</p>}
      </div>
      <div className="two-col">
        <TextField id={`${idPrefix}-lon`} label={t.lon} value={lon} onChange={(v) => type(v, lat)} inputMode="decimal" error={errors[`${idPrefix}-lon`]} hint={e.lonHint} />
        <TextField id={`${idPrefix}-lat`} label={t.lat} value={lat} onChange={(v) => type(lon, v)} inputMode="decimal" error={errors[`${idPrefix}-lat`]} hint={e.latHint} />
      </div>
      <p className="small" role="status" data-testid="picked-area">
        {clickedArea ? e.pickedIn(clickedArea.name) : ''}
      </p>
    </fieldset>
  );
}

function useDistricts() {
  const { areas, geojson, error } = useAreas('DISTRICT');
  return { areas, geojson, failed: !!error };
}
