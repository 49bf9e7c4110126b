import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { useI18n } from '../../app/i18n';
import { SERVICE_CATEGORIES, SERVICES_FOR_MAP } from '../../data/services';
import type { ServiceCategoriesQuery, ServicesForMapQuery, ServiceStatus } from '../../generated/graphql';
import { pointCoordinates } from '../../lib/geojson';
import { categoryColor } from '../../map/layers/services/style';

export type Category = ServiceCategoriesQuery['serviceCategories'][number];
type ServiceNode = ServicesForMapQuery['services']['nodes'][number];

export interface ServicesState {
  available: boolean;
  categories: Category[];
  enabled: boolean;
  geojson: FeatureCollection<Point> | null;
  loading: boolean;
  error: boolean;
  synthetic: boolean;
  count: number;
  status: ServiceStatus | '';
  setStatus: (s: ServiceStatus | '') => void;
}

/** Services of the chosen categories as points (one per location), following the pages. */
export function useServices(selected: string[]): ServicesState {
  const client = useClient();
  const [{ data, error: catError }] = useQuery({ query: SERVICE_CATEGORIES });
  const categories = data?.serviceCategories ?? [];
  const [status, setStatus] = useState<ServiceStatus | ''>('ACTIVE');
  const [result, setResult] = useState<{ key: string; nodes: ServiceNode[] | null; error: boolean }>({ key: '', nodes: null, error: false });
  const key = `${selected.join(',')}|${status}`;
  const enabled = selected.length > 0 && categories.length > 0;

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    (async () => {
      const nodes: ServiceNode[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res = await client
          .query(SERVICES_FOR_MAP, { categories: selected.includes('all') ? null : selected, statuses: status ? [status] : null, after })
          .toPromise();
        if (res.error || !res.data) throw res.error;
        nodes.push(...res.data.services.nodes);
        if (!res.data.services.pageInfo.hasNextPage) break;
        after = res.data.services.pageInfo.endCursor;
      }
      return nodes;
    })().then(
      (nodes) => !cancelled && setResult({ key, nodes, error: false }),
      () => !cancelled && setResult({ key, nodes: null, error: true }),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, enabled]);

  const nodes = result.key === key ? result.nodes : null;
  const geojson = useMemo<FeatureCollection<Point> | null>(() => {
    if (!nodes) return null;
    const order = new Map(categories.map((c, i) => [c.key, i]));
    const features: Feature<Point>[] = [];
    for (const s of nodes) {
      for (const l of s.locations) {
        const at = pointCoordinates(l.point);
        if (!at) continue;
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: at },
          properties: { id: s.id, name: s.name, categoryKey: s.category.key, category: s.category.name, categoryEn: s.category.nameEn, provider: s.provider?.name ?? '', synthetic: !!s.source?.synthetic, color: categoryColor(order.get(s.category.key) ?? 0) },
        });
      }
    }
    return { type: 'FeatureCollection', features };
  }, [nodes, categories]);

  return {
    available: !catError && categories.length > 0,
    categories,
    enabled,
    geojson,
    loading: enabled && result.key !== key,
    error: result.key === key && result.error,
    synthetic: !!nodes?.some((n) => n.source?.synthetic),
    count: nodes?.length ?? 0,
    status,
    setStatus,
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

export function ServicesPanel({ state, categories: selected, onChange }: { state: ServicesState; categories: string[]; onChange: (c: string[]) => void }) {
  const { t, locale } = useI18n();
  if (!state.available) return null;
  const all = selected.includes('all');
  const toggle = (key: string, on: boolean) => {
    const current = all ? state.categories.map((c) => c.key) : selected;
    const next = on ? [...new Set([...current, key])] : current.filter((k) => k !== key);
    onChange(next.length === state.categories.length ? ['all'] : next);
  };
  return (
    <section className="services-panel" aria-labelledby="services-title">
      <h2 id="services-title">
        {t.showServices} {state.synthetic && <DemoBadge />}
      </h2>
      <fieldset>
        <legend className="sr-only">{t.category}</legend>
        <label className="inline">
          <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? ['all'] : [])} /> {t.all}
        </label>
        {state.categories.map((c, i) => (
          <label key={c.key} className="inline category">
            <input type="checkbox" checked={all || selected.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
            <span className="dot" style={{ background: categoryColor(i) }} aria-hidden="true" /> {locale === 'en' && c.nameEn ? c.nameEn : c.name}
          </label>
        ))}
      </fieldset>
      <label htmlFor="service-status">{t.status}</label>
      <select id="service-status" value={state.status} onChange={(e) => state.setStatus(e.target.value as ServiceStatus | '')}>
        <option value="ACTIVE">{t.ACTIVE}</option>
        <option value="PLANNED">{t.PLANNED}</option>
        <option value="CLOSED">{t.CLOSED}</option>
        <option value="">{t.all}</option>
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
