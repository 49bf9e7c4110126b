// Declarative mapping of the Leipzig kdvalues files to indicators. The importer guesses nothing:
// a sub-indicator that is not listed here is reported and skipped. Keys are English snake case and
// are what the API, the need index and the analyses refer to.
//
// Aggregation (Ortsteil → Stadtbezirk → city), see prisma/src/domain/aggregate.ts:
//   SUM            counts add up;
//   WEIGHTED_MEAN  Σ(value·weight)/Σweight with the `denominator` indicator as weight, same year;
//   NOT_DERIVABLE  medians, densities: no Stadtbezirk/city values are derived.
//   RATIO_OF_COUNTS  Σ numerator / Σ denominator × 100 (PERCENT) or × 1 (RATIO): used wherever
//                  both counts of a rate are published per Ortsteil (the true denominator).
// Where the true denominator of a rate is not published per Ortsteil we weight by a proxy
// (total population), flag it (`denominatorProxy`) and say so in the description: such derived
// values are approximations.
import type { AggregationRule, IndicatorTopic, IndicatorUnit, Polarity } from '@sozialatlas/db';

export interface IndicatorDef {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  unit: IndicatorUnit;
  topic: IndicatorTopic;
  polarity: Polarity;
  aggregation: AggregationRule;
  /** for WEIGHTED_MEAN: key of the weighting indicator; for RATIO_OF_COUNTS: the denominator */
  denominator?: string;
  /** for RATIO_OF_COUNTS: key of the numerator (a count) */
  numerator?: string;
  /** true when the denominator is a stand-in for the one in the definition (derived values are approximations) */
  denominatorProxy?: boolean;
}

export interface FileMapping {
  /** file name in seed/data/leipzig */
  file: string;
  /**
   * When two files provide the same indicator key, the file with the higher priority wins for
   * that key (all years); the other file's rows are reported as skipped and compared.
   */
  priority: number;
  /** sub-indicator name exactly as in the file → indicator key */
  subIndicators: Record<string, string>;
}

const SUM_NOTE = 'Stadtbezirk und Stadt: Summe der Ortsteile.';
const popProxy = (trueDenominator: string) =>
  `Stadtbezirk und Stadt: mit der Einwohnerzahl gewichtetes Mittel der Ortsteilwerte. Näherung: der eigentliche Nenner (${trueDenominator}) wird je Ortsteil nicht veröffentlicht, deshalb wird mit allen Einwohnern gewichtet; Ortsteilwerte sind auf ganze Zahlen gerundet veröffentlicht.`;
const NOT_DERIVABLE_NOTE = 'Nicht aus Ortsteilwerten ableitbar: es werden keine Werte für Stadtbezirk und Stadt berechnet.';

const count = (
  key: string,
  name: string,
  nameEn: string,
  description: string,
  topic: IndicatorTopic,
  polarity: Polarity = 'NEUTRAL',
): IndicatorDef => ({ key, name, nameEn, description: `${description} ${SUM_NOTE}`, unit: 'COUNT', topic, polarity, aggregation: 'SUM' });

export const INDICATORS: IndicatorDef[] = [
  // Demografie (Kategorie 2, Rubrik 1)
  count('population', 'Einwohner insgesamt', 'Residents, total', 'Einwohner mit Hauptwohnsitz am 31.12.', 'DEMOGRAPHY'),
  count('population_male', 'Einwohner, Männer', 'Residents, male', 'Männliche Einwohner mit Hauptwohnsitz.', 'DEMOGRAPHY'),
  count('population_female', 'Einwohner, Frauen', 'Residents, female', 'Weibliche Einwohner mit Hauptwohnsitz.', 'DEMOGRAPHY'),
  count('population_german', 'Einwohner, Deutsche', 'Residents, German citizens', 'Einwohner mit deutscher Staatsangehörigkeit.', 'DEMOGRAPHY'),
  count('foreigners', 'Einwohner, Ausländer', 'Residents, foreign citizens', 'Einwohner ohne deutsche Staatsangehörigkeit (Einwohnerstatistik, Rubrik Einwohner insgesamt).', 'MIGRATION'),
  // Altersstruktur (Kategorie 2, Rubrik 3)
  {
    key: 'mean_age', name: 'Durchschnittsalter', nameEn: 'Mean age', unit: 'YEARS', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population',
    description: 'Durchschnittsalter der Einwohner in Jahren (auf ganze Jahre gerundet veröffentlicht). Stadtbezirk und Stadt: mit der Einwohnerzahl gewichtetes Mittel (der richtige Nenner; Abweichung nur durch Rundung).',
  },
  {
    key: 'youth_ratio', name: 'Jugendquote', nameEn: 'Youth dependency ratio', unit: 'RATIO', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Unter 15-Jährige je 100 Einwohner von 15 bis unter 65 Jahren. ${popProxy('Einwohner von 15 bis unter 65 Jahren')}`,
  },
  {
    key: 'old_age_ratio', name: 'Altenquote', nameEn: 'Old-age dependency ratio', unit: 'RATIO', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Einwohner ab 65 Jahren je 100 Einwohner von 15 bis unter 65 Jahren. ${popProxy('Einwohner von 15 bis unter 65 Jahren')}`,
  },
  // Migration (Kategorie 2, Rubrik 5)
  count('migrants', 'Einwohner mit Migrationshintergrund', 'Residents with a migration background', 'Ausländer und Deutsche mit Migrationshintergrund.', 'MIGRATION'),
  count('migrants_foreigners', 'Ausländer (Migrationsstatistik)', 'Foreign citizens (migration statistics)', 'Ausländer laut Rubrik Migranten; weicht wegen anderer Abgrenzung leicht von `foreigners` ab.', 'MIGRATION'),
  count('germans_with_migration_background', 'Deutsche mit Migrationshintergrund', 'Germans with a migration background', 'Deutsche Staatsangehörige mit Migrationshintergrund.', 'MIGRATION'),
  count('dual_citizens', 'Mehrstaater', 'Dual citizens', 'Deutsche mit weiterer Staatsangehörigkeit.', 'MIGRATION'),
  count('late_repatriates', 'Spätaussiedler', 'Late repatriates (Spätaussiedler)', 'Spätaussiedler und ihre Familienangehörigen.', 'MIGRATION'),
  count('eu_foreigners', 'EU-Ausländer', 'EU citizens (non-German)', 'Einwohner mit Staatsangehörigkeit eines anderen EU-Staates.', 'MIGRATION'),
  {
    key: 'migrant_share', name: 'Migrantenanteil', nameEn: 'Share of residents with a migration background', unit: 'PERCENT', topic: 'MIGRATION', polarity: 'NEUTRAL',
    aggregation: 'RATIO_OF_COUNTS', numerator: 'migrants', denominator: 'population',
    description: 'Anteil der Einwohner mit Migrationshintergrund an allen Einwohnern in Prozent (ganzzahlig veröffentlicht). Stadtbezirk und Stadt: Einwohner mit Migrationshintergrund ÷ Einwohner × 100 aus den Summen der Ortsteile (Quotient zweier Anzahlen, der richtige Nenner; ungerundet).',
  },
  {
    key: 'foreigner_share', name: 'Ausländeranteil', nameEn: 'Share of foreign citizens', unit: 'PERCENT', topic: 'MIGRATION', polarity: 'NEUTRAL',
    aggregation: 'RATIO_OF_COUNTS', numerator: 'foreigners', denominator: 'population',
    description: 'Anteil der Ausländer an allen Einwohnern in Prozent (ganzzahlig veröffentlicht). Stadtbezirk und Stadt: Ausländer ÷ Einwohner × 100 aus den Summen der Ortsteile (Quotient zweier Anzahlen, der richtige Nenner; ungerundet).',
  },
  // Einwohnerdichte (Kategorie 2, Rubrik 9)
  {
    key: 'population_density', name: 'Einwohnerdichte', nameEn: 'Population density', unit: 'PER_KM2', topic: 'HOUSING', polarity: 'NEUTRAL',
    aggregation: 'NOT_DERIVABLE',
    description: `Einwohner je km² Fläche, wie vom Amt für Statistik veröffentlicht. ${NOT_DERIVABLE_NOTE} Für größere Gebiete: population / area_km2.`,
  },
  // Arbeitslose (Kategorie 7, Rubrik 3)
  count('unemployed', 'Arbeitslose insgesamt', 'Registered unemployed, total', 'Bei der Bundesagentur für Arbeit registrierte Arbeitslose.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_male', 'Arbeitslose, Männer', 'Registered unemployed, male', 'Registrierte arbeitslose Männer.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_female', 'Arbeitslose, Frauen', 'Registered unemployed, female', 'Registrierte arbeitslose Frauen.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_under_25', 'Arbeitslose unter 25 Jahren', 'Registered unemployed under 25', 'Registrierte Arbeitslose unter 25 Jahren.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_over_55', 'Arbeitslose über 55 Jahre', 'Registered unemployed over 55', 'Registrierte Arbeitslose über 55 Jahre.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_foreigners', 'Arbeitslose Ausländer', 'Registered unemployed, foreign citizens', 'Registrierte Arbeitslose ohne deutsche Staatsangehörigkeit.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('long_term_unemployed', 'Langzeitarbeitslose', 'Long-term unemployed', 'Registrierte Arbeitslose, die ein Jahr und länger arbeitslos sind.', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_sgb2', 'Arbeitslose nach SGB II', 'Registered unemployed under SGB II', 'Arbeitslose im Rechtskreis SGB II (Jobcenter).', 'LABOUR', 'HIGHER_IS_WORSE'),
  count('unemployed_sgb3', 'Arbeitslose nach SGB III', 'Registered unemployed under SGB III', 'Arbeitslose im Rechtskreis SGB III (Agentur für Arbeit).', 'LABOUR', 'HIGHER_IS_WORSE'),
  {
    key: 'unemployment_rate', name: 'Arbeitslosenanteil an den Erwerbsfähigen', nameEn: 'Unemployed as share of working-age residents', unit: 'PERCENT', topic: 'LABOUR', polarity: 'HIGHER_IS_WORSE',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Arbeitslose in Prozent der Einwohner im erwerbsfähigen Alter (15 bis unter 65 Jahre); keine amtliche Arbeitslosenquote. ${popProxy('Einwohner von 15 bis unter 65 Jahren')}`,
  },
  // SGB II (Kategorie 4, Rubrik 4; ältere Rubrik 3 „mit Kindern“ deckt dieselben Merkmale ab)
  count('sgb2_households', 'Bedarfsgemeinschaften (SGB II)', 'SGB II benefit households', 'Bedarfsgemeinschaften in der Grundsicherung für Arbeitsuchende (SGB II).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_households_single_person', 'Bedarfsgemeinschaften mit 1 Person', 'SGB II single-person households', 'Bedarfsgemeinschaften aus einer Person.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_households_with_children', 'Bedarfsgemeinschaften mit Kindern', 'SGB II households with children', 'Bedarfsgemeinschaften mit minderjährigen Kindern.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_single_parent_households', 'Alleinerziehende Bedarfsgemeinschaften (SGB II)', 'SGB II single-parent households', 'Bedarfsgemeinschaften von Alleinerziehenden (Merkmal „Alleinerziehende“).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_persons', 'Personen in Bedarfsgemeinschaften', 'Persons in SGB II households', 'Alle Personen in Bedarfsgemeinschaften, auch nicht leistungsberechtigte.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_recipients', 'Leistungsberechtigte (SGB II)', 'SGB II recipients', 'Leistungsberechtigte Personen nach SGB II.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_employable', 'Erwerbsfähige Leistungsberechtigte', 'Employable SGB II recipients', 'Erwerbsfähige Leistungsberechtigte (15 Jahre bis Rentenalter).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_employable_under_25', 'Erwerbsfähige Leistungsberechtigte unter 25 Jahren', 'Employable SGB II recipients under 25', 'Erwerbsfähige Leistungsberechtigte unter 25 Jahren.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_employable_25_54', 'Erwerbsfähige Leistungsberechtigte 25 bis unter 55 Jahre', 'Employable SGB II recipients aged 25–54', 'Erwerbsfähige Leistungsberechtigte von 25 bis unter 55 Jahren (in der Quelle „25 bis unter 55 ahre“).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_employable_55_plus', 'Erwerbsfähige Leistungsberechtigte ab 55 Jahren', 'Employable SGB II recipients 55 and over', 'Erwerbsfähige Leistungsberechtigte ab 55 Jahren.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_employable_foreigners', 'Ausländer unter den Leistungsberechtigten', 'Foreign citizens among SGB II recipients', 'Merkmal „Ausländer“ der SGB-II-Statistik (Aufgliederung der erwerbsfähigen Leistungsberechtigten).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_non_employable', 'Nicht erwerbsfähige Leistungsberechtigte', 'Non-employable SGB II recipients', 'Nicht erwerbsfähige Leistungsberechtigte (überwiegend Kinder unter 15 Jahren).', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_children_under_15', 'Leistungsberechtigte unter 15 Jahren', 'SGB II recipients under 15', 'Leistungsberechtigte Kinder unter 15 Jahren.', 'POVERTY', 'HIGHER_IS_WORSE'),
  count('sgb2_non_recipients', 'Nicht Leistungsberechtigte in Bedarfsgemeinschaften', 'Non-entitled members of SGB II households', 'Personen in Bedarfsgemeinschaften ohne eigenen Leistungsanspruch.', 'POVERTY', 'NEUTRAL'),
  {
    key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: 'SGB II rate', unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Leistungsberechtigte nach SGB II in Prozent der Einwohner unter 65 Jahren (ganzzahlig veröffentlicht). ${popProxy('Einwohner unter 65 Jahren')}`,
  },
  {
    key: 'sgb2_employable_rate', name: 'SGB II: Anteil an den Erwerbsfähigen', nameEn: 'Employable SGB II recipients as share of working-age residents', unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Erwerbsfähige Leistungsberechtigte in Prozent der Einwohner von 15 bis unter 65 Jahren. ${popProxy('Einwohner von 15 bis unter 65 Jahren')}`,
  },
  {
    key: 'sgb2_child_share', name: 'SGB II: Anteil an Kindern', nameEn: 'Children under 15 receiving SGB II (share)', unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE',
    aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true,
    description: `Leistungsberechtigte unter 15 Jahren in Prozent aller Kinder unter 15 Jahren (Kinderarmut). ${popProxy('Kinder unter 15 Jahren')}`,
  },
  {
    key: 'sgb2_persons_per_household', name: 'Personen je Bedarfsgemeinschaft', nameEn: 'Persons per SGB II household', unit: 'RATIO', topic: 'POVERTY', polarity: 'NEUTRAL',
    aggregation: 'RATIO_OF_COUNTS', numerator: 'sgb2_persons', denominator: 'sgb2_households',
    description: 'Durchschnittliche Zahl der Personen je Bedarfsgemeinschaft (in der Quelle ganzzahlig gerundet, daher grob). Stadtbezirk und Stadt: Personen in Bedarfsgemeinschaften ÷ Bedarfsgemeinschaften aus den Summen der Ortsteile (Quotient zweier Anzahlen, ungerundet).',
  },
  // Einkommen (Kategorie 9, Rubrik 1; Bürgerumfrage)
  {
    key: 'household_income_median', name: 'Haushaltsnettoeinkommen (Median)', nameEn: 'Median net household income', unit: 'EUR_PER_MONTH', topic: 'INCOME', polarity: 'HIGHER_IS_BETTER',
    aggregation: 'NOT_DERIVABLE',
    description: `Median des monatlichen Haushaltsnettoeinkommens in Euro aus der Kommunalen Bürgerumfrage (Stichprobe, nicht jedes Jahr). ${NOT_DERIVABLE_NOTE}`,
  },
  {
    key: 'personal_income_median', name: 'Persönliches Nettoeinkommen (Median)', nameEn: 'Median personal net income', unit: 'EUR_PER_MONTH', topic: 'INCOME', polarity: 'HIGHER_IS_BETTER',
    aggregation: 'NOT_DERIVABLE',
    description: `Median des monatlichen persönlichen Nettoeinkommens in Euro aus der Kommunalen Bürgerumfrage (Stichprobe, nicht jedes Jahr). ${NOT_DERIVABLE_NOTE}`,
  },
];

/** Additive relation of the catalogue: total = Σ parts in every area and year. */
export interface RelationDef {
  total: string;
  parts: string[];
}

/**
 * Additive relations that hold in the shipped data (checked on 2000–2023, docs/data.md: the
 * population splits exactly; the others in all but a few cells). Secondary suppression protects
 * them (aggregate.ts). Not declared: SGB II recipients = employable + non-employable and persons =
 * recipients + non-recipients, whose sums miss by 1–5 in about 45 % of cells.
 */
export const RELATIONS: RelationDef[] = [
  { total: 'population', parts: ['population_male', 'population_female'] },
  { total: 'population', parts: ['population_german', 'foreigners'] },
  { total: 'unemployed', parts: ['unemployed_male', 'unemployed_female'] },
  { total: 'unemployed', parts: ['unemployed_sgb2', 'unemployed_sgb3'] },
  { total: 'migrants', parts: ['migrants_foreigners', 'germans_with_migration_background'] },
  { total: 'sgb2_employable', parts: ['sgb2_employable_under_25', 'sgb2_employable_25_54', 'sgb2_employable_55_plus'] },
];

const SGB2: Record<string, string> = {
  Bedarfsgemeinschaften: 'sgb2_households',
  'mit 1 Person': 'sgb2_households_single_person',
  'mit Kindern': 'sgb2_households_with_children',
  'Personen in Bedarfsgemeinschaften': 'sgb2_persons',
  'SGB-II-Quote': 'sgb2_rate',
  Leistungsberechtigte: 'sgb2_recipients',
  'Erwerbsfähige Leistungsberechtigte': 'sgb2_employable',
  'Anteil an den Erwerbsfähigen': 'sgb2_employable_rate',
  'unter 25 Jahre': 'sgb2_employable_under_25',
  '25 bis unter 55 ahre': 'sgb2_employable_25_54',
  '55 Jahre und älter': 'sgb2_employable_55_plus',
  Alleinerziehende: 'sgb2_single_parent_households',
  Ausländer: 'sgb2_employable_foreigners',
  Nichterwerbsfähige: 'sgb2_non_employable',
  'unter 15 Jahre': 'sgb2_children_under_15',
  'Anteil an Kindern': 'sgb2_child_share',
  'Nicht Leistungsberechtigte': 'sgb2_non_recipients',
  'Personen je Bedarfsgemeinschaft': 'sgb2_persons_per_household',
  // Deliberately not mapped (reported as unmapped):
  //   "Leistungen": the unit (EUR per month? per household? total?) is not documented.
  //   "Männer", "Frauen": 126 rows per year, two per Ortsteil: ambiguous, reported as such.
};

export const FILES: FileMapping[] = [
  {
    file: 'leipzig-einwohner-insgesamt.json',
    priority: 1,
    subIndicators: {
      'Einwohner insgesamt': 'population',
      Männer: 'population_male',
      Frauen: 'population_female',
      Deutsche: 'population_german',
      Ausländer: 'foreigners',
    },
  },
  {
    file: 'leipzig-jugendquote.json',
    priority: 1,
    subIndicators: { Jugendquote: 'youth_ratio', Altenquote: 'old_age_ratio', Durchschnittsalter: 'mean_age' },
  },
  {
    file: 'leipzig-migranten.json',
    priority: 1,
    subIndicators: {
      Migranten: 'migrants',
      Ausländer: 'migrants_foreigners',
      'Deutsche mit Migrationshintergrund': 'germans_with_migration_background',
      Mehrstaater: 'dual_citizens',
      Spätaussiedler: 'late_repatriates',
      Migrantenanteil: 'migrant_share',
      Ausländeranteil: 'foreigner_share',
      'EU-Ausländer': 'eu_foreigners',
    },
  },
  { file: 'leipzig-einwohnerdichte.json', priority: 1, subIndicators: { Einwohnerdichte: 'population_density' } },
  {
    file: 'leipzig-arbeitslose-insgesamt.json',
    priority: 1,
    subIndicators: {
      'Arbeitslose insgesamt': 'unemployed',
      Männer: 'unemployed_male',
      Frauen: 'unemployed_female',
      'unter 25 Jahre': 'unemployed_under_25',
      'über 55 Jahre': 'unemployed_over_55',
      Ausländer: 'unemployed_foreigners',
      Langzeitarbeitslose: 'long_term_unemployed',
      'Anteil an den Erwerbsfähigen': 'unemployment_rate',
      'nach SGB II': 'unemployed_sgb2',
      'nach SGB III': 'unemployed_sgb3',
      // Not mapped: the education breakdown ("ohne Berufsausbildung", "mit Abitur", …, 5 years only)
      // mixes what look like percentages (Holzhausen 23 + 56 + 20 = 99) with counts: unit unclear.
    },
  },
  // The newer rubric (Kategorie 4, Rubrik 4, 2008–2022) wins over the older one (Rubrik 3,
  // 2008–2021) for every key both provide; the importer compares the overlapping values.
  { file: 'leipzig-bedarfsgemeinschaften.json', priority: 2, subIndicators: SGB2 },
  { file: 'leipzig-mit-kindern.json', priority: 1, subIndicators: SGB2 },
  {
    file: 'leipzig-haushaltseinkommen.json',
    priority: 1,
    subIndicators: { Haushaltseinkommen: 'household_income_median', 'Persönliches Einkommen': 'personal_income_median' },
  },
];
