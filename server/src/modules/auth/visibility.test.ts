import { useSeededGraphQL } from '../../../test/graphql';
import { anonymousCaller, type Role } from './caller';
import { callerFor } from './roles';

const as = (role: Role) => callerFor([role], { kind: 'USER', id: 1, label: role.toLowerCase() });

describe('what each role sees', () => {
  const { db, gql } = useSeededGraphQL();

  it('shows suppressed values to STATISTICS and ADMIN only', async () => {
    const value = await db.prisma.indicatorValue.findFirstOrThrow({ where: { derived: false, value: { not: null } }, include: { area: true, indicator: true } });
    await db.prisma.indicatorValue.update({ where: { id: value.id }, data: { status: 'SUPPRESSED', baseStatus: 'SUPPRESSED', value: 3 } });
    const query = `query($f: IndicatorValueFilter!) { indicatorValues(filter: $f) { nodes { value status } } }`;
    const filter = { f: { indicatorKeys: [value.indicator.key], areaCodes: [value.area.code], years: [value.year] } };
    const seen = async (caller = anonymousCaller) => (await gql.data(query, filter, caller)).indicatorValues.nodes[0];
    expect(await seen()).toEqual({ value: null, status: 'SUPPRESSED' });
    expect(await seen(as('ANALYST'))).toEqual({ value: null, status: 'SUPPRESSED' });
    expect(await seen(as('PLANNER'))).toEqual({ value: null, status: 'SUPPRESSED' });
    expect(await seen(as('STATISTICS'))).toEqual({ value: 3, status: 'SUPPRESSED' });
    expect(await seen(as('ADMIN'))).toEqual({ value: 3, status: 'SUPPRESSED' });
  });

  it('shows unpublished (draft) records to signed-in roles, never to anonymous callers', async () => {
    const categoryId = (await db.prisma.serviceCategory.findFirstOrThrow()).id;
    const draft = await db.prisma.service.create({ data: { name: 'Entwurf: Familienzentrum', categoryId, published: false } });
    const query = `{ service(id: ${draft.id}) { name published } }`;
    expect((await gql.data(query, {}, anonymousCaller)).service).toBeNull();
    expect((await gql.data(query, {}, as('ANALYST'))).service).toEqual({ name: 'Entwurf: Familienzentrum', published: false });
  });
});
