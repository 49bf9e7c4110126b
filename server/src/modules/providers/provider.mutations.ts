import { normalizeProviderName, ProviderKind, UmbrellaAssociation } from '@sozialatlas/db';
import { IsNotEmpty, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Provider } from './provider.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, edit, given, updateAudited } from '../common/writes/versioned';

@InputType({ description: 'Fields of a provider (Träger).' })
class ProviderFields {
  @Field(() => String, { nullable: true, description: 'Name (Name des Trägers).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte den Namen des Trägers angeben.' })
  @MaxLength(300, { message: 'Der Name darf höchstens 300 Zeichen lang sein.' })
  name?: string;

  @Field(() => ProviderKind, { nullable: true, description: 'Municipal, non-profit or commercial (Trägerart).' })
  kind?: ProviderKind;

  @Field(() => UmbrellaAssociation, { nullable: true, description: 'Welfare umbrella association (Spitzenverband).' })
  umbrella?: UmbrellaAssociation | null;

  @Field(() => String, { nullable: true, description: 'Website, https://…' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Die Website muss mit http:// oder https:// beginnen.' })
  website?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False keeps the provider as a draft; default true.' })
  published?: boolean;
}

@InputType({ description: 'A new provider; name and kind are required.' })
export class CreateProviderInput extends ProviderFields {}

@InputType({ description: 'Changes to a provider; only the fields given are changed.' })
export class UpdateProviderInput extends ProviderFields {
  @Field(() => Int, { description: 'Id of the provider.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function providerData(tx: Tx, input: ProviderFields, creating: boolean, id?: number) {
  const problems: FieldProblem[] = [];
  if (creating && !input.name) problems.push(problem('name', 'REQUIRED', 'Bitte den Namen des Trägers angeben.'));
  if (creating && !input.kind) problems.push(problem('kind', 'REQUIRED', 'Bitte die Trägerart angeben.'));
  const normalizedName = input.name ? normalizeProviderName(input.name) : undefined;
  if (normalizedName) {
    const twin = await tx.provider.findUnique({ where: { normalizedName } });
    if (twin && twin.id !== id) problems.push(problem('name', 'DUPLICATE', `Diesen Träger gibt es schon: „${twin.name}“ (Nr. ${twin.id}).`));
  }
  await checkInput(input, problems);
  return given({ name: input.name?.trim(), normalizedName, kind: input.kind, umbrella: input.umbrella, website: input.website, published: input.published });
}

@Resolver()
export class ProviderMutations {
  @Authorized('PLANNER')
  @Mutation(() => Provider, { description: 'Creates a provider; refused when one with the same normalised name exists (Träger anlegen). Role: PLANNER.' })
  createProvider(@Ctx() ctx: Context, @Arg('input', () => CreateProviderInput, { description: 'The new provider.' }) input: CreateProviderInput) {
    return edit(ctx, async (tx) => createAudited(ctx, tx, 'provider', 'provider', await providerData(tx, input, true)));
  }

  @Authorized('PLANNER')
  @Mutation(() => Provider, { description: 'Changes a provider (Träger ändern). Role: PLANNER.' })
  updateProvider(@Ctx() ctx: Context, @Arg('input', () => UpdateProviderInput, { description: 'Id, version read and the changes.' }) input: UpdateProviderInput) {
    return edit(ctx, async (tx) => updateAudited(ctx, tx, 'provider', 'provider', input.id, input.version, await providerData(tx, input, false, input.id)));
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Unpublishes a provider; its services and funding stay (Träger zurückziehen). Role: PLANNER.' })
  async retireProvider(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    const row = await edit(ctx, (tx) => updateAudited(ctx, tx, 'provider', 'provider', id, version, { published: false }, { action: 'retire' }));
    return { entity: 'provider', id, deleted: false, version: row.version };
  }
}
