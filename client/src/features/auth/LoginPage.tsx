// Sign-in with e-mail and password. The server sets the HttpOnly session cookie; afterwards the
// page is loaded afresh, so nothing read before (or by someone else) stays in the client's cache.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { pathIn } from '../../app/Header';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from '../editing/texts';
import { ErrorSummary, SavedStatus, TextField, fieldErrors, germanOnly, inputError, useSaveState, type SaveError } from '../editing/form';
import { LOGIN } from './queries';
import { canEdit, type Viewer } from './use-viewer';

const FIELD_IDS = { email: 'login-email', password: 'login-password' };

/**
 * Only paths of this app, never an address elsewhere. Checked the way the browser will read it: the
 * URL parser drops tabs and newlines (`/%09/evil.example` becomes `//evil.example`) and reads `\` as
 * `/`, so control characters and backslashes are refused outright and the rest must resolve to
 * this origin.
 */
export function safeNext(search: string, origin: string = window.location.origin): string {
  const fallback = '/bearbeiten';
  const next = new URLSearchParams(search).get('weiter') ?? fallback;
  if (!next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function LoginPage({ viewer, lang }: { viewer: Viewer | null; lang: 'de' | 'en' }) {
  const { t, locale } = useI18n();
  const e = useEditTexts();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const state = useSaveState();
  const errors = fieldErrors(state.error, FIELD_IDS);
  const [, login] = useMutation(LOGIN);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const problems = [
      !email.trim() && { field: 'email', message: e.emailRequired },
      !password && { field: 'password', message: e.passwordRequired },
    ].filter((p): p is { field: string; message: string } => !!p);
    if (problems.length) return state.fail(inputError(problems));
    state.setBusy(true);
    const res = await login({ email: email.trim(), password });
    state.setBusy(false);
    if (res.error) {
      const first = res.error.graphQLErrors[0];
      const ext = (first?.extensions ?? {}) as { code?: string; reason?: string };
      let message = t.error;
      if (ext.reason === 'WRONG_CREDENTIALS') message = e.wrongCredentials;
      else if (first && (ext.code === 'UNAUTHENTICATED' || ext.code === 'RATE_LIMITED')) message = locale === 'de' ? germanOnly(first.message) : first.message;
      // the message belongs to both fields: which of the two was wrong is not told
      const failed: SaveError = { kind: 'input', message, problems: [{ field: 'password', message }] };
      setPassword('');
      return state.fail(failed);
    }
    state.succeed(e.signedIn);
    window.location.assign(pathIn(safeNext(window.location.search), lang));
  };

  if (viewer && viewer.role !== 'ANONYMOUS') {
    return (
      <section className="login" aria-labelledby="login-title">
        <h2 id="login-title">{t.login}</h2>
        <p>{t.signedInAs(viewer.label ?? '', viewer.roles.map((r) => t.roleNames[r] ?? r).join(', '))}</p>
        {canEdit(viewer) && <p><a href={pathIn('/bearbeiten', lang)}>{t.editLink}</a></p>}
      </section>
    );
  }
  return (
    <section className="login" aria-labelledby="login-title">
      <h2 id="login-title">{t.login}</h2>
      <p>{e.loginIntro}</p>
      <form onSubmit={submit} noValidate aria-labelledby="login-title" data-testid="login-form">
        <ErrorSummary state={state} fieldIds={FIELD_IDS} />
        <SavedStatus state={state} />
        <TextField id="login-email" label={e.email} type="email" autoComplete="username" value={email} onChange={setEmail} required error={errors['login-email']} />
        <TextField id="login-password" label={e.password} type="password" autoComplete="current-password" value={password} onChange={setPassword} required error={errors['login-password']} />
        <button type="submit" className="primary" disabled={state.busy} data-testid="login-submit">
          {t.login}
        </button>
      </form>
      <p className="hint">{e.loginHelp}</p>
    </section>
  );
}
