// The planning analyses of the API as map layers and profile sections: need index (Bedarfsindex),
// gaps (Versorgungslücken), coverage, early warnings, scenarios.
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../generated';
import type { CategoriesWithNormQuery, GapLayerQuery, NeedIndexLayerQuery } from '../generated/graphql';
import type { ClassRow } from '../lib/categorical';
import type { Level } from '../lib/url-state';

/** The years the API can compute the need index for (all its inputs have data). */
export const NEED_YEARS = graphql(`
  query NeedYears($city: String) {
    needIndexYears(city: $city)
  }
`);

export const NEED_INDEX = graphql(`
  query NeedIndexLayer($level: AreaLevel!, $year: Int!, $city: String) {
    needIndex(level: $level, year: $year, city: $city) {
      method { de en }
      statusClasses { key de en }
      areas {
        area { id }
        statusZ statusClass statusLabelDe needLabelDe needLabelEn rank dynamicsClass
        combined { code de en }
        excluded reason reasonDetail
        components { indicatorKey value z contribution }
      }
    }
  }
`);

export const GAPS = graphql(`
  query GapLayer($category: String!, $year: Int!, $needYear: Int!, $level: AreaLevel!, $city: String) {
    gaps(category: $category, year: $year, needYear: $needYear, level: $level, city: $city) {
      method { de en }
      classes { key de en }
      rows { area { id } gapClass gapLabelDe gapLabelEn score need supply reason }
    }
  }
`);

export const CATEGORIES_WITH_NORM = graphql(`
  query CategoriesWithNorm {
    serviceCategories { key name nameEn norm { zoneRadiiM zoneWeights capacityPer1000 } }
  }
`);

export const SCENARIO = graphql(`
  query Scenario($input: ScenarioInput!, $city: String) {
    scenario(input: $input, city: $city) {
      unavailable { what reason message messageEn }
      areas {
        area { id name }
        changed
        before { services capacity accessibilityPer1000 gapClass gapScore }
        after { services capacity accessibilityPer1000 gapClass gapScore }
      }
      money { area { id name } year before after }
    }
  }
`);

export const EARLY_WARNINGS = graphql(`
  query EarlyWarnings($year: Int!, $level: AreaLevel!, $city: String) {
    earlyWarnings(year: $year, level: $level, city: $city) { alerts { area { id } indicatorKey message messageEn years values } }
  }
`);

export const COVERAGE = graphql(`
  query Coverage($year: Int!, $level: AreaLevel!, $city: String) {
    coverage(year: $year, level: $level, city: $city) {
      rows { area { id } category services capacity capacityKnown capacityComplete servicesWithoutCapacity ratioPer1000 norm coveragePercent reason }
    }
  }
`);

export type NeedArea = NeedIndexLayerQuery['needIndex']['areas'][number];
export type GapRowData = GapLayerQuery['gaps']['rows'][number];
export type CategoryWithNorm = CategoriesWithNormQuery['serviceCategories'][number];

export function useCategories() {
  const [{ data }] = useQuery({ query: CATEGORIES_WITH_NORM });
  return data?.serviceCategories ?? null;
}

/** Years the need index can be computed for, from the API (all its default indicators have data). */
export function useNeedYears(city: string | null = null) {
  const [{ data, error }] = useQuery({ query: NEED_YEARS, variables: { city } });
  return useMemo(() => {
    if (error) return [];
    return data ? data.needIndexYears : null;
  }, [data, error]);
}

export function useNeedIndex(level: Level, year: number | null, pause = false, city: string | null = null) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NEED_INDEX,
    // paused while there is no year yet
    variables: { level, year: year ?? 0, city },
    pause: pause || year === null,
  });
  return { data: data?.needIndex ?? null, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

export function needRows(areas: NeedArea[], locale: 'de' | 'en'): ClassRow[] {
  return areas.filter((a) => a.area).map((a) => ({
    areaId: a.area!.id,
    classKey: a.excluded ? null : a.statusClass,
    label: (locale === 'en' ? a.needLabelEn : a.needLabelDe) ?? null,
    value: a.statusZ,
    rank: a.rank,
    excluded: a.excluded,
    reason: a.reason,
  }));
}

export function useGaps(category: string, level: Level, year: number | null, pause = false, city: string | null = null) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: GAPS,
    // paused while there is no year yet
    variables: { category, level, year: year ?? 0, needYear: year ?? 0, city },
    pause: pause || year === null,
  });
  return { data: data?.gaps ?? null, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

export function gapRows(rows: GapRowData[], locale: 'de' | 'en'): ClassRow[] {
  return rows.filter((r) => r.area).map((r) => ({
    areaId: r.area!.id,
    classKey: r.gapClass,
    label: (locale === 'en' ? r.gapLabelEn : r.gapLabelDe) ?? null,
    value: r.score,
    rank: null,
    excluded: r.gapClass === null && r.reason === 'NOT_IN_INDEX',
    reason: r.reason,
  }));
}
