// The admin page (/verwaltung): accounts and API keys with their last use; create an account,
// disable or enable it; create a key (its secret is shown once, only a hash is stored) and revoke
// one. The server allows all of this to ADMIN only; the page only says so earlier.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Header } from '../../app/Header';
import { I18nProvider, useI18n } from '../../app/i18n';
import { useViewer, type Viewer } from '../auth/use-viewer';
import { CheckboxGroup, ConfirmButton, ErrorSummary, SavedStatus, SelectField, TextField, fieldErrors, inputError, toSaveError, useSaveState, type Problem } from '../editing/form';
import type { AdminOverviewQuery, Role } from '../../generated/graphql';
import { ADMIN_CREATE_KEY, ADMIN_CREATE_USER, ADMIN_OVERVIEW, ADMIN_REVOKE_KEY, ADMIN_SET_DISABLED } from './queries';
import { useAdminTexts } from './texts';

const ROLES: Role[] = ['ANALYST', 'PLANNER', 'STATISTICS', 'ADMIN'];
const langOf = (search: string): 'de' | 'en' => (new URLSearchParams(search).get('sprache') === 'en' ? 'en' : 'de');

export default function AdminRoute() {
  const [lang, setLang] = useState(() => langOf(window.location.search));
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${lang === 'en' ? 'Administration' : 'Verwaltung'} – Sozialatlas`;
    const search = lang === 'en' ? '?sprache=en' : '';
    if (search !== window.location.search) window.history.replaceState(null, '', window.location.pathname + search);
  }, [lang]);
  const { viewer, fetching, error } = useViewer();
  return (
    <I18nProvider locale={lang}>
      <Header lang={lang} onLang={setLang} page="admin" />
      <main id="main" className="editing admin">
        <div id="edit-content" tabIndex={-1}>
          <Gate viewer={viewer} loading={fetching && !viewer} failed={error} />
        </div>
      </main>
    </I18nProvider>
  );
}

function Gate({ viewer, loading, failed }: { viewer: Viewer | null; loading: boolean; failed: boolean }) {
  const { t } = useI18n();
  const a = useAdminTexts();
  if (loading) return <p role="status">{t.loading}</p>;
  if (failed || !viewer) return <p className="error" role="alert">{t.error}</p>;
  if (!viewer.roles.includes('ADMIN')) {
    return (
      <section className="login" aria-labelledby="admin-title" data-testid="admin-refused">
        <h2 id="admin-title">{a.title}</h2>
        <p>{viewer.role === 'ANONYMOUS' ? a.loginFirst : a.onlyAdmin}</p>
        {viewer.role === 'ANONYMOUS' && (
          <p>
            <a className="button primary" href={`/anmelden?weiter=${encodeURIComponent('/verwaltung')}`}>{t.login}</a>
          </p>
        )}
      </section>
    );
  }
  return <AdminArea self={viewer.label} />;
}

type Overview = AdminOverviewQuery;

function useWhen() {
  const { locale } = useI18n();
  const a = useAdminTexts();
  return (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' }) : a.never;
}

function AdminArea({ self }: { self: string | null }) {
  const a = useAdminTexts();
  const { t } = useI18n();
  const context = useMemo(() => ({ additionalTypenames: ['User', 'ApiKey'] }), []);
  const [{ data, error }, refetch] = useQuery({ query: ADMIN_OVERVIEW, requestPolicy: 'cache-and-network', context });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="admin-page">
      <h2>{a.title}</h2>
      {error && <p className="error" role="alert">{t.error}</p>}
      {!data && !error && <p role="status">{t.loading}</p>}
      {data && <Accounts users={data.users} self={self} onChanged={reload} />}
      {data && <Keys keys={data.apiKeys} onChanged={reload} />}
    </div>
  );
}

function Accounts({ users, self, onChanged }: { users: Overview['users']; self: string | null; onChanged: () => void }) {
  const a = useAdminTexts();
  const { t } = useI18n();
  const when = useWhen();
  const state = useSaveState();
  const [, setDisabled] = useMutation(ADMIN_SET_DISABLED);
  const [, createUser] = useMutation(ADMIN_CREATE_USER);
  const [values, setValues] = useState({ email: '', displayName: '', password: '', role: 'PLANNER' as Role });
  const ids = { email: 'adm-email', displayName: 'adm-name', password: 'adm-password', role: 'adm-role' };
  const errors = fieldErrors(state.error, ids);

  const toggle = async (u: Overview['users'][number]) => {
    const res = await setDisabled({ input: { id: u.id, version: u.version, disabled: !u.disabled } });
    if (res.error) return state.fail(toSaveError(res.error));
    state.succeed(u.disabled ? a.accountEnabled(u.email) : a.accountDisabled(u.email));
    onChanged();
  };
  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const problems: Problem[] = [];
    if (!values.email.trim()) problems.push({ field: 'adm-email', message: a.emailRequired });
    if (!values.displayName.trim()) problems.push({ field: 'adm-name', message: a.nameRequired });
    if (values.password.length < 12) problems.push({ field: 'adm-password', message: a.passwordShort });
    if (problems.length) return state.fail(inputError(problems));
    const res = await createUser({ input: { email: values.email.trim(), displayName: values.displayName.trim(), password: values.password, role: values.role } });
    if (res.error || !res.data) return state.fail(toSaveError(res.error));
    setValues({ email: '', displayName: '', password: '', role: 'PLANNER' });
    state.succeed(a.accountCreated(res.data.createUser.email));
    onChanged();
  };

  return (
    <section aria-labelledby="adm-accounts" data-testid="admin-accounts">
      <h3 id="adm-accounts">{a.accounts}</h3>
      <ErrorSummary state={state} fieldIds={ids} />
      <SavedStatus state={state} />
      <div className="table-scroll">
        <table className="kf">
          <caption className="sr-only">{a.accounts}</caption>
          <thead>
            <tr>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.role}</th>
              <th scope="col">{a.state}</th>
              <th scope="col">{a.lastLogin}</th>
              <th scope="col"><span className="sr-only">{a.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <th scope="row">{u.email}</th>
                <td>{u.displayName}</td>
                <td>{t.roleNames[u.role] ?? u.role}</td>
                <td>{u.disabled ? a.disabled : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? a.lockedUntil(when(u.lockedUntil)) : a.active}</td>
                <td>{when(u.lastLoginAt)}</td>
                <td className="actions">
                  {u.email === self ? (
                    <span className="small muted">{a.ownAccount}</span>
                  ) : u.disabled ? (
                    <button type="button" onClick={() => toggle(u)} aria-label={`${a.enable}: ${u.email}`}>{a.enable}</button>
                  ) : (
                    <ConfirmButton label={a.disable} confirmLabel={a.disableConfirm} question={a.disableQuestion(u.email)} onConfirm={() => toggle(u)} testId={`disable-${u.id}`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={create} noValidate aria-labelledby="adm-new-account" className="admin-form">
        <h4 id="adm-new-account">{a.newAccount}</h4>
        <div className="funding-grid">
          <TextField id="adm-email" label={a.email} type="email" value={values.email} onChange={(v) => setValues({ ...values, email: v })} required autoComplete="off" error={errors['adm-email']} />
          <TextField id="adm-name" label={a.name} value={values.displayName} onChange={(v) => setValues({ ...values, displayName: v })} required autoComplete="off" error={errors['adm-name']} />
          <TextField id="adm-password" label={a.password} type="password" value={values.password} onChange={(v) => setValues({ ...values, password: v })} required autoComplete="new-password" hint={a.passwordHint} error={errors['adm-password']} />
          <SelectField id="adm-role" label={a.role} value={values.role} onChange={(v) => setValues({ ...values, role: v })} options={ROLES.map((r) => ({ value: r, label: t.roleNames[r] ?? r }))} error={errors['adm-role']} />
        </div>
        <button type="submit" className="primary" data-testid="create-account">{a.createAccount}</button>
      </form>
    </section>
  );
}

function Keys({ keys, onChanged }: { keys: Overview['apiKeys']; onChanged: () => void }) {
  const a = useAdminTexts();
  const { t } = useI18n();
  const when = useWhen();
  const state = useSaveState();
  const [, createKey] = useMutation(ADMIN_CREATE_KEY);
  const [, revokeKey] = useMutation(ADMIN_REVOKE_KEY);
  const [values, setValues] = useState({ name: '', roles: ['ANALYST'] as Role[], expires: '' });
  const [secret, setSecret] = useState<{ key: string; name: string } | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (secret) secretRef.current?.select();
  }, [secret]);
  const ids = { name: 'key-name', roles: 'key-roles', expiresAt: 'key-expires' };
  const errors = fieldErrors(state.error, ids);

  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const problems: Problem[] = [];
    if (!values.name.trim()) problems.push({ field: 'key-name', message: a.keyNameRequired });
    if (!values.roles.length) problems.push({ field: 'key-roles', message: a.scopesRequired });
    if (values.expires && !/^\d{4}-\d{2}-\d{2}$/.test(values.expires)) problems.push({ field: 'key-expires', message: a.dateFormat });
    if (problems.length) return state.fail(inputError(problems));
    const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59`).toISOString() : null;
    const res = await createKey({ input: { name: values.name.trim(), roles: values.roles, expiresAt } });
    if (res.error || !res.data) return state.fail(toSaveError(res.error));
    state.reset();
    setSecret({ key: res.data.createApiKey.key, name: res.data.createApiKey.apiKey.name });
    setValues({ name: '', roles: ['ANALYST'], expires: '' });
    onChanged();
  };
  const revoke = async (k: Overview['apiKeys'][number]) => {
    const res = await revokeKey({ id: k.id });
    if (res.error) return state.fail(toSaveError(res.error));
    state.succeed(a.keyRevoked(k.name));
    onChanged();
  };
  const status = (k: Overview['apiKeys'][number]) =>
    k.revokedAt ? a.revoked(when(k.revokedAt)) : k.expiresAt && new Date(k.expiresAt) < new Date() ? a.expired : a.active;

  return (
    <section aria-labelledby="adm-keys" data-testid="admin-keys">
      <h3 id="adm-keys">{a.keys}</h3>
      {secret && (
        <div className="secret-once" role="group" aria-labelledby="secret-title" data-testid="key-secret">
          <h4 id="secret-title">{a.secretTitle}</h4>
          <p>{a.secretText}</p>
          <label htmlFor="secret-value">{a.secretLabel(secret.name)}</label>
          <input id="secret-value" ref={secretRef} readOnly value={secret.key} className="secret-value" />
          <button type="button" onClick={() => setSecret(null)} data-testid="secret-done">{a.secretDone}</button>
        </div>
      )}
      <ErrorSummary state={state} fieldIds={ids} />
      <SavedStatus state={state} />
      <div className="table-scroll">
        <table className="kf">
          <caption className="sr-only">{a.keys}</caption>
          <thead>
            <tr>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.prefix}</th>
              <th scope="col">{a.role}</th>
              <th scope="col">{a.state}</th>
              <th scope="col">{a.lastUse}</th>
              <th scope="col">{a.created}</th>
              <th scope="col">{a.expiresCol}</th>
              <th scope="col"><span className="sr-only">{a.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-key={k.prefix}>
                <th scope="row">{k.name}</th>
                <td><code>{k.prefix}</code></td>
                <td>{k.roles.map((r) => t.roleNames[r] ?? r).join(', ')}</td>
                <td>{status(k)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>{when(k.createdAt)}</td>
                <td>{k.expiresAt ? when(k.expiresAt) : a.unlimited}</td>
                <td className="actions">
                  {!k.revokedAt && <ConfirmButton label={a.revoke} confirmLabel={a.revokeConfirm} question={a.revokeQuestion(k.name)} onConfirm={() => revoke(k)} testId={`revoke-${k.id}`} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={create} noValidate aria-labelledby="adm-new-key" className="admin-form">
        <h4 id="adm-new-key">{a.createKey}</h4>
        <div className="funding-grid">
          <TextField id="key-name" label={a.keyName} value={values.name} onChange={(v) => setValues({ ...values, name: v })} required hint={a.keyNameHint} error={errors['key-name']} />
          <TextField id="key-expires" label={a.expires} type="date" value={values.expires} onChange={(v) => setValues({ ...values, expires: v })} error={errors['key-expires']} />
        </div>
        <CheckboxGroup id="key-roles" legend={a.scopes} values={values.roles} onChange={(v) => setValues({ ...values, roles: v })} options={ROLES.map((r) => ({ value: r, label: t.roleNames[r] ?? r }))} error={errors['key-roles']} />
        <button type="submit" className="primary" data-testid="create-key">{a.createKey}</button>
      </form>
    </section>
  );
}
