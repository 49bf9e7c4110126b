// Category mapping of the real service lists (issue 11, documented in docs/data.md). Rules are
// applied in this order; the first that matches wins. A record none of them matches is not a
// social service for this product (culture, music, sport, environment, …) and is skipped with the
// reason, never put into a wrong category.
import type { CategoryKey } from '../categories';

/** Vereinsdatenbank categories (`ld:hasCategories`, also comma-joined in one string) → category, by priority. */
export const VEREIN_CATEGORY_RULES: [CategoryKey, string[]][] = [
  ['addiction_counselling', ['Suchthilfe', 'Sucht/Abhängigkeit', 'Suchtberatungs- und Behandlungsstellen']],
  ['psychosocial_help', ['Psychosoziale und soziale Probleme', 'Sozialpsychiatrische Hilfen', 'Psychische Krankheiten', 'Sozialpsychiatrischer Dienst', 'Komplementäre Versorgung', 'Stationäre Hilfen']],
  ['disability_association', ['Behindertenvereine', 'Behinderungen']],
  ['self_help', ['Selbsthilfegruppen', 'Selbsthilfe', 'Organische Krankheiten', 'Neurologische Krankheiten']],
  ['senior_meeting', ['Seniorenvereine']],
  ['youth_social_work', ['Jugendsozialarbeit', 'Kinder- und Jugendschutz']],
  ['family_association', ['Kinder, Jugend und Familie', 'Jugend und Familie', 'Kinder']],
  ['unemployment_help', ['Arbeitslose']],
  ['women_association', ['Frauenvereine']],
  ['intercultural_association', ['Interkulturelle Vereine']],
  ['housing_project', ['Wohnprojekte', 'Wohnen']],
  ['neighbourhood_association', ['Bürgervereine']],
];

/** Categories of the lists that are deliberately not imported (not social services in this product's sense). */
export const NOT_SOCIAL = [
  'Kulturvereine', 'Musik', 'Bildende Kunst', 'Literatur', 'Tanz und Theater', 'Medien', 'Museum', 'Karneval',
  'Kleingärtnervereine', 'Umwelt und Stadtgrün', 'Stadtgeschichte und Heimatpflege', 'Bildung und Freizeit',
  'Kinder- und Jugendkultur', 'Sozio- und Stadtteilkultur', 'Prävention',
];

/** Splits `ld:hasCategories` values; some hold several categories joined by ", " (but "Kinder, Jugend und Familie" is one). */
export function splitCategories(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const protectedValue = v.replace(/Kinder, Jugend und Familie/g, 'Kinder§ Jugend und Familie');
    for (const part of protectedValue.split(/,\s*/)) {
      const p = part.replace('§', ',').trim();
      if (p && !out.includes(p)) out.push(p);
    }
  }
  return out;
}

/** The category of a Verein by its list categories, or null with the categories that did not fit. */
export function mapVereinCategories(categories: string[]): { key: CategoryKey | null; unmapped: string[] } {
  for (const [key, names] of VEREIN_CATEGORY_RULES) if (categories.some((c) => names.includes(c))) return { key, unmapped: [] };
  return { key: null, unmapped: categories };
}

/** Top-level units of the Behördenwegweiser that are social or youth units; others are skipped. */
export const SOCIAL_UNITS = [
  'Amt für Jugend, Familie und Bildung', 'Gesundheitsamt', 'Sozialamt', 'Jobcenter Leipzig', 'Jobcenter Leipzig Projekt ELAN',
  'Referat für Migration und Integration', 'Beauftragte für Senioren und Menschen mit Behinderungen (Referat)',
  'Wirtschaftliche Jugendhilfe/ Kindertagesstätten', 'Wirtschaftliche Jugendhilfe/Grundsatzfragen', 'Wirtschaftliche Jugendhilfe/ Hilfen zur Erziehung',
  'Kinder- und Jugendärztlicher Dienst', 'Projektgruppe Asylräume', 'Dezernat Jugend / Soziales / Gesundheit und Schule',
];

/**
 * A Behördenwegweiser unit by the words of its name and hierarchy: Sucht… → addiction_counselling;
 * Wohnungsnotfall/Wohnungslos/Wohnhilfe/Notunterkunft → homeless_help; …beratung → counselling;
 * every other social or youth unit → public_office.
 */
export function mapOfficeUnit(name: string, hierarchy: string[]): CategoryKey {
  const text = [name, ...hierarchy.slice(1)].join(' / ').toLowerCase();
  if (/sucht|drogen/.test(text)) return 'addiction_counselling';
  if (/wohnungsnotfall|wohnungslos|wohnhilfe|notunterkunft|obdach/.test(text)) return 'homeless_help';
  if (/beratung/.test(name.toLowerCase())) return 'counselling';
  return 'public_office';
}
