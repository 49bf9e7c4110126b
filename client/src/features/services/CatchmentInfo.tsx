import { useQuery } from 'urql';
import { useI18n } from '../../app/i18n';
import { SERVICE_PICK } from '../../data/services';
import { formatNumber, localName, type Locale } from '../../lib/format';
import { pointCoordinates } from '../../lib/geojson';
import type { ServicePick } from '../profile/DistrictProfile';
import type { CapacityUnit, ServicePickQuery } from '../../generated/graphql';

type PickedService = NonNullable<ServicePickQuery['service']>;
/** The pick with what the box shows about the service (address, capacity, provider, hours). */
export type CatchmentPick = ServicePick & { details: PickedService };

/** The service of the address bar with its first located point, or null (none, loading, unknown). */
export function useServicePick(id: number | null): CatchmentPick | null {
  const [{ data }] = useQuery({ query: SERVICE_PICK, variables: { id: id ?? 0 }, pause: id === null });
  const s = id !== null && data?.service?.id === id ? data.service : null;
  const point = s?.locations.map((l) => pointCoordinates(l.point)).find((p) => p !== null);
  return s && point ? { id: s.id, name: s.name, categoryKey: s.category.key, point, details: s } : null;
}

// Texts of the box only (German first); the map's shared texts stay in app/i18n.tsx.
const TEXTS = {
  de: {
    address: 'Adresse',
    hours: 'Öffnungszeiten',
    fee: 'Entgelt',
    unknown: 'nicht erfasst',
    units: { PLACES: 'Plätze', CONTACTS_PER_YEAR: 'Kontakte je Jahr', HOURS_PER_WEEK: 'Stunden je Woche' } as Record<CapacityUnit, string>,
    days: { MONDAY: 'Mo', TUESDAY: 'Di', WEDNESDAY: 'Mi', THURSDAY: 'Do', FRIDAY: 'Fr', SATURDAY: 'Sa', SUNDAY: 'So' } as Record<string, string>,
    clock: (t: string) => `${t} Uhr`,
  },
  en: {
    address: 'Address',
    hours: 'Opening hours',
    fee: 'Fee',
    unknown: 'not recorded',
    units: { PLACES: 'places', CONTACTS_PER_YEAR: 'contacts per year', HOURS_PER_WEEK: 'hours per week' } as Record<CapacityUnit, string>,
    days: { MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun' } as Record<string, string>,
    clock: (t: string) => t,
  },
};
const DAY_ORDER = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * [{ day, opens, closes }] → "Mo–Fr 14:00–20:00 Uhr; Sa 10:00–12:00, 13:00–16:00 Uhr" (consecutive
 * days with the same hours joined), or null when none are stored.
 */
export function openingHoursText(value: unknown, locale: Locale): string | null {
  if (!Array.isArray(value)) return null;
  const x = TEXTS[locale];
  const spans = value.filter((d): d is { day: string; opens: string; closes: string } => !!d && typeof d.day === 'string' && typeof d.opens === 'string' && typeof d.closes === 'string');
  const days = DAY_ORDER.map((day, index) => ({
    day,
    index,
    hours: spans.filter((s) => s.day === day).sort((a, b) => a.opens.localeCompare(b.opens)).map((s) => `${s.opens}–${s.closes}`).join(', '),
  })).filter((d) => d.hours);
  if (!days.length) return null;
  const runs: { from: string; to: string; hours: string }[] = [];
  days.forEach((d, i) => {
    const last = runs.at(-1);
    if (last && last.hours === d.hours && days[i - 1]!.index === d.index - 1) last.to = d.day;
    else runs.push({ from: d.day, to: d.day, hours: d.hours });
  });
  return runs.map((r) => `${x.days[r.from]}${r.to !== r.from ? `–${x.days[r.to]}` : ''} ${x.clock(r.hours)}`).join('; ');
}

function addressText(l: PickedService['locations'][number] | undefined): string | null {
  if (!l) return null;
  const street = [l.street, l.houseNumber].filter(Boolean).join(' ');
  const town = [l.postalCode, l.city].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ') || null;
}

/** What the circles on the map are: the selected service and its zones, with its address, capacity, provider and hours. */
export function CatchmentInfo({ service, norm, onClose }: { service: CatchmentPick; norm: { zoneRadiiM: number[] } | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const x = TEXTS[locale];
  const km = (m: number) => `${formatNumber(m / 1000, locale, 1)} km`;
  const d = service.details;
  const located = d.locations.find((l) => pointCoordinates(l.point) !== null);
  const address = addressText(located);
  const capacity = d.capacity !== null && d.capacity !== undefined ? `${formatNumber(d.capacity, locale, Number.isInteger(d.capacity) ? 0 : 1)}${d.capacityUnit ? ` ${x.units[d.capacityUnit]}` : ''}` : null;
  const hours = openingHoursText(d.openingHours, locale);
  const category = localName(d.category, locale);
  const rows: [string, string | null][] = [
    [t.category, category],
    [x.address, address ? `${address}${located?.area ? ` (${located.area.name})` : ''}` : null],
    [t.provider, d.provider?.name ?? null],
    [t.capacity, capacity],
    [x.hours, hours],
    ...(d.fee ? [[x.fee, d.fee] as [string, string]] : []),
  ];
  return (
    <section className="catchment-info" aria-labelledby="catchment-title" data-testid="catchment-info">
      <h2 id="catchment-title">{t.catchmentOf(service.name)}</h2>
      <dl className="catchment-details">
        {rows.map(([label, value]) => (
          <div key={label} data-testid={`catchment-${label}`}>
            <dt>{label}</dt>
            <dd className={value ? undefined : 'muted'}>{value ?? x.unknown}</dd>
          </div>
        ))}
      </dl>
      <p className="small">{norm ? t.catchmentZones(norm.zoneRadiiM.map(km).join(' / ')) : t.noNorm}</p>
      <button type="button" onClick={onClose} aria-label={`${t.catchment} ${t.close}`}>{t.close}</button>
    </section>
  );
}
