import { useMapToolTexts } from '../../map/texts';
import type { PlacesState } from '../../map/layers/places/PlacesLayer';
import type { OrientationLayer, ViewState } from '../../lib/url-state';
import type { CityInfo } from '../city/CitySwitcher';
import { placeAttributions, placeKinds, placeLayersOf } from '../city/city-layers';

interface Props {
  view: Pick<ViewState, 'places' | 'labels'>;
  places: PlacesState;
  onChange: (patch: Partial<ViewState>) => void;
  /** the city shown: only its layers are offered, each with its own source (null while loading) */
  city?: CityInfo | null;
}

/** Switches for what helps a planner find their way without a basemap: names, stops, social buildings. */
export function OrientationPanel({ view, places, onChange, city = null }: Props) {
  const tx = useMapToolTexts();
  const toggle = (layer: OrientationLayer, on: boolean) => onChange({ places: on ? [...view.places.filter((p) => p !== layer), layer] : view.places.filter((p) => p !== layer) });
  const count = (n: number | null, on: boolean) => (on && n !== null ? <span className="muted small"> ({tx.placesCount(n)})</span> : null);
  const offered = placeKinds(city);
  // a city's own layer of known amenities is named by them and its publisher (Chemnitz: Schulen);
  // OpenStreetMap's mixed layer keeps its general name
  const socialLayers = placeLayersOf(city, 'social');
  const amenityNames = [...new Set(socialLayers.flatMap((l) => l.amenities))].map((a) => tx.amenityName(a));
  const socialLabel =
    socialLayers.length && amenityNames.length && amenityNames.every(Boolean)
      ? tx.placeLayer(amenityNames.join(', '), [...new Set(socialLayers.map((l) => l.source.publisher))].join(', '))
      : tx.socialBuildings;
  const sources = placeAttributions(city, view.places);
  return (
    <fieldset className="orientation" data-testid="orientation">
      <legend>{tx.orientation}</legend>
      <label className="inline">
        <input type="checkbox" checked={view.labels} onChange={(e) => onChange({ labels: e.target.checked })} /> {tx.labels}
      </label>
      {offered.includes('stops') && (
        <label className="inline">
          <input type="checkbox" checked={view.places.includes('stops')} onChange={(e) => toggle('stops', e.target.checked)} />{' '}
          <span className="place-swatch stop" aria-hidden="true" /> {tx.stops}
          {count(places.counts.stops, view.places.includes('stops'))}
        </label>
      )}
      {offered.includes('social') && (
        <label className="inline">
          <input type="checkbox" checked={view.places.includes('social')} onChange={(e) => toggle('social', e.target.checked)} />{' '}
          <span className="place-swatch social" aria-hidden="true" /> {socialLabel}
          {count(places.counts.social, view.places.includes('social'))}
        </label>
      )}
      {view.places.length > 0 && (
        <p className="muted small" role="status" data-testid="places-source">
          {places.loading ? tx.placesLoading : places.error ? null : (sources?.join(' · ') ?? tx.osmSource)}
        </p>
      )}
    </fieldset>
  );
}
