import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import type { AreaInfo } from '../../data/use-areas';
import type { ClassNames } from '../../lib/categorical';
import { formatEuro, formatNumber } from '../../lib/format';
import { numberInput, parseDecimal } from '../../lib/numbers';
import { pointCoordinates } from '../../lib/geojson';
import { summarise, type SummaryRow } from './summary';
import { useScenarioTexts } from './texts';
import type { ScenarioState } from './use-scenario';

interface Props {
  scenario: ScenarioState;
  category: string;
  categoryName: string;
  year: number | null;
  areas: AreaInfo[] | null;
  /** the API's sentence on why the city shown cannot have a scenario (City.unavailable), if so */
  unavailable?: { message: string; messageEn: string } | null;
}

type Mode = 'add' | 'close' | 'funding';

/** Scenario mode: add hypothetical services, close existing ones, cut or raise funding; compute, compare. */
export function ScenarioPanel(props: Props) {
  const { t, locale } = useI18n();
  // nothing to plan with where the API cannot compute it: its reason, no form that cannot work
  const why = props.unavailable ?? props.scenario.unavailable[0] ?? null;
  if (why)
    return (
      <section className="scenario" aria-labelledby="scenario-title">
        <h2 id="scenario-title">{t.scenario}</h2>
        <p className="notice" role="status" data-testid="scenario-unavailable">{locale === 'en' ? why.messageEn : why.message}</p>
      </section>
    );
  return <ScenarioForm {...props} />;
}

function ScenarioForm({ scenario, category, categoryName, year, areas }: Props) {
  const { t, locale } = useI18n();
  const ts = useScenarioTexts();
  const s = scenario;
  const [mode, setMode] = useState<Mode>('add');
  const [name, setName] = useState(t.scenarioNewName);
  const [capacity, setCapacity] = useState('60');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [areaId, setAreaId] = useState('');
  const [closeId, setCloseId] = useState('');
  const [fundId, setFundId] = useState('');
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { setWantServices } = s;
  useEffect(() => setWantServices(mode !== 'add'), [mode, setWantServices]);

  // a click on the map fills the coordinates
  useEffect(() => {
    if (!s.picked) return;
    setLon(numberInput(s.picked[0], locale, 5));
    setLat(numberInput(s.picked[1], locale, 5));
    setAreaId('');
  }, [s.picked, locale]);

  const closable = useMemo(() => s.services.filter((x) => !s.spec.closes.includes(x.id)), [s.services, s.spec.closes]);
  const sortedAreas = useMemo(() => [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')), [areas]);
  const fundable = useMemo(() => s.funded.filter((f) => f.category === category && !s.spec.funding.some((c) => c.serviceId === f.serviceId && c.year === year)), [s.funded, s.spec.funding, category, year]);
  const fund = fundable.find((f) => f.serviceId === Number(fundId)) ?? null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const cap = parseDecimal(capacity, locale);
    let point: [number, number] | null = null;
    const x = parseDecimal(lon, locale);
    const y = parseDecimal(lat, locale);
    if (x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 90) point = [x, y];
    if (!point && areaId) point = pointCoordinates(areas?.find((a) => a.id === Number(areaId))?.labelPoint);
    if (cap === null || cap <= 0) return setMessage(t.invalidCapacity);
    if (!point) return setMessage(t.invalidPlace);
    setMessage(null);
    s.setSpec({ ...s.spec, adds: [...s.spec.adds, { lon: point[0], lat: point[1], capacity: cap, name: name.trim() || t.scenarioNewName }] });
    s.setPicked(null);
    s.setPicking(false);
    setLon('');
    setLat('');
    setAreaId('');
  };

  const close = (e: FormEvent) => {
    e.preventDefault();
    const id = Number(closeId);
    if (!closable.some((x) => x.id === id)) return;
    s.setSpec({ ...s.spec, closes: [...s.spec.closes, id] });
    setCloseId('');
  };

  const changeFunding = (e: FormEvent) => {
    e.preventDefault();
    const value = parseDecimal(amount, locale);
    if (!fund || year === null) return;
    if (value === null || value < 0) return setMessage(ts.fundingBadAmount);
    setMessage(null);
    s.setSpec({ ...s.spec, funding: [...s.spec.funding, { serviceId: fund.serviceId, year, amount: Math.round(value * 100) / 100 }] });
    setFundId('');
    setAmount('');
  };
  const quick = (factor: number) => fund && setAmount(String(Math.round(fund.amount * factor)));

  const fundingName = (id: number) => s.funded.find((f) => f.serviceId === id)?.name ?? `#${id}`;
  const fundingBefore = (id: number) => s.funded.find((f) => f.serviceId === id)?.amount ?? null;

  return (
    <section className="scenario" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{t.scenario}</h2>
      <p className="note" data-testid="nothing-saved"><strong>{t.scenarioNothingSaved}</strong></p>
      <p className="small muted">{categoryName}{year !== null ? `, ${year}` : ''}</p>

      <fieldset>
        <legend>{t.scenarioAdd} / {t.scenarioClose} / {ts.funding}</legend>
        <label className="inline"><input type="radio" name="scenario-mode" checked={mode === 'add'} onChange={() => setMode('add')} /> {t.scenarioAdd}</label>
        <label className="inline"><input type="radio" name="scenario-mode" checked={mode === 'close'} onChange={() => { setMode('close'); s.setPicking(false); }} /> {t.scenarioClose}</label>
        <label className="inline"><input type="radio" name="scenario-mode" checked={mode === 'funding'} onChange={() => { setMode('funding'); s.setPicking(false); }} /> {ts.funding}</label>
      </fieldset>

      {mode === 'add' && (
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
      )}
      {mode === 'close' && (
        <form onSubmit={close} className="controls" aria-label={t.scenarioClose}>
          <label htmlFor="sc-close">{t.scenarioCloseService}</label>
          <select id="sc-close" value={closeId} onChange={(e) => setCloseId(e.target.value)}>
            <option value="">{t.choose}</option>
            {closable.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
          <button type="submit" disabled={!closeId}>{t.scenarioCloseButton}</button>
        </form>
      )}
      {mode === 'funding' && year !== null && (
        <form onSubmit={changeFunding} className="controls" aria-label={ts.funding} data-testid="scenario-funding">
          <label htmlFor="sc-fund">{ts.fundingService(year)}</label>
          <select id="sc-fund" value={fundId} onChange={(e) => { setFundId(e.target.value); setAmount(''); }}>
            <option value="">{t.choose}</option>
            {fundable.map((f) => <option key={f.serviceId} value={f.serviceId}>{f.name} ({formatEuro(f.amount, locale)})</option>)}
          </select>
          {s.funded.length > 0 && fundable.length === 0 && <p className="small muted">{ts.fundingNone(year)}</p>}
          {fund && (
            <>
              <p className="small" data-testid="funding-now">{ts.fundingNow(formatEuro(fund.amount, locale))}</p>
              <div className="button-row" role="group" aria-label={ts.fundingQuick}>
                <button type="button" onClick={() => quick(0)}>{ts.fundingZero}</button>
                <button type="button" onClick={() => quick(0.5)}>{ts.fundingCut(50)}</button>
                <button type="button" onClick={() => quick(0.9)}>{ts.fundingCut(10)}</button>
                <button type="button" onClick={() => quick(1.1)}>{ts.fundingRaise(10)}</button>
              </div>
              <label htmlFor="sc-amount">{ts.fundingAmount}</label>
              <input id="sc-amount" type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
            </>
          )}
          {message && <p className="error" role="alert">{message}</p>}
          <button type="submit" className="primary" disabled={!fund}>{ts.fundingAdd}</button>
          <p className="small muted">{ts.fundingNote}</p>
        </form>
      )}

      <h3>{t.scenarioChanges}</h3>
      {s.empty ? (
        <p className="muted small">{t.scenarioNoChanges}</p>
      ) : (
        <ul className="scenario-changes">
          {s.adds.map((a, i) => (
            <li key={`a${i}`}>
              <span className="badge add">{t.adds}</span> {a.name}, +{formatNumber(a.capacity, locale, 0)} {locale === 'en' ? 'places' : 'Plätze'} ({formatNumber(a.lon, locale, 4)}, {formatNumber(a.lat, locale, 4)}){' '}
              <button type="button" className="link" onClick={() => s.setSpec({ ...s.spec, adds: s.spec.adds.filter((_, j) => j !== i) })} aria-label={`${t.remove}: ${a.name}`}>{t.remove}</button>
            </li>
          ))}
          {s.closes.map((c) => (
            <li key={`c${c.id}`}>
              <span className="badge close">{t.closes}</span> {c.name}{' '}
              <button type="button" className="link" onClick={() => s.setSpec({ ...s.spec, closes: s.spec.closes.filter((x) => x !== c.id) })} aria-label={`${t.remove}: ${c.name}`}>{t.remove}</button>
            </li>
          ))}
          {s.funding.map((f) => {
            const before = fundingBefore(f.serviceId);
            const delta = before !== null ? f.amount - before : null;
            return (
              <li key={`f${f.serviceId}-${f.year}`} data-testid="funding-change">
                <span className="badge funding">{ts.fundingChange} {f.year}</span> {fundingName(f.serviceId)}: {before !== null && <>{formatEuro(before, locale)} → </>}
                {formatEuro(f.amount, locale)}
                {delta !== null && delta !== 0 && <> ({delta > 0 ? '+' : '−'}{formatEuro(Math.abs(delta), locale)})</>}{' '}
                <button type="button" className="link" onClick={() => s.setSpec({ ...s.spec, funding: s.spec.funding.filter((x) => x !== f) })} aria-label={`${t.remove}: ${fundingName(f.serviceId)}`}>{t.remove}</button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={s.empty || year === null || s.running} onClick={() => void s.run()} data-testid="run-scenario">
          {t.scenarioRun}
        </button>
        <button type="button" onClick={s.reset} data-testid="reset-scenario">{t.scenarioReset}</button>
      </div>
      <div role="status" className="small">{s.running ? t.scenarioRunning : s.stale && !s.empty ? ts.stale : ''}</div>
      {s.error && <p className="error" role="alert">{t.error}</p>}
      {!s.empty && <p className="small muted">{ts.shareHint}</p>}
      {s.result && (
        <p className="small" role="status">
          {s.result.areas.length ? t.scenarioMapShows : t.scenarioNoEffect}
          {s.result.areas.some((a) => a.before.gapClass !== a.after.gapClass) && <> {ts.ringNote}</>}
        </p>
      )}
    </section>
  );
}

function SummaryList({ rows, classNames }: { rows: SummaryRow[]; classNames: ClassNames }) {
  const ts = useScenarioTexts();
  const labelOf = (cls: string | null) => (cls ? (classNames.get(cls) ?? cls) : '–');
  return (
    <ul className="scenario-summary">
      {rows.map((r) => (
        <li key={r.areaId} data-area-id={r.areaId} data-before={r.from ?? ''} data-after={r.to ?? ''}>
          <strong>{r.name}</strong>
          {r.move !== 0 && (
            <span className={`badge ${r.move < 0 ? 'better' : 'worse'}`}>
              {' '}
              {r.move < 0 ? ts.better : ts.worse}
            </span>
          )}
          {r.from !== r.to && (
            <span className="sr-only">
              {' '}
              {labelOf(r.from)} → {labelOf(r.to)}
            </span>
          )}
          <br />
          <span className="small">{r.words.join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}

/** What the scenario changes, beside the map (where the area table is): class moves first, the rest folded. */
export function ScenarioResultTable({ scenario, classNames }: { scenario: ScenarioState; classNames: ClassNames }) {
  const { t, locale } = useI18n();
  const ts = useScenarioTexts();
  const s = scenario;
  const summary = useMemo(() => (s.result ? summarise(s.result.areas, s.result.money, locale, classNames) : null), [s.result, locale, classNames]);
  if (!s.result || !summary || summary.moved.length + summary.rest.length === 0) return null;
  return (
    <section className="scenario-result" aria-labelledby="scenario-summary-title" data-testid="scenario-table">
      <h2 id="scenario-summary-title">
        {ts.summary} <span className="muted small">— {t.scenarioNothingSaved}</span>
      </h2>
      <p data-testid="scenario-moved-count"><strong>{summary.moved.length ? ts.moved(summary.moved.length) : ts.noneMoved}</strong></p>
      {summary.moved.length > 0 && <SummaryList rows={summary.moved} classNames={classNames} />}
      {summary.rest.length > 0 && (
        <details data-testid="scenario-rest">
          <summary>{ts.rest(summary.rest.length)}</summary>
          <SummaryList rows={summary.rest} classNames={classNames} />
        </details>
      )}
    </section>
  );
}
