// A service (Angebot): its fields, its location (address and the point picked on the map) and,
// once saved, its funding rows. An update sends the versions it read of the service and of its
// location; a conflict offers to load the current state. Dates, accessibility, fee, legal bases
// and opening hours are sent only when changed, so stored opening hours the weekday rows cannot
// show (two spans on a day) survive an edit of other fields.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Geometry } from 'geojson';
import { useClient, useMutation, useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { TARGET_GROUPS } from '../services/ServicesPanel';
import { useEditTexts } from './texts';
import { numberInput, parseDecimal } from '../../lib/numbers';
import { FundingSection } from './FundingSection';
import { readCapacity, readCoordinate } from './plausibility';
import { useAddressLookup, type AddressFields, type AddressMatch } from './use-address-lookup';
import { LocationPicker } from './LocationPicker';
import { OpeningHoursEditor, WEEKDAYS, hoursFieldId, sameWeek, weekFromApi, weekProblems, weekToApi, type WeekHours } from './OpeningHours';
import {
  Checkbox, CheckboxGroup, ConfirmButton, ErrorSummary, PlausibilityQuestion, SavedStatus, SelectField, TextArea, TextField, fieldErrors, inputError, toSaveError, usePlausibility, useSaveState, type Problem,
} from './form';
import type { Accessibility, CapacityUnit, EditServiceFieldsFragment, LegalBasis, ServiceStatus, TargetGroup } from '../../generated/graphql';
import { CREATE_SERVICE, EDIT_SERVICE, RETIRE_SERVICE, UPDATE_LOCATION, UPDATE_SERVICE } from './queries';
import type { Lookups } from './types';
import { localName } from '../../lib/format';

type ServiceRecord = EditServiceFieldsFragment;

const STATUSES = ['ACTIVE', 'PLANNED', 'CLOSED'] as const satisfies readonly ServiceStatus[];
const UNITS: CapacityUnit[] = ['PLACES', 'CONTACTS_PER_YEAR', 'HOURS_PER_WEEK'];
const ACCESSIBILITIES: Accessibility[] = ['UNKNOWN', 'FULL', 'PARTIAL', 'NONE'];
const LEGAL_BASES: LegalBasis[] = ['SGB_II', 'SGB_VIII', 'SGB_IX', 'SGB_XII', 'OTHER'];

/** Longitude and latitude of a saved location (the API answers GeoJSON; a location is a Point). */
const coordinatesOf = (point: Geometry | null | undefined) => (point?.type === 'Point' ? point.coordinates : null);

/** Server field paths (service, new location, location update) → the ids of this form's fields. */
const FIELD_IDS: Record<string, string> = {
  name: 'svc-name',
  categoryId: 'svc-category',
  providerId: 'svc-provider',
  status: 'svc-status',
  capacity: 'svc-capacity',
  capacityUnit: 'svc-unit',
  targetGroups: 'svc-groups',
  description: 'svc-description',
  startDate: 'svc-start',
  endDate: 'svc-end',
  accessibility: 'svc-access',
  fee: 'svc-fee',
  legalBases: 'svc-legal',
  openingHours: 'svc-hours',
  // the form's own checks of a weekday's times
  ...Object.fromEntries(WEEKDAYS.flatMap((d) => (['opens', 'closes'] as const).map((w) => [hoursFieldId('svc-hours', d, w), hoursFieldId('svc-hours', d, w)]))),
  street: 'svc-street',
  houseNumber: 'svc-house',
  postalCode: 'svc-postal',
  city: 'svc-city',
  lon: 'svc-lon',
  lat: 'svc-lat',
  'input.lon': 'svc-lon',
  'newLocation.street': 'svc-street',
  'newLocation.houseNumber': 'svc-house',
  'newLocation.postalCode': 'svc-postal',
  'newLocation.city': 'svc-city',
  'newLocation.lon': 'svc-lon',
  'newLocation.lat': 'svc-lat',
};

type Values = {
  name: string;
  categoryId: string;
  providerId: string;
  status: ServiceStatus;
  capacity: string;
  capacityUnit: CapacityUnit | '';
  targetGroups: TargetGroup[];
  description: string;
  startDate: string;
  endDate: string;
  accessibility: Accessibility;
  fee: string;
  legalBases: LegalBasis[];
  hours: WeekHours;
  published: boolean;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  lon: string;
  lat: string;
};

function toValues(s: ServiceRecord | null, locale: 'de' | 'en'): Values {
  const loc = s?.locations[0];
  const c = coordinatesOf(loc?.point);
  return {
    name: s?.name ?? '',
    categoryId: s ? String(s.category.id) : '',
    providerId: s?.provider ? String(s.provider.id) : '',
    status: s?.status ?? 'ACTIVE',
    capacity: s?.capacity != null ? numberInput(s.capacity, locale) : '',
    capacityUnit: s?.capacityUnit ?? '',
    targetGroups: s?.targetGroups ?? [],
    description: s?.description ?? '',
    startDate: s?.startDate ?? '',
    endDate: s?.endDate ?? '',
    accessibility: s?.accessibility ?? 'UNKNOWN',
    fee: s?.fee ?? '',
    legalBases: s?.legalBases ?? [],
    hours: weekFromApi(s?.openingHours).week,
    published: s?.published ?? true,
    street: loc?.street ?? '',
    houseNumber: loc?.houseNumber ?? '',
    postalCode: loc?.postalCode ?? '',
    city: loc?.city ?? (s ? '' : 'Leipzig'),
    lon: c ? numberInput(c[0], locale, 6) : '',
    lat: c ? numberInput(c[1], locale, 6) : '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const sameSet = <T,>(a: T[], b: T[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The dates, accessibility, fee, legal bases and opening hours that differ from `base` (the record as read); the rest undefined, i.e. not sent. */
function changedDetails(v: Values, base: Values) {
  return {
    startDate: v.startDate !== base.startDate ? v.startDate || null : undefined,
    endDate: v.endDate !== base.endDate ? v.endDate || null : undefined,
    accessibility: v.accessibility !== base.accessibility ? v.accessibility : undefined,
    fee: orNull(v.fee) !== orNull(base.fee) ? orNull(v.fee) : undefined,
    legalBases: sameSet(v.legalBases, base.legalBases) ? undefined : v.legalBases,
    openingHours: sameWeek(v.hours, base.hours) ? undefined : weekToApi(v.hours),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Loads the service once (fresh from the server), then hands it to the form. */
export function ServiceEditor({ id, lookups, onCreated }: { id: number | null; lookups: Lookups; onCreated: (id: number, categoryKey: string) => void }) {
  const { t } = useI18n();
  const e = useEditTexts();
  // the id it was opened with: after "anlegen" the parent learns the new id, the form stays
  const [startId] = useState(id);
  const [initial, setInitial] = useState<ServiceRecord | null | undefined>(startId === null ? null : undefined);
  // paused when opened for a new service (startId null)
  const [{ data, error }] = useQuery({ query: EDIT_SERVICE, variables: { id: startId ?? 0 }, requestPolicy: 'network-only', pause: initial !== undefined });
  useEffect(() => {
    if (initial === undefined && data) setInitial(data.service ?? null);
  }, [data, initial]);
  if (error) return <p className="error" role="alert">{t.error}</p>;
  if (initial === undefined) return <p role="status">{t.loading}</p>;
  if (initial === null && startId !== null) return <p className="error" role="alert">{e.notFound}</p>;
  return <ServiceForm initial={initial} lookups={lookups} onCreated={onCreated} />;
}

function ServiceForm({ initial, lookups, onCreated }: { initial: ServiceRecord | null; lookups: Lookups; onCreated: (id: number, categoryKey: string) => void }) {
  const { t, locale } = useI18n();
  const e = useEditTexts();
  const client = useClient();
  const [record, setRecord] = useState(initial);
  const [values, setValues] = useState(() => toValues(initial, locale));
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const state = useSaveState();
  const plausibility = usePlausibility();
  const heading = useRef<HTMLHeadingElement>(null);
  const [, createService] = useMutation(CREATE_SERVICE);
  const [, updateService] = useMutation(UPDATE_SERVICE);
  const [, updateLocation] = useMutation(UPDATE_LOCATION);
  const [, retireService] = useMutation(RETIRE_SERVICE);
  const errors = fieldErrors(state.error, FIELD_IDS);
  const location = record?.locations[0] ?? null;
  // a point outside the city is saved only when the planner confirms it (the server asks)
  const [outsideConfirmed, setOutsideConfirmed] = useState(false);
  const askOutside = state.error?.problems.some((p) => p.reason === 'OUTSIDE_CITY') || outsideConfirmed;
  const fillAddress = useCallback((a: AddressFields) => setValues((v) => ({ ...v, ...a })), []);
  // in the page's notation ("12,373100" in German), so that the fields read back as typed ones do
  const fillPoint = useCallback(
    (lon: number, lat: number) => {
      setValues((v) => ({ ...v, lon: numberInput(lon, locale, 6), lat: numberInput(lat, locale, 6) }));
      setOutsideConfirmed(false);
    },
    [locale],
  );
  const lookup = useAddressLookup(fillAddress, fillPoint);
  const { pointMoved } = lookup;
  const onPoint = useCallback(
    (lon: string, lat: string) => {
      setValues((v) => ({ ...v, lon, lat }));
      setOutsideConfirmed(false);
      const x = readCoordinate(lon, locale);
      const y = readCoordinate(lat, locale);
      if (x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 90) pointMoved(x, y);
    },
    [locale, pointMoved],
  );
  const setAddress = (key: keyof AddressFields) => (value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    lookup.addressTyped(next);
  };

  const savedMessage = (s: ServiceRecord) => {
    const loc = s.locations[0];
    if (!loc?.point) return e.serviceSaved;
    return loc.area ? `${e.serviceSaved} ${e.derivedArea}: ${loc.area.name}.` : `${e.serviceSaved} ${e.outsideAreas}`;
  };

  const save = async (ev?: FormEvent) => {
    ev?.preventDefault();
    const v = values;
    const capacityRead = readCapacity(v.capacity, v.capacityUnit, locale, e);
    const capacity = capacityRead.value;
    const problems: Problem[] = [...capacityRead.problems];
    const lon = readCoordinate(v.lon, locale);
    const lat = readCoordinate(v.lat, locale);
    const typedPoint = v.lon.trim() !== '' || v.lat.trim() !== '';
    if (typedPoint && (lon === null || Math.abs(lon) > 180)) problems.push({ field: 'svc-lon', message: e.lonFormat });
    if (typedPoint && (lat === null || Math.abs(lat) > 90)) problems.push({ field: 'svc-lat', message: e.latFormat });
    if (v.postalCode.trim() && !/^\d{5}$/.test(v.postalCode.trim())) problems.push({ field: 'svc-postal', message: e.postalFormat });
    // an end before the start is the server's check (its message lands at the end date)
    if (v.startDate && !ISO_DATE.test(v.startDate)) problems.push({ field: 'svc-start', message: e.dateFormat });
    if (v.endDate && !ISO_DATE.test(v.endDate)) problems.push({ field: 'svc-end', message: e.dateFormat });
    problems.push(...weekProblems(v.hours, 'svc-hours', e));
    const address = { street: orNull(v.street), houseNumber: orNull(v.houseNumber), postalCode: orNull(v.postalCode), city: orNull(v.city) };
    const hasPoint = lon !== null && lat !== null;
    // the city is prefilled with "Leipzig": alone it is no address that needs a point
    const hasAddress = Object.values(address).some((x) => x !== null && x !== 'Leipzig');
    if (!location && hasAddress && !typedPoint) problems.push({ field: 'svc-lon', message: e.pointRequired });
    if (problems.length) {
      plausibility.dismiss();
      return state.fail(inputError(problems));
    }
    if (!plausibility.check(capacityRead.warnings)) return state.reset();

    const fields = {
      name: v.name.trim(),
      description: orNull(v.description),
      categoryId: v.categoryId ? Number(v.categoryId) : undefined,
      providerId: v.providerId ? Number(v.providerId) : null,
      status: v.status,
      capacity,
      capacityUnit: v.capacityUnit || null,
      targetGroups: v.targetGroups,
      published: v.published,
      ...changedDetails(v, toValues(record, locale)),
      newLocation: !location && hasPoint ? { ...address, lon, lat, outsideCityConfirmed: outsideConfirmed || undefined } : undefined,
    };
    state.setBusy(true);
    try {
      if (!record) {
        const res = await createService({ input: fields });
        if (res.error || !res.data) return state.fail(toSaveError(res.error));
        const created = res.data.createService;
        setRecord(created);
        setValues(toValues(created, locale));
        state.succeed(savedMessage(created));
        onCreated(created.id, created.category.key);
        return;
      }
      const res = await updateService({ input: { ...fields, id: record.id, version: record.version } });
      if (res.error || !res.data) return state.fail(toSaveError(res.error));
      let saved = res.data.updateService;
      const old = location;
      const was = coordinatesOf(old?.point);
      const moved = old && hasPoint && (!was || was[0].toFixed(6) !== lon.toFixed(6) || was[1].toFixed(6) !== lat.toFixed(6));
      const readdressed = old && (['street', 'houseNumber', 'postalCode', 'city'] as const).some((k) => (old[k] ?? null) !== address[k]);
      if (old && (moved || readdressed)) {
        const loc = await updateLocation({ input: { id: old.id, version: old.version, ...address, ...(hasPoint ? { lon, lat, outsideCityConfirmed: outsideConfirmed || undefined } : {}) } });
        if (loc.error || !loc.data) {
          setRecord(saved);
          return state.fail(toSaveError(loc.error));
        }
        const updated = loc.data.updateLocation;
        saved = { ...saved, locations: saved.locations.map((l) => (l.id === updated.id ? { ...l, ...updated } : l)) };
      }
      setRecord(saved);
      state.succeed(savedMessage(saved));
    } finally {
      state.setBusy(false);
    }
  };

  const reload = async () => {
    if (!record) return;
    const res = await client.query(EDIT_SERVICE, { id: record.id }, { requestPolicy: 'network-only' }).toPromise();
    if (res.error || !res.data?.service) return state.fail({ kind: 'other', message: '', problems: [] });
    setRecord(res.data.service);
    setValues(toValues(res.data.service, locale));
    state.succeed(e.reloaded);
    heading.current?.focus();
  };

  const retire = async () => {
    if (!record) return;
    const res = await retireService({ id: record.id, version: record.version });
    if (res.error || !res.data) return state.fail(toSaveError(res.error));
    // a retired service is kept (closed), so the answer has its new version; the server also set
    // its end date, which the form shows when it can read the service again
    const fresh = (await client.query(EDIT_SERVICE, { id: record.id }, { requestPolicy: 'network-only' }).toPromise()).data?.service;
    setRecord(fresh ?? { ...record, status: 'CLOSED', version: res.data.retireService.version ?? record.version });
    setValues((v) => ({ ...v, status: 'CLOSED', endDate: fresh?.endDate ?? v.endDate }));
    state.succeed(e.serviceRetired);
  };

  const categories = [...lookups.categories].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const providers = [...lookups.providers].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const shared = (location?.services ?? []).filter((s) => s.id !== record?.id);

  return (
    <div className="edit-form" data-testid="service-form">
      <h2 ref={heading} tabIndex={-1}>{record ? `${e.service}: ${record.name}` : e.newService}</h2>
      {record && (
        <p className="small muted" data-testid="record-version">
          {e.recordInfo(record.id, record.version)}
        </p>
      )}
      <form onSubmit={save} noValidate aria-label={record ? e.editService : e.newService}>
        <ErrorSummary state={state} fieldIds={FIELD_IDS} onReload={reload} />
        <PlausibilityQuestion plausibility={plausibility} onConfirm={() => void save()} />
        <SavedStatus state={state} />
        <TextField id="svc-name" label={e.name} value={values.name} onChange={set('name')} required error={errors['svc-name']} />
        <SelectField
          id="svc-category"
          label={t.category}
          value={values.categoryId}
          onChange={set('categoryId')}
          required
          empty={t.choose}
          options={categories.map((c) => ({ value: String(c.id), label: localName(c, locale) }))}
          error={errors['svc-category']}
        />
        <SelectField
          id="svc-provider"
          label={t.provider}
          value={values.providerId}
          onChange={set('providerId')}
          empty={e.noProvider}
          options={providers.map((p) => ({ value: String(p.id), label: p.published ? p.name : `${p.name} (${e.draft})` }))}
          error={errors['svc-provider']}
        />
        <CheckboxGroup
          id="svc-groups"
          legend={e.targetGroups}
          values={values.targetGroups}
          onChange={set('targetGroups')}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t.targetGroups[g] ?? g }))}
          error={errors['svc-groups']}
          className="columns"
        />
        <CheckboxGroup
          id="svc-legal"
          legend={e.legalBases}
          values={values.legalBases}
          onChange={set('legalBases')}
          options={LEGAL_BASES.map((b) => ({ value: b, label: e.legalBasisNames[b] ?? b }))}
          error={errors['svc-legal']}
        />
        <div className="two-col">
          <SelectField id="svc-status" label={t.status} value={values.status} onChange={set('status')} options={STATUSES.map((s) => ({ value: s, label: t[s] }))} error={errors['svc-status']} />
          <Checkbox id="svc-published" label={e.published} checked={values.published} onChange={set('published')} hint={e.publishedHint} />
        </div>
        <div className="two-col">
          <TextField id="svc-capacity" label={t.capacity} value={values.capacity} onChange={set('capacity')} inputMode="decimal" error={errors['svc-capacity']} />
          <SelectField
            id="svc-unit"
            label={e.capacityUnit}
            value={values.capacityUnit}
            onChange={set('capacityUnit')}
            empty={e.noUnit}
            options={UNITS.map((u) => ({ value: u, label: e.unitNames[u] ?? u }))}
            error={errors['svc-unit']}
          />
        </div>
        <div className="two-col">
          <TextField id="svc-start" label={e.startDate} type="date" value={values.startDate} onChange={set('startDate')} error={errors['svc-start']} />
          <TextField id="svc-end" label={e.endDate} type="date" value={values.endDate} onChange={set('endDate')} hint={e.endDateHint} error={errors['svc-end']} />
        </div>
        <div className="two-col">
          <SelectField
            id="svc-access"
            label={e.accessibility}
            value={values.accessibility}
            onChange={set('accessibility')}
            options={ACCESSIBILITIES.map((a) => ({ value: a, label: e.accessibilities[a] ?? a }))}
            error={errors['svc-access']}
          />
          <TextField id="svc-fee" label={e.fee} value={values.fee} onChange={set('fee')} hint={e.feeHint} error={errors['svc-fee']} />
        </div>
        <TextArea id="svc-description" label={e.description} value={values.description} onChange={set('description')} error={errors['svc-description']} />
        <OpeningHoursEditor
          id="svc-hours"
          value={values.hours}
          onChange={set('hours')}
          errors={errors}
          error={errors['svc-hours']}
          note={record && weekFromApi(record.openingHours).dropped ? e.openingHoursDropped : undefined}
        />

        <fieldset>
          <legend>{e.address}</legend>
          {shared.length > 0 && <p className="hint">{e.sharedLocation(shared.map((s) => s.name).join(', '))}</p>}
          <div className="address-grid">
            <TextField id="svc-street" label={e.street} value={values.street} onChange={setAddress('street')} autoComplete="off" error={errors['svc-street']} />
            <TextField id="svc-house" label={e.houseNumber} value={values.houseNumber} onChange={setAddress('houseNumber')} autoComplete="off" error={errors['svc-house']} />
            <TextField id="svc-postal" label={e.postalCode} value={values.postalCode} onChange={setAddress('postalCode')} inputMode="numeric" autoComplete="off" error={errors['svc-postal']} />
            <TextField id="svc-city" label={e.city} value={values.city} onChange={setAddress('city')} autoComplete="off" error={errors['svc-city']} />
          </div>
          <AddressStatus status={lookup.status} />
        </fieldset>
        <LocationPicker idPrefix="svc" lon={values.lon} lat={values.lat} onChange={onPoint} savedAreaId={location?.area?.id ?? null} errors={errors} />
        {askOutside && <Checkbox id="svc-outside" label={e.outsideConfirm} checked={outsideConfirmed} onChange={setOutsideConfirmed} hint={e.outsideConfirmHint} />}
        {location?.point && (
          <p data-testid="derived-area">
            {e.derivedArea}: <strong>{location.area?.name ?? e.noArea}</strong>
          </p>
        )}

        <div className="button-row form-actions">
          <button type="submit" className="primary" disabled={state.busy} data-testid="save">
            {record ? e.save : e.create}
          </button>
          {record && record.status !== 'CLOSED' && (
            <ConfirmButton label={e.retireService} confirmLabel={e.retireServiceConfirm} question={e.retireServiceQuestion} onConfirm={retire} testId="retire" />
          )}
        </div>
      </form>
      {record && <FundingSection key={record.id} serviceId={record.id} title={e.fundingOf(record.name)} />}
    </div>
  );
}

/** How the address or the point was found, told to the planner (a live region). */
function AddressStatus({ status }: { status: AddressMatch | null }) {
  const e = useEditTexts();
  const m = e.addressMatch;
  const text = (() => {
    if (!status) return '';
    if (status.direction === 'pending') return m.pending;
    if (status.direction === 'failed') return m.failed;
    if (status.direction === 'toAddress') return m.toAddress[status.match](status.found ?? '', status.distanceMeters);
    return m.toPoint[status.match](status.found ?? '', status.distanceMeters);
  })();
  const match = status && 'match' in status ? status.match : undefined;
  return (
    <p role="status" className={`address-match${match ? ` match-${match.toLowerCase()}` : ''}`} data-testid="address-match" data-match={match}>
      {text}
    </p>
  );
}
