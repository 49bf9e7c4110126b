import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { SERVICES_FOR_MAP } from '../../data/services';
import type { ScenarioQuery, ScenarioServiceInput } from '../../generated/graphql';
import type { ScenarioChange } from '../../lib/categorical';
import { pointCoordinates } from '../../lib/geojson';
import { EMPTY_SCENARIO, type Level, type ScenarioSpec } from '../../lib/url-state';
import { SCENARIO } from '../../data/analysis';
import { SCENARIO_FUNDINGS } from './queries';
import { scenarioPointFeatures } from '../../map/layers/overlays/geojson';

export type PlannedService = ScenarioServiceInput & { name: string };
export interface ClosedService { id: number; name: string; point: [number, number] | null }
export type ScenarioAreaResult = ScenarioQuery['scenario']['areas'][number];
export type ScenarioMoneyResult = NonNullable<ScenarioQuery['scenario']['money']>[number];
/** A service's total funding in the scenario's year: before, and the amount the scenario sets. */
export interface FundedService { serviceId: number; name: string; category: string; amount: number }

const keyOf = (spec: ScenarioSpec, category: string, year: number | null, level: Level, city: string | null) => JSON.stringify([spec, category, year, level, city]);

/**
 * A what-if scenario in the browser only: the planned changes live in the address (`spec`, so a
 * reload or a shared link shows them again), the API's answer in memory, nothing is stored.
 */
/** `city`: the city's key (null: the default city); its services, funding and areas only. */
export function useScenario(spec: ScenarioSpec, setSpec: (spec: ScenarioSpec) => void, category: string, year: number | null, level: Level, active: boolean, city: string | null = null) {
  const client = useClient();
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [result, setResult] = useState<{ key: string; areas: ScenarioAreaResult[]; money: ScenarioMoneyResult[] | null; unavailable: ScenarioQuery['scenario']['unavailable'] } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState(false);
  const [wantServices, setWantServices] = useState(false);

  // the category's active services: to choose a closure, and to name and place the closed ones
  const [{ data: servicesData }] = useQuery({
    query: SERVICES_FOR_MAP,
    variables: { categories: [category], statuses: ['ACTIVE'], after: null, city },
    pause: !active || (!wantServices && spec.closes.length === 0),
  });
  const services = useMemo(() => [...(servicesData?.services.nodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')), [servicesData]);
  const closes = useMemo<ClosedService[]>(
    () =>
      spec.closes.map((id) => {
        const s = services.find((x) => x.id === id);
        return { id, name: s?.name ?? `#${id}`, point: s ? (s.locations.map((l) => pointCoordinates(l.point)).find((c) => c !== null) ?? null) : null };
      }),
    [spec.closes, services],
  );

  // funding of the year, per service of the category (a scenario sets a service's total for the year)
  const [{ data: fundingData }] = useQuery({ query: SCENARIO_FUNDINGS, variables: { year: year ?? 0, after: null, city }, pause: !active || year === null || (!wantServices && spec.funding.length === 0) });
  const funded = useMemo<FundedService[]>(() => {
    const totals = new Map<number, FundedService>();
    for (const f of fundingData?.fundings.nodes ?? []) {
      if (!f.service) continue;
      const t = totals.get(f.service.id) ?? { serviceId: f.service.id, name: f.service.name, category: f.service.category.key, amount: 0 };
      t.amount += Number(f.amount);
      totals.set(f.service.id, t);
    }
    return [...totals.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, [fundingData]);

  const key = keyOf(spec, category, year, level, city);
  const empty = spec.adds.length === 0 && spec.closes.length === 0 && spec.funding.length === 0;

  const run = useCallback(async () => {
    if (year === null || empty) return;
    setRunning(true);
    setError(false);
    const input = {
      category,
      year,
      needYear: year,
      level,
      addServices: spec.adds.map((a) => ({ lon: a.lon, lat: a.lat, capacity: a.capacity, name: a.name })),
      closeServiceIds: spec.closes,
      fundingChanges: spec.funding.map((f) => ({ serviceId: f.serviceId, year: f.year, amount: f.amount.toFixed(2) })),
    };
    const res = await client.query(SCENARIO, { input, city }, { requestPolicy: 'network-only' }).toPromise();
    setRunning(false);
    if (res.error || !res.data) {
      setError(true);
      setResult(null);
      return;
    }
    setResult({ key, areas: res.data.scenario.areas, money: res.data.scenario.money ?? null, unavailable: res.data.scenario.unavailable });
  }, [client, spec, category, year, level, key, empty, city]);

  // a scenario that came with the address is computed right away (reload, shared link)
  const fromAddress = useRef(!empty);
  useEffect(() => {
    if (fromAddress.current && active && year !== null) {
      fromAddress.current = false;
      void run();
    }
  }, [active, year, run]);

  const reset = useCallback(() => {
    setSpec(EMPTY_SCENARIO);
    setResult(null);
    setPicked(null);
    setPicking(false);
    setError(false);
  }, [setSpec]);

  const current = result && result.key === key ? result : null;

  /** The gap classes after the scenario, for the map (only while the result is current). */
  const changes = useCallback(
    (cat: string, y: number | null, lvl: Level): ScenarioChange[] | null =>
      current && keyOf(spec, cat, y, lvl, city) === key
        ? current.areas.filter((a) => a.area).map((a) => ({ areaId: a.area!.id, afterClass: a.after.gapClass, afterScore: a.after.gapScore }))
        : null,
    [current, spec, key, city],
  );

  const points = useMemo(() => scenarioPointFeatures(spec.adds, closes, picked), [spec.adds, closes, picked]);

  return {
    spec,
    setSpec,
    adds: spec.adds,
    closes,
    funding: spec.funding,
    services,
    funded,
    setWantServices,
    picking,
    setPicking,
    picked,
    setPicked,
    /** the computed result while it matches the planned changes; null after any edit until computed again */
    result: current,
    /** what the API answered it cannot compute for the city (e.g. SCENARIO_DEMAND in Chemnitz) */
    unavailable: current?.unavailable ?? [],
    /** the planned changes differ from the last computed ones */
    stale: !!result && !current,
    empty,
    running,
    error,
    run,
    reset,
    changes,
    points,
  };
}

export type ScenarioState = ReturnType<typeof useScenario>;
