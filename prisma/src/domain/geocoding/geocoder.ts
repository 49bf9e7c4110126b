// Offline geocoder on an address table (OSM building addresses for Leipzig). Pure and in memory:
// no database, no network. Every answer says how it was found (MatchKind) and never places a
// point silently: a street that is not in the table, or an address that exists in two places
// that the postcode cannot tell apart, gets no point.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { parseAddress, parseHouseNumber, streetKey, type AddressParts } from './normalize';

/** How a point was found. */
export type MatchKind = 'EXACT' | 'NEAREST_NUMBER' | 'AMBIGUOUS' | 'NOT_FOUND';

/** One row of the address table (one building). */
export interface AddressRow {
  street: string;
  houseNumber: string;
  postalCode: string | null;
  lon: number;
  lat: number;
}

/** One address of the table: the buildings with the same street and number close together, merged. */
export interface KnownAddress {
  street: string;
  houseNumber: string;
  /** the postcode tagged on a building, else that of the nearest address of the same street that has one (≤ 1 km) */
  postalCode: string | null;
  /** mean of the building centroids */
  lon: number;
  lat: number;
  buildings: number;
}

export interface GeocodeResult {
  kind: MatchKind;
  lon: number | null;
  lat: number | null;
  /** the address of the table that gave the point (canonical spelling), null when none did */
  match: KnownAddress | null;
  /**
   * NEAREST_NUMBER: estimated metres between the returned point and the asked-for address
   * (interpolated between the known neighbouring numbers of the same side); null when the street
   * has too few numbers to estimate. EXACT: 0.
   */
  distanceMeters: number | null;
  /** why, in German: what was matched, or what was missing */
  note: string;
}

export interface ReverseResult {
  address: KnownAddress;
  distanceMeters: number;
}

/** Merges buildings of one address that lie within this many metres of the first one. */
const SAME_PLACE_M = 250;
/** A tagged postcode is lent to untagged addresses of the same street up to this distance. */
const POSTCODE_LEND_M = 1000;

const M_PER_DEG = 111_195;
/**
 * Metres between two points (equirectangular: within 0.1 % of the great circle over a city's
 * distances, and cheap enough for building the index).
 */
export function metres(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const x = (bLon - aLon) * Math.cos(((aLat + bLat) / 2) * (Math.PI / 180));
  const y = bLat - aLat;
  return Math.sqrt(x * x + y * y) * M_PER_DEG;
}

interface Numbered {
  value: number;
  address: KnownAddress;
}

interface Street {
  name: string;
  /** house-number key → the places with that number (usually one) */
  byNumber: Map<string, KnownAddress[]>;
  /** every address with its numeric value (12a → 12.5), sorted */
  numbered: Numbered[];
}

const numericValue = (n: { numbers: number[]; suffix: string | null }) => n.numbers[0]! + (n.suffix ? 0.5 : 0);

export class Geocoder {
  private readonly streets = new Map<string, Street>();
  private readonly all: KnownAddress[] = [];
  private readonly index: KDBush;

  constructor(rows: Iterable<AddressRow>) {
    const grouped = new Map<string, Map<string, AddressRow[]>>();
    const names = new Map<string, Map<string, number>>();
    // the table repeats spellings: normalise each distinct one once
    const keys = new Map<string, string>();
    const numbers = new Map<string, ReturnType<typeof parseHouseNumber>>();
    for (const row of rows) {
      let sk = keys.get(row.street);
      if (sk === undefined) keys.set(row.street, (sk = streetKey(row.street)));
      let hn = numbers.get(row.houseNumber);
      if (hn === undefined) numbers.set(row.houseNumber, (hn = parseHouseNumber(row.houseNumber)));
      if (!sk || !hn) continue;
      let byNo = grouped.get(sk);
      if (!byNo) grouped.set(sk, (byNo = new Map()));
      const list = byNo.get(hn.key);
      if (list) list.push(row);
      else byNo.set(hn.key, [row]);
      const spellings = names.get(sk) ?? new Map<string, number>();
      spellings.set(row.street, (spellings.get(row.street) ?? 0) + 1);
      names.set(sk, spellings);
    }
    for (const [sk, byNo] of grouped) {
      // the most frequent spelling is the display name
      const name = [...names.get(sk)!].sort((a, b) => b[1] - a[1])[0]![0];
      const street: Street = { name, byNumber: new Map(), numbered: [] };
      for (const [key, buildings] of byNo) {
        const places: { rows: AddressRow[] }[] = [];
        for (const b of buildings) {
          const place = places.find((p) => metres(p.rows[0]!.lon, p.rows[0]!.lat, b.lon, b.lat) <= SAME_PLACE_M);
          if (place) place.rows.push(b);
          else places.push({ rows: [b] });
        }
        const addresses = places.map(({ rows: rs }) => ({
          street: name,
          houseNumber: rs[0]!.houseNumber,
          postalCode: rs.find((r) => r.postalCode)?.postalCode ?? null,
          lon: rs.reduce((s, r) => s + r.lon, 0) / rs.length,
          lat: rs.reduce((s, r) => s + r.lat, 0) / rs.length,
          buildings: rs.length,
        }));
        street.byNumber.set(key, addresses);
        const hn = parseHouseNumber(key)!;
        for (const a of addresses) {
          street.numbered.push({ value: numericValue(hn), address: a });
          this.all.push(a);
        }
      }
      street.numbered.sort((a, b) => a.value - b.value);
      lendPostcodes(street.numbered.map((n) => n.address));
      this.streets.set(sk, street);
    }
    this.index = new KDBush(Math.max(1, this.all.length));
    for (const a of this.all) this.index.add(a.lon, a.lat);
    if (this.all.length === 0) this.index.add(0, 0);
    this.index.finish();
  }

  /** Number of distinct addresses (street + number + place). */
  get size(): number {
    return this.all.length;
  }

  /** Number of distinct streets. */
  get streetCount(): number {
    return this.streets.size;
  }

  /** Geocodes a free-text address ("Dieskaustrasse 138, 04249 Leipzig"). */
  geocodeText(text: string): GeocodeResult {
    return this.geocode(parseAddress(text));
  }

  /** Geocodes an address given in parts; the postcode, when given, tells places of one street name apart. */
  geocode(address: Pick<AddressParts, 'street' | 'houseNumber'> & { postalCode?: string | null }): GeocodeResult {
    const notFound = (note: string): GeocodeResult => ({ kind: 'NOT_FOUND', lon: null, lat: null, match: null, distanceMeters: null, note });
    const street = this.streets.get(streetKey(address.street ?? ''));
    if (!street) return notFound(`Straße „${address.street}“ nicht im Adressverzeichnis`);
    const hn = parseHouseNumber(address.houseNumber);
    if (!hn) return notFound(`keine Hausnummer angegeben (${street.name})`);
    const plz = address.postalCode?.trim() || null;
    const pick = (places: KnownAddress[]) => {
      if (places.length <= 1 || !plz) return places;
      const same = places.filter((p) => p.postalCode === plz);
      return same.length ? same : places;
    };

    // Exact: the number as written, then (ranges, lists) each number it names.
    const keys = [hn.key, ...(hn.numbers.length > 1 ? hn.numbers.map(String) : [])];
    for (const key of keys) {
      const places = street.byNumber.get(key);
      if (!places) continue;
      const chosen = pick(places);
      if (chosen.length > 1) {
        return {
          kind: 'AMBIGUOUS', lon: null, lat: null, match: null, distanceMeters: null,
          note: `${street.name} ${key} gibt es an ${chosen.length} Orten (PLZ ${chosen.map((c) => c.postalCode ?? '?').join(', ')}); bitte Postleitzahl angeben`,
        };
      }
      const a = chosen[0]!;
      const note = key === hn.key ? `${a.street} ${a.houseNumber} gefunden` : `${a.street} ${a.houseNumber} gefunden (erste bekannte Nummer von ${address.houseNumber})`;
      return { kind: 'EXACT', lon: a.lon, lat: a.lat, match: a, distanceMeters: 0, note };
    }

    // Nearest number on the same street: same side (parity) first, then any.
    const wanted = numericValue(hn);
    const pool = plz && street.numbered.some((n) => n.address.postalCode === plz) ? street.numbered.filter((n) => n.address.postalCode === plz) : street.numbered;
    const parity = Math.floor(wanted) % 2;
    const sameSide = pool.filter((n) => Math.floor(n.value) % 2 === parity);
    const side = sameSide.length ? sameSide : pool;
    let best = side[0]!;
    for (const n of side) if (Math.abs(n.value - wanted) < Math.abs(best.value - wanted)) best = n;
    const estimate = estimateDistance(side, wanted, best);
    const a = best.address;
    return {
      kind: 'NEAREST_NUMBER', lon: a.lon, lat: a.lat, match: a, distanceMeters: estimate,
      note: `${a.street} ${address.houseNumber} nicht bekannt; nächste Hausnummer ${a.houseNumber}${estimate === null ? ' (Abstand nicht schätzbar)' : `, ca. ${Math.round(estimate)} m entfernt`}`,
    };
  }

  /** The nearest known address to a point, within maxMeters (default 250 m); null when none. */
  reverse(lon: number, lat: number, maxMeters = 250): ReverseResult | null {
    if (this.all.length === 0) return null;
    const [id] = around(this.index, lon, lat, 1, maxMeters / 1000);
    if (id === undefined) return null;
    const address = this.all[id]!;
    return { address, distanceMeters: metres(lon, lat, address.lon, address.lat) };
  }
}

/** Untagged addresses borrow the postcode of the nearest tagged one on the same street (≤ 1 km). */
function lendPostcodes(addresses: KnownAddress[]): void {
  const tagged = addresses.filter((a) => a.postalCode);
  if (tagged.length === 0) return;
  for (const a of addresses) {
    if (a.postalCode) continue;
    let best: KnownAddress | null = null;
    let bestM = POSTCODE_LEND_M;
    for (const t of tagged) {
      const m = metres(a.lon, a.lat, t.lon, t.lat);
      if (m <= bestM) [best, bestM] = [t, m];
    }
    if (best) a.postalCode = best.postalCode;
  }
}

/**
 * Estimated metres from the nearest known number to the wanted one: between two known numbers of
 * the same side, linear interpolation of their points; beyond the last known number, the spacing
 * per number of the two outermost known numbers, extrapolated; null with a single known number.
 */
function estimateDistance(side: Numbered[], wanted: number, found: Numbered): number | null {
  let lo: Numbered | null = null;
  let hi: Numbered | null = null;
  for (const n of side) {
    if (n.value <= wanted && (!lo || n.value > lo.value)) lo = n;
    if (n.value >= wanted && (!hi || n.value < hi.value)) hi = n;
  }
  if (lo && hi && hi.value > lo.value) {
    const t = (wanted - lo.value) / (hi.value - lo.value);
    const lon = lo.address.lon + t * (hi.address.lon - lo.address.lon);
    const lat = lo.address.lat + t * (hi.address.lat - lo.address.lat);
    return metres(found.address.lon, found.address.lat, lon, lat);
  }
  // beyond one end: the next known number inward gives the spacing
  const inward = side.filter((n) => n !== found && n.value !== found.value).sort((a, b) => Math.abs(a.value - found.value) - Math.abs(b.value - found.value))[0];
  if (!inward) return null;
  const perNumber = metres(found.address.lon, found.address.lat, inward.address.lon, inward.address.lat) / Math.abs(inward.value - found.value);
  return perNumber * Math.abs(wanted - found.value);
}
