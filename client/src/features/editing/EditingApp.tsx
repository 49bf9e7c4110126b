// The editing area for planners (/bearbeiten) and the login page (/anmelden). Loaded on demand
// (React.lazy in main.tsx), so the map's first load does not carry the forms.
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useQuery } from 'urql';
import { Header, loginHref } from '../../app/Header';
import { I18nProvider, useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import { LoginPage } from '../auth/LoginPage';
import { canEdit, useViewer, type Viewer } from '../auth/use-viewer';
import { MeasureForm } from './MeasureEditor';
import { ProviderEditor } from './ProviderEditor';
import { ServiceEditor } from './ServiceEditor';
import { SECTIONS, navSearch, parseNav, type EditNav, type LinkTo, type Section } from './nav';
import { EDIT_LOOKUPS, EDIT_MEASURES, EDIT_PLANS, EDIT_PROVIDERS, EDIT_SERVICES } from './queries';
import type { Lookups } from './types';
import { localName } from '../../lib/format';

const langOf = (search: string): 'de' | 'en' => (new URLSearchParams(search).get('sprache') === 'en' ? 'en' : 'de');

export default function EditingRoute({ page }: { page: 'edit' | 'login' }) {
  const [lang, setLang] = useState(() => langOf(window.location.search));
  useEffect(() => {
    document.documentElement.lang = lang;
    const p = new URLSearchParams(window.location.search);
    if (lang === 'en') p.set('sprache', 'en');
    else p.delete('sprache');
    const search = p.toString() ? `?${p.toString()}` : '';
    if (search !== window.location.search) window.history.replaceState(null, '', window.location.pathname + search);
  }, [lang]);
  const { viewer, fetching, error } = useViewer();
  useEffect(() => {
    const title = { edit: { de: 'Daten bearbeiten', en: 'Edit data' }, login: { de: 'Anmelden', en: 'Sign in' } }[page][lang];
    document.title = `${title} – Sozialatlas`;
  }, [page, lang]);
  return (
    <I18nProvider locale={lang}>
      <Header lang={lang} onLang={setLang} page={page} />
      <main id="main" className="editing">
        <div id="edit-content" tabIndex={-1}>
          {page === 'login' ? (
            fetching && !viewer ? <Loading /> : <LoginPage viewer={viewer} lang={lang} />
          ) : (
            <Gate viewer={viewer} loading={fetching && !viewer} failed={error} lang={lang} />
          )}
        </div>
      </main>
    </I18nProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t.loading}</p>;
}

/** Anonymous visitors and roles without the right see why, and no form. */
function Gate({ viewer, loading, failed, lang }: { viewer: Viewer | null; loading: boolean; failed: boolean; lang: 'de' | 'en' }) {
  const { t } = useI18n();
  const e = useEditTexts();
  if (loading) return <Loading />;
  if (failed || !viewer) return <p className="error" role="alert">{t.error}</p>;
  if (viewer.role === 'ANONYMOUS') {
    return (
      <section className="login" aria-labelledby="gate-title" data-testid="login-prompt">
        <h2 id="gate-title">{e.title}</h2>
        <p>{e.loginFirst}</p>
        <p>
          <a href={loginHref(lang)} className="button primary">{t.login}</a>
        </p>
      </section>
    );
  }
  if (!canEdit(viewer)) {
    return (
      <section className="login" aria-labelledby="gate-title" data-testid="no-role">
        <h2 id="gate-title">{e.title}</h2>
        <p>{e.roleMissing(viewer.roles.map((r) => t.roleNames[r] ?? r).join(', '))}</p>
      </section>
    );
  }
  return <EditingArea lang={lang} />;
}

function EditingArea({ lang }: { lang: 'de' | 'en' }) {
  const { t } = useI18n();
  const e = useEditTexts();
  const [nav, setNav] = useState(() => parseNav(window.location.search));
  // a new value each time the planner opens a record from a list; a record just created stays open
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setNav(parseNav(window.location.search));
      setOpened((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback(
    (next: EditNav, { reopen = true, replace = false } = {}) => {
      setNav(next);
      if (reopen) setOpened((n) => n + 1);
      const url = `/bearbeiten${navSearch(next, lang)}`;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    },
    [lang],
  );
  const linkTo: LinkTo = useCallback(
    (patch) => {
      const next = { ...nav, ...patch };
      return {
        href: `/bearbeiten${navSearch(next, lang)}`,
        onClick: (ev: MouseEvent) => {
          if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
          ev.preventDefault();
          go(next);
        },
      };
    },
    [nav, lang, go],
  );
  const created = useCallback((id: number) => go({ ...nav, id }, { reopen: false, replace: true }), [nav, go]);

  const [{ data, error }] = useQuery({ query: EDIT_LOOKUPS });
  const lookups = useMemo<Lookups | null>(
    () => (data ? { categories: data.serviceCategories, providers: data.providers.nodes, districts: [...data.areas.nodes].sort((a, b) => a.name.localeCompare(b.name, 'de')) } : null),
    [data],
  );

  const sectionLabel: Record<Section, string> = { angebote: e.services, traeger: e.providers, massnahmen: e.measures };
  return (
    <div className="edit-area">
      <div className="edit-head">
        <h2 className="edit-title">{e.title}</h2>
        <nav aria-label={e.sections}>
          <ul className="tabs">
            {SECTIONS.map((s) => (
              <li key={s}>
                <a {...linkTo({ section: s, id: null, plan: null })} aria-current={nav.section === s ? 'page' : undefined} data-testid={`section-${s}`}>
                  {sectionLabel[s]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {error && <p className="error" role="alert">{t.error}</p>}
      {!lookups ? (
        !error && <Loading />
      ) : nav.section === 'angebote' ? (
        <ServicesPane nav={nav} lookups={lookups} linkTo={linkTo} opened={opened} onCreated={created} />
      ) : nav.section === 'traeger' ? (
        <ProvidersPane nav={nav} linkTo={linkTo} opened={opened} onCreated={created} />
      ) : (
        <MeasuresPane nav={nav} lookups={lookups} linkTo={linkTo} opened={opened} onCreated={created} go={go} />
      )}
    </div>
  );
}

interface PaneProps {
  nav: EditNav;
  linkTo: LinkTo;
  opened: number;
  onCreated: (id: number) => void;
}

const LIST_CONTEXT = { additionalTypenames: ['Service', 'Provider', 'Measure', 'RetireResult'] };

function ServicesPane({ nav, lookups, linkTo, opened, onCreated }: PaneProps & { lookups: Lookups }) {
  const { t, locale } = useI18n();
  const e = useEditTexts();
  const categories = useMemo(() => [...lookups.categories].sort((a, b) => a.name.localeCompare(b.name, 'de')), [lookups]);
  const [category, setCategory] = useState(categories[0]?.key ?? '');
  const [filter, setFilter] = useState('');
  const [{ data, error }] = useQuery({
    query: EDIT_SERVICES,
    variables: { categoryKeys: category ? [category] : null },
    context: useMemo(() => LIST_CONTEXT, []),
  });
  const needle = filter.trim().toLocaleLowerCase('de');
  const items = [...(data?.services.nodes ?? [])].filter((s) => !needle || s.name.toLocaleLowerCase('de').includes(needle)).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <div className="edit-layout">
      <section className="edit-list-panel" aria-labelledby="svc-list-title">
        <h2 id="svc-list-title">{e.services}</h2>
        <p>
          <a {...linkTo({ id: 'neu' })} className="button primary" data-testid="new">{e.newService}</a>
        </p>
        <div className="field">
          <label htmlFor="svc-list-category">{t.category}</label>
          <select id="svc-list-category" value={category} onChange={(ev) => setCategory(ev.target.value)}>
            <option value="">{e.allCategories}</option>
            {categories.map((c) => <option key={c.key} value={c.key}>{localName(c, locale)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="svc-list-filter">{e.nameContains}</label>
          <input id="svc-list-filter" type="text" value={filter} onChange={(ev) => setFilter(ev.target.value)} />
        </div>
        {error && <p className="error" role="alert">{t.error}</p>}
        <p className="small muted" role="status">
          {data ? e.listCount(items.length, data.services.totalCount) : t.loading}
        </p>
        <ul className="edit-list" data-testid="service-list">
          {items.map((s) => (
            <li key={s.id}>
              <a {...linkTo({ id: s.id })} aria-current={nav.id === s.id ? 'true' : undefined}>{s.name}</a>
              <span className="small muted">
                {' '}{t[s.status]}{s.published ? '' : `, ${e.draft}`}{s.locations[0]?.area ? ` · ${s.locations[0].area.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <div className="edit-detail">
        {nav.id === null ? (
          <p className="muted">{e.pickService}</p>
        ) : (
          <ServiceEditor
            key={opened}
            id={nav.id === 'neu' ? null : nav.id}
            lookups={lookups}
            onCreated={(id, categoryKey) => {
              // the list shows the new service's category, so the planner finds it there
              setCategory(categoryKey);
              onCreated(id);
            }}
          />
        )}
      </div>
    </div>
  );
}

function ProvidersPane({ nav, linkTo, opened, onCreated }: PaneProps) {
  const { t } = useI18n();
  const e = useEditTexts();
  const [filter, setFilter] = useState('');
  const [{ data, error }] = useQuery({
    query: EDIT_PROVIDERS,
    context: useMemo(() => LIST_CONTEXT, []),
  });
  const needle = filter.trim().toLocaleLowerCase('de');
  const items = [...(data?.providers.nodes ?? [])].filter((p) => !needle || p.name.toLocaleLowerCase('de').includes(needle)).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <div className="edit-layout">
      <section className="edit-list-panel" aria-labelledby="prov-list-title">
        <h2 id="prov-list-title">{e.providers}</h2>
        <p>
          <a {...linkTo({ id: 'neu' })} className="button primary" data-testid="new">{e.newProvider}</a>
        </p>
        <div className="field">
          <label htmlFor="prov-list-filter">{e.nameContains}</label>
          <input id="prov-list-filter" type="text" value={filter} onChange={(ev) => setFilter(ev.target.value)} />
        </div>
        {error && <p className="error" role="alert">{t.error}</p>}
        <p className="small muted" role="status">{data ? e.listCount(items.length, data.providers.totalCount) : t.loading}</p>
        <ul className="edit-list" data-testid="provider-list">
          {items.map((p) => (
            <li key={p.id}>
              <a {...linkTo({ id: p.id })} aria-current={nav.id === p.id ? 'true' : undefined}>{p.name}</a>
              <span className="small muted"> {e.providerKinds[p.kind] ?? p.kind}{p.published ? '' : `, ${e.draft}`}</span>
            </li>
          ))}
        </ul>
      </section>
      <div className="edit-detail">
        {nav.id === null ? <p className="muted">{e.pickProvider}</p> : <ProviderEditor key={opened} id={nav.id === 'neu' ? null : nav.id} onCreated={onCreated} linkTo={linkTo} />}
      </div>
    </div>
  );
}

function MeasuresPane({ nav, lookups, linkTo, opened, onCreated, go }: PaneProps & { lookups: Lookups; go: (n: EditNav, o?: { reopen?: boolean; replace?: boolean }) => void }) {
  const { t } = useI18n();
  const e = useEditTexts();
  const [{ data: plansData, error: plansError }] = useQuery({ query: EDIT_PLANS });
  const plans = plansData?.plans ?? [];
  const plan = plans.find((p) => p.id === nav.plan) ?? plans[0] ?? null;
  const [{ data, error }] = useQuery({
    query: EDIT_MEASURES,
    variables: { planId: plan?.id ?? 0 },
    pause: !plan,
    requestPolicy: 'cache-and-network',
    context: useMemo(() => LIST_CONTEXT, []),
  });
  const [notice, setNotice] = useState('');
  const measures = data?.measures ?? null;
  const selected = typeof nav.id === 'number' ? (measures?.find((m) => m.id === nav.id) ?? null) : null;
  return (
    <div className="edit-layout">
      <section className="edit-list-panel" aria-labelledby="msr-list-title">
        <h2 id="msr-list-title">{e.measures}</h2>
        {plansError && <p className="error" role="alert">{t.error}</p>}
        <div className="field">
          <label htmlFor="msr-plan">{e.plan}</label>
          <select id="msr-plan" value={plan?.id ?? ''} onChange={(ev) => go({ section: 'massnahmen', plan: Number(ev.target.value), id: null })}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>{p.title} ({p.periodStart}–{p.periodEnd}){p.published ? '' : `, ${e.draft}`}</option>
            ))}
          </select>
        </div>
        {plan && plan.goals.length > 0 && (
          <p>
            <a {...linkTo({ plan: plan.id, id: 'neu' })} className="button primary" data-testid="new">{e.newMeasure}</a>
          </p>
        )}
        {plan && plan.goals.length === 0 && <p className="muted">{e.noGoals}</p>}
        {error && <p className="error" role="alert">{t.error}</p>}
        <p className="small" role="status">{notice}</p>
        {plan?.goals.map((g) => (
          <div key={g.id}>
            <h3>{g.code} {g.title}</h3>
            <ul className="edit-list" data-testid={`goal-${g.code}`}>
              {(measures ?? []).filter((m) => m.goal?.id === g.id).map((m) => (
                <li key={m.id}>
                  <a {...linkTo({ plan: plan.id, id: m.id })} aria-current={nav.id === m.id ? 'true' : undefined}>{m.code} {m.title}</a>
                  <span className="small muted"> {t.measureStatus[m.status]}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <div className="edit-detail">
        {!plan || nav.id === null ? (
          <p className="muted">{e.pickMeasure}</p>
        ) : nav.id !== 'neu' && !measures ? (
          <Loading />
        ) : nav.id !== 'neu' && !selected ? (
          <p className="error" role="alert">{e.notFound}</p>
        ) : (
          <MeasureForm
            key={opened}
            planId={plan.id}
            initial={selected}
            goals={plan.goals}
            districts={lookups.districts}
            onCreated={onCreated}
            onDeleted={() => {
              setNotice(e.measureDeleted);
              go({ section: 'massnahmen', plan: plan.id, id: null });
            }}
          />
        )}
      </div>
    </div>
  );
}
