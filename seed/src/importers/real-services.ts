// Real services of Leipzig from the Leipzig Open Data Project's RDF lists (Seniorenbüros,
// Bürgervereine, Vereine, public and church institutions; CC0, 2014–2018) and the city's
// Behördenwegweiser 2018 (social and youth units). None has coordinates: every address is geocoded
// offline (geocoding/) and the location records how (geocode_match). One transaction per file
// (all-or-nothing); every record not imported is listed with its reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser, type Quad } from 'n3';
import { upsertCategories, type CategoryKey } from '../categories';
import { inTransaction, type Tx } from '../db';
import { classifyProvider, cleanName, normalizeProviderName, parseAddress, type Geocoder, type GeocodeResult, type PrismaClient, type ProviderKind, type TargetGroup, type UmbrellaAssociation } from '@sozialatlas/db';
import { leipzigGeocoder } from '../geocoding/leipzig';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';
import { mapOfficeUnit, mapVereinCategories, SOCIAL_UNITS, splitCategories } from './service-mapping';

const LD = 'http://leipzig-data.de/Data/Model/';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const RDFS_COMMENT = 'http://www.w3.org/2000/01/rdf-schema#comment';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FOAF_HOMEPAGE = 'http://xmlns.com/foaf/0.1/homepage';
const DCT_MODIFIED = 'http://purl.org/dc/terms/modified';

/** The RDF files in import order (earlier files win when the same service is in two lists). */
export const RDF_FILES = ['Seniorenbueros.ttl', 'Buergervereine.ttl', 'Vereine.ttl', 'OeffentlicheEinrichtungen.ttl', 'KirchlicheEinrichtungen.ttl'];
export const OFFICES_FILE = 'leipzig-behoerdenwegweiser-2018-soziales.geojson';

const TARGET_GROUPS: Partial<Record<CategoryKey, TargetGroup[]>> = {
  senior_meeting: ['SENIORS'],
  addiction_counselling: ['PEOPLE_WITH_ADDICTION'],
  homeless_help: ['HOMELESS_PEOPLE'],
  disability_association: ['PEOPLE_WITH_DISABILITIES'],
  youth_social_work: ['YOUNG_PEOPLE'],
  family_association: ['CHILDREN', 'YOUNG_PEOPLE', 'FAMILIES'],
  unemployment_help: ['LONG_TERM_UNEMPLOYED'],
  intercultural_association: ['MIGRANTS'],
};

/** One service as read from a list, before it is written. */
export interface ServiceRecord {
  externalId: string;
  label: string;
  name: string;
  description: string | null;
  category: CategoryKey;
  provider: { name: string; kind?: ProviderKind } | null;
  website: string | null;
  addresses: { street: string; houseNumber: string | null; postalCode: string | null; city: string | null }[];
}

/** `http://leipzig-data.de/Data/04249.Leipzig.Dieskaustrasse.138` → parts; null when not of that form. */
export function parseAddressUri(uri: string): { street: string; houseNumber: string | null; postalCode: string; city: string } | null {
  const m = /\/Data\/(\d{5})\.([^./]+)\.([^/]+?)(?:\.([^./]+))?$/.exec(uri);
  if (!m) return null;
  return { postalCode: m[1]!, city: m[2]!, street: m[3]!, houseNumber: m[4] ?? null };
}

interface Graph {
  bySubject: Map<string, Quad[]>;
}

function readGraph(file: string): Graph {
  const quads = new Parser().parse(readFileSync(file, 'utf8'));
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  return { bySubject };
}

const values = (quads: Quad[], predicate: string) => quads.filter((q) => q.predicate.value === predicate).map((q) => q.object.value);

/** Reads one RDF list into service records; what cannot be a service goes to the report. */
export function readRdfList(file: string, labels: Map<string, string>, report: ImportReport): ServiceRecord[] {
  const graph = readGraph(file);
  const base = path.basename(file);
  const records: ServiceRecord[] = [];
  for (const [subject, quads] of graph.bySubject) {
    report.rowsRead++;
    const label = values(quads, RDFS_LABEL)[0];
    const types = values(quads, RDF_TYPE);
    const row = `${base} <${subject}>`;
    let category: CategoryKey | null;
    let provider: ServiceRecord['provider'];
    let name: string;
    const cats = splitCategories(values(quads, `${LD}hasCategories`));
    if (types.includes(`${LD}SeniorenBuero`)) {
      category = 'senior_meeting';
      const traeger = values(quads, `${LD}hatTraeger`)[0];
      const traegerName = traeger ? labels.get(traeger) : undefined;
      if (traeger && !traegerName) report.warnings.push(`${row}: Träger <${traeger}> has no label in the lists: service imported without provider`);
      provider = traegerName ? { name: traegerName } : null;
      name = `Seniorenbüro ${decodeURIComponent(subject.split('/').pop()!).replace(/([a-z])([A-Z])/g, '$1 $2')}`;
    } else {
      if (!label) {
        report.skipped.push({ row, reason: 'no name (rdfs:label)' });
        continue;
      }
      const mapped = mapVereinCategories(cats);
      if (!mapped.key) {
        report.skipped.push({ row, reason: cats.length ? `category not social in this product: ${cats.join(', ')}` : 'no category (ld:hasCategories)' });
        continue;
      }
      category = mapped.key;
      name = label;
      provider = { name: label };
    }
    const addresses: ServiceRecord['addresses'] = [];
    for (const uri of values(quads, `${LD}hasAddress`)) {
      const parts = parseAddressUri(uri);
      if (!parts) report.warnings.push(`${row}: address <${uri}> is not of the form PLZ.Ort.Strasse.Nr: not used`);
      else if (parts.city !== 'Leipzig') report.warnings.push(`${row}: address in ${parts.city} (${parts.postalCode}), outside Leipzig: not used`);
      else addresses.push(parts);
    }
    const modified = values(quads, DCT_MODIFIED)[0];
    const comment = values(quads, RDFS_COMMENT)[0];
    records.push({
      externalId: subject,
      label: label ?? name,
      name: cleanName(name),
      description: [cats.length ? `Kategorien (Vereinsdatenbank): ${cats.join(', ')}` : null, comment ?? null, modified ? `Stand: ${modified}` : 'Stand: 2014–2018'].filter(Boolean).join('. '),
      category,
      provider,
      website: values(quads, FOAF_HOMEPAGE)[0] ?? null,
      addresses,
    });
  }
  return records;
}

interface OfficeFeature {
  properties: { id: string; name: string; hierarchy: string[]; url: string | null; site: string | null; street_address: string | null; postal_code: string | null };
}

/** Reads the Behördenwegweiser units into service records. */
export function readOffices(file: string, report: ImportReport): ServiceRecord[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { features?: OfficeFeature[] };
  if (!Array.isArray(data.features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  const records: ServiceRecord[] = [];
  for (const [i, f] of data.features.entries()) {
    report.rowsRead++;
    const p = f.properties;
    const row = `${path.basename(file)} #${i} ${p?.id ?? '?'} "${p?.name ?? ''}"`;
    if (!p?.id || !p.name?.trim()) {
      report.skipped.push({ row, reason: 'no id or name' });
      continue;
    }
    const unit = p.hierarchy.length > 1 ? p.hierarchy[1]! : p.hierarchy[0] ?? '';
    if (!SOCIAL_UNITS.includes(unit)) {
      report.skipped.push({ row, reason: `unit "${unit}" is not a social or youth unit` });
      continue;
    }
    const office = unit.startsWith('Jobcenter') ? 'Jobcenter Leipzig' : `Stadt Leipzig, ${unit}`;
    const addresses: ServiceRecord['addresses'] = [];
    if (p.street_address?.trim()) {
      const parsed = parseAddress(p.street_address);
      addresses.push({ street: parsed.street, houseNumber: parsed.houseNumber, postalCode: p.postal_code || null, city: 'Leipzig' });
    }
    records.push({
      externalId: p.id,
      label: p.name,
      name: cleanName(p.name),
      description: [`Behördenwegweiser: ${p.hierarchy.join(' › ')}`, p.site ? `Standort: ${p.site}` : null, 'Stand: September 2018'].filter(Boolean).join('. '),
      category: mapOfficeUnit(p.name, p.hierarchy),
      provider: { name: office, kind: 'MUNICIPAL' },
      website: p.url || null,
      addresses,
    });
  }
  return records;
}

/**
 * Loose provider key: the normalised name without legal forms and generic words, so that
 * "Volkssolidarität Stadtverband Leipzig e.V." and "Volkssolidarität Leipzig" meet.
 */
export const looseProviderKey = (name: string) =>
  normalizeProviderName(name)
    .replace(/\b(ev|ggmbh|gmbh|mbh|gemeinnützige|gemeinnuetzige|leipzig|stadt|kreisverband|stadtverband|landesverband|regionalverband|der|des|für|und)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface ExistingProvider {
  id: number;
  name: string;
  normalized_name: string;
}

/**
 * Provider ids for the records: an existing provider with the same normalised name, else the one
 * existing provider with the same loose key; two or more loose matches are reported and a new
 * provider is created. New providers are inserted, existing ones never changed.
 */
async function resolveProviders(tx: Tx, records: ServiceRecord[], sourceId: number, report: ImportReport): Promise<Map<string, number>> {
  const existing = await tx.$queryRaw<ExistingProvider[]>`SELECT id, name, normalized_name FROM provider`;
  const byNorm = new Map(existing.map((p) => [p.normalized_name, p]));
  const byLoose = new Map<string, ExistingProvider[]>();
  for (const p of existing) {
    const k = looseProviderKey(p.name);
    if (k) byLoose.set(k, [...(byLoose.get(k) ?? []), p]);
  }
  const ids = new Map<string, number>();
  const fresh = new Map<string, { name: string; kind: ProviderKind; umbrella: UmbrellaAssociation | null }>();
  let reused = 0;
  let looseReused = 0;
  for (const r of records) {
    if (!r.provider) continue;
    const norm = normalizeProviderName(r.provider.name);
    if (ids.has(norm) || fresh.has(norm)) continue;
    const same = byNorm.get(norm);
    if (same) {
      ids.set(norm, same.id);
      reused++;
      continue;
    }
    const loose = byLoose.get(looseProviderKey(r.provider.name)) ?? [];
    if (loose.length === 1) {
      ids.set(norm, loose[0]!.id);
      looseReused++;
      report.warnings.push(`provider "${r.provider.name}" taken as the existing "${loose[0]!.name}" (same name without legal form and place words)`);
      continue;
    }
    if (loose.length > 1) {
      report.warnings.push(`provider "${r.provider.name}" matches ${loose.length} existing providers (${loose.map((p) => `"${p.name}"`).join(', ')}): created as a provider of its own, please check`);
    }
    const classified = classifyProvider(r.provider.name);
    fresh.set(norm, { name: cleanName(r.provider.name), kind: r.provider.kind ?? classified.kind, umbrella: classified.umbrella });
  }
  if (fresh.size) {
    const rows = [...fresh.entries()];
    report.written += await tx.$executeRaw`
      INSERT INTO provider (name, normalized_name, kind, umbrella, source_id)
      SELECT t.name, t.norm, t.kind::provider_kind, t.umbrella::umbrella_association, ${sourceId}::int
        FROM unnest(${rows.map(([, p]) => p.name)}::text[], ${rows.map(([n]) => n)}::text[], ${rows.map(([, p]) => p.kind)}::text[],
                    ${rows.map(([, p]) => p.umbrella)}::text[]) AS t(name, norm, kind, umbrella)
      ON CONFLICT (normalized_name) DO NOTHING`;
    const found = await tx.$queryRaw<{ id: number; normalized_name: string }[]>`
      SELECT id, normalized_name FROM provider WHERE normalized_name = ANY(${rows.map(([n]) => n)}::text[])`;
    for (const f of found) ids.set(f.normalized_name, f.id);
  }
  report.details.providers = `${reused} existing (same name), ${looseReused} existing (loose match), ${fresh.size} from this list`;
  return ids;
}

/** Counts of how the addresses of one list were geocoded (the hit rate in docs/data.md). */
export type GeocodeTally = Record<GeocodeResult['kind'], number>;
const emptyTally = (): GeocodeTally => ({ EXACT: 0, NEAREST_NUMBER: 0, AMBIGUOUS: 0, NOT_FOUND: 0 });

/** Writes one list's services, providers and geocoded locations in one transaction. */
async function writeList(
  prisma: PrismaClient, geocoder: Geocoder, report: ImportReport, sourceDef: (typeof SOURCES)[keyof typeof SOURCES],
  records: ServiceRecord[], seen: Map<string, string>,
): Promise<ImportReport> {
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, sourceDef);
    const categories = await upsertCategories(tx);
    report.written += source.written + categories.written;

    // the same service in two lists (or twice in one): same normalised name at the same first address
    const unique: ServiceRecord[] = [];
    for (const r of records) {
      const a = r.addresses[0];
      const key = `${normalizeProviderName(r.name)}|${a ? `${a.street.toLowerCase()} ${a.houseNumber ?? ''}` : ''}`;
      const first = seen.get(key);
      if (first && first !== r.externalId) {
        report.skipped.push({ row: `${report.source} <${r.externalId}>`, reason: `duplicate of <${first}> (same name and address)` });
        continue;
      }
      seen.set(key, r.externalId);
      unique.push(r);
    }
    const providers = await resolveProviders(tx, unique, source.id, report);

    const tally = emptyTally();
    const distances: number[] = [];
    const locs: { ext: string; name: string; street: string; no: string | null; zip: string | null; city: string | null; lon: number | null; lat: number | null; match: string; dist: number | null; note: string }[] = [];
    for (const r of unique) {
      r.addresses.forEach((a, i) => {
        const g = geocoder.geocode(a);
        tally[g.kind]++;
        if (g.kind === 'NEAREST_NUMBER' && g.distanceMeters !== null) distances.push(g.distanceMeters);
        if (g.lon === null) report.warnings.push(`${report.source} <${r.externalId}>: ${a.street} ${a.houseNumber ?? ''} not placed (${g.kind}: ${g.note}); location without a point`);
        locs.push({
          ext: `${r.externalId}#${i}`, name: r.name,
          street: g.match ? g.match.street : a.street,
          no: a.houseNumber, zip: a.postalCode, city: a.city ?? 'Leipzig', lon: g.lon, lat: g.lat, match: g.kind, dist: g.distanceMeters, note: g.note,
        });
      });
      if (r.addresses.length === 0) report.warnings.push(`${report.source} <${r.externalId}>: no address in Leipzig: service imported without a location`);
    }
    distances.sort((x, y) => x - y);
    report.details.geocoding = tally;
    if (distances.length) report.details.nearestNumberMedianM = Math.round(distances[Math.floor(distances.length / 2)]!);

    const col = <T>(f: (r: ServiceRecord) => T) => unique.map(f);
    const services = await tx.$executeRaw`
      INSERT INTO service (name, description, category_id, provider_id, target_groups, status, external_id, source_id)
      SELECT t.name, t.descr, c.id, t.pid, t.groups::target_group[], 'ACTIVE', t.ext, ${source.id}::int
        FROM unnest(${col((r) => r.name)}::text[], ${col((r) => r.description)}::text[], ${col((r) => r.category)}::text[],
                    ${col((r) => (r.provider ? providers.get(normalizeProviderName(r.provider.name)) ?? null : null))}::int[],
                    ${col((r) => `{${(TARGET_GROUPS[r.category] ?? []).join(',')}}`)}::text[], ${col((r) => r.externalId)}::text[])
             AS t(name, descr, category, pid, groups, ext)
        JOIN service_category c ON c.key = t.category
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
        category_id = EXCLUDED.category_id, provider_id = EXCLUDED.provider_id, target_groups = EXCLUDED.target_groups,
        updated_at = now(), version = service.version + 1
      WHERE (service.name, service.description, service.category_id, service.provider_id, service.target_groups)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.category_id, EXCLUDED.provider_id, EXCLUDED.target_groups)`;
    const L = <T>(f: (l: (typeof locs)[number]) => T) => locs.map(f);
    const locations = await tx.$executeRaw`
      INSERT INTO location (name, street, house_number, postal_code, city, geom, geocode_match, geocode_distance_m, geocode_note, external_id, source_id)
      SELECT t.name, t.street, t.no, t.zip, t.city,
             CASE WHEN t.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) END,
             t.match::geocode_match, t.dist, t.note, t.ext, ${source.id}::int
        FROM unnest(${L((l) => l.name)}::text[], ${L((l) => l.street)}::text[], ${L((l) => l.no)}::text[], ${L((l) => l.zip)}::text[],
                    ${L((l) => l.city)}::text[], ${L((l) => l.lon)}::float8[], ${L((l) => l.lat)}::float8[], ${L((l) => l.match)}::text[],
                    ${L((l) => l.dist)}::float8[], ${L((l) => l.note)}::text[], ${L((l) => l.ext)}::text[])
             AS t(name, street, no, zip, city, lon, lat, match, dist, note, ext)
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, house_number = EXCLUDED.house_number,
        postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, geom = EXCLUDED.geom, geocode_match = EXCLUDED.geocode_match,
        geocode_distance_m = EXCLUDED.geocode_distance_m, geocode_note = EXCLUDED.geocode_note, updated_at = now(), version = location.version + 1
      WHERE (location.name, location.street, location.house_number, location.postal_code, location.city, ST_AsEWKB(location.geom),
             location.geocode_match, location.geocode_distance_m, location.geocode_note)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.street, EXCLUDED.house_number, EXCLUDED.postal_code, EXCLUDED.city, ST_AsEWKB(EXCLUDED.geom),
             EXCLUDED.geocode_match, EXCLUDED.geocode_distance_m, EXCLUDED.geocode_note)`;
    const links = await tx.$executeRaw`
      INSERT INTO service_location (service_id, location_id)
      SELECT s.id, l.id FROM location l JOIN service s ON s.source_id = l.source_id AND s.external_id = split_part(l.external_id, '#', 1)
       WHERE l.source_id = ${source.id}::int AND l.external_id = ANY(${L((l) => l.ext)}::text[])
      ON CONFLICT DO NOTHING`;
    report.written += services + locations + links;
    report.unchanged += unique.length + locs.length * 2 - services - locations - links;
    report.details.services = unique.length;
    const perCategory: Record<string, number> = {};
    for (const r of unique) perCategory[r.category] = (perCategory[r.category] ?? 0) + 1;
    report.details.categories = perCategory;
    const [outside] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM location WHERE source_id = ${source.id}::int AND geom IS NOT NULL AND area_id IS NULL
         AND external_id = ANY(${L((l) => l.ext)}::text[])`;
    if (outside!.n) report.warnings.push(`${outside!.n} geocoded points lie outside every Ortsteil`);
    return report;
  });
}

/** Imports the five RDF lists and the Behördenwegweiser, one transaction per file. */
export async function importRealServices(prisma: PrismaClient, options: { dir?: string; geocoder?: Geocoder } = {}): Promise<ImportReport[]> {
  const dir = options.dir ?? path.join(leipzigDataDir(), 'services');
  const geocoder = options.geocoder ?? leipzigGeocoder();
  // Träger of the Seniorenbüros are Vereine of the other lists: labels from all files first.
  const labels = new Map<string, string>();
  for (const f of RDF_FILES) {
    for (const [subject, quads] of readGraph(path.join(dir, f)).bySubject) {
      const label = values(quads, RDFS_LABEL)[0];
      if (label && !labels.has(subject)) labels.set(subject, label);
    }
  }
  const seen = new Map<string, string>();
  const reports: ImportReport[] = [];
  for (const f of RDF_FILES) {
    const report = newReport(f);
    const records = readRdfList(path.join(dir, f), labels, report);
    reports.push(await writeList(prisma, geocoder, report, SOURCES.leipzigDataRdf, records, seen));
  }
  const report = newReport(OFFICES_FILE);
  const records = readOffices(path.join(dir, OFFICES_FILE), report);
  reports.push(await writeList(prisma, geocoder, report, SOURCES.behoerdenwegweiser, records, seen));
  return reports;
}
