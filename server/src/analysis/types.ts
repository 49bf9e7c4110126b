/** Plain data types shared by the analysis modules (no database or GraphQL types). */

/** Area, service or location identifier as stored (database ids are integers; strings allowed). */
export type Id = number | string;

export type Polarity = 'HIGHER_IS_WORSE' | 'HIGHER_IS_BETTER' | 'NEUTRAL';

/** Same values as the database enum `value_status`. */
export type ValueStatus = 'REGULAR' | 'PROVISIONAL' | 'ESTIMATED' | 'SUPPRESSED';

/** One-line description of the method, written next to every result. */
export interface MethodText {
  de: string;
  en: string;
}

/** Why a value is null. A null is never silently turned into 0. The GraphQL enum is registered from this list. */
export const MISSING_REASONS = [
  'MISSING',
  'SUPPRESSED',
  'BELOW_MIN_POPULATION',
  'POPULATION_MISSING',
  'INDICATOR_MISSING',
  'TARGET_POPULATION_MISSING',
  'TARGET_POPULATION_ZERO',
  'NO_DEMAND',
  'DEMAND_UNKNOWN',
  'CAPACITY_UNKNOWN',
  'NO_BASE_VALUE',
  'NOT_IN_INDEX',
] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

/** An indicator value of one area (or the city) in one year. */
export interface Observation {
  areaId: Id;
  indicatorKey: string;
  year: number;
  /** null when missing; also treated as missing when status is SUPPRESSED */
  value: number | null;
  status?: ValueStatus;
}

/** A point in WGS 84 (EPSG:4326), degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

export const key2 = (a: Id, b: Id | number): string => `${String(a)}\u0000${String(b)}`;
export const key3 = (a: Id, b: Id | number, c: Id | number): string =>
  `${String(a)}\u0000${String(b)}\u0000${String(c)}`;
