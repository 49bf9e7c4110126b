// A measure (Maßnahme) of a plan's goal: code, title, lead office, horizon, progress and the
// target areas (Zielgebiete; none = city-wide). Retiring deletes it; to pause, set SUSPENDED.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { useI18n } from '../../app/i18n';
import { useEditTexts } from './texts';
import { CheckboxGroup, ConfirmButton, ErrorSummary, SavedStatus, SelectField, TextArea, TextField, fieldErrors, toSaveError, useSaveState } from './form';
import type { EditMeasureFieldsFragment, EditPlansQuery, MeasureHorizon, MeasureStatus } from '../../generated/graphql';
import type { Lookups } from './types';
import { CREATE_MEASURE, EDIT_MEASURES, RETIRE_MEASURE, UPDATE_MEASURE } from './queries';

export type MeasureRecord = EditMeasureFieldsFragment;
export type GoalOption = EditPlansQuery['plans'][number]['goals'][number];

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED'] as const satisfies readonly MeasureStatus[];
const HORIZONS: MeasureHorizon[] = ['SHORT', 'MEDIUM', 'LONG'];
const FIELD_IDS: Record<string, string> = {
  goalId: 'msr-goal',
  code: 'msr-code',
  title: 'msr-title',
  description: 'msr-description',
  horizon: 'msr-horizon',
  responsibleOffice: 'msr-office',
  status: 'msr-status',
  areaIds: 'msr-areas',
};

type Values = { goalId: string; code: string; title: string; description: string; horizon: MeasureHorizon | ''; responsibleOffice: string; status: MeasureStatus; areaIds: string[] };
const toValues = (m: MeasureRecord | null, goalId: number | null): Values => ({
  goalId: m?.goal ? String(m.goal.id) : goalId !== null ? String(goalId) : '',
  code: m?.code ?? '',
  title: m?.title ?? '',
  description: m?.description ?? '',
  horizon: m?.horizon ?? '',
  responsibleOffice: m?.responsibleOffice ?? '',
  status: m?.status ?? 'NOT_STARTED',
  areaIds: (m?.areas ?? []).map((a) => String(a.id)),
});

interface Props {
  planId: number;
  initial: MeasureRecord | null;
  goals: GoalOption[];
  districts: Lookups['districts'];
  onCreated: (id: number) => void;
  onDeleted: () => void;
}

export function MeasureForm({ planId, initial, goals, districts, onCreated, onDeleted }: Props) {
  const { t } = useI18n();
  const e = useEditTexts();
  const client = useClient();
  const [record, setRecord] = useState(initial);
  const [values, setValues] = useState(() => toValues(initial, goals[0]?.id ?? null));
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const [areaFilter, setAreaFilter] = useState('');
  const state = useSaveState();
  const errors = fieldErrors(state.error, FIELD_IDS);
  const heading = useRef<HTMLHeadingElement>(null);
  const [, createMeasure] = useMutation(CREATE_MEASURE);
  const [, updateMeasure] = useMutation(UPDATE_MEASURE);
  const [, retireMeasure] = useMutation(RETIRE_MEASURE);

  // districts, plus target areas of another level (a Stadtbezirk) the measure already has
  const areaOptions = useMemo(() => {
    const all = new Map(districts.map((d) => [String(d.id), d.name]));
    for (const a of record?.areas ?? []) if (!all.has(String(a.id))) all.set(String(a.id), a.name);
    return [...all].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'de'));
  }, [districts, record]);
  const needle = areaFilter.trim().toLocaleLowerCase('de');
  const shownAreas = needle ? areaOptions.filter((o) => values.areaIds.includes(o.value) || o.label.toLocaleLowerCase('de').includes(needle)) : areaOptions;
  const chosen = areaOptions.filter((o) => values.areaIds.includes(o.value)).map((o) => o.label);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    const fields = {
      goalId: values.goalId ? Number(values.goalId) : undefined,
      code: values.code.trim(),
      title: values.title.trim(),
      description: values.description.trim() || null,
      horizon: values.horizon || undefined,
      responsibleOffice: values.responsibleOffice.trim(),
      status: values.status,
      areaIds: values.areaIds.map(Number),
    };
    state.setBusy(true);
    try {
      const res = record ? await updateMeasure({ input: { ...fields, id: record.id, version: record.version } }) : await createMeasure({ input: fields });
      if (res.error || !res.data) return state.fail(toSaveError(res.error));
      const saved = 'updateMeasure' in res.data ? res.data.updateMeasure : res.data.createMeasure;
      setRecord(saved);
      setValues(toValues(saved, null));
      state.succeed(e.measureSaved);
      if (!record) onCreated(saved.id);
    } finally {
      state.setBusy(false);
    }
  };

  const reload = async () => {
    if (!record) return;
    const res = await client.query(EDIT_MEASURES, { planId }, { requestPolicy: 'network-only' }).toPromise();
    const fresh = res.data?.measures.find((m) => m.id === record.id);
    if (res.error || !fresh) return state.fail({ kind: 'notFound', message: '', problems: [] });
    setRecord(fresh);
    setValues(toValues(fresh, null));
    state.succeed(e.reloaded);
    heading.current?.focus();
  };

  const remove = async () => {
    if (!record) return;
    const res = await retireMeasure({ id: record.id, version: record.version });
    if (res.error) return state.fail(toSaveError(res.error));
    onDeleted();
  };

  return (
    <div className="edit-form" data-testid="measure-form">
      <h2 ref={heading} tabIndex={-1}>{record ? `${e.measure} ${record.code}: ${record.title}` : e.newMeasure}</h2>
      {record && <p className="small muted" data-testid="record-version">{e.recordInfo(record.id, record.version)}</p>}
      <form onSubmit={save} noValidate aria-label={record ? e.editMeasure : e.newMeasure}>
        <ErrorSummary state={state} fieldIds={FIELD_IDS} onReload={reload} />
        <SavedStatus state={state} />
        <SelectField id="msr-goal" label={e.goal} value={values.goalId} onChange={set('goalId')} required empty={t.choose} options={goals.map((g) => ({ value: String(g.id), label: `${g.code} ${g.title}` }))} error={errors['msr-goal']} />
        <div className="two-col">
          <TextField id="msr-code" label={e.code} value={values.code} onChange={set('code')} required hint={e.codeHint} error={errors['msr-code']} />
          <SelectField id="msr-status" label={e.progress} value={values.status} onChange={set('status')} options={STATUSES.map((s) => ({ value: s, label: t.measureStatus[s] }))} error={errors['msr-status']} />
        </div>
        <TextField id="msr-title" label={e.titleField} value={values.title} onChange={set('title')} required error={errors['msr-title']} />
        <TextArea id="msr-description" label={e.description} value={values.description} onChange={set('description')} error={errors['msr-description']} />
        <div className="two-col">
          <TextField id="msr-office" label={e.office} value={values.responsibleOffice} onChange={set('responsibleOffice')} required hint={e.officeHint} error={errors['msr-office']} />
          <SelectField id="msr-horizon" label={e.horizon} value={values.horizon} onChange={set('horizon')} required empty={t.choose} options={HORIZONS.map((h) => ({ value: h, label: e.horizons[h] ?? h }))} error={errors['msr-horizon']} />
        </div>
        <div className="field">
          <label htmlFor="msr-area-filter">{e.areaFilter}</label>
          <input id="msr-area-filter" type="text" value={areaFilter} onChange={(ev) => setAreaFilter(ev.target.value)} aria-describedby="msr-areas-chosen" />
          <p className="hint" id="msr-areas-chosen" data-testid="chosen-areas">
            {chosen.length ? e.areasChosen(chosen.length, chosen.join(', ')) : e.cityWide}
          </p>
        </div>
        <CheckboxGroup id="msr-areas" legend={e.targetAreas} values={values.areaIds} onChange={set('areaIds')} options={shownAreas} error={errors['msr-areas']} className="area-choice" />
        <div className="button-row form-actions">
          <button type="submit" className="primary" disabled={state.busy} data-testid="save">
            {record ? e.save : e.create}
          </button>
          {record && <ConfirmButton label={e.deleteMeasure} confirmLabel={e.deleteConfirm} question={e.deleteMeasureQuestion} onConfirm={remove} testId="retire" />}
        </div>
        {record && <p className="hint">{e.suspendHint}</p>}
      </form>
    </div>
  );
}
