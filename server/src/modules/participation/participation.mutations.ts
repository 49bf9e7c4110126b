import { ParticipationKind } from '@sozialatlas/db';
import { ArrayMaxSize, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { ParticipationEvent } from './participation.type';
import { actorOf, writeAudit, type Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { areaProblems } from '../plans/plan.mutations';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';
import { DateScalar, isoDate } from '../../scalars/date';

@InputType({ description: 'Fields of a participation event (Beteiligung).' })
class ParticipationFields {
  @Field(() => ParticipationKind, { nullable: true, description: 'Conference, survey, district walk or workshop (Art).' })
  kind?: ParticipationKind;

  @Field(() => String, { nullable: true, description: 'Title (Titel).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte einen Titel angeben.' })
  @MaxLength(300, { message: 'Der Titel darf höchstens 300 Zeichen lang sein.' })
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date (Datum).' })
  date?: Date;

  @Field(() => Int, { nullable: true, description: 'The plan it was held for (optional).' })
  planId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of participants (Teilnehmende).' })
  @IsOptional()
  @Min(0, { message: 'Die Zahl der Teilnehmenden darf nicht negativ sein.' })
  participants?: number | null;

  @Field(() => Int, { nullable: true, description: 'Surveys: number of addressees (Angeschriebene).' })
  @IsOptional()
  @Min(0, { message: 'Die Zahl der Angeschriebenen darf nicht negativ sein.' })
  addressees?: number | null;

  @Field(() => Float, { nullable: true, description: 'Surveys: share who answered, 0–1 (Rücklaufquote).' })
  @IsOptional()
  @Min(0, { message: 'Die Rücklaufquote muss zwischen 0 und 1 liegen (z. B. 0,35 für 35 %).' })
  @Max(1, { message: 'Die Rücklaufquote muss zwischen 0 und 1 liegen (z. B. 0,35 für 35 %).' })
  responseRate?: number | null;

  @Field(() => String, { nullable: true, description: 'Outcome (Ergebnis).' })
  @IsOptional()
  @MaxLength(10000, { message: 'Das Ergebnis darf höchstens 10.000 Zeichen lang sein.' })
  outcome?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Areas concerned; replaces the current list; empty = city-wide.' })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Gebiete.' })
  areaIds?: number[];
}

@InputType({ description: 'A new participation event; kind, title and date are required.' })
export class CreateParticipationEventInput extends ParticipationFields {}

@InputType({ description: 'Changes to a participation event; only the fields given are changed.' })
export class UpdateParticipationEventInput extends ParticipationFields {
  @Field(() => Int, { description: 'Id of the event.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function eventData(tx: Tx, input: ParticipationFields, creating: boolean) {
  const problems: FieldProblem[] = [];
  if (creating) {
    if (!input.kind) problems.push(problem('kind', 'REQUIRED', 'Bitte die Art der Beteiligung angeben.'));
    if (!input.title) problems.push(problem('title', 'REQUIRED', 'Bitte einen Titel angeben.'));
    if (!input.date) problems.push(problem('date', 'REQUIRED', 'Bitte das Datum angeben.'));
  }
  if (input.planId && !(await tx.plan.findUnique({ where: { id: input.planId } }))) problems.push(problem('planId', 'UNKNOWN_REFERENCE', 'Diesen Plan gibt es nicht.'));
  problems.push(...(await areaProblems(tx, input.areaIds)));
  await checkInput(input, problems);
  return given({
    kind: input.kind,
    title: input.title?.trim(),
    date: input.date,
    planId: input.planId,
    participants: input.participants,
    addressees: input.addressees,
    responseRate: input.responseRate,
    outcome: input.outcome,
  });
}

async function linkAreas(tx: Tx, eventId: number, areaIds: number[] | undefined) {
  if (!areaIds) return;
  await tx.participationEventArea.deleteMany({ where: { eventId } });
  await tx.participationEventArea.createMany({ data: [...new Set(areaIds)].map((areaId) => ({ eventId, areaId })) });
}

async function snapshot(tx: Tx, id: number) {
  const row = await tx.participationEvent.findUnique({ where: { id }, include: { areas: true } });
  if (!row) return null;
  const { areas, ...rest } = row;
  return { ...rest, date: isoDate(rest.date), areaIds: areas.map((a) => a.areaId) };
}

@Resolver()
export class ParticipationMutations {
  @Authorized('PLANNER')
  @Mutation(() => ParticipationEvent, { description: 'Records a participation event (Beteiligung erfassen). Role: PLANNER.' })
  createParticipationEvent(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateParticipationEventInput, { description: 'The new event.' }) input: CreateParticipationEventInput,
  ) {
    return edit(ctx, async (tx) => {
      const data = await eventData(tx, input, true);
      const row = await tx.participationEvent.create({ data: data as Parameters<typeof tx.participationEvent.create>[0]['data'] });
      await linkAreas(tx, row.id, input.areaIds);
      const after = await snapshot(tx, row.id);
      await writeAudit(tx, actorOf(ctx.caller), { action: 'create', entity: 'participation_event', entityId: row.id, after });
      return after;
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => ParticipationEvent, { description: 'Changes a participation event (Beteiligung ändern). Role: PLANNER.' })
  updateParticipationEvent(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateParticipationEventInput, { description: 'Id, version read and the changes.' }) input: UpdateParticipationEventInput,
  ) {
    return edit(ctx, async (tx) => {
      const data = await eventData(tx, input, false);
      await updateAudited(ctx, tx, 'participationEvent', 'participation_event', input.id, input.version, data, {
        after: () => linkAreas(tx, input.id, input.areaIds),
        snapshot: (row) => snapshot(tx, row.id),
      });
      return snapshot(tx, input.id);
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Deletes a participation event (Beteiligung löschen). Role: PLANNER.' })
  async retireParticipationEvent(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, (tx) => deleteAudited(ctx, tx, 'participationEvent', 'participation_event', id, version, (row) => snapshot(tx, row.id)));
    return { entity: 'participation_event', id, deleted: true, version: null };
  }
}
