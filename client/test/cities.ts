// The hub's two cities as the Cities query answers them (shape of the seeded API): Leipzig with
// statistics, boroughs and OSM layers; Chemnitz with Stadtteile only, its schools and no budget.
import type { CitiesQuery } from '../src/generated/graphql';

type City = CitiesQuery['cities'][number];

const gap = (what: City['unavailable'][number]['what'], de: string, en: string): City['unavailable'][number] => ({
  __typename: 'CityUnavailable',
  what,
  reason: 'NO_DISTRICT_STATISTICS',
  message: `${de}: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.`,
  messageEn: `${en}: not available for Chemnitz – no statistics per district.`,
});

const source = (key: string, publisher: string, licence: string, attribution: string) => ({ __typename: 'Source' as const, key, title: key, publisher, licence, attribution });

export const LEIPZIG: City = {
  __typename: 'City',
  key: 'leipzig',
  name: 'Leipzig',
  isDefault: true,
  districtStatistics: true,
  unavailable: [],
  levels: [
    { __typename: 'CityLevel', level: 'BOROUGH', count: 10, name: 'Stadtbezirke', nameEn: 'boroughs (Stadtbezirke)' },
    { __typename: 'CityLevel', level: 'DISTRICT', count: 63, name: 'Ortsteile', nameEn: 'districts (Ortsteile)' },
  ],
  missingLevels: [],
  placeLayers: [
    { __typename: 'PlaceLayer', collection: 'transit-stops', amenities: [], count: 900, source: source('osm-leipzig-stops', 'OpenStreetMap', 'ODbL 1.0', '© OpenStreetMap-Mitwirkende (ODbL 1.0)') },
    { __typename: 'PlaceLayer', collection: 'social-buildings', amenities: ['social_facility'], count: 300, source: source('osm-leipzig-social-buildings', 'OpenStreetMap', 'ODbL 1.0', '© OpenStreetMap-Mitwirkende (ODbL 1.0)') },
  ],
  area: { __typename: 'Area', id: 1, source: source('leipzig-gebietsgliederung', 'Stadt Leipzig', 'dl-de/by-2.0', 'Stadt Leipzig, Amt für Statistik und Wahlen') },
};

export const CHEMNITZ: City = {
  __typename: 'City',
  key: 'chemnitz',
  name: 'Chemnitz',
  isDefault: false,
  districtStatistics: false,
  unavailable: [
    gap('INDICATOR_MAP', 'Indikatorkarte', 'Indicator map'),
    gap('NEED_INDEX', 'Bedarfsindex', 'Need index'),
    gap('GAP_CLASSES', 'Versorgungslücken', 'Gaps'),
    gap('EARLY_WARNING', 'Frühwarnsystem', 'Early warning'),
    gap('COVERAGE_RATE', 'Versorgungsquote', 'Coverage rate'),
    gap('SCENARIO_DEMAND', 'Szenario', 'Scenario'),
    gap('FUNDING_PER_RESIDENT', 'Förderung je Einwohner', 'Funding per resident'),
    { __typename: 'CityUnavailable', what: 'BUDGET', reason: 'NO_BUDGET', message: 'Haushalt: für Chemnitz liegt kein Haushalt vor.', messageEn: 'Budget: no budget is held for Chemnitz.' },
    {
      __typename: 'CityUnavailable',
      what: 'ADDRESS_SEARCH',
      reason: 'NO_ADDRESS_TABLE',
      message: 'Für Chemnitz liegt kein Adressverzeichnis vor; Adressen lassen sich dort nicht verorten. Bitte den Standort auf der Karte wählen.',
      messageEn: 'address search: no address table of Chemnitz is held; addresses there are placed on the map by hand.',
    },
  ],
  levels: [{ __typename: 'CityLevel', level: 'DISTRICT', count: 39, name: 'Stadtteile', nameEn: 'districts (Stadtteile)' }],
  missingLevels: [{ __typename: 'CityMissingLevel', level: 'BOROUGH', message: 'Für Chemnitz liegen keine Stadtbezirke vor: diese Ebene bleibt leer.', messageEn: 'No boroughs are held for Chemnitz: this level stays empty.' }],
  placeLayers: [
    { __typename: 'PlaceLayer', collection: 'social-buildings', amenities: ['school'], count: 139, source: source('chemnitz-opendata', 'Stadt Chemnitz', 'Datenlizenz Deutschland – Namensnennung 2.0', 'Datenquelle: Stadt Chemnitz, Open Data — Datenlizenz Deutschland – Namensnennung 2.0') },
  ],
  area: { __typename: 'Area', id: 2, source: source('chemnitz-opendata', 'Stadt Chemnitz', 'Datenlizenz Deutschland – Namensnennung 2.0', 'Datenquelle: Stadt Chemnitz, Open Data — Datenlizenz Deutschland – Namensnennung 2.0') },
};

export const CITIES_ANSWER = { data: { cities: [LEIPZIG, CHEMNITZ] } };
