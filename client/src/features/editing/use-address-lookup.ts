// The address follows the point and the point the address: when the planner moves the point (a
// click on the map, typed coordinates) the nearest address of the offline address table is filled
// in; when the planner types street and house number the point is set from the geocoder. Only the
// planner's own edits start a lookup, so a filled-in answer never starts the other one; a later
// edit makes an earlier answer stale (it is dropped).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { GeocodeMatch } from '../../generated/graphql';
import { GEOCODE_ADDRESS, REVERSE_GEOCODE } from './queries';

export interface AddressFields {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** What the planner is told: how the address or point was found. */
export type AddressMatch =
  | { direction: 'toPoint'; match: GeocodeMatch; distanceMeters: number | null; found: string | null }
  | { direction: 'toAddress'; match: 'EXACT' | 'NEAREST_NUMBER' | 'NOT_FOUND'; distanceMeters: number | null; found: string | null }
  | { direction: 'pending' }
  | { direction: 'failed' };

/** A reverse answer this close is the address of the point itself, not a neighbour's. */
const SAME_PLACE_M = 30;
const DELAY_MS = 500;

const line = (a: { street: string; houseNumber: string; postalCode?: string | null }) => `${a.street} ${a.houseNumber}${a.postalCode ? `, ${a.postalCode}` : ''}`;

export function useAddressLookup(onAddress: (a: AddressFields) => void, onPoint: (lon: number, lat: number) => void) {
  const client = useClient();
  const [status, setStatus] = useState<AddressMatch | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const later = useCallback((run: (mine: number) => Promise<void>) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    setStatus({ direction: 'pending' });
    timer.current = setTimeout(() => {
      run(mine).catch(() => mine === seq.current && setStatus({ direction: 'failed' }));
    }, DELAY_MS);
  }, []);

  /** The planner moved the point: look up its address. */
  const pointMoved = useCallback(
    (lon: number, lat: number) =>
      later(async (mine) => {
        const res = await client.query(REVERSE_GEOCODE, { lon, lat }, { requestPolicy: 'network-only' }).toPromise();
        if (mine !== seq.current) return;
        if (res.error) return setStatus({ direction: 'failed' });
        const hit = res.data?.reverseGeocode;
        if (!hit) {
          // the old address belongs to the old point: cleared rather than left wrong
          onAddress({ street: '', houseNumber: '', postalCode: '', city: 'Leipzig' });
          return setStatus({ direction: 'toAddress', match: 'NOT_FOUND', distanceMeters: null, found: null });
        }
        onAddress({ street: hit.address.street, houseNumber: hit.address.houseNumber, postalCode: hit.address.postalCode ?? '', city: 'Leipzig' });
        setStatus({ direction: 'toAddress', match: hit.distanceMeters <= SAME_PLACE_M ? 'EXACT' : 'NEAREST_NUMBER', distanceMeters: hit.distanceMeters, found: line(hit.address) });
      }),
    [client, later, onAddress],
  );

  /** The planner typed an address: look up its point (street and house number are needed). */
  const addressTyped = useCallback(
    (a: AddressFields) => {
      if (!a.street.trim() || !a.houseNumber.trim()) {
        clearTimeout(timer.current);
        seq.current++;
        return setStatus(null);
      }
      later(async (mine) => {
        const address = `${a.street.trim()} ${a.houseNumber.trim()}${a.city.trim() ? `, ${a.city.trim()}` : ''}`;
        const res = await client.query(GEOCODE_ADDRESS, { address, postalCode: a.postalCode.trim() || null }, { requestPolicy: 'network-only' }).toPromise();
        if (mine !== seq.current) return;
        const hit = res.data?.geocode;
        if (res.error || !hit) return setStatus({ direction: 'failed' });
        if (hit.lon !== null && hit.lat !== null) onPoint(hit.lon, hit.lat);
        setStatus({ direction: 'toPoint', match: hit.match, distanceMeters: hit.distanceMeters, found: hit.address ? line(hit.address) : null });
      });
    },
    [client, later, onPoint],
  );

  return { status, pointMoved, addressTyped };
}
