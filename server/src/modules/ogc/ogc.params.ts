import type { Request } from 'express';
import { InputError } from '../../input-error';
import { MAX_YEAR, MIN_YEAR } from '../common/years';
import type { BBox } from './ogc.sql';

// Query parameters of the OGC API – Features endpoint. Every bad value raises an InputError,
// answered with HTTP 400 and the parameter's name.

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const CRS84_ALIASES = new Set([CRS84, 'https://www.opengis.net/def/crs/OGC/1.3/CRS84', 'OGC:CRS84', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'CRS84']);

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
export const MAX_INDICATORS = 20;


/**
 * One query parameter as a string. Repeated parameters (GDAL appends the query of its connection
 * URL to every request, which may repeat one already in a link) count when they are identical.
 */
export function param(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.some((v) => typeof v !== 'string')) throw InputError.of(`${name} must be a plain value`, name);
  const distinct = [...new Set(values as string[])];
  if (distinct.length > 1) throw InputError.of(`${name} is given more than once with different values`, name);
  return distinct[0];
}

export function list(req: Request, name: string): string[] {
  const raw = param(req, name);
  if (raw === undefined) return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `f`: only JSON encodings are offered. */
export function checkFormat(req: Request, allowed: string[]) {
  const f = param(req, 'f');
  if (f !== undefined && !allowed.includes(f)) throw InputError.of(`f must be one of ${allowed.join(', ')}`, 'f');
}

/** `crs` / `bbox-crs`: only CRS84 (longitude, latitude in WGS 84) is offered. */
export function checkCrs(req: Request, name: 'crs' | 'bbox-crs') {
  const value = param(req, name);
  if (value !== undefined && !CRS84_ALIASES.has(value.replace(/^<|>$/g, ''))) {
    throw InputError.of(`${name} must be ${CRS84} (longitude, latitude)`, name);
  }
}

export function limitOf(req: Request): number {
  const raw = param(req, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw InputError.of(`limit must be an integer from 1 to ${MAX_LIMIT}`, 'limit');
  // Larger values are capped at the maximum (OGC API – Features permission /per/core/limit-override).
  return Math.min(Number(raw), MAX_LIMIT);
}

export function offsetOf(req: Request): number {
  const raw = param(req, 'offset');
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw InputError.of('offset must be a non-negative integer', 'offset');
  return Number(raw);
}

/** `bbox=minLon,minLat,maxLon,maxLat` (or six numbers with heights, which are ignored), in CRS84. */
export function bboxOf(req: Request): BBox | undefined {
  checkCrs(req, 'bbox-crs');
  const raw = param(req, 'bbox');
  if (raw === undefined) return undefined;
  const parts = raw.split(',');
  const numbers = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (!(numbers.length === 4 || numbers.length === 6) || numbers.some((n) => !Number.isFinite(n))) {
    throw InputError.of('bbox must be four numbers: minLon,minLat,maxLon,maxLat (WGS 84, longitude first)', 'bbox');
  }
  const [minLon, minLat, maxLon, maxLat] = numbers.length === 6
    ? [numbers[0]!, numbers[1]!, numbers[3]!, numbers[4]!]
    : [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
    throw InputError.of('bbox is outside -180..180 (longitude) / -90..90 (latitude); longitude comes first', 'bbox');
  }
  if (minLat > maxLat) throw InputError.of('bbox: the second number (minLat) must not exceed the fourth (maxLat)', 'bbox');
  if (minLon > maxLon) throw InputError.of('bbox: boxes across the antimeridian are not supported (minLon > maxLon)', 'bbox');
  return { minLon, minLat, maxLon, maxLat };
}

/** A closed date range (ISO dates, inclusive); null ends are open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const YEAR = /^\d{4}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** One end of a datetime value as a date range (a year covers the whole year). */
function instant(text: string, name: string): DateRange {
  const fail = () => InputError.of(`${name} must be a year (2022), a date (2022-12-31), an RFC 3339 date-time or an interval (2020/2022, ../2022)`, name);
  if (YEAR.test(text)) {
    const year = Number(text);
    if (year < MIN_YEAR || year > MAX_YEAR) throw InputError.of(`${name}: the year must lie between ${MIN_YEAR} and ${MAX_YEAR}`, name);
    return { from: `${text}-01-01`, to: `${text}-12-31` };
  }
  const date = DATE.exec(text);
  if (date) {
    const iso = isoDate(Number(date[1]), Number(date[2]), Number(date[3]));
    if (!iso) throw fail();
    return { from: iso, to: iso };
  }
  if (DATE_TIME.test(text)) {
    const parsed = new Date(text);
    if (Number.isNaN(parsed.getTime())) throw fail();
    const iso = parsed.toISOString().slice(0, 10);
    return { from: iso, to: iso };
  }
  throw fail();
}

/**
 * `datetime` as in OGC API – Features (an instant or an interval with `..` for an open end) and,
 * as a convenience, a plain year; `year=2022` is an alias. Undefined when neither is given.
 */
export function dateRangeOf(req: Request): DateRange | undefined {
  const datetime = param(req, 'datetime');
  const year = param(req, 'year');
  if (datetime !== undefined && year !== undefined) throw InputError.of('give either datetime or year, not both', 'year');
  if (year !== undefined) {
    if (!YEAR.test(year)) throw InputError.of(`year must be a four-digit year between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
    return instant(year, 'year');
  }
  if (datetime === undefined) return undefined;
  const text = datetime.trim();
  if (!text.includes('/')) return instant(text, 'datetime');
  const [start, end, ...rest] = text.split('/');
  if (rest.length) throw InputError.of('datetime: an interval has exactly one "/"', 'datetime');
  const open = (s: string) => s === '' || s === '..';
  if (open(start!) && open(end!)) return { from: null, to: null };
  const range = { from: open(start!) ? null : instant(start!, 'datetime').from, to: open(end!) ? null : instant(end!, 'datetime').to };
  if (range.from && range.to && range.from > range.to) throw InputError.of('datetime: the interval ends before it starts', 'datetime');
  return range;
}

/** The years a date range covers, clipped to the years the API knows. */
export function yearsOf(range: DateRange | undefined): { fromYear: number; toYear: number } {
  const fromYear = range?.from ? Math.max(MIN_YEAR, Number(range.from.slice(0, 4))) : MIN_YEAR;
  const toYear = range?.to ? Math.min(MAX_YEAR, Number(range.to.slice(0, 4))) : MAX_YEAR;
  return { fromYear, toYear };
}

const INDICATOR_KEY = /^[a-z][a-z0-9_]{0,62}$/;

/** `indicators=sgb2_rate,population`; default: population. */
export function indicatorKeysOf(req: Request): string[] {
  const keys = list(req, 'indicators');
  if (param(req, 'indicators') !== undefined && keys.length === 0) throw InputError.of('indicators must name at least one indicator key', 'indicators');
  if (keys.length === 0) return ['population'];
  if (keys.length > MAX_INDICATORS) throw InputError.of(`indicators: at most ${MAX_INDICATORS} indicators per request`, 'indicators');
  const bad = keys.find((k) => !INDICATOR_KEY.test(k));
  if (bad) throw InputError.of(`indicators: "${bad}" is not an indicator key (lower case, digits, underscores)`, 'indicators');
  return [...new Set(keys)];
}
