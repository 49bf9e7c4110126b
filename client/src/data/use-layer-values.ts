import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { AreaValue, LayerMeta, LayerSource } from '../lib/layer-values';
import type { Level } from '../lib/url-state';
import type { IndicatorsQuery } from '../generated/graphql';
import { INDICATOR_VALUES, INDICATORS } from './queries';

export type IndicatorDef = IndicatorsQuery['indicators'][number];

export function useIndicators() {
  const [{ data, fetching, error }] = useQuery({ query: INDICATORS });
  return { indicators: data?.indicators ?? null, fetching, error };
}

/** All values of one layer source for all years of a level (follows the pages). */
export function useLayerValues(source: LayerSource, level: Level, indicators: IndicatorDef[] | null) {
  const client = useClient();
  const key = source.kind === 'indicator' ? source.indicator : null;
  const [state, setState] = useState<{ key: string; rows: AreaValue[] | null; error: boolean }>({ key: '', rows: null, error: false });
  const stateKey = `${key}|${level}`;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    setState({ key: stateKey, rows: null, error: false });
    (async () => {
      const rows: AreaValue[] = [];
      let after: string | null = null;
      for (let page = 0; page < 40; page++) {
        const res = await client.query(INDICATOR_VALUES, { key, level, after }).toPromise();
        if (res.error || !res.data) throw res.error ?? new Error('no data');
        for (const n of res.data.indicatorValues.nodes) rows.push({ areaId: n.area.id, year: n.year, value: n.value, status: n.status });
        if (!res.data.indicatorValues.pageInfo.hasNextPage) break;
        after = res.data.indicatorValues.pageInfo.endCursor;
      }
      return rows;
    })().then(
      (rows) => !cancelled && setState({ key: stateKey, rows, error: false }),
      () => !cancelled && setState({ key: stateKey, rows: null, error: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, key, level, stateKey, attempt]);

  const meta = useMemo<LayerMeta | null>(() => {
    const def = indicators?.find((i) => i.key === key);
    if (!def) return null;
    return {
      key: def.key,
      name: def.name,
      nameEn: def.nameEn,
      unit: def.unit,
      polarity: def.polarity,
      description: def.description,
      attribution: def.source.attribution,
      synthetic: def.source.synthetic,
    };
  }, [indicators, key]);

  const current = state.key === stateKey;
  return {
    meta,
    rows: current ? state.rows : null,
    loading: !current || (state.rows === null && !state.error),
    error: current && state.error,
    retry: () => setAttempt((a) => a + 1),
  };
}
