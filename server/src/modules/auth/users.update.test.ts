import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor, systemActor } from './roles';
import { createUser } from './users';

const UPDATE = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id disabled role version } }';

describe('administrators and their own account', () => {
  const { db, gql } = useSeededGraphQL();

  it('refuses to disable or demote one’s own account; another administrator may', async () => {
    const ada = await createUser(db.prisma, { email: 'ada@leipzig.de', displayName: 'Ada', password: 'ein-langes-passwort-1', role: 'ADMIN' }, systemActor('test'));
    const bea = await createUser(db.prisma, { email: 'bea@leipzig.de', displayName: 'Bea', password: 'ein-langes-passwort-2', role: 'ADMIN' }, systemActor('test'));
    const asAda = callerFor(['ADMIN'], { kind: 'USER', id: ada.id, label: ada.email });
    const asBea = callerFor(['ADMIN'], { kind: 'USER', id: bea.id, label: bea.email });

    const self = (await gql.run(UPDATE, { input: { id: ada.id, version: ada.version, disabled: true } }, asAda)).errors?.[0];
    expect(self?.extensions?.problems).toEqual([expect.objectContaining({ field: 'disabled', reason: 'OWN_ACCOUNT' })]);
    const demoted = (await gql.run(UPDATE, { input: { id: ada.id, version: ada.version, role: 'PLANNER' } }, asAda)).errors?.[0];
    expect(demoted?.extensions?.problems).toEqual([expect.objectContaining({ field: 'role', reason: 'OWN_ACCOUNT' })]);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ disabled: false, role: 'ADMIN' });

    // her own name she may change; another administrator may disable her
    expect((await gql.data(UPDATE, { input: { id: ada.id, version: ada.version, displayName: 'Ada L.' } }, asAda)).updateUser.version).toBe(ada.version + 1);
    expect((await gql.data(UPDATE, { input: { id: ada.id, version: ada.version + 1, disabled: true } }, asBea)).updateUser.disabled).toBe(true);
  });
});
