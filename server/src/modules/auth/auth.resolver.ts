import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { actorOf, writeAudit } from '../common/writes/audit';
import { checkInput } from '../common/writes/validation';
import { updateVersionedUser } from './users.update';
import { generateApiKey } from './api-key';
import { ApiKey, CreateApiKeyInput, CreatedApiKey, CreateUserInput, LoginArgs, LoginResult, UpdateUserInput, User, Viewer } from './auth.type';
import { login } from './login';
import { rolesOf } from './roles';
import { deleteSession } from './session';
import { createUser } from './users';

/** Sign-in for people, and the administration of accounts and API keys (ADMIN). */
@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { description: 'Who you are for this request: role and what you may see.' })
  viewer(@Ctx() ctx: Context): Viewer {
    const { caller } = ctx;
    return {
      role: caller.role,
      roles: rolesOf(caller),
      kind: caller.actor?.kind ?? null,
      label: caller.actor?.label ?? null,
      canSeeSuppressed: caller.canSeeSuppressed,
      canSeeUnpublished: caller.canSeeUnpublished,
    };
  }

  @Mutation(() => LoginResult, {
    description:
      'Signs in with e-mail and password and sets the HttpOnly session cookie. Failed attempts are slowed down; after 5 in a row the account is locked for 15 minutes. Open to everyone.',
  })
  async login(@Ctx() ctx: Context, @Args() args: LoginArgs): Promise<LoginResult> {
    await checkInput(args);
    const { user, token, expiresAt } = await login(ctx.prisma, args.email, args.password);
    ctx.http?.setSessionCookie(token, expiresAt);
    return { user, expiresAt };
  }

  @Mutation(() => Boolean, { description: 'Ends your session and clears the cookie; true when there was one. Open to everyone.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const token = ctx.http?.sessionToken;
    ctx.http?.clearSessionCookie();
    if (!token) return false;
    await deleteSession(ctx.prisma, token);
    return true;
  }

  @Authorized('ADMIN')
  @Query(() => [User], { description: 'All user accounts, ordered by e-mail. Role: ADMIN.' })
  users(@Ctx() ctx: Context) {
    return ctx.prisma.user.findMany({ orderBy: { email: 'asc' } });
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Creates a user account. Role: ADMIN.' })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'The new account.' }) input: CreateUserInput) {
    await checkInput(input);
    return createUser(ctx.prisma, input, actorOf(ctx.caller));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Changes role, name, password or the disabled flag of an account. Role: ADMIN.' })
  async updateUser(@Ctx() ctx: Context, @Arg('input', () => UpdateUserInput, { description: 'Id, version read and the changes.' }) input: UpdateUserInput) {
    await checkInput(input);
    return updateVersionedUser(ctx, input);
  }

  @Authorized('ADMIN')
  @Query(() => [ApiKey], { description: 'All API keys (without secrets), newest first. Role: ADMIN.' })
  apiKeys(@Ctx() ctx: Context) {
    return ctx.prisma.apiKey.findMany({ orderBy: { id: 'desc' } });
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; the full key is in the answer and never again. Role: ADMIN.' })
  async createApiKey(@Ctx() ctx: Context, @Arg('input', () => CreateApiKeyInput, { description: 'Name, scopes and expiry.' }) input: CreateApiKeyInput) {
    await checkInput(input);
    const { key, prefix, secretHash } = await generateApiKey();
    const actor = actorOf(ctx.caller);
    const apiKey = await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.apiKey.create({
        data: { prefix, secretHash, name: input.name, roles: [...new Set(input.roles)], expiresAt: input.expiresAt ?? null, createdById: actor.kind === 'USER' ? actor.id : null },
      });
      await writeAudit(tx, actor, { action: 'create', entity: 'api_key', entityId: row.id, after: row });
      return row;
    });
    return { key, apiKey };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once; it is refused from the next request on. Role: ADMIN.' })
  async revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Id of the key.' }) id: number) {
    return ctx.prisma.$transaction(async (tx) => {
      const before = await tx.apiKey.findUnique({ where: { id } });
      if (!before) throw new NotFoundError('API key', id);
      const after = await tx.apiKey.update({ where: { id }, data: { revokedAt: before.revokedAt ?? new Date() } });
      await writeAudit(tx, actorOf(ctx.caller), { action: 'revoke', entity: 'api_key', entityId: id, before, after });
      return after;
    });
  }
}
