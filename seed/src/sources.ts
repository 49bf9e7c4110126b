import type { Tx } from './db';

/** One Source row per publisher/dataset; texts as in seed/data/leipzig|germany/SOURCES.md. */
export interface SourceDef {
  key: string;
  title: string;
  publisher: string;
  licence: string;
  url: string | null;
  attribution: string;
  synthetic: boolean;
}

const DL_DE_BY = 'Datenlizenz Deutschland – Namensnennung 2.0';
/** Attribution required by seed/data/leipzig/SOURCES.md wherever the Leipzig data is shown. */
export const LEIPZIG_ATTRIBUTION =
  'Datenquelle: Stadt Leipzig, Amt für Statistik und Wahlen; Kommunale Gebietsgliederung; KIVAN — Datenlizenz Deutschland – Namensnennung 2.0';

export const SOURCES = {
  districts: {
    key: 'leipzig-gebietsgliederung',
    title: 'Kommunale Gebietsgliederung: Ortsteile der Stadt Leipzig',
    publisher: 'Stadt Leipzig, Kommunale Gebietsgliederung',
    licence: DL_DE_BY,
    url: 'https://opendata.leipzig.de/',
    attribution: LEIPZIG_ATTRIBUTION,
    synthetic: false,
  },
  statistics: {
    key: 'leipzig-statistik',
    title: 'Ortsteilstatistik (Open-Data-Schnittstelle kdvalues)',
    publisher: 'Stadt Leipzig, Amt für Statistik und Wahlen',
    licence: DL_DE_BY,
    url: 'https://statistik.leipzig.de/opendata/api/kdvalues',
    attribution: LEIPZIG_ATTRIBUTION,
    synthetic: false,
  },
  kitas: {
    key: 'leipzig-kivan',
    title: 'Kindertagesstätten in Leipzig (KIVAN-Elternportal), Stand 2024',
    publisher: 'Stadt Leipzig, KIVAN-Elternportal; aufbereitet von Code for Leipzig (leipzigmaps)',
    licence: DL_DE_BY,
    url: 'https://kivan.leipzig.de/',
    attribution: LEIPZIG_ATTRIBUTION,
    synthetic: false,
  },
  priceIndex: {
    key: 'destatis-vpi',
    title: 'Verbraucherpreisindex für Deutschland, Jahresdurchschnitt (2020 = 100), Tabelle 61111-0001',
    publisher: 'Statistisches Bundesamt (Destatis)',
    licence: DL_DE_BY,
    url: 'https://www-genesis.destatis.de/genesis/online?sequenz=tabelleErgebnis&selectionname=61111-0001',
    attribution: 'Datenquelle: Statistisches Bundesamt (Destatis), Genesis-Online 61111-0001 — Datenlizenz Deutschland – Namensnennung 2.0',
    synthetic: false,
  },
  destatisKreise: {
    key: 'destatis-kreise-2018',
    title: 'Fläche und Bevölkerung der Kreise und kreisfreien Städte, Stand 31.12.2018',
    publisher: 'Statistisches Bundesamt (Destatis); als CSV aus dem npm-Paket landkreise-deutschland 3.0.0',
    licence: 'CC BY 4.0',
    url: 'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html',
    attribution: 'Datenquelle: Statistisches Bundesamt (Destatis), 2019 — CC BY 4.0',
    synthetic: false,
  },
  leipzigBudget: {
    key: 'leipzig-haushalt-2025-2026',
    title: 'Haushaltsplan 2025/2026 der Stadt Leipzig, Ergebnishaushalt (Planansätze), Bereiche Soziales & Jugend und Gesundheit',
    publisher: 'Stadt Leipzig (Haushaltsplan, Grunddaten); in JSON umgewandelt vom Open-Source-Projekt „haushaltsdaten“',
    licence: DL_DE_BY,
    url: null,
    attribution: 'Datenquelle: Stadt Leipzig, Haushaltsplan 2025/2026 — Datenlizenz Deutschland – Namensnennung 2.0',
    synthetic: false,
  },
  leipzigDataRdf: {
    key: 'leipzig-data-rdf',
    title: 'Leipzig Open Data Project: Seniorenbüros, Bürgervereine, Vereine, öffentliche und kirchliche Einrichtungen (RDF), Stand 2014–2018',
    publisher: 'The Leipzig Open Data Project, leipzig-data.de (Vereine aus der Vereinsdatenbank der Stadt Leipzig)',
    licence: 'CC0 1.0',
    url: 'http://leipzig-data.de/',
    attribution: 'The Leipzig Open Data Project, leipzig-data.de (CC0 1.0); Standorte geokodiert mit Adressen © OpenStreetMap contributors (ODbL 1.0)',
    synthetic: false,
  },
  behoerdenwegweiser: {
    key: 'leipzig-behoerdenwegweiser-2018',
    title: 'Behördenwegweiser der Stadt Leipzig, soziale und Jugend-Dienststellen, Stand September 2018',
    publisher: 'Stadt Leipzig, Behördenwegweiser; republiziert vom Leipzig Open Data Project',
    licence: 'CC0 1.0',
    url: 'https://www.leipzig.de/buergerservice-und-verwaltung/aemter-und-behoerdengaenge/behoerden-und-dienstleistungen',
    attribution: 'Stadt Leipzig, Behördenwegweiser (2018), via leipzig-data.de (CC0 1.0); Standorte geokodiert mit Adressen © OpenStreetMap contributors (ODbL 1.0)',
    synthetic: false,
  },
  transitStops: {
    key: 'osm-leipzig-stops',
    title: 'Haltestellen Straßenbahn, Bus und Bahn in Leipzig (OpenStreetMap, Overpass-Abfragen von Code for Leipzig/leipzigmaps), Stand 2021–2024',
    publisher: 'OpenStreetMap contributors; Code for Leipzig (leipzigmaps)',
    licence: 'ODbL 1.0',
    url: 'https://www.openstreetmap.org/copyright',
    attribution: '© OpenStreetMap contributors (ODbL 1.0)',
    synthetic: false,
  },
  socialBuildings: {
    key: 'osm-leipzig-social-buildings',
    title: 'Soziale Einrichtungen als OSM-Gebäude in Leipzig (amenity=social_facility, kindergarten, community_centre, nursing_home, …), Stand meist 2020',
    publisher: 'OpenStreetMap contributors; Code for Leipzig (Gentrification-Gebäudeauszüge)',
    licence: 'ODbL 1.0',
    url: 'https://www.openstreetmap.org/copyright',
    attribution: '© OpenStreetMap contributors (ODbL 1.0)',
    synthetic: false,
  },
  demo: {
    key: 'demo',
    title: 'Demo-Daten (synthetisch): Träger, Angebote, Förderungen, Sozialplan und Beteiligung',
    publisher: 'Sozialatlas (erzeugt, keine amtliche Quelle)',
    licence: 'CC0 1.0 (synthetische Daten)',
    url: null,
    attribution:
      'Demo-Daten (synthetisch) — erfunden für Vorführung und Tests; keine echten Träger, Angebote, Förderungen oder Beschlüsse der Stadt Leipzig',
    synthetic: true,
  },
  syntheticCity: {
    key: 'synthetic-city',
    title: 'Synthetische Großstadt (Last- und Skalierungstests)',
    publisher: 'Sozialatlas (erzeugt, keine amtliche Quelle)',
    licence: 'CC0 1.0 (synthetische Daten)',
    url: null,
    attribution: 'Demo-Daten (synthetisch) — erfundene Stadt für Skalierungstests',
    synthetic: true,
  },
} satisfies Record<string, SourceDef>;

/** Inserts or updates a Source by key; returns its id and whether a row was written. */
export async function upsertSource(tx: Tx, s: SourceDef): Promise<{ id: number; written: number }> {
  const written = await tx.$executeRaw`
    INSERT INTO source (key, title, publisher, licence, url, attribution, synthetic)
    VALUES (${s.key}, ${s.title}, ${s.publisher}, ${s.licence}, ${s.url}, ${s.attribution}, ${s.synthetic})
    ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title, publisher = EXCLUDED.publisher,
      licence = EXCLUDED.licence, url = EXCLUDED.url, attribution = EXCLUDED.attribution,
      synthetic = EXCLUDED.synthetic, updated_at = now(), version = source.version + 1
    WHERE (source.title, source.publisher, source.licence, source.url, source.attribution, source.synthetic)
      IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.publisher, EXCLUDED.licence, EXCLUDED.url, EXCLUDED.attribution, EXCLUDED.synthetic)`;
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM source WHERE key = ${s.key}`;
  return { id: rows[0]!.id, written };
}
