// A provider (Träger): name, kind, umbrella association, website, and its funding rows.
// Retiring unpublishes it; its services and funding stay.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import { FundingSection } from './FundingSection';
import { Checkbox, ConfirmButton, ErrorSummary, SavedStatus, SelectField, TextField, fieldErrors, toSaveError, useSaveState } from './form';
import type { EditProviderFieldsFragment, ProviderKind, UmbrellaAssociation } from '../../generated/graphql';
import type { LinkTo } from './nav';
import { CREATE_PROVIDER, EDIT_PROVIDER, RETIRE_PROVIDER, UPDATE_PROVIDER } from './queries';

type ProviderRecord = EditProviderFieldsFragment;

const KINDS: ProviderKind[] = ['MUNICIPAL', 'NON_PROFIT', 'COMMERCIAL'];
const UMBRELLAS: UmbrellaAssociation[] = ['AWO', 'CARITAS', 'DIAKONIE', 'DRK', 'PARITAETISCHER', 'ZWST'];
const FIELD_IDS: Record<string, string> = { name: 'prov-name', kind: 'prov-kind', umbrella: 'prov-umbrella', website: 'prov-website' };

type Values = { name: string; kind: ProviderKind | ''; umbrella: UmbrellaAssociation | ''; website: string; published: boolean };
const toValues = (p: ProviderRecord | null): Values => ({
  name: p?.name ?? '',
  kind: p?.kind ?? '',
  umbrella: p?.umbrella ?? '',
  website: p?.website ?? '',
  published: p?.published ?? true,
});

export function ProviderEditor({ id, onCreated, linkTo }: { id: number | null; onCreated: (id: number) => void; linkTo: LinkTo }) {
  const { t } = useI18n();
  const e = useEditTexts();
  // the id it was opened with: after "anlegen" the parent learns the new id, the form stays
  const [startId] = useState(id);
  const [initial, setInitial] = useState<ProviderRecord | null | undefined>(startId === null ? null : undefined);
  // paused when opened for a new provider (startId null)
  const [{ data, error }] = useQuery({ query: EDIT_PROVIDER, variables: { id: startId ?? 0 }, requestPolicy: 'network-only', pause: initial !== undefined });
  useEffect(() => {
    if (initial === undefined && data) setInitial(data.provider ?? null);
  }, [data, initial]);
  if (error) return <p className="error" role="alert">{t.error}</p>;
  if (initial === undefined) return <p role="status">{t.loading}</p>;
  if (initial === null && startId !== null) return <p className="error" role="alert">{e.notFound}</p>;
  return <ProviderForm initial={initial} onCreated={onCreated} linkTo={linkTo} />;
}

function ProviderForm({ initial, onCreated, linkTo }: { initial: ProviderRecord | null; onCreated: (id: number) => void; linkTo: LinkTo }) {
  const { t } = useI18n();
  const e = useEditTexts();
  const client = useClient();
  const [record, setRecord] = useState(initial);
  const [values, setValues] = useState(() => toValues(initial));
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const state = useSaveState();
  const errors = fieldErrors(state.error, FIELD_IDS);
  const heading = useRef<HTMLHeadingElement>(null);
  const [, createProvider] = useMutation(CREATE_PROVIDER);
  const [, updateProvider] = useMutation(UPDATE_PROVIDER);
  const [, retireProvider] = useMutation(RETIRE_PROVIDER);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    const fields = {
      name: values.name.trim(),
      kind: values.kind || undefined,
      umbrella: values.umbrella || null,
      website: values.website.trim() || null,
      published: values.published,
    };
    state.setBusy(true);
    try {
      const res = record ? await updateProvider({ input: { ...fields, id: record.id, version: record.version } }) : await createProvider({ input: fields });
      if (res.error || !res.data) return state.fail(toSaveError(res.error));
      const saved = 'updateProvider' in res.data ? res.data.updateProvider : res.data.createProvider;
      setRecord(saved);
      state.succeed(e.providerSaved);
      if (!record) onCreated(saved.id);
    } finally {
      state.setBusy(false);
    }
  };

  const reload = async () => {
    if (!record) return;
    const res = await client.query(EDIT_PROVIDER, { id: record.id }, { requestPolicy: 'network-only' }).toPromise();
    if (res.error || !res.data?.provider) return state.fail({ kind: 'other', message: '', problems: [] });
    setRecord(res.data.provider);
    setValues(toValues(res.data.provider));
    state.succeed(e.reloaded);
    heading.current?.focus();
  };

  const retire = async () => {
    if (!record) return;
    const res = await retireProvider({ id: record.id, version: record.version });
    if (res.error || !res.data) return state.fail(toSaveError(res.error));
    // a retired provider is kept (unpublished), so the answer has its new version
    setRecord({ ...record, published: false, version: res.data.retireProvider.version ?? record.version });
    setValues((v) => ({ ...v, published: false }));
    state.succeed(e.providerRetired);
  };

  return (
    <div className="edit-form" data-testid="provider-form">
      <h2 ref={heading} tabIndex={-1}>{record ? `${t.provider}: ${record.name}` : e.newProvider}</h2>
      {record && <p className="small muted" data-testid="record-version">{e.recordInfo(record.id, record.version)}</p>}
      <form onSubmit={save} noValidate aria-label={record ? e.editProvider : e.newProvider}>
        <ErrorSummary state={state} fieldIds={FIELD_IDS} onReload={reload} />
        <SavedStatus state={state} />
        <TextField id="prov-name" label={e.name} value={values.name} onChange={set('name')} required error={errors['prov-name']} />
        <SelectField
          id="prov-kind"
          label={e.providerKind}
          value={values.kind}
          onChange={set('kind')}
          required
          empty={t.choose}
          options={KINDS.map((k) => ({ value: k, label: e.providerKinds[k] ?? k }))}
          error={errors['prov-kind']}
        />
        <SelectField id="prov-umbrella" label={e.umbrella} value={values.umbrella} onChange={set('umbrella')} empty={e.noUmbrella} options={UMBRELLAS.map((u) => ({ value: u, label: e.umbrellas[u] ?? u }))} error={errors['prov-umbrella']} />
        <TextField id="prov-website" label={e.website} value={values.website} onChange={set('website')} type="url" hint={e.websiteHint} error={errors['prov-website']} />
        <Checkbox id="prov-published" label={e.published} checked={values.published} onChange={set('published')} hint={e.publishedHint} />
        <div className="button-row form-actions">
          <button type="submit" className="primary" disabled={state.busy} data-testid="save">
            {record ? e.save : e.create}
          </button>
          {record?.published && <ConfirmButton label={e.retireProvider} confirmLabel={e.retireProviderConfirm} question={e.retireProviderQuestion} onConfirm={retire} testId="retire" />}
        </div>
      </form>
      {record && record.services.length > 0 && (
        <section aria-labelledby="provider-services">
          <h3 id="provider-services">{t.services} ({record.services.length})</h3>
          <ul className="edit-list compact">
            {record.services.map((s) => (
              <li key={s.id}>
                <a {...linkTo({ section: 'angebote', id: s.id, plan: null })}>{s.name}</a>{' '}
                <span className="muted small">{t[s.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {record && <FundingSection key={record.id} providerId={record.id} title={e.fundingOf(record.name)} />}
    </div>
  );
}
