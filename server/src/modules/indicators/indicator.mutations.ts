import { AggregationRule, deriveAggregates, IndicatorTopic, IndicatorUnit, Polarity } from '@sozialatlas/db';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Indicator } from './indicator.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

/** Stable keys used in queries, exports and the CSV import: snake_case, as the shipped ones. */
const KEY_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;
/** Units whose values may be added up; rates, shares, means and densities may not. */
const SUMMABLE_UNITS: IndicatorUnit[] = ['COUNT', 'EUR', 'SQUARE_METRE'];
const UNIT_NAMES: Record<IndicatorUnit, string> = {
  COUNT: 'Anzahl',
  PERCENT: 'Prozent',
  PER_THOUSAND: 'je 1.000',
  RATIO: 'Verhältniszahl',
  EUR: 'Euro',
  EUR_PER_MONTH: 'Euro je Monat',
  YEARS: 'Jahre',
  PER_KM2: 'je km²',
  SQUARE_METRE: 'm²',
};

@InputType({ description: 'Fields of an indicator definition (Indikator).' })
class IndicatorFields {
  @Field(() => String, { nullable: true, description: 'German name (Name), e.g. "SGB-II-Quote".' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte den Namen des Indikators angeben.' })
  @MaxLength(200, { message: 'Der Name darf höchstens 200 Zeichen lang sein.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  @IsOptional()
  @MaxLength(200, { message: 'Der englische Name darf höchstens 200 Zeichen lang sein.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Definition, and how the value is aggregated (Beschreibung).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte beschreiben, was der Indikator misst.' })
  @MaxLength(2000, { message: 'Die Beschreibung darf höchstens 2.000 Zeichen lang sein.' })
  description?: string;

  @Field(() => IndicatorUnit, { nullable: true, description: 'Unit (Einheit).' })
  unit?: IndicatorUnit;

  @Field(() => IndicatorTopic, { nullable: true, description: 'Topic (Themenfeld).' })
  topic?: IndicatorTopic;

  @Field(() => Polarity, { nullable: true, description: 'Whether higher means more need (Polarität).' })
  polarity?: Polarity;

  @Field(() => AggregationRule, { nullable: true, description: 'How values roll up to larger areas (Aggregationsregel).' })
  aggregation?: AggregationRule;

  @Field(() => Int, { nullable: true, description: 'For WEIGHTED_MEAN: the indicator whose values weight the parts (Bezugsgröße), a count that adds up.' })
  denominatorId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Source (Quelle) of the values.' })
  sourceId?: number;
}

@InputType({ description: 'A new indicator; key, name, description, unit, topic, polarity, aggregation and source are required.' })
export class CreateIndicatorInput extends IndicatorFields {
  @Field({ description: 'Stable key: lower-case letters, digits and underscores, starting with a letter, e.g. "sgb2_rate". Cannot be changed later.' })
  @Matches(KEY_PATTERN, { message: 'Der Schlüssel darf nur Kleinbuchstaben, Ziffern und Unterstriche enthalten, muss mit einem Buchstaben beginnen und 2–63 Zeichen lang sein (z. B. sgb2_rate).' })
  key!: string;
}

@InputType({ description: 'Changes to an indicator; only the fields given are changed. The key stays.' })
export class UpdateIndicatorInput extends IndicatorFields {
  @Field(() => Int, { description: 'Id of the indicator.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

type Current = { id: number; key: string; unit: IndicatorUnit; aggregation: AggregationRule; denominatorId: number | null };

async function indicatorData(tx: Tx, input: IndicatorFields & { key?: string }, current?: Current) {
  const problems: FieldProblem[] = [];
  if (!current) {
    const required = [
      ['key', 'den Schlüssel'], ['name', 'den Namen'], ['description', 'die Beschreibung'], ['unit', 'die Einheit'], ['topic', 'das Themenfeld'],
      ['polarity', 'die Polarität'], ['aggregation', 'die Aggregationsregel'], ['sourceId', 'die Quelle'],
    ] as const;
    for (const [field, what] of required) {
      if (input[field] === undefined || input[field] === null) problems.push(problem(field, 'REQUIRED', `Bitte ${what} angeben.`));
    }
  }
  if (input.key !== undefined && KEY_PATTERN.test(input.key)) {
    const twin = await tx.indicator.findUnique({ where: { key: input.key } });
    if (twin) problems.push(problem('key', 'DUPLICATE', `Den Schlüssel „${input.key}“ hat schon der Indikator „${twin.name}“.`));
  }
  if (input.sourceId !== undefined && input.sourceId !== null && !(await tx.source.findUnique({ where: { id: input.sourceId } }))) {
    problems.push(problem('sourceId', 'UNKNOWN_REFERENCE', 'Diese Quelle gibt es nicht.'));
  }

  // The rule, unit and weight are checked together, with what is stored for the fields not given.
  const unit = input.unit ?? current?.unit;
  const aggregation = input.aggregation ?? current?.aggregation;
  let denominatorId = input.denominatorId !== undefined ? input.denominatorId : current?.denominatorId ?? null;
  if (aggregation && aggregation !== 'WEIGHTED_MEAN') {
    if (input.denominatorId !== undefined && input.denominatorId !== null) {
      problems.push(problem('denominatorId', 'INVALID_FORMAT', 'Eine Bezugsgröße gibt es nur beim gewichteten Mittel (WEIGHTED_MEAN).'));
    }
    denominatorId = null; // switching to SUM or NOT_DERIVABLE drops the weight
  }
  if (aggregation === 'RATIO_OF_COUNTS' && aggregation !== current?.aggregation) {
    // numerator and denominator come with the catalogue (seed/data); not editable here yet
    problems.push(problem('aggregation', 'INVALID_FORMAT', 'Die Regel RATIO_OF_COUNTS (Quotient zweier Anzahlen) wird im Indikatorkatalog festgelegt, nicht hier.'));
  }
  if (aggregation === 'SUM' && unit && !SUMMABLE_UNITS.includes(unit)) {
    problems.push(problem('aggregation', 'INVALID_FORMAT', `Werte in der Einheit „${UNIT_NAMES[unit]}“ lassen sich nicht addieren; bitte WEIGHTED_MEAN mit Bezugsgröße oder NOT_DERIVABLE wählen.`));
  }
  if (aggregation === 'WEIGHTED_MEAN') {
    if (denominatorId === null || denominatorId === undefined) {
      problems.push(problem('denominatorId', 'REQUIRED', 'Ein gewichtetes Mittel braucht eine Bezugsgröße (z. B. population für einen Anteil an den Einwohnern).'));
    } else if (denominatorId === current?.id) {
      problems.push(problem('denominatorId', 'INVALID_FORMAT', 'Ein Indikator kann nicht seine eigene Bezugsgröße sein.'));
    } else {
      const weight = await tx.indicator.findUnique({ where: { id: denominatorId } });
      if (!weight) problems.push(problem('denominatorId', 'UNKNOWN_REFERENCE', 'Diesen Indikator (Bezugsgröße) gibt es nicht.'));
      else if (weight.unit !== 'COUNT' || weight.aggregation !== 'SUM') {
        problems.push(problem('denominatorId', 'INVALID_FORMAT', `Die Bezugsgröße „${weight.key}“ muss eine Anzahl sein, die sich addiert (Einheit COUNT, Regel SUM), z. B. population.`));
      }
    }
  }
  if (current) {
    if (input.unit !== undefined && input.unit !== current.unit) {
      const values = await tx.indicatorValue.count({ where: { indicatorId: current.id } });
      if (values) problems.push(problem('unit', 'HAS_DEPENDENTS', `Die Einheit lässt sich nicht ändern, solange ${values.toLocaleString('de-DE')} Werte in der bisherigen Einheit vorliegen; bitte einen neuen Indikator anlegen.`));
    }
    if ((unit !== 'COUNT' || aggregation !== 'SUM') && (unit !== current.unit || aggregation !== current.aggregation)) {
      const numerators = await tx.indicator.findMany({ where: { denominatorId: current.id }, select: { key: true }, orderBy: { key: 'asc' } });
      if (numerators.length) {
        problems.push(problem('aggregation', 'HAS_DEPENDENTS', `Der Indikator ist Bezugsgröße von ${numerators.map((n) => n.key).join(', ')} und muss deshalb eine Anzahl mit der Regel SUM bleiben.`));
      }
    }
  }
  await checkInput(input, problems);
  return given({
    key: input.key,
    name: input.name?.trim(),
    nameEn: input.nameEn === undefined ? undefined : input.nameEn?.trim() || null,
    description: input.description?.trim(),
    unit: input.unit,
    topic: input.topic,
    polarity: input.polarity,
    aggregation: input.aggregation,
    denominatorId: input.denominatorId !== undefined || input.aggregation !== undefined ? denominatorId : undefined,
    sourceId: input.sourceId,
  });
}

@Resolver()
export class IndicatorMutations {
  @Authorized('ADMIN')
  @Mutation(() => Indicator, { description: 'Defines a new indicator (Indikator anlegen); values then come by the CSV import. Role: ADMIN.' })
  createIndicator(@Ctx() ctx: Context, @Arg('input', () => CreateIndicatorInput, { description: 'The new indicator.' }) input: CreateIndicatorInput) {
    return edit(ctx, async (tx) => createAudited(ctx, tx, 'indicator', 'indicator', await indicatorData(tx, input)));
  }

  @Authorized('ADMIN')
  @Mutation(() => Indicator, {
    description:
      'Changes an indicator definition (Indikator ändern). A new aggregation rule or weight derives its Stadtbezirk/city values again. The unit is fixed once values exist. Role: ADMIN.',
  })
  updateIndicator(@Ctx() ctx: Context, @Arg('input', () => UpdateIndicatorInput, { description: 'Id, version read and the changes.' }) input: UpdateIndicatorInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.indicator.findUnique({ where: { id: input.id } });
      if (!current) throw new NotFoundError('indicator', input.id);
      const data = await indicatorData(tx, input, current);
      const rollUpChanges = data.aggregation !== undefined || data.denominatorId !== undefined;
      return updateAudited(ctx, tx, 'indicator', 'indicator', input.id, input.version, data, {
        // Derived values must follow the rule at once (all in the same transaction as the edit).
        after: rollUpChanges ? async () => void (await deriveAggregates(tx, { indicatorIds: [input.id] })) : undefined,
      });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => RetireResult, {
    description: 'Deletes an indicator that nothing uses yet — no values, not a weight, not in a norm or measure (Indikator löschen). Role: ADMIN.',
  })
  async retireIndicator(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, async (tx) => {
      const values = await tx.indicatorValue.count({ where: { indicatorId: id } });
      const numerators = await tx.indicator.count({ where: { denominatorId: id } });
      const norms = await tx.coverageNorm.count({ where: { targetIndicatorId: id } });
      const measures = await tx.measureIndicator.count({ where: { indicatorId: id } });
      const uses = [
        values && `${values.toLocaleString('de-DE')} Werte`,
        numerators && `Bezugsgröße von ${numerators} Indikator(en)`,
        norms && `Zielgruppe von ${norms} Versorgungsnorm(en)`,
        measures && `${measures} Maßnahme(n)`,
      ].filter(Boolean);
      if (uses.length) {
        await checkInput({}, [problem('id', 'HAS_DEPENDENTS', `Der Indikator wird noch verwendet (${uses.join(', ')}); gelöscht werden nur unbenutzte Indikatoren, damit Zeitreihen nachvollziehbar bleiben.`)]);
      }
      await deleteAudited(ctx, tx, 'indicator', 'indicator', id, version);
    });
    return { entity: 'indicator', id, deleted: true, version: null };
  }
}
