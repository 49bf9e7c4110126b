import { useEffect } from 'react';
import { useMutation } from 'urql';
import { useI18n } from './i18n';
import { LOGOUT } from '../features/auth/queries';
import { canEdit, useViewer } from '../features/auth/use-viewer';
import { currentCity, useCities } from '../features/city/CitySwitcher';

export type Page = 'map' | 'edit' | 'login' | 'admin' | 'budget';

/** A path of the app in the current language (English is `?sprache=en`). */
export const pathIn = (path: string, lang: 'de' | 'en') => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}sprache=en` : path);

/** A path of the app for the city shown (`stadt=<key>`; the default city is left out, as on the map). */
export const pathFor = (path: string, lang: 'de' | 'en', city: string | null | undefined) =>
  pathIn(city ? `${path}${path.includes('?') ? '&' : '?'}stadt=${encodeURIComponent(city)}` : path, lang);

/** The login page, returning to where the planner was. */
export const loginHref = (lang: 'de' | 'en') => {
  const here = window.location.pathname.startsWith('/anmelden') ? '/bearbeiten' : window.location.pathname + window.location.search;
  return pathIn(`/anmelden?weiter=${encodeURIComponent(here)}`, lang);
};

/** Moves the focus to the target without writing "#table" into the address a planner shares. */
function SkipLink({ target, text }: { target: string; text: string }) {
  return (
    <a
      className="skip"
      href={`#${target}`}
      onClick={(e) => {
        const el = document.getElementById(target);
        if (!el) return;
        e.preventDefault();
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
        el.focus();
        el.scrollIntoView?.();
      }}
    >
      {text}
    </a>
  );
}

/** `city`: the key of the city shown (`stadt=`), null for the default city. */
export function Header({ lang, onLang, page, city = null }: { lang: 'de' | 'en'; onLang: (l: 'de' | 'en') => void; page: Page; city?: string | null }) {
  const { t } = useI18n();
  const cities = useCities();
  const shown = currentCity(cities, city);
  const title = t.appTitleOf(shown?.name ?? null);
  const cityKey = shown && !shown.isDefault ? shown.key : null;
  useEffect(() => {
    // the other pages name themselves in the title; the map is the atlas of the city shown
    if (page === 'map') document.title = title;
  }, [page, title]);
  const { viewer } = useViewer();
  const [, logout] = useMutation(LOGOUT);
  const signedIn = viewer && viewer.role !== 'ANONYMOUS';
  const onLogout = async () => {
    await logout({});
    // a fresh page: nothing read with the session (drafts) stays in the client's cache
    window.location.reload();
  };
  return (
    <header className="header">
      {page === 'map' ? <SkipLink target="table" text={t.skipToTable} /> : <SkipLink target="edit-content" text={t.skipToContent} />}
      <div>
        <h1 data-testid="app-title">{title}</h1>
        <p className="muted small">{t.appSubtitle}</p>
      </div>
      <nav className="header-nav" aria-label={t.navigation}>
        {page !== 'map' && <a href={pathFor('/', lang, cityKey)}>{t.mapLink}</a>}
        {page !== 'edit' && canEdit(viewer) && (
          <a href={pathIn('/bearbeiten', lang)} data-testid="edit-link">
            {t.editLink}
          </a>
        )}
        {page !== 'admin' && viewer?.roles.includes('ADMIN') && (
          <a href={pathIn('/verwaltung', lang)} data-testid="admin-link">
            {t.adminLink}
          </a>
        )}
        {page !== 'budget' && (
          <a href={pathFor('/haushalt', lang, cityKey)} data-testid="budget-link">
            {t.budgetLink}
          </a>
        )}
        <a href="/graphiql">{t.explorer}</a>
        {signedIn ? (
          <span className="account">
            <span data-testid="account">{t.signedInAs(viewer.label ?? '', viewer.roles.map((r) => t.roleNames[r] ?? r).join(', '))}</span>{' '}
            <button type="button" onClick={onLogout} data-testid="logout">
              {t.logout}
            </button>
          </span>
        ) : (
          viewer &&
          page !== 'login' && (
            <a href={loginHref(lang)} data-testid="login-link">
              {t.login}
            </a>
          )
        )}
        <div role="group" aria-label={t.language} className="lang">
          <button type="button" aria-pressed={lang === 'de'} onClick={() => onLang('de')} lang="de">Deutsch</button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => onLang('en')} lang="en">English</button>
        </div>
      </nav>
    </header>
  );
}
