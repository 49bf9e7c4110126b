import { useI18n } from '../../app/i18n';

const de = {
  title: 'Haushalt: Planansätze für Soziales, Jugend und Gesundheit',
  lead: (city: string) =>
    `Was die Stadt ${city} im Ergebnishaushalt je Produkt plant. Das sind Planansätze für ein Aufgabenfeld, keine Zuwendungen an einzelne Träger: Förderungen je Angebot stehen getrennt davon im Atlas (dort Demo-Daten).`,
  year: 'Planjahr',
  inflation: 'Angenommene Teuerung je Jahr nach dem letzten veröffentlichten Preisindex',
  inflationNone: 'keine Annahme',
  inflationHint: 'Für Planjahre gibt es noch keinen Verbraucherpreisindex. Ohne Annahme werden keine realen Werte gezeigt.',
  total: 'Summe aller Produkte',
  real: (base: number) => `real, in Preisen von ${base}`,
  realAssumed: (index: string) => `mit angenommenem Preisindex ${index}`,
  realMissing: 'real: nicht berechnet (kein Preisindex für das Planjahr, keine Annahme)',
  perResident: 'je Einwohner',
  residents: (n: string, year: number) => `${n} Einwohner, Stand ${year}`,
  tableCaption: (year: number) => `Produkte ${year}, nach Planansatz geordnet`,
  code: 'Produkt',
  name: 'Bezeichnung',
  office: 'Amt',
  category: 'Angebotsart',
  planned: 'Planansatz (€)',
  realColumn: (base: number) => `real (€, Preise ${base})`,
  perResidentColumn: '€ je Einwohner',
  perTargetColumn: '€ je Person der Zielgruppe',
  noTarget: 'keine Zählung der Zielgruppe',
  noCategory: '—',
  costTypes: 'Kostenarten',
  method: 'Methode',
  source: 'Quelle',
  loading: 'Wird geladen …',
  error: 'Der Haushalt konnte nicht geladen werden.',
  none: 'Für diese Stadt ist kein Haushalt hinterlegt.',
  percent: (v: string) => `${v} %`,
};

const en: typeof de = {
  title: 'Budget: planned amounts for social affairs, youth and health',
  lead: (city: string) =>
    `What the city of ${city} plans per product in its budget (Ergebnishaushalt). These are planned amounts for a field of work, not grants to individual providers: funding per service is shown separately in the atlas (there as demo data).`,
  year: 'Plan year',
  inflation: 'Assumed yearly inflation after the last published price index',
  inflationNone: 'no assumption',
  inflationHint: 'Plan years have no consumer price index yet. Without an assumption no real figures are shown.',
  total: 'All products',
  real: (base: number) => `real, in prices of ${base}`,
  realAssumed: (index: string) => `with an assumed price index of ${index}`,
  realMissing: 'real: not computed (no price index for the plan year, no assumption)',
  perResident: 'per resident',
  residents: (n: string, year: number) => `${n} residents, as of ${year}`,
  tableCaption: (year: number) => `Products ${year}, largest planned amount first`,
  code: 'Product',
  name: 'Name',
  office: 'Office',
  category: 'Service category',
  planned: 'Planned (€)',
  realColumn: (base: number) => `real (€, prices of ${base})`,
  perResidentColumn: '€ per resident',
  perTargetColumn: '€ per person of the target group',
  noTarget: 'target group not counted',
  noCategory: '—',
  costTypes: 'Cost types',
  method: 'Method',
  source: 'Source',
  loading: 'Loading …',
  error: 'The budget could not be loaded.',
  none: 'No budget is stored for this city.',
  percent: (v: string) => `${v} %`,
};

export function useBudgetTexts() {
  const { locale } = useI18n();
  return locale === 'en' ? en : de;
}
