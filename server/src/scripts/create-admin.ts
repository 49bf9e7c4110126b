// Creates the first administrator (or any account) — the only way in on a fresh installation;
// there is no default password.
//   printf '%s' "$PASSWORD" | npm run create-admin -w @sozialatlas/server -- --email it@stadt.de [--name "…"] [--role ADMIN]
//   SOZIALATLAS_ADMIN_PASSWORD=… npm run create-admin -w @sozialatlas/server -- --email it@stadt.de
import 'reflect-metadata';
import type { UserRole } from '@sozialatlas/db';
import { InputValidationError } from '../modules/common/writes/validation';
import { MIN_PASSWORD_LENGTH } from '../modules/auth/password';
import { ROLES, systemActor } from '../modules/auth/roles';
import { createUser } from '../modules/auth/users';
import { fail, openServerDatabase, options, readStdin } from './cli';

async function main() {
  const opts = options(process.argv.slice(2));
  const email = opts.get('email');
  if (typeof email !== 'string') fail('Usage: create-admin --email <address> [--name <display name>] [--role ADMIN|PLANNER|STATISTICS|ANALYST]; password from stdin or SOZIALATLAS_ADMIN_PASSWORD');
  const role = (opts.get('role') ?? 'ADMIN') as UserRole;
  if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const name = opts.get('name');

  let password = process.env.SOZIALATLAS_ADMIN_PASSWORD;
  if (!password) {
    if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
    password = readStdin().replace(/\r?\n$/, '');
  }
  if (!password || password.length < MIN_PASSWORD_LENGTH) fail(`The password must have at least ${MIN_PASSWORD_LENGTH} characters (from stdin or SOZIALATLAS_ADMIN_PASSWORD).`);

  const db = await openServerDatabase();
  try {
    const user = await createUser(db.prisma, { email, displayName: typeof name === 'string' ? name : email, password, role }, systemActor('create-admin'));
    process.stdout.write(`created ${user.role} ${user.email} (id ${user.id})\n`);
  } catch (error) {
    if (error instanceof InputValidationError) fail(error.problems.map((p) => p.message).join('\n'));
    throw error;
  } finally {
    await db.close();
  }
}

main().catch((error) => fail(String(error)));
