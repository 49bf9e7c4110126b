import type { Tx } from './db';

/** The product's core categories (Angebotsarten): the analyses, norms and demo data use them. */
export const CORE_CATEGORIES = [
  { key: 'day_care', name: 'Kindertagesstätte', nameEn: 'Day-care centre', description: 'Kinderkrippe, Kindergarten und Hort (SGB VIII §§ 22 ff.).' },
  { key: 'counselling', name: 'Beratungsstelle', nameEn: 'Counselling centre', description: 'Allgemeine soziale Beratung, Erziehungs-, Familien-, Schuldner- und Sozialberatung.' },
  { key: 'outpatient_help', name: 'Ambulante Hilfe', nameEn: 'Outpatient help', description: 'Aufsuchende und ambulante Hilfen, z. B. ambulant betreutes Wohnen, Familienhilfe.' },
  { key: 'low_threshold', name: 'Offenes / niedrigschwelliges Angebot', nameEn: 'Open / low-threshold service', description: 'Offene Treffs, Stadtteilläden, Sprechstunden ohne Anmeldung.' },
  { key: 'senior_meeting', name: 'Begegnungsstätte für Senioren', nameEn: 'Meeting place for seniors', description: 'Offene Seniorenarbeit, Begegnungsstätten und Seniorentreffs (SGB XII § 71).' },
  { key: 'youth_club', name: 'Kinder- und Jugendtreff', nameEn: 'Youth club', description: 'Offene Kinder- und Jugendarbeit (SGB VIII § 11).' },
  { key: 'homeless_help', name: 'Wohnungslosenhilfe', nameEn: 'Help for homeless people', description: 'Notunterkünfte, Tagestreffs und Beratung für wohnungslose Menschen (SGB XII §§ 67 ff.).' },
  { key: 'addiction_counselling', name: 'Suchtberatung', nameEn: 'Addiction counselling', description: 'Sucht- und Drogenberatung, Suchtprävention.' },
] as const;

/**
 * Categories for real services that fit none of the core ones (issue 11: "what does not fit gets
 * its own category rather than a wrong one"); the mapping is in importers/service-mapping.ts and
 * docs/data.md.
 */
export const LIST_CATEGORIES = [
  { key: 'public_office', name: 'Amt / Dienststelle', nameEn: 'Public office', description: 'Dienststellen von Sozialamt, Amt für Jugend, Familie und Bildung, Gesundheitsamt und Jobcenter (Behördenwegweiser), soweit sie keine Beratungsstelle oder Wohnungslosenhilfe sind.' },
  { key: 'self_help', name: 'Selbsthilfegruppe', nameEn: 'Self-help group', description: 'Selbsthilfegruppen und -vereine, auch zu chronischen, organischen und neurologischen Krankheiten.' },
  { key: 'psychosocial_help', name: 'Psychosoziale Hilfe', nameEn: 'Psychosocial help', description: 'Vereine für psychosoziale Probleme, psychische Krankheiten und sozialpsychiatrische Hilfen.' },
  { key: 'disability_association', name: 'Behindertenverein', nameEn: 'Disability association', description: 'Vereine von und für Menschen mit Behinderungen.' },
  { key: 'youth_social_work', name: 'Jugendsozialarbeit', nameEn: 'Youth social work', description: 'Jugendsozialarbeit und Kinder- und Jugendschutz (SGB VIII §§ 13, 14).' },
  { key: 'family_association', name: 'Kinder-, Jugend- und Familienverein', nameEn: 'Children, youth and family association', description: 'Vereine der Vereinsdatenbank in der Kategorie Kinder, Jugend und Familie.' },
  { key: 'unemployment_help', name: 'Arbeitsloseninitiative', nameEn: 'Help for unemployed people', description: 'Vereine und Initiativen von und für Arbeitslose.' },
  { key: 'women_association', name: 'Frauenverein', nameEn: "Women's association", description: 'Frauenvereine und -projekte.' },
  { key: 'intercultural_association', name: 'Interkultureller Verein', nameEn: 'Intercultural association', description: 'Interkulturelle Vereine, Migrantenorganisationen.' },
  { key: 'housing_project', name: 'Wohnprojekt', nameEn: 'Housing project', description: 'Wohnprojekte und Vereine zum Thema Wohnen.' },
  { key: 'neighbourhood_association', name: 'Bürgerverein', nameEn: 'Neighbourhood association', description: 'Bürger- und Heimatvereine der Ortsteile.' },
] as const;

/** The managed list of service categories. Keys are stable; the API refers to them. */
export const CATEGORIES = [...CORE_CATEGORIES, ...LIST_CATEGORIES] as const;

export type CoreCategoryKey = (typeof CORE_CATEGORIES)[number]['key'];
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
