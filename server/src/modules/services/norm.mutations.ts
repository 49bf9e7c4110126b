import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, MaxLength, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CoverageNorm } from './service.type';
import type { Tx } from '../common/writes/audit';
import { NotFoundError } from '../../errors';
import { RetireResult } from '../common/writes/writes.type';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

@InputType({ description: 'Fields of a coverage norm (Versorgungsnorm) with its catchment zones.' })
class NormFields {
  @Field(() => Int, { nullable: true, description: 'Service category the norm is for (one norm per category).' })
  categoryId?: number;

  @Field(() => Int, { nullable: true, description: 'Indicator giving the target population (Zielgruppenindikator).' })
  targetIndicatorId?: number;

  @Field(() => String, { nullable: true, description: 'How the target population is estimated (Zielgruppe).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte beschreiben, wie die Zielgruppe geschätzt wird.' })
  @MaxLength(500, { message: 'Die Beschreibung darf höchstens 500 Zeichen lang sein.' })
  targetDescription?: string;

  @Field(() => Float, { nullable: true, description: 'Capacity per 1,000 persons of the target population (Richtwert je 1.000); above 0.' })
  @IsOptional()
  @Min(0.000001, { message: 'Der Richtwert muss größer als 0 sein.' })
  capacityPer1000?: number;

  @Field(() => String, { nullable: true, description: 'Where the norm comes from (Herkunft), e.g. a council decision.' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte die Herkunft der Norm angeben.' })
  @MaxLength(500, { message: 'Die Herkunft darf höchstens 500 Zeichen lang sein.' })
  origin?: string;

  @Field(() => [Int], { nullable: true, description: 'Outer radii of the catchment zones in metres, ascending (Einzugszonen).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Bitte mindestens eine Einzugszone angeben.' })
  @ArrayMaxSize(10, { message: 'Höchstens 10 Einzugszonen.' })
  zoneRadiiM?: number[];

  @Field(() => [Float], { nullable: true, description: 'Distance-decay weight per zone, 0–1, not increasing (Distanzgewichte).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Bitte mindestens ein Gewicht angeben.' })
  @ArrayMaxSize(10, { message: 'Höchstens 10 Gewichte.' })
  zoneWeights?: number[];
}

@InputType({ description: 'A new coverage norm; all fields are required.' })
export class CreateCoverageNormInput extends NormFields {}

@InputType({ description: 'Changes to the coverage norm of a category; only the fields given are changed.' })
export class UpdateCoverageNormInput extends NormFields {
  @Field(() => Int, { description: 'Category whose norm is changed (a norm is identified by its category; it cannot move to another).' })
  declare categoryId: number;

  @Field(() => Int, { description: 'The version you read (`serviceCategories { norm { version } }`); a newer one gives CONFLICT.' })
  version!: number;
}

@ArgsType()
class RetireNormArgs {
  @Field(() => Int, { description: 'Category whose norm is deleted.' })
  categoryId!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

/** A norm is addressed by its category. */
async function normIdOf(tx: Tx, categoryId: number): Promise<number> {
  const norm = await tx.coverageNorm.findUnique({ where: { categoryId } });
  if (!norm) throw new NotFoundError('coverage norm of category', categoryId);
  return norm.id;
}

async function normData(tx: Tx, input: NormFields, current?: { id: number; zoneRadiiM: number[]; zoneWeights: number[] }) {
  const problems: FieldProblem[] = [];
  if (!current) {
    for (const [field, what] of [['categoryId', 'die Angebotsart'], ['targetIndicatorId', 'den Zielgruppenindikator'], ['targetDescription', 'die Zielgruppe'], ['capacityPer1000', 'den Richtwert'], ['origin', 'die Herkunft'], ['zoneRadiiM', 'die Einzugszonen'], ['zoneWeights', 'die Gewichte']] as const) {
      if (input[field] === undefined || input[field] === null) problems.push(problem(field, 'REQUIRED', `Bitte ${what} angeben.`));
    }
  }
  if (input.categoryId !== undefined) {
    if (!(await tx.serviceCategory.findUnique({ where: { id: input.categoryId } }))) problems.push(problem('categoryId', 'UNKNOWN_REFERENCE', 'Diese Angebotsart gibt es nicht.'));
    const twin = await tx.coverageNorm.findUnique({ where: { categoryId: input.categoryId } });
    if (twin && twin.id !== current?.id) problems.push(problem('categoryId', 'DUPLICATE', 'Für diese Angebotsart gibt es schon eine Norm; bitte diese ändern.'));
  }
  if (input.targetIndicatorId !== undefined && !(await tx.indicator.findUnique({ where: { id: input.targetIndicatorId } }))) {
    problems.push(problem('targetIndicatorId', 'UNKNOWN_REFERENCE', 'Diesen Indikator gibt es nicht.'));
  }
  const radii = input.zoneRadiiM ?? current?.zoneRadiiM ?? [];
  const weights = input.zoneWeights ?? current?.zoneWeights ?? [];
  if (radii.some((r, i) => r <= 0 || (i > 0 && r <= (radii[i - 1] as number)))) problems.push(problem('zoneRadiiM', 'OUT_OF_RANGE', 'Die Radien müssen positiv sein und aufsteigen (z. B. 500, 1000, 1500).'));
  if (weights.some((w, i) => w < 0 || w > 1 || (i > 0 && w > (weights[i - 1] as number)))) problems.push(problem('zoneWeights', 'OUT_OF_RANGE', 'Die Gewichte müssen zwischen 0 und 1 liegen und dürfen nach außen nicht steigen.'));
  if (radii.length !== weights.length) problems.push(problem('zoneWeights', 'INVALID_FORMAT', 'Bitte für jede Einzugszone genau ein Gewicht angeben.'));
  await checkInput(input, problems);
  return given({
    categoryId: input.categoryId,
    targetIndicatorId: input.targetIndicatorId,
    targetDescription: input.targetDescription?.trim(),
    capacityPer1000: input.capacityPer1000,
    origin: input.origin?.trim(),
    zoneRadiiM: input.zoneRadiiM,
    zoneWeights: input.zoneWeights,
  });
}

@Resolver()
export class NormMutations {
  @Authorized('PLANNER')
  @Mutation(() => CoverageNorm, { description: 'Sets the coverage norm and catchment zones of a category (Versorgungsnorm anlegen). Role: PLANNER.' })
  createCoverageNorm(@Ctx() ctx: Context, @Arg('input', () => CreateCoverageNormInput, { description: 'The new norm.' }) input: CreateCoverageNormInput) {
    return edit(ctx, async (tx) => createAudited(ctx, tx, 'coverageNorm', 'coverage_norm', await normData(tx, input)));
  }

  @Authorized('PLANNER')
  @Mutation(() => CoverageNorm, { description: 'Changes a coverage norm (Versorgungsnorm ändern). Role: PLANNER.' })
  updateCoverageNorm(@Ctx() ctx: Context, @Arg('input', () => UpdateCoverageNormInput, { description: 'Id, version read and the changes.' }) input: UpdateCoverageNormInput) {
    return edit(ctx, async (tx) => {
      const id = await normIdOf(tx, input.categoryId);
      const current = await tx.coverageNorm.findUniqueOrThrow({ where: { id } });
      const data = await normData(tx, input, current);
      return updateAudited(ctx, tx, 'coverageNorm', 'coverage_norm', id, input.version, data);
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Deletes the norm of a category; coverage and accessibility then report it as missing (Versorgungsnorm löschen). Role: PLANNER.' })
  async retireCoverageNorm(@Ctx() ctx: Context, @Args() { categoryId, version }: RetireNormArgs): Promise<RetireResult> {
    const id = await edit(ctx, async (tx) => {
      const normId = await normIdOf(tx, categoryId);
      await deleteAudited(ctx, tx, 'coverageNorm', 'coverage_norm', normId, version);
      return normId;
    });
    return { entity: 'coverage_norm', id, deleted: true, version: null };
  }
}
