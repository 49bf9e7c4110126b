// The embeddable view (/embed?indicator=…&year=…&area=…&layers=…&city=…): map and legend only, for
// other departments' pages. Read-only: no table, no controls, no profile, no scenario. The city
// shown is treated as in the atlas (useCityView): a level it lacks falls back with the API's
// sentence, and only its own orientation layers are drawn, each with its own source.
import { useEffect, useMemo } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { useMapLayer } from './use-map-layer';
import { MapView } from '../map/MapView';
import { LayerLegend } from '../features/legend/LayerLegend';
import { DemoBadge, useServices } from '../features/services/ServicesPanel';
import { ServicesLayer } from '../map/layers/services/ServicesLayer';
import { formatValue } from '../lib/format';
import { parseEmbed, serializeView, type EmbedState } from '../lib/url-state';
import { CityNotice, currentCity, FitCity, LevelMissingNotice, missingLevelText, unavailableFor, useCities } from '../features/city/CitySwitcher';
import { dataAttribution, placeAttributions } from '../features/city/city-layers';
import { useCityView } from '../features/city/use-city-view';
import { PlacesLayers, usePlaces } from '../map/layers/places/PlacesLayer';

function EmbedMap({ embed }: { embed: EmbedState }) {
  const { t, locale } = useI18n();
  const { city, fallback, view } = useCityView(embed.view);
  const cityName = city?.name ?? null;
  const layer = useMapLayer(view);
  const services = useServices(view);
  const places = usePlaces(view.places, view.city);
  const { areas, meta, shown, title, yearLabel } = layer;
  const area = useMemo(() => (embed.areaCode ? (areas?.find((a) => a.code === embed.areaCode) ?? null) : null), [areas, embed.areaCode]);
  // the figures' source for the city shown, then each orientation layer's own
  const dataSource = dataAttribution(city, !!unavailableFor(city, view.layer), meta?.attribution);
  const placeSources = placeAttributions(city, view.places, dataSource)?.join(' · ') ?? null;
  // the full atlas with the same view (the level asked for: the atlas falls back alike), for "open in Sozialatlas"
  const fullLink = `/${serializeView({ ...embed.view, year: layer.year, area: area?.code ?? null })}`;

  return (
    <main id="main" className="embed" aria-label={t.appTitleOf(cityName)}>
      <div className="embed-map">
        {layer.failed && <p className="error" role="alert">{t.error}</p>}
        {areas && (
          <MapView
            geojson={layer.geojson}
            labels={layer.labels}
            paint={layer.paint}
            selectedId={area?.id ?? null}
            camera={embed.view.camera}
            readOnly
            attribution={
              (dataSource || placeSources) && (
                <>
                  {dataSource}
                  {((services.enabled && services.synthetic) || meta?.synthetic) && (
                    <>
                      {' · '}
                      {t.services}: <DemoBadge />
                    </>
                  )}
                  {view.places.length > 0 && placeSources && <>{dataSource && ' · '}{placeSources}</>}
                </>
              )
            }
            label={t.mapLabel(title, yearLabel).replace(/ Dieselben Daten.*| The same data.*/, '')}
            onSelect={() => {}}
            onCameraChange={() => {}}
            renderTooltip={(id) => {
              const a = areas.find((x) => x.id === id);
              const s = shown.get(id);
              const cls = layer.classLabels?.get(id);
              return (
                <>
                  <strong>{a?.name}</strong>
                  <br />
                  {title} {yearLabel}: {cls ?? (s?.value == null ? (s?.status === 'SUPPRESSED' ? t.suppressed : t.noData) : formatValue(s.value, meta?.unit))}
                </>
              );
            }}
          >
            <PlacesLayers places={places} />
            {services.enabled && services.geojson && <ServicesLayer geojson={services.geojson} />}
            {/* another city than the default one starts on its own areas, as in the atlas */}
            <FitCity city={view.city} loadedCity={layer.loadedCity} geojson={layer.geojson} hasCamera={view.camera !== null} />
          </MapView>
        )}
        {(layer.loading || !layer.geojson) && !layer.failed && <p className="map-status" role="status">{layer.loadingText}</p>}
      </div>
      <aside className="embed-legend" aria-label={t.legend}>
        <LevelMissingNotice text={missingLevelText(fallback.missing, locale)} />
        <CityNotice city={city} layer={view.layer} />
        <LayerLegend layer={layer} />
        {area && (
          <p className="small" data-testid="embed-area">
            <strong>{area.name}</strong>: {layer.classLabels?.get(area.id) ?? formatValue(shown.get(area.id)?.value, meta?.unit)}
          </p>
        )}
        <p className="small">
          <a href={fullLink} target="_blank" rel="noopener">{t.embedOpen}</a>
        </p>
      </aside>
    </main>
  );
}

function EmbedTitle({ city }: { city: string | null }) {
  const { t } = useI18n();
  return <h1 className="sr-only">{t.appTitleOf(currentCity(useCities(), city)?.name ?? null)}</h1>;
}

export function Embed() {
  const embed = useMemo(() => parseEmbed(window.location.search), []);
  useEffect(() => {
    document.documentElement.lang = embed.view.lang;
    document.title = 'Sozialatlas – Karte';
  }, [embed.view.lang]);
  return (
    <I18nProvider locale={embed.view.lang}>
      <EmbedTitle city={embed.view.city} />
      <EmbedMap embed={embed} />
    </I18nProvider>
  );
}
