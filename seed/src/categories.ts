import type { Tx } from './db';

/** The managed list of service categories (Angebotsarten). Keys are stable; the API refers to them. */
export const CATEGORIES = [
  { key: 'day_care', name: 'Kindertagesstätte', nameEn: 'Day-care centre', description: 'Kinderkrippe, Kindergarten und Hort (SGB VIII §§ 22 ff.).' },
  { key: 'counselling', name: 'Beratungsstelle', nameEn: 'Counselling centre', description: 'Allgemeine soziale Beratung, Erziehungs-, Familien-, Schuldner- und Sozialberatung.' },
  { key: 'outpatient_help', name: 'Ambulante Hilfe', nameEn: 'Outpatient help', description: 'Aufsuchende und ambulante Hilfen, z. B. ambulant betreutes Wohnen, Familienhilfe.' },
  { key: 'low_threshold', name: 'Offenes / niedrigschwelliges Angebot', nameEn: 'Open / low-threshold service', description: 'Offene Treffs, Stadtteilläden, Sprechstunden ohne Anmeldung.' },
  { key: 'senior_meeting', name: 'Begegnungsstätte für Senioren', nameEn: 'Meeting place for seniors', description: 'Offene Seniorenarbeit, Begegnungsstätten und Seniorentreffs (SGB XII § 71).' },
  { key: 'youth_club', name: 'Kinder- und Jugendtreff', nameEn: 'Youth club', description: 'Offene Kinder- und Jugendarbeit (SGB VIII § 11).' },
  { key: 'homeless_help', name: 'Wohnungslosenhilfe', nameEn: 'Help for homeless people', description: 'Notunterkünfte, Tagestreffs und Beratung für wohnungslose Menschen (SGB XII §§ 67 ff.).' },
  { key: 'addiction_counselling', name: 'Suchtberatung', nameEn: 'Addiction counselling', description: 'Sucht- und Drogenberatung, Suchtprävention.' },
] as const;

export type CategoryKey = (typeof CATEGORIES)[number]['key'];

/** Upserts the managed category list; returns key → id and rows written. */
export async function upsertCategories(tx: Tx): Promise<{ ids: Map<string, number>; written: number }> {
  let written = 0;
  for (const c of CATEGORIES) {
    written += await tx.$executeRaw`
      INSERT INTO service_category (key, name, name_en, description) VALUES (${c.key}, ${c.name}, ${c.nameEn}, ${c.description})
      ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, description = EXCLUDED.description,
        updated_at = now(), version = service_category.version + 1
      WHERE (service_category.name, service_category.name_en, service_category.description)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.description)`;
  }
  const rows = await tx.$queryRaw<{ id: number; key: string }[]>`SELECT id, key FROM service_category`;
  return { ids: new Map(rows.map((r) => [r.key, r.id])), written };
}
