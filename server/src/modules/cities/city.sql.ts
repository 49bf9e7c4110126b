import { Prisma, type PrismaClient } from '@sozialatlas/db';
import { InputError } from '../../input-error';

// The city scope of every read path (GraphQL lists, analyses, /export, /ogc). A city is named by
// its URL key ("chemnitz") or its AGS ("14511000"); without a name the default city (Leipzig)
// answers, so queries written before there were several cities answer as before. A database with
// no city at all (the synthetic benchmark city) is not limited.

/** The description of every `city` argument of the analyses. */
export const CITY_ARGUMENT =
  'The city, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). `unavailable` says what cannot be computed there.';

export interface CityRow {
  /** the CITY area, root of the city's areas */
  id: number;
  key: string;
  ags: string;
  name: string;
  isDefault: boolean;
  residents: number | null;
  residentsDate: string | null;
  residentsSourceId: number | null;
  districtStatistics: boolean;
  /** the city's own names of its levels (city.level_names); a level without one keeps the generic name */
  levelNames: CityLevelNames;
}

/** A city's own names of one level: German plural and singular, English. */
export interface CityLevelName {
  de: string;
  deSingular: string;
  en: string;
}
export type CityLevelNames = Partial<Record<string, CityLevelName>>;

/**
 * The resolved scope: the city's root area id and whether it was named (a named city is that city
 * only; the default city also covers areas outside any city, as before there were cities), or
 * null (no default city in this database: everything).
 */
export type CityScope = { id: number; city: CityRow; named: boolean } | null;

const cityColumns = Prisma.sql`c.area_id AS id, c.key, a.code AS ags, a.name, c.is_default AS "isDefault", c.residents,
  to_char(c.residents_date, 'YYYY-MM-DD') AS "residentsDate", c.residents_source_id AS "residentsSourceId",
  c.district_statistics AS "districtStatistics", c.level_names AS "levelNames"`;

export function allCities(prisma: PrismaClient) {
  return prisma.$queryRaw<CityRow[]>`SELECT ${cityColumns} FROM city c JOIN area a ON a.id = c.area_id ORDER BY c.is_default DESC, a.name`;
}

export function citiesByIds(prisma: PrismaClient, ids: readonly number[]) {
  return prisma.$queryRaw<CityRow[]>`SELECT ${cityColumns} FROM city c JOIN area a ON a.id = c.area_id WHERE c.area_id = ANY(${[...ids]}::int[])`;
}

/**
 * The city named `city` (key or AGS, case-insensitive key), or the default city when absent.
 * An unknown name is bad input (field `field`), never an empty answer.
 */
export async function resolveCity(prisma: PrismaClient, city: string | null | undefined, field = 'city'): Promise<CityScope> {
  const name = city?.trim();
  if (name) {
    const [row] = await prisma.$queryRaw<CityRow[]>`
      SELECT ${cityColumns} FROM city c JOIN area a ON a.id = c.area_id WHERE c.key = lower(${name}) OR a.code = ${name}`;
    if (!row) {
      const known = await allCities(prisma);
      throw InputError.of(
        `Stadt „${name}“ ist unbekannt; bekannt: ${known.map((k) => `${k.key} (${k.ags})`).join(', ') || 'keine'}. / Unknown city "${name}".`,
        field,
        'UNKNOWN_REFERENCE',
      );
    }
    return { id: row.id, city: row, named: true };
  }
  const [row] = await prisma.$queryRaw<CityRow[]>`SELECT ${cityColumns} FROM city c JOIN area a ON a.id = c.area_id WHERE c.is_default`;
  return row ? { id: row.id, city: row, named: false } : null;
}

/** `inCity` in the program: a row of city `cityId` (null: of no city) is in the scope. */
export function inScope(cityId: number | null, scope: CityScope): boolean {
  if (!scope) return true;
  return scope.named ? cityId === scope.id : cityId === scope.id || cityId === null;
}

/** `column` (an area's or service's city_id) is in the scope. */
export function inCity(column: Prisma.Sql, scope: CityScope): Prisma.Sql {
  if (!scope) return Prisma.sql`TRUE`;
  return scope.named ? Prisma.sql`${column} = ${scope.id}::int` : Prisma.sql`(${column} = ${scope.id}::int OR ${column} IS NULL)`;
}

/**
 * The default scope in SQL alone, for read paths without a resolved scope: the default city and
 * whatever belongs to no city; everything when the database has no default city.
 */
export const inDefaultCity = (column: Prisma.Sql) =>
  Prisma.sql`(${column} IS NULL OR ${column} = (SELECT dc.area_id FROM city dc WHERE dc.is_default) OR NOT EXISTS (SELECT 1 FROM city dc WHERE dc.is_default))`;

/** `inCity` for a resolved scope, `inDefaultCity` when none was resolved (undefined). */
export const cityCondition = (column: Prisma.Sql, scope?: CityScope) => (scope === undefined ? inDefaultCity(column) : inCity(column, scope));

/**
 * `inCity` as a Prisma `where` for a model with `cityId` (plans): the city named, or the default
 * city and what belongs to no city; `{}` without any city.
 */
export function cityIdWhere(scope: CityScope): { cityId?: number } | { OR: { cityId: number | null }[] } {
  if (!scope) return {};
  return scope.named ? { cityId: scope.id } : { OR: [{ cityId: scope.id }, { cityId: null }] };
}
