import type { Database } from '@sozialatlas/db';
import { openSeededDatabase } from '../../../test/db';
import { startHttp } from '../../../test/http';
import { MAX_FAILED_LOGINS } from './login';
import { systemActor } from './roles';
import { createUser } from './users';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }';
const PASSWORD = 'das-richtige-lange-passwort';

describe('login lockout under parallel guessing', () => {
  let db: Database;
  let http: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    db = await openSeededDatabase();
    http = await startHttp(db);
    await createUser(db.prisma, { email: 'ziel@leipzig.de', displayName: 'Ziel', password: PASSWORD, role: 'PLANNER' }, systemActor('test'));
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  it(`checks at most ${MAX_FAILED_LOGINS} of 40 parallel wrong passwords, locks once, and then refuses the right one`, async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => http.graphql(LOGIN, { email: 'ziel@leipzig.de', password: `falsches-passwort-${i}` })),
    );
    const reasons = answers.map((a) => a.body.errors?.[0]?.extensions?.reason as string);
    expect(reasons.every((r) => r === 'WRONG_CREDENTIALS' || r === 'LOCKED')).toBe(true);
    // a wrong-password answer means the password was checked
    expect(reasons.filter((r) => r === 'WRONG_CREDENTIALS').length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(reasons.filter((r) => r === 'LOCKED').length).toBeGreaterThanOrEqual(40 - MAX_FAILED_LOGINS);

    const right = await http.graphql(LOGIN, { email: 'ziel@leipzig.de', password: PASSWORD });
    expect(right.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ziel@leipzig.de' } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'lockout', entityId: String(user.id) } })).toBe(1);
  });
});
