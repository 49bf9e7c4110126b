// Day-care centres (Kindertagesstätten) from leipzig-kitas.json (KIVAN, via Code for Leipzig).
// One Service (category day_care), one Location and one de-duplicated Provider per record.
// The file has no capacity: capacity stays null (einrichtungKapazitaetIntegration are integration
// places only and go into the description). Kitas without coordinates are imported without a point
// and listed; points outside the city's bounding box are not stored and listed. The Ortsteil of a
// location is set by the database trigger from the point and compared with `regionaldatumName`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyProvider, cleanName, normalizeProviderName, upsertProviders, type Accessibility, type PrismaClient, type ProviderRow } from '@sozialatlas/db';
import { upsertCategories } from '../categories';
import { inTransaction } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';
import { CITY_CODE } from './districts';
import { upsertServiceLocations } from './service-locations';

interface Kita {
  einrichtungsId: number | string;
  einrichtungName: string;
  einrichtungStrasse: string | null;
  einrichtungHausnummer: string | null;
  einrichtungPostleitzahl: string | null;
  einrichtungOrt: string | null;
  einrichtungUrl: string | null;
  einrichtungLatitude: number | null;
  einrichtungLongitude: number | null;
  einrichtungKapazitaetIntegration: number | null;
  einrichtungsartText: string | null;
  traegerName: string | null;
  regionaldatumName: string | null;
  platzkategorie: string | null;
  barrierefreiheit: string | null;
  mindestalterKinderkrippe: number | null;
  hoechstalterKinderkrippe: number | null;
  mindestalterKindergarten: number | null;
  hoechstalterKindergarten: number | null;
  oeffnungszeiten: { wochentag: string; von: string; bis: string }[] | null;
}

/** KIVAN's `barrierefreiheit` values. "Uneingeschraenkt" (unrestricted) and "Barrierefrei" both mean fully accessible. */
export const ACCESSIBILITY: Record<string, Accessibility> = {
  Barrierefrei: 'FULL',
  Uneingeschraenkt: 'FULL',
  Eingeschraenkt: 'PARTIAL',
  Teilweise: 'PARTIAL',
  Nicht: 'NONE',
};

const WEEKDAYS: Record<string, string> = {
  Montag: 'MONDAY',
  Dienstag: 'TUESDAY',
  Mittwoch: 'WEDNESDAY',
  Donnerstag: 'THURSDAY',
  Freitag: 'FRIDAY',
  Samstag: 'SATURDAY',
  Sonntag: 'SUNDAY',
};
const DAY_ORDER = Object.values(WEEKDAYS);

function description(k: Kita): string {
  const parts = [k.einrichtungsartText, k.platzkategorie ? `Platzkategorien: ${k.platzkategorie}` : null];
  const age = (min: number | null, max: number | null, what: string) =>
    min !== null || max !== null ? `${what}: ${min ?? '?'}–${max ?? '?'} Monate` : null;
  parts.push(age(k.mindestalterKinderkrippe, k.hoechstalterKinderkrippe, 'Alter Krippe'));
  parts.push(age(k.mindestalterKindergarten, k.hoechstalterKindergarten, 'Alter Kindergarten'));
  if (k.einrichtungKapazitaetIntegration) parts.push(`Integrationsplätze: ${k.einrichtungKapazitaetIntegration}`);
  return parts.filter(Boolean).join('. ');
}

export async function importKitas(prisma: PrismaClient, options: { file?: string } = {}): Promise<ImportReport> {
  const file = options.file ?? path.join(leipzigDataDir(), 'leipzig-kitas.json');
  const report = newReport(path.basename(file));
  const kitas = JSON.parse(readFileSync(file, 'utf8')) as Kita[];
  if (!Array.isArray(kitas)) throw new Error(`${file}: expected a list of day-care centres`);
  report.rowsRead = kitas.length;

  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.kitas);
    const categories = await upsertCategories(tx);
    report.written += source.written + categories.written;
    const dayCare = categories.ids.get('day_care')!;

    const [bbox] = await tx.$queryRaw<{ xmin: number; xmax: number; ymin: number; ymax: number }[]>`
      SELECT ST_XMin(geom) AS xmin, ST_XMax(geom) AS xmax, ST_YMin(geom) AS ymin, ST_YMax(geom) AS ymax FROM area WHERE code = ${CITY_CODE} AND level = 'CITY'`;
    if (!bbox) report.warnings.push('no city area: coordinates not checked against the city bounding box');

    // Providers, de-duplicated by normalized name.
    const providers = new Map<string, ProviderRow>();
    const rawNames = new Set<string>();
    for (const k of kitas) {
      if (!k.traegerName?.trim()) continue;
      rawNames.add(k.traegerName);
      const norm = normalizeProviderName(k.traegerName);
      if (!providers.has(norm)) providers.set(norm, { name: cleanName(k.traegerName), normalizedName: norm, ...classifyProvider(k.traegerName) });
    }
    const p = providers.size ? await upsertProviders(tx, [...providers.values()], source.id) : { ids: new Map<string, number>(), written: 0 };
    report.written += p.written;
    report.details.providers = `${rawNames.size} distinct raw names → ${providers.size} after normalisation`;
    const kinds: Record<string, number> = {};
    for (const pr of providers.values()) kinds[pr.kind + (pr.umbrella ? `/${pr.umbrella}` : '')] = (kinds[pr.kind + (pr.umbrella ? `/${pr.umbrella}` : '')] ?? 0) + 1;
    report.details.providerKinds = kinds;

    const rows: {
      id: string; name: string; descr: string; providerId: number | null; access: Accessibility; hours: string | null;
      street: string | null; no: string | null; zip: string | null; city: string | null; lon: number | null; lat: number | null; region: string | null;
    }[] = [];
    const noPoint: string[] = [];
    const rejectedPoint: string[] = [];
    const unknownAccess = new Map<string, number>();
    const seen = new Set<string>();
    for (const [i, k] of kitas.entries()) {
      const id = String(k.einrichtungsId ?? '').trim();
      const label = `#${i} einrichtungsId ${id || '?'} "${k.einrichtungName ?? ''}"`;
      if (!id || !k.einrichtungName?.trim()) {
        report.skipped.push({ row: label, reason: 'no einrichtungsId or name' });
        continue;
      }
      if (seen.has(id)) {
        report.skipped.push({ row: label, reason: 'duplicate einrichtungsId' });
        continue;
      }
      seen.add(id);
      let access: Accessibility = 'UNKNOWN';
      if (k.barrierefreiheit != null) {
        const mapped = ACCESSIBILITY[k.barrierefreiheit];
        if (mapped) access = mapped;
        else unknownAccess.set(k.barrierefreiheit, (unknownAccess.get(k.barrierefreiheit) ?? 0) + 1);
      }
      const hours = (k.oeffnungszeiten ?? [])
        .map((o) => ({ day: WEEKDAYS[o.wochentag], opens: o.von, closes: o.bis }))
        .filter((o) => {
          if (!o.day) report.warnings.push(`${label}: unknown weekday in oeffnungszeiten`);
          return o.day;
        })
        .sort((a, b) => DAY_ORDER.indexOf(a.day!) - DAY_ORDER.indexOf(b.day!));
      let lon = k.einrichtungLongitude;
      let lat = k.einrichtungLatitude;
      if (typeof lon !== 'number' || typeof lat !== 'number') {
        lon = lat = null;
        noPoint.push(`${id} ${k.einrichtungName}`);
      } else if (bbox && (lon < bbox.xmin || lon > bbox.xmax || lat < bbox.ymin || lat > bbox.ymax)) {
        report.skipped.push({ row: label, reason: `point (lat ${lat}, lon ${lon}) outside Leipzig's bounding box: imported without a point` });
        rejectedPoint.push(`${id} ${k.einrichtungName}`);
        lon = lat = null;
      }
      rows.push({
        id, name: cleanName(k.einrichtungName), descr: description(k),
        providerId: k.traegerName?.trim() ? p.ids.get(normalizeProviderName(k.traegerName)) ?? null : null,
        access, hours: hours.length ? JSON.stringify(hours) : null,
        street: k.einrichtungStrasse, no: k.einrichtungHausnummer, zip: k.einrichtungPostleitzahl, city: k.einrichtungOrt,
        lon, lat, region: k.regionaldatumName,
      });
    }
    for (const [value, n] of unknownAccess) report.warnings.push(`unknown barrierefreiheit value "${value}" (${n}×): accessibility UNKNOWN`);
    report.details.withoutCoordinates = noPoint;
    if (rejectedPoint.length) report.details.pointOutsideCity = rejectedPoint;
    report.details.capacity = 'the file has no capacity field: capacity left null (integration places are in the description)';

    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    const services = await tx.$executeRaw`
      INSERT INTO service (name, description, category_id, provider_id, target_groups, legal_bases, status, accessibility, opening_hours, external_id, source_id)
      SELECT t.name, t.descr, ${dayCare}::int, t.pid, '{CHILDREN,FAMILIES}'::target_group[], '{SGB_VIII}'::legal_basis[], 'ACTIVE',
             t.access::accessibility, t.hours::jsonb, t.ext, ${source.id}::int
        FROM unnest(${col((r) => r.name)}::text[], ${col((r) => r.descr)}::text[], ${col((r) => r.providerId)}::int[],
                    ${col((r) => r.access)}::text[], ${col((r) => r.hours)}::text[], ${col((r) => r.id)}::text[]) AS t(name, descr, pid, access, hours, ext)
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
        category_id = EXCLUDED.category_id, provider_id = EXCLUDED.provider_id, target_groups = EXCLUDED.target_groups,
        legal_bases = EXCLUDED.legal_bases, status = EXCLUDED.status, accessibility = EXCLUDED.accessibility,
        opening_hours = EXCLUDED.opening_hours, updated_at = now(), version = service.version + 1
      WHERE (service.name, service.description, service.category_id, service.provider_id, service.target_groups, service.legal_bases,
             service.status, service.accessibility, service.opening_hours)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.category_id, EXCLUDED.provider_id, EXCLUDED.target_groups,
             EXCLUDED.legal_bases, EXCLUDED.status, EXCLUDED.accessibility, EXCLUDED.opening_hours)`;
    const locationsAndLinks = await upsertServiceLocations(tx, source.id, rows.map((r) => ({ name: r.name, street: r.street, no: r.no, zip: r.zip, town: r.city, lon: r.lon, lat: r.lat, ext: r.id })));
    report.written += services + locationsAndLinks;
    report.unchanged += rows.length * 3 - services - locationsAndLinks;
    report.details.services = rows.length;

    // Does the Ortsteil named in the source agree with the one containing the point?
    const placed = await tx.$queryRaw<{ ext: string; area: string | null }[]>`
      SELECT l.external_id AS ext, a.name AS area FROM location l LEFT JOIN area a ON a.id = l.area_id
       WHERE l.source_id = ${source.id}::int AND l.geom IS NOT NULL`;
    const region = new Map(rows.map((r) => [r.id, r.region]));
    const disagree = placed.filter((pl) => region.get(pl.ext) && pl.area !== region.get(pl.ext));
    report.details.ortsteilCheck = `${placed.length - disagree.length}/${placed.length} points lie in the Ortsteil named in regionaldatumName`;
    if (disagree.length) {
      report.warnings.push(
        `${disagree.length} Kitas: regionaldatumName differs from the Ortsteil containing the point, e.g. ${disagree
          .slice(0, 5)
          .map((d) => `${d.ext} "${region.get(d.ext)}" vs ${d.area ?? 'outside all Ortsteile'}`)
          .join('; ')}`,
      );
    }
    return report;
  });
}
