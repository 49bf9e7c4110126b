// Address → point for the editing mutations: a location saved with an address but no point gets
// the geocoder's point, and remembers how it was found (location.geocode_*). A point picked on the
// map wins and clears that record.
import type { GeocodeMatch } from '@sozialatlas/db';
import { addressGeocoder, noAddressTable } from './address-geocoder';
import { problem, type FieldProblem } from '../common/writes/validation';

export interface PointOrigin {
  match: GeocodeMatch;
  distanceMeters: number | null;
  note: string;
}

interface AddressInput {
  street?: string | null;
  houseNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  lon?: number | null;
  lat?: number | null;
}

const has = (v: number | null | undefined) => v !== undefined && v !== null;

/**
 * When `input` has a street but no point, geocodes it and fills lon/lat; returns how (null when
 * the point was given or nothing was geocoded) and, when the address cannot be placed, the
 * problem to show at the street field. `tableCity` is the city the address table covers: an
 * address of another city (its `city` field) is never looked up in it.
 */
export function pointFromAddress(input: AddressInput, field: string, tableCity: string | null): { origin: PointOrigin | null; problems: FieldProblem[] } {
  if (has(input.lon) || has(input.lat) || !input.street?.trim()) return { origin: null, problems: [] };
  const city = input.city?.trim();
  if (city && tableCity && city.toLocaleLowerCase('de') !== tableCity.toLocaleLowerCase('de')) {
    return { origin: null, problems: [problem(`${field}.city`, 'NO_ADDRESS_TABLE', noAddressTable(city))] };
  }
  const r = addressGeocoder().geocode({ street: input.street, houseNumber: input.houseNumber ?? null, postalCode: input.postalCode ?? null });
  if (r.lon === null || r.lat === null) {
    return {
      origin: null,
      problems: [problem(`${field}.street`, r.kind, `Adresse nicht gefunden (${r.note}). Bitte den Standort auf der Karte wählen.`)],
    };
  }
  input.lon = r.lon;
  input.lat = r.lat;
  return { origin: { match: r.kind, distanceMeters: r.distanceMeters, note: r.note }, problems: [] };
}
