import { useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import type { AreaValue, LayerMeta, LayerSource } from '../lib/layer-values';
import type { Level } from '../lib/url-state';
import type { IndicatorsQuery } from '../generated/graphql';
import { INDICATOR_VALUES, INDICATORS } from './queries';
import { useAllPages } from './use-all-pages';

export type IndicatorDef = IndicatorsQuery['indicators'][number];

export function useIndicators() {
  const [{ data, fetching, error }] = useQuery({ query: INDICATORS });
  return { indicators: data?.indicators ?? null, fetching, error };
}

/** All values of one layer source for all years of a level (follows the pages). */
export function useLayerValues(source: LayerSource, level: Level, indicators: IndicatorDef[] | null, city: string | null = null) {
  const client = useClient();
  const key = source.kind === 'indicator' ? source.indicator : null;
  const pages = useAllPages<AreaValue>(key ? `${key}|${level}|${city ?? ''}` : null, async (after) => {
    const res = await client.query(INDICATOR_VALUES, { key: key!, level, after, city }).toPromise();
    if (res.error || !res.data) throw res.error ?? new Error('no data');
    const { nodes, pageInfo } = res.data.indicatorValues;
    return { nodes: nodes.map((n) => ({ areaId: n.area.id, year: n.year, value: n.value, status: n.status })), pageInfo };
  });

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

  return { meta, rows: pages.nodes, loading: key === null || pages.loading, error: pages.error, retry: pages.retry };
}
