import { useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import type { FeatureCollection, Point } from 'geojson';
import { useI18n } from '../../app/i18n';
import { SERVICE_CATEGORIES, SERVICE_PROVIDERS, SERVICES_FOR_MAP } from '../../data/services';
import type { ServiceCategoriesQuery, ServicesForMapQuery, TargetGroup } from '../../generated/graphql';
import type { ServiceStatusFilter, ViewState } from '../../lib/url-state';
import { categoryColor } from '../../map/layers/services/style';
import { servicePoints } from '../../map/layers/services/geojson';
import { useAllPages } from '../../data/use-all-pages';
import { localName } from '../../lib/format';

export type Category = ServiceCategoriesQuery['serviceCategories'][number];
type ServiceNode = ServicesForMapQuery['services']['nodes'][number];

export interface ServicesState {
  available: boolean;
  categories: Category[];
  enabled: boolean;
  geojson: FeatureCollection<Point> | null;
  loading: boolean;
  error: boolean;
  /** some but not all of the shown services are demo data */
  synthetic: boolean;
  count: number;
}

/** What the service points are filtered by; all of it lives in the address bar. */
export type ServiceFilters = Pick<ViewState, 'categories' | 'serviceStatus' | 'targetGroup' | 'provider'>;

/** The target groups of the filter, in the order planners think of them. */
export const TARGET_GROUPS: TargetGroup[] = ['CHILDREN', 'YOUNG_PEOPLE', 'FAMILIES', 'SINGLE_PARENTS', 'SENIORS', 'PEOPLE_WITH_DISABILITIES', 'MIGRANTS', 'LONG_TERM_UNEMPLOYED', 'HOMELESS_PEOPLE', 'PEOPLE_WITH_ADDICTION'];

/** Services of the chosen categories matching all filters as points (one per location), following the pages. */
export function useServices({ categories: selected, serviceStatus: status, targetGroup, provider, city = null }: ServiceFilters & { city?: string | null }): ServicesState {
  const client = useClient();
  const [{ data, error: catError }] = useQuery({ query: SERVICE_CATEGORIES });
  const categories = data?.serviceCategories ?? [];
  const key = `${selected.join(',')}|${status}|${targetGroup ?? ''}|${provider ?? ''}|${city ?? ''}`;
  const enabled = selected.length > 0 && categories.length > 0;
  const pages = useAllPages<ServiceNode>(
    enabled ? key : null,
    async (after) => {
      const res = await client
        .query(SERVICES_FOR_MAP, {
          categories: selected.includes('all') ? null : selected,
          statuses: status ? [status] : null,
          targetGroups: targetGroup ? [targetGroup as TargetGroup] : null,
          providerIds: provider !== null ? [provider] : null,
          after,
          city,
        })
        .toPromise();
      if (res.error || !res.data) throw res.error ?? new Error('no data');
      return res.data.services;
    },
    20,
  );
  const nodes = pages.nodes;
  const geojson = useMemo(() => (nodes ? servicePoints(nodes, categories) : null), [nodes, categories]);

  return {
    available: !catError && categories.length > 0,
    categories,
    enabled,
    geojson,
    loading: pages.loading,
    error: pages.error,
    synthetic: !!nodes?.some((n) => n.source?.synthetic),
    count: nodes?.length ?? 0,
  };
}

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span className="demo-badge" title={t.demoHint}>
      {t.demoData}
    </span>
  );
}

export function ServicesPanel({ state, filters, onChange }: { state: ServicesState; filters: ServiceFilters; onChange: (patch: Partial<ServiceFilters>) => void }) {
  const { t, locale } = useI18n();
  // Providers are only needed once someone looks at the filters.
  const [{ data: providerData }] = useQuery({ query: SERVICE_PROVIDERS, pause: !state.enabled });
  if (!state.available) return null;
  const selected = filters.categories;
  const all = selected.includes('all');
  const toggle = (key: string, on: boolean) => {
    const current = all ? state.categories.map((c) => c.key) : selected;
    const next = on ? [...new Set([...current, key])] : current.filter((k) => k !== key);
    onChange({ categories: next.length === state.categories.length ? ['all'] : next });
  };
  const providers = [...(providerData?.providers.nodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <section className="services-panel" aria-labelledby="services-title">
      <h2 id="services-title">
        {t.showServices} {state.synthetic && <DemoBadge />}
      </h2>
      <fieldset>
        <legend className="sr-only">{t.category}</legend>
        <label className="inline">
          <input type="checkbox" checked={all} onChange={(e) => onChange({ categories: e.target.checked ? ['all'] : [] })} /> {t.all}
        </label>
        {state.categories.map((c, i) => (
          <label key={c.key} className="inline category">
            <input type="checkbox" checked={all || selected.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
            <span className="dot" style={{ background: categoryColor(i) }} aria-hidden="true" /> {localName(c, locale)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="service-status">{t.status}</label>
      <select id="service-status" value={filters.serviceStatus} onChange={(e) => onChange({ serviceStatus: e.target.value as ServiceStatusFilter })}>
        <option value="ACTIVE">{t.ACTIVE}</option>
        <option value="PLANNED">{t.PLANNED}</option>
        <option value="CLOSED">{t.CLOSED}</option>
        <option value="">{t.all}</option>
      </select>
      <label htmlFor="service-target-group">{t.targetGroup}</label>
      <select id="service-target-group" value={filters.targetGroup ?? ''} onChange={(e) => onChange({ targetGroup: e.target.value || null })}>
        <option value="">{t.all}</option>
        {TARGET_GROUPS.map((g) => (
          <option key={g} value={g}>{t.targetGroups[g]}</option>
        ))}
      </select>
      <label htmlFor="service-provider">{t.provider}</label>
      <select id="service-provider" value={filters.provider ?? ''} onChange={(e) => onChange({ provider: e.target.value ? Number(e.target.value) : null })}>
        <option value="">{t.all}</option>
        {/* a provider from the address bar stays selectable while the list loads */}
        {filters.provider !== null && !providers.some((p) => p.id === filters.provider) && <option value={filters.provider}>{t.loading}</option>}
        {providers.map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
      </select>
      {state.enabled && (
        <p className="small muted" role="status">
          {state.loading ? t.loading : state.error ? t.error : t.servicesCount(state.count)}
        </p>
      )}
      {state.enabled && <p className="small muted">{t.clusterHint}</p>}
    </section>
  );
}
