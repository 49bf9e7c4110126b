import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../lib/format';
import type { ServicePick } from '../profile/DistrictProfile';

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
