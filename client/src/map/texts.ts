// Texts of the map's tools (orientation layers, basemap, print and image downloads), German
// first. Kept beside the map rather than in app/i18n.tsx so the features stay in their folders.
import { useI18n } from '../app/i18n';

const de = {
  orientation: 'Orientierung',
  labels: 'Namen der Gebiete',
  stops: 'Haltestellen (Straßenbahn, Bus, Bahn)',
  socialBuildings: 'Soziale Einrichtungen laut OpenStreetMap',
  osmSource: '© OpenStreetMap-Mitwirkende (ODbL 1.0)',
  /** plural name of a place layer's amenity value ('' when it has none here) */
  amenityName: (amenity: string) => ({ school: 'Schulen' })[amenity] ?? '',
  /** a city's own place layer: what it holds and who publishes it */
  placeLayer: (what: string, publisher: string) => `${what} (${publisher})`,
  placesLoading: 'Orte werden geladen …',
  placesCount: (n: number) => `${n.toLocaleString('de-DE')} Orte`,
  basemap: 'Hintergrundkarte',
  printMap: 'Karte drucken',
  mapOnPaper: 'Karte als Bild und auf Papier',
  orientationLabel: 'Seitenformat',
  landscape: 'A4 quer',
  portrait: 'A4 hoch',
  downloadPng: 'PNG herunterladen',
  downloadPdf: 'PDF herunterladen',
  preparing: 'Wird erstellt …',
  source: 'Quelle',
  scale: 'Maßstab',
  printedOn: (date: string, url: string) => `Sozialatlas, erstellt am ${date}. Diese Ansicht online: ${url}`,
  mapImage: (title: string) => `Karte: ${title}`,
};
type MapToolTexts = { [K in keyof typeof de]: (typeof de)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

const en: MapToolTexts = {
  orientation: 'Orientation',
  labels: 'Area names',
  stops: 'Stops (tram, bus, train)',
  socialBuildings: 'Social buildings from OpenStreetMap',
  osmSource: '© OpenStreetMap contributors (ODbL 1.0)',
  amenityName: (amenity) => ({ school: 'Schools' })[amenity] ?? '',
  placeLayer: (what, publisher) => `${what} (${publisher})`,
  placesLoading: 'Loading places …',
  placesCount: (n) => `${n.toLocaleString('en-GB')} places`,
  basemap: 'Basemap',
  printMap: 'Print map',
  mapOnPaper: 'Map as image and on paper',
  orientationLabel: 'Page format',
  landscape: 'A4 landscape',
  portrait: 'A4 portrait',
  downloadPng: 'Download PNG',
  downloadPdf: 'Download PDF',
  preparing: 'Preparing …',
  source: 'Source',
  scale: 'Scale',
  printedOn: (date, url) => `Sozialatlas, made on ${date}. This view online: ${url}`,
  mapImage: (title) => `Map: ${title}`,
};

export function useMapToolTexts(): MapToolTexts {
  return useI18n().locale === 'en' ? en : de;
}
