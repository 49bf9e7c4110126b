import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLayerMouseEvent } from '@vis.gl/react-maplibre';
import { Header } from './Header';
import { I18nProvider, useI18n } from './i18n';
import { useMapLayer } from './use-map-layer';
import { MapView } from '../map/MapView';
import { Controls } from '../features/controls/Controls';
import { LayerLegend } from '../features/legend/LayerLegend';
import { AreaTable } from '../features/table/AreaTable';
import { DistrictProfile, type ServicePick } from '../features/profile/DistrictProfile';
import { Downloads } from '../features/downloads/Downloads';
import { DemoBadge, ServicesPanel, useServices } from '../features/services/ServicesPanel';
import { ScenarioPanel, ScenarioResultTable } from '../features/scenario/ScenarioPanel';
import { useScenario } from '../features/scenario/use-scenario';
import { CatchmentInfo, useServicePick } from '../features/services/CatchmentInfo';
import { ServicesLayer, SERVICE_LAYER_IDS } from '../map/layers/services/ServicesLayer';
import { SERVICES_SOURCE, servicesClusters, servicesPoints } from '../map/layers/services/style';
import type { GeoJSONSource } from 'maplibre-gl';
import { CatchmentLayer, PickedPointLayer, ScenarioMovedLayer, ScenarioPointsLayer } from '../map/layers/overlays/Overlays';
import { SearchBox, type FoundAddress } from '../features/search/SearchBox';
import { FlyTo } from '../features/search/FlyTo';
import { PlacesLayers, usePlaces } from '../map/layers/places/PlacesLayer';
import { PLACE_LAYER_IDS } from '../map/layers/places/style';
import { OrientationPanel } from '../features/orientation/OrientationPanel';
import { useMapPrint } from '../features/print/MapPrint';
import { useMapStyle } from '../map/basemap/use-map-style';
import { useMapToolTexts } from '../map/texts';
import { formatChange, formatValue, localName, sourceLine } from '../lib/format';
import type { ViewState } from '../lib/url-state';
import { useViewState } from './use-view-state';
import { CityTrend } from '../features/charts/AreaTrend';
import { CompareTray } from '../features/compare/CompareTray';
import { MAX_COMPARE, MIN_COMPARE } from '../lib/url-state';
import { dataAttribution, placeAttributions } from '../features/city/city-layers';
import { CityAreaList, CityNotice, CitySwitcher, cityLevels, FitCity, levelNames, missingLevelText, unavailableFor } from '../features/city/CitySwitcher';
import { useCityView } from '../features/city/use-city-view';

// the side-by-side view is a chunk of its own, loaded when a planner opens it
const CompareView = lazy(() => import('../features/compare/CompareView'));

/** The area of the address: by its official key; an old link's internal id when no key matches. */
function areaByKey<A extends { id: number; code: string | null }>(areas: A[] | null | undefined, key: string | null): A | null {
  if (!areas || key === null) return null;
  return areas.find((a) => a.code === key) ?? (/^\d+$/.test(key) ? areas.find((a) => a.id === Number(key)) : undefined) ?? null;
}

function Atlas({ view: asked, update }: { view: ViewState; update: (p: Partial<ViewState>) => void }) {
  const { t, locale } = useI18n();
  // a level the city lacks falls back to one it has, saying why; other cities' layers are left out
  const { cities, city, fallback, view } = useCityView(asked);
  // the city's own names of its levels (Chemnitz: Stadtteile)
  const levelLabels = levelNames(city, locale, t);
  // the scenario's year is the gap layer's, known once the layer has its years
  const [scenarioYear, setScenarioYear] = useState<number | null>(null);
  const setScenarioSpec = useCallback((scenario: ViewState['scenario']) => update({ scenario }), [update]);
  const scenario = useScenario(view.scenario, setScenarioSpec, view.gapCategory, scenarioYear, view.level, view.layer === 'gap', view.city);
  const { changes } = scenario;
  const scenarioFor = useCallback((year: number | null) => changes(view.gapCategory, year, view.level), [changes, view.gapCategory, view.level]);
  const layer = useMapLayer(view, scenarioFor);
  const services = useServices(view);
  // what the API cannot compute for this city: said plainly, the figures left empty
  const unavailable = !!unavailableFor(city, view.layer);
  const catchment = useServicePick(view.service);
  const showCatchment = useCallback((s: Pick<ServicePick, 'id'> | null) => update({ service: s?.id ?? null }), [update]);
  const { areas, geojson, meta, shown, ranks, year, compareYear, period, title, yearLabel } = layer;
  useEffect(() => setScenarioYear(year), [year]);
  const places = usePlaces(view.places, view.city);
  const tx = useMapToolTexts();
  const basemap = useMapStyle();
  const [map, setMap] = useState<MapLibreMap | null>(null);

  const selected = areaByKey(areas, view.area);
  const onSelect = useCallback((id: number) => update({ area: areas?.find((a) => a.id === id)?.code ?? null }), [update, areas]);
  const onCamera = useCallback((camera: [number, number, number]) => update({ camera }), [update]);
  // an address found by the search box: flown to and marked
  const [found, setFound] = useState<FoundAddress | null>(null);
  const flyTarget = useMemo<[number, number, number] | null>(() => (found ? [found.lon, found.lat, 16] : null), [found]);
  const fmt = (v: number | null | undefined) => (compareYear !== null ? formatChange(v, meta?.unit, locale, true) : formatValue(v, meta?.unit, locale));
  const category = layer.categories?.find((c) => c.key === view.gapCategory);
  const catchmentNorm = layer.categories?.find((c) => c.key === catchment?.categoryKey)?.norm ?? null;
  const lastNeedYear = view.layer === 'indicator' ? null : year;
  const comparedIds = (areas ?? []).filter((a) => view.compareAreas.includes(a.code)).map((a) => a.id);
  const toggleCompare = useCallback(
    (id: number) => {
      const code = areas?.find((a) => a.id === id)?.code;
      if (!code) return;
      update({ compareAreas: view.compareAreas.includes(code) ? view.compareAreas.filter((c) => c !== code) : [...view.compareAreas, code].slice(0, MAX_COMPARE) });
    },
    [areas, update, view.compareAreas],
  );
  const indicatorDef = layer.indicators?.find((i) => i.key === view.indicator);
  const movedIds = useMemo(() => (scenario.result?.areas ?? []).filter((a) => a.area && a.before.gapClass !== a.after.gapClass).map((a) => a.area!.id), [scenario.result]);
  // what a printed map or image names as its sources: data, demo note, basemap, OSM layers
  // the map names its data's source for the city shown, and each orientation layer's own source
  const dataSource = dataAttribution(city, unavailable, meta?.attribution);
  const placeSources = placeAttributions(city, view.places, dataSource)?.join(' · ') ?? tx.osmSource;
  const printSource = [
    dataSource && sourceLine(dataSource, t.source),
    ((services.enabled && services.synthetic) || meta?.synthetic) && `${t.services}: ${t.demoData}`,
    basemap.attribution && `${tx.basemap}: ${basemap.attribution}`,
    view.places.length > 0 && placeSources && `${tx.orientation}: ${placeSources}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const mapPrint = useMapPrint({ map, layer, levelName: levelLabels[view.level], source: printSource, profileOpen: !!selected, cityName: city?.name ?? null });

  const onPointClick = useCallback(
    (e: MapLayerMouseEvent) => {
      if (scenario.picking) {
        scenario.setPicked([e.lngLat.lng, e.lngLat.lat]);
        scenario.setPicking(false);
        return true;
      }
      // a click on a cluster zooms into it, as on its count, instead of opening the district below
      const cluster = e.features?.find((x) => x.layer.id === servicesClusters.id);
      if (cluster) {
        const map = e.target;
        const source = map.getSource(SERVICES_SOURCE) as GeoJSONSource | undefined;
        void source?.getClusterExpansionZoom(Number(cluster.properties?.cluster_id)).then((zoom) => map.easeTo({ center: e.lngLat, zoom }));
        return true;
      }
      const f = e.features?.find((x) => x.layer.id === servicesPoints.id);
      if (f) {
        showCatchment({ id: Number(f.properties?.id) });
        return true;
      }
      return false;
    },
    [scenario, showCatchment],
  );

  return (
    <div className="layout">
      <aside className="sidebar" aria-label={t.layer}>
        {cities && <CitySwitcher cities={cities} value={view.city} onChange={update} />}
        <SearchBox areas={areas ?? []} city={city} onArea={onSelect} onAddress={setFound} />
        <CityNotice city={city} layer={view.layer} />
        {layer.failed && (
          <div className="error" role="alert">
            <p>{t.error}</p>
            <button type="button" onClick={layer.retry}>{t.retry}</button>
          </div>
        )}
        {layer.indicators ? (
          <Controls view={view} indicators={layer.indicators} years={layer.years} year={year} categories={layer.categories} onChange={update}
            levels={cityLevels(city)} levelNames={levelLabels} levelMissing={missingLevelText(fallback.missing, locale)} />
        ) : (
          !layer.failed && <p role="status">{t.loading}</p>
        )}
        <LayerLegend layer={layer} />
        {view.layer === 'indicator' && indicatorDef && !unavailable && <CityTrend key={indicatorDef.key} indicator={indicatorDef} city={view.city} />}
        {view.layer === 'gap' ? (
          <ScenarioPanel
            scenario={scenario}
            category={view.gapCategory}
            categoryName={category ? localName(category, locale) : view.gapCategory}
            year={year}
            areas={areas}
            unavailable={city?.unavailable.find((u) => u.what === 'SCENARIO_DEMAND') ?? null}
          />
        ) : (
          <p>
            <button type="button" onClick={() => update({ layer: 'gap', year: null, compareYear: null })} data-testid="open-scenario">{t.scenarioStart}</button>
          </p>
        )}
        <ServicesPanel state={services} filters={view} onChange={update} />
        <OrientationPanel view={view} places={places} onChange={update} city={city} />
        {mapPrint.tools}
        {meta && areas && year !== null && !layer.loading && (
          <Downloads meta={meta} areas={areas} shown={shown} ranks={ranks} year={period?.to ?? year} compareYear={period?.from ?? null} level={view.level} indicatorName={title}
            layer={view.layer === 'indicator' ? { kind: 'indicator', indicator: view.indicator } : view.layer === 'need' ? { kind: 'need' } : { kind: 'gap', category: view.gapCategory }}
            classLabels={view.layer === 'indicator' ? null : layer.classLabels} />
        )}
      </aside>

      <div className="map-area">
        <MapView
          geojson={geojson}
          labels={view.labels ? layer.labels : null}
          onMap={setMap}
          paint={layer.paint}
          selectedId={selected?.id ?? null}
          camera={view.camera}
          attribution={
            dataSource && (
              <>
                {dataSource}
                {((services.enabled && services.synthetic) || (!unavailable && meta?.synthetic)) && (
                  <>
                    {' · '}
                    {t.services}: <DemoBadge />
                  </>
                )}
                {view.places.length > 0 && placeSources && <> · {placeSources}</>}
              </>
            )
          }
          label={t.mapLabel(title, yearLabel)}
          onSelect={onSelect}
          onCameraChange={onCamera}
          overlaySelector=".profile"
          interactiveLayerIds={[...(services.enabled ? SERVICE_LAYER_IDS : []), ...(view.places.length ? PLACE_LAYER_IDS : [])]}
          onPointClick={onPointClick}
          cursor={scenario.picking ? 'crosshair' : undefined}
          renderTooltip={(id) => {
            const a = areas?.find((x) => x.id === id);
            const s = shown.get(id);
            const cls = layer.classLabels?.get(id);
            return (
              <>
                <strong>{a?.name}</strong>
                <br />
                {title} {yearLabel}: {cls ?? (s?.value == null ? (s?.status === 'SUPPRESSED' ? t.suppressed : t.noData) : fmt(s.value))}
              </>
            );
          }}
        >
          <PlacesLayers places={places} />
          {services.enabled && services.geojson && <ServicesLayer geojson={services.geojson} />}
          {catchment && catchmentNorm && <CatchmentLayer point={catchment.point} radiiM={catchmentNorm.zoneRadiiM} weights={catchmentNorm.zoneWeights} />}
          {view.layer === 'gap' && scenario.result && <ScenarioMovedLayer areaIds={movedIds} />}
          {view.layer === 'gap' && scenario.points.features.length > 0 && <ScenarioPointsLayer points={scenario.points} />}
          {found && <PickedPointLayer point={[found.lon, found.lat]} />}
          <FlyTo target={flyTarget} />
          <FitCity city={view.city} loadedCity={layer.loadedCity} geojson={geojson} hasCamera={view.camera !== null} />
        </MapView>
        {(layer.loading || !geojson) && !layer.failed && !(unavailable && geojson) && (
          <p className="map-status" role="status">{layer.loadingText}</p>
        )}
        {scenario.picking && view.layer === 'gap' && <p className="map-status picking" role="status">{t.scenarioPicking}</p>}
        {mapPrint.sheet}
        {catchment && <CatchmentInfo service={catchment} norm={catchmentNorm} onClose={() => showCatchment(null)} />}
        {selected && (
          <DistrictProfile
            key={selected.id}
            area={selected}
            level={view.level}
            current={{ meta: unavailable ? null : meta, value: shown.get(selected.id), rank: ranks.get(selected.id) ?? null, total: ranks.size, year: period?.to ?? year, compareYear: period?.from ?? null }}
            needYear={lastNeedYear ?? layer.lastNeedYear}
            onClose={() => update({ area: null })}
            onShowCatchment={showCatchment}
            compare={{ active: comparedIds.includes(selected.id), full: comparedIds.length >= MAX_COMPARE, onToggle: () => toggleCompare(selected.id) }}
            city={city}
          />
        )}
        {view.compareOpen && view.compareAreas.length >= MIN_COMPARE && (
          <Suspense fallback={<p className="map-status" role="status">{t.loading}</p>}>
            <CompareView codes={view.compareAreas} level={view.level} levelName={levelLabels[view.level]} needYear={lastNeedYear ?? layer.lastNeedYear} onClose={() => update({ compareOpen: false })}
              city={city && !city.isDefault ? city.key : null} unavailable={city?.unavailable ?? []} />
          </Suspense>
        )}
      </div>

      <section className="table-panel" id="table" aria-label={t.table}>
        {view.layer === 'gap' && <ScenarioResultTable scenario={scenario} classNames={layer.classNames} />}
        {areas && <CompareTray areas={areas} codes={view.compareAreas} open={view.compareOpen} onChange={(compareAreas) => update({ compareAreas, compareOpen: view.compareOpen && compareAreas.length >= MIN_COMPARE })} onOpen={(compareOpen) => update({ compareOpen })} />}
        {unavailable && city && areas ? (
          <CityAreaList city={city} areas={areas} selectedId={selected?.id ?? null} onSelect={onSelect} />
        ) : meta && areas && year !== null && !layer.loading ? (
          <AreaTable
            areas={areas}
            shown={shown}
            ranks={ranks}
            meta={meta}
            caption={t.tableCaption(title, yearLabel)}
            compare={period}
            selectedId={selected?.id ?? null}
            onSelect={onSelect}
            showParent={view.level === 'DISTRICT'}
            classLabels={layer.classLabels}
            valueLabel={view.layer === 'need' ? t.statusZ : view.layer === 'gap' ? t.gapScore : undefined}
            compared={comparedIds}
            onToggleCompare={toggleCompare}
            compareFull={comparedIds.length >= MAX_COMPARE}
          />
        ) : (
          !layer.failed && <p role="status">{view.layer === 'gap' ? t.computingGaps : t.loading}</p>
        )}
      </section>
    </div>
  );
}

export function App() {
  const [view, update] = useViewState();
  useEffect(() => {
    document.documentElement.lang = view.lang;
  }, [view.lang]);
  return (
    <I18nProvider locale={view.lang}>
      <Header lang={view.lang} onLang={(lang) => update({ lang })} page="map" city={view.city} />
      <main id="main">
        <Atlas view={view} update={update} />
      </main>
    </I18nProvider>
  );
}
