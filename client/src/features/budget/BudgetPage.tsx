// The city's planned budget per product (/haushalt), issue 11: nominal, in real terms on a stated
// inflation assumption, per resident and per person of the target group where one is counted.
// Loaded on demand (React.lazy in main.tsx); the choices live in the URL so a view can be shared.
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Header } from '../../app/Header';
import { I18nProvider, useI18n } from '../../app/i18n';
import { localName, type Locale } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { BUDGET, BUDGET_YEARS } from './queries';
import { useBudgetTexts } from './texts';
import { currentCity, useCities } from '../city/CitySwitcher';

/** Inflation assumptions offered; 2 % is the ECB's medium-term target. null: no assumption. */
export const INFLATION_CHOICES = [null, 1.5, 2, 2.5, 3] as const;
const DEFAULT_INFLATION = 2;

export interface BudgetView {
  year: number | null;
  inflation: number | null;
  lang: Locale;
  /** the city's key, as on the map (`stadt=`); null: the default city */
  city: string | null;
}

export function parseBudgetView(search: string): BudgetView {
  const p = new URLSearchParams(search);
  const year = Number(p.get('jahr'));
  const t = p.get('teuerung');
  const inflation = t === null ? DEFAULT_INFLATION : t === 'keine' ? null : Number(t.replace(',', '.'));
  return {
    year: Number.isInteger(year) && year > 0 ? year : null,
    inflation: inflation === null || INFLATION_CHOICES.includes(inflation as (typeof INFLATION_CHOICES)[number]) ? inflation : DEFAULT_INFLATION,
    lang: p.get('sprache') === 'en' ? 'en' : 'de',
    city: p.get('stadt') || null,
  };
}

export function budgetSearch(view: BudgetView): string {
  const p = new URLSearchParams();
  if (view.year !== null) p.set('jahr', String(view.year));
  if (view.inflation !== DEFAULT_INFLATION) p.set('teuerung', view.inflation === null ? 'keine' : String(view.inflation));
  if (view.city) p.set('stadt', view.city);
  if (view.lang === 'en') p.set('sprache', 'en');
  const s = p.toString();
  return s ? `?${s}` : '';
}

const euros = (amount: string | null | undefined, locale: Locale) =>
  amount == null ? '—' : new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.round(Number(amount)));
const number = (value: number, locale: Locale, digits = 0) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);

export default function BudgetRoute() {
  const [view, setView] = useState(() => parseBudgetView(window.location.search));
  const cityName = currentCity(useCities(), view.city)?.name;
  useEffect(() => {
    document.documentElement.lang = view.lang;
    document.title = `${view.lang === 'en' ? 'Budget' : 'Haushalt'} – Sozialatlas${cityName ? ` ${cityName}` : ''}`;
    const search = budgetSearch(view);
    if (search !== window.location.search) window.history.replaceState(null, '', window.location.pathname + search);
  }, [view, cityName]);
  return (
    <I18nProvider locale={view.lang}>
      <Header lang={view.lang} onLang={(lang) => setView((v) => ({ ...v, lang }))} page="budget" city={view.city} />
      <main id="main" className="editing budget">
        <div id="edit-content" tabIndex={-1}>
          <BudgetView view={view} onChange={(patch) => setView((v) => ({ ...v, ...patch }))} />
        </div>
      </main>
    </I18nProvider>
  );
}

export function BudgetView({ view, onChange }: { view: BudgetView; onChange: (patch: Partial<BudgetView>) => void }) {
  const b = useBudgetTexts();
  const { locale } = useI18n();
  const city = currentCity(useCities(), view.city);
  const cityKey = city ? (city.isDefault ? null : city.key) : view.city;
  // a city without a budget: the API's sentence, never another city's figures
  const noBudget = city?.unavailable.find((u) => u.what === 'BUDGET') ?? null;
  const [years] = useQuery({ query: BUDGET_YEARS, variables: { city: cityKey } });
  const available = years.data?.budgetYears ?? [];
  const year = view.year !== null && available.includes(view.year) ? view.year : (available[0] ?? null);
  const [result] = useQuery({ query: BUDGET, variables: { year: year ?? 0, inflation: view.inflation, city: cityKey }, pause: year === null });
  const budget = result.data?.budget;

  if (noBudget)
    return (
      <p className="notice" role="status" data-testid="budget-unavailable">{locale === 'en' ? noBudget.messageEn : noBudget.message}</p>
    );

  if (years.error || result.error) return <p className="error" role="alert">{b.error}</p>;
  if (years.fetching || (year !== null && !budget && result.fetching)) return <p role="status">{b.loading}</p>;
  if (year === null || !budget) return <p>{b.none}</p>;

  return (
    <section aria-labelledby="budget-title" data-testid="budget">
      <h2 id="budget-title">{b.title}</h2>
      <p>{b.lead(budget.city.name)}</p>
      <div className="budget-controls">
        <label>
          {b.year}{' '}
          <select value={year} onChange={(e) => onChange({ year: Number(e.target.value) })} data-testid="budget-year">
            {available.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          {b.inflation}{' '}
          <select
            value={view.inflation === null ? 'none' : String(view.inflation)}
            onChange={(e) => onChange({ inflation: e.target.value === 'none' ? null : Number(e.target.value) })}
            aria-describedby="budget-inflation-hint"
            data-testid="budget-inflation"
          >
            {INFLATION_CHOICES.map((c) => (
              <option key={String(c)} value={c === null ? 'none' : String(c)}>
                {c === null ? b.inflationNone : b.percent(number(c, locale, 1))}
              </option>
            ))}
          </select>
        </label>
        <p id="budget-inflation-hint" className="muted small">{b.inflationHint}</p>
      </div>

      <dl className="budget-summary" data-testid="budget-summary">
        <div>
          <dt>{b.total}</dt>
          <dd>{formatMoney(budget.planned, locale)}</dd>
        </div>
        <div>
          <dt>{b.real(budget.baseYear)}</dt>
          <dd data-testid="budget-real">
            {budget.real === null ? b.realMissing : formatMoney(budget.real, locale)}
            {budget.real !== null && budget.priceIndexAssumed && budget.priceIndex !== null && (
              <span className="muted small"> ({b.realAssumed(number(budget.priceIndex, locale, 1))})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{b.perResident}</dt>
          <dd>
            {budget.perResident === null ? '—' : formatMoney(budget.perResident, locale)}
            {budget.residents && <span className="muted small"> ({b.residents(number(budget.residents.value, locale), budget.residents.year)})</span>}
          </dd>
        </div>
      </dl>

      <div className="table-scroll">
        <table className="budget-table" data-testid="budget-table">
          <caption>{b.tableCaption(budget.year)}</caption>
          <thead>
            <tr>
              <th scope="col">{b.code}</th>
              <th scope="col">{b.name}</th>
              <th scope="col">{b.office}</th>
              <th scope="col">{b.category}</th>
              <th scope="col" className="num">{b.planned}</th>
              <th scope="col" className="num">{b.realColumn(budget.baseYear)}</th>
              <th scope="col" className="num">{b.perResidentColumn}</th>
              <th scope="col" className="num">{b.perTargetColumn}</th>
            </tr>
          </thead>
          <tbody>
            {budget.products.map((p) => (
              <tr key={p.code} data-code={p.code}>
                <td>{p.code}</td>
                <th scope="row">
                  {p.name}
                  <details>
                    <summary>{b.costTypes}</summary>
                    <ul className="small">
                      {p.costTypes.map((c) => (
                        <li key={c.costType}>
                          {c.costType}: {euros(c.planned, locale)} €
                        </li>
                      ))}
                    </ul>
                  </details>
                </th>
                <td>{p.offices.join(', ')}</td>
                <td>{p.category ? localName(p.category, locale) : b.noCategory}</td>
                <td className="num">{euros(p.planned, locale)}</td>
                <td className="num">{euros(p.real, locale)}</td>
                <td className="num">{p.perResident === null ? '—' : number(Number(p.perResident), locale, 2)}</td>
                <td className="num" title={p.targetNote ?? undefined}>
                  {p.perTargetPerson !== null ? number(Number(p.perTargetPerson), locale, 2) : p.category ? <span className="muted small">{b.noTarget}</span> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{b.method}</h3>
      <p className="small" data-testid="budget-method">{budget.method}</p>
      <p className="small">
        {b.source}: {budget.sources.map((s) => s.attribution).join('; ')}
      </p>
    </section>
  );
}
