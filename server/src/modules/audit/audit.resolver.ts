import { ActorKind } from '@sozialatlas/db';
import { GraphQLJSON } from 'graphql-scalars';
import { Args, ArgsType, Authorized, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Connection, PageArgs, paginate, toConnection } from '../common/connection';

@ObjectType({ description: 'One write recorded in the audit log (Protokoll).' })
export class AuditEntry {
  @Field(() => Int, { description: 'Internal identifier; entries are numbered in the order written.' })
  id!: number;

  @Field(() => ActorKind, { description: 'USER, API_KEY or SYSTEM.' })
  actorKind!: ActorKind;

  @Field(() => Int, { nullable: true, description: 'User or key id; null for SYSTEM.' })
  actorId!: number | null;

  @Field({ description: 'E-mail of the user, name of the key or the CLI command, at the time of the write.' })
  actorLabel!: string;

  @Field({ description: 'create, update, retire, import, login, lockout, revoke.' })
  action!: string;

  @Field({ description: 'What was written, e.g. "service", "funding", "indicator_value".' })
  entity!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record; null for imports.' })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record before the write; null on create.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after the write; null on delete.' })
  after!: unknown;

  @Field(() => Date, { description: 'When (UTC).' })
  at!: Date;
}

@InputType({ description: 'Which audit entries to list; all given conditions apply.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Entity, e.g. "service".' })
  entity?: string;

  @Field(() => String, { nullable: true, description: 'Record id (with entity).' })
  entityId?: string;

  @Field(() => ActorKind, { nullable: true, description: 'Kind of actor.' })
  actorKind?: ActorKind;

  @Field(() => Int, { nullable: true, description: 'User or key id.' })
  actorId?: number;

  @Field(() => String, { nullable: true, description: 'Action, e.g. "update".' })
  action?: string;

  @Field(() => Date, { nullable: true, description: 'Written at or after this time.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Written before this time.' })
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true, description: 'Conditions.' })
  filter?: AuditFilter;
}

const { ConnectionType: AuditConnection } = Connection(AuditEntry, 'AuditEntry', 'A page of audit entries, oldest first.');

@Resolver()
export class AuditResolver {
  @Authorized('ADMIN')
  @Query(() => AuditConnection, { description: 'The audit log: who wrote what when, with before and after. Role: ADMIN.' })
  async auditLog(@Ctx() ctx: Context, @Args() args: AuditLogArgs) {
    const f = args.filter ?? {};
    const where = {
      entity: f.entity,
      entityId: f.entityId,
      actorKind: f.actorKind,
      actorId: f.actorId,
      action: f.action,
      at: f.from || f.to ? { gte: f.from, lt: f.to } : undefined,
    };
    const page = await paginate(
      args,
      (take, afterId) => ctx.prisma.auditLog.findMany({ where: { ...where, id: { gt: afterId ?? 0 } }, orderBy: { id: 'asc' }, take }),
      () => ctx.prisma.auditLog.count({ where }),
    );
    return toConnection(page);
  }
}
