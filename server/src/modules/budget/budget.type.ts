import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal';

@ObjectType({ description: 'Planned amount of one cost type within a budget product (Kostenart).' })
export class BudgetCostType {
  @Field({ description: 'Cost type as published, e.g. "16 Transferaufwendungen …" (Kostenart).' })
  costType!: string;

  @Field(() => DecimalScalar, { description: 'Planned EUR, nominal (Planansatz).' })
  planned!: string;
}

@ObjectType({ description: 'Residents or a target group counted for a per-person figure, with the year the count is from.' })
export class BudgetPopulation {
  @Field(() => Float, { description: 'Persons.' })
  value!: number;

  @Field(() => Int, { description: 'Year of the count: the latest visible value up to the plan year (Stand).' })
  year!: number;

  @Field({ description: 'Indicator key the count comes from, e.g. "population".' })
  indicatorKey!: string;

  @Field({ description: 'Indicator name (German).' })
  indicatorName!: string;
}

@ObjectType({
  description:
    'One product of the city’s planned budget (Produkt im Ergebnishaushalt) in one plan year: planned expenses, nominal and in constant prices, per resident and per person of the target group. ' +
    'These are planned amounts for a field of work, not grants per provider (see `Funding` for those).',
})
export class BudgetProduct {
  @Field({ description: 'Product code, e.g. "3650" or "3154-050" (Produkt).' })
  code!: string;

  @Field({ description: 'Product name as published (Produktbezeichnung).' })
  name!: string;

  @Field({ description: 'Budget block, e.g. "C Soziales & Jugend" (Bereich).' })
  block!: string;

  @Field(() => [String], { description: 'Offices planning the product, e.g. "51 - Amt für Jugend und Familie" (Amt).' })
  offices!: string[];

  @Field(() => DecimalScalar, { description: 'Planned expenses in EUR, prices of the plan year (nominal, Planansatz).' })
  planned!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Planned expenses in prices of `baseYear` (real): nominal × VPI(baseYear) / VPI(plan year); null when the plan year has no price index and no assumption was given.',
  })
  real!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Planned EUR per resident of the city (nominal), using `residents`; null without a count.' })
  perResident!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Planned EUR per person of the target group of the linked category (nominal), using `targetPopulation`; null when the product has no category or the category no target group.',
  })
  perTargetPerson!: string | null;

  @Field(() => BudgetPopulation, {
    nullable: true,
    description: 'Target group of the linked category, city-wide (Zielgruppe); null when no count of the group exists (the norm then uses all residents as a proxy, see `targetNote`).',
  })
  targetPopulation!: BudgetPopulation | null;

  @Field(() => String, { nullable: true, description: 'How the linked category’s target group is counted, from its coverage norm (Zielgruppe, Näherung).' })
  targetNote!: string | null;

  @Field(() => [BudgetCostType], { description: 'Planned EUR per cost type, largest first.' })
  costTypes!: BudgetCostType[];

  @Field(() => Int, { description: 'Published budget lines in the product.' })
  lineCount!: number;

  categoryId!: number | null;
}

@ObjectType({ description: 'A city’s planned budget in one plan year (Haushalt): its products, totals and how the figures were made.' })
export class BudgetYear {
  @Field(() => Int, { description: 'Plan year (Planjahr).' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Planned expenses of all products listed, EUR nominal.' })
  planned!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The same in prices of `baseYear`; null without a price index for the plan year.' })
  real!: string | null;

  @Field(() => Int, { description: 'Price base of `real` (Preisbasis).' })
  baseYear!: number;

  @Field(() => Float, { nullable: true, description: 'Price index used for the plan year (VPI, base 100 in the index’s base year); null when unknown.' })
  priceIndex!: number | null;

  @Field({ description: 'True when the plan year’s price index is not published yet and was projected with `assumedInflationPercent` (Annahme).' })
  priceIndexAssumed!: boolean;

  @Field(() => BudgetPopulation, { nullable: true, description: 'Residents of the city used for `perResident` (Einwohner).' })
  residents!: BudgetPopulation | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Planned EUR per resident, all products listed.' })
  perResident!: string | null;

  @Field(() => [BudgetProduct], { description: 'Products, largest planned amount first.' })
  products!: BudgetProduct[];

  @Field({ description: 'What the figures are and how they were computed (Methode).' })
  method!: string;

  cityId!: number;
  sourceIds!: number[];
}
