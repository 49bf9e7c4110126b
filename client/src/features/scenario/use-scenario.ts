import { useCallback, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { SCENARIO } from '../../data/analysis';
import type { ScenarioQuery, ScenarioServiceInput } from '../../generated/graphql';
import type { ScenarioChange } from '../../lib/categorical';
import type { Level } from '../../lib/url-state';

export type PlannedService = ScenarioServiceInput & { name: string };
export interface ClosedService { id: number; name: string; point: [number, number] | null }
export type ScenarioAreaResult = ScenarioQuery['scenario']['areas'][number];

/** A what-if scenario in the browser only: planned changes, the API's answer, nothing stored. */
export function useScenario() {
  const client = useClient();
  const [adds, setAdds] = useState<PlannedService[]>([]);
  const [closes, setCloses] = useState<ClosedService[]>([]);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [result, setResult] = useState<{ key: string; areas: ScenarioAreaResult[] } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState(false);

  const run = useCallback(
    async (category: string, year: number, level: Level) => {
      setRunning(true);
      setError(false);
      const input = { category, year, needYear: year, level, addServices: adds, closeServiceIds: closes.map((c) => c.id) };
      const res = await client.query(SCENARIO, { input }, { requestPolicy: 'network-only' }).toPromise();
      setRunning(false);
      if (res.error || !res.data) {
        setError(true);
        setResult(null);
        return;
      }
      setResult({ key: `${category}|${year}|${level}`, areas: res.data.scenario.areas });
    },
    [client, adds, closes],
  );

  const reset = useCallback(() => {
    setAdds([]);
    setCloses([]);
    setResult(null);
    setPicked(null);
    setPicking(false);
    setError(false);
  }, []);

  /** The gap classes after the scenario, for the map (only while the result is current). */
  const changes = useCallback(
    (category: string, year: number | null, level: Level): ScenarioChange[] | null =>
      result && result.key === `${category}|${year}|${level}`
        ? result.areas.filter((a) => a.area).map((a) => ({ areaId: a.area!.id, afterClass: a.after.gapClass, afterScore: a.after.gapScore }))
        : null,
    [result],
  );

  const points = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: [
        ...adds.map((a) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] }, properties: { kind: 'add', name: a.name } })),
        ...closes.filter((c) => c.point).map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c.point! }, properties: { kind: 'close', name: c.name } })),
        ...(picked ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: picked }, properties: { kind: 'picked', name: '' } }] : []),
      ],
    }),
    [adds, closes, picked],
  );

  return { adds, setAdds, closes, setCloses, picking, setPicking, picked, setPicked, result, running, error, run, reset, changes, points };
}

export type ScenarioState = ReturnType<typeof useScenario>;
