// Funding rows (Förderung) of one service or provider, one row per funder, year and kind. Amounts
// are typed the German way ("12.500,50") and travel as exact decimal strings.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import { formatMoney, moneyInput } from '../../lib/money';
import { readAmount, readFundingYear } from './plausibility';
import { ConfirmButton, ErrorSummary, PlausibilityQuestion, SavedStatus, SelectField, TextField, fieldErrors, inputError, toSaveError, usePlausibility, useSaveState } from './form';
import type { EditFundingFieldsFragment, FundingKind, FundingStatus } from '../../generated/graphql';
import { CREATE_FUNDING, EDIT_FUNDINGS, RETIRE_FUNDING, UPDATE_FUNDING } from './queries';

type FundingRow = EditFundingFieldsFragment;

const KINDS: FundingKind[] = ['GRANT', 'SERVICE_FEE', 'PROJECT_GRANT'];
const STATUSES: FundingStatus[] = ['APPLIED', 'GRANTED', 'PAID'];
const FIELD_IDS: Record<string, string> = { year: 'fund-year', amount: 'fund-amount', funder: 'fund-funder', kind: 'fund-kind', status: 'fund-status' };

type Values = { year: string; amount: string; funder: string; kind: FundingKind; status: FundingStatus };
const EMPTY: Values = { year: String(new Date().getFullYear()), amount: '', funder: '', kind: 'GRANT', status: 'GRANTED' };

export function FundingSection({ serviceId, providerId, title }: { serviceId?: number; providerId?: number; title: string }) {
  const { t, locale } = useI18n();
  const e = useEditTexts();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: EDIT_FUNDINGS,
    variables: { serviceId: serviceId ?? null, providerId: providerId ?? null },
    requestPolicy: 'cache-and-network',
    // an empty list carries no Funding typename: name it, so a new row refreshes the list
    context: useMemo(() => ({ additionalTypenames: ['Funding', 'RetireResult'] }), []),
  });
  const rows = [...(data?.fundings.nodes ?? [])].sort((a, b) => b.year - a.year || a.funder.localeCompare(b.funder, 'de'));
  const [editing, setEditing] = useState<FundingRow | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const state = useSaveState();
  const errors = fieldErrors(state.error, FIELD_IDS);
  const firstField = useRef<HTMLDivElement>(null);
  const plausibility = usePlausibility();
  const [, createFunding] = useMutation(CREATE_FUNDING);
  const [, updateFunding] = useMutation(UPDATE_FUNDING);
  const [, retireFunding] = useMutation(RETIRE_FUNDING);

  const startEdit = (row: FundingRow) => {
    setEditing(row);
    setValues({ year: String(row.year), amount: moneyInput(row.amount, locale), funder: row.funder, kind: row.kind, status: row.status });
    state.reset();
    // the form is below the table: take the keyboard there
    setTimeout(() => firstField.current?.querySelector('input')?.focus(), 0);
  };
  const stopEdit = () => {
    setEditing(null);
    setValues(EMPTY);
  };

  const save = async (ev?: FormEvent) => {
    ev?.preventDefault();
    const year = readFundingYear(values.year, e);
    const amount = readAmount(values.amount, locale, serviceId !== undefined ? 'service' : 'provider', e);
    const problems = [...year.problems, ...amount.problems];
    if (!values.funder.trim()) problems.push({ field: 'fund-funder', message: e.funderRequired });
    if (problems.length || amount.value === null) {
      plausibility.dismiss();
      return state.fail(inputError(problems));
    }
    state.reset();
    if (!plausibility.check([...year.warnings, ...amount.warnings])) return;
    const fields = { year: year.value, amount: amount.value, funder: values.funder.trim(), kind: values.kind, status: values.status };
    state.setBusy(true);
    try {
      const res = editing
        ? await updateFunding({ input: { ...fields, id: editing.id, version: editing.version } })
        : await createFunding({ input: { ...fields, serviceId: serviceId ?? null, providerId: providerId ?? null } });
      if (res.error || !res.data) return state.fail(toSaveError(res.error));
      const row = 'updateFunding' in res.data ? res.data.updateFunding : res.data.createFunding;
      stopEdit();
      state.succeed(e.fundingSaved(row.year, formatMoney(row.amount, locale)));
    } finally {
      state.setBusy(false);
    }
  };

  const remove = async (row: FundingRow) => {
    const res = await retireFunding({ id: row.id, version: row.version });
    if (res.error) return state.fail(toSaveError(res.error));
    if (editing?.id === row.id) stopEdit();
    state.succeed(e.fundingDeleted(row.year, formatMoney(row.amount, locale)));
  };

  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    stopEdit();
    state.succeed(e.reloaded);
  };

  const label = (map: Record<string, string>, key: string) => map[key] ?? key;
  return (
    <section className="funding" aria-labelledby="funding-title" data-testid="funding">
      <h3 id="funding-title">{title}</h3>
      {error && <p className="error" role="alert">{t.error}</p>}
      {!data && fetching && <p role="status">{t.loading}</p>}
      {data && rows.length === 0 && <p className="muted">{e.noFunding}</p>}
      {rows.length > 0 && (
        <table className="kf funding-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col" className="num">{e.amount}</th>
              <th scope="col">{e.funder}</th>
              <th scope="col">{e.kind}</th>
              <th scope="col">{t.status}</th>
              {providerId !== undefined && <th scope="col">{e.recipient}</th>}
              <th scope="col"><span className="sr-only">{e.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-funding-id={row.id} className={editing?.id === row.id ? 'selected' : undefined}>
                <th scope="row">{row.year}</th>
                <td className="num">{formatMoney(row.amount, locale)}</td>
                <td>{row.funder}</td>
                <td>{label(e.fundingKinds, row.kind)}</td>
                <td>{label(e.fundingStatuses, row.status)}</td>
                {providerId !== undefined && <td>{row.service?.name ?? row.provider?.name ?? ''}</td>}
                <td className="actions">
                  <button type="button" className="link" onClick={() => startEdit(row)} aria-label={e.editFundingRow(row.year, row.funder)}>
                    {e.edit}
                  </button>{' '}
                  <ConfirmButton label={e.delete} confirmLabel={e.deleteConfirm} question={e.deleteFundingQuestion(row.year, formatMoney(row.amount, locale))} onConfirm={() => remove(row)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form onSubmit={save} noValidate aria-label={editing ? e.editFunding : e.addFunding} className="funding-form">
        <h4>{editing ? e.editFundingOf(editing.year, editing.funder) : e.addFunding}</h4>
        <ErrorSummary state={state} fieldIds={FIELD_IDS} onReload={reload} />
        <PlausibilityQuestion plausibility={plausibility} onConfirm={() => void save()} testId="funding-plausibility" />
        <SavedStatus state={state} />
        <div className="funding-grid" ref={firstField}>
          <TextField id="fund-year" label={t.year} value={values.year} onChange={set('year')} inputMode="numeric" required error={errors['fund-year']} />
          <TextField id="fund-amount" label={e.amountEur} value={values.amount} onChange={set('amount')} inputMode="decimal" required hint={e.amountHint} error={errors['fund-amount']} />
          <TextField id="fund-funder" label={e.funder} value={values.funder} onChange={set('funder')} required hint={e.funderHint} error={errors['fund-funder']} />
          <SelectField id="fund-kind" label={e.kind} value={values.kind} onChange={set('kind')} options={KINDS.map((k) => ({ value: k, label: label(e.fundingKinds, k) }))} error={errors['fund-kind']} />
          <SelectField id="fund-status" label={t.status} value={values.status} onChange={set('status')} options={STATUSES.map((s) => ({ value: s, label: label(e.fundingStatuses, s) }))} error={errors['fund-status']} />
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={state.busy} data-testid="save-funding">
            {editing ? e.save : e.addFundingButton}
          </button>
          {editing && (
            <button type="button" onClick={stopEdit}>
              {e.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
