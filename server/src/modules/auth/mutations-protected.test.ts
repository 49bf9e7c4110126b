// Every mutation in the schema is refused for anonymous callers and for every role that lacks the
// right — enumerated from the built schema, so a new mutation cannot slip through unprotected.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { useSeededGraphQL } from '../../../test/graphql';
import { anonymousCaller, type Role } from './caller';
import { getSchema } from '../../schema';
import { callerFor, ROLES } from './roles';

/** Mutations open to everyone, on purpose. */
const PUBLIC = new Set(['login', 'logout']);

const SCALARS: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  String: 'x',
  Boolean: false,
  ID: '1',
  Decimal: '1',
  DateTimeISO: '2030-01-01T00:00:00Z',
  JSON: {},
};

/** A value of the type that passes GraphQL's coercion, so only the guard can refuse. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType as GraphQLInputType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, dummy(f.type)]),
    );
  }
  const name = getNamedType(type).name;
  if (!(name in SCALARS)) throw new Error(`add a dummy value for scalar ${name}`);
  return SCALARS[name];
}

function operation(field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(args.map((a) => [a.name, dummy(a.type)]));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
  const query = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
  return { query, variables };
}

/** Roles declared with @Authorized on the method behind each mutation. */
function declaredRoles(): Map<string, Role[]> {
  const storage = getMetadataStorage();
  const roles = new Map<string, Role[]>();
  for (const mutation of storage.mutations) {
    const authorized = storage.authorizedFields.find((a) => a.target === mutation.target && a.fieldName === mutation.methodName);
    if (authorized) roles.set(mutation.schemaName, authorized.roles as Role[]);
  }
  return roles;
}

describe('every mutation is protected', () => {
  let mutations: GraphQLField<unknown, unknown>[];
  let roles: Map<string, Role[]>;
  const { db, gql } = useSeededGraphQL();
  beforeAll(async () => {
    mutations = Object.values((await getSchema()).getMutationType()?.getFields() ?? {});
    roles = declaredRoles();
  });

  it('finds the mutations of every editable entity', () => {
    const names = mutations.map((m) => m.name);
    for (const entity of ['Service', 'Provider', 'Location', 'Funding', 'Plan', 'Goal', 'Measure', 'ParticipationEvent', 'CoverageNorm', 'Indicator', 'Source']) {
      expect(names).toEqual(expect.arrayContaining([`create${entity}`, `update${entity}`, `retire${entity}`]));
    }
    expect(names).toEqual(expect.arrayContaining(['importIndicatorValues', 'importAreas', 'createApiKey', 'revokeApiKey', 'createUser', 'updateUser']));
  });

  it('declares the roles of every mutation except login and logout', () => {
    const unguarded = mutations.filter((m) => !PUBLIC.has(m.name) && !(roles.get(m.name)?.length));
    expect(unguarded.map((m) => m.name)).toEqual([]);
  });

  it('refuses every guarded mutation for anonymous callers with UNAUTHENTICATED and for roles without the right with FORBIDDEN', async () => {
    const auditRows = await db.prisma.auditLog.count();
    const failures: string[] = [];
    for (const mutation of mutations.filter((m) => !PUBLIC.has(m.name))) {
      const { query, variables } = operation(mutation);
      const anonymous = await gql.run(query, variables, anonymousCaller);
      const anonymousCode = anonymous.errors?.[0]?.extensions?.code;
      if (anonymousCode !== 'UNAUTHENTICATED') failures.push(`${mutation.name} anonymous → ${anonymousCode ?? 'allowed'}`);

      const allowed = roles.get(mutation.name) ?? [];
      for (const role of ROLES.filter((r) => r !== 'ADMIN' && !allowed.includes(r))) {
        const result = await gql.run(query, variables, callerFor([role], { kind: 'API_KEY', id: 1, label: `test ${role}` }));
        const code = result.errors?.[0]?.extensions?.code;
        if (code !== 'FORBIDDEN') failures.push(`${mutation.name} ${role} → ${code ?? 'allowed'}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await db.prisma.auditLog.count()).toBe(auditRows);
  });

  it('lets the roles with the right past the guard (ADMIN everywhere)', async () => {
    for (const mutation of mutations.filter((m) => !PUBLIC.has(m.name))) {
      const { query, variables } = operation(mutation);
      for (const role of [...(roles.get(mutation.name) ?? []), 'ADMIN' as const]) {
        const result = await gql.run(query, variables, callerFor([role], { kind: 'API_KEY', id: 1, label: `test ${role}` }));
        const code = result.errors?.[0]?.extensions?.code;
        expect(`${mutation.name} ${role} → ${code}`).not.toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      }
    }
  });
});
