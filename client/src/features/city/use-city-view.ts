// The view as the city shown can draw it, for the atlas and /embed alike: a level the city lacks
// (Chemnitz has no Stadtbezirke) falls back to one it has, with the API's sentence on why, and
// orientation layers of another city in the address (Leipzig's stops in Chemnitz) are left out.
import { useMemo } from 'react';
import type { ViewState } from '../../lib/url-state';
import { placeKinds } from './city-layers';
import { currentCity, levelFor, useCities } from './CitySwitcher';

export function useCityView(asked: ViewState) {
  const cities = useCities();
  const city = currentCity(cities, asked.city);
  const fallback = levelFor(city, asked.level);
  const offeredPlaces = placeKinds(city).join(',');
  const view = useMemo(() => {
    const places = asked.places.filter((p) => offeredPlaces.split(',').includes(p));
    return fallback.level === asked.level && places.length === asked.places.length ? asked : { ...asked, level: fallback.level, places };
  }, [asked, fallback.level, offeredPlaces]);
  return { cities, city, fallback, view };
}
