// What an indicator is: definition, unit, source and period, from the API's catalogue; and the
// picker that finds one of the 47 by topic and by a search over names, keys and definitions.
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { IndicatorDef } from '../../data/use-layer-values';
import { yearRanges } from '../charts/chart-model';
import { localName } from '../../lib/format';

export const TOPIC_DE: Record<string, string> = {
  DEMOGRAPHY: 'Demografie', EDUCATION: 'Bildung', HEALTH: 'Gesundheit', HOUSING: 'Wohnen',
  INCOME: 'Einkommen', LABOUR: 'Arbeit', MIGRATION: 'Migration', POVERTY: 'Armut / Transferbezug',
};
export const TOPIC_EN: Record<string, string> = {
  DEMOGRAPHY: 'Demography', EDUCATION: 'Education', HEALTH: 'Health', HOUSING: 'Housing',
  INCOME: 'Income', LABOUR: 'Labour', MIGRATION: 'Migration', POVERTY: 'Poverty / benefits',
};
const UNIT_LONG: Record<'de' | 'en', Record<string, string>> = {
  de: { COUNT: 'Anzahl (Personen, Haushalte …)', EUR: 'Euro', EUR_PER_MONTH: 'Euro je Monat', PERCENT: 'Prozent (%); Veränderungen in Prozentpunkten', PER_KM2: 'je km²', PER_THOUSAND: 'je 1.000', RATIO: 'Verhältniszahl', SQUARE_METRE: 'Quadratmeter (m²)', YEARS: 'Jahre' },
  en: { COUNT: 'count (persons, households …)', EUR: 'euro', EUR_PER_MONTH: 'euro per month', PERCENT: 'percent (%); changes in percentage points', PER_KM2: 'per km²', PER_THOUSAND: 'per 1,000', RATIO: 'ratio', SQUARE_METRE: 'square metres (m²)', YEARS: 'years' },
};
const TEXTS = {
  de: {
    search: 'Indikator suchen', searchHint: 'z. B. Armut, Alter, Wohnen', found: (n: number, all: number) => `${n} von ${all} Indikatoren`,
    none: 'Kein Indikator passt. Die Liste zeigt nur den gewählten.', help: 'Definition, Einheit, Quelle, Zeitraum', about: 'Über den Indikator',
    definition: 'Definition', unit: 'Einheit', topic: 'Thema', source: 'Quelle', period: 'Zeitraum', years: (n: number) => (n === 1 ? '1 Jahr' : `${n} Jahre`),
    demo: 'Demo-Daten (erfunden)',
  },
  en: {
    search: 'Find an indicator', searchHint: 'e.g. poverty, age, housing', found: (n: number, all: number) => `${n} of ${all} indicators`,
    none: 'No indicator matches. The list shows only the chosen one.', help: 'Definition, unit, source, period', about: 'About the indicator',
    definition: 'Definition', unit: 'Unit', topic: 'Topic', source: 'Source', period: 'Period', years: (n: number) => (n === 1 ? '1 year' : `${n} years`),
    demo: 'demo data (invented)',
  },
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('de-DE');

/** Indicators whose name, English name, key, topic or definition contain every word of the query. */
export function searchIndicators(indicators: IndicatorDef[], query: string): IndicatorDef[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return indicators;
  return indicators.filter((i) => {
    const text = fold([i.name, i.nameEn ?? '', i.key.replace(/_/g, ' '), TOPIC_DE[i.topic] ?? '', TOPIC_EN[i.topic] ?? '', i.description].join(' '));
    return words.every((w) => text.includes(w));
  });
}

/** "2000–2023 (24 Jahre)", or with holes "2000, 2005–2023 (20 Jahre)". */
export function periodText(years: number[], locale: 'de' | 'en'): string {
  if (!years.length) return '–';
  const all: number[] = [];
  for (let y = years[0]; y <= years[years.length - 1]; y++) all.push(y);
  return `${yearRanges(years, all)} (${TEXTS[locale].years(years.length)})`;
}

/** Definition, unit, topic, source and period of one indicator, as a description list. */
export function IndicatorFacts({ indicator, years }: { indicator: IndicatorDef; years: number[] }) {
  const { locale } = useI18n();
  const x = TEXTS[locale];
  const s = indicator.source;
  return (
    <dl className="facts" data-testid="indicator-facts">
      <dt>{x.definition}</dt>
      {/* the catalogue's definitions are German */}
      <dd lang="de">{indicator.description || '–'}</dd>
      <dt>{x.unit}</dt>
      <dd>{UNIT_LONG[locale][indicator.unit] ?? indicator.unit}</dd>
      <dt>{x.topic}</dt>
      <dd>{(locale === 'en' ? TOPIC_EN : TOPIC_DE)[indicator.topic] ?? indicator.topic}</dd>
      <dt>{x.source}</dt>
      <dd>
        {[s.title, s.publisher].filter(Boolean).join(', ')}
        {s.licence ? ` · ${s.licence}` : ''}
        {s.synthetic ? ` · ${x.demo}` : ''}
      </dd>
      <dt>{x.period}</dt>
      <dd data-testid="indicator-period">{periodText(years, locale)}</dd>
    </dl>
  );
}

/** The help beside the picker and in the legend: closed until asked for. */
export function IndicatorHelp({ indicator, years, inLegend = false }: { indicator: IndicatorDef; years: number[]; inLegend?: boolean }) {
  const { locale } = useI18n();
  return (
    <details className="indicator-help" data-testid={inLegend ? 'legend-help' : 'picker-help'}>
      <summary>{inLegend ? TEXTS[locale].about : TEXTS[locale].help}</summary>
      <IndicatorFacts indicator={indicator} years={years} />
    </details>
  );
}

/**
 * The indicator picker: a search field that narrows the grouped list (the chosen indicator stays
 * in it), Enter takes the first match; the list stays a native select for keyboard and screen readers.
 */
export function IndicatorPicker({ indicators, value, years, onChange }: { indicators: IndicatorDef[]; value: string; years: number[]; onChange: (key: string) => void }) {
  const { t, locale } = useI18n();
  const x = TEXTS[locale];
  const id = useId();
  const [query, setQuery] = useState('');
  const topics = locale === 'en' ? TOPIC_EN : TOPIC_DE;
  const matches = useMemo(() => searchIndicators(indicators, query), [indicators, query]);
  const listed = matches.some((i) => i.key === value) ? matches : [...indicators.filter((i) => i.key === value), ...matches];
  const grouped = new Map<string, IndicatorDef[]>();
  for (const i of listed) grouped.set(i.topic, [...(grouped.get(i.topic) ?? []), i]);
  const name = (i: IndicatorDef) => localName(i, locale);
  const current = indicators.find((i) => i.key === value);
  return (
    <div className="indicator-picker">
      <label htmlFor="indicator-search">{x.search}</label>
      <input
        id="indicator-search"
        type="search"
        value={query}
        placeholder={x.searchHint}
        aria-describedby={`${id}-found`}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            if (matches[0].key !== value) onChange(matches[0].key);
          }
        }}
      />
      <p id={`${id}-found`} className="muted small" role="status" data-testid="indicator-found">
        {query.trim() ? (matches.length ? x.found(matches.length, indicators.length) : x.none) : ''}
      </p>
      <label htmlFor="indicator">{t.indicator}</label>
      <select id="indicator" value={value} onChange={(e) => onChange(e.target.value)}>
        {[...grouped].sort(([a], [b]) => (topics[a] ?? a).localeCompare(topics[b] ?? b)).map(([topic, list]) => (
          <optgroup key={topic} label={topics[topic] ?? topic}>
            {[...list].sort((a, b) => name(a).localeCompare(name(b))).map((i) => (
              <option key={i.key} value={i.key}>{name(i)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      {current && <IndicatorHelp indicator={current} years={years} />}
    </div>
  );
}
