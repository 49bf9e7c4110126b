// Building blocks of the editing forms: labelled fields whose errors are linked to them
// (aria-invalid, aria-describedby), an error summary that takes the focus after a failed save,
// and the translation of the server's answers (CONFLICT, BAD_USER_INPUT problems, …).
import { useCallback, useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import type { Warning } from './plausibility';

export interface Problem {
  /** the server's field path, e.g. "name", "newLocation.lon", or a form field id */
  field: string;
  message: string;
  /** the server's stable code (e.g. OUTSIDE_CITY), where it gave one */
  reason?: string;
}

export type SaveErrorKind = 'conflict' | 'input' | 'unauthenticated' | 'forbidden' | 'notFound' | 'other';
export interface SaveError {
  kind: SaveErrorKind;
  message: string;
  problems: Problem[];
}

/** The server writes German with an English gloss in brackets at the end: keep the German. */
export const germanOnly = (message: string) => message.replace(/\s*\([a-z][^()]*\)\s*$/, '').trim();

/** Reads the first GraphQL error of a failed mutation (or an answer without data) into what the form shows. */
export function toSaveError(error: CombinedError | undefined): SaveError {
  const first = error?.graphQLErrors[0];
  const ext = (first?.extensions ?? {}) as { code?: string; problems?: Problem[]; argument?: string };
  const message = first ? germanOnly(first.message) : '';
  switch (ext.code) {
    case 'CONFLICT':
      return { kind: 'conflict', message, problems: [] };
    case 'BAD_USER_INPUT': {
      const problems = ext.problems?.length ? ext.problems : [{ field: ext.argument ?? '', message }];
      return { kind: 'input', message, problems: problems.map((p) => ({ field: p.field, message: germanOnly(p.message), reason: p.reason })) };
    }
    case 'UNAUTHENTICATED':
      return { kind: 'unauthenticated', message, problems: [] };
    case 'FORBIDDEN':
      return { kind: 'forbidden', message, problems: [] };
    case 'NOT_FOUND':
      return { kind: 'notFound', message, problems: [] };
    default:
      return { kind: 'other', message, problems: [] };
  }
}

export const inputError = (problems: Problem[]): SaveError => ({ kind: 'input', message: '', problems });

/**
 * A form's save state: the last error (the summary gets the focus whenever a new one is set) and
 * the last success message (announced in a live region).
 */
export function useSaveState() {
  const [error, setError] = useState<SaveError | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);
  const fail = useCallback((e: SaveError) => {
    setSaved('');
    setError(e);
  }, []);
  const succeed = useCallback((message: string) => {
    setError(null);
    setSaved(message);
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setSaved('');
  }, []);
  return { error, saved, busy, setBusy, fail, succeed, reset, summaryRef };
}
export type SaveState = ReturnType<typeof useSaveState>;

/** Field id → message, by the map from server field paths to the form's field ids. */
export function fieldErrors(error: SaveError | null, fieldIds: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of error?.problems ?? []) {
    const id = fieldIds[p.field] ?? (Object.values(fieldIds).includes(p.field) ? p.field : undefined);
    if (id && !out[id]) out[id] = p.message;
  }
  return out;
}

/** Error summary above a form; links jump to the fields. A conflict offers to reload. */
export function ErrorSummary({ state, fieldIds, onReload }: { state: SaveState; fieldIds: Record<string, string>; onReload?: () => void }) {
  const { t } = useI18n();
  const e = useEditTexts();
  const titleId = useId();
  const { error, summaryRef } = state;
  if (!error) return null;
  const focusField = (id: string) => (ev: MouseEvent) => {
    ev.preventDefault();
    document.getElementById(id)?.focus();
  };
  const title = error.kind === 'conflict' ? e.conflictTitle : error.kind === 'input' ? e.checkInput : e.notSaved;
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby={titleId} data-testid="error-summary" data-kind={error.kind}>
      <h3 id={titleId}>{title}</h3>
      {error.kind === 'conflict' && (
        <>
          <p>{e.conflict}</p>
          {onReload && (
            <button type="button" onClick={onReload} data-testid="reload">
              {e.reload}
            </button>
          )}
        </>
      )}
      {error.kind === 'input' && (
        <ul>
          {error.problems.map((p, i) => {
            const id = fieldIds[p.field] ?? (Object.values(fieldIds).includes(p.field) ? p.field : undefined);
            return <li key={i}>{id ? <a href={`#${id}`} onClick={focusField(id)}>{p.message}</a> : p.message}</li>;
          })}
        </ul>
      )}
      {error.kind === 'unauthenticated' && (
        <p>
          {e.sessionEnded} <a href={`/anmelden?weiter=${encodeURIComponent(window.location.pathname + window.location.search)}`}>{t.login}</a>
        </p>
      )}
      {error.kind === 'forbidden' && <p>{e.forbidden}</p>}
      {error.kind === 'notFound' && <p>{e.notFound}</p>}
      {error.kind === 'other' && <p>{e.failed}</p>}
    </div>
  );
}

/** The live region for "gespeichert" messages; always rendered so screen readers hear changes. */
export function SavedStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" className={state.saved ? 'saved' : 'sr-only'} data-testid="saved">
      {state.saved}
    </p>
  );
}

interface FieldBase {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldExtras({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const e = useEditTexts();
  return (
    <label htmlFor={id}>
      {label}
      {required && <span className="required"> ({e.required})</span>}
    </label>
  );
}

export function TextField({
  id, label, error, hint, required, value, onChange, type = 'text', inputMode, autoComplete,
}: FieldBase & { value: string; onChange: (v: string) => void; type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'time'; inputMode?: 'decimal' | 'numeric' | 'text'; autoComplete?: string }) {
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        aria-required={required || undefined}
      />
      <FieldExtras id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea({ id, label, error, hint, value, onChange }: FieldBase & { value: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <Label id={id} label={label} />
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} />
      <FieldExtras id={id} error={error} hint={hint} />
    </div>
  );
}

/** A choice of `options`, V being e.g. an enum of the schema; with `empty`, V must include "" (none chosen). */
export function SelectField<V extends string>({
  id, label, error, hint, required, value, onChange, options, empty,
}: FieldBase & { value: V; onChange: (v: V) => void; options: { value: V; label: string }[]; empty?: string }) {
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      {/* the select offers only these options (and "" with `empty`) */}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} aria-required={required || undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldExtras id={id} error={error} hint={hint} />
    </div>
  );
}

/** Several choices (target groups, target areas): a fieldset of checkboxes; the id goes on the first one. */
export function CheckboxGroup<V extends string>({
  id, legend, error, hint, values, onChange, options, className,
}: { id: string; legend: string; error?: string; hint?: ReactNode; values: V[]; onChange: (v: V[]) => void; options: { value: V; label: string }[]; className?: string }) {
  const toggle = (v: V, on: boolean) => onChange(on ? [...values, v] : values.filter((x) => x !== v));
  return (
    <fieldset className={className} aria-describedby={describedBy(id, error, hint)} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <FieldExtras id={id} error={error} hint={hint} />
      {options.map((o, i) => (
        <label key={o.value} className="inline">
          <input type="checkbox" id={i === 0 ? id : undefined} checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Checkbox({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode }) {
  return (
    <div className="field">
      <label className="inline" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} /> {label}
      </label>
      <FieldExtras id={id} hint={hint} />
    </div>
  );
}

/** Retire (schließen, zurückziehen, löschen) only after a second, explicit click. */
export function ConfirmButton({ label, confirmLabel, question, onConfirm, disabled, testId }: { label: string; confirmLabel: string; question: string; onConfirm: () => void; disabled?: boolean; testId?: string }) {
  const e = useEditTexts();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={disabled} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button type="button" ref={confirmRef} className="danger" onClick={() => { setAsking(false); onConfirm(); }} data-testid={testId ? `${testId}-confirm` : undefined}>
        {confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>{e.cancel}</button>
    </span>
  );
}

/**
 * The question before saving unusual values: `check` answers true when every warning was
 * confirmed (or there is none); otherwise it shows them and the planner confirms or corrects.
 * A confirmation holds for the value it was given for (the warning's key).
 */
export function usePlausibility() {
  const confirmed = useRef(new Set<string>());
  const [open, setOpen] = useState<Warning[]>([]);
  const check = useCallback((warnings: Warning[]) => {
    const pending = warnings.filter((w) => !confirmed.current.has(w.key));
    setOpen(pending);
    return pending.length === 0;
  }, []);
  const confirmAll = useCallback(() => {
    for (const w of open) confirmed.current.add(w.key);
    setOpen([]);
  }, [open]);
  const dismiss = useCallback(() => setOpen([]), []);
  return { open, check, confirmAll, dismiss };
}
export type Plausibility = ReturnType<typeof usePlausibility>;

/** The warnings with their reasons, linked to their fields; "save anyway" resubmits the form. */
export function PlausibilityQuestion({ plausibility, onConfirm, testId = 'plausibility' }: { plausibility: Plausibility; onConfirm: () => void; testId?: string }) {
  const e = useEditTexts();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const { open } = plausibility;
  useEffect(() => {
    if (open.length) box.current?.focus();
  }, [open]);
  if (!open.length) return null;
  const correct = () => {
    const field = open[0]?.field;
    plausibility.dismiss();
    if (field) setTimeout(() => document.getElementById(field)?.focus(), 0);
  };
  return (
    <div className="plausibility" ref={box} tabIndex={-1} role="group" aria-labelledby={titleId} data-testid={testId}>
      <h3 id={titleId}>{e.plausibility.title}</h3>
      <p>{e.plausibility.intro}</p>
      <ul>
        {open.map((w) => (
          <li key={w.key}>
            <a href={`#${w.field}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(w.field)?.focus(); }}>{w.message}</a>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => { plausibility.confirmAll(); setTimeout(onConfirm, 0); }} data-testid={`${testId}-confirm`}>
          {e.plausibility.confirm}
        </button>
        <button type="button" onClick={correct}>{e.plausibility.correct}</button>
      </div>
    </div>
  );
}
