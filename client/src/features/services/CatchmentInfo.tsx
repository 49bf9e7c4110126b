import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { SERVICE_PICK } from '../../data/services';
import { formatNumber } from '../../lib/format';
import { pointCoordinates } from '../../lib/geojson';
import type { ServicePick } from '../profile/DistrictProfile';

/** The service of the address bar with its first located point, or null (none, loading, unknown). */
export function useServicePick(id: number | null): ServicePick | null {
  const [{ data }] = useQuery({ query: SERVICE_PICK, variables: { id: id ?? 0 }, pause: id === null });
  const s = id !== null && data?.service?.id === id ? data.service : null;
  const point = s?.locations.map((l) => pointCoordinates(l.point)).find((p) => p !== null);
  return s && point ? { id: s.id, name: s.name, categoryKey: s.category.key, point } : null;
}

/** What the circles on the map are: the selected service and its zones. */
export function CatchmentInfo({ service, norm, onClose }: { service: ServicePick; norm: { zoneRadiiM: number[] } | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const km = (m: number) => `${formatNumber(m / 1000, locale, 1)} km`;
  return (
    <section className="catchment-info" aria-labelledby="catchment-title" data-testid="catchment-info">
      <h2 id="catchment-title">{t.catchmentOf(service.name)}</h2>
      <p className="small">{norm ? t.catchmentZones(norm.zoneRadiiM.map(km).join(' / ')) : t.noNorm}</p>
      <button type="button" onClick={onClose} aria-label={`${t.catchment} ${t.close}`}>{t.close}</button>
    </section>
  );
}
