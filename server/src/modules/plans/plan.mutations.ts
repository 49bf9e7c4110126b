import { MeasureHorizon, MeasureStatus } from '@sozialatlas/db';
import { ArrayMaxSize, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { DateScalar } from '../../scalars/date';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../common/years';
import { Goal, Measure, Plan } from './plan.type';
import { actorOf, writeAudit, type Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

const required = (input: object, fields: [string, string][]) =>
  fields.filter(([f]) => (input as Record<string, unknown>)[f] === undefined || (input as Record<string, unknown>)[f] === null).map(([f, what]) => problem(f, 'REQUIRED', `Bitte ${what} angeben.`));

/** Title and description: the same rules for plans, goals and measures (inherited; never used as an input itself). */
@InputType()
abstract class TitledFields {
  @Field(() => String, { nullable: true, description: 'Title (Titel).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte einen Titel angeben.' })
  @MaxLength(300, { message: 'Der Titel darf höchstens 300 Zeichen lang sein.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  @IsOptional()
  @MaxLength(10000, { message: 'Die Beschreibung darf höchstens 10.000 Zeichen lang sein.' })
  description?: string | null;
}

// ---- Plan (Sozialplan)

@InputType({ description: 'Fields of a plan (Sozialplan, Teilplan).' })
class PlanFields extends TitledFields {
  @Field(() => Int, { nullable: true, description: 'First year of the planning period (Planungszeitraum von).' })
  @IsOptional()
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  periodStart?: number;

  @Field(() => Int, { nullable: true, description: 'Last year of the planning period (bis).' })
  @IsOptional()
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  periodEnd?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date of adoption by the council (Beschlussdatum).' })
  adoptedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'False keeps the plan as a draft; default true.' })
  published?: boolean;
}

@InputType({ description: 'A new plan; title and period are required.' })
export class CreatePlanInput extends PlanFields {}

@InputType({ description: 'Changes to a plan; only the fields given are changed.' })
export class UpdatePlanInput extends PlanFields {
  @Field(() => Int, { description: 'Id of the plan.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function planData(input: PlanFields, current?: { periodStart: number; periodEnd: number }) {
  const problems: FieldProblem[] = current ? [] : required(input, [['title', 'einen Titel'], ['periodStart', 'den Beginn des Planungszeitraums'], ['periodEnd', 'das Ende des Planungszeitraums']]);
  const start = input.periodStart ?? current?.periodStart;
  const end = input.periodEnd ?? current?.periodEnd;
  if (start !== undefined && end !== undefined && end < start) problems.push(problem('periodEnd', 'OUT_OF_RANGE', 'Der Planungszeitraum endet vor seinem Beginn.'));
  await checkInput(input, problems);
  return given({ title: input.title?.trim(), description: input.description, periodStart: input.periodStart, periodEnd: input.periodEnd, adoptedAt: input.adoptedAt, published: input.published });
}


// ---- Goal (Ziel)

@InputType({ description: 'Fields of a goal of a plan (Ziel).' })
class GoalFields extends TitledFields {
  @Field(() => Int, { nullable: true, description: 'The plan the goal belongs to.' })
  planId?: number;

  @Field(() => String, { nullable: true, description: 'Code within the plan, e.g. "2.1" (field 2, goal 1) (Kennung).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte eine Kennung angeben, z. B. „2.1“.' })
  @MaxLength(20, { message: 'Die Kennung darf höchstens 20 Zeichen lang sein.' })
  code?: string;

}

@InputType({ description: 'A new goal; plan, code and title are required.' })
export class CreateGoalInput extends GoalFields {}

@InputType({ description: 'Changes to a goal; only the fields given are changed.' })
export class UpdateGoalInput extends GoalFields {
  @Field(() => Int, { description: 'Id of the goal.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function goalData(tx: Tx, input: GoalFields, current?: { id: number; planId: number; code: string }) {
  const problems: FieldProblem[] = current ? [] : required(input, [['planId', 'den Plan'], ['code', 'eine Kennung'], ['title', 'einen Titel']]);
  if (input.planId !== undefined && !(await tx.plan.findUnique({ where: { id: input.planId } }))) problems.push(problem('planId', 'UNKNOWN_REFERENCE', 'Diesen Plan gibt es nicht.'));
  const planId = input.planId ?? current?.planId;
  const code = input.code?.trim() ?? current?.code;
  if (planId !== undefined && code) {
    const twin = await tx.goal.findUnique({ where: { planId_code: { planId, code } } });
    if (twin && twin.id !== current?.id) problems.push(problem('code', 'DUPLICATE', `Im Plan gibt es schon ein Ziel „${code}“.`));
  }
  await checkInput(input, problems);
  return given({ planId: input.planId, code: input.code?.trim(), title: input.title?.trim(), description: input.description });
}

// ---- Measure (Maßnahme)

@InputType({ description: 'Fields of a measure (Maßnahme).' })
class MeasureFields extends TitledFields {
  @Field(() => Int, { nullable: true, description: 'The goal the measure serves.' })
  goalId?: number;

  @Field(() => String, { nullable: true, description: 'Code within the goal, e.g. "2.1.3" (Kennung).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte eine Kennung angeben, z. B. „2.1.3“.' })
  @MaxLength(20, { message: 'Die Kennung darf höchstens 20 Zeichen lang sein.' })
  code?: string;


  @Field(() => MeasureHorizon, { nullable: true, description: 'Short, medium or long term (Zeithorizont).' })
  horizon?: MeasureHorizon;

  @Field(() => String, { nullable: true, description: 'Lead office (federführendes Amt).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte das federführende Amt angeben.' })
  @MaxLength(200, { message: 'Das Amt darf höchstens 200 Zeichen lang sein.' })
  responsibleOffice?: string;

  @Field(() => MeasureStatus, { nullable: true, description: 'Progress (Umsetzungsstand); default NOT_STARTED.' })
  status?: MeasureStatus;

  @Field(() => [Int], { nullable: true, description: 'Target areas (Zielgebiete); replaces the current list; empty = city-wide.' })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Zielgebiete.' })
  areaIds?: number[];

  @Field(() => [Int], { nullable: true, description: 'Indicators the measure should move (Zielindikatoren); replaces the current list.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'Höchstens 50 Zielindikatoren.' })
  indicatorIds?: number[];
}

@InputType({ description: 'A new measure; goal, code, title, horizon and lead office are required.' })
export class CreateMeasureInput extends MeasureFields {}

@InputType({ description: 'Changes to a measure; only the fields given are changed.' })
export class UpdateMeasureInput extends MeasureFields {
  @Field(() => Int, { description: 'Id of the measure.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

export async function areaProblems(tx: Tx, areaIds: number[] | undefined): Promise<FieldProblem[]> {
  if (!areaIds?.length) return [];
  const found = await tx.area.count({ where: { id: { in: areaIds } } });
  return found === new Set(areaIds).size ? [] : [problem('areaIds', 'UNKNOWN_REFERENCE', 'Mindestens eines der gewählten Gebiete gibt es nicht.')];
}

async function measureData(tx: Tx, input: MeasureFields, current?: { id: number; goalId: number; code: string }) {
  const problems: FieldProblem[] = current
    ? []
    : required(input, [['goalId', 'das Ziel'], ['code', 'eine Kennung'], ['title', 'einen Titel'], ['horizon', 'den Zeithorizont'], ['responsibleOffice', 'das federführende Amt']]);
  if (input.goalId !== undefined && !(await tx.goal.findUnique({ where: { id: input.goalId } }))) problems.push(problem('goalId', 'UNKNOWN_REFERENCE', 'Dieses Ziel gibt es nicht.'));
  const goalId = input.goalId ?? current?.goalId;
  const code = input.code?.trim() ?? current?.code;
  if (goalId !== undefined && code) {
    const twin = await tx.measure.findUnique({ where: { goalId_code: { goalId, code } } });
    if (twin && twin.id !== current?.id) problems.push(problem('code', 'DUPLICATE', `Für dieses Ziel gibt es schon eine Maßnahme „${code}“.`));
  }
  problems.push(...(await areaProblems(tx, input.areaIds)));
  if (input.indicatorIds?.length && (await tx.indicator.count({ where: { id: { in: input.indicatorIds } } })) !== new Set(input.indicatorIds).size) {
    problems.push(problem('indicatorIds', 'UNKNOWN_REFERENCE', 'Mindestens einen der gewählten Indikatoren gibt es nicht.'));
  }
  await checkInput(input, problems);
  return given({
    goalId: input.goalId,
    code: input.code?.trim(),
    title: input.title?.trim(),
    description: input.description,
    horizon: input.horizon,
    responsibleOffice: input.responsibleOffice?.trim(),
    status: input.status,
  });
}

async function linkMeasure(tx: Tx, measureId: number, input: MeasureFields) {
  if (input.areaIds) {
    await tx.measureArea.deleteMany({ where: { measureId } });
    await tx.measureArea.createMany({ data: [...new Set(input.areaIds)].map((areaId) => ({ measureId, areaId })) });
  }
  if (input.indicatorIds) {
    await tx.measureIndicator.deleteMany({ where: { measureId } });
    await tx.measureIndicator.createMany({ data: [...new Set(input.indicatorIds)].map((indicatorId) => ({ measureId, indicatorId })) });
  }
}

async function measureSnapshot(tx: Tx, id: number) {
  const row = await tx.measure.findUnique({ where: { id }, include: { areas: true, indicators: true } });
  if (!row) return null;
  const { areas, indicators, ...rest } = row;
  return { ...rest, areaIds: areas.map((a) => a.areaId), indicatorIds: indicators.map((i) => i.indicatorId) };
}

@Resolver()
export class PlanMutations {
  @Authorized('PLANNER')
  @Mutation(() => Plan, { description: 'Creates a plan (Plan anlegen). Role: PLANNER.' })
  createPlan(@Ctx() ctx: Context, @Arg('input', () => CreatePlanInput, { description: 'The new plan.' }) input: CreatePlanInput) {
    return edit(ctx, async (tx) => createAudited(ctx, tx, 'plan', 'plan', await planData(input)));
  }

  @Authorized('PLANNER')
  @Mutation(() => Plan, { description: 'Changes a plan (Plan ändern). Role: PLANNER.' })
  updatePlan(@Ctx() ctx: Context, @Arg('input', () => UpdatePlanInput, { description: 'Id, version read and the changes.' }) input: UpdatePlanInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.plan.findUnique({ where: { id: input.id } });
      const data = await planData(input, current ?? { periodStart: 0, periodEnd: 9999 });
      return updateAudited(ctx, tx, 'plan', 'plan', input.id, input.version, data);
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Unpublishes a plan; goals and measures stay (Plan zurückziehen). Role: PLANNER.' })
  async retirePlan(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    const row = await edit(ctx, (tx) => updateAudited(ctx, tx, 'plan', 'plan', id, version, { published: false }, { action: 'retire' }));
    return { entity: 'plan', id, deleted: false, version: row.version };
  }

  @Authorized('PLANNER')
  @Mutation(() => Goal, { description: 'Adds a goal to a plan (Ziel anlegen). Role: PLANNER.' })
  createGoal(@Ctx() ctx: Context, @Arg('input', () => CreateGoalInput, { description: 'The new goal.' }) input: CreateGoalInput) {
    return edit(ctx, async (tx) => createAudited(ctx, tx, 'goal', 'goal', await goalData(tx, input)));
  }

  @Authorized('PLANNER')
  @Mutation(() => Goal, { description: 'Changes a goal (Ziel ändern). Role: PLANNER.' })
  updateGoal(@Ctx() ctx: Context, @Arg('input', () => UpdateGoalInput, { description: 'Id, version read and the changes.' }) input: UpdateGoalInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.goal.findUnique({ where: { id: input.id } });
      return updateAudited(ctx, tx, 'goal', 'goal', input.id, input.version, await goalData(tx, input, current ?? undefined));
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Deletes a goal without measures (Ziel löschen); move or delete its measures first. Role: PLANNER.' })
  async retireGoal(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, async (tx) => {
      const measures = await tx.measure.count({ where: { goalId: id } });
      if (measures) await checkInput({}, [problem('id', 'HAS_DEPENDENTS', `Das Ziel hat noch ${measures} Maßnahme(n); bitte diese zuerst verschieben oder löschen.`)]);
      await deleteAudited(ctx, tx, 'goal', 'goal', id, version);
    });
    return { entity: 'goal', id, deleted: true, version: null };
  }

  @Authorized('PLANNER')
  @Mutation(() => Measure, { description: 'Adds a measure to a goal, with target areas and indicators (Maßnahme anlegen). Role: PLANNER.' })
  createMeasure(@Ctx() ctx: Context, @Arg('input', () => CreateMeasureInput, { description: 'The new measure.' }) input: CreateMeasureInput) {
    return edit(ctx, async (tx) => {
      const data = await measureData(tx, input);
      const row = await tx.measure.create({ data: data as Parameters<typeof tx.measure.create>[0]['data'] });
      await linkMeasure(tx, row.id, input);
      await writeAudit(tx, actorOf(ctx.caller), { action: 'create', entity: 'measure', entityId: row.id, after: await measureSnapshot(tx, row.id) });
      return row;
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => Measure, { description: 'Changes a measure, its status, target areas or indicators (Maßnahme ändern). Role: PLANNER.' })
  updateMeasure(@Ctx() ctx: Context, @Arg('input', () => UpdateMeasureInput, { description: 'Id, version read and the changes.' }) input: UpdateMeasureInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.measure.findUnique({ where: { id: input.id } });
      const data = await measureData(tx, input, current ?? undefined);
      return updateAudited(ctx, tx, 'measure', 'measure', input.id, input.version, data, {
        after: () => linkMeasure(tx, input.id, input),
        snapshot: (row) => measureSnapshot(tx, row.id),
      }).then(() => tx.measure.findUniqueOrThrow({ where: { id: input.id } }));
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Deletes a measure (Maßnahme löschen); to pause one, set its status to SUSPENDED instead. Role: PLANNER.' })
  async retireMeasure(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, (tx) => deleteAudited(ctx, tx, 'measure', 'measure', id, version, (row) => measureSnapshot(tx, row.id)));
    return { entity: 'measure', id, deleted: true, version: null };
  }
}
