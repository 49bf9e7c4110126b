import { FundingKind, FundingStatus } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal';

registerEnumType(FundingKind, {
  name: 'FundingKind',
  description: 'Kind of funding (Förderart).',
  valuesConfig: {
    GRANT: { description: 'Grant (Zuwendung).' },
    SERVICE_FEE: { description: 'Fee for services under an agreement (Leistungsentgelt).' },
    PROJECT_GRANT: { description: 'Time-limited project funding (Projektförderung).' },
  },
});
registerEnumType(FundingStatus, {
  name: 'FundingStatus',
  description: 'Stage of a funding line (Bearbeitungsstand).',
  valuesConfig: {
    APPLIED: { description: 'Applied for (beantragt).' },
    GRANTED: { description: 'Granted (bewilligt).' },
    PAID: { description: 'Paid out (ausgezahlt).' },
  },
});

@ObjectType({ description: 'Money for a service or a provider from one funder in one year (Förderung).' })
export class Funding {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Funder (Fördermittelgeber), e.g. "Sozialamt", "Jugendamt", "Freistaat Sachsen", "ESF Plus".' })
  funder!: string;

  @Field(() => Int, { description: 'Year the money is for (Förderjahr).' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Amount in EUR, nominal, exact (Betrag).' })
  amount!: string;

  @Field(() => FundingKind, { description: 'Kind of funding (Förderart).' })
  kind!: FundingKind;

  @Field(() => FundingStatus, { description: 'Applied, granted or paid (Bearbeitungsstand).' })
  status!: FundingStatus;

  @Field({ description: 'False for draft records, visible only to roles that may see unpublished data (veröffentlicht).' })
  published!: boolean;

  serviceId!: number | null;
  providerId!: number | null;
  sourceId!: number | null;
}

@ObjectType({ description: 'Consumer price index of one year (Verbraucherpreisindex, VPI).' })
export class PriceIndexYear {
  @Field(() => Int, { description: 'Year (Jahr).' })
  year!: number;

  @Field(() => Float, { description: 'Index value; 100 in the base year (Indexwert).' })
  value!: number;

  @Field(() => Int, { description: 'Year in which the index is 100 (Basisjahr).' })
  baseYear!: number;
}

@ObjectType({ description: 'Funding located in one area in one year, nominal and in constant prices (Förderung je Gebiet).' })
export class AreaFundingTotal {
  @Field(() => Int, { description: 'Year (Förderjahr).' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Funding placed in the area, EUR in prices of the year (nominal), rounded to cents.' })
  nominal!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Funding in prices of `baseYear` (real): nominal × VPI(baseYear) / VPI(year), rounded to cents; null when the year has no price index.',
  })
  real!: string | null;

  @Field(() => Int, { description: 'Price base of `real` (Preisbasis).' })
  baseYear!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Real funding per resident in EUR (je Einwohner), using the indicator "population" of the area and year; null when missing or suppressed.',
  })
  perResident!: string | null;

  @Field({ description: 'How the figure was computed, including what is left out (Methode).' })
  method!: string;

  areaId!: number;
}
