import { IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Source } from './indicator.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { DateScalar } from '../../scalars/date';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

/** Stable keys as the shipped ones, e.g. "leipzig-statistik": lower case, digits, hyphens. */
const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType({ description: 'Fields of a data source (Quelle).' })
class SourceFields {
  @Field(() => String, { nullable: true, description: 'Title of the dataset (Titel).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte den Titel der Quelle angeben.' })
  @MaxLength(300, { message: 'Der Titel darf höchstens 300 Zeichen lang sein.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Publisher (Herausgeber), e.g. "Stadt Leipzig, Amt für Statistik und Wahlen".' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte den Herausgeber angeben.' })
  @MaxLength(300, { message: 'Der Herausgeber darf höchstens 300 Zeichen lang sein.' })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'Licence (Lizenz), e.g. "Datenlizenz Deutschland – Namensnennung 2.0".' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte die Lizenz angeben (z. B. Datenlizenz Deutschland – Namensnennung 2.0).' })
  @MaxLength(300, { message: 'Die Lizenz darf höchstens 300 Zeichen lang sein.' })
  licence?: string;

  @Field(() => String, { nullable: true, description: 'Attribution text shown wherever the data is shown or exported (Quellenangabe).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte die Quellenangabe angeben, die bei jeder Anzeige und jedem Export erscheint.' })
  @MaxLength(500, { message: 'Die Quellenangabe darf höchstens 500 Zeichen lang sein.' })
  attribution?: string;

  @Field(() => String, { nullable: true, description: 'Where the data is published, https://…' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Die Adresse (URL) muss mit http:// oder https:// beginnen.' })
  @MaxLength(1000, { message: 'Die Adresse (URL) darf höchstens 1.000 Zeichen lang sein.' })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the data was retrieved (Abrufdatum).' })
  retrievedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'True for synthetic demo data (Demo-Daten) that every view labels as such; default false.' })
  synthetic?: boolean;
}

@InputType({ description: 'A new source; key, title, publisher, licence and attribution are required.' })
export class CreateSourceInput extends SourceFields {
  @Field({ description: 'Stable key: lower-case letters, digits and hyphens, e.g. "leipzig-statistik". Cannot be changed later.' })
  @Matches(KEY_PATTERN, { message: 'Der Schlüssel darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (z. B. leipzig-statistik).' })
  @MaxLength(63, { message: 'Der Schlüssel darf höchstens 63 Zeichen lang sein.' })
  key!: string;
}

@InputType({ description: 'Changes to a source; only the fields given are changed. The key stays.' })
export class UpdateSourceInput extends SourceFields {
  @Field(() => Int, { description: 'Id of the source.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

async function sourceData(tx: Tx, input: SourceFields & { key?: string }, creating: boolean) {
  const problems: FieldProblem[] = [];
  if (creating) {
    for (const [field, what] of [['key', 'den Schlüssel'], ['title', 'den Titel'], ['publisher', 'den Herausgeber'], ['licence', 'die Lizenz'], ['attribution', 'die Quellenangabe']] as const) {
      if (input[field] === undefined || input[field] === null) problems.push(problem(field, 'REQUIRED', `Bitte ${what} angeben.`));
    }
  }
  if (input.key !== undefined && KEY_PATTERN.test(input.key)) {
    const twin = await tx.source.findUnique({ where: { key: input.key } });
    if (twin) problems.push(problem('key', 'DUPLICATE', `Den Schlüssel „${input.key}“ hat schon die Quelle „${twin.title}“.`));
  }
  if (input.retrievedAt && input.retrievedAt.getTime() > Date.now()) problems.push(problem('retrievedAt', 'OUT_OF_RANGE', 'Das Abrufdatum liegt in der Zukunft.'));
  await checkInput(input, problems);
  return given({
    key: input.key,
    title: input.title?.trim(),
    publisher: input.publisher?.trim(),
    licence: input.licence?.trim(),
    attribution: input.attribution?.trim(),
    url: input.url === undefined ? undefined : input.url?.trim() || null,
    retrievedAt: input.retrievedAt,
    synthetic: input.synthetic ?? undefined,
  });
}

const asSource = (row: unknown) => row as Source;

@Resolver()
export class SourceMutations {
  @Authorized('ADMIN')
  @Mutation(() => Source, { description: 'Adds a data source with licence and attribution (Quelle anlegen). Role: ADMIN.' })
  async createSource(@Ctx() ctx: Context, @Arg('input', () => CreateSourceInput, { description: 'The new source.' }) input: CreateSourceInput) {
    return asSource(await edit(ctx, async (tx) => createAudited(ctx, tx, 'source', 'source', await sourceData(tx, input, true))));
  }

  @Authorized('ADMIN')
  @Mutation(() => Source, { description: 'Changes title, publisher, licence, attribution, URL or retrieval date of a source (Quelle ändern). Role: ADMIN.' })
  async updateSource(@Ctx() ctx: Context, @Arg('input', () => UpdateSourceInput, { description: 'Id, version read and the changes.' }) input: UpdateSourceInput) {
    return asSource(await edit(ctx, async (tx) => updateAudited(ctx, tx, 'source', 'source', input.id, input.version, await sourceData(tx, input, false))));
  }

  @Authorized('ADMIN')
  @Mutation(() => RetireResult, { description: 'Deletes a source that no record cites (Quelle löschen); cited sources stay, so attribution is never lost. Role: ADMIN.' })
  async retireSource(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, async (tx) => {
      const where = { sourceId: id };
      const counts: [number, string][] = [
        [await tx.indicator.count({ where }), 'Indikator(en)'],
        [await tx.area.count({ where }), 'Gebiet(e)'],
        [await tx.provider.count({ where }), 'Träger'],
        [await tx.service.count({ where }), 'Angebot(e)'],
        [await tx.location.count({ where }), 'Standort(e)'],
        [await tx.funding.count({ where }), 'Förderung(en)'],
        [await tx.priceIndex.count({ where }), 'Preisindexwert(e)'],
        [await tx.plan.count({ where }), 'Plan/Pläne'],
        [await tx.participationEvent.count({ where }), 'Beteiligung(en)'],
      ];
      const uses = counts.filter(([n]) => n > 0).map(([n, what]) => `${n.toLocaleString('de-DE')} ${what}`);
      if (uses.length) {
        await checkInput({}, [problem('id', 'HAS_DEPENDENTS', `Die Quelle wird noch zitiert (${uses.join(', ')}); gelöscht werden nur Quellen, auf die sich nichts mehr bezieht.`)]);
      }
      await deleteAudited(ctx, tx, 'source', 'source', id, version);
    });
    return { entity: 'source', id, deleted: true, version: null };
  }
}
