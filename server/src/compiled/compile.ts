import { Prisma } from '@sozialatlas/db';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Visibility } from '../modules/auth/caller';
import { geometryOptions } from '../modules/areas/area.resolver';
import { areaWhere } from '../modules/areas/area.sql';
import { cityCondition } from '../modules/cities/city.sql';
import { decodeCursor, pageSize } from '../modules/common/connection';
import { simplifiedAreaGeometry } from '../modules/common/spatial.sql';
import { checkYear } from '../modules/common/years';
import { checkYears } from '../modules/funding/funding.resolver';
import { valueWhere } from '../modules/indicators/indicator.sql';
import { visibleFunding, visibleProvider, visibleService } from '../modules/common/visible.sql';
import { providerWhere } from '../modules/providers/provider.sql';
import { checkPrecision } from '../modules/services/service.resolver';
import type { ServiceFilter } from '../modules/services/service.args';
import { serviceWhere } from '../modules/services/service.sql';
import { checkArguments } from '../http/input-guard';

// The compiled read path (issue 15): a query made only of the map's hot fields is answered by ONE
// SQL statement that builds the whole JSON answer in PostgreSQL, instead of graphql-js walking
// type-graphql resolvers, DataLoaders and Prisma statements row by row. It covers a deliberately
// small set of fields (listed below, each with the same SQL as its resolver); anything else — a
// field not listed, a directive, an argument the resolver would refuse, an unknown indicator or
// city — is not compiled and the query runs the ordinary way, which also produces every error.
// So the compiled answer is the ordinary answer or nothing; `compiled-reads.test.ts` compares both.

/** The document can never be compiled (a field or construct outside the compiled set). */
export class NotCompilable extends Error {}
/** These variables cannot be compiled (an argument the resolver would refuse): run ordinarily. */
class NotForTheseArguments extends Error {}

export interface CompiledQuery {
  /** one row: `ok` (every precondition holds, e.g. the indicator exists) and `data`, the answer as JSON text */
  sql: Prisma.Sql;
}

interface Env {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** only what the caller may see: the compiled SQL must not depend on who they are (it is cached by this) */
  caller: Visibility;
  /** conditions the ordinary path would turn into errors; all must hold for the compiled answer */
  checks: Prisma.Sql[];
}

type FieldSql = (env: Env, row: Prisma.Sql, field: FieldNode, args: Record<string, unknown>, type: GraphQLObjectType) => Prisma.Sql;

const sql = Prisma.sql;

// Row aliases by nesting depth (written out: identifiers are never spliced into SQL). A subquery
// refers only to the rows of the levels around it, so one name per depth is enough.
const DEPTH = [sql`d0`, sql`d1`, sql`d2`, sql`d3`, sql`d4`, sql`d5`, sql`d6`, sql`d7`, sql`d8`, sql`d9`];

/** The alias for rows one level below `parent` (null: a root field's rows). */
function nextAlias(parent: Prisma.Sql | null): Prisma.Sql {
  const next = DEPTH[parent === null ? 0 : DEPTH.indexOf(parent) + 1];
  if (!next) throw new NotCompilable('nested too deeply');
  return next;
}

let guarded: Set<string> | undefined;

/**
 * "Type.field" of every field that carries a role (`@Authorized` on a query, a field resolver, a
 * field or a whole resolver class). None of the compiled fields does today — their read rules are
 * the caller's flags, which the SQL applies — but a role added later must not be skipped by this
 * path: such a field is never compiled.
 */
export function fieldsWithRoles(): Set<string> {
  if (guarded) return guarded;
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((t) => [t.target, t.name]));
  const guardedClasses = new Set(storage.authorizedResolver.map((c) => c.target));
  guarded = new Set<string>();
  for (const field of storage.authorizedFields) {
    const type = typeNames.get(field.target);
    if (type) guarded.add(`${type}.${field.fieldName}`);
  }
  for (const query of storage.queries) if (query.roles || guardedClasses.has(query.target)) guarded.add(`Query.${query.schemaName}`);
  for (const resolver of storage.fieldResolvers) {
    if (!resolver.roles && !guardedClasses.has(resolver.target)) continue;
    const type = typeNames.get(resolver.getObjectType?.());
    if (type) guarded.add(`${type}.${resolver.schemaName}`);
  }
  return guarded;
}

/** The field's selections by response key, in order; fragments on the same type are flattened. */
function collectFields(env: Env, set: SelectionSetNode, type: GraphQLObjectType, into: Map<string, FieldNode> = new Map()) {
  for (const selection of set.selections) {
    if (selection.directives?.length) throw new NotCompilable('directive');
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      // the same key twice is merged by graphql-js; not worth compiling
      if (into.has(key)) throw new NotCompilable('repeated response key');
      into.set(key, selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && selection.typeCondition.name.value !== type.name) throw new NotCompilable('fragment on another type');
      collectFields(env, selection.selectionSet, type, into);
    } else {
      const fragment = env.fragments.get(selection.name.value);
      if (!fragment || fragment.directives?.length || fragment.typeCondition.name.value !== type.name) throw new NotCompilable('fragment');
      collectFields(env, fragment.selectionSet, type, into);
    }
  }
  return into;
}

/** `json_build_object(key, value, …)` for the selection on `row` of `type`, keys in query order. */
function objectSql(env: Env, set: SelectionSetNode | undefined, type: GraphQLObjectType, row: Prisma.Sql): Prisma.Sql {
  if (!set) throw new NotCompilable('object without selection');
  const compilers = TYPES[type.name];
  if (!compilers) throw new NotCompilable(`type ${type.name}`);
  const pairs: Prisma.Sql[] = [];
  for (const [key, field] of collectFields(env, set, type)) {
    const name = field.name.value;
    let value: Prisma.Sql;
    if (name === '__typename') value = sql`${type.name}::text`;
    else {
      const compile = compilers[name];
      const definition = type.getFields()[name];
      if (!compile || !definition || fieldsWithRoles().has(`${type.name}.${name}`)) throw new NotCompilable(`field ${type.name}.${name}`);
      const args = getArgumentValues(definition, field, env.variables);
      try {
        checkArguments(args);
      } catch {
        throw new NotForTheseArguments(name);
      }
      const fieldType = getNamedType(definition.type);
      value = compile(env, row, field, args, isObjectType(fieldType) ? fieldType : type);
    }
    pairs.push(sql`${key}::text, ${value}`);
  }
  // json_build_object takes at most 100 arguments
  if (pairs.length > 50) throw new NotCompilable('too many fields');
  return sql`json_build_object(${Prisma.join(pairs, ', ')})`;
}

/** Runs a resolver's own argument check; a refusal means "run ordinarily" (which reports it). */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch {
    throw new NotForTheseArguments('argument');
  }
}

/** base64url("id:<id>"), the cursor `encodeCursor` hands out, for an SQL integer. */
const cursorSql = (id: Prisma.Sql) => sql`rtrim(translate(encode(convert_to('id:' || (${id})::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/**
 * A keyset page as the ordinary `paginate`/`toConnection` builds it: the rows of `from` (aliased
 * `t`) satisfying `where`, up to a page with id > the cursor in id order, and their total.
 */
function connectionSql(
  env: Env,
  field: FieldNode,
  args: Record<string, unknown>,
  connection: GraphQLObjectType,
  /** e.g. sql`area a`, and the alias `where` uses, sql`a` */
  from: Prisma.Sql,
  t: Prisma.Sql,
  where: Prisma.Sql,
): Prisma.Sql {
  const size = checked(() => pageSize(args.first as number | undefined));
  const afterId = checked(() => decodeCursor(args.after as string | undefined));
  const count = sql`SELECT count(*)::int FROM ${from} WHERE ${where}`;
  const rows = sql`SELECT ${t}.* FROM ${from} WHERE ${where} AND ${t}.id > ${afterId ?? 0}::int ORDER BY ${t}.id LIMIT ${size + 1}::int`;
  const row = nextAlias(null);
  const onPage = sql`${row}.rn__ <= ${size}::int`;
  const node = getNamedType(connection.getFields().nodes!.type) as GraphQLObjectType;
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  const pageInfo = getNamedType(connection.getFields().pageInfo!.type) as GraphQLObjectType;
  const pairs: Prisma.Sql[] = [];
  for (const [key, sub] of collectFields(env, field.selectionSet!, connection)) {
    const name = sub.name.value;
    let value: Prisma.Sql;
    if (name === 'nodes') value = sql`COALESCE(json_agg(${objectSql(env, sub.selectionSet, node, row)} ORDER BY ${row}.id) FILTER (WHERE ${onPage}), '[]'::json)`;
    else if (name === 'edges') {
      const parts: Prisma.Sql[] = [];
      for (const [edgeKey, edgeField] of collectFields(env, sub.selectionSet!, edge)) {
        const edgeName = edgeField.name.value;
        if (edgeName === 'cursor') parts.push(sql`${edgeKey}::text, ${cursorSql(sql`${row}.id`)}`);
        else if (edgeName === 'node') parts.push(sql`${edgeKey}::text, ${objectSql(env, edgeField.selectionSet, node, row)}`);
        else if (edgeName === '__typename') parts.push(sql`${edgeKey}::text, ${edge.name}::text`);
        else throw new NotCompilable(`edge field ${edgeName}`);
      }
      value = sql`COALESCE(json_agg(json_build_object(${Prisma.join(parts, ', ')}) ORDER BY ${row}.id) FILTER (WHERE ${onPage}), '[]'::json)`;
    } else if (name === 'pageInfo') {
      const parts: Prisma.Sql[] = [];
      for (const [infoKey, infoField] of collectFields(env, sub.selectionSet!, pageInfo)) {
        const infoName = infoField.name.value;
        const info: Record<string, Prisma.Sql> = {
          hasNextPage: sql`count(${row}.id) > ${size}::int`,
          hasPreviousPage: sql`${afterId !== undefined}::boolean`,
          startCursor: cursorSql(sql`min(${row}.id)`),
          endCursor: cursorSql(sql`max(${row}.id) FILTER (WHERE ${onPage})`),
          __typename: sql`${pageInfo.name}::text`,
        };
        if (!info[infoName]) throw new NotCompilable(`pageInfo field ${infoName}`);
        parts.push(sql`${infoKey}::text, ${info[infoName]}`);
      }
      value = sql`json_build_object(${Prisma.join(parts, ', ')})`;
    } else if (name === 'totalCount') value = sql`(${count})`;
    else if (name === '__typename') value = sql`${connection.name}::text`;
    else throw new NotCompilable(`connection field ${name}`);
    pairs.push(sql`${key}::text, ${value}`);
  }
  return sql`(SELECT json_build_object(${Prisma.join(pairs, ', ')})
                FROM (SELECT p.*, row_number() OVER (ORDER BY p.id) AS rn__ FROM (${rows}) p) ${row})`;
}

/**
 * The city filter of a list: the default city when none is named (in SQL, as the resolvers do),
 * else the city of that key or AGS — which must exist exactly once, else the ordinary path runs
 * (and reports the unknown city).
 */
function citySql(env: Env, column: Prisma.Sql, city: unknown): Prisma.Sql {
  if (city === undefined || city === null) return cityCondition(column);
  const name = typeof city === 'string' ? city.trim() : '';
  if (!name) throw new NotForTheseArguments('city');
  const match = sql`FROM city nc JOIN area na ON na.id = nc.area_id WHERE nc.key = lower(${name}) OR na.code = ${name}`;
  env.checks.push(sql`(SELECT count(*) ${match}) = 1`);
  return sql`${column} = (SELECT nc.area_id ${match})`;
}

function onlyKeys(value: unknown, allowed: string[]): Record<string, unknown> {
  const object = (value ?? {}) as Record<string, unknown>;
  for (const [key, item] of Object.entries(object)) if (item !== undefined && !allowed.includes(key)) throw new NotForTheseArguments(`filter.${key}`);
  return object;
}

// ---------------------------------------------------------------------------------------------
// The compiled fields: each says in SQL what its resolver returns.

const indicatorValueFields: Record<string, FieldSql> = {
  year: (_env, r) => sql`${r}.year`,
  // suppressed values (Geheimhaltung) are null for callers who may not see them, as in `present`
  value: (env, v) => sql`CASE WHEN ${v}.status = 'SUPPRESSED' AND NOT ${env.caller.canSeeSuppressed}::boolean THEN NULL ELSE ${v}.value END`,
  status: (_env, r) => sql`${r}.status::text`,
  derived: (_env, r) => sql`${r}.derived`,
  missingReason: (_env, v) => sql`CASE WHEN ${v}.status = 'SUPPRESSED' THEN CASE WHEN ${v}.secondary_suppression THEN 'SECONDARY_SUPPRESSION' ELSE 'SUPPRESSED' END
                                       WHEN ${v}.value IS NULL THEN 'NOT_PUBLISHED' END`,
  origin: (_env, r) => sql`${r}.origin::text`,
  area: (env, v, field, _args, type) => {
    // only the id asked (the map's IndicatorValues): it is the row's own area_id (NOT NULL,
    // referencing area), so no lookup per row
    const fields = field.selectionSet ? [...collectFields(env, field.selectionSet, type)] : [];
    if (fields.length && fields.every(([, f]) => f.name.value === 'id' || f.name.value === '__typename')) {
      const pairs = fields.map(([key, f]) => (f.name.value === 'id' ? sql`${key}::text, ${v}.area_id` : sql`${key}::text, ${type.name}::text`));
      return sql`json_build_object(${Prisma.join(pairs, ', ')})`;
    }
    const a = nextAlias(v);
    return sql`(SELECT ${objectSql(env, field.selectionSet, type, a)} FROM area ${a} WHERE ${a}.id = ${v}.area_id)`;
  },
};

/** The id of the indicator `key`, which must exist (else the ordinary path answers NOT_FOUND). */
function indicatorIdSql(env: Env, key: string): Prisma.Sql {
  const indicator = sql`(SELECT i.id FROM indicator i WHERE i.key = ${key})`;
  env.checks.push(sql`EXISTS ${indicator}`);
  return indicator;
}

const areaFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  code: (_env, r) => sql`${r}.code`,
  name: (_env, r) => sql`${r}.name`,
  level: (_env, r) => sql`${r}.level::text`,
  areaKm2: (_env, r) => sql`${r}.area_km2`,
  geometry: (_env, a, _field, args) => {
    const { tolerance, digits } = checked(() => geometryOptions(args.simplify as number | undefined, args.precision as number | undefined));
    return sql`ST_AsGeoJSON(${simplifiedAreaGeometry(tolerance, a)}, ${digits}::int)::json`;
  },
  parent: (env, a, field, _args, type) => oneSql(env, a, field, type, (p) => sql`FROM area ${p} WHERE ${p}.id = ${a}.parent_id`),
  source: (env, a, field, _args, type) => oneSql(env, a, field, type, (x) => sql`FROM source ${x} WHERE ${x}.id = ${a}.source_id`),
  labelPoint: (_env, a, _field, args) => {
    checked(() => checkPrecision(args.precision as number));
    return sql`ST_AsGeoJSON(${a}.label_point, ${args.precision as number}::int)::json`;
  },
  // as seriesByKeys: every year of the indicator, by year, then limited to fromYear–toYear
  series: (env, a, field, args, type) => {
    const fromYear = (args.fromYear as number | undefined) ?? null;
    const toYear = (args.toYear as number | undefined) ?? null;
    checked(() => {
      checkYear(fromYear, 'fromYear');
      checkYear(toYear, 'toYear');
    });
    const indicator = indicatorIdSql(env, args.indicator as string);
    return listSql(
      env,
      a,
      field,
      type,
      (v) => sql`FROM indicator_value ${v} WHERE ${v}.area_id = ${a}.id AND ${v}.indicator_id = ${indicator}
                   AND (${fromYear}::int IS NULL OR ${v}.year >= ${fromYear}::int) AND (${toYear}::int IS NULL OR ${v}.year <= ${toYear}::int)`,
      (v) => sql`${v}.year`,
    );
  },
  value: (env, a, field, args, type) => {
    checked(() => checkYear(args.year as number, 'year'));
    const indicator = indicatorIdSql(env, args.indicator as string);
    const v = nextAlias(a);
    return sql`(SELECT ${objectSql(env, field.selectionSet, type, v)} FROM indicator_value ${v}
                 WHERE ${v}.area_id = ${a}.id AND ${v}.indicator_id = ${indicator} AND ${v}.year = ${args.year as number}::int)`;
  },
};

/** A list of `type` objects from `from` (rows aliased by the returned alias), `[]` when there are none. */
function listSql(
  env: Env,
  parent: Prisma.Sql,
  field: FieldNode,
  type: GraphQLObjectType,
  from: (row: Prisma.Sql) => Prisma.Sql,
  orderBy: (row: Prisma.Sql) => Prisma.Sql,
) {
  const row = nextAlias(parent);
  return sql`COALESCE((SELECT json_agg(${objectSql(env, field.selectionSet, type, row)} ORDER BY ${orderBy(row)}) ${from(row)}), '[]'::json)`;
}

/** One `type` object of the row `from` picks, or null. */
function oneSql(env: Env, parent: Prisma.Sql, field: FieldNode, type: GraphQLObjectType, from: (row: Prisma.Sql) => Prisma.Sql) {
  const row = nextAlias(parent);
  return sql`(SELECT ${objectSql(env, field.selectionSet, type, row)} ${from(row)})`;
}

const serviceFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  name: (_env, r) => sql`${r}.name`,
  description: (_env, r) => sql`${r}.description`,
  capacity: (_env, r) => sql`${r}.capacity`,
  status: (_env, r) => sql`${r}.status::text`,
  capacityUnit: (_env, r) => sql`${r}.capacity_unit::text`,
  published: (_env, r) => sql`${r}.published`,
  category: (env, s, field, _args, type) => oneSql(env, s, field, type, (c) => sql`FROM service_category ${c} WHERE ${c}.id = ${s}.category_id`),
  source: (env, s, field, _args, type) => oneSql(env, s, field, type, (x) => sql`FROM source ${x} WHERE ${x}.id = ${s}.source_id`),
  provider: (env, s, field, _args, type) =>
    oneSql(env, s, field, type, (p) => sql`FROM provider ${p} WHERE ${p}.id = ${s}.provider_id AND ${visibleProvider(env.caller, p)}`),
  // as fundingsByServiceIds + inYears: the visible lines, by year and id
  fundings: (env, s, field, args, type) => {
    const fromYear = args.fromYear as number | undefined;
    const toYear = args.toYear as number | undefined;
    checked(() => checkYears(fromYear, toYear));
    return listSql(
      env,
      s,
      field,
      type,
      (f) => sql`FROM funding ${f} WHERE ${f}.service_id = ${s}.id AND ${visibleFunding(env.caller, f)}
                   AND (${fromYear ?? null}::int IS NULL OR ${f}.year >= ${fromYear ?? null}::int)
                   AND (${toYear ?? null}::int IS NULL OR ${f}.year <= ${toYear ?? null}::int)`,
      (f) => sql`${f}.year, ${f}.id`,
    );
  },
  // as locationsByServiceIds: by location id
  locations: (env, s, field, _args, type) =>
    listSql(env, s, field, type, (l) => sql`FROM service_location sl JOIN location ${l} ON ${l}.id = sl.location_id WHERE sl.service_id = ${s}.id`, (l) => sql`${l}.id`),
};

const providerFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  name: (_env, r) => sql`${r}.name`,
  kind: (_env, r) => sql`${r}.kind::text`,
  umbrella: (_env, r) => sql`${r}.umbrella::text`,
  website: (_env, r) => sql`${r}.website`,
  published: (_env, r) => sql`${r}.published`,
  // as servicesByProviderIds: the visible services, by name and id
  services: (env, p, field, _args, type) =>
    listSql(env, p, field, type, (s) => sql`FROM service ${s} WHERE ${s}.provider_id = ${p}.id AND ${visibleService(env.caller, s)}`, (s) => sql`${s}.name, ${s}.id`),
};

const fundingFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  funder: (_env, r) => sql`${r}.funder`,
  year: (_env, r) => sql`${r}.year`,
  // as DecimalScalar: exact, with at least two decimals ("356500.00", "12.345")
  amount: (_env, f) => sql`CASE WHEN scale(trim_scale(${f}.amount)) < 2 THEN round(${f}.amount, 2)::text ELSE trim_scale(${f}.amount)::text END`,
  kind: (_env, r) => sql`${r}.kind::text`,
  status: (_env, r) => sql`${r}.status::text`,
  published: (_env, r) => sql`${r}.published`,
};

const categoryFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  key: (_env, r) => sql`${r}.key`,
  name: (_env, r) => sql`${r}.name`,
  nameEn: (_env, r) => sql`${r}.name_en`,
  description: (_env, r) => sql`${r}.description`,
};

const sourceFields: Record<string, FieldSql> = {
  id: (_env, r) => sql`${r}.id`,
  key: (_env, r) => sql`${r}.key`,
  title: (_env, r) => sql`${r}.title`,
  publisher: (_env, r) => sql`${r}.publisher`,
  licence: (_env, r) => sql`${r}.licence`,
  url: (_env, r) => sql`${r}.url`,
  attribution: (_env, r) => sql`${r}.attribution`,
  synthetic: (_env, r) => sql`${r}.synthetic`,
};

const locationFields: Record<string, FieldSql> = {
  point: (_env, l, _field, args) => {
    checked(() => checkPrecision(args.precision as number));
    return sql`ST_AsGeoJSON(${l}.geom, ${args.precision as number}::int)::json`;
  },
  id: (_env, r) => sql`${r}.id`,
  name: (_env, r) => sql`${r}.name`,
  street: (_env, r) => sql`${r}.street`,
  houseNumber: (_env, r) => sql`${r}.house_number`,
  postalCode: (_env, r) => sql`${r}.postal_code`,
  city: (_env, r) => sql`${r}.city`,
  area: (env, l, field, _args, type) => oneSql(env, l, field, type, (a) => sql`FROM area ${a} WHERE ${a}.id = ${l}.area_id`),
};

const TYPES: Record<string, Record<string, FieldSql>> = {
  Area: areaFields,
  IndicatorValue: indicatorValueFields,
  Service: serviceFields,
  Provider: providerFields,
  Funding: fundingFields,
  Location: locationFields,
  ServiceCategory: categoryFields,
  Source: sourceFields,
};

const ROOTS: Record<string, FieldSql> = {
  areas: (env, _row, field, args, connection) => {
    const filter = onlyKeys(args.filter, ['level', 'city', 'codes']);
    // areaWhere's city condition is replaced by citySql (scope null: no condition of its own)
    const where = sql`${areaWhere({ level: filter.level as never, codes: filter.codes as string[] | undefined, scope: null })} AND ${citySql(env, sql`a.city_id`, filter.city)}`;
    return connectionSql(env, field, args, connection, sql`area a`, sql`a`, where);
  },
  services: (env, _row, field, args, connection) => {
    const { city, ...rest } = onlyKeys(args.filter, ['city', 'categoryKeys', 'statuses', 'targetGroups', 'providerIds']);
    const named = city !== undefined && city !== null;
    // without a city: the default city, in serviceWhere; a named one by citySql
    const where = sql`${serviceWhere({ ...(rest as ServiceFilter), ...(named ? { scope: null } : {}) }, env.caller)}
                      AND ${named ? citySql(env, sql`s.city_id`, city) : sql`TRUE`}`;
    return connectionSql(env, field, args, connection, sql`service s`, sql`s`, where);
  },
  providers: (env, _row, field, args, connection) => {
    onlyKeys(args.filter, []);
    const where = providerWhere({}, env.caller);
    return connectionSql(env, field, args, connection, sql`provider p`, sql`p`, where);
  },
  indicatorValues: (env, _row, field, args, connection) => {
    const filter = onlyKeys(args.filter, ['indicatorKeys', 'level', 'city', 'years', 'fromYear', 'toYear']);
    const keys = filter.indicatorKeys as string[];
    if (keys.length === 0 || keys.length > 50) throw new NotForTheseArguments('indicatorKeys');
    checked(() => {
      for (const year of (filter.years as number[] | undefined) ?? []) checkYear(year, 'filter.years');
      checkYear(filter.fromYear as number | undefined, 'filter.fromYear');
      checkYear(filter.toYear as number | undefined, 'filter.toYear');
    });
    // every key must name an indicator (else the ordinary path answers NOT_FOUND)
    env.checks.push(sql`(SELECT count(*) FROM indicator i WHERE i.key = ANY(${keys}::text[])) = ${new Set(keys).size}::int`);
    // an array of as many ids as keys, each looked up on its own: the planner then knows its length
    // and reads the values by the indicator's index (ARRAY(SELECT …) left it guessing 10× the rows)
    const ids = sql`ARRAY[${Prisma.join([...new Set(keys)].map((key) => sql`(SELECT i.id FROM indicator i WHERE i.key = ${key})`), ', ')}]::int[]`;
    const scoped = filter.city === undefined || filter.city === null ? {} : { scope: null };
    const where = sql`${valueWhere(
      {
        indicatorIds: [],
        ...scoped,
        level: filter.level as string | undefined,
        years: filter.years as number[] | undefined,
        fromYear: filter.fromYear as number | undefined,
        toYear: filter.toYear as number | undefined,
      },
      ids,
    )} AND ${filter.city === undefined || filter.city === null ? sql`TRUE` : sql`v.area_id IN (SELECT ca.id FROM area ca WHERE ${citySql(env, sql`ca.city_id`, filter.city)})`}`;
    return connectionSql(env, field, args, connection, sql`indicator_value v`, sql`v`, where);
  },
};

/**
 * The one SQL statement answering `operation` with these variables, or null: not compilable (then
 * `NotCompilable` is thrown for documents that never are, so the caller can remember them).
 */
export function compileQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  caller: Visibility,
): CompiledQuery | null {
  if (operation.operation !== 'query') throw new NotCompilable('not a query');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const env: Env = { schema, fragments, variables: coerced.coerced, caller, checks: [] };
  const query = schema.getQueryType()!;
  try {
    const pairs: Prisma.Sql[] = [];
    for (const [key, field] of collectFields(env, operation.selectionSet, query)) {
      const name = field.name.value;
      if (name === '__typename') {
        pairs.push(sql`${key}::text, ${query.name}::text`);
        continue;
      }
      const compile = ROOTS[name];
      const definition = query.getFields()[name];
      if (!compile || !definition || fieldsWithRoles().has(`Query.${name}`)) throw new NotCompilable(`root field ${name}`);
      const args = getArgumentValues(definition, field, env.variables);
      checked(() => checkArguments(args));
      pairs.push(sql`${key}::text, ${compile(env, sql``, field, args, getNamedType(definition.type) as GraphQLObjectType)}`);
    }
    const ok = env.checks.length ? Prisma.join(env.checks, ' AND ') : sql`TRUE`;
    return {
      sql: sql`SELECT ok, CASE WHEN ok THEN json_build_object(${Prisma.join(pairs, ', ')})::text END AS data FROM (SELECT ${ok} AS ok) checks`,
    };
  } catch (error) {
    if (error instanceof NotForTheseArguments) return null;
    // getArgumentValues refuses what validation let through only for bad variables: run ordinarily
    if (error instanceof NotCompilable) throw error;
    return null;
  }
}
