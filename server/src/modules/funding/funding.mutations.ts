import { FundingKind, FundingStatus } from '@sozialatlas/db';
import Decimal from 'decimal.js';
import { IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { DuplicateError } from '../../errors';
import { DecimalScalar } from '../../scalars/decimal';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../common/years';
import { Funding } from './funding.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

/** DECIMAL(14,2): up to 999,999,999,999.99 EUR. */
const MAX_AMOUNT = new Decimal('999999999999.99');

@InputType({ description: 'Fields of a funding row (Förderung): money for a service or provider from a funder in one year.' })
class FundingFields {
  @Field(() => Int, { nullable: true, description: 'Funded service; give a service, a provider or both.' })
  serviceId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Funded provider.' })
  providerId?: number | null;

  @Field(() => String, { nullable: true, description: 'Funder (Fördermittelgeber), e.g. "Jugendamt".' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte den Fördermittelgeber angeben.' })
  @MaxLength(200, { message: 'Der Fördermittelgeber darf höchstens 200 Zeichen lang sein.' })
  funder?: string;

  @Field(() => Int, { nullable: true, description: `Year (Haushaltsjahr), ${MIN_YEAR}–${MAX_YEAR}.` })
  @IsOptional()
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in EUR with at most two decimals, as a string, e.g. "12500.00" (Betrag).' })
  amount?: Decimal;

  @Field(() => FundingKind, { nullable: true, description: 'Grant, service fee or project grant (Förderart).' })
  kind?: FundingKind;

  @Field(() => FundingStatus, { nullable: true, description: 'Applied, granted or paid (Status).' })
  status?: FundingStatus;

  @Field(() => Boolean, { nullable: true, description: 'False keeps the row as a draft; default true.' })
  published?: boolean;
}

@InputType({ description: 'A new funding row; funder, year, amount, kind and status are required.' })
export class CreateFundingInput extends FundingFields {}

@InputType({ description: 'Changes to a funding row; only the fields given are changed.' })
export class UpdateFundingInput extends FundingFields {
  @Field(() => Int, { description: 'Id of the funding row.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function fundingData(tx: Tx, input: FundingFields, current?: { serviceId: number | null; providerId: number | null }) {
  const problems: FieldProblem[] = [];
  if (!current) {
    for (const [field, label] of [['funder', 'den Fördermittelgeber'], ['year', 'das Jahr'], ['amount', 'den Betrag'], ['kind', 'die Förderart'], ['status', 'den Status']] as const) {
      if (input[field] === undefined || input[field] === null) problems.push(problem(field, 'REQUIRED', `Bitte ${label} angeben.`));
    }
  }
  const serviceId = input.serviceId !== undefined ? input.serviceId : (current?.serviceId ?? null);
  const providerId = input.providerId !== undefined ? input.providerId : (current?.providerId ?? null);
  if (serviceId === null && providerId === null) problems.push(problem('serviceId', 'REQUIRED', 'Bitte ein Angebot oder einen Träger als Empfänger angeben.'));
  if (input.serviceId && !(await tx.service.findUnique({ where: { id: input.serviceId } }))) problems.push(problem('serviceId', 'UNKNOWN_REFERENCE', 'Dieses Angebot gibt es nicht.'));
  if (input.providerId && !(await tx.provider.findUnique({ where: { id: input.providerId } }))) problems.push(problem('providerId', 'UNKNOWN_REFERENCE', 'Diesen Träger gibt es nicht.'));
  if (input.amount !== undefined && input.amount !== null) {
    const amount = input.amount;
    if (amount.isNegative()) problems.push(problem('amount', 'OUT_OF_RANGE', 'Der Betrag darf nicht negativ sein.'));
    else if (amount.decimalPlaces() > 2) problems.push(problem('amount', 'INVALID_FORMAT', 'Der Betrag darf höchstens zwei Nachkommastellen (Cent) haben.'));
    else if (amount.greaterThan(MAX_AMOUNT)) problems.push(problem('amount', 'OUT_OF_RANGE', 'Der Betrag ist zu groß.'));
  }
  await checkInput(input, problems);
  return given({
    serviceId: input.serviceId,
    providerId: input.providerId,
    funder: input.funder?.trim(),
    year: input.year,
    amount: input.amount?.toFixed(2),
    kind: input.kind,
    status: input.status,
    published: input.published,
  });
}

/** Prisma's Decimal → the string the `Funding` type carries. */
const toFunding = (row: Record<string, unknown>) => ({ ...row, amount: String(row.amount) });

@Resolver()
export class FundingMutations {
  @Authorized('PLANNER')
  @Mutation(() => Funding, { description: 'Records funding for a service or provider in one year (Förderung erfassen). Role: PLANNER.' })
  createFunding(@Ctx() ctx: Context, @Arg('input', () => CreateFundingInput, { description: 'The new funding row.' }) input: CreateFundingInput) {
    // The unique index (recipient, funder, year, kind) decides between concurrent identical calls.
    return edit(ctx, async (tx) => toFunding(await createAudited(ctx, tx, 'funding', 'funding', await fundingData(tx, input))), {
      duplicate: async () => {
        const existing = await ctx.prisma.funding.findFirst({
          where: { serviceId: input.serviceId ?? null, providerId: input.providerId ?? null, funder: input.funder?.trim(), year: input.year, kind: input.kind },
          select: { id: true },
        });
        return new DuplicateError(
          `Diese Förderung ist schon erfasst (Eintrag ${existing?.id ?? '?'}: gleicher Empfänger, Fördermittelgeber, Jahr und Förderart); bitte den bestehenden Eintrag ändern. (funding row already exists)`,
          'funding',
          existing?.id ?? null,
        );
      },
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => Funding, { description: 'Changes a funding row (Förderung ändern). Role: PLANNER.' })
  updateFunding(@Ctx() ctx: Context, @Arg('input', () => UpdateFundingInput, { description: 'Id, version read and the changes.' }) input: UpdateFundingInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.funding.findUnique({ where: { id: input.id } });
      const data = await fundingData(tx, input, current ?? { serviceId: null, providerId: 0 });
      return toFunding(await updateAudited(ctx, tx, 'funding', 'funding', input.id, input.version, data));
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Deletes a funding row entered by mistake (Förderung löschen). Role: PLANNER.' })
  async retireFunding(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, (tx) => deleteAudited(ctx, tx, 'funding', 'funding', id, version));
    return { entity: 'funding', id, deleted: true, version: null };
  }
}
