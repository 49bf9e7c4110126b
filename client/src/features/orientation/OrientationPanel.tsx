import { useMapToolTexts } from '../../map/texts';
import type { PlacesState } from '../../map/layers/places/PlacesLayer';
import type { OrientationLayer, ViewState } from '../../lib/url-state';

interface Props {
  view: Pick<ViewState, 'places' | 'labels'>;
  places: PlacesState;
  onChange: (patch: Partial<ViewState>) => void;
}

/** Switches for what helps a planner find their way without a basemap: names, stops, social buildings. */
export function OrientationPanel({ view, places, onChange }: Props) {
  const tx = useMapToolTexts();
  const toggle = (layer: OrientationLayer, on: boolean) => onChange({ places: on ? [...view.places.filter((p) => p !== layer), layer] : view.places.filter((p) => p !== layer) });
  const count = (n: number | null, on: boolean) => (on && n !== null ? <span className="muted small"> ({tx.placesCount(n)})</span> : null);
  return (
    <fieldset className="orientation" data-testid="orientation">
      <legend>{tx.orientation}</legend>
      <label className="inline">
        <input type="checkbox" checked={view.labels} onChange={(e) => onChange({ labels: e.target.checked })} /> {tx.labels}
      </label>
      <label className="inline">
        <input type="checkbox" checked={view.places.includes('stops')} onChange={(e) => toggle('stops', e.target.checked)} />{' '}
        <span className="place-swatch stop" aria-hidden="true" /> {tx.stops}
        {count(places.counts.stops, view.places.includes('stops'))}
      </label>
      <label className="inline">
        <input type="checkbox" checked={view.places.includes('social')} onChange={(e) => toggle('social', e.target.checked)} />{' '}
        <span className="place-swatch social" aria-hidden="true" /> {tx.socialBuildings}
        {count(places.counts.social, view.places.includes('social'))}
      </label>
      {view.places.length > 0 && (
        <p className="muted small" role="status">
          {places.loading ? tx.placesLoading : places.error ? null : tx.osmSource}
        </p>
      )}
    </fieldset>
  );
}
