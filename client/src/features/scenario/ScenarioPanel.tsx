import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import type { AreaInfo } from '../../data/use-areas';
import { SERVICES_FOR_MAP } from '../../data/services';
import type { ClassNames } from '../../lib/categorical';
import { formatNumber } from '../../lib/format';
import { numberInput, parseDecimal } from '../../lib/numbers';
import { pointCoordinates } from '../../lib/geojson';
import type { Level } from '../../lib/url-state';
import type { ScenarioState } from './use-scenario';

interface Props {
  scenario: ScenarioState;
  category: string;
  categoryName: string;
  year: number | null;
  level: Level;
  areas: AreaInfo[] | null;
}

/** Scenario mode: add hypothetical services or close existing ones, compute, compare. */
export function ScenarioPanel({ scenario, category, categoryName, year, level, areas }: Props) {
  const { t, locale } = useI18n();
  const s = scenario;
  const [mode, setMode] = useState<'add' | 'close'>('add');
  const [name, setName] = useState(t.scenarioNewName);
  const [capacity, setCapacity] = useState('60');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [areaId, setAreaId] = useState('');
  const [closeId, setCloseId] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  // a click on the map fills the coordinates
  useEffect(() => {
    if (!s.picked) return;
    setLon(numberInput(s.picked[0], locale, 5));
    setLat(numberInput(s.picked[1], locale, 5));
    setAreaId('');
  }, [s.picked, locale]);

  const [{ data: servicesData }] = useQuery({
    query: SERVICES_FOR_MAP,
    variables: { categories: [category], statuses: ['ACTIVE'], after: null },
    pause: mode !== 'close',
  });
  const services = useMemo(
    () => [...(servicesData?.services.nodes ?? [])].filter((x) => !s.closes.some((c) => c.id === x.id)).sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [servicesData, s.closes],
  );
  const sortedAreas = useMemo(() => [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')), [areas]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const cap = parseDecimal(capacity, locale);
    let point: [number, number] | null = null;
    const x = parseDecimal(lon, locale);
    const y = parseDecimal(lat, locale);
    if (x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 90) point = [x, y];
    if (!point && areaId) {
      point = pointCoordinates(areas?.find((a) => a.id === Number(areaId))?.labelPoint);
    }
    if (cap === null || cap <= 0) return setMessage(t.invalidCapacity);
    if (!point) return setMessage(t.invalidPlace);
    setMessage(null);
    s.setAdds([...s.adds, { lon: point[0], lat: point[1], capacity: cap, name: name.trim() || t.scenarioNewName }]);
    s.setPicked(null);
    s.setPicking(false);
    setLon('');
    setLat('');
    setAreaId('');
  };

  const close = (e: FormEvent) => {
    e.preventDefault();
    const svc = services.find((x) => x.id === Number(closeId));
    if (!svc) return;
    const p = svc.locations.map((l) => pointCoordinates(l.point)).find((c) => c !== null) ?? null;
    s.setCloses([...s.closes, { id: svc.id, name: svc.name, point: p }]);
    setCloseId('');
  };

  const empty = s.adds.length === 0 && s.closes.length === 0;
  return (
    <section className="scenario" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{t.scenario}</h2>
      <p className="note" data-testid="nothing-saved"><strong>{t.scenarioNothingSaved}</strong></p>
      <p className="small muted">{categoryName}{year !== null ? `, ${year}` : ''}</p>

      <fieldset>
        <legend>{t.scenarioAdd} / {t.scenarioClose}</legend>
        <label className="inline"><input type="radio" name="scenario-mode" checked={mode === 'add'} onChange={() => setMode('add')} /> {t.scenarioAdd}</label>
        <label className="inline"><input type="radio" name="scenario-mode" checked={mode === 'close'} onChange={() => { setMode('close'); s.setPicking(false); }} /> {t.scenarioClose}</label>
      </fieldset>

      {mode === 'add' ? (
        <form onSubmit={add} className="controls" aria-label={t.scenarioAdd}>
          <label htmlFor="sc-name">{t.scenarioName}</label>
          <input id="sc-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="sc-capacity">{t.scenarioCapacity}</label>
          <input id="sc-capacity" type="text" inputMode="decimal" value={capacity} onChange={(e) => setCapacity(e.target.value)} required />
          <p className="small muted" id="sc-place-hint">{t.scenarioPlaceHint}</p>
          <button type="button" aria-pressed={s.picking} onClick={() => s.setPicking(!s.picking)} data-testid="pick-on-map">
            {s.picking ? t.scenarioPicking : t.scenarioPickOnMap}
          </button>
          <div className="two-col">
            <div>
              <label htmlFor="sc-lon">{t.lon}</label>
              <input id="sc-lon" type="text" inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} aria-describedby="sc-place-hint" />
            </div>
            <div>
              <label htmlFor="sc-lat">{t.lat}</label>
              <input id="sc-lat" type="text" inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} aria-describedby="sc-place-hint" />
            </div>
          </div>
          <label htmlFor="sc-area">{t.scenarioAreaCentre}</label>
          <select id="sc-area" value={areaId} onChange={(e) => { setAreaId(e.target.value); setLon(''); setLat(''); }}>
            <option value="">{t.choose}</option>
            {sortedAreas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          {message && <p className="error" role="alert">{message}</p>}
          <button type="submit" className="primary">{t.scenarioAddButton}</button>
        </form>
      ) : (
        <form onSubmit={close} className="controls" aria-label={t.scenarioClose}>
          <label htmlFor="sc-close">{t.scenarioCloseService}</label>
          <select id="sc-close" value={closeId} onChange={(e) => setCloseId(e.target.value)}>
            <option value="">{t.choose}</option>
            {services.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
          <button type="submit" disabled={!closeId}>{t.scenarioCloseButton}</button>
        </form>
      )}

      <h3>{t.scenarioChanges}</h3>
      {empty ? (
        <p className="muted small">{t.scenarioNoChanges}</p>
      ) : (
        <ul className="scenario-changes">
          {s.adds.map((a, i) => (
            <li key={`a${i}`}>
              <span className="badge add">{t.adds}</span> {a.name}, {formatNumber(a.capacity, locale, 0)} {t.capacity} ({formatNumber(a.lon, locale, 4)}, {formatNumber(a.lat, locale, 4)}){' '}
              <button type="button" className="link" onClick={() => s.setAdds(s.adds.filter((_, j) => j !== i))} aria-label={`${t.remove}: ${a.name}`}>{t.remove}</button>
            </li>
          ))}
          {s.closes.map((c) => (
            <li key={`c${c.id}`}>
              <span className="badge close">{t.closes}</span> {c.name}{' '}
              <button type="button" className="link" onClick={() => s.setCloses(s.closes.filter((x) => x.id !== c.id))} aria-label={`${t.remove}: ${c.name}`}>{t.remove}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={empty || year === null || s.running} onClick={() => year !== null && s.run(category, year, level)} data-testid="run-scenario">
          {t.scenarioRun}
        </button>
        <button type="button" onClick={s.reset} data-testid="reset-scenario">{t.scenarioReset}</button>
      </div>
      <div role="status" className="small">{s.running ? t.scenarioRunning : ''}</div>
      {s.error && <p className="error" role="alert">{t.error}</p>}

      {s.result && <p className="small" role="status">{s.result.areas.length ? t.scenarioMapShows : t.scenarioNoEffect}</p>}
    </section>
  );
}

/** The affected areas before and after, beside the map (where the area table is). */
export function ScenarioResultTable({ scenario, classNames }: { scenario: ScenarioState; classNames: ClassNames }) {
  const { t, locale } = useI18n();
  const s = scenario;
  const labelOf = (cls: string | null) => (cls ? (classNames.get(cls) ?? cls) : '–');
  if (!s.result || s.result.areas.length === 0) return null;
  return (
    <div className="scenario-result">
      <table className="kf" data-testid="scenario-table">
        <caption>{t.scenarioResult} <span className="muted small">— {t.scenarioNothingSaved}</span></caption>
        <thead>
          <tr>
            <th scope="col">{t.area}</th>
            <th scope="col" className="num">{t.services} ({t.capacity})</th>
            <th scope="col" className="num">{t.accessibility}</th>
            <th scope="col">{t.classCol}</th>
          </tr>
        </thead>
        <tbody>
          {s.result.areas.map((a) => (
            <tr key={a.area?.id} data-area-id={a.area?.id}>
              <th scope="row">{a.area?.name}</th>
              <td className="num">
                {a.before.services} → {a.after.services}
                <br />
                <span className="muted">({formatNumber(a.before.capacity, locale, 0)} → {formatNumber(a.after.capacity, locale, 0)})</span>
              </td>
              <td className="num">{formatNumber(a.before.accessibilityPer1000, locale, 2)} → {formatNumber(a.after.accessibilityPer1000, locale, 2)}</td>
              <td data-before={a.before.gapClass ?? ''} data-after={a.after.gapClass ?? ''}>
                {a.before.gapClass === a.after.gapClass ? labelOf(a.after.gapClass) : <strong>{labelOf(a.before.gapClass)} → {labelOf(a.after.gapClass)}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
